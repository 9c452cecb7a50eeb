"""Household visits (入户走访): the words a visit is recorded in, and the checks of its values.

A visit names its household, the residents met, the day (and time), the method, its
purposes, the worker's own account, an optional blood pressure, a follow-up date and who
visited. Pure rules over plain values; the store writes what these accept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gridworker.core.care_policy import NOBODY_HOME, VISIT_METHODS
from gridworker.core.messages import Message, joined, msg

__all__ = [
    "METHOD_NAMES",
    "NOBODY_HOME",
    "PURPOSES",
    "PURPOSE_NAMES",
    "VISIT_METHODS",
    "BloodPressure",
    "VisitError",
    "check_time",
    "norm_method",
    "norm_purposes",
    "parse_blood_pressure",
]

PURPOSES: tuple[str, ...] = (
    "日常走访",
    "关爱探访",
    "燃气安全检查",
    "矛盾纠纷调解",
    "政策宣传",
    "反诈宣传",
    "健康随访",
    "其他",
)
"""Why a visit was made (several per visit), in the order forms list them."""

METHOD_NAMES: dict[str, Message] = {
    "入户": msg("入户"),
    "电话": msg("电话"),
    "视频": msg("视频"),
    "到访不遇": msg("到访不遇"),
}
"""The methods as words the interface translates (the stored value is the key)."""

PURPOSE_NAMES: dict[str, Message] = {
    "日常走访": msg("日常走访"),
    "关爱探访": msg("关爱探访"),
    "燃气安全检查": msg("燃气安全检查"),
    "矛盾纠纷调解": msg("矛盾纠纷调解"),
    "政策宣传": msg("政策宣传"),
    "反诈宣传": msg("反诈宣传"),
    "健康随访": msg("健康随访"),
    "其他": msg("其他"),
}

_METHOD_SYNONYMS = {
    "上门": "入户",
    "入户走访": "入户",
    "走访": "入户",
    "电话回访": "电话",
    "打电话": "电话",
    "视频通话": "视频",
    "不在家": "到访不遇",
    "未遇": "到访不遇",
}


class VisitError(ValueError):
    """A value a visit cannot hold; ``args[0]`` is the sentence saying what and where."""


def norm_method(text: str) -> str:
    """One of :data:`VISIT_METHODS` (a few spoken variants accepted)."""
    t = text.strip()
    t = _METHOD_SYNONYMS.get(t, t)
    if t not in VISIT_METHODS:
        raise VisitError(
            msg(
                "走访方式“{value}”不认识，应为 {choices} 之一。",
                value=text,
                choices=joined(VISIT_METHODS, msg("、")),
            )
        )
    return t


def norm_purposes(values: Iterable[str]) -> list[str]:
    """Purposes in the forms' order, each once; at least one; unknown ones refused."""
    found: set[str] = set()
    for v in values:
        t = v.strip()
        if not t:
            continue
        if t == "政策宣传/反诈宣传":
            t = "政策宣传"
        if t not in PURPOSES:
            raise VisitError(
                msg(
                    "走访事由“{value}”不认识，应为 {choices} 之一。",
                    value=v,
                    choices=joined(PURPOSES, msg("、")),
                )
            )
        found.add(t)
    if not found:
        raise VisitError(msg("请至少选一项走访事由。"))
    return [p for p in PURPOSES if p in found]


_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")


def check_time(text: str | None) -> str | None:
    """A time of day as ``HH:MM`` (None for no time); a wrong one is refused."""
    if text is None or not text.strip():
        return None
    m = _TIME_RE.match(text.strip())
    if not m:
        raise VisitError(msg("走访时间“{value}”应写成 09:30 这样的时:分。", value=text))
    return f"{int(m.group(1)):02}:{m.group(2)}"


@dataclass(frozen=True)
class BloodPressure:
    systolic: int
    diastolic: int

    def __str__(self) -> str:
        return f"{self.systolic}/{self.diastolic}"


_BP_RE = re.compile(r"^\s*(\d{2,3})\s*[/／\\]\s*(\d{2,3})\s*(mmhg)?\s*$", re.IGNORECASE)


def parse_blood_pressure(text: str | None) -> BloodPressure | None:
    """``135/85`` as a reading (None for no reading); an impossible one is refused."""
    if text is None or not text.strip():
        return None
    m = _BP_RE.match(text)
    if not m:
        raise VisitError(msg("血压“{value}”应写成 135/85 这样的高压/低压。", value=text))
    return check_blood_pressure(int(m.group(1)), int(m.group(2)))


def check_blood_pressure(systolic: int, diastolic: int) -> BloodPressure:
    """A reading within what a living person's arm can show, systolic above diastolic."""
    if not (50 <= systolic <= 280 and 20 <= diastolic <= 180 and systolic > diastolic):
        raise VisitError(
            msg(
                "血压 {systolic}/{diastolic} 不合常理：高压应在 50–280、低压在 20–180 之间，且高压大于低压。",
                systolic=systolic,
                diastolic=diastolic,
            )
        )
    return BloodPressure(systolic, diastolic)


def check_visit_dates(visited_on: date, follow_up_on: date | None, today: date) -> None:
    """A visit is not recorded for a future day; a follow-up comes after the visit."""
    if visited_on > today:
        raise VisitError(
            msg("走访日期 {day} 还没到，不能登记未来的走访。", day=visited_on.isoformat())
        )
    if follow_up_on is not None and follow_up_on <= visited_on:
        raise VisitError(
            msg(
                "回访日期 {follow_up} 应在走访日期 {day} 之后。",
                follow_up=follow_up_on.isoformat(),
                day=visited_on.isoformat(),
            )
        )
