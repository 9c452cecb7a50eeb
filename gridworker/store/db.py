"""Opening the database file: pragmas, numbered migrations, backups.

One SQLite file per installation. Migrations run each in its own transaction after a
backup copy of the file is taken; a file from a newer app is refused, never touched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from gridworker.core.messages import msg
from gridworker.store.errors import DatabaseTooNew, StoreError
from gridworker.store.migrations import all_migrations

APP_ID = 0x47574B31  # "GWK1": marks a file as a GridWorker database


def default_db_path() -> Path:
    """The database file: GRIDWORKER_DB, else the platform's user data folder."""
    env = os.environ.get("GRIDWORKER_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("gridworker", appauthor=False) / "gridworker.sqlite3"


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_file(path: Path, reason: str) -> Path | None:
    """Copy the database (and its WAL) beside it before a risky change; returns the copy.

    Uses SQLite's online backup so a WAL-mode file is copied consistently.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}.{reason}.{_timestamp()}{path.suffix}"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _prune_backups(folder, path.stem, keep=10)
    return target


def _prune_backups(folder: Path, stem: str, keep: int) -> None:
    copies = sorted(folder.glob(f"{stem}.*"), key=lambda p: p.stat().st_mtime)
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)


def connect_raw(path: Path | str) -> sqlite3.Connection:
    """A connection with the house pragmas, in autocommit mode (transactions are explicit)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def migrate(conn: sqlite3.Connection, path: Path | None) -> int:
    """Bring the schema up to date; returns the version. Refuses a newer file."""
    migrations = all_migrations()
    latest = len(migrations)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > 0 and app_id not in (0, APP_ID):
        raise StoreError(msg("这个文件不是网格员工作台的数据库：{path}", path=path))
    if version == 0 and app_id == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError(msg("这个文件不是网格员工作台的数据库：{path}", path=path))
    if version > latest:
        raise DatabaseTooNew(
            msg(
                "数据库 {path} 是较新版本的网格员工作台写的（数据版本 {version}，本程序只认识到 "
                "{latest}）。为免损坏数据，没有打开它；请升级本程序。",
                path=path,
                version=version,
                latest=latest,
            )
        )
    if version < latest and version > 0 and path is not None:
        backup_file(path, f"before-v{latest}")
    for m in migrations[version:]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            m.upgrade(conn)
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            conn.execute(f"PRAGMA user_version = {m.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return latest


def open_database(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    p = Path(path)
    if str(path) != ":memory:":
        p.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = connect_raw(p if str(path) != ":memory:" else ":memory:")
    except sqlite3.DatabaseError as e:
        raise StoreError(msg("无法打开数据库文件 {path}：{error}", path=path, error=e)) from e
    try:
        migrate(conn, p if str(path) != ":memory:" else None)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(
            msg("数据库文件 {path} 已损坏或不是网格员工作台的数据库：{error}", path=path, error=e)
        ) from e
    except BaseException:
        conn.close()
        raise
    return conn


def copy_database(src: Path, dst: Path) -> None:
    """A plain file copy helper for tests and tools (the app itself uses backup_file)."""
    shutil.copy2(src, dst)
