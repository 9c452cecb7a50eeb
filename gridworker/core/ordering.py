"""Ordering names the way people read them: 第二微网格 before 第十微网格, 2栋 before 10栋,
people's names by pinyin (安 before 李 before 赵), as a Chinese roster is ordered.

Code-point order puts 第三 before 第二, 10栋 before 2栋 and 赵 before 李 at random;
numbers — Arabic or Chinese — sort by value and names by their sound. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gridworker.core.pinyin_keys import char_readings

__all__ = ["chinese_number", "name_order_key", "natural_key"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = re.compile(r"\d+|[零〇一二两三四五六七八九十百千]+")


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral below 万 (十二 → 12, 一百零五 → 105), else None."""
    if not text or any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    if all(c in _DIGITS for c in text) and len(text) > 1:  # 二〇二六: read digit by digit
        return int("".join(str(_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
    return total + (digit or 0)


def natural_key(name: str | None) -> tuple[tuple[int, int | str], ...]:
    """Sort key: runs of digits or Chinese numerals compare by value, the rest as text."""
    out: list[tuple[int, int | str]] = []
    pos = 0
    text = name or ""
    for m in _NUMBER.finditer(text):
        if m.start() > pos:
            out.append((1, text[pos : m.start()]))
        run = m.group()
        value = int(run) if run.isdigit() else chinese_number(run)
        out.append((0, value) if value is not None else (1, run))
        pos = m.end()
    if pos < len(text):
        out.append((1, text[pos:]))
    return tuple(out)


@lru_cache(maxsize=65536)
def name_order_key(name: str) -> tuple[tuple[str, str], ...]:
    """Sort key of a person's name: each character by its (first) pinyin reading, then
    the character itself (so 李 and 黎, both li, stay apart but together)."""
    return tuple(((r[0] if (r := char_readings(c)) else c), c) for c in name.strip())
