"""New records written in bulk by apply_ops: the columns no record of the batch fills are
NULL in the statement (not bound as None), and nothing else may differ from inserting
each record alone: the same values, the same NULLs, the same order of rows."""

from __future__ import annotations

from gridworker.store.entities import ENTITIES
from gridworker.store.merge import ApplyCounts, apply_op
from gridworker.store.ops import INSERT_OP_IF_NEW, Op
from gridworker.store.store import Change, Store


def _office() -> Store:
    s = Store.open(":memory:")
    s.init_installation("office", "致强社区", "王主任")
    return s


def _worker_ops() -> list[Op]:
    """Residents of one household each holding other fields, one of them set empty again."""
    w = Store.open(":memory:")
    w.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    mg = w.identity.micro_grid_id
    h = w.create("household", {"micro_grid_id": mg, "estate": "致强小区", "room": "101"})
    people = w.write(
        [
            Change("resident", {"household_id": h, "name": "张三"}, new=True),
            Change(
                "resident",
                {"household_id": h, "name": "李四", "id_number": "110105194912310021"},
                new=True,
            ),
            Change(
                "resident", {"household_id": h, "name": "王五", "phone": "13800000000"}, new=True
            ),
            Change("resident", {"household_id": h, "name": "赵六", "tags": ["高龄"]}, new=True),
            Change("resident", {"household_id": h, "notes": "独居"}, new=True),
        ]
    )
    w.update("resident", people[2].entity_id, {"phone": None})  # a value, then none
    ops = [Op.from_row(r) for r in w.conn.execute("SELECT * FROM ops ORDER BY hlc")]
    w.close()
    return ops


def _rows(s: Store, table: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in s.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]


def test_bulk_insert_leaves_the_rows_of_one_by_one_inserts() -> None:
    ops = _worker_ops()
    bulk, alone = _office(), _office()
    bulk.apply_ops(ops)
    now = "2026-01-01T00:00:00Z"
    with alone.transaction():
        for op in ops:
            alone.conn.execute(INSERT_OP_IF_NEW, op.row(received_at=now))
            apply_op(alone.conn, ENTITIES[op.entity], op, now, ApplyCounts())
    for table in ("household", "resident"):
        assert _rows(bulk, table) == _rows(alone, table)
    names = [r["name"] for r in bulk.conn.execute("SELECT name FROM resident ORDER BY rowid")]
    assert names == ["张三", "李四", "王五", "赵六", None]
    phone = bulk.conn.execute("SELECT phone FROM resident WHERE name = '王五'").fetchone()[0]
    assert phone is None
    columns = ("op_id", "fields", "base", "merged", "micro_grid_id", "wall")
    assert [tuple(r[c] for c in columns) for r in bulk.conn.execute("SELECT * FROM ops")] == [
        (op.op_id, *op.row()[7:11], op.wall) for op in ops
    ]
