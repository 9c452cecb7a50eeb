"""The code printed as a QR code on each household sheet: which household, which sheet.

``GW1:<household id>:<YYYYMMDD>`` — a version tag, the household's 32-hex-digit id and the
date the sheet was printed, in upper case (QR's compact alphanumeric mode; case does not
matter when it is read back). A USB barcode scanner types it like a keyboard, so the roster
search box (and the 录入纸质表 box) recognise it and open the household. Pure text rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["SheetCode", "parse_sheet_code", "sheet_code"]

PREFIX = "GW1"

# Scanners and input methods may send full-width colons or upper-case hex; NFKC and
# case-folding below take care of both. Spaces around the code are dropped.
_CODE_RE = re.compile(r"gw1:([0-9a-f]{32}):(\d{8})")


@dataclass(frozen=True)
class SheetCode:
    """What a scanned sheet code names."""

    household_id: str
    printed_on: date


def sheet_code(household_id: str, printed_on: date) -> str:
    """The text encoded in the sheet's QR code."""
    if not re.fullmatch(r"[0-9a-f]{32}", household_id):
        raise ValueError(f"not a household id: {household_id!r}")
    return f"{PREFIX}:{household_id.upper()}:{printed_on:%Y%m%d}"


def parse_sheet_code(text: str) -> SheetCode | None:
    """The household and date a typed or scanned code names, or None if it is not one."""
    t = unicodedata.normalize("NFKC", text).strip().casefold()
    m = _CODE_RE.fullmatch(t)
    if m is None:
        return None
    d = m.group(2)
    try:
        printed = date(int(d[:4]), int(d[4:6]), int(d[6:]))
    except ValueError:
        return None
    return SheetCode(m.group(1), printed)
