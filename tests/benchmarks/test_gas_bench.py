"""The gas work list and screens at an office of 118 micro-grids and 12,000 households.

The community holds a year of inspections (one per household, most done, some nobody
home or refused), a hazard in about a quarter of them, and steps on most hazards — all
written through the write path, so the derived due dates and hazard states are the ones
every write keeps. Timed (median of ROUNDS):

- the gas source of the work list for the whole office on one day, against the baseline:
  the two bare index range reads that find its entries (``gas_due`` by due date, open
  ``gas_hazard_state`` by the day to look), ids and dates only — the least any indexed
  way of finding them costs; the list adds the household join, the "someone lives
  there" check, item labels and a sentence per entry;
- the same answer computed without the derived tables (every live inspection and step
  read and folded in Python), which the list must beat;
- the hazard list and the counts the 燃气安全 screen reads, and the month figures.

Budget: the office's gas work list within 10× the bare range reads (measured 1.6–7.5× on
the shared 2-core machine: ~3,800 entries, each a household, a date and a sentence), and
at least twice as fast as folding every record (measured 3.8–4.7×).

Run: uv run pytest tests/benchmarks/test_gas_bench.py --benchmark-enable -s
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    HAZARD,
    NA,
    OK,
    REFUSED,
    STEP_FIXED,
    STEP_PASSED,
    Answer,
    Attempt,
    Step,
    hazard_state,
    household_due,
)
from gridworker.core.ids import uuid7
from gridworker.demo import micro_grid_name
from gridworker.store import gas_queries, gas_stats
from gridworker.store.gas import InspectionInput, plan_inspection
from gridworker.store.gas_queries import HazardFilter
from gridworker.store.gas_work import gas_work
from gridworker.store.policies import checklist, record_in_force
from gridworker.store.store import Change, Store

GRIDS = 118
HOUSEHOLDS = 12_000
ROUNDS = 11
TODAY = date.today()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("gas") / "office.sqlite3"
    s = Store.open(path)
    s.init_installation("office", "致强社区", "王主任")
    rng = random.Random(13)
    started = time.perf_counter()
    with s.transaction():
        grids = [s.ensure_micro_grid(micro_grid_name(i)) for i in range(GRIDS)]
    homes = [uuid7() for _ in range(HOUSEHOLDS)]
    s.write(
        [
            Change(
                "household",
                {
                    "micro_grid_id": grids[i * GRIDS // HOUSEHOLDS],
                    "estate": f"小区{i % 40}",
                    "building": f"{i % 12 + 1}栋",
                    "room": str(101 + i % 600),
                },
                entity_id=h,
                new=True,
            )
            for i, h in enumerate(homes)
        ]
    )
    template = checklist(s)
    codes = [i.code for i in template.items]
    batch: list[Change] = []
    ops_before = s.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    with s.transaction():
        record_in_force(s, "gas_checklist")
        for h in homes:
            roll = rng.random()
            if roll < 0.05:
                continue
            on = TODAY - timedelta(days=rng.randint(1, 420))
            outcome = DONE if roll > 0.12 else ABSENT if roll > 0.07 else REFUSED
            answers = {}
            if outcome == DONE:
                found = rng.sample(codes, 1) if rng.random() < 0.25 else []
                answers = {
                    c: Answer(HAZARD if c in found else NA if c.startswith("lpg") else OK)
                    for c in codes
                }
            changes, saved = plan_inspection(
                s, InspectionInput(h, on, outcome, answers), today=TODAY
            )
            batch += changes
            for z in saved.hazard_ids:
                if rng.random() < 0.7:
                    fixed = on + timedelta(days=rng.randint(1, 20))
                    if fixed <= TODAY:
                        batch.append(_step(z, STEP_FIXED, fixed))
                        if fixed + timedelta(days=2) <= TODAY and rng.random() < 0.8:
                            batch.append(_step(z, STEP_PASSED, fixed + timedelta(days=2)))
            if len(batch) > 20_000:
                s.write(batch)
                batch = []
        s.write(batch)
    ops = s.conn.execute("SELECT count(*) FROM ops").fetchone()[0] - ops_before
    print(
        f"\n[gas] {HOUSEHOLDS} households in {GRIDS} micro-grids, "
        f"{s.conn.execute('SELECT count(*) FROM gas_inspection').fetchone()[0]} inspections, "
        f"{s.conn.execute('SELECT count(*) FROM gas_hazard').fetchone()[0]} hazards, "
        f"{ops} gas operations written in {time.perf_counter() - started:.1f} s "
        f"({ops / (time.perf_counter() - started):,.0f} ops/s with the households)"
    )
    s.conn.execute("ANALYZE")
    yield s
    s.close()


def _step(hazard: str, action: str, on: date) -> Change:
    return Change(
        "gas_hazard_step",
        {"hazard_id": hazard, "action": action, "step_on": on.isoformat(), "done_by": "赵红"},
        entity_id=uuid7(),
        new=True,
    )


def _median(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _bare(s: Store) -> int:
    day = TODAY.isoformat()
    due = s.conn.execute("SELECT household_id, due FROM gas_due WHERE due <= ?", (day,)).fetchall()
    open_ = s.conn.execute(
        "SELECT hazard_id, recheck_due FROM gas_hazard_state WHERE is_open = 1 AND recheck_due <= ?",
        (day,),
    ).fetchall()
    return len(due) + len(open_)


def _without_derived(s: Store) -> int:
    """What the list would cost by folding every record each time (no derived tables)."""
    template = checklist(s)
    attempts: dict[str, list[Attempt]] = {}
    for hid, on, outcome in s.conn.execute(
        "SELECT household_id, inspected_on, outcome FROM gas_inspection WHERE voided IS NOT 1"
    ):
        attempts.setdefault(hid, []).append(Attempt(date.fromisoformat(on), outcome))
    due = 0
    for (hid,) in s.conn.execute("SELECT id FROM household"):
        if household_due(TODAY - timedelta(days=400), attempts.get(hid, ()), template).due <= TODAY:
            due += 1
    steps: dict[str, list[Step]] = {}
    for sid, zid, action, on in s.conn.execute(
        "SELECT id, hazard_id, action, step_on FROM gas_hazard_step WHERE voided IS NOT 1"
    ):
        steps.setdefault(zid, []).append(Step(sid, action, date.fromisoformat(on)))
    late = 0
    for zid, deadline in s.conn.execute(
        "SELECT id, deadline FROM gas_hazard WHERE voided IS NOT 1"
    ):
        st = hazard_state(date.fromisoformat(deadline) if deadline else None, steps.get(zid, ()))
        late += st.overdue_days(TODAY) > 0
    return due + late


def test_office_gas_work_list_is_within_budget(office: Store, benchmark: object) -> None:
    items = gas_work(office, TODAY)
    kinds = {k: sum(1 for i in items if i.kind == k) for k in {i.kind for i in items}}
    baseline = _median(lambda: _bare(office))
    listed = _median(lambda: gas_work(office, TODAY))
    folded = _median(lambda: _without_derived(office))
    hazards = _median(lambda: gas_queries.hazard_rows(office, HazardFilter(view="open"), TODAY))
    counts = _median(lambda: gas_queries.gas_counts(office, TODAY))
    month = _median(lambda: gas_stats.month_stats(office, f"{TODAY:%Y-%m}", today=TODAY))
    print(
        f"[gas] work list: {len(items)} entries {kinds}\n"
        f"[gas] bare range reads (baseline) {baseline * 1000:.1f} ms; "
        f"gas work list {listed * 1000:.1f} ms = {listed / baseline:.2f}× (budget 10×); "
        f"folding every record instead {folded * 1000:.0f} ms = {folded / listed:.1f}× the list "
        "(budget: at least 2×)\n"
        f"[gas] open-hazard list {hazards * 1000:.1f} ms, counts {counts * 1000:.1f} ms, "
        f"month figures of {GRIDS} micro-grids {month * 1000:.0f} ms"
    )
    assert listed <= 10 * baseline
    assert folded >= 2 * listed
