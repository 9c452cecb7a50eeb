"""When a resident with a care flag, or a major event, calls for a visit.

Pure date rules over plain facts (the store gathers them): a resident's current colour
and the day it was set, the visits that met them, and their major events. Kept here so
the worklist, the 三色关爱 screen, the month figures and the printed route agree.

The rules (shared/domain/care-colors.md, in the policy's numbers):
- due = last visit that counts for the colour + the colour's interval; a phone call does
  not count for red, 到访不遇 never counts;
- a flag with no counting visit is due on the day it was set;
- a due date is never before the day the current colour was set: raising the colour makes
  its shorter interval apply at once (due that day), not overdue for the weeks before;
- a major event makes a visit due within ``event_hours`` whatever the colour, answered by
  a counting visit on or after the event's day;
- a resident who moved out or died is never due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from gridworker.core.care_policy import CarePolicy
from gridworker.core.messages import Message, msg

COLOUR_NAMES: dict[str, Message] = {"red": msg("红色"), "yellow": msg("黄色"), "green": msg("绿色")}
"""The colours as words the interface translates (the stored value is the key)."""

EVENT_NAMES: dict[str, Message] = {
    "出院": msg("出院"),
    "极端天气": msg("极端天气"),
    "丧亲": msg("丧亲"),
    "其他": msg("其他重大事件"),
}


@dataclass(frozen=True)
class Contact:
    """A visit that met the resident: its day and how it was made."""

    on: date
    method: str


@dataclass(frozen=True)
class MajorEvent:
    kind: str
    on: date


@dataclass(frozen=True)
class CareDue:
    """One reason a resident must be visited, and by when."""

    reason: Literal["colour", "event"]
    due: date
    colour: str | None = None  # for reason "colour"
    last_counting: date | None = None  # the visit the due date counts from
    event: MajorEvent | None = None  # for reason "event"

    def days_overdue(self, today: date) -> int:
        """Whole days past the due date (0 on the day itself or before)."""
        return max(0, (today - self.due).days)

    def is_due(self, today: date) -> bool:
        return self.due <= today


def last_counting(contacts: Iterable[Contact], methods: frozenset[str]) -> date | None:
    """The day of the latest visit made in one of these ways."""
    days = [c.on for c in contacts if c.method in methods]
    return max(days) if days else None


def colour_due(
    colour: str | None,
    colour_since: date | None,
    contacts: Iterable[Contact],
    policy: CarePolicy,
) -> CareDue | None:
    """When the colour next calls for a visit (None without a colour)."""
    rule = policy.rule(colour) if colour else None
    if rule is None:
        return None
    last = last_counting(contacts, rule.counting_methods)
    if last is None:
        due = colour_since or date.min
    else:
        due = last + timedelta(days=rule.interval_days)
        if colour_since is not None and due < colour_since:
            due = colour_since
    return CareDue("colour", due, colour=rule.colour, last_counting=last)


def event_due(
    events: Iterable[MajorEvent], contacts: Iterable[Contact], policy: CarePolicy
) -> CareDue | None:
    """The earliest major event not yet answered by a counting visit on or after its day."""
    seen = list(contacts)
    pending = [
        e
        for e in events
        if not any(c.on >= e.on and c.method in policy.event_methods for c in seen)
    ]
    if not pending:
        return None
    first = min(pending, key=lambda e: (e.on, e.kind))
    days = -(-policy.event_hours // 24)  # within 24 h → by the next day
    return CareDue("event", first.on + timedelta(days=days), event=first)


def care_dues(
    *,
    active: bool,
    colour: str | None,
    colour_since: date | None,
    contacts: Iterable[Contact],
    events: Iterable[MajorEvent],
    policy: CarePolicy,
) -> list[CareDue]:
    """Every reason this resident must be visited (none if they moved out or died)."""
    if not active:
        return []
    seen = list(contacts)
    out = [
        d
        for d in (colour_due(colour, colour_since, seen, policy), event_due(events, seen, policy))
        if d is not None
    ]
    return out


def covered(
    colour: str | None,
    colour_since: date | None,
    contacts: Iterable[Contact],
    policy: CarePolicy,
    as_of: date,
) -> bool:
    """Whether a flagged resident is within their interval on ``as_of`` (visits up to that
    day): the month figures' "visited within the interval" (due that day still counts)."""
    seen = [c for c in contacts if c.on <= as_of]
    due = colour_due(colour, colour_since, seen, policy)
    return due is not None and due.due >= as_of


def _day(d: date) -> str:
    return d.isoformat()


def reason(due: CareDue, on: date, policy: CarePolicy) -> Message:
    """Why this resident is on the list, in one line (as of ``on``)."""
    if due.reason == "event" and due.event is not None:
        return msg(
            "{event}（{day}）：{hours} 小时内入户探访，不论关爱颜色",
            event=EVENT_NAMES.get(due.event.kind) or due.event.kind,
            day=_day(due.event.on),
            hours=policy.event_hours,
        )
    last = due.last_counting
    return colour_reason(due.colour, last.isoformat() if last else None, due.due, on)


def colour_reason(colour: str | None, last: str | None, due: date, on: date) -> Message:
    """The colour's line: the last counting visit (``YYYY-MM-DD``, None for none yet) and
    how late, as of ``on``. Takes plain values: the office's list builds thousands."""
    name = COLOUR_NAMES.get(colour or "") or (colour or "")
    if last is None:
        when = (
            msg("逾期 {days} 天", days=(on - due).days)
            if due < on
            else msg("今天到期")
            if due == on
            else msg("{due} 到期", due=_day(due))
        )
        return msg("{colour}关爱：标记后还没有算数的走访，{when}", colour=name, when=when)
    if due < on:
        return msg(
            "{colour}关爱：上次走访 {last}，逾期 {days} 天",
            colour=name,
            last=last,
            days=(on - due).days,
        )
    if due == on:
        return msg("{colour}关爱：上次走访 {last}，今天到期", colour=name, last=last)
    return msg("{colour}关爱：上次走访 {last}，{due} 到期", colour=name, last=last, due=_day(due))
