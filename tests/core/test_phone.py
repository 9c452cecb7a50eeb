"""Phone numbers: one canonical spelling per number, precise messages for bad ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.phone import PhoneError, is_valid_phone, mask_phone, parse_phone

mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13888888888", "13888888888"),
        (" 138 8888 8888", "13888888888"),
        ("138-8888-8888", "13888888888"),
        ("+86 13888888888", "13888888888"),
        ("+86-138-8888-8888", "13888888888"),
        ("0086 13888888888", "13888888888"),
        ("8613888888888", "13888888888"),
        ("(+86)13888888888", "13888888888"),
        ("１３８99506466", "13899506466"),
        ("１３８　９９５０　６４６６", "13899506466"),
        ("138\u20148888\u20138888", "13888888888"),
        ("028-85123456", "028-85123456"),
        ("02885123456", "028-85123456"),
        ("(028)85123456", "028-85123456"),
        ("（028）85123456", "028-85123456"),
        ("028 8512 3456", "028-85123456"),
        ("010-62345678", "010-62345678"),
        ("0833-2345678", "0833-2345678"),
        ("08332345678", "0833-2345678"),
        ("+86 28 8512 3456", "028-85123456"),
        ("028-85123456转123", "028-85123456转123"),
        ("028-85123456 转 123", "028-85123456转123"),
        ("028-85123456-123", "028-85123456转123"),
        ("028-85123456分机8", "028-85123456转8"),
        ("028-85123456 ext.123", "028-85123456转123"),
        ("028-85123456#123", "028-85123456转123"),
        ("85123456", "85123456"),
        ("8512345", "8512345"),
        ("8512-3456", "85123456"),
        ("85123456转12", "85123456转12"),
        ("+1 415 555 2671", "+14155552671"),
        ("0044 20 7946 0958", "+442079460958"),
    ],
)
def test_parse_phone(raw: str, expected: str) -> None:
    assert parse_phone(raw) == expected


def _error(raw: str | None) -> PhoneError:
    with pytest.raises(PhoneError) as exc:
        parse_phone(raw)
    return exc.value


def test_short_mobile_message() -> None:
    err = _error("1388888888")
    assert err.code == "mobile_length"
    assert str(err) == "手机号应为11位，实为10位：1388888888"
    assert isinstance(err, ValueError)


def test_long_mobile() -> None:
    err = _error("138888888889")
    assert err.code == "mobile_length"
    assert "实为12位" in str(err)


def test_mobile_second_digit() -> None:
    err = _error("12345678901")
    assert err.code == "mobile_prefix"
    assert "第二位" in str(err)


@pytest.mark.parametrize(("raw", "code"), [("", "empty"), (None, "empty"), ("  ", "empty")])
def test_empty(raw: str | None, code: str) -> None:
    assert _error(raw).code == code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("13888888888/13999999999", "multiple"),
        ("13888888888，13999999999", "multiple"),
        ("13888888888或13999999999", "multiple"),
        ("138abc88888", "chars"),
        ("无", "chars"),
        ("028-851234", "landline_length"),
        ("028-851234567", "landline_length"),
        ("028-05123456", "landline_local"),
        ("654321", "length"),
        ("851234567", "length"),
        ("13888888888转12", "extension"),
        ("+1 23", "international"),
    ],
)
def test_invalid(raw: str, code: str) -> None:
    err = _error(raw)
    assert err.code == code
    assert err.message == str(err)
    assert str(err)


def test_landline_message_names_area_code() -> None:
    assert str(_error("028-851234")) == "座机号码区号 028 后应为7或8位，实为6位：028851234"


def test_is_valid_phone() -> None:
    assert is_valid_phone("138 8888 8888")
    assert not is_valid_phone("1388888888")
    assert not is_valid_phone(None)


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("028-85123456", "028-8****456"),
        ("0833-2345678", "0833-2***678"),
        ("028-85123456转123", "028-8****456转123"),
        ("85123456", "8****456"),
        ("8512345", "8***345"),
        ("+14155552671", "+14*****2671"),
        ("1388888888", "13******88"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(raw: str | None, masked: str) -> None:
    assert mask_phone(raw) == masked


@given(mobiles, st.sampled_from(["", "+86", "+86 ", "0086", "86", " "]), st.booleans())
def test_decorated_mobiles_normalise(mobile: str, prefix: str, dashed: bool) -> None:
    body = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}" if dashed else mobile
    assert parse_phone(prefix + body) == mobile


@given(mobiles)
def test_full_width_mobile(mobile: str) -> None:
    full = "".join(chr(ord(c) - ord("0") + ord("０")) for c in mobile)
    assert parse_phone(full) == mobile


@given(mobiles)
def test_mask_mobile_hides_middle_four(mobile: str) -> None:
    masked = mask_phone(mobile)
    assert masked == mobile[:3] + "****" + mobile[7:]


@given(
    st.sampled_from(["010", "020", "028", "0833", "0816", "0755"]),
    st.from_regex(r"[2-8][0-9]{6,7}", fullmatch=True),
)
def test_landline_round_trip_and_mask(area: str, local: str) -> None:
    canonical = parse_phone(area + local)
    assert canonical == f"{area}-{local}"
    assert parse_phone(canonical) == canonical
    masked = mask_phone(canonical)
    assert masked.startswith(f"{area}-{local[0]}")
    assert masked.endswith(local[-3:])
    assert masked.count("*") == len(local) - 4


@given(st.text(max_size=30))
def test_parse_phone_never_crashes_and_is_idempotent(raw: str) -> None:
    try:
        canonical = parse_phone(raw)
    except PhoneError:
        return
    assert parse_phone(canonical) == canonical


@given(st.text(max_size=30))
def test_mask_phone_never_crashes(raw: str) -> None:
    assert isinstance(mask_phone(raw), str)


@given(st.from_regex(r"1[0-9]{10}", fullmatch=True))
def test_plain_11_digit_fast_path_agrees_with_the_normalising_path(raw: str) -> None:
    """A plain mobile-looking cell and its full-width spelling get the same verdict."""
    wide = "".join(chr(ord(c) + 0xFEE0) for c in raw)

    def verdict(value: str) -> tuple[str, str]:
        try:
            return "ok", parse_phone(value)
        except PhoneError as e:
            return e.code, e.message

    assert verdict(raw) == verdict(wide)
