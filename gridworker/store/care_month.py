"""A month's figures for visits, care and needs, per micro-grid: the 三色关爱 month view and
the month report both read them here.

* Visits: live visits made in the month, by method; households visited (someone met).
* Care: per colour, the living residents flagged (by the end of the month, or today
  while it runs) and how many of them are within their interval that day, counting the
  visits made up to it (:func:`gridworker.core.care.covered`; today's flags and colours).
* Needs: raised, solved on the spot, passed up and answered (solved on the spot or fed
  back) in the month, and those open past their deadline at its end.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridworker.core.care import Contact, covered
from gridworker.core.care_policy import COLOURS, VISIT_METHODS
from gridworker.core.messages import msg
from gridworker.store.errors import StoreError
from gridworker.store.policies import care_policy
from gridworker.store.store import Store

__all__ = ["MonthCare", "month_bounds", "month_care"]


@dataclass
class MonthCare:
    """One micro-grid's month (or the sum of several)."""

    by_method: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VISIT_METHODS, 0))
    households_visited: int = 0
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLOURS, 0))
    covered: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLOURS, 0))
    raised: int = 0
    solved_on_spot: int = 0
    passed_up: int = 0
    answered: int = 0
    overdue: int = 0

    @property
    def visits(self) -> int:
        return sum(self.by_method.values())

    def add(self, other: MonthCare) -> None:
        for m, n in other.by_method.items():
            self.by_method[m] = self.by_method.get(m, 0) + n
        for c in COLOURS:
            self.flagged[c] += other.flagged[c]
            self.covered[c] += other.covered[c]
        self.households_visited += other.households_visited
        self.raised += other.raised
        self.solved_on_spot += other.solved_on_spot
        self.passed_up += other.passed_up
        self.answered += other.answered
        self.overdue += other.overdue


def month_bounds(month: str) -> tuple[date, date]:
    """First day of the month and first day of the next (``2026-03``)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", month.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise StoreError(msg("月份“{month}”的格式不对，应写成 2025-06。", month=month))
    y, mo = int(m.group(1)), int(m.group(2))
    return date(y, mo, 1), date(y + (mo == 12), mo % 12 + 1, 1)


def month_care(
    store: Store, month: str, *, today: date | None = None, micro_grid_id: str | None = None
) -> dict[str, MonthCare]:
    """Micro-grid id → its figures for the month (only micro-grids with any)."""
    first, nxt = month_bounds(month)
    today = today or date.today()
    as_of = min(nxt - timedelta(days=1), today)
    lo, hi = first.isoformat(), nxt.isoformat()
    conn = store.conn
    out: dict[str, MonthCare] = defaultdict(MonthCare)
    grid = " AND h.micro_grid_id = :mg" if micro_grid_id else ""
    params: dict[str, object] = {"lo": lo, "hi": hi, "mg": micro_grid_id, "asof": as_of.isoformat()}
    for g, method, n in conn.execute(
        "SELECT h.micro_grid_id, v.method, count(*) FROM visit v "
        "JOIN household h ON h.id = v.household_id "
        "WHERE v.visited_on >= :lo AND v.visited_on < :hi AND v.voided IS NOT 1" + grid + " "
        "GROUP BY h.micro_grid_id, v.method",
        params,
    ):
        out[g or ""].by_method[method] = n
    for g, n in conn.execute(
        "SELECT h.micro_grid_id, count(DISTINCT v.household_id) FROM visit v "
        "JOIN household h ON h.id = v.household_id "
        "WHERE v.visited_on >= :lo AND v.visited_on < :hi AND v.voided IS NOT 1 "
        "AND v.method IS NOT '到访不遇'" + grid + " GROUP BY h.micro_grid_id",
        params,
    ):
        out[g or ""].households_visited = n
    for g, raised, solved, passed, answered, overdue in conn.execute(
        "SELECT h.micro_grid_id, "
        "sum(n.raised_on >= :lo AND n.raised_on < :hi), "
        "sum(n.solved_on >= :lo AND n.solved_on < :hi), "
        "sum(n.reported_on >= :lo AND n.reported_on < :hi), "
        "sum((n.solved_on >= :lo AND n.solved_on < :hi) "
        "    OR (n.feedback_on >= :lo AND n.feedback_on < :hi)), "
        "sum(n.deadline < :asof AND n.raised_on <= :asof "
        "    AND (n.solved_on IS NULL OR n.solved_on > :asof) "
        "    AND (n.feedback_on IS NULL OR n.feedback_on > :asof) "
        "    AND (n.revisit_on IS NULL OR n.revisit_on > :asof)) "
        "FROM need n JOIN household h ON h.id = n.household_id "
        "WHERE n.voided IS NOT 1" + grid + " GROUP BY h.micro_grid_id",
        params,
    ):
        if raised or solved or passed or answered or overdue:
            f = out[g or ""]
            f.raised, f.solved_on_spot, f.passed_up = raised or 0, solved or 0, passed or 0
            f.answered, f.overdue = answered or 0, overdue or 0
    _coverage(store, out, as_of, grid, params)
    return dict(out)


def _coverage(
    store: Store,
    out: dict[str, MonthCare],
    as_of: date,
    grid: str,
    params: dict[str, object],
) -> None:
    policy = care_policy(store)
    flags = store.conn.execute(
        "SELECT f.resident_id, f.colour, f.set_on, h.micro_grid_id FROM care_flag f "
        "JOIN resident r ON r.id = f.resident_id JOIN household h ON h.id = r.household_id "
        "WHERE f.colour IS NOT NULL AND coalesce(r.status, '在住') = '在住' "
        "AND f.id = care_flag_id(r.id) AND r.merged_into IS NULL "
        "AND (f.set_on IS NULL OR f.set_on <= :asof)" + grid,
        params,
    ).fetchall()
    contacts: dict[str, list[Contact]] = defaultdict(list)
    ids = [f[0] for f in flags]
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for rid, method, day in store.conn.execute(
            "SELECT resident_id, method, max(visited_on) FROM visit_contact "
            "WHERE resident_id IN (SELECT value FROM json_each(?)) AND visited_on <= ? "
            "GROUP BY resident_id, method",
            (json.dumps(chunk), as_of.isoformat()),
        ):
            contacts[rid].append(Contact(date.fromisoformat(day), method))
    for rid, colour, set_on, g in flags:
        if colour not in COLOURS:
            continue
        f = out[g or ""]
        f.flagged[colour] += 1
        since = date.fromisoformat(set_on) if set_on else None
        if covered(colour, since, contacts.get(rid, []), policy, as_of):
            f.covered[colour] += 1
