"""Which device history a database file continues, judged before its next write.

Every operation is named (device id, seq). A database file copied back from a backup, or
copied to a second laptop, would go on numbering from where the copy stopped and reuse
numbers the office already holds with other edits. So the file alone cannot say whether
it is still "the" copy of its history: a record kept OUTSIDE the file, in the platform's
user data folder (``<data>/device-records/<device id>.json``; tests point
``GRIDWORKER_DEVICE_RECORDS`` at a folder of their own), says which commit of that
device's history this installation wrote last, on which computer, to which path.

Each committed write adds a random mark to the file's list of its last marks
(``local_meta.history_marks``) and then writes the mark into the outside record. Before
the next write (:meth:`Store.transaction`) the two are compared:

- the record's mark is among the file's marks: the same history, go on;
- no record, and the file has never been marked: a file of an earlier version, or new
  here — adopted;
- no record but marks (the file came from another computer or user account), a record
  of another computer (the data folder was copied along), a record for another path (a
  copy beside the original), or a mark the file does not hold (the file is older than its
  history: a backup put back) — the file starts a NEW device history: a new device id,
  with the old one kept as its predecessor in ``device_history``. Nothing it writes can
  then reuse a number, and its bundles name the predecessor, so the office sends back
  what the old history held and this copy lacks (``sync/state.py``).

When the folder cannot be written, nothing is judged (no records could ever be kept).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gridworker.core.messages import Message, msg

ENV = "GRIDWORKER_DEVICE_RECORDS"
KEPT_MARKS = 16
"""Marks a file keeps: another program on the same file may commit a few times between
our read of the record and its update of it."""

Reason = Literal["restored", "moved", "copied"]


@dataclass(frozen=True)
class Marks:
    """The file's own account of its last commits: a counter and the last marks."""

    n: int
    marks: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None) -> Marks:
        if not text:
            return cls(0, ())
        try:
            d = json.loads(text)
            return cls(int(d["n"]), tuple(str(m) for m in d["marks"]))
        except (ValueError, KeyError, TypeError):
            return cls(0, ())

    def next(self) -> Marks:
        return Marks(self.n + 1, (*self.marks, secrets.token_hex(8))[-KEPT_MARKS:])

    def dumps(self) -> str:
        return json.dumps({"n": self.n, "marks": list(self.marks)})

    @property
    def last(self) -> str | None:
        return self.marks[-1] if self.marks else None


@dataclass(frozen=True)
class Record:
    """What this computer knows of a device history: its last commit, where, on what."""

    device_id: str
    mark: str
    n: int
    database: str
    machine: str


def folder() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("gridworker", appauthor=False) / "device-records"


def machine() -> str:
    """This computer, as far as a record can tell (its network name)."""
    try:
        return socket.gethostname() or "?"
    except OSError:  # pragma: no cover - gethostname does not fail in practice
        return "?"


def _path(device_id: str) -> Path:
    return folder() / f"{device_id}.json"


def read(device_id: str) -> Record | None:
    try:
        d = json.loads(_path(device_id).read_text(encoding="utf-8"))
        return Record(
            str(d["device_id"]), str(d["mark"]), int(d["n"]), str(d["database"]), str(d["machine"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


_usable: dict[str, bool] = {}


def usable() -> bool:
    """Whether records can be kept here at all (the folder exists or can be made, and
    can be written): without them nothing is judged."""
    key = str(folder())
    found = _usable.get(key)
    if found is None:
        try:
            folder().mkdir(parents=True, exist_ok=True)
            found = os.access(folder(), os.W_OK)
        except OSError:
            found = False
        _usable[key] = found
    return found


def write(device_id: str, marks: Marks, database: str) -> None:
    """Record the file's last commit (best effort: a failure only weakens the check).

    Another program on the same file may have recorded a later commit meanwhile: a
    record with a higher counter for the same file is kept.
    """
    last = marks.last
    if last is None or not usable():
        return
    where = database
    held = read(device_id)
    if held is not None and held.database == where and held.n > marks.n:
        return
    data = json.dumps(
        {
            "device_id": device_id,
            "mark": last,
            "n": marks.n,
            "database": where,
            "machine": machine(),
        },
        ensure_ascii=False,
    )
    target = _path(device_id)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def judge(device_id: str, marks: Marks, database: str) -> Reason | None:
    """Does this file (at the resolved path ``database``) continue the history its device
    id names on this computer? None: it does."""
    if not usable():
        return None
    record = read(device_id)
    if record is None:
        return "moved" if marks.marks else None
    if record.machine != machine():
        return "moved"
    if record.database != database:
        return "copied"
    if record.mark not in marks.marks:
        return "restored"
    return None


def explain(reason: Reason, old: str, new: str) -> Message:
    """One sentence for the person: what was found and that nothing is lost."""
    if reason == "restored":
        return msg(
            "这个数据库文件比本机上次用它时旧（从备份恢复或复制回来的），已改用新的设备编号 {new}"
            "（原来是 {old}）；恢复前已交给社区的修改会随社区的下一个数据包回到本机。",
            new=new,
            old=old,
        )
    if reason == "copied":
        return msg(
            "这个数据库文件是另一个数据库文件的副本，已改用新的设备编号 {new}（原来是 {old}），"
            "两个文件的修改都不会丢失。",
            new=new,
            old=old,
        )
    return msg(
        "这个数据库文件是从别的电脑（或别的用户账户）复制来的，已改用新的设备编号 {new}"
        "（原来是 {old}），两台电脑的修改都不会丢失。",
        new=new,
        old=old,
    )


def explain_plainly(reason: Reason) -> Message:
    """:func:`explain` without the device ids (the app's banner: a person needs none)."""
    if reason == "restored":
        return msg(
            "这个数据库文件比本机上次用它时旧（从备份恢复或复制回来的），已改用新的设备编号；"
            "恢复前已交给社区的修改会随社区的下一个数据包回到本机。"
        )
    if reason == "copied":
        return msg(
            "这个数据库文件是另一个数据库文件的副本，已改用新的设备编号，两个文件的修改都不会丢失。"
        )
    return msg(
        "这个数据库文件是从别的电脑（或别的用户账户）复制来的，已改用新的设备编号，"
        "两台电脑的修改都不会丢失。"
    )


# -- the file's side ------------------------------------------------------------------------


def record_fork(
    conn: sqlite3.Connection, old: str, new: str, reason: Reason, at: str, old_last_seq: int
) -> None:
    """Write the new device history into the file (inside the caller's transaction)."""
    conn.execute(
        "INSERT OR IGNORE INTO device_history (device_id, predecessor, reason, started_at) "
        "VALUES (?, NULL, 'installed', (SELECT created_at FROM installation))",
        (old,),
    )
    conn.execute(
        "INSERT INTO device_history (device_id, predecessor, reason, started_at, "
        "predecessor_last_seq) VALUES (?, ?, ?, ?, ?)",
        (new, old, reason, at, old_last_seq),
    )
    conn.execute("UPDATE installation SET device_id = ?", (new,))


def predecessors(
    conn: sqlite3.Connection, device_id: str, *, restored_only: bool = False
) -> list[str]:
    """The device ids this file wrote under before ``device_id``, newest first.

    ``restored_only``: only as far back as each new history was started by putting a
    backup back (the file it replaced is gone, so the new history stands in for it); a
    copy's original may still be in use and speaks for itself."""
    out: list[str] = []
    current: str | None = device_id
    while current is not None:
        r = conn.execute(
            "SELECT predecessor, reason FROM device_history WHERE device_id = ?", (current,)
        ).fetchone()
        if r is None or r[0] is None or r[0] in out:
            break
        if restored_only and r[1] != "restored":
            break
        current = str(r[0])
        out.append(current)
    return out


@dataclass(frozen=True)
class HistoryEntry:
    device_id: str
    predecessor: str | None
    reason: str
    started_at: str


def entries(conn: sqlite3.Connection) -> list[HistoryEntry]:
    """The device histories of this file, oldest first (for `gridworker status`-like views)."""
    return [
        HistoryEntry(r[0], r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT device_id, predecessor, reason, started_at FROM device_history "
            "ORDER BY started_at, device_id"
        )
    ]
