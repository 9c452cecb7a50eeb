"""The one write path: operations in the change log, only changed fields, clocks per field."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from gridworker.store.db import backup_file
from gridworker.store.errors import NotInitialised, StoreError, ValidationError
from gridworker.store.ops import Op
from gridworker.store.store import Change, Store


def _household(s: Store, room: str = "101") -> str:
    mg = s.identity.micro_grid_id
    assert mg is not None
    return s.create(
        "household",
        {
            "micro_grid_id": mg,
            "estate": "致强小区",
            "building": "1栋",
            "unit": "1单元",
            "room": room,
        },
    )


def test_create_writes_row_and_op_in_one_go(worker_store: Store) -> None:
    h = _household(worker_store)
    r = worker_store.create("resident", {"household_id": h, "name": "张静华", "tags": ["高龄"]})
    row = worker_store.get("resident", r)
    assert row is not None and row["name"] == "张静华" and row["tags"] == ["高龄"]
    ops = worker_store.conn.execute("SELECT * FROM ops WHERE entity_id = ?", (r,)).fetchall()
    assert len(ops) == 1
    # A set field is written element by element (see test_set_fields.py).
    assert json.loads(ops[0]["fields"]) == {"household_id": h, "name": "张静华", "tags[高龄]": True}
    assert ops[0]["micro_grid_id"] == worker_store.identity.micro_grid_id
    assert ops[0]["user_name"] == "赵红"


def test_update_writes_only_changed_fields_with_base_clocks(worker_store: Store) -> None:
    h = _household(worker_store)
    r = worker_store.create(
        "resident", {"household_id": h, "name": "张静华", "phone": "13800000000"}
    )
    first = worker_store.conn.execute("SELECT hlc FROM ops WHERE entity_id = ?", (r,)).fetchone()[0]
    assert worker_store.update("resident", r, {"name": "张静华", "phone": "13800000000"}) is None
    op = worker_store.update("resident", r, {"name": "张静华", "phone": "13900000000"})
    assert op is not None
    assert op.fields == {"phone": "13900000000"}
    assert op.base == {"phone": first}
    assert op.hlc > first


def test_empty_text_is_no_value(worker_store: Store) -> None:
    h = _household(worker_store)
    r = worker_store.create("resident", {"household_id": h, "name": "张静华", "notes": "  "})
    assert worker_store.get("resident", r)["notes"] is None  # type: ignore[index]
    assert worker_store.update("resident", r, {"notes": ""}) is None


def test_seq_is_contiguous_per_device_and_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite3"
    s = Store.open(path)
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    _household(s, "101")
    last_hlc = s.conn.execute("SELECT max(hlc) FROM ops").fetchone()[0]
    s.close()
    s = Store.open(path)
    _household(s, "102")
    seqs = [r[0] for r in s.conn.execute("SELECT seq FROM ops ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    assert s.conn.execute("SELECT max(hlc) FROM ops").fetchone()[0] > last_hlc
    s.close()


def test_failed_batch_writes_nothing(worker_store: Store) -> None:
    before = worker_store.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    mg = worker_store.identity.micro_grid_id
    with pytest.raises(ValidationError):
        worker_store.write(
            [
                Change("household", {"micro_grid_id": mg, "room": "1"}, new=True),
                Change("household", {"no_such_field": "x"}, new=True),
            ]
        )
    assert worker_store.conn.execute("SELECT count(*) FROM ops").fetchone()[0] == before
    assert worker_store.conn.execute("SELECT count(*) FROM household").fetchone()[0] == 0
    # The sequence is not burnt by the failed batch.
    _household(worker_store)
    seqs = [r[0] for r in worker_store.conn.execute("SELECT seq FROM ops ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_dangling_reference_is_refused(worker_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        worker_store.create("resident", {"household_id": "nope", "name": "张三"})
    assert worker_store.conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 0


def test_uninitialised_store_says_so(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "x.sqlite3")
    with pytest.raises(NotInitialised, match="init"):
        s.create("household", {})
    s.close()


def test_micro_grid_ids_agree_between_worker_and_office(
    worker_store: Store, office_store: Store
) -> None:
    assert office_store.ensure_micro_grid("第三微网格") == worker_store.identity.micro_grid_id


def test_worker_needs_micro_grid(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "x.sqlite3")
    with pytest.raises(ValidationError, match="微网格"):
        s.init_installation("worker", "致强社区", "赵红")
    with pytest.raises(StoreError):
        s.init_installation("office", "致强社区", "王主任")
        s.init_installation("office", "致强社区", "王主任")
    s.close()


def test_ops_of_records_made_in_one_batch_carry_their_micro_grid(worker_store: Store) -> None:
    """Regression: a resident created in the same batch as its household had no scope."""
    mg = worker_store.identity.micro_grid_id
    ops = worker_store.write(
        [
            Change("household", {"micro_grid_id": mg, "room": "101"}, entity_id="h1", new=True),
            Change("resident", {"household_id": "h1", "name": "张三"}, new=True),
        ]
    )
    assert [op.micro_grid_id for op in ops] == [mg, mg]
    stored = {r[0] for r in worker_store.conn.execute("SELECT micro_grid_id FROM ops")}
    assert stored == {mg}


def test_own_ops_received_back_advance_the_sequence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop restored from a backup gets its own later ops back from the office.

    Applying them must move the local sequence past them, or the next local edit would
    reuse a (device, seq) number already held. (With device records the restored file
    starts a new device history instead: tests/cli/test_device_histories.py; here the
    records cannot be kept.)
    """
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(tmp_path / "not-a-folder" / "x"))
    path = tmp_path / "w.sqlite3"
    s = Store.open(path)
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    backup = backup_file(path, "test")
    assert backup is not None
    _household(s, "101")
    _household(s, "102")
    own = [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]
    top = max(op.seq for op in own)
    s.close()

    restored = Store.open(backup)
    counts = restored.apply_ops(own)
    assert counts.new == 2 and counts.held == len(own) - 2
    _household(restored, "103")
    seqs = [r[0] for r in restored.conn.execute("SELECT seq FROM ops ORDER BY seq")]
    assert seqs == list(range(1, top + 2))
    restored.close()
    # The advanced sequence is persisted, not only kept in memory.
    again = Store.open(backup)
    _household(again, "104")
    assert again.conn.execute("SELECT max(seq) FROM ops").fetchone()[0] == top + 2
    again.close()


def test_update_ops_carry_the_micro_grid_of_the_record_after_the_edit(
    office_store: Store,
) -> None:
    """An edit is routed by its record's household: the current one, or the new one."""
    s = office_store
    g1, g2 = s.ensure_micro_grid("第一微网格"), s.ensure_micro_grid("第二微网格")
    h1 = s.create("household", {"micro_grid_id": g1, "room": "101"})
    h2 = s.create("household", {"micro_grid_id": g2, "room": "201"})
    r = s.create("resident", {"household_id": h1, "name": "张三"})
    renamed = s.update("resident", r, {"name": "张叁"})
    moved = s.update("resident", r, {"household_id": h2})
    regridded = s.update("household", h1, {"room": "102"})
    assert renamed is not None and renamed.micro_grid_id == g1
    assert moved is not None and moved.micro_grid_id == g2
    assert regridded is not None and regridded.micro_grid_id == g1
    stored = [r[0] for r in s.conn.execute("SELECT micro_grid_id FROM ops ORDER BY seq")][-3:]
    assert stored == [g1, g2, g1]


def test_new_residents_of_stored_households_carry_the_household_micro_grid(
    office_store: Store,
) -> None:
    """The micro-grids of stored households are read in bulk for a write of new residents;
    a household moved to another micro-grid earlier in the same write routes by its new one."""
    s = office_store
    g1, g2 = s.ensure_micro_grid("第一微网格"), s.ensure_micro_grid("第二微网格")
    h1 = s.create("household", {"micro_grid_id": g1, "room": "101"})
    h2 = s.create("household", {"micro_grid_id": g2, "room": "201"})
    ops = s.write(
        [
            Change("resident", {"household_id": h1, "name": "张三"}, new=True),
            Change("resident", {"household_id": h2, "name": "李四"}, new=True),
            Change("household", {"micro_grid_id": g2}, entity_id=h1),
            Change("resident", {"household_id": h1, "name": "王五"}, new=True),
        ]
    )
    assert [op.micro_grid_id for op in ops] == [g1, g2, g2, g2]
    stored = [r[0] for r in s.conn.execute("SELECT micro_grid_id FROM ops ORDER BY seq")][-4:]
    assert stored == [g1, g2, g2, g2]


def test_control_characters_never_reach_the_change_log(worker_store: Store) -> None:
    """A pasted NUL or BEL would be stored, then every bundle carrying it refused by the
    office (sync stuck for good) and the spreadsheet export broken: the write path drops
    them. Tab and line breaks are text and stay."""
    h = _household(worker_store)
    r = worker_store.create(
        "resident", {"household_id": h, "name": "张\x00三", "notes": "独居\x07\n需要\x85送药"}
    )
    row = worker_store.get("resident", r)
    assert row is not None and row["name"] == "张三" and row["notes"] == "独居\n需要送药"
    worker_store.update("resident", r, {"notes": "a\tb\x1b", "tags": ["高龄\x00"]})
    row = worker_store.get("resident", r)
    assert row is not None and row["notes"] == "a\tb" and row["tags"] == ["高龄"]
    for (text,) in worker_store.conn.execute("SELECT fields FROM ops"):
        bad = ["\x00", "\x07", "\x85", "\x1b", "\\u0000", "\\u0007", "\\u001b"]
        assert not any(b in text for b in bad)


def test_missing_values_are_stored_as_null(worker_store: Store) -> None:
    """The write path binds a missing value as "" (Python's sqlite3 binds None slowly) and
    its statements turn it back into NULL: no column it writes may ever hold ""."""
    h = _household(worker_store)
    r = worker_store.create("resident", {"household_id": h, "name": "张静华", "notes": "  "})
    worker_store.update("resident", r, {"name": "张静"})  # an edit: its op has a base
    conn = worker_store.conn
    for table, key, column in (
        ("resident", r, "notes"),
        ("resident", r, "status_date"),
        ("resident", r, "merged_into"),
        ("household", h, "phone"),
        ("household", h, "merged_seen"),
    ):
        got = conn.execute(f"SELECT typeof({column}) FROM {table} WHERE id = ?", (key,)).fetchone()
        assert got[0] == "null", (table, column)
    ops = conn.execute(
        "SELECT typeof(base), typeof(merged), typeof(received_at), typeof(micro_grid_id) "
        "FROM ops WHERE entity_id = ? ORDER BY seq",
        (r,),
    ).fetchall()
    assert [tuple(o) for o in ops] == [
        ("null", "null", "null", "text"),
        ("text",) + ("null",) * 2 + ("text",),
    ]
    due = conn.execute(
        "SELECT typeof(last_done), typeof(failed_on), typeof(failed_outcome) FROM gas_due "
        "WHERE household_id = ?",
        (h,),
    ).fetchone()
    assert tuple(due) == ("null", "null", "null")
    for table in ("resident", "household", "ops", "gas_due"):
        cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        blank = " OR ".join(f"{c} = ''" for c in cols)
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {blank}").fetchone()[0] == 0
