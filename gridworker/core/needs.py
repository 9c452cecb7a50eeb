"""Needs (诉求) and their closed loop: 已登记 → 现场解决 | 已上报 → 已反馈 → 已回访.

A need's status is not a stored field: it is read from the dates of the steps taken
(solved on the spot, passed up, fed back, revisited). Each step is its own fields, so
the office feeding back on a need while the worker revisits another step never makes
one of the two edits vanish: they merge field by field, and only two edits of the same
step (two results for one feedback) conflict, the loser kept for a person to review.

Pure rules; the store writes the steps these allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gridworker.core.messages import Message, joined, msg

__all__ = [
    "CATEGORIES",
    "OPEN",
    "REVISIT_WITHIN_DAYS",
    "SATISFACTION",
    "SOURCES",
    "STATUSES",
    "STATUS_NAMES",
    "STEPS",
    "NeedError",
    "NeedSteps",
    "check_step",
    "norm_choice",
]

SOURCES: tuple[str, ...] = ("居民提出", "网格员发现", "城市哨兵", "12345热线", "其他")
"""Where a need came from."""

CATEGORIES: tuple[str, ...] = (
    "生活困难",
    "医疗健康",
    "养老服务",
    "环境卫生",
    "物业维修",
    "邻里纠纷",
    "安全隐患",
    "政策咨询",
    "其他",
)

SATISFACTION: tuple[str, ...] = ("满意", "基本满意", "不满意")

STATUSES: tuple[str, ...] = ("已登记", "现场解决", "已上报", "已反馈", "已回访")
OPEN: tuple[str, ...] = ("已登记", "已上报")
"""Statuses in which somebody still owes the resident an answer."""

STATUS_NAMES: dict[str, Message] = {
    "已登记": msg("已登记"),
    "现场解决": msg("现场解决"),
    "已上报": msg("已上报"),
    "已反馈": msg("已反馈"),
    "已回访": msg("已回访"),
}

SOURCE_NAMES: dict[str, Message] = {
    "居民提出": msg("居民提出"),
    "网格员发现": msg("网格员发现"),
    "城市哨兵": msg("城市哨兵"),
    "12345热线": msg("12345热线"),
    "其他": msg("其他来源"),
}
CATEGORY_NAMES: dict[str, Message] = {
    "生活困难": msg("生活困难"),
    "医疗健康": msg("医疗健康"),
    "养老服务": msg("养老服务"),
    "环境卫生": msg("环境卫生"),
    "物业维修": msg("物业维修"),
    "邻里纠纷": msg("邻里纠纷"),
    "安全隐患": msg("安全隐患"),
    "政策咨询": msg("政策咨询"),
    "其他": msg("其他诉求"),
}
SATISFACTION_NAMES: dict[str, Message] = {
    "满意": msg("满意"),
    "基本满意": msg("基本满意"),
    "不满意": msg("不满意"),
}
"""The vocabularies as words the interface translates (the stored value is the key)."""

STEPS: tuple[str, ...] = ("solve", "report", "feedback", "revisit")

REVISIT_WITHIN_DAYS = 7
"""A need fed back is revisited (回访) within this many days: the resident confirms."""


class NeedError(ValueError):
    """A step a need cannot take now, or a value it cannot hold (``args[0]``: the sentence)."""


@dataclass(frozen=True)
class NeedSteps:
    """The dates of a need's steps (None: not taken)."""

    raised_on: date | None
    solved_on: date | None = None
    reported_on: date | None = None
    deadline: date | None = None
    feedback_on: date | None = None
    revisit_on: date | None = None

    @property
    def status(self) -> str:
        """The furthest step taken. Solved on the spot wins over passed up (two people
        acting at once: it was solved), and a revisit closes whatever came before."""
        if self.revisit_on is not None:
            return "已回访"
        if self.feedback_on is not None:
            return "已反馈"
        if self.solved_on is not None:
            return "现场解决"
        if self.reported_on is not None:
            return "已上报"
        return "已登记"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def is_overdue(self, on: date) -> bool:
        """Open and past its deadline (a deadline's own day is not late yet)."""
        return self.is_open and self.deadline is not None and self.deadline < on

    def days_overdue(self, on: date) -> int:
        return max(0, (on - self.deadline).days) if self.is_overdue(on) and self.deadline else 0

    def revisit_due(self, within: int = REVISIT_WITHIN_DAYS) -> date | None:
        """When the return visit is due: fed back, not yet revisited."""
        if self.feedback_on is None or self.revisit_on is not None:
            return None
        return self.feedback_on + timedelta(days=within)


_STEP_NAMES = {
    "solve": msg("现场解决"),
    "report": msg("上报"),
    "feedback": msg("反馈结果"),
    "revisit": msg("回访"),
}

_ALLOWED: dict[str, tuple[str, ...]] = {
    "solve": ("已登记",),
    "report": ("已登记", "已上报"),  # again while passed up: reassigned or escalated
    "feedback": ("已上报",),
    "revisit": ("已反馈", "现场解决"),
}


def check_step(steps: NeedSteps, step: str, on: date) -> None:
    """Refuse a step the need's status does not allow, or dated before what it follows."""
    status = steps.status
    if status not in _ALLOWED[step]:
        raise NeedError(
            msg(
                "这条诉求现在是“{status}”，不能{step}（{step}要在{allowed}时做）。",
                status=STATUS_NAMES[status],
                step=_STEP_NAMES[step],
                allowed=joined((STATUS_NAMES[s] for s in _ALLOWED[step]), msg("或")),
            )
        )
    before = {
        "solve": steps.raised_on,
        "report": steps.raised_on,
        "feedback": steps.reported_on,
        "revisit": steps.feedback_on or steps.solved_on,
    }[step]
    if before is not None and on < before:
        raise NeedError(
            msg(
                "{step}的日期 {on} 早于上一步的日期 {before}。",
                step=_STEP_NAMES[step],
                on=on.isoformat(),
                before=before.isoformat(),
            )
        )


def check_deadline(deadline: date, on: date) -> None:
    if deadline < on:
        raise NeedError(
            msg(
                "办理期限 {deadline} 早于上报日期 {on}。",
                deadline=deadline.isoformat(),
                on=on.isoformat(),
            )
        )


def norm_choice(value: str, choices: tuple[str, ...], what: Message) -> str:
    """A value of a short vocabulary (source, category, satisfaction), or a sentence."""
    v = value.strip()
    if v == "12345":
        v = "12345热线"
    if v not in choices:
        raise NeedError(
            msg(
                "{what}“{value}”不认识，应为 {choices} 之一。",
                what=what,
                value=value,
                choices=joined(choices, msg("、")),
            )
        )
    return v
