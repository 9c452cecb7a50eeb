"""Starting the desktop app: Qt application, translations, first-run set-up, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from gridworker import __version__
from gridworker.core.messages import message_of
from gridworker.data_folder import data_folder_problem
from gridworker.resources import resource_path
from gridworker.store.db import default_db_path
from gridworker.store.errors import StoreError
from gridworker.store.store import Identity, Store
from gridworker.ui import preferences
from gridworker.ui.i18n import install_translators
from gridworker.ui.main_window import MainWindow
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner

_translators: list[QTranslator] = []


def build_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the chosen language and text size (reused if it exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("GridWorker")
    app.setApplicationDisplayName("网格员工作台")
    app.setOrganizationName("GridWorker")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gridworker")  # matches packaging/linux/gridworker.desktop
    app.setWindowIcon(app_icon())
    for t in _translators:
        app.removeTranslator(t)
    _translators[:] = install_translators(app, preferences.language())
    preferences.apply_text_size(app)
    return app


def app_icon() -> QIcon:
    """The GridWorker icon in every size shipped (gridworker/resources/icons)."""
    icon = QIcon()
    for path in sorted(resource_path("icons").glob("gridworker-*.png")):
        icon.addFile(str(path))
    return icon


def read_identity(db: Path) -> tuple[Identity | None, str]:
    """The installation stored in ``db`` (None if not set up) and its micro-grid's name.

    Runs once before the window exists (the database thread starts with the window).
    """
    with Store.open(db) as store:
        if not store.initialised:
            return None, ""
        ident = store.identity
        name = ""
        if ident.micro_grid_id:
            row = store.get("micro_grid", ident.micro_grid_id)
            name = str(row["name"] or "") if row else ""
        return ident, name


def open_main_window(db: Path, identity: Identity, micro_grid_name: str = "") -> MainWindow:
    """A main window on ``db`` with its own database thread (stopped when it closes)."""
    runner = DbRunner(db)
    return MainWindow(runner, identity, db, micro_grid_name)


def run_app(db: Path | None, screen: str | None = None) -> int:
    """Open the app on ``db``, or on the user's own database (set up on first run).

    ``screen`` opens on that page instead of the remembered one (``demo --screen``).
    """
    app = build_application()
    path = db if db is not None else default_db_path()
    problem = data_folder_problem(path)  # before anything is created there

    def refuse(text: str) -> int:
        title = QCoreApplication.translate("MainWindow", "GridWorker")
        QMessageBox.critical(None, title, display(text))
        return 1

    if path.exists() and problem is not None:  # our data is there but cannot be written
        return refuse(problem)
    try:
        identity, mg_name = read_identity(path) if path.exists() else (None, "")
    except StoreError as e:  # not ours, or from a newer GridWorker: say which
        return refuse(message_of(e))
    if identity is None:
        from gridworker.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(path, problem=problem)
        if dialog.exec() != SetupDialog.DialogCode.Accepted or dialog.db_path is None:
            return 0
        path = dialog.db_path
        identity, mg_name = read_identity(path)
        if identity is None:
            return 1
    window = open_main_window(path, identity, mg_name)
    window.show()
    if screen:
        window.open_on(screen)
    return int(app.exec())
