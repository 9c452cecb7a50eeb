"""The day's work list: what must be done, for whom, why, and in which order.

One list gathers entries from several kinds of work — care visits by colour, visits due
after a major event, needs past their deadline, return visits, gas hazards past their
deadline, households due for their gas check — each made by a *source* in the store
layer (``gridworker.store.worklist``). This module holds what an entry is and the one
order every screen, printout and command shows them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from gridworker.core.messages import Message, msg

WORK_KINDS: tuple[str, ...] = (
    "care_red_overdue",  # a red flag past its visit date
    "event",  # a major event: visit within 24 h whatever the colour
    "care_red_due",  # a red flag due today
    "care_overdue",  # a yellow or green flag past its visit date
    "care_due",  # a yellow or green flag due today
    "need_overdue",  # a need past its deadline
    "revisit_due",  # a return visit (回访) due
    "hazard_overdue",  # a gas hazard past its rectification deadline
    "hazard_recheck",  # a gas hazard waiting for its recheck
    "gas_due",  # a household due or overdue for its periodic gas check
    "gas_retry",  # a household where nobody was home for the gas check
)
"""Every kind of entry, most urgent first (shared/domain/visits.md, care-colors.md)."""

_RANK = {k: i for i, k in enumerate(WORK_KINDS)}

KIND_LABELS: dict[str, Message] = {
    "care_red_overdue": msg("红色关爱逾期"),
    "event": msg("重大事件后探访"),
    "care_red_due": msg("红色关爱到期"),
    "care_overdue": msg("关爱走访逾期"),
    "care_due": msg("关爱走访到期"),
    "need_overdue": msg("诉求逾期"),
    "revisit_due": msg("回访"),
    "hazard_overdue": msg("燃气隐患逾期未整改"),
    "hazard_recheck": msg("燃气隐患待复查"),
    "gas_due": msg("燃气安全检查到期"),
    "gas_retry": msg("燃气检查再次上门（上次到访不遇）"),
}
"""The name of each kind of entry, for the counts above the list, its rows, the printed
route and the command line: one place for every kind (the gas sources' too), so a
screen shows any registered kind without knowing it."""


def kind_label(kind: str) -> Message:
    """The name of a kind of entry (its key for a kind nobody named)."""
    return KIND_LABELS.get(kind) or msg("{kind}", kind=kind)


class _WorkItemFields(NamedTuple):
    kind: str
    due: date
    household_id: str
    reason: Message
    resident_id: str | None = None
    record_id: str | None = None
    colour: str | None = None


class WorkItem(_WorkItemFields):
    """One thing to do. ``record_id`` is the record the entry is about (the care flag,
    need, hazard…); ``reason`` says in one line why it is on the list.

    An immutable named tuple (the office's list holds thousands of entries, and a
    frozen dataclass costs twice as much to build); an unknown kind is refused."""

    __slots__ = ()

    def __new__(
        cls,
        kind: str,
        due: date,
        household_id: str,
        reason: Message,
        resident_id: str | None = None,
        record_id: str | None = None,
        colour: str | None = None,
    ) -> WorkItem:
        if kind not in _RANK:
            raise ValueError(f"unknown kind of work {kind!r}")
        return tuple.__new__(cls, (kind, due, household_id, reason, resident_id, record_id, colour))

    @property
    def rank(self) -> int:
        return _RANK[self.kind]

    def days_overdue(self, on: date) -> int:
        """Whole days past the due date as of ``on`` (0 on the day or before)."""
        return max(0, (on - self.due).days)


def ordered(items: Iterable[WorkItem], on: date) -> list[WorkItem]:
    """Most urgent first: by kind, then the longest overdue, then the earliest due; ties
    by household and resident so the order never depends on how the entries were read.

    Days overdue (``on`` − due, or 0) only grow as the due date is earlier, so "longest
    overdue, then earliest due" is simply the earliest due first: the key is the due
    date itself (the work list sorts thousands of entries at the office).
    """
    del on  # the order is the same as of any day: see above
    rank = _RANK
    return sorted(
        items,
        key=lambda i: (
            rank[i.kind],
            i.due,
            i.household_id,
            i.resident_id or "",
            i.record_id or "",
        ),
    )


def counts(items: Iterable[WorkItem]) -> dict[str, int]:
    """How many entries of each kind (the figures above the list), in kind order."""
    found: dict[str, int] = {}
    for i in items:
        found[i.kind] = found.get(i.kind, 0) + 1
    return {k: found[k] for k in WORK_KINDS if k in found}
