"""The work list's care, major-event, need and return-visit entries (its sources).

Each source is a few indexed reads: the due dates kept by the ``care`` hook
(``care_due``, ``followup_due``, see store/care_due.py) and the needs' own step dates.
A worker's list is its micro-grid; the office's is the whole community.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta

from gridworker.core.care import CareDue, MajorEvent, colour_reason, reason
from gridworker.core.messages import msg
from gridworker.core.needs import REVISIT_WITHIN_DAYS
from gridworker.core.worklist import WorkItem
from gridworker.store.policies import care_policy
from gridworker.store.store import Store
from gridworker.store.worklist import register_source

__all__ = ["care_items", "need_items", "revisit_items"]


def _scope(store: Store) -> tuple[str, list[object]]:
    """A join keeping a worker to its micro-grid (the office's list is the community's):
    ``{join}`` joins the household ``h`` of the row's household id ``{hid}``."""
    ident = store.identity
    if ident.role == "worker" and ident.micro_grid_id:
        return " JOIN household h ON h.id = {hid} AND h.micro_grid_id = ?", [ident.micro_grid_id]
    return "", []


def _rows(store: Store) -> sqlite3.Cursor:
    """A cursor giving plain tuples (the connection's named rows cost twice as much to
    build, and the office's list reads thousands)."""
    cur = store.conn.cursor()
    cur.row_factory = None
    return cur


def _short(text: str, n: int = 24) -> str:
    """A need's text cut for a one-line reason (stored text is already trimmed)."""
    return text if len(text) <= n else text[: n - 1] + "…"


def care_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Flagged residents due or overdue by ``on``, and major events not yet answered."""
    join, params = _scope(store)
    join = join.format(hid="r.household_id")
    day = on.isoformat()
    kinds = {
        ("red", True): "care_red_overdue",
        ("red", False): "care_red_due",
        ("yellow", True): "care_overdue",
        ("yellow", False): "care_due",
        ("green", True): "care_overdue",
        ("green", False): "care_due",
    }
    parse = date.fromisoformat
    for rid, due_text, colour, last, household, flag in _rows(store).execute(
        "SELECT d.resident_id, d.due, d.colour, d.last_counting, r.household_id, f.id "
        "FROM care_due d JOIN resident r ON r.id = d.resident_id" + join + " "
        "JOIN care_flag f ON f.id = care_flag_id(d.resident_id) "
        "WHERE d.reason = 'colour' AND d.due <= ?",
        [*params, day],
    ):
        due = parse(due_text)
        late = due < on
        why = colour_reason(colour, last, due, on)
        yield WorkItem(kinds[(colour, late)], due, household, why, rid, flag, colour)
    policy = care_policy(store)
    for rid, due_text, event_id, household, kind, happened in _rows(store).execute(
        "SELECT d.resident_id, d.due, d.event_id, r.household_id, e.kind, e.happened_on "
        "FROM care_due d JOIN resident r ON r.id = d.resident_id" + join + " "
        "JOIN care_event e ON e.id = d.event_id "
        "WHERE d.reason = 'event' AND e.happened_on <= ?",
        [*params, day],
    ):
        due = parse(due_text)
        event = CareDue("event", due, event=MajorEvent(kind or "其他", parse(happened)))
        yield WorkItem("event", due, household, reason(event, on, policy), rid, event_id)


def need_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Open needs past their deadline."""
    join, params = _scope(store)
    join = join.format(hid="n.household_id")
    parse = date.fromisoformat
    nobody = msg("（未指定承办人）")
    for nid, household, resident, deadline_text, text, owner in _rows(store).execute(
        "SELECT n.id, n.household_id, n.resident_id, n.deadline, n.text, n.owner "
        "FROM need n INDEXED BY need_open_deadline" + join + " "
        "WHERE n.solved_on IS NULL AND n.feedback_on IS NULL AND n.revisit_on IS NULL "
        "AND n.deadline < ? AND n.voided IS NOT 1",
        [*params, on.isoformat()],
    ):
        deadline = parse(deadline_text)
        why = msg(
            "诉求“{text}”：{owner}办理，期限 {deadline}，逾期 {days} 天",
            text=_short(text or ""),
            owner=owner or nobody,
            deadline=deadline_text,
            days=(on - deadline).days,
        )
        yield WorkItem("need_overdue", deadline, household, why, resident, nid)


def revisit_items(store: Store, on: date) -> Iterator[WorkItem]:
    """Return visits: needs fed back and not yet revisited, and follow-up dates set at a
    visit that no later visit has answered."""
    join, params = _scope(store)
    day = on.isoformat()
    parse = date.fromisoformat
    within = timedelta(days=REVISIT_WITHIN_DAYS)
    for nid, household, resident, fed_text, text in _rows(store).execute(
        "SELECT n.id, n.household_id, n.resident_id, n.feedback_on, n.text "
        "FROM need n INDEXED BY need_awaiting_revisit" + join.format(hid="n.household_id") + " "
        "WHERE n.revisit_on IS NULL AND n.feedback_on <= ? AND n.voided IS NOT 1",
        [*params, day],
    ):
        why = msg(
            "诉求“{text}”已于 {day} 反馈，请回访居民是否满意",
            text=_short(text or ""),
            day=fed_text,
        )
        yield WorkItem("revisit_due", parse(fed_text) + within, household, why, resident, nid)
    for household, visit_id, due_text, visited in _rows(store).execute(
        "SELECT f.household_id, f.visit_id, f.due, v.visited_on "
        "FROM followup_due f" + join.format(hid="f.household_id") + " "
        "JOIN visit v ON v.id = f.visit_id WHERE f.due <= ?",
        [*params, day],
    ):
        why = msg("{day} 走访时约定 {due} 再来回访", day=visited, due=due_text)
        yield WorkItem("revisit_due", parse(due_text), household, why, None, visit_id)


register_source("care", care_items)
register_source("needs", need_items)
register_source("revisits", revisit_items)
