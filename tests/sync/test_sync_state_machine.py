"""An office and three worker laptops edit at random and swap USB sticks in any order.

Sticks are imported late, twice, or never (lost); bundles of one micro-grid go to either
of its two laptops. After a final full exchange every worker equals the office restricted
to its micro-grid, and every concurrent edit that lost sits in the conflicts tables.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule
from legacy_ops import expected_sets, legacy_list_op

from gridworker.store.ops import Op
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles
from gridworker.sync.setup import init_from_bundle

# Few fields: concurrent edits of one field are common. Tags are edited element by element
# by the app, and as whole lists by the operations of format version 1 (legacy_tags).
FIELDS = ("phone", "notes", "tags", "legacy_tags")
VALUES = {
    "name": ["张三", "张叁", "李四"],
    "phone": ["13800000001", "13800000002", None],
    "notes": ["独居", "子女在外", "需要送药", None],
    "tags": [["高龄"], ["高龄", "独居老人"], [], ["独居老人", "低保"]],
    "legacy_tags": [["高龄"], ["独居老人", "低保"], []],
}


def _edit(s: Store, person: str, field: str, value: object) -> None:
    if field == "legacy_tags":
        legacy_list_op(s, person, value)  # type: ignore[arg-type]
    else:
        s.update("resident", person, {field: value})  # type: ignore[dict-item]


# Logic, not durability, is under test here: on a RAM disk the many fsyncs cost nothing.
FAST_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def expected_losers(ops: list[Op]) -> set[tuple[str, str, str]]:
    """(entity_id, field, hlc) of every head edit whose value lost — from the ops alone."""
    parents: dict[tuple[str, str], dict[str, list[str]]] = {}
    values: dict[tuple[str, str, str], object] = {}
    for op in ops:
        for f, v in op.fields.items():
            parents.setdefault((op.entity_id, f), {})[op.hlc] = [
                *([op.base[f]] if f in op.base else []),
                *op.merged.get(f, []),
            ]
            values[(op.entity_id, f, op.hlc)] = json.dumps(v, sort_keys=True)
    lost = set()
    for (eid, f), links in parents.items():
        winner = max(links)
        with_child = {p for ps in links.values() for p in ps}
        line, stack = {winner}, list(links[winner])
        while stack:
            h = stack.pop()
            if h not in line:
                line.add(h)
                stack.extend(links.get(h, []))
        for h in links:
            # Lost unless the winner's line carried the same value at some later hlc.
            later = {values[(eid, f, x)] for x in line if x > h and (eid, f, x) in values}
            if h != winner and h not in with_child and values[(eid, f, h)] not in later:
                lost.add((eid, f, h))
    return lost


class OfficeAndWorkers(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="gw-sync-sm-", dir=FAST_DIR))
        office = Store.open(self.dir / "office.sqlite3")
        office.init_installation("office", "致强社区", "王主任")
        self.grids = [
            office.ensure_micro_grid("第一微网格"),
            office.ensure_micro_grid("第二微网格"),
        ]
        for g, n in zip(self.grids, (2, 1), strict=True):
            h = office.create(
                "household", {"micro_grid_id": g, "estate": "致强小区", "room": "101"}
            )
            for k in range(n):
                office.create("resident", {"household_id": h, "name": f"居民{k}"})
        self.stores = [office]
        self.grid_of = [None]
        for i, g in enumerate((0, 0, 1), start=1):
            setup = self.dir / f"setup{i}.gwbundle.json"
            export_bundle(office, setup, micro_grid=self.grids[g], setup=True)
            init_from_bundle(self.dir / f"w{i}.sqlite3", setup, f"网格员{i}")
            self.stores.append(Store.open(self.dir / f"w{i}.sqlite3"))
            self.grid_of.append(self.grids[g])
        self.sticks: list[tuple[Path, str | None]] = []  # (file, micro-grid or None=office)
        self.n = 0

    def teardown(self) -> None:
        try:
            self._full_exchange()
            self._check()
        finally:
            for s in self.stores:
                s.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _ids(self, s: Store, table: str) -> list[str]:
        """The records a person at this installation sees: a worker sees its micro-grid."""
        mg = s.identity.micro_grid_id if s.identity.role == "worker" else None
        if table == "household":
            sql, args = "SELECT id FROM household", ()
            if mg is not None:
                sql, args = sql + " WHERE micro_grid_id = ?", (mg,)
        else:
            sql, args = "SELECT r.id FROM resident r JOIN household h ON h.id = r.household_id", ()
            if mg is not None:
                sql, args = sql + " WHERE h.micro_grid_id = ?", (mg,)
        return [r[0] for r in s.conn.execute(sql + " ORDER BY 1", args)]

    def _export(self, r: int, grid: int) -> tuple[Path, str | None]:
        self.n += 1
        path = self.dir / f"b{self.n}.gwbundle.json"
        if r == 0:
            export_bundle(self.stores[0], path, micro_grid=self.grids[grid])
            return path, self.grids[grid]
        export_bundle(self.stores[r], path)
        return path, None

    def _deliver(self, path: Path, to: str | None, pick: int) -> None:
        if to is None:
            target = self.stores[0]
        else:
            laptops = [i for i, g in enumerate(self.grid_of) if g == to]
            target = self.stores[laptops[pick % len(laptops)]]
        summary = import_bundles(target, [path])
        assert summary.ok, [f.message for f in summary.files]

    @rule(
        r=st.integers(0, 3), k=st.integers(0, 9), field=st.sampled_from(FIELDS), v=st.integers(0, 3)
    )
    def edit(self, r: int, k: int, field: str, v: int) -> None:
        s = self.stores[r]
        people = self._ids(s, "resident")
        if not people:  # the office moved every household of this grid away
            return
        values = VALUES[field]
        _edit(s, people[k % len(people)], field, values[v % len(values)])

    @rule(
        r=st.integers(1, 3),
        other=st.integers(0, 3),
        k=st.integers(0, 9),
        field=st.sampled_from(FIELDS),
        v=st.integers(0, 2),
    )
    def same_field_on_two_sides(self, r: int, other: int, k: int, field: str, v: int) -> None:
        """A worker and the office (or another laptop) change one field of one person."""
        w = self.stores[r]
        o = self.stores[
            other if other != r and self.grid_of[other] in (None, self.grid_of[r]) else 0
        ]
        both = sorted(set(self._ids(w, "resident")) & set(self._ids(o, "resident")))
        if not both:
            return
        person = both[k % len(both)]
        values = VALUES[field]
        _edit(w, person, field, values[v % len(values)])
        _edit(o, person, field, values[(v + 1) % len(values)])

    @rule(r=st.integers(0, 3), k=st.integers(0, 9))
    def add_person(self, r: int, k: int) -> None:
        s = self.stores[r]
        homes = self._ids(s, "household")
        if not homes:
            return
        s.create("resident", {"household_id": homes[k % len(homes)], "name": f"新居民{self.n}"})

    @rule(k=st.integers(0, 9), grid=st.integers(0, 1))
    def office_moves_a_household(self, k: int, grid: int) -> None:
        """The office redraws the grids: a household goes to the other micro-grid."""
        office = self.stores[0]
        homes = self._ids(office, "household")
        office.update("household", homes[k % len(homes)], {"micro_grid_id": self.grids[grid]})

    @rule(r=st.integers(0, 3), grid=st.integers(0, 1))
    def export(self, r: int, grid: int) -> None:
        self.sticks.append(self._export(r, grid))

    @rule(i=st.integers(0, 50), pick=st.integers(0, 1))
    def deliver(self, i: int, pick: int) -> None:
        """Any stick, any time: late, again, or (if never picked) lost."""
        if self.sticks:
            path, to = self.sticks[i % len(self.sticks)]
            self._deliver(path, to, pick)

    @rule(r=st.integers(0, 3), k=st.integers(0, 9), keep=st.sampled_from(["current", "other"]))
    def resolve(self, r: int, k: int, keep: str) -> None:
        s = self.stores[r]
        open_ = s.open_conflicts()
        if open_:
            s.resolve_conflict(open_[k % len(open_)]["id"], keep=keep)  # type: ignore[arg-type]

    def _full_exchange(self) -> None:
        for _ in range(2):
            for r in range(1, len(self.stores)):
                self._deliver(*self._export(r, 0), pick=0)
            for grid in (0, 1):
                path, to = self._export(0, grid)
                for pick in (0, 1):
                    self._deliver(path, to, pick)

    def _check(self) -> None:
        office = self.stores[0]
        for s, g in zip(self.stores[1:], self.grid_of[1:], strict=True):
            assert snapshot_text(s) == snapshot_text(office, g)
        ops = [Op.from_row(r) for r in office.conn.execute("SELECT * FROM ops")]
        losers = expected_losers(ops)
        tags = expected_sets(ops)
        for s in self.stores:
            for rid in self._ids(s, "resident"):
                got_tags = s.get("resident", rid)["tags"]  # type: ignore[index]
                assert sorted(got_tags) == tags.get(rid, []), rid  # type: ignore[arg-type]
            # What the installation holds and sees: a worker, its micro-grid's records.
            seen = set(self._ids(s, "resident")) | set(self._ids(s, "household"))
            want = {x for x in losers if x[0] in seen}
            got = {
                (r["entity_id"], r["field"], r["loser_hlc"])
                for r in s.open_conflicts()
                if r["entity_id"] in seen
            }
            assert got == want


OfficeAndWorkers.TestCase.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None
)
test_office_and_workers_converge = pytest.mark.slow(OfficeAndWorkers.TestCase)
