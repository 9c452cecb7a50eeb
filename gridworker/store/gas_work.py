"""The gas-safety part of the work list: hazards past their deadline or waiting for a
recheck, and households due for their gas check (or to try again after nobody was home).

Read with indexed range queries on the derived tables (``gas_hazard_state`` by
``(is_open, recheck_due)``, ``gas_due`` by ``due``), so an office's list of 12,000
households stays quick. Registered as the work list source "gas" when imported.
"""

from __future__ import annotations

from datetime import date

from gridworker.core.gas_rules import ABSENT, FIXED, LATE_STATUSES, REFUSED, word
from gridworker.core.messages import Message, msg
from gridworker.core.worklist import WorkItem
from gridworker.store.gas_queries import _LIVING, _Labels
from gridworker.store.store import Store
from gridworker.store.worklist import register_source


def _day(text: str) -> date:
    return date.fromisoformat(text)


def hazard_items(store: Store, on: date, micro_grid_id: str | None) -> list[WorkItem]:
    """Open hazards whose day to look has come: past the deadline (hazard_overdue), at
    the deadline today or put right and waiting for the recheck (hazard_recheck)."""
    where, params = ("AND h.micro_grid_id = ?", [micro_grid_id]) if micro_grid_id else ("", [])
    rows = store.conn.execute(
        "SELECT s.hazard_id, s.household_id, s.status, s.deadline, s.recheck_due, z.item, "
        "z.grade, i.template_version FROM gas_hazard_state s "
        "JOIN gas_hazard z ON z.id = s.hazard_id "
        "LEFT JOIN gas_inspection i ON i.id = z.inspection_id "
        "JOIN household h ON h.id = s.household_id "
        f"WHERE s.is_open = 1 AND s.recheck_due <= ? {where}",
        [on.isoformat(), *params],
    ).fetchall()
    labels = _Labels(store)
    out = []
    for r in rows:
        label = labels.label(r["template_version"], r["item"] or "")
        grade = word(r["grade"] or "")
        if r["status"] == FIXED:
            due = _day(r["recheck_due"])
            kind = "hazard_recheck"
            reason: Message = msg(
                "燃气隐患「{item}」（{grade}）住户已整改，待复查",
                item=label,
                grade=grade,
            )
        elif r["status"] in LATE_STATUSES and r["deadline"]:
            due = _day(r["deadline"])
            days = (on - due).days
            if days > 0:
                kind = "hazard_overdue"
                reason = msg(
                    "燃气隐患「{item}」（{grade}，{status}）整改期限 {deadline}，已逾期 {days} 天",
                    item=label,
                    grade=grade,
                    status=word(r["status"]),
                    deadline=due.isoformat(),
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
        out.append(WorkItem(kind, due, r["household_id"], reason, record_id=r["hazard_id"]))
    return out


def due_items(store: Store, on: date, micro_grid_id: str | None) -> list[WorkItem]:
    """Households someone lives in whose gas check is due (gas_due), or who were not home
    last time (gas_retry)."""
    where, params = ("AND h.micro_grid_id = ?", [micro_grid_id]) if micro_grid_id else ("", [])
    out = []
    for r in store.conn.execute(
        "SELECT d.household_id, d.due, d.kind, d.last_done, d.failed_on, d.failed_outcome "
        f"FROM gas_due d JOIN household h ON h.id = d.household_id "
        f"WHERE d.due <= ? AND {_LIVING} {where}",
        [on.isoformat(), *params],
    ):
        due = _day(r["due"])
        if r["failed_outcome"] == ABSENT and r["kind"] == "gas_retry":
            reason = msg("{on} 燃气检查到访不遇，再次上门", on=r["failed_on"])
        elif r["failed_outcome"] == REFUSED and r["failed_on"]:
            reason = msg("{on} 拒绝燃气入户检查，再次上门", on=r["failed_on"])
        elif r["last_done"]:
            reason = msg("上次燃气检查 {on}，到了再查的时候", on=r["last_done"])
        else:
            reason = msg("还没有做过燃气入户安全检查")
        kind = "gas_retry" if r["kind"] == "gas_retry" else "gas_due"
        out.append(WorkItem(kind, due, r["household_id"], reason))
    return out


def gas_work(store: Store, on: date) -> list[WorkItem]:
    """Every gas entry due on or before ``on`` (a worker's micro-grid, or the whole office)."""
    ident = store.identity
    mine = ident.micro_grid_id if ident.role == "worker" else None
    return hazard_items(store, on, mine) + due_items(store, on, mine)


register_source("gas", gas_work)
