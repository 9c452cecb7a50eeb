"""Derived data plugs into the write path as hooks, called inside the write transaction by
Store.write, Store.apply_ops and Store.resolve_conflict with what each wrote."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gridworker.store import derived
from gridworker.store.ops import Op
from gridworker.store.store import Store


@pytest.fixture
def calls() -> Iterator[list[derived.Written]]:
    seen: list[derived.Written] = []
    derived.register(derived.Hook("spy", lambda conn, w: seen.append(w), frozenset({"resident"})))
    yield seen
    derived.unregister("spy")


def _ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def test_a_write_calls_the_hook_once_with_what_it_touched_and_inserted(
    worker_store: Store, calls: list[derived.Written]
) -> None:
    h = worker_store.create("household", {"micro_grid_id": worker_store.identity.micro_grid_id})
    assert calls == []  # follows residents only
    a = worker_store.create("resident", {"household_id": h, "name": "陈桂兰", "tags": ["高龄"]})
    [w] = calls
    assert w.touched == {"resident": [a]}
    row = w.created["resident"][a]
    assert row[0] == a and row[2] == "陈桂兰" and row[12] == '["高龄"]'
    worker_store.update("resident", a, {"phone": "13800000001"})
    assert calls[-1].touched == {"resident": [a]} and not calls[-1].created.get("resident")


def test_imports_and_resolutions_call_it_too(
    worker_store: Store, office_store: Store, calls: list[derived.Written]
) -> None:
    h = worker_store.create("household", {"micro_grid_id": worker_store.identity.micro_grid_id})
    a = worker_store.create("resident", {"household_id": h, "name": "陈桂兰"})
    office_store.apply_ops(_ops(worker_store))
    assert calls[-1].touched["household"] == [h] and calls[-1].touched["resident"] == [a]
    assert set(calls[-1].created["resident"]) == {a}
    worker_store.update("resident", a, {"phone": "13800000001"})
    office_store.update("resident", a, {"phone": "13800000002"})
    office_store.apply_ops(_ops(worker_store))
    [c] = office_store.open_conflicts()
    calls.clear()
    office_store.resolve_conflict(c["id"], keep="other")
    assert [w.touched for w in calls] == [{"resident": [a]}]


def test_a_failing_hook_rolls_the_write_back(worker_store: Store) -> None:
    def broken(conn: object, w: derived.Written) -> None:
        raise RuntimeError("index full")

    h = worker_store.create("household", {"micro_grid_id": worker_store.identity.micro_grid_id})
    derived.register(derived.Hook("broken", broken))
    try:
        with pytest.raises(RuntimeError):
            worker_store.create("resident", {"household_id": h, "name": "陈桂兰"})
    finally:
        derived.unregister("broken")
    assert worker_store.conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 0
    assert worker_store.conn.execute("SELECT count(*) FROM search_doc").fetchone()[0] == 0


def test_the_search_index_is_the_first_hook() -> None:
    assert [h.name for h in derived.HOOKS][:1] == ["search"]


def test_the_lazy_hooks_follow_what_their_modules_follow() -> None:
    """The gas and care hooks are declared here with the kinds they follow (their modules
    load at the first write); the kinds must be the modules' own."""
    from gridworker.store import care_due, gas_derived

    assert derived.GAS_FOLLOWS == gas_derived.FOLLOWS
    assert derived.CARE_FOLLOWS == care_due.FOLLOWED
