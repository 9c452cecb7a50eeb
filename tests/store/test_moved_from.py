"""Where records have pointed before (store/moves.py): the same rows whatever the order,
from the write path, from received operations and from migration 10's backfill."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridworker.store import moves
from gridworker.store.ops import Op
from gridworker.store.store import Store


def _rows(s: Store) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in s.conn.execute("SELECT * FROM moved_from ORDER BY 1, 2, 3")]


def _site(tmp_path: Path) -> tuple[Store, str, list[str], str]:
    s = Store.open(tmp_path / "office.sqlite3")
    s.init_installation("office", "致强社区", "王主任")
    mg = s.ensure_micro_grid("第一微网格")
    homes = [s.create("household", {"micro_grid_id": mg, "room": f"{i}01"}) for i in (1, 2, 3)]
    person = s.create("resident", {"household_id": homes[0], "name": "张三"})
    s.create("resident", {"household_id": homes[0], "name": "李四"})  # never moves
    return s, mg, homes, person


def test_records_never_moved_have_no_rows_and_a_moved_one_has_every_parent(
    tmp_path: Path,
) -> None:
    s, _mg, homes, person = _site(tmp_path)
    assert _rows(s) == []
    s.update("resident", person, {"phone": "13800000001"})  # not a move
    assert _rows(s) == []
    s.update("resident", person, {"household_id": homes[1]})
    s.update("resident", person, {"household_id": homes[2]})
    assert _rows(s) == sorted(("resident", h, person) for h in homes)
    s.close()


def test_received_in_any_order_the_rows_are_the_same(tmp_path: Path) -> None:
    s, _mg, homes, person = _site(tmp_path)
    s.update("resident", person, {"household_id": homes[1]})
    flag = s.create("care_flag", {"resident_id": person, "colour": "red"})
    other = s.create("resident", {"household_id": homes[2], "name": "王五"})
    s.update("care_flag", flag, {"resident_id": other})
    want = _rows(s)
    ops = [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops")]
    s.close()
    homes_first = [op for op in ops if op.entity in ("micro_grid", "household")]
    rest = [op for op in ops if op not in homes_first]
    moving = [op for op in rest if op.base or op.entity_id == other]  # the moves, and 王五
    made = [op for op in rest if op not in moving]
    for k, sticks in enumerate(([rest], [moving, made], [made, moving])):
        r = Store.open(tmp_path / f"r{k}.sqlite3")
        r.init_installation("office", "致强社区", "另一台")
        r.apply_ops(homes_first)
        for stick in sticks:  # the moves before the records they move, or after
            r.apply_ops(stick)
        assert _rows(r) == want, k
        r.close()


def test_migration_10_fills_the_table_from_the_change_log(tmp_path: Path) -> None:
    s, _mg, homes, person = _site(tmp_path)
    s.update("resident", person, {"household_id": homes[1]})
    want = _rows(s)
    assert want
    path = s.path
    s.close()
    assert path is not None
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE moved_from")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    again = Store.open(path)
    assert _rows(again) == want
    again.close()


def test_rebuilt_from_the_change_log_it_is_what_the_write_path_kept(tmp_path: Path) -> None:
    s, _mg, homes, person = _site(tmp_path)
    s.update("resident", person, {"household_id": homes[1]})
    flag = s.create("care_flag", {"resident_id": person, "colour": "red"})
    s.update("care_flag", flag, {"resident_id": s.create("resident", {"household_id": homes[2]})})
    kept = _rows(s)
    assert {r[0] for r in kept} == {"resident", "care_flag"}
    with s.transaction():
        moves.rebuild(s.conn)
    assert _rows(s) == kept
    s.close()
