"""Numbered migrations, backups, and refusing files we must not touch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gridworker.store import db as db_module
from gridworker.store.db import APP_ID, open_database
from gridworker.store.errors import DatabaseTooNew, StoreError
from gridworker.store.migrations import Migration, all_migrations, latest_version


def test_new_file_is_at_latest_version_in_wal_mode(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "a.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="较新版本"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="不是网格员工作台的数据库"):
        open_database(path)


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        open_database(path)


def test_failed_upgrade_is_rolled_back_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    open_database(path).close()
    current = all_migrations()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    extra = Migration(len(current) + 1, "m9999_broken", broken)
    monkeypatch.setattr(db_module, "all_migrations", lambda: [*current, extra])
    with pytest.raises(StoreError):
        open_database(path)
    assert list((tmp_path / "backups").glob("old.before-v*"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(current)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APP_ID
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()
