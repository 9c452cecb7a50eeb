"""Roster import speed: a 100,000-resident CSV against its floor, measured in the same run.

Budget (issue 9): our full import (read + validate + plan + apply: roster, field clocks,
change log, search index) at least 0.7 of the rate of its floor — raw ``executemany``
replaying, into the app's own schema, exactly the rows the import wrote (a copy of the
database as it was before the import, and every row the import added or changed, the
search words included), in one transaction with its commit. Asserted.

Printed besides: the per-resident time of planning and of writing, the on-disk size a
resident takes, and two older references — raw executemany of the same residents into
a plain 14-column table (issue 2's 1/10, which the rows the design requires cannot meet:
the floor itself is many times slower), and the roster rows with their change log alone.
Run with ``uv run pytest tests/benchmarks/test_import_bench.py --benchmark-enable -s``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from gridworker.core.demo_people import generate_households
from gridworker.core.people import format_tags
from gridworker.roster.importer import apply_import, plan_import
from gridworker.store.db import open_database
from gridworker.store.entities import MERGE_FIELDS, RESIDENT
from gridworker.store.store import Store

TARGET_RESIDENTS = 100_000
HEADER = [
    "小区",
    "楼栋",
    "单元",
    "房号",
    "房屋用途",
    "姓名",
    "性别",
    "出生日期",
    "民族",
    "身份证号",
    "联系电话",
    "与户主关系",
    "人口类型",
    "人员类别",
    "状态",
    "备注",
]


def _write_roster(path: Path) -> list[list[str]]:
    """A realistic roster of about TARGET_RESIDENTS people; returns its data rows."""
    rng = random.Random(2024)
    estates = ["锦华苑", "致强小区", "双福路小区", "东篱翠湖", "万科城", "建设南街"]
    rows: list[list[str]] = []
    households = generate_households(
        rng, TARGET_RESIDENTS * 10 // 26, estates, today=dt.date(2024, 6, 1)
    )
    for h in households:
        for m in h.members:
            rows.append(
                [
                    h.estate,
                    h.building,
                    h.unit,
                    h.room,
                    h.house_use,
                    m.name,
                    m.sex,
                    m.birth_date.isoformat(),
                    m.ethnicity,
                    m.id_number,
                    m.phone or "",
                    m.relation,
                    m.population_type,
                    format_tags(m.tags),
                    m.status,
                    m.notes,
                ]
            )
            if len(rows) == TARGET_RESIDENTS:
                break
        if len(rows) == TARGET_RESIDENTS:
            break
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return rows


ROSTER_TABLES = ("micro_grid", "household", "resident", "ops")
"""The roster's rows and their change log, without the search index."""

FLOOR_BUDGET = 0.7


class Took(NamedTuple):
    """Seconds of wall-clock and of this process's CPU time.

    The budget is judged on CPU time: on the shared 2-core machine another job can take
    the CPU for seconds in the middle of one side of a ratio and not the other, while the
    CPU time each side used stays put (on a quiet machine the two agree: both sides are
    single-threaded and do the same commit). Wall-clock ratios are printed beside it.
    """

    wall: float
    cpu: float


def _row_key(conn: sqlite3.Connection, table: str) -> str:
    """How a row of ``table`` is known: its rowid, or for a WITHOUT ROWID table (the
    care work list's derived tables) its primary key, as one SQL expression."""
    if (
        conn.execute(
            "SELECT 1 FROM main.sqlite_master WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'",
            (table,),
        ).fetchone()
        is None
    ):
        return "rowid"
    pk = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.pragma_table_info(?) WHERE pk > 0 ORDER BY pk", (table,)
        )
    ]
    return "json_array(" + ", ".join(pk) + ")"


def _written_rows(
    before: Path, after: Path
) -> tuple[dict[str, list[Any]], dict[str, list[Any]], list[Any]]:
    """What the import wrote: per table in rowid order, the rows ``before`` did not have
    (added) and those it had otherwise (changed: the clock and counter in local_meta),
    and the search words the import added (rowid, words).

    The search index's own tables are left out: the words are replayed through it.
    """
    conn = sqlite3.connect(after)
    conn.execute("ATTACH DATABASE ? AS pre", (str(before),))
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage"
        )
    ]
    added: dict[str, list[Any]] = {}
    changed: dict[str, list[Any]] = {}
    for t in tables:
        key = _row_key(conn, t)
        held = {r[0]: r[1:] for r in conn.execute(f"SELECT {key}, * FROM pre.{t}")}
        added[t], changed[t] = [], []
        for r in conn.execute(f"SELECT {key}, * FROM main.{t} ORDER BY {key}"):
            old = held.get(r[0])
            if old is None:
                added[t].append(r[1:])
            elif old != r[1:]:
                changed[t].append(r[1:])
    words = conn.execute(
        "SELECT rowid, words FROM main.search_fts WHERE rowid NOT IN "
        "(SELECT rowid FROM pre.search_fts) ORDER BY rowid"
    ).fetchall()
    conn.close()
    return added, changed, words


def _replay(
    before: Path,
    written: tuple[dict[str, list[Any]], dict[str, list[Any]], list[Any]],
    target: Path,
    only: tuple[str, ...] | None = None,
) -> Took:
    """Seconds to write what the import wrote (:func:`_written_rows`) into a copy of the
    database as it was before the import with raw executemany — INSERT for the rows added,
    INSERT OR REPLACE for the few changed — in one transaction including its commit.

    Every table and the search words (``only=None``): the SQL work of the import without
    any of its Python, its floor. ``only``: just those tables, no search words.
    """
    added, changed, words = written
    shutil.copyfile(before, target)
    conn = open_database(target)
    start, cpu = time.perf_counter(), time.process_time()
    conn.execute("BEGIN")
    for verb, rows in (("INSERT", added), ("INSERT OR REPLACE", changed)):
        for t, table_rows in rows.items():
            if table_rows and (only is None or t in only):
                marks = ", ".join("?" * len(table_rows[0]))
                conn.executemany(f"{verb} INTO {t} VALUES ({marks})", table_rows)
    if only is None:
        conn.executemany("INSERT INTO search_fts (rowid, words) VALUES (?, ?)", words)
    conn.execute("COMMIT")
    elapsed = Took(time.perf_counter() - start, time.process_time() - cpu)
    conn.close()
    return elapsed


def _raw_insert(path: Path, rows: list[list[str]]) -> float:
    """Seconds for raw executemany of the same residents into a plain table (fresh file)."""
    cols = ["id", *(f for f in RESIDENT.field_names if f not in MERGE_FIELDS)]
    conn = sqlite3.connect(path)
    conn.execute(f"CREATE TABLE resident ({', '.join(f'{c} TEXT' for c in cols)})")
    data = [
        (
            uuid.uuid4().hex,
            f"{r[0]}{r[1]}{r[2]}{r[3]}",
            r[5],
            r[9],
            r[6],
            r[7],
            r[8],
            r[10],
            r[11],
            r[12],
            r[14],
            None,
            r[13],
            r[15],
        )
        for r in rows
    ]
    start = time.perf_counter()
    with conn:
        conn.executemany(f"INSERT INTO resident VALUES ({', '.join('?' * len(cols))})", data)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


@pytest.mark.benchmark(group="roster-import")
def test_import_100k_residents_against_its_floor(benchmark: Any, tmp_path: Path) -> None:
    sheet = tmp_path / "roster-100k.csv"
    rows = _write_roster(sheet)
    raw_seconds = _raw_insert(tmp_path / "raw.sqlite3", rows)
    db = tmp_path / "worker.sqlite3"
    before = tmp_path / "before.sqlite3"
    store = Store.open(db)
    store.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db, before)  # the database as the import finds it

    timings: dict[str, Took] = {}

    def run() -> None:
        try:
            start = Took(time.perf_counter(), time.process_time())
            plan = plan_import(store, sheet)
            planned = Took(time.perf_counter(), time.process_time())
            result = apply_import(store, plan)
            done = Took(time.perf_counter(), time.process_time())
        finally:
            store.close()
        assert plan.problems == [] and result.created == len(rows)
        for name, a, b in (
            ("plan", start, planned),
            ("apply", planned, done),
            ("total", start, done),
        ):
            timings[name] = Took(b.wall - a.wall, b.cpu - a.cpu)

    benchmark.pedantic(run, rounds=1, iterations=1)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size - before.stat().st_size
    written = _written_rows(before, db)
    floor = _replay(before, written, tmp_path / "replay.sqlite3")
    logged = _replay(before, written, tmp_path / "replay-roster.sqlite3", ROSTER_TABLES)
    n = len(rows)
    ratio = floor.cpu / timings["total"].cpu
    us = {k: (v.wall * 1e6 / n, v.cpu * 1e6 / n) for k, v in timings.items()}
    print(
        f"\nroster import of {n} residents: {timings['total'].wall:.1f} s "
        f"({timings['total'].cpu:.1f} s CPU)\n"
        f"per resident, CPU (wall): plan {us['plan'][1]:.1f} µs ({us['plan'][0]:.1f}: read + "
        f"validate + diff) + apply {us['apply'][1]:.1f} µs ({us['apply'][0]:.1f}: Store.write)"
        f" = {us['total'][1]:.1f} µs ({us['total'][0]:.1f}); "
        f"on disk {size / n / 1024:.2f} KiB a resident\n"
        f"floor: the rows this import wrote replayed with raw executemany into the app's "
        f"schema take {floor.cpu * 1e6 / n:.1f} µs CPU ({floor.wall * 1e6 / n:.1f} wall) a "
        f"resident\n"
        f"RATIO ours/floor = {ratio:.2f} on CPU time (budget ≥ {FLOOR_BUDGET}); wall-clock "
        f"{floor.wall / timings['total'].wall:.2f}\n"
        f"(for reference, wall: raw executemany into a plain table {raw_seconds * 1e6 / n:.1f} "
        f"µs a resident, ours 1/{timings['total'].wall / raw_seconds:.0f} of it and the floor "
        f"1/{floor.wall / raw_seconds:.0f}; the roster rows with their change log alone "
        f"{logged.wall * 1e6 / n:.1f} µs)"
    )
    assert ratio >= FLOOR_BUDGET
