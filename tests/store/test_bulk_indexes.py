"""A bulk write may build lookup indexes once at its end: the schema afterwards is the
same, a rollback puts them back, and a small write into a large table keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridworker.store import store as store_module
from gridworker.store.store import Change, Store


def _indexes(s: Store) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in s.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "ORDER BY name"
        )
    ]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(store_module, "_BULK_MIN_ROWS", 2)
    s = Store.open(tmp_path / "db.sqlite3")
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    return s


def _write(s: Store, n: int) -> None:
    mg = s.identity.micro_grid_id
    homes = s.write(
        [Change("household", {"micro_grid_id": mg, "room": str(i)}, new=True) for i in range(n)]
    )
    s.write(
        [
            Change(
                "resident",
                {"household_id": h.entity_id, "name": f"人{i}", "id_number": f"x{i}"},
                new=True,
            )
            for i, h in enumerate(homes)
        ]
    )


def test_indexes_are_rebuilt_as_they_were(store: Store) -> None:
    before = _indexes(store)
    bulk = {"resident": 3, "household": 3, "search_doc": 3}
    with store.transaction(), store.indexes_built_after(bulk):
        dropped = {n for n, _ in before} - {n for n, _ in _indexes(store)}
        assert {"resident_name", "resident_id_number", "household_address"} <= dropped
        _write(store, 3)
    assert _indexes(store) == before
    found = store.conn.execute(
        "SELECT name FROM resident INDEXED BY resident_id_number WHERE id_number = 'x1'"
    )
    assert [r[0] for r in found] == ["人1"]
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_rolled_back_bulk_write_leaves_the_indexes(store: Store) -> None:
    before = _indexes(store)
    with (
        pytest.raises(RuntimeError),
        store.transaction(),
        store.indexes_built_after({"resident": 3}),
    ):
        _write(store, 3)
        raise RuntimeError("cancelled")
    assert _indexes(store) == before
    assert store.conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 0


def test_a_small_write_into_a_larger_table_keeps_its_indexes(store: Store) -> None:
    _write(store, 5)
    with store.transaction(), store.indexes_built_after({"resident": 3}):
        assert "resident_name" in [n for n, _ in _indexes(store)]


def test_only_inside_a_write_transaction(store: Store) -> None:
    with pytest.raises(Exception, match="transaction"), store.indexes_built_after({"resident": 3}):
        pass
