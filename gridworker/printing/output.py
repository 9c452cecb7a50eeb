"""Writing a PDF to where the person asked: the whole file or nothing.

The document is written to a temporary file beside the target and renamed over it only
when complete, so a full disk, a pulled USB stick or a cancel never leaves half a PDF
(or destroys the previous one).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from gridworker.core.file_errors import file_problem
from gridworker.core.messages import msg

__all__ = ["PrintError", "write_pdf"]

T = TypeVar("T")


class PrintError(ValueError):
    """A document that could not be made or saved; args[0] is the Chinese sentence."""


def write_pdf(path: Path, render: Callable[[BinaryIO], T]) -> T:
    """Run ``render`` on a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    if path.is_dir():
        raise PrintError(
            msg("{path} 是一个文件夹；请给出 PDF 文件名，例如 入户表.pdf。", path=path)
        )
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}-", suffix=".pdf.tmp", dir=path.parent
        )
    except OSError as e:
        raise PrintError(msg("PDF 没有保存：{problem}。", problem=file_problem(e, path))) from e
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            result = render(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise PrintError(msg("PDF 没有保存：{problem}。", problem=file_problem(e, path))) from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return result
