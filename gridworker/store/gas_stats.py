"""A month's gas-safety figures per micro-grid and for the community (the office's
"整改安全隐患 726 个" without counting paper).

The store gathers each household's inspections and each hazard's steps (records held,
voided ones left out); :func:`gridworker.core.gas_rules.month_figures` counts. States are
taken at the month's end, or today for the month under way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from gridworker.core.gas_checklist import GRADES
from gridworker.core.gas_rules import (
    GRADE_CODES,
    Attempt,
    GasMonth,
    HazardFacts,
    HouseholdFacts,
    Step,
    month_bounds,
    month_figures,
)
from gridworker.core.messages import msg
from gridworker.core.ordering import natural_key
from gridworker.store.errors import StoreError
from gridworker.store.gas_queries import _LIVING
from gridworker.store.policies import checklist
from gridworker.store.store import Store

__all__ = ["GasMonthReport", "GasMonthRow", "month_stats", "parse_month"]


def parse_month(text: str) -> tuple[date, date]:
    """The first and last day of "2025-06"; StoreError with one sentence otherwise."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise StoreError(msg("月份“{month}”的格式不对，应写成 2025-06。", month=text))
    return month_bounds(int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True)
class GasMonthRow:
    micro_grid_id: str | None
    label: str
    figures: GasMonth


@dataclass(frozen=True)
class GasMonthReport:
    month: str  # YYYY-MM
    first: date
    last: date
    as_of: date  # states (overdue, open) are taken on this day
    rows: list[GasMonthRow]  # one per micro-grid
    total: GasMonth

    def to_json(self) -> dict[str, Any]:
        """The figures for the report (``gas stats --json``): English keys, grades by code."""

        def one(g: GasMonth) -> dict[str, Any]:
            codes = {v: k for k, v in GRADE_CODES.items()}
            return {
                "households": g.households,
                "due": g.due,
                "inspected_of_due": g.inspected_of_due,
                "inspected": g.inspected,
                "inspections": g.inspections,
                "absent": g.absent,
                "refused": g.refused,
                "hazards_found": {codes[gr]: g.found_of(gr) for gr in GRADES}
                | {"total": g.hazards_found},
                "rectified": g.rectified,
                "rechecked": g.rechecked,
                "recheck_failed": g.recheck_failed,
                "overdue": g.overdue,
                "escalated": g.escalated,
                "open": g.open,
            }

        return {
            "month": self.month,
            "as_of": self.as_of.isoformat(),
            "micro_grids": [
                {"id": r.micro_grid_id, "name": r.label, **one(r.figures)} for r in self.rows
            ],
            "total": one(self.total),
        }


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def month_stats(
    store: Store,
    month: str,
    *,
    today: date | None = None,
    micro_grid_ids: Sequence[str] | None = None,
) -> GasMonthReport:
    """The month's figures: a worker's micro-grid, or every micro-grid of the office (or
    those named) with the community's total."""
    first, last = parse_month(month)
    as_of = min(last, today or date.today())
    ident = store.identity
    conn = store.conn
    grids = [
        (str(r[0]), str(r[1] or ""))
        for r in conn.execute("SELECT id, name FROM micro_grid ORDER BY id")
    ]
    grids.sort(key=lambda g: natural_key(g[1]))
    if ident.role == "worker":
        grids = [g for g in grids if g[0] == ident.micro_grid_id]
    elif micro_grid_ids is not None:
        grids = [g for g in grids if g[0] in set(micro_grid_ids)]
    wanted = {g for g, _ in grids}
    template = checklist(store)

    households: dict[str, tuple[str, date]] = {}  # id -> (micro-grid, recorded)
    for hid, mg, since in conn.execute(
        f"SELECT h.id, h.micro_grid_id, d.since FROM household h "
        f"JOIN gas_due d ON d.household_id = h.id WHERE {_LIVING}"
    ):
        day = _day(since)
        if mg in wanted and day is not None:
            households[hid] = (mg, day)
    attempts: dict[str, list[Attempt]] = {}
    for hid, on, outcome in conn.execute(
        "SELECT household_id, inspected_on, outcome FROM gas_inspection "
        "WHERE voided IS NOT 1 AND inspected_on <= ?",
        (last.isoformat(),),
    ):
        day = _day(on)
        if hid in households and day is not None:
            attempts.setdefault(hid, []).append(Attempt(day, outcome or ""))
    steps: dict[str, list[Step]] = {}
    for sid, zid, action, on, deadline in conn.execute(
        "SELECT id, hazard_id, action, step_on, deadline FROM gas_hazard_step "
        "WHERE voided IS NOT 1 AND step_on <= ?",
        (last.isoformat(),),
    ):
        day = _day(on)
        if day is not None and action:
            steps.setdefault(zid, []).append(Step(sid, action, day, _day(deadline)))
    hazards: dict[str, list[HazardFacts]] = {}
    for zid, mg, grade, found_on, deadline in conn.execute(
        "SELECT z.id, h.micro_grid_id, z.grade, z.found_on, z.deadline FROM gas_hazard z "
        "JOIN household h ON h.id = z.household_id WHERE z.voided IS NOT 1 AND z.found_on <= ?",
        (last.isoformat(),),
    ):
        day = _day(found_on)
        if mg in wanted and day is not None:
            hazards.setdefault(mg, []).append(
                HazardFacts(grade or "", day, _day(deadline), tuple(steps.get(zid, ())))
            )
    by_grid: dict[str, list[HouseholdFacts]] = {}
    for hid, (mg, since) in households.items():
        by_grid.setdefault(mg, []).append(HouseholdFacts(since, tuple(attempts.get(hid, ()))))
    rows = [
        GasMonthRow(
            gid,
            name,
            month_figures(by_grid.get(gid, ()), hazards.get(gid, ()), first, last, template, as_of),
        )
        for gid, name in grids
    ]
    total = GasMonth()
    for r in rows:
        total = total.plus(r.figures)
    return GasMonthReport(f"{first:%Y-%m}", first, last, as_of, rows, total)
