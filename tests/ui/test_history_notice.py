"""The app says so when the database it opens starts a new device history (a backup
put back, a copy from another laptop): once, in Chinese, as the command line does."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow


def _banner(win: MainWindow) -> str | None:
    label = getattr(win, "history_banner", None)
    return None if label is None else str(label.text())


def test_a_copied_database_says_it_starts_a_new_history_once(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    db = tmp_path / "worker.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first = open_window(db)
    qtbot.wait(200)  # the judging job has run (nothing to say: the file's own history)
    qtbot.waitUntil(lambda: not first.runner.pending(), timeout=10_000)
    assert _banner(first) is None
    first.close()

    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(db, copy)  # as a person copies it to another folder or laptop
    win = open_window(copy)
    qtbot.waitUntil(lambda: _banner(win) is not None, timeout=10_000)
    text = _banner(win)
    assert text is not None and "副本" in text and "新的设备编号" in text
    assert win.history_banner.isVisible()  # type: ignore[attr-defined]
    win.close()

    again = open_window(copy)  # said once: the copy now continues its new history
    qtbot.waitUntil(lambda: not again.runner.pending(), timeout=10_000)
    assert _banner(again) is None
