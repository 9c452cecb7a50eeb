"""One way for long work to report progress and be cancelled, and one "cancelled" error.

Roster import, bundle import and export, and the desktop app's database jobs all take a
:class:`Progress`: ``report(done, total, text)`` says how far the work is, ``cancelled()``
says whether the person pressed Cancel. Work that stops for a cancel raises
:class:`Cancelled` after rolling back, so nothing is half-written. The app's
``ui.worker.JobContext`` implements it; :class:`Callbacks` adapts two plain functions (the
command line, tests). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from gridworker.core.messages import msg


class Cancelled(Exception):
    """The person cancelled; what the work had written was rolled back.

    ``args[0]`` is the sentence to show (a :class:`~gridworker.core.messages.Message`).
    """

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message if message is not None else msg("已取消，没有写入任何数据。"))


@runtime_checkable
class Progress(Protocol):
    """Where long work reports how far it is and learns whether to stop."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps (``total`` 0: unknown); ``text`` may be a Message."""

    def cancelled(self) -> bool:
        """True once the person asked to stop."""


class Callbacks:
    """A :class:`Progress` made of two optional functions."""

    def __init__(
        self,
        report: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._report = report
        self._cancelled = cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._report is not None:
            self._report(done, total, text)

    def cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()


QUIET: Progress = Callbacks()
"""Reports nowhere and is never cancelled: the default when the caller passes none."""


def check(progress: Progress | None, message: str | None = None) -> None:
    """Raise :class:`Cancelled` (with ``message``, if given) when the work was cancelled."""
    if progress is not None and progress.cancelled():
        raise Cancelled(message)
