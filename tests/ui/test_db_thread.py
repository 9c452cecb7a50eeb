"""The database thread's shutdown: every queued job is dealt with before the thread ends."""

from __future__ import annotations

import threading
from pathlib import Path

import shiboken6

from gridworker.store.store import Store
from gridworker.ui.app import build_application
from gridworker.ui.worker import DbRunner, JobContext


def test_shutting_down_with_jobs_queued_leaves_nothing_in_the_dead_thread(demo_db: Path) -> None:
    """Jobs queued when the window closes were once left in the stopped thread's queue (the
    thread was told to quit from outside, before its queue was empty): the Store stayed open
    and the queue was freed at the interpreter's exit, crashing the process now and then."""
    build_application()
    runner = DbRunner(demo_db)
    started = threading.Event()
    release = threading.Event()

    def first(_store: Store, _ctx: JobContext) -> None:
        started.set()
        release.wait(10)

    runner.run(first)
    assert started.wait(10)
    ran: list[int] = []
    for i in range(50):  # queued behind the first job; cancelled by the shutdown
        runner.run(lambda _s, _c, i=i: ran.append(i))
    worker = runner._worker
    release.set()
    runner.shutdown()
    assert ran == []  # cancelled, not run after the window closed
    assert not shiboken6.isValid(worker)  # its last slot ran: Store closed, object deleted
    assert runner.pending() == 0
