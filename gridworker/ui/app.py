"""Starting the desktop app: Qt application, translations, first-run set-up, main window.

One window per database: the app holds ``<database>.lock`` (QLockFile) while it runs, and a
second start on the same file names the program holding it instead of opening. The
command line may still run beside the app (its writes wait their turn). A database on a
read-only disk opens read-only, with a banner saying why edits are refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLockFile, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSizePolicy, QToolBar

from gridworker import __version__
from gridworker.core.messages import message_of
from gridworker.data_folder import data_folder_problem
from gridworker.resources import resource_path
from gridworker.store.db import default_db_path, read_only_reason
from gridworker.store.device_history import explain_plainly
from gridworker.store.errors import StoreError
from gridworker.store.known_errors import read_only_error
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
    app.setOrganizationName("GridWorker")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gridworker")  # matches packaging/linux/gridworker.desktop
    app.setWindowIcon(app_icon())
    for t in _translators:
        app.removeTranslator(t)
    _translators[:] = install_translators(app, preferences.language())
    # Qt adds this name to every window's title, in the interface's language.
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "GridWorker"))
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
    with Store.open(db, create=False) as store:
        if not store.initialised:
            return None, ""
        ident = store.identity
        name = ""
        if ident.micro_grid_id:
            row = store.get("micro_grid", ident.micro_grid_id)
            name = str(row["name"] or "") if row else ""
        return ident, name


def open_main_window(
    db: Path, identity: Identity, micro_grid_name: str = "", runner: DbRunner | None = None
) -> MainWindow:
    """A main window on ``db`` with its own database thread (stopped when it closes), or
    on ``runner``'s (a window taking another's place)."""
    opening = runner is None
    runner = runner if runner is not None else DbRunner(db)
    window = MainWindow(runner, identity, db, micro_grid_name)
    if opening:  # not again when the window is redrawn in another language
        runner.run(_history_notice, lambda notice: show_history_notice(window, notice))
    why = read_only_reason(db)
    if why is not None:
        banner = QLabel(display(message_of(read_only_error(db, why))))
        banner.setObjectName("readOnlyBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet("color: #b00020; font-weight: bold; padding: 2px 8px;")
        window.statusBar().insertWidget(0, banner, 4)
        window.read_only_banner = banner  # type: ignore[attr-defined]
    return window


def _history_notice(store: Store, _ctx: object) -> object:
    """The sentence saying the file starts a new device history (a backup put back, a
    copy from another laptop), judged now; None when it continues its own."""
    store.check_history()
    reason = store.history_reason
    return None if reason is None else explain_plainly(reason)


def show_history_notice(window: MainWindow, notice: object) -> None:
    """Say once, in a banner above the pages, that the file opened starts a
    new device history (the command line prints the same sentence)."""
    if notice is None or not shiboken6.isValid(window):
        return
    banner = QLabel(display(notice))
    banner.setObjectName("historyBanner")
    banner.setWordWrap(True)
    banner.setToolTip(display(notice))
    banner.setStyleSheet("color: #8a4b00; font-weight: bold; padding: 4px 8px;")
    banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar = QToolBar(window)  # a row of its own above the pages: room for large text
    bar.setObjectName("historyBar")
    bar.setMovable(False)
    bar.addWidget(banner)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.setVisible(True)  # added to a window already shown: not shown by itself
    window.history_banner = banner  # type: ignore[attr-defined]


def switch_language(old: MainWindow) -> None:
    """Redraw the program in the language just chosen in 设置: every screen's words are
    set when it is made, so a new window on the same database thread takes the old one's
    place, on the same page, once the thread has no job left for the old window's
    screens (their answers would come to widgets that are gone)."""
    if not (old.runner.running and old.isVisible()):
        return  # closed meanwhile: the next start is in the new language
    if old.runner.pending():
        QTimer.singleShot(20, lambda: switch_language(old))
        return
    old.save_state()
    build_application()  # the chosen language's catalogues and the application's name
    new = open_main_window(old.db_path, old.identity, old.micro_grid_name, runner=old.runner)
    new.restoreGeometry(old.saveGeometry())
    new.show_screen(old.current_screen())
    if old.isMaximized():
        new.showMaximized()
    else:
        new.show()
    old.replaced_by = new
    shiboken6.delete(old)  # at once: no event may reach its screens any more


def lock_database(db: Path) -> tuple[QLockFile | None, str]:
    """Take the one-window lock of ``db``: (the held lock, "") or (None, why not).

    A lock left by a program that no longer runs is taken over (QLockFile checks the
    process); one held by a running program names it: program, process id, computer.
    """
    lock = QLockFile(str(db.with_name(db.name + ".lock")))
    lock.setStaleLockTime(0)  # only a dead holder makes a lock stale, never its age
    if lock.tryLock(0):
        return lock, ""
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, host, app = lock.getLockInfo()
        return None, QCoreApplication.translate(
            "App",
            "This database is already open in another GridWorker window ({0}, process {1} on "
            "{2}). Use that window, or close it first.\n\n{3}",
        ).format(app or "GridWorker", pid, host, db)
    if lock.error() == QLockFile.LockError.PermissionError:
        return None, ""  # a read-only folder: nobody can write there, so nothing to guard
    return None, QCoreApplication.translate(
        "App", "Could not check whether another window has this database open: {0}"
    ).format(db)


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

    # A database whose folder cannot be written opens read-only (it says why edits are
    # refused); ``problem`` only matters when a new database would be created there.
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
    lock, refused = lock_database(path)
    if lock is None and refused:
        QMessageBox.warning(None, QCoreApplication.translate("MainWindow", "GridWorker"), refused)
        return 1
    window = open_main_window(path, identity, mg_name)
    window.show()
    if screen:
        window.open_on(screen)
    try:
        return int(app.exec())
    finally:
        if lock is not None:
            lock.unlock()
