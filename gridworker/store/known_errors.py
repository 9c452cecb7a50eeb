"""Errors the environment causes, told apart from bugs, each with its own sentence.

Like qutebrowser's ``misc/sql.py`` (``KnownError`` against ``BugError``): a full disk, a
read-only stick, another program writing, a damaged file or a clock set centuries ahead
is not the program's fault, and the person needs to know what to do about it; anything
else is a bug and is reported as one. SQLite errors are sorted by their extended error
name (``sqlite_errorname``), operating-system errors by errno. The command line and the
app's database thread both go through :func:`describe`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridworker.core.file_errors import file_problem
from gridworker.core.hlc import ClockOutOfRange, clock_out_of_range
from gridworker.core.messages import Message, message_of, msg
from gridworker.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    KnownProblem,
    ReadOnlyDatabase,
    StoreError,
)

_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


def _where(path: Path | None) -> object:
    return path if path is not None else msg("（数据库）")


def busy_error(path: Path | None, waited_s: float | None = None) -> DatabaseBusy:
    if waited_s is None:
        return DatabaseBusy(
            msg(
                "另一个操作正在写入数据库 {path}，这次操作没有完成；请等它完成后再试。",
                path=_where(path),
            )
        )
    return DatabaseBusy(
        msg(
            "另一个操作一直在写入数据库 {path}（已等了 {seconds} 秒），这次修改没有保存；"
            "请等它完成后再试。",
            path=_where(path),
            seconds=round(waited_s),
        )
    )


def read_only_error(path: Path | None, why: Message | None = None) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(
        msg(
            "数据库文件 {path} 是只读的（{why}），所以不能修改；查找、查看和导出到别处都可以用。",
            path=_where(path),
            why=why or msg("所在的磁盘或文件夹不能写入"),
        )
    )


def damaged_sentence(detail: str, path: Path | None) -> Message:
    """The file is damaged: which backup is the newest good one, and how to restore it."""
    from gridworker.store.health import newest_good_backup

    good = newest_good_backup(path) if path is not None else None
    how = msg(
        "恢复方法：关闭程序后运行 gridworker db check 检查、gridworker db restore 恢复，"
        "或在程序的 设置 → 备份 中恢复（损坏的文件会留在旁边，不会删除）。"
    )
    if good is None:
        return msg(
            "数据库文件 {path} 已损坏（{detail}），而且没有找到完好的备份。{how}",
            path=_where(path),
            detail=detail,
            how=how,
        )
    return msg(
        "数据库文件 {path} 已损坏（{detail}）。最新的完好备份是 {backup}（{taken}）。{how}",
        path=_where(path),
        detail=detail,
        backup=good.path.name,
        taken=good.taken_text,
        how=how,
    )


def known(e: BaseException, path: Path | None = None) -> KnownProblem | None:
    """``e`` as a known problem with its sentence, or None when it is a bug.

    ``path`` is the database file the work was on (named in the sentence).
    """
    if isinstance(e, KnownProblem):
        return e
    if isinstance(e, sqlite3.Error):
        return _sqlite(e, path)
    if isinstance(e, ClockOutOfRange):
        return KnownProblem(message_of(e))
    if isinstance(e, OverflowError) and "_PyTime_t" in str(e):
        # Any reading of a system clock set after 2262, wherever it happened.
        return KnownProblem(message_of(clock_out_of_range()))
    if isinstance(e, MemoryError):
        return KnownProblem(msg("电脑内存不足，这次操作没有完成；请关闭其他程序后再试。"))
    if isinstance(e, OSError):
        return KnownProblem(msg("文件读写失败：{problem}。", problem=file_problem(e)))
    return None


def _sqlite(e: sqlite3.Error, path: Path | None) -> KnownProblem | None:
    name = getattr(e, "sqlite_errorname", "") or ""
    text = str(e)
    if name.startswith(_DAMAGED) or "malformed" in text:
        # "database disk image is malformed", "malformed JSON" (a stored value), "file is
        # not a database": the file is damaged, whatever the code.
        return DatabaseDamaged(text, path)
    if name.startswith("SQLITE_FULL"):
        return KnownProblem(
            msg(
                "数据库 {path} 所在的磁盘已满，这次修改没有保存；请腾出空间后再试。",
                path=_where(path),
            )
        )
    if name.startswith("SQLITE_READONLY"):
        return read_only_error(path)
    if name.startswith(_BUSY):
        return busy_error(path)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return KnownProblem(
            msg(
                "打不开数据库文件 {path}（文件或文件夹不存在，或没有权限读写它）。",
                path=_where(path),
            )
        )
    if name.startswith("SQLITE_IOERR"):
        return KnownProblem(
            msg(
                "读写数据库 {path} 时磁盘出错（{code}）：U盘或硬盘可能有问题或已被拔出，"
                "这次修改没有保存。",
                path=_where(path),
                code=name,
            )
        )
    if name.startswith("SQLITE_NOMEM"):
        return KnownProblem(msg("电脑内存不足，这次操作没有完成；请关闭其他程序后再试。"))
    return None


def bug_sentence(e: BaseException) -> Message:
    return msg(
        "程序出错了（{kind}：{error}）。这是程序本身的毛病，不是你的操作造成的；"
        "这次操作没有完成。请把这句话告诉维护人员。",
        kind=type(e).__name__,
        error=e,
    )


def describe(e: BaseException, store_path: Path | None = None) -> str:
    """One sentence for any error: a refusal's own, a known problem's, or "a bug".

    A :class:`~gridworker.core.messages.Message` where the sentence is one (translatable).
    """
    if isinstance(e, StoreError):
        return message_of(e)
    found = known(e, store_path)
    if found is not None:
        return message_of(found)
    return bug_sentence(e)


def is_bug(e: BaseException) -> bool:
    """True for an error that neither the person nor the environment caused."""
    return not isinstance(e, StoreError) and known(e) is None
