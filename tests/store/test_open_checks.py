"""Files that are empty, newer or not ours are refused without a byte changed (issue #10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gridworker.store import db as db_module
from gridworker.store.db import APP_ID, open_file
from gridworker.store.errors import DatabaseTooNew, NotOurDatabase, StoreError
from gridworker.store.migrations import latest_version
from gridworker.store.store import Store


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (side files and backups/ included)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_zero_length_file_is_refused_not_initialised(tmp_path: Path) -> None:
    path = tmp_path / "gridworker.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(NotOurDatabase, match="空的"):
        Store.open(path)
    assert _files(tmp_path) == {"gridworker.sqlite3": b""}


def test_a_newer_file_in_rollback_mode_is_refused_byte_for_byte(tmp_path: Path) -> None:
    """Not even switched to WAL mode before the refusal."""
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE installation (x)")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(DatabaseTooNew, match="较新版本"):
        Store.open(path)
    assert _files(tmp_path) == before


@pytest.mark.parametrize("user_version", [0, 3])
def test_another_programs_sqlite_file_is_refused_untouched(
    tmp_path: Path, user_version: int
) -> None:
    """With user_version 3 it used to be migrated, failing half-way with a backups/ folder."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(NotOurDatabase, match="别的程序"):
        Store.open(path)
    assert _files(tmp_path) == before
    assert not (tmp_path / "backups").exists()


def test_another_programs_wal_mode_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("CREATE TABLE t (x)")
    holder.execute("INSERT INTO t VALUES (1)")  # still in the -wal file
    before = path.read_bytes()
    with pytest.raises(NotOurDatabase):
        Store.open(path)
    assert path.read_bytes() == before
    holder.close()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("这不是数据库".encode() * 50)
    before = _files(tmp_path)
    with pytest.raises(NotOurDatabase, match="不是网格员工作台的数据库"):
        Store.open(path)
    assert _files(tmp_path) == before


def test_our_own_file_with_its_header_still_in_the_log_opens(tmp_path: Path) -> None:
    """A crash before the write-ahead log was copied back: the header in the main file is
    stale, so the ids are read through the log."""
    path = tmp_path / "w.sqlite3"
    s = Store.open(path)
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")
    s.create("micro_grid", {"name": "第四微网格", "community": "致强社区"})
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal"):
        (copy / f"w.sqlite3{suffix}").write_bytes(Path(f"{path}{suffix}").read_bytes())
    s.close()
    reopened = Store.open(copy / "w.sqlite3")
    assert reopened.conn.execute("SELECT count(*) FROM micro_grid").fetchone()[0] == 2
    reopened.close()


def test_a_missing_file_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    with pytest.raises(StoreError, match="找不到"):
        open_file(path, create=False)
    assert not path.exists()
    open_file(path).conn.close()
    assert path.exists()


def test_a_failed_creation_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made from nothing under a temporary name: never an empty or half-made file."""
    path = tmp_path / "new.sqlite3"

    def broken(conn: sqlite3.Connection, where: Path | None) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(db_module, "migrate", broken)
    with pytest.raises(StoreError):
        Store.open(path)
    assert list(tmp_path.iterdir()) == []
