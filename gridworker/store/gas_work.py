"""The gas-safety part of the work list: hazards past their deadline or waiting for a
recheck, and households due for their gas check (or to try again after nobody was home).

Read with indexed range queries on the derived tables (``gas_hazard_state`` by
``(is_open, recheck_due)``, ``gas_due`` by ``due``), so an office's list of 12,000
households stays quick. Registered as the work list source "gas" when imported.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gridworker.core.gas_rules import ABSENT, FIXED, LATE_STATUSES, REFUSED, word
from gridworker.core.messages import Message, msg
from gridworker.core.worklist import WorkItem
from gridworker.store.gas_queries import _LIVING, _Labels
from gridworker.store.store import Store
from gridworker.store.worklist import register_source


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _tuples(store: Store, sql: str, params: list[object]) -> list[tuple[Any, ...]]:
    """Rows as plain tuples (a list of thousands: sqlite3.Row costs more to make and read)."""
    cur = store.conn.cursor()
    cur.row_factory = None
    return cur.execute(sql, params).fetchall()


def hazard_items(store: Store, on: date, micro_grid_id: str | None) -> list[WorkItem]:
    """Open hazards whose day to look has come: past the deadline (hazard_overdue), at
    the deadline today or put right and waiting for the recheck (hazard_recheck)."""
    join, where, params = (
        ("JOIN household h ON h.id = s.household_id", "AND h.micro_grid_id = ?", [micro_grid_id])
        if micro_grid_id
        else ("", "", [])
    )
    rows = _tuples(
        store,
        "SELECT s.hazard_id, s.household_id, s.status, s.deadline, s.recheck_due, z.item, "
        "z.grade, i.template_version FROM gas_hazard_state s "
        "JOIN gas_hazard z ON z.id = s.hazard_id "
        f"LEFT JOIN gas_inspection i ON i.id = z.inspection_id {join} "
        f"WHERE s.is_open = 1 AND s.recheck_due <= ? {where}",
        [on.isoformat(), *params],
    )
    labels = _Labels(store)
    names: dict[tuple[int | None, str], str] = {}
    out = []
    for hazard, household, status, deadline, recheck_due, item, grade_text, version in rows:
        key = (version, item or "")
        label = names.get(key)
        if label is None:
            label = names[key] = labels.label(version, item or "")
        grade = word(grade_text or "")
        if status == FIXED:
            due = _day(recheck_due)
            kind = "hazard_recheck"
            reason: Message = msg(
                "燃气隐患「{item}」（{grade}）住户已整改，待复查",
                item=label,
                grade=grade,
            )
        elif status in LATE_STATUSES and deadline:
            due = _day(deadline)
            days = (on - due).days
            if days > 0:
                kind = "hazard_overdue"
                reason = msg(
                    "燃气隐患「{item}」（{grade}，{status}）整改期限 {deadline}，已逾期 {days} 天",
                    item=label,
                    grade=grade,
                    status=word(status),
                    deadline=deadline,
                    days=days,
                )
            else:
                kind = "hazard_recheck"
                reason = msg(
                    "燃气隐患「{item}」（{grade}）今天到整改期限，上门复查",
                    item=label,
                    grade=grade,
                )
        else:
            continue
        out.append(WorkItem(kind, due, household, reason, record_id=hazard))
    return out


def due_items(store: Store, on: date, micro_grid_id: str | None) -> list[WorkItem]:
    """Households someone lives in whose gas check is due (gas_due), or who were not home
    last time (gas_retry)."""
    join, where, params = (
        ("JOIN household h ON h.id = d.household_id", "AND h.micro_grid_id = ?", [micro_grid_id])
        if micro_grid_id
        else ("", "", [])
    )
    out = []
    for household, due_text, kind, last_done, failed_on, failed in _tuples(
        store,
        "SELECT d.household_id, d.due, d.kind, d.last_done, d.failed_on, d.failed_outcome "
        f"FROM gas_due d {join} WHERE d.due <= ? AND {_LIVING.replace('h.id', 'd.household_id')} "
        f"{where}",
        [on.isoformat(), *params],
    ):
        if failed == ABSENT and kind == "gas_retry":
            reason = msg("{on} 燃气检查到访不遇，再次上门", on=failed_on)
        elif failed == REFUSED and failed_on:
            reason = msg("{on} 拒绝燃气入户检查，再次上门", on=failed_on)
        elif last_done:
            reason = msg("上次燃气检查 {on}，到了再查的时候", on=last_done)
        else:
            reason = msg("还没有做过燃气入户安全检查")
        out.append(
            WorkItem(
                "gas_retry" if kind == "gas_retry" else "gas_due", _day(due_text), household, reason
            )
        )
    return out


def gas_work(store: Store, on: date) -> list[WorkItem]:
    """Every gas entry due on or before ``on`` (a worker's micro-grid, or the whole office)."""
    ident = store.identity
    mine = ident.micro_grid_id if ident.role == "worker" else None
    return hazard_items(store, on, mine) + due_items(store, on, mine)


register_source("gas", gas_work)
