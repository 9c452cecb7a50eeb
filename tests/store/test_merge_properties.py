"""Property tests of the apply rule: same operations, any order, duplicates → same state.

Several replicas edit the same records concurrently (often the same field), then every
replica receives every operation in a random order with repeats. They must end identical,
and every concurrent edit that lost must sit in the conflicts table of every replica.
"""

from __future__ import annotations

import json
import random

from hypothesis import example, given, settings
from hypothesis import strategies as st
from legacy_ops import expected_sets, legacy_list_op

from gridworker.store.entities import ENTITIES
from gridworker.store.merge import ApplyCounts, apply_op
from gridworker.store.ops import INSERT_OP_IF_NEW, Op, clock_loads
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store

# "legacy_tags": a whole-list edit of the tags, as operations of format version 1 carry
# it; "tags": the app's own edits, written element by element.
FIELDS = ("name", "phone", "notes", "tags", "tags", "legacy_tags")
VALUES = {
    "name": ["张三", "张叁", "李四"],
    "phone": ["13800000001", "13800000002", None],
    "notes": ["独居", "子女在外", "需要送药", None],
    "tags": [["高龄"], ["高龄", "独居老人"], [], ["独居老人", "低保"]],
    "legacy_tags": [["高龄"], ["独居老人", "低保"], []],
}


def _edit(s: Store, person: str, field: str, vi: int) -> None:
    values = VALUES[field]
    if field == "legacy_tags":
        legacy_list_op(s, person, values[vi % len(values)])
    else:
        s.update("resident", person, {field: values[vi % len(values)]})


def _assert_tags_follow_the_rule(s: Store, ops: list[Op]) -> None:
    """Each element is as its latest edit, element or whole list, says (from the ops)."""
    expected = expected_sets(ops)
    for r in s.conn.execute("SELECT id, tags FROM resident"):
        assert sorted(json.loads(r["tags"] or "[]")) == expected.get(r["id"], []), r["id"]


def _all_ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def _replicas(n: int) -> tuple[list[Store], list[str]]:
    stores = []
    for i in range(n):
        s = Store.open(":memory:")
        if i == 0:
            s.init_installation("office", "致强社区", "王主任")
        else:
            s.init_installation("worker", "致强社区", f"网格员{i}", micro_grid="第三微网格")
        stores.append(s)
    origin = stores[0]
    mg = origin.ensure_micro_grid("第三微网格")
    h = origin.create("household", {"micro_grid_id": mg, "estate": "致强小区", "room": "101"})
    people = [origin.create("resident", {"household_id": h, "name": f"居民{k}"}) for k in range(2)]
    seed = _all_ops(origin)
    for s in stores[1:]:
        s.apply_ops(seed)
    return stores, people


edit = st.tuples(
    st.integers(0, 3),  # replica
    st.integers(0, 1),  # person
    st.sampled_from(FIELDS),
    st.integers(0, 3),  # value index
    st.booleans(),  # exchange with a random other replica after this edit
)


def _heads_that_lost(ops: list[Op], s: Store) -> set[tuple[str, str, str]]:
    """(entity_id, field, hlc) of every edit no later edit built on, whose value lost.

    Computed from scratch from the whole set of operations, independently of the store.
    """
    parents: dict[tuple[str, str], dict[str, list[str]]] = {}
    values: dict[tuple[str, str, str], object] = {}
    for op in ops:
        for f, v in op.fields.items():
            ps = [op.base[f]] if f in op.base else []
            ps += op.merged.get(f, [])
            parents.setdefault((op.entity_id, f), {})[op.hlc] = ps
            values[(op.entity_id, f, op.hlc)] = v
    lost = set()
    for (eid, f), links in parents.items():
        winner = max(links)
        row = s.conn.execute("SELECT _clock FROM resident WHERE id = ?", (eid,)).fetchone()
        if row is None:
            continue
        assert clock_loads(row["_clock"]).get(f) == winner
        with_child = {p for ps in links.values() for p in ps}
        line, stack = {winner}, list(links[winner])
        while stack:
            h = stack.pop()
            if h not in line:
                line.add(h)
                stack.extend(links.get(h, []))
        for h in links:
            # Lost unless the winner's line carried the same value at some later hlc.
            later = [values[(eid, f, x)] for x in line if x > h and (eid, f, x) in values]
            if h != winner and h not in with_child and values[(eid, f, h)] not in later:
                lost.add((eid, f, h))
    return lost


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, min_size=1, max_size=25), st.integers(0, 2**32))
def test_replicas_converge_and_keep_every_lost_edit(
    edits: list[tuple[int, int, str, int, bool]], seed: int
) -> None:
    # A seeded Random, not st.randoms(): how many draws happen depends on hlc tie-breaks
    # between random device ids, which hypothesis would flag as flaky data generation.
    rnd = random.Random(seed)
    stores, people = _replicas(4)
    for replica, person, field, vi, exchange in edits:
        s = stores[replica]
        _edit(s, people[person], field, vi)
        if exchange:
            other = stores[rnd.randrange(len(stores))]
            other.apply_ops(rnd.sample(_all_ops(s), k=len(_all_ops(s))))

    everything = {op.op_id: op for s in stores for op in _all_ops(s)}
    all_ops = list(everything.values())
    for s in stores:
        batch = all_ops + rnd.sample(all_ops, k=min(5, len(all_ops)))  # with repeats
        rnd.shuffle(batch)
        # Deliver in two random halves, to mix order across imports too.
        cut = rnd.randrange(len(batch) + 1)
        s.apply_ops(batch[:cut])
        s.apply_ops(batch[cut:])

    texts = {snapshot_text(s) for s in stores}
    assert len(texts) == 1
    _assert_tags_follow_the_rule(stores[0], all_ops)
    expected = _heads_that_lost(all_ops, stores[0])
    for s in stores:
        open_ = {(r["entity_id"], r["field"], r["loser_hlc"]) for r in s.open_conflicts()}
        assert open_ == expected


def test_concurrent_edit_of_same_field_keeps_newer_and_records_loser() -> None:
    stores, people = _replicas(3)
    office, a, b = stores
    a.update("resident", people[0], {"phone": "13800000001"})
    b.update("resident", people[0], {"phone": "13800000002"})  # later hlc: wins
    office.apply_ops(_all_ops(a))
    office.apply_ops(_all_ops(b))
    assert office.get("resident", people[0])["phone"] == "13800000002"  # type: ignore[index]
    [c] = office.open_conflicts()
    assert json.loads(c["loser_value"]) == "13800000001"
    assert c["loser_user"] == "网格员1"


def test_resolution_syncs_and_closes_conflict_everywhere() -> None:
    stores, people = _replicas(3)
    office, a, b = stores
    a.update("resident", people[0], {"notes": "独居"})
    b.update("resident", people[0], {"notes": "子女在外"})
    for s in stores:
        for src in stores:
            s.apply_ops(_all_ops(src))
    assert all(len(s.open_conflicts()) == 1 for s in stores)
    [c] = office.open_conflicts()
    office.resolve_conflict(c["id"], keep="other")
    assert office.get("resident", people[0])["notes"] == "独居"  # type: ignore[index]
    for s in (a, b):
        s.apply_ops(_all_ops(office))
        assert s.open_conflicts() == []
        assert s.get("resident", people[0])["notes"] == "独居"  # type: ignore[index]
    assert office.open_conflicts() == []


def test_later_edit_by_same_hand_is_not_a_conflict() -> None:
    stores, people = _replicas(2)
    office, a = stores
    a.update("resident", people[0], {"notes": "一"})
    a.update("resident", people[0], {"notes": "二"})
    ops = _all_ops(a)
    office.apply_ops(list(reversed(ops)))  # newest first
    assert office.get("resident", people[0])["notes"] == "二"  # type: ignore[index]
    assert office.open_conflicts() == []


def test_equal_concurrent_values_are_not_conflicts() -> None:
    stores, people = _replicas(3)
    office, a, b = stores
    a.update("resident", people[0], {"phone": "13800000009"})
    b.update("resident", people[0], {"phone": "13800000009"})
    office.apply_ops(_all_ops(a) + _all_ops(b))
    assert office.open_conflicts() == []


def _apply_one_by_one(s: Store, ops: list[Op]) -> None:
    """The reference apply: each op inserted if new, then applied alone, in hlc order."""
    now = "2026-01-01T00:00:00Z"
    with s.transaction():
        for op in sorted(ops, key=lambda o: o.hlc):
            if s.conn.execute(INSERT_OP_IF_NEW, op.row(received_at=now)).rowcount:
                apply_op(s.conn, ENTITIES[op.entity], op, now, ApplyCounts())


def _state(s: Store) -> tuple[str, list[tuple[object, ...]], list[tuple[object, ...]]]:
    conflicts = [
        tuple(r)
        for r in s.conn.execute(
            "SELECT id, entity, entity_id, field, loser_value, loser_hlc, loser_op_id, "
            "loser_user, winner_value, winner_hlc, resolved_by FROM conflicts ORDER BY id"
        )
    ]
    ops = [
        tuple(r)
        for r in s.conn.execute(
            "SELECT op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base, "
            "merged, micro_grid_id FROM ops ORDER BY rowid"
        )
    ]
    clocks = [tuple(r) for r in s.conn.execute("SELECT id, _clock FROM resident ORDER BY rowid")]
    return snapshot_text(s) + repr(clocks), conflicts, ops


@settings(max_examples=40, deadline=None)
@given(st.lists(edit, min_size=1, max_size=25), st.integers(0, 2**32))
def test_batch_apply_equals_one_by_one_apply(
    edits: list[tuple[int, int, str, int, bool]], seed: int
) -> None:
    """Bulk apply_ops leaves exactly the state of applying each op alone (conflict ids too).

    Batches mix record creation, later edits of those records, concurrent edits that
    conflict, resolutions, repeats and ops already held.
    """
    rnd = random.Random(seed)
    stores, people = _replicas(4)
    for replica, person, field, vi, _ in edits:
        _edit(stores[replica], people[person], field, vi)
        if rnd.random() < 0.2:
            other = stores[rnd.randrange(len(stores))]
            other.apply_ops(_all_ops(stores[replica]))
            if other.open_conflicts() and rnd.random() < 0.5:
                c = other.open_conflicts()[0]
                other.resolve_conflict(c["id"], keep=rnd.choice(["current", "other"]))
    everything = list({op.op_id: op for s in stores for op in _all_ops(s)}.values())
    batches = []
    for i in range(3):
        batch = rnd.sample(everything, k=rnd.randrange(len(everything) + 1))
        if i == 0:  # residents need their household (foreign key)
            batch += [op for op in everything if op.entity != "resident"]
        batches.append(batch + rnd.sample(batch, k=min(3, len(batch))))
    batches.append(everything)
    bulk, reference = Store.open(":memory:"), Store.open(":memory:")
    for s in (bulk, reference):
        s.init_installation("office", "致强社区", "王主任")
    for batch in batches:
        bulk.apply_ops(batch)
        _apply_one_by_one(reference, batch)
        assert _state(bulk) == _state(reference)
    _assert_tags_follow_the_rule(bulk, everything)


def test_reverting_to_an_earlier_value_concurrently_is_a_conflict_not_lost() -> None:
    """QA found: a worker's edit back to a value the field once had, made while the office
    changed it again, vanished (no conflict) because that value was in the winner's past."""
    (office, worker, _, _), (person, neighbour) = _replicas(4)
    office.update("resident", person, {"phone": "13800000001"})
    office.update("resident", person, {"phone": "13700000002"})
    worker.apply_ops(_all_ops(office))
    worker.update("resident", person, {"phone": "13800000001"})  # back to the old number
    # Meanwhile the office makes a new one, two ticks on: its edit wins by hlc, the case
    # where the worker's edit used to vanish.
    office.update("resident", neighbour, {"notes": "独居"})
    office.update("resident", person, {"phone": "13500000003"})
    office.apply_ops(_all_ops(worker))
    worker.apply_ops(_all_ops(office))
    for s in (office, worker):
        assert s.get("resident", person)["phone"] == "13500000003"  # type: ignore[index]
        lost = [json.loads(r["loser_value"]) for r in s.open_conflicts()]
        assert lost == ["13800000001"]


def test_the_same_value_set_on_two_devices_is_no_conflict() -> None:
    (office, worker, _, _), (person, _) = _replicas(4)
    worker.update("resident", person, {"phone": "13800000001"})
    office.update("resident", person, {"phone": "13800000001"})
    office.apply_ops(_all_ops(worker))
    worker.apply_ops(_all_ops(office))
    assert office.open_conflicts() == [] and worker.open_conflicts() == []


def test_an_edit_closes_a_conflict_of_a_field_it_builds_on_while_another_field_disagrees() -> None:
    """Found with set fields: an operation whose one field was concurrent (refreshed) and
    whose other field built on the current value (not refreshed) left that field's open
    conflict open, although the edit carried the lost value again and so closed it."""
    (office, a, b), (person, neighbour) = _replicas(3)
    a.update("resident", person, {"phone": "13800000001"})
    a.update("resident", neighbour, {"notes": "独居"})
    b.apply_ops([op for op in _all_ops(a) if op.entity_id == neighbour])  # b's clock is later
    b.update("resident", person, {"phone": "13800000002"})  # wins over a's number
    b.apply_ops(_all_ops(a))
    office.apply_ops(_all_ops(a) + _all_ops(b))
    assert [json.loads(r["loser_value"]) for r in b.open_conflicts()] == ["13800000001"]
    b.update("resident", person, {"notes": "子女在外"})
    # The office goes back to a's number (closing that conflict) and writes its own note.
    office.update("resident", person, {"phone": "13800000001", "notes": "需要送药"})
    b.apply_ops(_all_ops(office))
    held = _all_ops(b)
    open_ = {(r["entity_id"], r["field"], r["loser_hlc"]) for r in b.open_conflicts()}
    assert open_ == _heads_that_lost(held, b)
    assert {f for _, f, _ in open_} == {"notes"}


# -- issue 10: restores, clones, stale clocks and the same person entered twice -----------

move = st.one_of(
    st.tuples(
        st.just("edit"),
        st.integers(0, 5),
        st.integers(0, 1),
        st.sampled_from(FIELDS),
        st.integers(0, 3),
    ),
    st.tuples(st.just("exchange"), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("save"), st.integers(0, 5)),
    st.tuples(st.just("restore"), st.integers(0, 5)),
    st.tuples(st.just("clone"), st.integers(0, 5)),
    st.tuples(st.just("stale"), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("twin"), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("merge"), st.integers(0, 5)),
)


def _copy(s: Store, path: str) -> Store:
    """A copy of a replica's database, as a file copied to ``path`` would be."""
    from pathlib import Path

    from gridworker.store.db import open_file

    conn = open_file(":memory:").conn
    s.conn.backup(conn)
    return Store(conn, Path(path))


@settings(max_examples=40, deadline=None)
@given(st.lists(move, min_size=1, max_size=30))
# Found at random: a whole-list edit made right after a restore was numbered from the
# restored file's old device history (the test helper read it before the write began).
@example(
    moves=[
        ("edit", 0, 0, "name", 0),
        ("save", 0),
        ("twin", 0, 0),
        ("exchange", 0, 1),
        ("edit", 0, 0, "name", 0),
        ("restore", 0),
        ("edit", 0, 0, "legacy_tags", 0),
    ]
)
def test_restores_clones_stale_clocks_and_twins_converge_and_lose_nothing(
    moves: list[tuple[object, ...]],
) -> None:
    """Replicas put back from older copies, copied to new replicas, run with wrong clocks,
    and the same person created on two of them (merged on any): after every operation
    reaches every replica they are identical, no (device, seq) names two operations (so
    none was dropped for another), every lost edit is a conflict, and once the pairs are
    merged no duplicate is left."""
    from gridworker.core.hlc import wall_ms
    from gridworker.store.duplicates import listing, merge

    base, people = _replicas(3)
    stores = [_copy(s, f"/replica/{i}.sqlite3") for i, s in enumerate(base)]
    saved: dict[int, Store] = {}
    n = 0
    for mv in moves:
        kind, r = mv[0], int(mv[1]) % len(stores)  # type: ignore[call-overload]
        s = stores[r]
        if kind == "edit":
            _, _, person, field, vi = mv
            _edit(s, people[int(person)], str(field), int(vi))  # type: ignore[call-overload]
        elif kind == "exchange":
            stores[int(mv[2]) % len(stores)].apply_ops(_all_ops(s))  # type: ignore[call-overload]
        elif kind == "save":
            saved[r] = _copy(s, "/saved")
        elif kind == "restore" and r in saved:
            stores[r] = _copy(saved[r], str(s.path))  # the older file, at the same place
        elif kind == "clone" and len(stores) < 6:
            n += 1
            stores.append(_copy(s, f"/replica/clone{n}.sqlite3"))
        elif kind == "stale":
            clock = s._clock
            assert clock is not None
            shift = 3 * 365 * 86_400_000 if mv[2] else -2 * 86_400_000
            clock._now = lambda shift=shift: wall_ms() + shift
        elif kind == "twin":
            other = stores[int(mv[2]) % len(stores)]  # type: ignore[call-overload]
            n += 1
            home = s.get("resident", people[0])["household_id"]  # type: ignore[index]
            for x in {id(s): s, id(other): other}.values():
                x.create("resident", {"household_id": home, "name": "重复者", "id_number": f"X{n}"})
        elif kind == "merge":
            pairs = listing(s.conn)
            if pairs:
                merge(s, pairs[0].entity, pairs[0].keep, pairs[0].other)

    def everyone_gets_everything() -> list[Op]:
        everything = list({op.op_id: op for s in stores for op in _all_ops(s)}.values())
        for s in stores:
            s.apply_ops(everything)
        return everything

    everything = everyone_gets_everything()
    for _ in range(4):  # a person merges what is listed, until nothing is
        pairs = listing(stores[0].conn)
        if not pairs:
            break
        for p in pairs:
            merge(stores[0], p.entity, p.keep, p.other)
        everything = everyone_gets_everything()
    numbers: dict[tuple[str, int], str] = {}
    for op in everything:
        assert numbers.setdefault((op.device_id, op.seq), op.op_id) == op.op_id
    assert len({snapshot_text(s) for s in stores}) == 1
    for s in stores:
        assert len(_all_ops(s)) == len(everything)
        assert listing(s.conn) == []
    expected = _heads_that_lost(everything, stores[0])
    for s in stores:
        open_ = {(r["entity_id"], r["field"], r["loser_hlc"]) for r in s.open_conflicts()}
        assert open_ == expected
