"""Opening the database file: pragmas, numbered migrations, backups.

One SQLite file per installation. Migrations run each in its own transaction after a
backup copy of the file is taken. Before anything writes to an existing file its header
is read: an empty file, another program's SQLite file and a file from a newer app are
refused without a byte changed. A file on a read-only disk opens read-only.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gridworker.core.ids import care_flag_id
from gridworker.core.messages import Message, msg
from gridworker.store.errors import DatabaseTooNew, NotOurDatabase, StoreError
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


def add_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the store's queries use: ``care_flag_id(resident)``, the id of a
    resident's own care flag (the one reads count, store/care_merge.py)."""
    conn.create_function("care_flag_id", 1, _care_flag_id, deterministic=True)


def _care_flag_id(resident_id: str | None) -> str | None:
    return care_flag_id(resident_id) if resident_id else None


def connect_raw(path: Path | str) -> sqlite3.Connection:
    """A connection with the house pragmas, in autocommit mode (transactions are explicit).

    Only for a file already known to be ours (or a new one): ``journal_mode = WAL`` writes.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    add_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


BUSY_TIMEOUT_MS = 2000
"""How long one statement waits for another program's write lock before SQLite gives up;
a write transaction keeps trying after that, saying so (``Store.transaction``)."""

_HEADER = b"SQLite format 3\x00"


def _not_ours(path: Path, what: Message) -> NotOurDatabase:
    return NotOurDatabase(
        msg(
            "没有打开 {path}：{what}。这个文件没有被改动。",
            path=path,
            what=what,
        )
    )


def _too_new(path: Path | None, version: int, latest: int) -> DatabaseTooNew:
    return DatabaseTooNew(
        msg(
            "数据库 {path} 是较新版本的网格员工作台写的（数据版本 {version}，本程序只认识到 "
            "{latest}）。为免损坏数据，没有打开它；请升级本程序。",
            path=path,
            version=version,
            latest=latest,
        )
    )


def probe(path: Path) -> int:
    """The schema version of an existing file, read without writing a byte to it.

    Refuses (:class:`NotOurDatabase`, :class:`DatabaseTooNew`) an empty file, a file that
    is not SQLite, another program's SQLite file and a newer GridWorker's file — before
    any pragma that writes (switching to WAL does). The header holds the application id
    and the version; when a write-ahead log lies beside the file, the header may be
    stale, so they are read through a read-only connection instead.
    """
    size = path.stat().st_size
    if size == 0:
        raise _not_ours(path, msg("文件是空的（0 字节），可能是复制没有完成"))
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100 or not head.startswith(_HEADER):
        raise _not_ours(
            path, msg("它不是网格员工作台的数据库（也不是 SQLite 数据库文件，或文件头已损坏）")
        )
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        app_id, version = _read_ids(path)
    if app_id != APP_ID:
        raise _not_ours(path, msg("它是别的程序的 SQLite 数据库，不是网格员工作台的数据库"))
    latest = len(all_migrations())
    if version > latest:
        raise _too_new(path, version, latest)
    return version


def _read_ids(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    return app_id, version


def migrate(conn: sqlite3.Connection, path: Path | None) -> int:
    """Bring the schema up to date; returns the version. Refuses a newer file.

    Each migration re-reads the version inside its own write transaction, so two programs
    opening an old file at once upgrade it once.
    """
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
        raise _too_new(path, version, latest)
    if version < latest and version > 0 and path is not None:
        backup_file(path, f"before-v{latest}")
    for m in migrations[version:]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] < m.version:
                m.upgrade(conn)
                conn.execute(f"PRAGMA application_id = {APP_ID}")
                conn.execute(f"PRAGMA user_version = {m.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return latest


@dataclass(frozen=True)
class Opened:
    """An open database: the connection, and why it is read-only (None: writable)."""

    conn: sqlite3.Connection
    read_only: Message | None = None


def read_only_reason(path: Path) -> Message | None:
    """Why ``path`` cannot be written (None when it can): the file, or its folder, where
    SQLite must create its write-ahead log."""
    if not os.access(path, os.W_OK):
        return msg("文件本身不能写入，或所在的磁盘是只读的")
    if not os.access(path.parent, os.W_OK):
        return msg("所在的文件夹 {folder} 不能写入", folder=path.parent)
    return None


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection with the house pragmas that do not write.

    On a read-only disk nobody can change the file, so when SQLite cannot set up its
    shared-memory index there it may read the file as immutable.
    """
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    conn.isolation_level = None
    conn.row_factory = sqlite3.Row
    add_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _create(path: Path) -> None:
    """Make a new database at ``path`` from nothing, whole or not at all.

    Built under a temporary name beside it and renamed into place only when every
    migration has run: a crash never leaves a half-made (or empty) file under the name.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    try:
        conn = connect_raw(tmp)
        try:
            migrate(conn, None)
        finally:
            conn.close()
        try:
            os.link(tmp, path)  # fails if a file appeared meanwhile: never replaces one
        except FileExistsError:
            raise
        except OSError:  # file systems without hard links (FAT sticks)
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(tmp, path)
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def open_file(path: Path | str, *, create: bool = True) -> Opened:
    """Open and migrate the database at ``path``; refuse anything that is not ours untouched.

    A missing file is created (when ``create``) from nothing. An existing file is probed
    before any write (:func:`probe`); on a read-only disk or folder it is opened read-only.
    """
    if str(path) == ":memory:":
        conn = connect_raw(":memory:")
        migrate(conn, None)
        return Opened(conn)
    p = Path(path)
    if not p.exists():
        if not create:
            raise StoreError(msg("找不到数据库文件 {path}。", path=p))
        try:
            _create(p)
        except FileExistsError:
            pass  # another program created it at the same moment: open theirs
        except sqlite3.DatabaseError as e:
            raise StoreError(msg("无法建立数据库文件 {path}：{error}", path=p, error=e)) from e
    try:
        version = probe(p)
    except OSError as e:
        raise StoreError(
            msg("无法读取数据库文件 {path}：{error}", path=p, error=e.strerror or e)
        ) from e
    why = read_only_reason(p)
    if why is not None:
        if version < len(all_migrations()):
            raise StoreError(
                msg(
                    "数据库 {path} 需要升级才能使用，但它是只读的（{why}）。请把它复制到可以写入的"
                    "磁盘上再打开。",
                    path=p,
                    why=why,
                )
            )
        try:
            return Opened(_connect_read_only(p), why)
        except sqlite3.DatabaseError as e:
            raise StoreError(msg("无法打开数据库文件 {path}：{error}", path=p, error=e)) from e
    try:
        conn = connect_raw(p)
    except sqlite3.DatabaseError as e:
        raise StoreError(msg("无法打开数据库文件 {path}：{error}", path=p, error=e)) from e
    try:
        migrate(conn, p)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(
            msg("数据库文件 {path} 已损坏或不是网格员工作台的数据库：{error}", path=path, error=e)
        ) from e
    except BaseException:
        conn.close()
        raise
    return Opened(conn)


def open_database(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    return open_file(path).conn


def copy_database(src: Path, dst: Path) -> None:
    """A plain file copy helper for tests and tools (the app itself uses backup_file)."""
    shutil.copy2(src, dst)
