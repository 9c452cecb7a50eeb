"""Choosing another language in 设置 redraws the window in it at once (no restart): a new
window on the same database thread takes the old one's place."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gridworker.ui import preferences
from gridworker.ui.app import build_application
from gridworker.ui.main_window import MainWindow


def _windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_the_language_applies_at_once(qtbot: QtBot, window: MainWindow) -> None:
    runner = window.runner
    window.show_screen("settings")
    try:
        window.settings_screen.english.setChecked(True)
        qtbot.waitUntil(lambda: window.replaced_by is not None, timeout=10_000)
        new = window.replaced_by
        assert new is not None and _windows() == [new]
        assert new.runner is runner and runner.running  # the same database thread
        assert new.nav.item(0).text() == "Today's work"
        assert new.current_screen() == "settings"
        assert new.settings_screen.english.isChecked()
        with qtbot.waitSignal(new.roster.ids_loaded, timeout=10_000):
            new.roster.reload()
        assert new.roster.model.rowCount() > 0
        new.settings_screen.chinese.setChecked(True)
        qtbot.waitUntil(lambda: new.replaced_by is not None, timeout=10_000)
        back = new.replaced_by
        assert back is not None and back.nav.item(0).text() == "今日工作"
    finally:
        preferences.set_language("zh_CN")
        build_application()
