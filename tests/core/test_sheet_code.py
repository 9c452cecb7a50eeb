"""The code in a sheet's QR code, as a scanner or a person types it."""

from __future__ import annotations

from datetime import date

import pytest

from gridworker.core.sheet_code import parse_sheet_code, sheet_code

HID = "0190f3c2a1b27c3d8e9f0a1b2c3d4e5f"


def test_round_trip() -> None:
    code = sheet_code(HID, date(2025, 6, 3))
    assert code == "GW1:0190F3C2A1B27C3D8E9F0A1B2C3D4E5F:20250603"
    parsed = parse_sheet_code(code)
    assert (
        parsed is not None and parsed.household_id == HID and parsed.printed_on == date(2025, 6, 3)
    )


@pytest.mark.parametrize(
    "typed",
    [
        f"gw1:{HID}:20250603",
        f"  GW1：{HID.upper()}：20250603\n",  # an input method's full-width colons
        f"ＧＷ１:{HID}:20250603",
    ],
)
def test_typed_variants(typed: str) -> None:
    parsed = parse_sheet_code(typed)
    assert parsed is not None and parsed.household_id == HID


@pytest.mark.parametrize(
    "text",
    ["", "赵红", HID, f"GW1:{HID}:20251340", f"GW2:{HID}:20250603", f"GW1:{HID[:-1]}:20250603"],
)
def test_other_text_is_not_a_code(text: str) -> None:
    assert parse_sheet_code(text) is None


def test_only_household_ids_are_encoded() -> None:
    with pytest.raises(ValueError):
        sheet_code("not-an-id", date(2025, 6, 3))
