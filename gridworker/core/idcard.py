"""Citizen ID numbers (公民身份号码, GB 11643-1999).

Birth date and sex are derived from the number, so a wrong number silently corrupts the
care rules (age bands, 80+ red flags). Everything that is not a fully valid 18-character
number is rejected with a precise Chinese message the worker can act on — including
15-digit numbers from old paper rosters and numbers Excel has turned into floats.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from typing import Literal

from gridworker.core.messages import msg

__all__ = [
    "CHECK_CHARS",
    "MIN_BIRTH_DATE",
    "WEIGHTS",
    "IdError",
    "IdInfo",
    "age_on",
    "check_digit",
    "is_valid_id",
    "make_id",
    "mask_id",
    "normalize_id",
    "parse_id",
    "upgrade_15",
    "weighted_sum",
]

Sex = Literal["男", "女"]

MIN_BIRTH_DATE = dt.date(1890, 1, 1)
"""Earliest plausible birth date; anything older is a typo, not a resident."""

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
"""GB 11643: the weight of each of the first 17 digits in the check sum."""
CHECK_CHARS = "10X98765432"
"""GB 11643: the check character for each remainder of the weighted sum mod 11."""
_ASCII_ZERO_SUM = ord("0") * sum(WEIGHTS)  # what the ASCII codes add over the digit values
_LAST_CHARS = frozenset("0123456789Xx")

_WS_RE = re.compile(r"\s+")
# Excel's "General" format shows big numbers in scientific notation: 5.10104E+17.
_SCI_RE = re.compile(r"^\d+(?:\.\d+)?[eE][+]?\d+$")
# A number read back as a float: 510104199001011000.0
_FLOAT_RE = re.compile(r"^(\d+)\.\d*$")


@dataclass(frozen=True)
class IdInfo:
    """A validated 18-character ID number and the facts encoded in it."""

    number: str
    birth_date: dt.date
    sex: Sex
    area_code: str


_new_info = object.__new__


class IdError(ValueError):
    """An ID number that must not be stored; ``str(err)`` is the Chinese message.

    ``code`` is a stable English identifier for tests and for grouping import errors:
    "empty", "chars", "length", "old_15", "excel_number", "birth_date", "checksum".
    ``suggestion`` carries the converted 18-digit number for "old_15" when it can be
    computed, so the UI can offer it (the worker must still confirm it against the card).
    """

    def __init__(self, message: str, code: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.suggestion = suggestion

    def __str__(self) -> str:
        return self.message


def normalize_id(raw: str | None) -> str:
    """Canonical text form without validation: NFKC, no whitespace, upper-case X.

    Also drops the leading apostrophe people type in Excel/CSV to force a text cell.
    """
    if raw is None:
        return ""
    text = unicodedata.normalize("NFKC", raw)
    text = _WS_RE.sub("", text).replace("\u200b", "").replace("\ufeff", "")
    return text.lstrip("'").upper()


def check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits ("0"–"9" or "X")."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need exactly 17 ASCII digits, got {first17!r}")
    return _check_char(first17)


def _check_char(first17: str) -> str:
    """:func:`check_digit` without the argument check (17 ASCII digits already known).

    Imports validate 100,000 numbers at a time: multiplying the ASCII codes in C and
    subtracting the weighted "0"s once avoids 17 ``int()`` calls.
    """
    return CHECK_CHARS[(sum(map(mul, first17.encode("ascii"), WEIGHTS)) - _ASCII_ZERO_SUM) % 11]


def parse_id(raw: str, *, today: dt.date | None = None) -> IdInfo:
    """Validate an ID number and extract birth date, sex and area code.

    ``today`` bounds the birth date (injectable for tests; defaults to the system date).
    Raises :class:`IdError` with a message naming exactly what is wrong.
    """
    if raw and len(raw) == 18 and raw.isascii() and raw[:17].isdigit() and raw[17] in _LAST_CHARS:
        # The usual cell: 18 plain characters, nothing for normalize_id or the Excel
        # checks to change or find, so go straight to the date and checksum.
        return _parse_18(raw.upper(), today)
    number = normalize_id(raw)
    if not number:
        raise IdError(msg("身份证号为空"), "empty")
    _reject_excel_forms(number, raw)
    float_match = _FLOAT_RE.match(number)
    if float_match and len(float_match.group(1)) == 15:
        # A 15-digit number survives Excel intact; only the ".0" is an artefact.
        number = float_match.group(1)
    _check_chars(number)
    if len(number) == 15:
        raise _old_15_error(number, today)
    if len(number) != 18:
        raise IdError(msg("身份证号应为18位，实为{length}位", length=len(number)), "length")
    return _parse_18(number, today)


def _parse_18(number: str, today: dt.date | None) -> IdInfo:
    """The checks of an 18-character number: 17 ASCII digits, then a digit or X."""
    expected = _check_char(number[:17])
    if number.endswith("000") and expected != number[17]:
        raise IdError(
            msg(
                "身份证号疑似被 Excel 转成了数字（{number}，末三位为000且校验位不符），"
                "后几位已丢失，请把该列设为文本后重新填写",
                number=number,
            ),
            "excel_number",
        )
    birth = _birth_date(number[6:14], today)
    if expected != number[17]:
        raise IdError(
            msg(
                "身份证号校验位错误：应为 {expected}，实为 {found}",
                expected=expected,
                found=number[17],
            ),
            "checksum",
        )
    sex: Sex = "男" if number[16] in "13579" else "女"
    # Same object IdInfo(...) makes, without the frozen __init__'s four object.__setattr__
    # calls (a third of the parse on large imports).
    info = _new_info(IdInfo)
    info.__dict__.update(number=number, birth_date=birth, sex=sex, area_code=number[:6])
    return info


def is_valid_id(raw: str | None, *, today: dt.date | None = None) -> bool:
    """True if :func:`parse_id` would accept ``raw`` (15-digit numbers are not valid)."""
    if raw is None:
        return False
    try:
        parse_id(raw, today=today)
    except IdError:
        return False
    return True


def upgrade_15(raw: str) -> str:
    """Convert a pre-1999 15-digit number to 18 digits: insert "19", append check digit.

    15-digit numbers were issued to people born in the 1900s, so the century is always 19.
    Raises :class:`IdError` if ``raw`` is not 15 digits or its birth date is impossible.
    """
    number = normalize_id(raw)
    if len(number) != 15 or not number.isascii() or not number.isdigit():
        raise IdError(msg("15位旧身份证号应为15位数字，实为“{number}”", number=number), "length")
    first17 = number[:6] + "19" + number[6:]
    _birth_date(first17[6:14], None)
    return first17 + check_digit(first17)


def weighted_sum(digits: str, start: int) -> int:
    """The check-sum share of ``digits`` standing at position ``start`` of a number, for
    building numbers from parts (the check character is ``CHECK_CHARS[total % 11]``)."""
    return sum(
        int(c) * w for c, w in zip(digits, WEIGHTS[start : start + len(digits)], strict=True)
    )


def make_id(area: str, birth: dt.date, seq: int) -> str:
    """Build a valid 18-character number (demo data and tests only).

    ``seq`` is the 3-digit order code (0–999); odd means male, even female.
    """
    if len(area) != 6 or not area.isascii() or not area.isdigit():
        raise ValueError(f"area code must be 6 digits, got {area!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be 0..999, got {seq}")
    if not 0 < birth.year <= 9999:
        raise ValueError(f"birth year out of range: {birth}")
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def mask_id(number: str | None) -> str:
    """Mask an ID number for lists and printouts: "510104********1234".

    An 18-character number keeps the first 6 (area) and last 4; the birth date and the
    rest of the order code are starred. Shorter values (15-digit numbers, typos) keep the
    same proportions rounded down — a third at the front, two ninths at the end — so a
    15-digit number hides its embedded birth date too. The result has the length of the
    normalised input so columns line up.
    """
    text = normalize_id(number)
    n = len(text)
    if n == 0:
        return ""
    head, tail = (6, 4) if n >= 18 else (n // 3, 2 * n // 9)
    return text[:head] + "*" * (n - head - tail) + text[n - tail :]


def age_on(info_or_birth_date: IdInfo | dt.date, on: dt.date) -> int:
    """Age in completed years (周岁) on a given day.

    A person born on 29 February turns a year older on 1 March in non-leap years.
    Raises ``ValueError`` if ``on`` is before the birth date.
    """
    birth = (
        info_or_birth_date.birth_date
        if isinstance(info_or_birth_date, IdInfo)
        else info_or_birth_date
    )
    if on < birth:
        raise ValueError(f"date {on} is before birth date {birth}")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _reject_excel_forms(number: str, raw: str) -> None:
    """Raise "excel_number" for values that are clearly a number Excel reformatted.

    Excel keeps 15 significant digits, so any 16–18 digit value that went through a
    number cell has lost its tail, whatever it looks like now.
    """
    float_match = _FLOAT_RE.match(number)
    if _SCI_RE.match(number) or (float_match and 16 <= len(float_match.group(1)) <= 18):
        shown = unicodedata.normalize("NFKC", raw).strip()
        raise IdError(
            msg(
                "身份证号被 Excel 转成了数字（{shown}），后几位已丢失，请把该列设为文本后重新填写",
                shown=shown,
            ),
            "excel_number",
        )


def _check_chars(number: str) -> None:
    """Only digits, with X allowed as the last character."""
    bad = [c for c in number if not ("0" <= c <= "9" or c == "X")]
    if bad:
        shown = "".join(dict.fromkeys(bad))
        raise IdError(
            msg("身份证号含有无效字符“{shown}”：{number}", shown=shown, number=number), "chars"
        )
    if "X" in number[:-1]:
        raise IdError(msg("身份证号中的 X 只能出现在最后一位：{number}", number=number), "chars")


def _birth_date(yyyymmdd: str, today: dt.date | None) -> dt.date:
    """Parse and range-check the 8-digit birth date embedded in the number."""
    try:
        birth = _date8(yyyymmdd)
    except ValueError:
        raise IdError(
            msg("身份证号中的出生日期 {date} 不是有效日期", date=yyyymmdd), "birth_date"
        ) from None
    limit = today if today is not None else _today()
    if birth > limit:
        raise IdError(msg("身份证号中的出生日期 {date} 晚于今天", date=yyyymmdd), "birth_date")
    if birth < MIN_BIRTH_DATE:
        raise IdError(
            msg("身份证号中的出生日期 {date} 早于1890年，请核对", date=yyyymmdd), "birth_date"
        )
    return birth


def _old_15_error(number: str, today: dt.date | None) -> IdError:
    """Build the "old_15" error, suggesting the 18-digit form when it is computable."""
    try:
        upgraded = upgrade_15(number)
        _birth_date(upgraded[6:14], today)
    except IdError as err:
        return IdError(
            msg(
                "这是15位旧身份证号（{number}），且{problem}，请核对原件",
                number=number,
                problem=err.message,
            ),
            "old_15",
        )
    return IdError(
        msg(
            "这是15位旧身份证号（{number}），请改填18位号码，按规则转换应为 {upgraded}（请与身份证原件核对）",
            number=number,
            upgraded=upgraded,
        ),
        "old_15",
        suggestion=upgraded,
    )


@lru_cache(maxsize=65536)
def _date8(yyyymmdd: str) -> dt.date:
    """The date of "YYYYMMDD" (ValueError if impossible); a roster repeats birth dates."""
    return dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))


_today_cache: tuple[float, dt.date] = (0.0, dt.date.min)  # (valid until, local date)


def _today() -> dt.date:
    """``dt.date.today()``, remembered until the next local midnight (at most a minute).

    Asked once per ID number, and the system call dominated parsing on large imports.
    """
    global _today_cache
    now = time.time()
    until, day = _today_cache
    if now < until:
        return day
    day = dt.date.today()
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).timestamp()
    _today_cache = (min(midnight, now + 60.0), day)
    return day
