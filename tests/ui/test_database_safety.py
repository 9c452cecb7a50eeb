"""One window per database, a read-only banner, and restoring a backup from 设置 (#10)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gridworker.core.messages import msg
from gridworker.store.db import backup_file
from gridworker.ui import app as app_module
from gridworker.ui.app import build_application, lock_database, open_main_window, read_identity
from gridworker.ui.main_window import MainWindow
from gridworker.ui.settings import screen as settings_screen

_HOLDER = """
import sys
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
app.setApplicationName("GridWorker")
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("holding", flush=True)
sys.stdin.readline()
lock.unlock()
"""


def test_a_second_window_on_the_same_database_names_the_holder(demo_db: Path) -> None:
    build_application()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(demo_db) + ".lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        lock, why = lock_database(demo_db)
        assert lock is None
        assert str(holder.pid) in why and str(demo_db) in why
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    lock, why = lock_database(demo_db)  # free again
    assert lock is not None and why == ""
    again, why = lock_database(demo_db)
    assert again is None and str(app_pid()) in why
    lock.unlock()


def app_pid() -> int:
    import os

    return os.getpid()


def test_a_read_only_database_shows_a_banner(
    qtbot: QtBot, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_application()
    identity, mg = read_identity(demo_db)
    assert identity is not None
    monkeypatch.setattr(
        app_module, "read_only_reason", lambda _db: msg("所在的磁盘或文件夹不能写入")
    )
    win = open_main_window(demo_db, identity, mg)
    qtbot.addWidget(win)
    banner = win.findChild(QLabel, "readOnlyBanner")
    assert banner is not None
    assert "只读" in banner.text() and str(demo_db) in banner.text()
    win.close()


def test_settings_lists_backups_and_restores_one(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.db_path
    good = backup_file(db, "before-import")
    assert good is not None
    conn = sqlite3.connect(db)
    conn.execute("UPDATE ops SET fields = '{broken' WHERE rowid = (SELECT max(rowid) FROM ops)")
    conn.commit()
    conn.close()
    damaged = backup_file(db, "before-import")
    assert damaged is not None
    screen = window.settings_screen
    window.show_screen("settings")
    screen.load_backups()
    qtbot.waitUntil(lambda: screen.backups.count() == 2, timeout=10_000)
    texts = [screen.backups.item(i).text() for i in range(2)]
    assert "已损坏" in texts[0] and damaged.name in texts[0]  # newest first
    assert "完好" in texts[1] and good.name in texts[1]
    screen.backups.setCurrentRow(0)
    assert not screen.restore_button.isEnabled()  # a damaged copy cannot be chosen
    screen.backups.setCurrentRow(1)
    assert screen.restore_button.isEnabled()

    monkeypatch.setattr(
        settings_screen.QMessageBox,
        "question",
        lambda *_a, **_k: settings_screen.QMessageBox.StandardButton.Yes,
    )
    done: list[Path] = []
    monkeypatch.setattr(screen, "_restored", done.append)  # (the real one closes the window)
    screen.restore_selected()

    def restored() -> None:
        # The job has finished (the file is back in place), not only moved the old one aside:
        # connecting while the file is missing would make an empty database of that name.
        assert done
        kept = list(db.parent.glob(f"{db.name}.replaced-*"))
        assert len(kept) == 1

    qtbot.waitUntil(restored, timeout=10_000)
    check = sqlite3.connect(db)
    assert check.execute("SELECT count(*) FROM ops WHERE fields = '{broken'").fetchone()[0] == 0
    check.close()


_WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_a_job_waiting_for_another_programs_write_says_so(qtbot: QtBot, demo_db: Path) -> None:
    from gridworker.ui.worker import DbRunner

    build_application()
    runner = DbRunner(demo_db)
    holder = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(demo_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        said: list[str] = []
        done: list[object] = []

        def job(store: object, _ctx: object) -> None:
            from gridworker.store.store import Store

            assert isinstance(store, Store)
            with store.transaction():
                store.set_meta("ui_test", "1")

        runner.run(
            job, done.append, lambda m: pytest.fail(m), lambda _d, _t, text: said.append(text)
        )
        qtbot.waitUntil(lambda: bool(said), timeout=20_000)
        assert "另一个操作正在写入，请稍候" in said[0]
        assert not done
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    runner.shutdown()
