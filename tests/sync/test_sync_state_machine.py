"""An office and three worker laptops edit at random and swap USB sticks in any order.

Sticks are imported late, twice, or never (lost); bundles of one micro-grid go to either
of its two laptops. Databases are put back from older copies (a backup restored), copied
to another laptop of the same micro-grid (a clone), run with a clock days behind or years
ahead, and the same person is entered on two laptops (then merged, on any replica). After
every stick ever written is delivered late and a final full exchange, every worker equals
the office restricted to its micro-grid, every operation that ever left a device on a
stick is held by the office (nothing lost), every concurrent edit that lost sits in the
conflicts tables (nothing silently overwritten), and no duplicate is left unmerged.
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

from gridworker.core.hlc import wall_ms
from gridworker.store import care, care_due, moves
from gridworker.store.duplicates import listing, merge
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
        self.copies: list[tuple[int, Path]] = []  # (replica, an older copy of its file)
        self.n = 0

    def teardown(self) -> None:
        try:
            for path, to in self.sticks:  # every stick turns up in the end, however late
                for pick in (0, 1):
                    self._deliver(path, to, pick)
            self._full_exchange()
            self._merge_all()
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

    # -- the moves of issue 10 ------------------------------------------------------------
    @rule(r=st.integers(0, 5))
    def save_copy(self, r: int) -> None:
        """A backup of one replica's database file, as it is now."""
        r %= len(self.stores)
        self.n += 1
        path = self.dir / f"copy{self.n}.sqlite3"
        self.stores[r].conn.execute("VACUUM INTO ?", (str(path),))
        self.copies.append((r, path))

    @rule(i=st.integers(0, 20))
    def restore_older_copy(self, i: int) -> None:
        """The file replaced by an older copy of itself (a backup put back by hand)."""
        if not self.copies:
            return
        r, copy = self.copies[i % len(self.copies)]
        s = self.stores[r]
        assert s.path is not None
        s.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(s.path) + suffix).unlink(missing_ok=True)
        shutil.copyfile(copy, s.path)
        self.stores[r] = Store.open(s.path)

    @rule(r=st.integers(1, 5))
    def clone(self, r: int) -> None:
        """A laptop's database copied to a further laptop of its micro-grid."""
        r = 1 + (r - 1) % (len(self.stores) - 1)
        if len(self.stores) >= 6:
            return
        self.n += 1
        path = self.dir / f"clone{self.n}.sqlite3"
        self.stores[r].conn.execute("VACUUM INTO ?", (str(path),))
        self.stores.append(Store.open(path))
        self.grid_of.append(self.grid_of[r])

    @rule(r=st.integers(0, 5), ahead=st.booleans())
    def stale_clock(self, r: int, ahead: bool) -> None:
        """A computer whose clock is two days behind, or three years ahead, from now on."""
        clock = self.stores[r % len(self.stores)]._clock
        assert clock is not None
        shift = 3 * 365 * 86_400_000 if ahead else -2 * 86_400_000
        clock._now = lambda: wall_ms() + shift

    @rule(r=st.integers(0, 5), other=st.integers(0, 5), k=st.integers(0, 9))
    def same_person_on_two_replicas(self, r: int, other: int, k: int) -> None:
        """The same person (one ID number) entered into the same household on two replicas."""
        a, b = self.stores[r % len(self.stores)], self.stores[other % len(self.stores)]
        both = sorted(set(self._ids(a, "household")) & set(self._ids(b, "household")))
        if a is b or not both:
            return
        self.n += 1
        home = both[k % len(both)]
        number = f"1101011990010{self.n % 1000:03d}X"
        for s in (a, b):
            s.create("resident", {"household_id": home, "name": "重复者", "id_number": number})

    @rule(r=st.integers(0, 5), k=st.integers(0, 9), colour=st.sampled_from(["red", "green"]))
    def flag_a_twin(self, r: int, k: int, colour: str) -> None:
        """A care flag set on one record of a person entered twice (merged or not yet)."""
        s = self.stores[r % len(self.stores)]
        twins = [i for i in self._ids(s, "resident") if s.get("resident", i)["name"] == "重复者"]  # type: ignore[index]
        if twins:
            care.set_flag(s, twins[k % len(twins)], colour, reason="性质测试")

    @rule(r=st.integers(0, 5), k=st.integers(0, 9))
    def merge_a_pair(self, r: int, k: int) -> None:
        """A person on any replica merges one listed pair (or finishes a merge)."""
        s = self.stores[r % len(self.stores)]
        pairs = listing(s.conn)
        if pairs:
            p = pairs[k % len(pairs)]
            merge(s, p.entity, p.keep, p.other)

    def _merge_all(self) -> None:
        """At the office: merge whatever is listed, exchange, until nothing is listed."""
        for _ in range(4):
            pairs = listing(self.stores[0].conn)
            if not pairs:
                return
            for p in pairs:
                merge(self.stores[0], p.entity, p.keep, p.other)
            self._full_exchange()
        assert listing(self.stores[0].conn) == []

    def _full_exchange(self) -> None:
        for _ in range(2):
            for r in range(1, len(self.stores)):
                self._deliver(*self._export(r, 0), pick=0)
            for grid in (0, 1):
                path, to = self._export(0, grid)
                for pick in range(len(self.stores)):
                    self._deliver(path, to, pick)

    def _check(self) -> None:
        office = self.stores[0]
        held = {r[0] for r in office.conn.execute("SELECT op_id FROM ops")}
        for path, _to in self.sticks:  # nothing that ever left a device is lost
            sent = json.loads(path.read_text(encoding="utf-8"))["ops"]
            assert {o["op_id"] for o in sent} <= held
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
            # One care flag per live person, none for a merged one, due dates as rebuilt.
            flagged = [f.resident_id for f in care.flag_rows(s)]
            assert len(flagged) == len(set(flagged))
            merged = {
                r[0]
                for r in s.conn.execute("SELECT id FROM resident WHERE merged_into IS NOT NULL")
            }
            assert not merged & set(flagged)
            dues = s.conn.execute("SELECT * FROM care_due ORDER BY 1, 2").fetchall()
            with s.transaction():
                care_due.rebuild(s.conn)
            assert [tuple(d) for d in dues] == [
                tuple(d) for d in s.conn.execute("SELECT * FROM care_due ORDER BY 1, 2")
            ]
            assert not merged & {d[0] for d in dues}
            # Where moved records have pointed, as the write path kept it and rebuilt.
            kept = s.conn.execute("SELECT * FROM moved_from ORDER BY 1, 2, 3").fetchall()
            with s.transaction():
                moves.rebuild(s.conn)
            assert [tuple(r) for r in kept] == [
                tuple(r) for r in s.conn.execute("SELECT * FROM moved_from ORDER BY 1, 2, 3")
            ]


# The same examples every run, so CI never turns red at random: explore with
# derandomize off and `--hypothesis-seed=N` (or more examples) when changing sync.
OfficeAndWorkers.TestCase.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None, derandomize=True
)
test_office_and_workers_converge = pytest.mark.slow(OfficeAndWorkers.TestCase)


def test_a_resident_merged_away_with_a_household_that_moved_here_leaves_the_laptop() -> None:
    """Found by the state machine (hypothesis seed 44 and others): the resident came to
    this micro-grid only with its household, so none of its own operations ran here, and
    its move away (the household merged into one elsewhere) was not sent here."""
    state = OfficeAndWorkers()
    try:
        for _ in range(5):
            state.clone(r=1)
        state.save_copy(r=0)
        state.add_person(k=0, r=3)
        state.office_moves_a_household(grid=0, k=3)
        state.merge_a_pair(k=0, r=0)
        state.office_moves_a_household(grid=1, k=0)
        state.edit(field="phone", k=0, r=0, v=0)
    finally:
        state.teardown()
