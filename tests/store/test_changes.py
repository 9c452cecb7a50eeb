"""What a transaction changed is collected for the screens, and forgotten if it rolls back."""

from __future__ import annotations

import pytest

from gridworker.store.changes import Changes
from gridworker.store.store import Store


def _household(s: Store) -> str:
    mg = s.identity.micro_grid_id
    assert mg is not None
    return s.create("household", {"micro_grid_id": mg, "estate": "致强小区", "room": "101"})


def test_a_write_reports_the_records_it_touched(worker_store: Store) -> None:
    worker_store.take_changes()  # the set-up's own micro-grid
    h = _household(worker_store)
    r = worker_store.create("resident", {"household_id": h, "name": "张静华"})
    changes = worker_store.take_changes()
    assert changes.ids("household") == {h}
    assert changes.ids("resident") == {r}
    assert changes.touches("resident") and not changes.touches("micro_grid")
    assert not worker_store.take_changes()  # taken once


def test_an_unchanged_write_reports_nothing(worker_store: Store) -> None:
    h = _household(worker_store)
    worker_store.take_changes()
    worker_store.update("household", h, {"room": "101"})
    assert not worker_store.take_changes()


def test_a_rolled_back_transaction_reports_nothing(worker_store: Store) -> None:
    worker_store.take_changes()
    with pytest.raises(RuntimeError), worker_store.transaction():
        _household(worker_store)
        raise RuntimeError("cancelled half-way")
    assert not worker_store.take_changes()


def test_imported_operations_are_reported(worker_store: Store, office_store: Store) -> None:
    h = _household(worker_store)
    ops = [op for op in worker_store.conn.execute("SELECT * FROM ops ORDER BY hlc").fetchall()]
    from gridworker.store.ops import Op

    office_store.take_changes()
    office_store.apply_ops([Op.from_row(r) for r in ops])
    assert h in office_store.take_changes().ids("household")


def test_changes_fold_together() -> None:
    a = Changes()
    a.add("resident", ["r1"])
    b = Changes(conflicts=True)
    b.add("resident", ["r2"])
    a.update(b)
    assert a.ids("resident") == {"r1", "r2"} and a.conflicts
    assert not Changes()
