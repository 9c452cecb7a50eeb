"""ID numbers: every corrupt form is refused with a message the worker can act on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.idcard import (
    IdError,
    IdInfo,
    age_on,
    check_digit,
    is_valid_id,
    make_id,
    mask_id,
    normalize_id,
    parse_id,
    upgrade_15,
)

TODAY = dt.date(2025, 6, 1)
KNOWN = "11010519491231002X"

areas = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True)
births = st.dates(min_value=dt.date(1890, 1, 1), max_value=TODAY)
seqs = st.integers(min_value=0, max_value=999)


def _error(raw: str) -> IdError:
    with pytest.raises(IdError) as exc:
        parse_id(raw, today=TODAY)
    return exc.value


def test_known_valid_example() -> None:
    info = parse_id(KNOWN, today=TODAY)
    assert info == IdInfo(
        number=KNOWN, birth_date=dt.date(1949, 12, 31), sex="女", area_code="110105"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        " 11010519491231002X ",
        "110105 19491231 002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "\u3000110105\u00a019491231002X",
        "'11010519491231002X",
    ],
)
def test_accepts_sloppy_forms_and_stores_upper_case(raw: str) -> None:
    assert parse_id(raw, today=TODAY).number == KNOWN


def test_sex_from_17th_digit() -> None:
    male = make_id("510104", dt.date(1990, 1, 1), 123)
    female = make_id("510104", dt.date(1990, 1, 1), 124)
    assert parse_id(male, today=TODAY).sex == "男"
    assert parse_id(female, today=TODAY).sex == "女"


def test_wrong_check_digit_names_expected_digit() -> None:
    err = _error("110105194912310023")
    assert err.code == "checksum"
    assert str(err) == "身份证号校验位错误：应为 X，实为 3"
    assert err.message == str(err)
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(("raw", "n"), [("11010519491231002", 17), ("1101051949123100211", 19)])
def test_wrong_length(raw: str, n: int) -> None:
    err = _error(raw)
    assert err.code == "length"
    assert str(err) == f"身份证号应为18位，实为{n}位"


def test_empty() -> None:
    assert _error("  ").code == "empty"


@pytest.mark.parametrize("raw", ["11010519491231002Y", "110105-19491231002X", "1101051949X231002X"])
def test_invalid_characters(raw: str) -> None:
    err = _error(raw)
    assert err.code == "chars"
    assert "身份证号" in str(err)


def test_old_15_digit_number_suggests_conversion() -> None:
    err = _error("110105491231002")
    assert err.code == "old_15"
    assert err.suggestion == KNOWN
    assert KNOWN in str(err)
    assert "15位" in str(err)


def test_old_15_digit_number_from_a_number_cell() -> None:
    # 15 digits fit in a double, so Excel keeps them intact apart from the ".0".
    err = _error("110105491231002.0")
    assert err.code == "old_15"
    assert err.suggestion == KNOWN


def test_old_15_with_impossible_date_has_no_suggestion() -> None:
    err = _error("110105491331002")
    assert err.code == "old_15"
    assert err.suggestion is None
    assert "491331" not in (err.suggestion or "")


def test_upgrade_15() -> None:
    assert upgrade_15("110105491231002") == KNOWN
    assert upgrade_15(" 110105 491231002 ") == KNOWN
    with pytest.raises(IdError):
        upgrade_15("11010549123100")
    with pytest.raises(IdError):
        upgrade_15("110105491301002")


@pytest.mark.parametrize(
    "raw",
    ["5.10104E+17", "5.10104e17", "5.10104E17", "5.10104199001011E+17", "５.１０１０４Ｅ＋１７"],
)
def test_excel_scientific_notation(raw: str) -> None:
    err = _error(raw)
    assert err.code == "excel_number"
    assert "Excel" in str(err)
    assert "请把该列设为文本后重新填写" in str(err)


def test_excel_message_quotes_what_was_typed() -> None:
    assert str(_error("5.10104E+17")) == (
        "身份证号被 Excel 转成了数字（5.10104E+17），后几位已丢失，请把该列设为文本后重新填写"
    )


@pytest.mark.parametrize(
    "raw", ["510104199001011000.0", "510104199001011234.0", "5101041990010110.00"]
)
def test_excel_float_string(raw: str) -> None:
    assert _error(raw).code == "excel_number"


def test_excel_zeroed_tail() -> None:
    original = make_id("510104", dt.date(1990, 1, 1), 123)
    zeroed = original[:15] + "000"
    assert check_digit(zeroed[:17]) != "0"
    err = _error(zeroed)
    assert err.code == "excel_number"
    assert "Excel" in str(err)


def test_valid_number_ending_in_000_is_accepted() -> None:
    # Order code x00 with check digit 0 is a genuine number, not Excel damage.
    for day in range(1, 29):
        for seq in range(0, 1000, 100):
            number = make_id("510104", dt.date(1990, 1, day), seq)
            if number.endswith("000"):
                assert parse_id(number, today=TODAY).number == number
                return
    pytest.fail("no valid number ending in 000 found")


def test_invalid_birth_date() -> None:
    err = _error("510104199013451234")
    assert err.code == "birth_date"
    assert str(err) == "身份证号中的出生日期 19901345 不是有效日期"


def test_february_29_only_in_leap_years() -> None:
    assert is_valid_id(make_id("510104", dt.date(2000, 2, 29), 1), today=TODAY)
    first17 = "51010420010229001"
    assert _error(first17 + check_digit(first17)).code == "birth_date"


def test_future_birth_date() -> None:
    number = make_id("510104", dt.date(2025, 6, 2), 1)
    err = _error(number)
    assert err.code == "birth_date"
    assert "20250602" in str(err)
    assert "晚于今天" in str(err)
    assert parse_id(number, today=dt.date(2025, 6, 2)).birth_date == dt.date(2025, 6, 2)


def test_birth_before_1890() -> None:
    err = _error(make_id("510104", dt.date(1889, 12, 31), 1))
    assert err.code == "birth_date"
    assert "1890" in str(err)


def test_is_valid_id() -> None:
    assert is_valid_id(KNOWN)
    assert is_valid_id(KNOWN.lower())
    assert not is_valid_id(None)
    assert not is_valid_id("")
    assert not is_valid_id("110105491231002")
    assert not is_valid_id("5.10104E+17")


def test_default_today_rejects_far_future() -> None:
    assert not is_valid_id(make_id("510104", dt.date(2999, 1, 1), 1))


def test_normalize_id() -> None:
    assert normalize_id(None) == ""
    assert normalize_id(" 1101 0519491231002x ") == KNOWN


def test_check_digit_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        check_digit("1234")
    with pytest.raises(ValueError):
        check_digit("1101051949123100X")


def test_make_id_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        make_id("51010", dt.date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id("510104", dt.date(1990, 1, 1), 1000)
    with pytest.raises(ValueError):
        make_id("510104", dt.date(1990, 1, 1), -1)


@given(areas, births, seqs)
def test_make_id_parse_id_round_trip(area: str, birth: dt.date, seq: int) -> None:
    number = make_id(area, birth, seq)
    info = parse_id(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.area_code == area
    assert info.sex == ("男" if seq % 2 else "女")
    assert parse_id(number.lower(), today=TODAY) == info


@given(areas, births, seqs, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_error_is_caught(
    area: str, birth: dt.date, seq: int, pos: int, delta: int
) -> None:
    number = make_id(area, birth, seq)
    digit = (int(number[pos]) + delta) % 10
    typo = number[:pos] + str(digit) + number[pos + 1 :]
    assert not is_valid_id(typo, today=TODAY)


@given(areas, births, seqs)
def test_adjacent_transposition_is_caught(area: str, birth: dt.date, seq: int) -> None:
    number = make_id(area, birth, seq)
    for i in range(16):
        if number[i] != number[i + 1]:
            swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
            assert not is_valid_id(swapped, today=TODAY)


def test_mask_id_examples() -> None:
    assert mask_id("510104199001011234") == "510104********1234"
    assert mask_id("11010519491231002x") == "110105********002X"
    assert mask_id(None) == ""
    assert mask_id("") == ""
    assert mask_id("110105491231002") == "11010*******002"
    assert mask_id("12") == "**"
    assert mask_id("12345678") == "12*****8"


@given(areas, births, seqs)
def test_mask_never_reveals_birth_date_or_order_code(area: str, birth: dt.date, seq: int) -> None:
    number = make_id(area, birth, seq)
    masked = mask_id(number)
    assert len(masked) == 18
    assert masked[6:14] == "*" * 8
    assert masked[:6] == area
    assert masked[14:] == number[14:]


@given(st.text(alphabet="0123456789Xx -", max_size=40))
def test_mask_hides_most_of_anything(raw: str) -> None:
    text = normalize_id(raw)
    masked = mask_id(raw)
    assert len(masked) == len(text)
    revealed = sum(1 for a, b in zip(masked, text, strict=True) if a == b and a != "*")
    assert revealed <= 10
    assert revealed <= len(text) * 5 // 9 + 1
    if 15 <= len(text) <= 18:
        # wherever the birth date sits (old 15-digit: 6..11, 18-digit: 6..13) it is hidden
        assert set(masked[6:12]) == {"*"}


def test_age_on() -> None:
    info = parse_id(KNOWN, today=TODAY)
    assert age_on(info, dt.date(2024, 12, 30)) == 74
    assert age_on(info, dt.date(2024, 12, 31)) == 75
    assert age_on(dt.date(2000, 6, 1), dt.date(2000, 6, 1)) == 0


def test_age_on_leap_day_birthday() -> None:
    born = dt.date(2000, 2, 29)
    assert age_on(born, dt.date(2001, 2, 28)) == 0
    assert age_on(born, dt.date(2001, 3, 1)) == 1
    assert age_on(born, dt.date(2004, 2, 29)) == 4


def test_age_on_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError):
        age_on(dt.date(2000, 1, 2), dt.date(2000, 1, 1))


@given(births, st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2200, 1, 1)))
def test_age_on_matches_calendar_definition(birth: dt.date, on: dt.date) -> None:
    if on < birth:
        return
    age = age_on(birth, on)
    assert age >= 0
    assert (on.month, on.day) >= (birth.month, birth.day) or age == on.year - birth.year - 1
    assert (on.month, on.day) < (birth.month, birth.day) or age == on.year - birth.year


def _slow_check_digit(first17: str) -> str:
    """GB 11643 written out plainly: weights 2^(17-i) mod 11, check = (12 - S mod 11) mod 11."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    return "0123456789X"[(12 - total % 11) % 11]


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_fast_check_digit_equals_the_textbook_formula(first17: str) -> None:
    assert check_digit(first17) == _slow_check_digit(first17)


@given(st.from_regex(r"[0-9]{17}[0-9Xx]", fullmatch=True))
def test_plain_18_character_fast_path_agrees_with_the_normalising_path(raw: str) -> None:
    """A plain ASCII number and the same number in full-width form give the same verdict."""
    wide = "".join(chr(ord(c) + 0xFEE0) for c in raw)  # forces the slow, normalising path

    def verdict(value: str) -> tuple[str, str]:
        try:
            return "ok", repr(parse_id(value, today=TODAY))
        except IdError as e:
            return e.code, e.message

    assert verdict(raw) == verdict(wide)


def test_without_today_the_system_date_bounds_the_birth_date() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(IdError) as exc:
        parse_id(make_id("510104", tomorrow, 1))
    assert exc.value.code == "birth_date"
    assert parse_id(make_id("510104", dt.date.today(), 1)).birth_date == dt.date.today()


def test_parsed_info_is_an_ordinary_frozen_idinfo() -> None:
    info = parse_id(KNOWN, today=TODAY)
    made = IdInfo(number=KNOWN, birth_date=dt.date(1949, 12, 31), sex="女", area_code="110105")
    assert (info, hash(info), repr(info)) == (made, hash(made), repr(made))
    with pytest.raises(AttributeError):
        info.number = "x"  # type: ignore[misc]
