"""The one database thread: every query and write the screens need runs here.

Like Anki's collection operations: the UI hands a job (a function of the Store) to
:class:`DbRunner`, which queues it to a single QThread that owns its own Store; the
result or the error comes back to the UI thread through a signal and a callback. So the
UI never blocks on SQLite, and all writes happen on one connection, one at a time.
Jobs can report progress and be cancelled (the job polls :meth:`JobContext.cancelled`).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from gridworker.core.messages import message_of
from gridworker.store.errors import StoreError
from gridworker.store.store import Store
from gridworker.ui.wording import display

log = logging.getLogger(__name__)

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a job when the person pressed Cancel; nothing is written."""


@dataclass
class JobContext:
    """What a running job may use: progress reporting and the cancel flag."""

    job_id: int
    _cancel: threading.Event
    _emit: Callable[[int, int, int, str], None]

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; a lower layer's message is shown in the interface's language
        (translated here: the signal carries plain text)."""
        self._emit(self.job_id, done, total, display(text))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop the job here if it was cancelled."""
        if self._cancel.is_set():
            raise Cancelled()


@dataclass
class Job:
    """A queued unit of database work and where its result goes."""

    id: int
    fn: Callable[[Store, JobContext], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    on_progress: Callable[[int, int, str], None] | None
    cancel: threading.Event = field(default_factory=threading.Event)

    def request_cancel(self) -> None:
        self.cancel.set()


def error_message(e: BaseException) -> str:
    """One sentence in the interface's language for an error a job raised (the lower
    layers' messages translated, see :func:`gridworker.ui.wording.display`); unknown
    errors say so plainly."""
    if isinstance(e, Cancelled):
        return QCoreApplication.translate("DbRunner", "Cancelled; nothing was changed.")
    if isinstance(e, StoreError | ValueError):
        return display(message_of(e))
    if isinstance(e, sqlite3.DatabaseError):
        return QCoreApplication.translate("DbRunner", "Database error: {0}").format(e)
    if isinstance(e, OSError):
        return QCoreApplication.translate("DbRunner", "Could not read or write a file: {0}").format(
            e.strerror or e
        )
    return QCoreApplication.translate("DbRunner", "Unexpected error ({0}): {1}").format(
        type(e).__name__, e
    )


class _DbWorker(QObject):
    """Lives in the database thread; owns the Store there."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._store: Store | None = None

    @Slot(object)
    def execute(self, job: Job) -> None:
        if job.cancel.is_set():
            self.failed.emit(job.id, Cancelled())
            return
        try:
            if self._store is None:
                self._store = Store.open(self._path)
            ctx = JobContext(job.id, job.cancel, lambda *a: self.progressed.emit(*a))
            result = job.fn(self._store, ctx)
        except BaseException as e:  # every failure goes back to the UI as a message
            if not isinstance(e, Cancelled | StoreError | ValueError):
                log.error("database job failed:\n%s", traceback.format_exc())
            self.failed.emit(job.id, e)
            return
        self.done.emit(job.id, result)

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class DbRunner(QObject):
    """Lives in the UI thread; queues jobs to the database thread and routes results back."""

    _queue = Signal(object)
    _close = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._ids = itertools.count(1)
        self._jobs: dict[int, Job] = {}
        self._thread = QThread()
        self._thread.setObjectName("gridworker-db")
        self._worker = _DbWorker(path)
        self._worker.moveToThread(self._thread)
        self._queue.connect(self._worker.execute)
        self._close.connect(self._worker.close)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progress)
        self._thread.start()
        self._running = True

    def run(
        self,
        fn: Callable[[Store, JobContext], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        """Queue ``fn(store, ctx)``; ``on_done(result)`` or ``on_error(message)`` follows."""
        job = Job(next(self._ids), fn, on_done, on_error, on_progress)
        if not self._running:
            raise RuntimeError("database thread already stopped")
        self._jobs[job.id] = job
        self._queue.emit(job)
        return job

    def query(
        self,
        fn: Callable[[sqlite3.Connection], T],
        on_done: Callable[[T], None],
        on_error: Callable[[str], None] | None = None,
    ) -> Job:
        """Shorthand for a read: ``fn`` gets the connection only."""
        return self.run(lambda store, _ctx: fn(store.conn), on_done, on_error)

    def pending(self) -> int:
        return len(self._jobs)

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None and job.on_done is not None:
            job.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        message = error_message(error if isinstance(error, BaseException) else Exception(error))
        if job.on_error is not None:
            job.on_error(message)
        elif not isinstance(error, Cancelled):
            log.warning("database job %s failed: %s", job_id, message)

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.on_progress is not None:
            job.on_progress(done, total, text)

    @property
    def running(self) -> bool:
        """False once :meth:`shutdown` ran (the window closed): no more jobs are taken."""
        return self._running

    def shutdown(self) -> None:
        """Finish the queued jobs, close the Store and stop the thread."""
        if not self._running:
            return
        self._running = False
        for job in self._jobs.values():
            job.request_cancel()
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
        self._jobs.clear()
