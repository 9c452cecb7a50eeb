"""The one database thread: every query and write the screens need runs here.

Like Anki's collection operations: the UI hands a job (a function of the Store) to
:class:`DbRunner`, which queues it to a single QThread that owns its own Store; the
result or the error comes back to the UI thread through a signal and a callback. So the
UI never blocks on SQLite, and all writes happen on one connection, one at a time.
Jobs can report progress and be cancelled: :class:`JobContext` is the app's
:class:`gridworker.core.progress.Progress`, so the lower layers' long work takes it as it
is. A write that must wait for another program's (the command line importing beside the
app) says so through the job's progress.
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
from gridworker.core.progress import Cancelled
from gridworker.store.known_errors import describe, is_bug
from gridworker.store.store import Store
from gridworker.ui.wording import display

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = ["Cancelled", "DbRunner", "Job", "JobContext", "error_message"]


@dataclass
class JobContext:
    """What a running job may use: progress reporting and the cancel flag (a
    :class:`gridworker.core.progress.Progress`)."""

    job_id: int
    _cancel: threading.Event
    _emit: Callable[[int, int, int, str], None]

    def report(self, done: int, total: int, text: str = "") -> None:
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
    fn: Callable[[Any, JobContext], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    on_progress: Callable[[int, int, str], None] | None
    cancel: threading.Event = field(default_factory=threading.Event)
    closed: bool = False  # run with the database closed (fn gets None): restoring a backup

    def request_cancel(self) -> None:
        self.cancel.set()


def error_message(e: BaseException, db: Path | None = None) -> str:
    """One sentence in the interface's language for an error a job raised (the lower
    layers' messages translated, see :func:`gridworker.ui.wording.display`).

    A refusal or a problem of the environment (disk full, read-only, busy, damaged file)
    gets its own sentence naming ``db``; anything else is reported as a bug
    (:mod:`gridworker.store.known_errors`).
    """
    if isinstance(e, Cancelled):
        if e.args and e.args[0] != Cancelled().args[0]:
            return display(e.args[0])
        return QCoreApplication.translate("DbRunner", "Cancelled; nothing was changed.")
    if isinstance(e, ValueError):  # the lower layers' refusals of a value, in a sentence
        return display(message_of(e))
    return display(describe(e, db))


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
        ctx = JobContext(job.id, job.cancel, lambda *a: self.progressed.emit(*a))
        try:
            if job.closed:
                self.close()
                result = job.fn(None, ctx)
            else:
                if self._store is None:
                    self._store = Store.open(self._path, create=False)
                self._store.on_wait = lambda text: ctx.report(0, 0, text)
                result = job.fn(self._store, ctx)
        except BaseException as e:  # every failure goes back to the UI as a message
            if not isinstance(e, Cancelled | ValueError) and is_bug(e):
                log.error("database job failed:\n%s", traceback.format_exc())
            self.failed.emit(job.id, e)
            return
        finally:
            if self._store is not None:
                self._store.on_wait = None
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

    def run_closed(
        self,
        fn: Callable[[JobContext], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Job:
        """Queue ``fn(ctx)`` to run with the database closed (it is opened again for the
        next job): for replacing the file with a backup."""
        job = Job(next(self._ids), lambda _store, ctx: fn(ctx), on_done, on_error, None)
        job.closed = True
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
        message = error_message(
            error if isinstance(error, BaseException) else Exception(error), self.path
        )
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
