"""What the desktop app loads before its window shows (not the printing libraries), and
screens made later leave the window as it was.

reportlab and pypdfium2 take about half a second to import; the app needs them only when
something is printed or previewed (on the database thread, behind a progress dialog)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gridworker.ui.main_window import SCREENS, MainWindow


def test_opening_the_main_window_module_does_not_import_printing_libraries() -> None:
    probe = (
        "import sys, gridworker.ui.app, gridworker.ui.main_window; "
        "print(sorted({'reportlab', 'pypdfium2'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_screens_made_after_the_window_shows_never_take_its_focus(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Screens are made when first shown. None may show a widget of its own as a window
    while it is being built (a button shown before it had a parent flashed on screen and
    took the focus from the main window, so its keyboard shortcuts stopped working)."""
    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Show
                and isinstance(watched, QWidget)
                and watched.isWindow()
                and watched is not window
            ):
                shown.append(type(watched).__name__)
            return False

    watch = Watch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        for key in SCREENS:
            window.show_screen(key)
            qtbot.wait(20)
            assert window.isActiveWindow(), key
    finally:
        app.removeEventFilter(watch)
    assert shown == []
