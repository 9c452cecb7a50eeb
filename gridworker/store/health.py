"""Is the database file whole, which backups are, and putting one back.

``gridworker db check`` and ``db restore`` (and 设置 → 备份 in the app) use these. A check
reads the file read-only: SQLite's own page check (``quick_check``, or the slower
``integrity_check``) and then every JSON value we store, decoded by SQLite. Restoring
never deletes anything: the file being replaced is kept beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from gridworker.core.messages import Message, msg
from gridworker.store.entities import ENTITIES
from gridworker.store.errors import StoreError

_STAMP = re.compile(r"\.(\d{8}T\d{6})(\d*)Z")


@dataclass(frozen=True)
class Backup:
    """One copy in ``backups/`` beside the database."""

    path: Path
    taken: datetime  # UTC
    reason: str

    @property
    def taken_text(self) -> str:
        """When it was taken, in local time (for sentences and lists)."""
        return self.taken.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass
class CheckReport:
    """What a check found; ``problems`` empty means the file is whole."""

    path: Path
    problems: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def backups_folder(db: Path) -> Path:
    return db.parent / "backups"


def list_backups(db: Path) -> list[Backup]:
    """The backups of ``db``, newest first."""
    folder = backups_folder(db)
    if not folder.is_dir():
        return []
    found: list[Backup] = []
    prefix = db.stem + "."
    for p in folder.iterdir():
        if not p.is_file() or not p.name.startswith(prefix) or not p.name.endswith(db.suffix):
            continue
        m = _STAMP.search(p.name)
        if m is None:
            continue
        taken = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        reason = p.name[len(prefix) : m.start()]
        found.append(Backup(p, taken, reason))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def _json_columns() -> list[tuple[str, str, str]]:
    """(table, column, what it is) of every JSON value the app stores."""
    cols = [
        ("ops", "fields", "修改记录"),
        ("ops", "base", "修改记录"),
        ("ops", "merged", "修改记录"),
        ("conflicts", "loser_value", "冲突"),
        ("conflicts", "winner_value", "冲突"),
        ("sync_peer", "acked_vector", "同步记录"),
    ]
    for s in ENTITIES.values():
        label = s.label or s.name
        cols.append((s.table, "_clock", label))
        cols.extend((s.table, f, label) for f in s.list_fields)
    return cols


def read_only_connection(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot change the file. ``immutable`` for a file nobody writes
    (a backup): no lock and no side files (-wal, -shm) are made beside it."""
    mode = "mode=ro&immutable=1" if immutable else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def check_connection(
    conn: sqlite3.Connection, path: Path, *, thorough: bool = False
) -> CheckReport:
    """Check an open database: pages first, then every stored JSON value."""
    report = CheckReport(path)
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.DatabaseError as e:
        report.problems.append(msg("文件无法读取（{error}）", error=e))
        return report
    if rows != ["ok"]:
        report.problems.extend(msg("页面损坏：{detail}", detail=r) for r in rows)
        return report
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, column, what in _json_columns():
        if table not in tables:
            continue
        try:
            bad = conn.execute(
                f"SELECT rowid FROM {table} WHERE {column} IS NOT NULL"
                f" AND NOT json_valid({column}) LIMIT 5"
            ).fetchall()
        except sqlite3.DatabaseError as e:
            report.problems.append(msg("表 {table} 无法读取（{error}）", table=table, error=e))
            continue
        for r in bad:
            report.problems.append(
                msg(
                    "{what}的 {column} 内容已损坏（表 {table} 第 {row} 行）",
                    what=what,
                    column=column,
                    table=table,
                    row=r[0],
                )
            )
    return report


def check_file(path: Path, *, thorough: bool = False, backup: bool = False) -> CheckReport:
    """Check the database file at ``path`` without changing it (``backup``: a copy that
    nobody writes, read as immutable)."""
    if not path.is_file():
        return CheckReport(path, [msg("找不到文件 {path}", path=path)])
    if path.stat().st_size == 0:
        return CheckReport(path, [msg("文件是空的（0 字节）")])
    try:
        # No write-ahead log beside it: nobody has it open, and nothing is pending, so it
        # is read as immutable (a read-only connection would leave -wal/-shm files).
        quiet = backup or not path.with_name(path.name + "-wal").exists()
        conn = read_only_connection(path, immutable=quiet)
    except sqlite3.DatabaseError as e:
        return CheckReport(path, [msg("文件无法打开（{error}）", error=e)])
    try:
        return check_connection(conn, path, thorough=thorough)
    finally:
        conn.close()


def newest_good_backup(db: Path) -> Backup | None:
    """The newest backup of ``db`` that passes the check (None if there is none)."""
    for b in list_backups(db):
        if check_file(b.path, backup=True).ok:
            return b
    return None


def lock_holder(db: Path) -> str | None:
    """Who has the app open on ``db``, from its lock file (None: nobody).

    The desktop app holds ``<db>.lock`` (Qt's QLockFile: pid, program, host on the first
    three lines) while it runs. A lock left by a process that no longer runs is ignored.
    """
    lock = db.with_name(db.name + ".lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0])
    app = lines[1] if len(lines) > 1 else ""
    host = lines[2] if len(lines) > 2 else ""
    if host in ("", socket.gethostname()) and not _running(pid):
        return None
    return msg("{app}（进程 {pid}，电脑 {host}）", app=app or "GridWorker", pid=pid, host=host)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def restore_backup(db: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``db``; returns where the replaced file was kept.

    The backup must pass the check. The edits the replaced file made after the backup are
    numbered on: the restored file goes on from the replaced one's sequence counter and
    clock (when they can be read), so it never reuses a number the office may hold. The current file (with its write-ahead log, which
    belongs to it) is moved aside as ``<name>.replaced-<time>``, never deleted; the
    backup is copied to a temporary name beside ``db`` and renamed into place. The
    database must not be open (the app closes its own connection first).
    """
    report = check_file(backup, backup=True)
    if not report.ok:
        raise StoreError(
            msg(
                "备份 {backup} 也已损坏（{problem}），没有用它恢复。",
                backup=backup.name,
                problem=report.problems[0],
            )
        )
    counters = _counters(db) if db.exists() else None
    stamp = _stamp()
    kept = db.with_name(f"{db.name}.replaced-{stamp}")
    tmp = db.with_name(f".{db.name}.restoring-{stamp}")
    shutil.copy2(backup, tmp)
    try:
        if db.exists():
            os.replace(db, kept)
            for suffix in ("-wal", "-shm"):
                side = db.with_name(db.name + suffix)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + suffix))
        if counters is not None:
            _carry_counters(tmp, *counters)
        os.replace(tmp, db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return kept


def _counters(db: Path) -> tuple[int, str] | None:
    """The highest sequence number and clock the file being replaced had issued (best
    effort: a damaged file may not tell)."""
    try:
        conn = read_only_connection(db, immutable=not db.with_name(db.name + "-wal").exists())
        try:
            r = conn.execute(
                "SELECT (SELECT value FROM local_meta WHERE key = 'seq_last'),"
                " (SELECT max(seq) FROM ops WHERE device_id ="
                "  (SELECT device_id FROM installation)),"
                " (SELECT value FROM local_meta WHERE key = 'hlc_last')"
            ).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, ValueError):
        return None
    seq = max(int(r[0] or 0), int(r[1] or 0))
    return (seq, str(r[2] or "")) if seq else None


def _carry_counters(copy: Path, seq: int, hlc: str) -> None:
    """Number the restored file's next edits after every one the replaced file made.

    Those edits may already be at the office; reusing their numbers would make the office
    take new edits for ones it holds. The gap is filled when the office sends them back.
    """
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        r = conn.execute("SELECT value FROM local_meta WHERE key = 'seq_last'").fetchone()
        if int(r[0] if r and r[0] else 0) < seq:
            conn.execute(
                "INSERT INTO local_meta (key, value) VALUES ('seq_last', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(seq),),
            )
        r = conn.execute("SELECT value FROM local_meta WHERE key = 'hlc_last'").fetchone()
        if hlc and (r is None or str(r[0]) < hlc):
            conn.execute(
                "INSERT INTO local_meta (key, value) VALUES ('hlc_last', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (hlc,),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()
