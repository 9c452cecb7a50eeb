"""A file damaged inside a row says so, names the newest good backup and how to restore (#10)."""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.db import backup_file
from gridworker.store.errors import DatabaseDamaged
from gridworker.store.store import Store
from gridworker.sync import export_bundle


def _office(tmp_path: Path) -> Path:
    db = tmp_path / "office.sqlite3"
    with Store.open(db) as s:
        s.init_installation("office", "致强社区", "王主任")
        mg = s.ensure_micro_grid("第一微网格")
        h = s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
        s.create("resident", {"household_id": h, "name": "张静华"})
    return db


def _damage_a_resident_op(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE ops SET fields = '{\"household_id\":' WHERE rowid ="
        " (SELECT max(rowid) FROM ops WHERE entity = 'resident')"
    )
    conn.commit()
    conn.close()


def test_export_from_a_damaged_file_names_the_newest_good_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path)
    good = backup_file(db, "before-import")
    assert good is not None
    _damage_a_resident_op(db)
    newer_damaged = backup_file(db, "before-import")  # a backup taken after the damage
    assert newer_damaged is not None
    code = main(
        ["--db", str(db), "bundle", "export", "--micro-grid", "第一微网格", "--out", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "已损坏" in err and "malformed JSON" in err
    assert good.name in err and newer_damaged.name not in err
    assert "gridworker db restore" in err and "设置" in err
    assert "Traceback" not in err


def test_a_worker_never_writes_a_damaged_operation_into_a_bundle(tmp_path: Path) -> None:
    """Was: a bundle with broken JSON, "written and verified", that the office refuses."""
    db = tmp_path / "w.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        mg = s.identity.micro_grid_id
        h = s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
        s.create("resident", {"household_id": h, "name": "张静华"})
    _damage_a_resident_op(db)
    with Store.open(db) as s, pytest.raises(DatabaseDamaged, match="已损坏"):
        export_bundle(s, tmp_path / "up.gwbundle.json")
    assert not (tmp_path / "up.gwbundle.json").exists()


def test_db_check_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _office(tmp_path)
    good = backup_file(db, "before-import")
    assert good is not None
    _damage_a_resident_op(db)
    damaged = db.read_bytes()

    assert main(["--db", str(db), "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "修改记录的 fields 内容已损坏" in out and "db restore" in out

    assert main(["--db", str(db), "db", "restore"]) == 0
    out = capsys.readouterr().out
    assert good.name in out and "完好" in out

    assert main(["--db", str(db), "db", "restore", "latest"]) == 0
    out = capsys.readouterr().out
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("office.sqlite3.replaced-")]
    assert not list(tmp_path.glob("*-wal"))  # the check left nothing beside the file
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never deleted
    assert kept[0].name in out
    assert main(["--db", str(db), "db", "check"]) == 0
    capsys.readouterr()
    with Store.open(db) as s:
        assert s.conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 1


def test_restore_is_refused_while_the_app_has_the_database_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path)
    backup_file(db, "before-import")
    before = db.read_bytes()
    # What Qt's QLockFile writes: pid, program, host.
    (tmp_path / "office.sqlite3.lock").write_text(
        f"{os.getpid()}\nGridWorker\n{socket.gethostname()}\n", encoding="utf-8"
    )
    assert main(["--db", str(db), "db", "restore", "latest"]) == 1
    err = capsys.readouterr().err
    assert "正在使用" in err and str(os.getpid()) in err
    assert db.read_bytes() == before


def test_a_restored_file_numbers_its_next_edit_after_the_replaced_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits made after the backup may be at the office already: their numbers are not
    given out again (the office would take new edits for ones it holds). Without device
    records (a data folder that cannot be written) the carried-over counter does it."""
    monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(tmp_path / "no-records" / "x"))
    (tmp_path / "no-records").write_text("a file where the folder would be")
    from gridworker.store.health import restore_backup

    db = tmp_path / "w.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        mg = s.identity.micro_grid_id
        h = s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
        good = backup_file(db, "before-import")
        assert good is not None
        for n in range(3):
            s.update("household", h, {"notes": f"第{n}次"})
        issued = s.conn.execute("SELECT max(seq) FROM ops").fetchone()[0]
    restore_backup(db, good)
    with Store.open(db) as s:
        assert s.conn.execute("SELECT max(seq) FROM ops").fetchone()[0] < issued
        op = s.update("household", h, {"notes": "恢复之后"})
        assert op is not None and op.seq == issued + 1


def test_a_restored_file_starts_a_new_device_history(tmp_path: Path) -> None:
    """With device records: the restored file writes under a new device id, the old one
    kept as its predecessor, so no number of the old history is given out again."""
    from gridworker.store.health import restore_backup

    db = tmp_path / "w.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        old = s.identity.device_id
        mg = s.identity.micro_grid_id
        h = s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
        good = backup_file(db, "before-import")
        assert good is not None
        s.update("household", h, {"notes": "备份之后"})
    restore_backup(db, good)
    with Store.open(db) as s:
        notice = s.check_history()
        assert notice is not None and "旧" in notice
        op = s.update("household", h, {"notes": "恢复之后"})
        assert op is not None and op.device_id != old and op.seq == 1
        assert s.predecessors() == [old] == s.replaced_devices()
