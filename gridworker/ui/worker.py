"""The one database thread: every query and write the screens need runs here.

Like Anki's collection operations: the UI hands a job (a function of the Store) to
:class:`DbRunner`, which queues it to a single QThread that owns its own Store; the
result or the error comes back to the UI thread through a signal and a callback. So the
UI never blocks on SQLite, and all writes happen on one connection, one at a time.
Jobs can report progress and be cancelled: :class:`JobContext` is the app's
:class:`gridworker.core.progress.Progress`, so the lower layers' long work takes it as it
is. A write that must wait for another program's (the command line importing beside the
app) says so through the job's progress.

After a job, what its committed transactions changed (``Store.take_changes``) goes to
every screen in one :attr:`DbRunner.changed` signal, after the job's own callback; each
screen decides whether it shows any of it (like Anki's ``OpChanges``). Writes made by
another program (a CLI command while the app is open) are noticed by
:meth:`DbRunner.look_outside`, which the window calls when it is activated.
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
from gridworker.store.changes import Changes
from gridworker.store.errors import StoreError
from gridworker.store.known_errors import describe, is_bug
from gridworker.store.queries import data_version
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

    done = Signal(int, object, object)  # job id, result, Changes
    failed = Signal(int, object, object)  # job id, error, Changes
    progressed = Signal(int, int, int, str)
    outside = Signal()  # another program wrote to the file

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._store: Store | None = None
        self._seen_version = 0

    def _open(self) -> Store:
        if self._store is None:
            self._store = Store.open(self._path, create=False)
            self._seen_version = data_version(self._store)
        return self._store

    def _changes(self) -> Changes:
        return self._store.take_changes() if self._store is not None else Changes()

    @Slot(object)
    def run_job(self, job: Job) -> None:
        if job.cancel.is_set():
            self.failed.emit(job.id, Cancelled(), Changes())
            return
        ctx = JobContext(job.id, job.cancel, lambda *a: self.progressed.emit(*a))
        try:
            if job.closed:
                self.close()
                result = job.fn(None, ctx)
            else:
                store = self._open()
                store.on_wait = lambda text: ctx.report(0, 0, text)
                result = job.fn(store, ctx)
        except BaseException as e:  # every failure goes back to the UI as a message
            if not isinstance(e, Cancelled | ValueError) and is_bug(e):
                log.error("database job failed:\n%s", traceback.format_exc())
            self.failed.emit(job.id, e, self._changes())
            return
        finally:
            if self._store is not None:
                self._store.on_wait = None
        # A job run with the database closed (restoring a backup) may have changed anything.
        self.done.emit(job.id, result, Changes.anything() if job.closed else self._changes())

    @Slot()
    def look_outside(self) -> None:
        """Say whether another program committed since the last look (one cheap read)."""
        try:
            store = self._open()
            version = data_version(store)
        except (StoreError, sqlite3.Error) as e:
            log.warning("could not look for outside writes: %s", e)
            return
        if version != self._seen_version:
            self._seen_version = version
            self.outside.emit()

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @Slot()
    def stop(self) -> None:
        """The last job: close the Store, then end the thread's event loop. Queued after
        every job already handed over, so each of them has run (or failed as cancelled)
        first; ``QThread.quit`` from the UI thread instead left jobs queued in a dead
        thread, freed at the interpreter's exit, which crashed the process now and then.
        Qt deletes this object in its own thread when the thread ends."""
        self.close()
        self.deleteLater()
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class DbRunner(QObject):
    """Lives in the UI thread; queues jobs to the database thread and routes results back.

    ``changed`` carries what a job (or another program) changed, once per job, after the
    job's own callback: screens subscribe and filter it for what they show.
    """

    changed = Signal(object)  # Changes
    _queue = Signal(object)
    _look = Signal()
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
        self._queue.connect(self._worker.run_job)
        self._look.connect(self._worker.look_outside)
        self._close.connect(self._worker.stop)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progress)
        self._worker.outside.connect(self._on_outside)
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

    def look_outside(self) -> None:
        """Check (after the queued jobs) whether another program wrote to the database;
        if it did, ``changed`` says anything may have changed."""
        if self._running:
            self._look.emit()

    def pending(self) -> int:
        return len(self._jobs)

    @Slot(int, object, object)
    def _on_done(self, job_id: int, result: object, changes: Changes) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None and job.on_done is not None:
            job.on_done(result)
        self._announce(changes)

    @Slot(int, object, object)
    def _on_failed(self, job_id: int, error: object, changes: Changes) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None:
            message = error_message(
                error if isinstance(error, BaseException) else Exception(error), self.path
            )
            if job.on_error is not None:
                job.on_error(message)
            elif not isinstance(error, Cancelled):
                log.warning("database job %s failed: %s", job_id, message)
        self._announce(changes)  # a job may commit some work before it fails

    @Slot()
    def _on_outside(self) -> None:
        self._announce(Changes.anything())  # which records is not known: all of them

    def _announce(self, changes: Changes) -> None:
        if changes and self._running:
            self.changed.emit(changes)

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
        self._close.emit()  # runs after the queued jobs, and ends the thread
        self._thread.wait()
        self._jobs.clear()
        # Results the thread posted after the window stopped listening: deliver them now
        # (to no callback), while Python is alive. Left queued, they are freed with this
        # object at interpreter exit, which crashed the process now and then.
        QCoreApplication.sendPostedEvents(self)
