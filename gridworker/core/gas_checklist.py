"""The household gas-safety checklist template (resources/gas/checklist.json).

The items, what counts as a hazard, the default grade of each and the deadline of each
grade are data the office may later replace with a newer version, never code: the sheet
prints the current template's items with 合格/隐患/不适用 boxes, and the gas-inspection
records name the template version they were answered against. :func:`parse_checklist`
is pure; :func:`load_checklist` reads the shipped file (or another one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gridworker.core.messages import msg

__all__ = [
    "FORMAT",
    "GRADES",
    "ChecklistError",
    "ChecklistItem",
    "ChecklistTemplate",
    "GradePolicy",
    "GradeUpgrade",
    "parse_checklist",
]

FORMAT = "gridworker-gas-checklist"
GRADES = ("重大", "一般", "提示")
ANSWERS = ("合格", "隐患", "不适用")


class ChecklistError(ValueError):
    """A checklist file that cannot be used; args[0] is the Chinese sentence."""


@dataclass(frozen=True)
class GradeUpgrade:
    """A finding that makes an item's hazard graver than its default grade: the
    inspector ticks it on the form ("漏气或在卧室内" → 重大)."""

    when: str
    grade: str


@dataclass(frozen=True)
class ChecklistItem:
    """One thing the inspector checks."""

    code: str  # stable key the inspection records store ("leak", "hose_type", …)
    label: str  # 燃气泄漏检查（检漏）
    hazard_when: str  # what makes it a hazard
    grade: str  # default grade when it is one: 重大 / 一般 / 提示
    grade_note: str = ""  # when the grade differs ("直排式为重大")
    upgrades: tuple[GradeUpgrade, ...] = ()  # the findings that make it graver

    def grades(self) -> tuple[str, ...]:
        """The grades a hazard of this item may have: its default, then its upgrades'."""
        return tuple(dict.fromkeys((self.grade, *(u.grade for u in self.upgrades))))


@dataclass(frozen=True)
class GradePolicy:
    """What a grade of hazard means and what must follow."""

    grade: str
    meaning: str
    action: str
    deadline_days: int | None  # rectify (or recheck) within; None: no deadline
    reminder_days: int | None
    stop_use: bool  # 立即停用/关阀 on the spot
    notice: bool  # a written 整改通知书 is left
    stop_use_text: str = ""  # what the inspector tells the household, shown before saving


@dataclass(frozen=True)
class ChecklistTemplate:
    """A versioned checklist: its items in order and the policy of each grade."""

    version: int
    name: str
    effective: str
    items: tuple[ChecklistItem, ...]
    grades: tuple[GradePolicy, ...]
    answers: tuple[str, ...] = ANSWERS
    inspection_interval_months: int = 12
    absent_retry_days: int = 7  # nobody home (到访不遇): try again after this many days
    refused_retry_days: int = 30  # entry refused (拒绝入户): call again after this many days

    def item(self, code: str) -> ChecklistItem:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    def policy(self, grade: str) -> GradePolicy:
        for g in self.grades:
            if g.grade == grade:
                return g
        raise KeyError(grade)


def _text(d: Mapping[str, Any], key: str, where: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or (key in ("code", "label", "grade", "when") and not v.strip()):
        raise ChecklistError(msg("检查表 {where} 缺少“{key}”文字。", where=where, key=key))
    return v


def _days(d: Mapping[str, Any], key: str, where: str) -> int | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ChecklistError(
            msg("检查表 {where} 的“{key}”须是天数（非负整数）。", where=where, key=key)
        )
    return v


def parse_checklist(data: object) -> ChecklistTemplate:
    """A template from the decoded JSON; raises ChecklistError naming the bad part."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ChecklistError(msg("这不是燃气安全检查表文件（缺少 format: {fmt}）。", fmt=FORMAT))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ChecklistError(msg("检查表的版本号须是正整数。"))
    grades: list[GradePolicy] = []
    for i, g in enumerate(data.get("grades") or []):
        where = f"grades[{i}]"
        if not isinstance(g, dict):
            raise ChecklistError(msg("检查表 {where} 不是一个对象。", where=where))
        grades.append(
            GradePolicy(
                grade=_text(g, "grade", where),
                meaning=_text(g, "meaning", where),
                action=_text(g, "action", where),
                deadline_days=_days(g, "deadline_days", where),
                reminder_days=_days(g, "reminder_days", where),
                stop_use=bool(g.get("stop_use")),
                notice=bool(g.get("notice")),
                stop_use_text=str(g.get("stop_use_text") or ""),
            )
        )
    if sorted(g.grade for g in grades) != sorted(GRADES):
        raise ChecklistError(msg("检查表须给出重大、一般、提示三个等级各一次。"))
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for i, it in enumerate(data.get("items") or []):
        where = f"items[{i}]"
        if not isinstance(it, dict):
            raise ChecklistError(msg("检查表 {where} 不是一个对象。", where=where))
        item = ChecklistItem(
            code=_text(it, "code", where),
            label=_text(it, "label", where),
            hazard_when=_text(it, "hazard_when", where),
            grade=_text(it, "grade", where),
            grade_note=str(it.get("grade_note") or ""),
            upgrades=_upgrades(it.get("upgrades"), where),
        )
        for grade in item.grades():
            if grade not in GRADES:
                raise ChecklistError(
                    msg(
                        "检查表 {where} 的等级“{grade}”不是重大、一般或提示。",
                        where=where,
                        grade=grade,
                    )
                )
        if not re.fullmatch(r"[a-z][a-z0-9_]*", item.code):
            raise ChecklistError(
                msg(
                    "检查表 {where} 的代码“{code}”只能用小写字母、数字和下划线。",
                    where=where,
                    code=item.code,
                )
            )
        if item.code in seen:
            raise ChecklistError(msg("检查表中检查项代码 {code} 出现了两次。", code=item.code))
        seen.add(item.code)
        items.append(item)
    if not items:
        raise ChecklistError(msg("检查表没有任何检查项。"))
    interval = data.get("inspection_interval_months", 12)
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
        raise ChecklistError(msg("检查表的检查周期（月）须是正整数。"))
    absent = _days(data, "absent_retry_days", f"v{version}")
    refused = _days(data, "refused_retry_days", f"v{version}")
    return ChecklistTemplate(
        version=version,
        name=str(data.get("name") or ""),
        effective=str(data.get("effective") or ""),
        items=tuple(items),
        grades=tuple(sorted(grades, key=lambda g: GRADES.index(g.grade))),
        answers=tuple(data.get("answers") or ANSWERS),
        inspection_interval_months=interval,
        absent_retry_days=7 if absent is None else absent,
        refused_retry_days=30 if refused is None else refused,
    )


def _upgrades(data: object, where: str) -> tuple[GradeUpgrade, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ChecklistError(msg("检查表 {where} 的“upgrades”须是列表。", where=where))
    out = []
    for i, u in enumerate(data):
        here = f"{where}.upgrades[{i}]"
        if not isinstance(u, dict):
            raise ChecklistError(msg("检查表 {where} 不是一个对象。", where=here))
        out.append(GradeUpgrade(when=_text(u, "when", here), grade=_text(u, "grade", here)))
    return tuple(out)
