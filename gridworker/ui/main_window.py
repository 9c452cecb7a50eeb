"""The main window: navigation side bar, one screen at a time, status bar, shortcuts.

Screens refresh themselves from the database thread's one ``changed`` signal; the window
only asks it to look for other programs' writes when it is activated or a page is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from gridworker.store import queries
from gridworker.store.changes import Changes
from gridworker.store.queries import StatusFigures
from gridworker.store.store import Identity
from gridworker.ui import preferences
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import ElidedLabel
from gridworker.ui.worker import DbRunner

if TYPE_CHECKING:
    from gridworker.ui.care.screen import CareScreen
    from gridworker.ui.gas.screen import GasScreen
    from gridworker.ui.printing.screen import PrintScreen
    from gridworker.ui.roster.screen import RosterScreen
    from gridworker.ui.settings.screen import SettingsScreen
    from gridworker.ui.sync.screen import SyncScreen
    from gridworker.ui.today.screen import TodayScreen
    from gridworker.ui.visits.screen import VisitsScreen

_W = TypeVar("_W", bound=QWidget)

SCREENS = ("today", "roster", "visits", "gas", "care", "sync", "print", "settings")

NAV_STYLE = """
QListWidget#nav { background: #24415e; color: #ffffff; border: none; outline: none; }
QListWidget#nav::item { padding: 10px 14px; }
QListWidget#nav::item:selected { background: #3d6d99; color: #ffffff; }
QListWidget#nav::item:hover:!selected { background: #2f5477; }
"""


class MainWindow(QMainWindow):
    """One window; the side bar picks the screen. Closing it stops the database thread."""

    status_loaded = Signal()
    replaced_by: MainWindow | None = None  # the window redrawn in another language

    def __init__(
        self,
        runner: DbRunner,
        identity: Identity,
        db_path: Path,
        micro_grid_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.db_path = db_path
        self.micro_grid_name = micro_grid_name
        # The system adds the application's name (网格员工作台 / GridWorker) itself.
        place = identity.community + (f" · {micro_grid_name}" if micro_grid_name else "")
        self.setWindowTitle(place)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget()
        # Screens are made the first time they are shown or asked for: the window opens
        # with the one it shows (their modules, printing's above all, cost half a second).
        self._made: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        titles = {
            "today": self.tr("Today's work"),
            "roster": self.tr("Residents"),
            "visits": self.tr("Visits"),
            "gas": self.tr("Gas safety"),
            "care": self.tr("Care colours"),
            "sync": self.tr("Sync"),
            "print": self.tr("Print"),
            "settings": self.tr("Settings"),
        }
        for key in SCREENS:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            placeholder = QWidget()
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
        self._size_nav()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._font_changed)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # The counts are always whole; on a small screen or with large text the installation
        # and the sync time shorten ("…", the whole text in the tooltip) instead.
        self.install_label = ElidedLabel()
        self.sync_label = ElidedLabel()
        self.counts_label = QLabel()
        for w in (self.install_label, self.sync_label, self.counts_label):
            w.setContentsMargins(8, 0, 8, 0)
        bar = self.statusBar()
        bar.addWidget(self.install_label, 2)
        bar.addWidget(self.sync_label, 3)
        bar.addPermanentWidget(self.counts_label)
        role = self.tr("Worker") if identity.role == "worker" else self.tr("Office")
        parts = [role, identity.community]
        if micro_grid_name:
            parts.append(micro_grid_name)
        parts.append(self.tr("User: {0}").format(identity.user))
        self.install_label.setText(" · ".join(parts))
        self.sync_label.setText(self.tr("Not synced yet"))

        self._make_actions()
        runner.changed.connect(self._data_changed)
        self._restore()
        self.refresh_status()

    # -- screens, made when first needed ----------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The screen ``key`` (made now if it was not yet, in its place in the stack)."""
        made = self._made.get(key)
        if made is not None:
            return made
        widget = self._make_screen(key)
        self._made[key] = widget
        placeholder = self._placeholders.pop(key)
        index = self.stack.indexOf(placeholder)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        return widget

    @property
    def screens(self) -> dict[str, QWidget]:
        """Every screen (all made)."""
        return {key: self.page(key) for key in SCREENS}

    def _make_screen(self, key: str) -> QWidget:
        makers: dict[str, Callable[[], QWidget]] = {
            "today": self._make_today,
            "roster": self._make_roster,
            "visits": self._make_visits,
            "gas": self._make_gas,
            "care": self._make_care,
            "sync": self._make_sync,
            "print": self._make_print,
            "settings": self._make_settings,
        }
        return makers[key]()

    def _make_today(self) -> QWidget:
        from gridworker.ui.today.screen import TodayScreen

        screen = TodayScreen(self.runner, self.identity)
        screen.household_requested.connect(self.open_household)
        screen.print_requested.connect(self.print_week)
        return screen

    def _make_roster(self) -> QWidget:
        from gridworker.ui.roster.screen import RosterScreen

        screen = RosterScreen(self.runner, self.identity)
        screen.print_requested.connect(self.print_households)
        screen.paper_sheet_opened.connect(self.record_paper_visit)
        return screen

    def _make_sync(self) -> QWidget:
        from gridworker.ui.sync.screen import SyncScreen

        return SyncScreen(self.runner, self.identity)

    def _make_print(self) -> QWidget:
        from gridworker.ui.printing.screen import PrintScreen

        return PrintScreen(self.runner, self.identity)

    def _make_visits(self) -> QWidget:
        from gridworker.ui.visits.screen import VisitsScreen

        return VisitsScreen(self.runner, self.identity)

    def _make_gas(self) -> QWidget:
        from gridworker.ui.gas.screen import GasScreen

        screen = GasScreen(self.runner, self.identity)
        screen.household_requested.connect(self.open_household)
        screen.notices_requested.connect(self.print_notices)
        return screen

    def _make_care(self) -> QWidget:
        from gridworker.ui.care.screen import CareScreen

        screen = CareScreen(self.runner, self.identity)
        screen.household_requested.connect(self.open_household)
        return screen

    def _make_settings(self) -> QWidget:
        from gridworker.ui.settings.screen import SettingsScreen

        screen = SettingsScreen(
            self.identity, self.db_path, self.micro_grid_name, runner=self.runner
        )
        screen.text_size_changed.connect(self._text_size_changed)
        screen.language_changed.connect(self._language_changed)
        screen.print_font_changed.connect(self._print_font_changed)
        return screen

    def _print_font_changed(self) -> None:
        if "print" in self._made:  # else it finds the font when it is made
            self.print_screen.check_font()

    @property
    def today(self) -> TodayScreen:
        from gridworker.ui.today.screen import TodayScreen

        return self._typed("today", TodayScreen)

    @property
    def roster(self) -> RosterScreen:
        from gridworker.ui.roster.screen import RosterScreen

        return self._typed("roster", RosterScreen)

    @property
    def visits(self) -> VisitsScreen:
        from gridworker.ui.visits.screen import VisitsScreen

        return self._typed("visits", VisitsScreen)

    @property
    def gas(self) -> GasScreen:
        from gridworker.ui.gas.screen import GasScreen

        return self._typed("gas", GasScreen)

    @property
    def care(self) -> CareScreen:
        from gridworker.ui.care.screen import CareScreen

        return self._typed("care", CareScreen)

    @property
    def sync(self) -> SyncScreen:
        from gridworker.ui.sync.screen import SyncScreen

        return self._typed("sync", SyncScreen)

    @property
    def print_screen(self) -> PrintScreen:
        from gridworker.ui.printing.screen import PrintScreen

        return self._typed("print", PrintScreen)

    @property
    def settings_screen(self) -> SettingsScreen:
        from gridworker.ui.settings.screen import SettingsScreen

        return self._typed("settings", SettingsScreen)

    def _typed(self, key: str, kind: type[_W]) -> _W:
        widget = self.page(key)
        assert isinstance(widget, kind)
        return widget

    # -- actions ------------------------------------------------------------------------
    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        roster_menu = self.menuBar().addMenu(self.tr("&Roster"))
        self.find_action = QAction(self.tr("Find a resident"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_resident)
        self.new_action = QAction(self.tr("New household / member"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_item)
        self.import_action = QAction(self.tr("Import roster spreadsheet…"), self)
        self.import_action.triggered.connect(self._import)
        self.export_roster_action = QAction(self.tr("Export roster…"), self)
        self.export_roster_action.triggered.connect(self._export_roster)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.show_screen("print"))
        self.export_bundle_action = QAction(self.tr("Export bundle for the office…"), self)
        self.export_bundle_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_bundle_action.triggered.connect(self.export_bundle)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for a in (
            self.import_action,
            self.export_roster_action,
            self.export_bundle_action,
            self.print_action,
        ):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        roster_menu.addAction(self.find_action)
        roster_menu.addAction(self.new_action)

    def find_resident(self) -> None:
        self.show_screen("roster")
        self.roster.focus_search()

    def new_item(self) -> None:
        self.show_screen("roster")
        self.roster.new_item()

    def print_households(self, household_ids: list[str]) -> None:
        """ "Print this" from the roster or a household page: their sheets, on 打印."""
        self.print_screen.set_households(household_ids)
        self.show_screen("print")
        self.print_screen.make_preview()

    def open_household(self, household_id: str) -> None:
        """A household's page (from another screen's list)."""
        self.show_screen("roster")
        self.roster.open_household(household_id)

    def print_notices(self, hazard_ids: list[str]) -> None:
        """ "Print notice" from the gas screen: those hazards' notices, on 打印."""
        self.print_screen.set_hazards(hazard_ids)
        self.show_screen("print")
        self.print_screen.make_preview()

    def print_week(self, day: object) -> None:
        self.print_screen.set_week(day if isinstance(day, date) else date.today())
        self.show_screen("print")
        self.print_screen.make_preview()

    def record_paper_visit(self, household_id: str, printed_on: object) -> None:
        from gridworker.ui.visits.visit_dialog import VisitDialog, VisitPrefill

        day = printed_on if isinstance(printed_on, date) and printed_on <= date.today() else None
        dialog = VisitDialog(
            self.runner, self.identity, household_id, VisitPrefill(visited_on=day), self
        )
        dialog.open()
        self.paper_visit_dialog = dialog

    def export_bundle(self) -> None:
        self.show_screen("sync")
        self.sync.start_export()

    def _import(self) -> None:
        self.show_screen("roster")
        self.roster.import_roster()

    def _export_roster(self) -> None:
        self.show_screen("roster")
        self.roster.export_roster()

    def open_on(self, key: str) -> None:
        """Show a side-bar page, or "household": the page of the roster's first household."""
        if key == "household":
            self.show_screen("roster")
            self.roster.open_first_household()
        elif key in SCREENS:
            self.show_screen(key)
            if key == "print" and self.identity.role == "worker":
                self.print_screen.make_preview()  # `demo --screen print`: the sheets shown
        else:
            raise ValueError(f"unknown screen {key!r}")

    def show_screen(self, key: str) -> None:
        self.nav.setCurrentRow(SCREENS.index(key))

    def current_screen(self) -> str:
        return SCREENS[max(0, self.nav.currentRow())]

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.page(SCREENS[row])
            self.stack.setCurrentIndex(row)
            self.runner.look_outside()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back from another window, perhaps a terminal where a command changed the
            # database: one cheap look, and the screens refresh if it did.
            self.runner.look_outside()

    # -- status bar ---------------------------------------------------------------------
    def refresh_status(self) -> None:
        mg = self.identity.micro_grid_id if self.identity.role == "worker" else None
        self.runner.run(lambda store, _ctx: queries.status_figures(store, mg), self._status_loaded)

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches("household", "resident", "micro_grid") or changes.sync:
            self.refresh_status()

    def _status_loaded(self, figures: StatusFigures) -> None:
        c = figures.counts
        exported, imported = figures.last_exported, figures.last_imported
        self.counts_label.setText(
            self.tr("{0} households · {1} residents · {2} moved out · {3} deceased").format(
                c.households, c.residents, c.moved_out, c.deceased
            )
        )
        if exported or imported:
            parts = []
            if exported:
                parts.append(self.tr("Last bundle exported {0}").format(friendly_time(exported)))
            if imported:
                parts.append(self.tr("Last bundle imported {0}").format(friendly_time(imported)))
            self.sync_label.setText(self.tr("; ").join(parts))
        else:
            self.sync_label.setText(self.tr("Not synced yet"))
        self.status_loaded.emit()

    def _text_size_changed(self, size: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            preferences.apply_text_size(app, "large" if size == "large" else "normal")

    def _font_changed(self, _font: QFont) -> None:
        QTimer.singleShot(0, self._size_nav)  # 大字 switched: once every widget has it

    def _language_changed(self, _language: str) -> None:
        from gridworker.ui.app import switch_language  # app builds windows: no import cycle

        QTimer.singleShot(0, lambda: switch_language(self))  # after the click is handled

    def _size_nav(self) -> None:
        """The side bar's items and width from the current text size (again when 大字 is
        switched: the application font changed; a widget with a style sheet does not
        follow it by itself)."""
        self.nav.setFont(QApplication.font())
        fm = self.nav.fontMetrics()
        for i in range(self.nav.count()):
            self.nav.item(i).setSizeHint(QSize(0, fm.height() + 22))
        widest = max(fm.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setFixedWidth(max(140, widest + 48))

    # -- remembering ----------------------------------------------------------------------
    def _restore(self) -> None:
        s = preferences.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            avail = screen.availableGeometry() if screen is not None else None
            w, h = 1280, 800
            self.resize(w, h)
            if avail is not None and (avail.width() <= 1440 or avail.height() <= 800):
                self.setGeometry(avail)  # a small laptop screen: use all of it
                self.setWindowState(Qt.WindowState.WindowMaximized)
        last = str(s.value("window/screen", "roster"))
        self.show_screen(last if last in SCREENS else "roster")

    def save_state(self) -> None:
        s = preferences.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/screen", self.current_screen())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.runner.shutdown()
        if "print" in self._made:  # after the thread: no job writes there any more
            self.print_screen.release()
        super().closeEvent(event)
