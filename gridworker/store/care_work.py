"""The work list's care, major-event, need and return-visit entries (its sources).

Each source is a few indexed reads: the due dates kept by the ``care`` hook
(``care_due``, ``followup_due``, see store/care_due.py) and the needs' own step dates.
A worker's list is its micro-grid; the office's is the whole community.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from gridworker.core.care import CareDue, MajorEvent, reason
from gridworker.core.ids import care_flag_id
from gridworker.core.messages import Message, msg
from gridworker.core.needs import REVISIT_WITHIN_DAYS
from gridworker.core.worklist import WorkItem
from gridworker.store.policies import care_policy
from gridworker.store.store import Store
from gridworker.store.worklist import register_source

__all__ = ["care_items", "need_items", "revisit_items"]


def _scope(store: Store) -> tuple[str, list[object]]:
    """SQL condition on ``h`` (the household) keeping a worker to its micro-grid."""
    ident = store.identity
    if ident.role == "worker" and ident.micro_grid_id:
        return " AND h.micro_grid_id = ?", [ident.micro_grid_id]
    return "", []


def _short(text: str, n: int = 24) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def care_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Flagged residents due or overdue by ``on``, and major events not yet answered."""
    where, params = _scope(store)
    day = on.isoformat()
    policy = care_policy(store)
    for r in store.conn.execute(
        "SELECT d.resident_id, d.reason, d.due, d.colour, d.last_counting, d.event_id, "
        "r.household_id, e.kind, e.happened_on "
        "FROM care_due d JOIN resident r ON r.id = d.resident_id "
        "JOIN household h ON h.id = r.household_id "
        "LEFT JOIN care_event e ON e.id = d.event_id "
        "WHERE ((d.reason = 'colour' AND d.due <= ?) "
        "OR (d.reason = 'event' AND e.happened_on <= ?))" + where,
        [day, day, *params],
    ):
        rid, why, due_text, colour, last, event_id, household, kind, happened = r
        due = date.fromisoformat(due_text)
        if why == "event":
            d = CareDue(
                "event", due, event=MajorEvent(kind or "其他", date.fromisoformat(happened))
            )
            yield WorkItem(
                "event", due, household, reason(d, on, policy), rid, event_id, colour=None
            )
            continue
        d = CareDue(
            "colour", due, colour=colour, last_counting=date.fromisoformat(last) if last else None
        )
        late = due < on
        if colour == "red":
            kind_of = "care_red_overdue" if late else "care_red_due"
        else:
            kind_of = "care_overdue" if late else "care_due"
        yield WorkItem(
            kind_of, due, household, reason(d, on, policy), rid, care_flag_id(rid), colour=colour
        )


def _need_reason(text: str, owner: str, deadline: date, on: date) -> Message:
    return msg(
        "诉求“{text}”：{owner}办理，期限 {deadline}，逾期 {days} 天",
        text=_short(text),
        owner=owner or msg("（未指定承办人）"),
        deadline=deadline.isoformat(),
        days=(on - deadline).days,
    )


def need_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Open needs past their deadline."""
    where, params = _scope(store)
    for r in store.conn.execute(
        "SELECT n.id, n.household_id, n.resident_id, n.deadline, n.text, n.owner "
        "FROM need n INDEXED BY need_open_deadline JOIN household h ON h.id = n.household_id "
        "WHERE n.solved_on IS NULL AND n.feedback_on IS NULL AND n.revisit_on IS NULL "
        "AND n.deadline < ? AND n.voided IS NOT 1" + where,
        [on.isoformat(), *params],
    ):
        deadline = date.fromisoformat(r[3])
        yield WorkItem(
            "need_overdue",
            deadline,
            r[1],
            _need_reason(r[4] or "", r[5] or "", deadline, on),
            r[2],
            r[0],
        )


def revisit_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Return visits: needs fed back and not yet revisited, and follow-up dates set at a
    visit that no later visit has answered."""
    where, params = _scope(store)
    day = on.isoformat()
    for r in store.conn.execute(
        "SELECT n.id, n.household_id, n.resident_id, n.feedback_on, n.text, n.result "
        "FROM need n INDEXED BY need_awaiting_revisit JOIN household h ON h.id = n.household_id "
        "WHERE n.revisit_on IS NULL AND n.feedback_on <= ? AND n.voided IS NOT 1" + where,
        [day, *params],
    ):
        fed = date.fromisoformat(r[3])
        yield WorkItem(
            "revisit_due",
            fed + timedelta(days=REVISIT_WITHIN_DAYS),
            r[1],
            msg(
                "诉求“{text}”已于 {day} 反馈，请回访居民是否满意",
                text=_short(r[4] or ""),
                day=fed.isoformat(),
            ),
            r[2],
            r[0],
        )
    for r in store.conn.execute(
        "SELECT f.household_id, f.visit_id, f.due, v.visited_on "
        "FROM followup_due f JOIN household h ON h.id = f.household_id "
        "JOIN visit v ON v.id = f.visit_id WHERE f.due <= ?" + where,
        [day, *params],
    ):
        yield WorkItem(
            "revisit_due",
            date.fromisoformat(r[2]),
            r[0],
            msg("{day} 走访时约定 {due} 再来回访", day=r[3], due=r[2]),
            None,
            r[1],
        )


register_source("care", care_items)
register_source("needs", need_items)
register_source("revisits", revisit_items)
