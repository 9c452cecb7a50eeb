"""Why a file could not be read or written, in the user's words instead of the OS's English.

"Permission denied" or "[Errno 21] Is a directory" mean nothing to a volunteer; the
sentence names the file and what to do about it. Pure: it only reads the error.
"""

from __future__ import annotations

import errno
from pathlib import Path

from gridworker.core.messages import Message, msg


def file_problem(e: OSError, path: Path | str | None = None) -> Message:
    """What went wrong with ``path`` (default: the file the error names)."""
    where = Path(path) if path is not None else Path(str(e.filename or ""))
    folder = where.parent
    code = e.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return msg("{folder} 空间不足", folder=folder)
    if code == errno.EROFS:
        return msg("{folder} 是只读的（U盘可能打开了写保护）", folder=folder)
    if code in (errno.EACCES, errno.EPERM):
        return msg("没有权限读写 {path}", path=where)
    if code == errno.ENOENT:
        return msg("找不到 {path}（文件或所在的文件夹不存在）", path=where)
    if code == errno.EISDIR:
        return msg("{path} 是一个文件夹，不是文件", path=where)
    if code == errno.ENOTDIR:
        return msg("{path} 的路径中有一段不是文件夹", path=where)
    return msg("读写 {path} 时出错（{error}）", path=where, error=e.strerror or e)
