"""Sync throughput, as ratios to baselines measured in the same run (issue 9). Asserted.

- The office imports 100 worker bundles holding 100,000 operations in total, against raw
  ``sqlite3.executemany`` of 100,000 rows of the same op values into a plain table (budget:
  at least 0.12 of its rate, i.e. 1/8.3).
- A worker exports a 100,000-operation bundle, against a bare ``json.dumps`` of the same
  operations (budget: at most 2.5×).

Baselines are the best of three runs, the export too (the machine is shared: a baseline
caught by another job would flatter the ratio).

Run: ``uv run pytest tests/benchmarks/test_sync_bench.py --benchmark-enable -s``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import time
from pathlib import Path

import pytest

from gridworker.core.demo_people import generate_households
from gridworker.store.ops import Op
from gridworker.store.store import Change, Store
from gridworker.sync import export_bundle, import_bundles

WORKERS = 100
OPS_PER_WORKER = 1000
IMPORT_BUDGET = 0.12
EXPORT_BUDGET = 2.5
ROUNDS = 3


def _names(seed: int, n: int) -> list[str]:
    """Realistic resident names (the demo generator's surnames and given names)."""
    rng = random.Random(seed)
    homes = generate_households(rng, n // 2 + 10, ["致强小区"], today=dt.date(2026, 1, 1))
    return [m.name for h in homes for m in h.members][:n]


def _fill(s: Store, n_ops: int, tag: str) -> None:
    """Households, residents and later edits, as a worker makes them: n_ops in total."""
    mg = s.identity.micro_grid_id
    names = _names(int(tag or 0), n_ops // 3 + 10)
    made = int(s.conn.execute("SELECT count(*) FROM ops").fetchone()[0])
    b = 0
    while made < n_ops:
        left = n_ops - made
        homes = s.write(
            [
                Change(
                    "household",
                    {
                        "micro_grid_id": mg,
                        "estate": "致强小区",
                        "building": f"{b}栋",
                        "room": str(i),
                    },
                    new=True,
                )
                for i in range(min(100, max(1, left // 9)))
            ]
        )
        made += len(homes)
        people = s.write(
            [
                Change(
                    "resident",
                    {
                        "household_id": h.entity_id,
                        "name": names[(made + 3 * i + k) % len(names)],
                        "phone": "13800000000",
                        "tags": ["高龄"],
                    },
                    new=True,
                )
                for i, h in enumerate(homes)
                for k in range(3)
            ][: max(0, n_ops - made)]
        )
        made += len(people)
        edits = s.write(
            [
                Change("resident", {"notes": f"走访{j}"}, entity_id=p.entity_id)
                for j, p in enumerate(people * 2)
            ][: max(0, n_ops - made)]
        )
        made += len(edits)
        b += 1


def _raw_rate(folder: Path, rows: list[tuple[object, ...]]) -> float:
    """Rows a second of raw executemany into a plain table, the best of ROUNDS fresh files."""
    return max(_raw_once(folder / f"raw{i}.sqlite3", rows) for i in range(ROUNDS))


def _raw_once(path: Path, rows: list[tuple[object, ...]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    cols = ", ".join(f"c{i}" for i in range(len(rows[0])))
    conn.execute(f"CREATE TABLE t ({cols})")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(rows[0]))})", rows)
    conn.execute("COMMIT")
    dt = time.perf_counter() - t0
    conn.close()
    return len(rows) / dt


def test_office_imports_100_bundles_of_100k_ops(
    benchmark: pytest.FixtureRequest, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    all_rows: list[tuple[object, ...]] = []
    for w in range(WORKERS):
        s = Store.open(":memory:")
        s.init_installation("worker", "致强社区", f"网格员{w}", micro_grid=f"第{w}微网格")
        _fill(s, OPS_PER_WORKER, str(w))
        export_bundle(s, inbox / f"w{w}.gwbundle.json")
        all_rows += [
            Op.from_row(r).row(received_at="x") for r in s.conn.execute("SELECT * FROM ops")
        ]
        s.close()
    assert len(all_rows) == WORKERS * OPS_PER_WORKER
    raw = _raw_rate(tmp_path, all_rows)

    office = Store.open(tmp_path / "office.sqlite3")
    office.init_installation("office", "致强社区", "王主任")

    def run() -> None:
        t0 = time.perf_counter()
        summary = import_bundles(office, [inbox])
        run.seconds = time.perf_counter() - t0  # type: ignore[attr-defined]
        assert summary.ok and sum(f.new for f in summary.files) == len(all_rows)

    benchmark.pedantic(run, rounds=1, iterations=1)  # type: ignore[attr-defined]
    rate = len(all_rows) / run.seconds  # type: ignore[attr-defined]
    print(
        f"\nimport: {rate:,.0f} ops/s; raw executemany: {raw:,.0f} rows/s; "
        f"RATIO {rate / raw:.3f} (budget ≥ {IMPORT_BUDGET}, i.e. 1/{raw / rate:.1f})"
    )
    office.close()
    assert rate / raw >= IMPORT_BUDGET


def test_export_100k_op_bundle(benchmark: pytest.FixtureRequest, tmp_path: Path) -> None:
    s = Store.open(tmp_path / "w.sqlite3")
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    _fill(s, WORKERS * OPS_PER_WORKER, "")
    ops = [Op.from_row(r).to_json() for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]
    bare = float("inf")
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        json.dumps(ops)
        bare = min(bare, time.perf_counter() - t0)
    took: list[float] = []

    def run() -> None:
        t0 = time.perf_counter()
        r = export_bundle(s, tmp_path / "out.gwbundle.json")
        took.append(time.perf_counter() - t0)
        assert r.op_count == len(ops)

    benchmark.pedantic(run, rounds=ROUNDS, iterations=1)  # type: ignore[attr-defined]
    best = min(took)
    print(
        f"\nexport: {best:.3f} s (best of {ROUNDS}); bare json.dumps: {bare:.3f} s; "
        f"RATIO {best / bare:.2f}× (budget ≤ {EXPORT_BUDGET}×)"
    )
    s.close()
    assert best / bare <= EXPORT_BUDGET
