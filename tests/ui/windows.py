"""Types the UI tests share with their fixtures (conftest.py holds the fixtures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from gridworker.store.store import Store
from gridworker.ui import preferences
from gridworker.ui.app import build_application
from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.import_dialog import ImportDialog

OpenWindow = Callable[[Path], MainWindow]
"""The ``open_window`` fixture: the main window on a database, shown and loaded."""

DbCall = Callable[[Callable[[Store], Any]], Any]
"""The ``db_call`` fixture: runs a function on the window's database thread, waits."""


@contextmanager
def interface(
    language: preferences.Language | None = None, text_size: preferences.TextSize | None = None
) -> Iterator[None]:
    """The interface in this language and text size, as chosen in 设置 (the application's
    translators and font follow); Chinese and normal text again afterwards."""
    if language is not None:
        preferences.set_language(language)
    if text_size is not None:
        preferences.set_text_size(text_size)
    build_application()
    try:
        yield
    finally:
        if language is not None:
            preferences.set_language("zh_CN")
        if text_size is not None:
            preferences.set_text_size("normal")
        build_application()


def planned(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    """The roster import dialog with the sheet at ``path`` read and previewed."""
    dialog = ImportDialog(window.runner, window.roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.plan_file(path)
    return dialog
