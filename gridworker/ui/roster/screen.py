"""居民花名册: the resident list with search-as-you-type and filters, and the household page.

Searching and filtering ask the database thread for the ordered ids of the matching
residents; the table model then loads the visible rows page by page. Typing restarts a
short timer so a query runs once the person pauses, and a reply that arrives after a
newer request is dropped. A write anywhere (a dialog, an import, a bundle) reaches the
list through the database thread's ``changed`` signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.people import SPECIAL_TAGS
from gridworker.core.sheet_code import parse_sheet_code
from gridworker.store import queries
from gridworker.store.changes import Changes
from gridworker.store.queries import FilterChoices, ResidentFilter, RosterListing
from gridworker.store.store import Identity, Store

if TYPE_CHECKING:
    from gridworker.roster.exporter import RosterExport
    from gridworker.ui.roster.household_page import HouseholdPage
from gridworker.ui.roster.delegates import AddressDelegate
from gridworker.ui.roster.model import COLUMNS, ID_ROLE, OFFICE_COLUMNS, ResidentTableModel
from gridworker.ui.widgets import inform, run_with_progress, scaled_font
from gridworker.ui.wording import display, join_items, vocab, vocab_items
from gridworker.ui.worker import DbRunner, JobContext

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = queries.ROSTER_SEARCH_LIMIT


class RosterScreen(QWidget):
    """The list of residents and, on demand, one household's page."""

    ids_loaded = Signal(int)  # number of residents now listed
    print_requested = Signal(list)  # household ids whose sheets to print
    # A paper sheet was scanned (household id, date on the sheet): the visit and gas
    # forms connect here to open prefilled.
    paper_sheet_opened = Signal(str, object)
    roster_exported = Signal(object)  # the spreadsheet's path

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self._generation = 0
        self._loaded_once = False

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.list_page = QWidget()
        self.stack.addWidget(self.list_page)
        self._household_page: HouseholdPage | None = None  # made when first opened
        runner.changed.connect(self._data_changed)
        self.paper_sheet_opened.connect(
            lambda hid, day: self.household_page.gas_tabs.offer_paper_sheet(hid, day)
        )

        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials, address, last digits of ID or phone")
        )
        self.search.textChanged.connect(self._schedule_search)
        self.search.returnPressed.connect(self._search_now)
        self._open_when_loaded = False
        self.export_choice: QMessageBox | None = None
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New household…"))
        self.new_button.setToolTip(self.tr("Register a household and its residents (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import a roster spreadsheet (.xlsx or .csv)"))
        self.import_button.clicked.connect(self.import_roster)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the roster as a spreadsheet"))
        self.export_button.clicked.connect(self.export_roster)
        self.print_button = self._print_button()
        for b in (self.new_button, self.import_button, self.export_button, self.print_button):
            top.addWidget(b)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.micro_grid_filter = QComboBox()
        self.micro_grid_filter.addItem(self.tr("All micro-grids"), None)
        self.micro_grid_filter.setVisible(identity.role == "office")
        self.estate_filter = QComboBox()
        self.estate_filter.addItem(self.tr("All estates"), None)
        self.building_filter = QComboBox()
        self.building_filter.addItem(self.tr("All buildings"), None)
        self.building_filter.setEnabled(False)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Living here"), "在住")
        self.status_filter.addItem(self.tr("Moved out"), "迁出")
        self.status_filter.addItem(self.tr("Deceased"), "死亡")
        self.status_filter.addItem(self.tr("Any status"), None)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(self.tr("All groups"), None)
        for tag in SPECIAL_TAGS:
            self.tag_filter.addItem(vocab("tags", tag), tag)
        self.tag_filter.setMaxVisibleItems(20)
        self.care_filter = QComboBox()
        self.care_filter.addItem(self.tr("Any care colour"))
        self.care_filter.setEnabled(False)
        self.care_filter.setToolTip(
            self.tr("Care colours (red/yellow/green) come with the three-colour care feature.")
        )
        for w in (
            self.micro_grid_filter,
            self.estate_filter,
            self.building_filter,
            self.status_filter,
            self.tag_filter,
            self.care_filter,
        ):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # Their full width when there is room, but they may narrow so the window still
            # fits a 1280-wide screen in English with large text.
            w.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部小区") + 36)
            filters.addWidget(w)
        filters.addStretch(1)
        # A search the status filter empties (or thins) says whom it hides, one click away.
        self.hidden_hint = QPushButton()
        self.hidden_hint.setObjectName("hiddenHint")
        self.hidden_hint.setFlat(True)
        self.hidden_hint.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hidden_hint.setStyleSheet(
            "QPushButton#hiddenHint { color: #0b57a4; text-decoration: underline; border: none;"
            " padding: 0 4px; }"
        )
        self.hidden_hint.setVisible(False)
        self.hidden_hint.clicked.connect(self.show_every_status)
        self.count_label = QLabel(self.tr("Loading…"))
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        hint_row = QHBoxLayout()  # its own line: the filters keep their width
        hint_row.addStretch(1)
        hint_row.addWidget(self.hidden_hint)
        layout.addLayout(hint_row)

        self.micro_grid_filter.currentIndexChanged.connect(self._micro_grid_changed)
        self.estate_filter.currentIndexChanged.connect(self._estate_changed)
        for combo in (self.building_filter, self.status_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self._status_column)

        self.model = ResidentTableModel(
            runner, OFFICE_COLUMNS if identity.role == "office" else COLUMNS, parent=self
        )
        self.model.sort_requested.connect(lambda _k, _d: self.reload())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.address_delegate = AddressDelegate(self.table)
        if "address" in self.model.column_keys():
            col = self.model.column_keys().index("address")
            self.table.setItemDelegateForColumn(col, self.address_delegate)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 12)
        vh.setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setSortIndicatorClearable(True)
        self.table.setSortingEnabled(True)
        hh.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("男") + 12)
        self.table.viewport().installEventFilter(self)
        self._size_columns()
        self._status_column()
        self.table.doubleClicked.connect(self._open_row)
        self.table.activated.connect(self._open_row)
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self._make_empty_state())
        layout.addWidget(self.results, 1)

        hint = QLabel(
            self.tr(
                "Double-click a resident to open their household. ID and phone numbers are "
                "masked in this list."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.installEventFilter(self)  # Down: into the results (the table exists now)

        self._load_filter_choices()
        self.reload()

    def _make_empty_state(self) -> QWidget:
        """What a new roster shows instead of an empty table: what to do first."""
        self.empty_state = QWidget()
        v = QVBoxLayout(self.empty_state)
        v.setContentsMargins(40, 32, 40, 32)
        v.setSpacing(14)
        heading = QLabel(self.tr("No one is registered yet"))
        scaled_font(heading, 1.4, bold=True)
        v.addWidget(heading)
        self.empty_text = QLabel(
            self.tr(
                "Start with the roster the community office gave you: “Import a roster "
                "spreadsheet” reads an Excel (.xlsx) or CSV file and shows what it will add "
                "before anything is saved. Or register the households one by one with "
                "“New household”."
            )
        )
        self.empty_text.setWordWrap(True)
        self.empty_text.setMaximumWidth(self.fontMetrics().horizontalAdvance("网") * 40)
        v.addWidget(self.empty_text)
        row = QHBoxLayout()
        self.empty_import = QPushButton(self.tr("Import a roster spreadsheet…"))
        self.empty_import.clicked.connect(self.import_roster)
        self.empty_new = QPushButton(self.tr("New household…"))
        self.empty_new.clicked.connect(self.new_item)
        for b in (self.empty_import, self.empty_new):
            b.setMinimumHeight(self.fontMetrics().height() + 16)
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        return self.empty_state

    # -- public actions ----------------------------------------------------------------
    def show_every_status(self) -> None:
        """Widen the status filter to every status (the hint's "show them")."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(None))

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: a new member on a household page, else a new household."""
        page = self._household_page
        if page is not None and self.stack.currentWidget() is page:
            page.add_member()
            return
        from gridworker.ui.roster.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.runner, self.identity, None, self)
        dialog.saved.connect(self._household_created)
        dialog.open()

    @property
    def household_page(self) -> HouseholdPage:
        """The household page (一户一档), made the first time a household is opened: its
        visit, need and gas tabs are not needed to show the list."""
        if self._household_page is None:
            from gridworker.ui.roster import household_page as made_late

            page = made_late.HouseholdPage(self.runner, self.identity)
            page.back_requested.connect(self.show_list)
            page.print_requested.connect(lambda hid: self.print_requested.emit([hid]))
            self.stack.addWidget(page)
            self._household_page = page
        return self._household_page

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)

    def open_household(self, household_id: str) -> None:
        self.household_page.show_household(household_id)
        self.stack.setCurrentWidget(self.household_page)

    def open_first_household(self) -> None:
        """Open the household of the first resident listed (now, or once the list is read)."""
        if self.model.rowCount() > 0:
            self._open_row(self.model.index(0, 0))
            return

        def once(n: int) -> None:
            self.ids_loaded.disconnect(once)
            if n > 0:
                self._open_row(self.model.index(0, 0))

        self.ids_loaded.connect(once)

    def import_roster(self) -> None:
        from gridworker.ui.roster.import_dialog import ImportDialog

        dialog = ImportDialog(self.runner, self)
        dialog.start()

    def export_roster(self) -> None:
        """Save the roster as a spreadsheet: when a search or a filter narrows the list,
        the person chooses between the residents listed and everyone."""
        if not self._narrowed():
            self._export_to_file(None)
            return
        listed = list(self.model.ids())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export roster"),
            self.tr(
                "The list shows {0} residents (your search and filters). Export only "
                "them, or everyone in the roster?"
            ).format(len(listed)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.export_only_listed = box.addButton(
            self.tr("Only the {0} listed").format(len(listed)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.export_everyone = box.addButton(self.tr("Everyone"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(self.export_only_listed)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: object) -> None:
            if button is self.export_only_listed:
                self._export_to_file(listed)
            elif button is self.export_everyone:
                self._export_to_file(None)

        box.buttonClicked.connect(clicked)
        self.export_choice = box
        box.open()

    def _narrowed(self) -> bool:
        """Does a search or a filter the person chose narrow the list (the list of the
        people living here, as it opens, is the roster)?"""
        return bool(
            self.search.text().strip()
            or self.estate_filter.currentData() is not None
            or self.building_filter.currentData() is not None
            or self.tag_filter.currentData() is not None
            or self.status_filter.currentData() != "在住"
            or (self.identity.role == "office" and self.micro_grid_filter.currentData())
        )

    def _export_to_file(self, only: list[str] | None) -> None:
        try:
            from gridworker.roster.exporter import export_roster
        except ImportError:
            inform(
                self,
                self.tr("Export roster"),
                self.tr("Exporting the roster is not available in this version yet."),
            )
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export roster"),
            str(Path.home() / "花名册.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")

        def job(store: Store, ctx: JobContext) -> RosterExport:
            return export_roster(store, path, only)

        run_with_progress(
            self,
            self.runner,
            job,
            self.tr("Exporting the roster…"),
            lambda n: self._exported(path, n),
        )

    def _exported(self, path: Path, done: RosterExport) -> None:
        text = self.tr("{0} residents were saved to {1}").format(done.rows, path)
        warning = done.warning()
        if warning is not None:
            text += "\n\n" + display(warning)
        inform(self, self.tr("Export roster"), text, warning=warning is not None)
        self.roster_exported.emit(path)

    # -- printing and paper sheets (the 打印 feature) ------------------------------------
    def _print_button(self) -> QPushButton:
        """One button (the bar must fit 1280 pixels in English with large text): print
        sheets for the selection or the list, or enter a filled-in paper sheet."""
        button = QPushButton(self.tr("Print…"))
        button.setToolTip(self.tr("Print visit sheets, or enter a filled-in paper sheet"))
        menu = QMenu(button)
        menu.addAction(self.tr("Sheets for the selected households"), self.print_selected)
        menu.addAction(self.tr("Sheets for every household listed"), self.print_listed)
        menu.addSeparator()
        self.paper_action = QAction(self.tr("Enter a paper sheet…"), self)
        self.paper_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.paper_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paper_action.triggered.connect(self.enter_paper_sheet)
        menu.addAction(self.paper_action)
        self.addAction(self.paper_action)
        button.setMenu(menu)
        return button

    def print_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        ids = [str(self.model.data(r, ID_ROLE)) for r in rows if self.model.data(r, ID_ROLE)]
        if not ids:
            inform(self, self.tr("Print"), self.tr("Select one or more residents first."))
            return
        self._print_residents(ids)

    def print_listed(self) -> None:
        self._print_residents(self.model.ids())

    def _print_residents(self, resident_ids: list[str]) -> None:
        def job(store: Store, _ctx: JobContext) -> list[str]:
            from gridworker.store import print_data  # loaded when first printing

            return print_data.households_of(store, resident_ids)

        self.runner.run(job, lambda hids: self.print_requested.emit(hids) if hids else None)

    def enter_paper_sheet(self) -> None:
        from gridworker.ui.printing.paper_sheet import PaperSheetDialog

        dialog = PaperSheetDialog(self.runner, self)
        dialog.sheet_found.connect(self.open_paper_sheet)
        dialog.open()

    def open_paper_sheet(self, household_id: str, printed_on: object) -> None:
        self.open_household(household_id)
        self.paper_sheet_opened.emit(household_id, printed_on)

    # -- loading ----------------------------------------------------------------------
    def current_filter(self) -> ResidentFilter:
        status = self.status_filter.currentData()
        # A worker's roster is its micro-grid: a household the office moved elsewhere
        # stays in the file (its history synced) but is no longer listed.
        own = self.identity.micro_grid_id if self.identity.role == "worker" else None
        return ResidentFilter(
            micro_grid_id=own or self.micro_grid_filter.currentData(),
            estate=self.estate_filter.currentData(),
            building=self.building_filter.currentData(),
            statuses=(status,) if status else None,
            tag=self.tag_filter.currentData(),
        )

    def reload(self) -> None:
        """Ask for the ids matching the search and filters, in the chosen order."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.search.text().strip()
        f = self.current_filter()
        sort, descending = self.model.sort_key, self.model.descending
        self.count_label.setText(self.tr("Searching…") if text else self.tr("Loading…"))

        def job(store: Store, _ctx: JobContext) -> RosterListing:
            return queries.roster_listing(store, text, f, sort=sort, descending=descending)

        self.runner.run(job, lambda found: self._ids_loaded(generation, text, found), self._failed)

    def _ids_loaded(self, generation: int, text: str, found: RosterListing) -> None:
        if generation != self._generation:
            return
        ids = found.ids
        self.results.setCurrentWidget(self.empty_state if found.nobody_yet else self.table)
        self._show_hidden(found.hidden)
        if ids == self.model.ids():
            self.model.refresh()  # the same people: keep the place in the list
        else:
            self.model.set_ids(ids)
        n = len(ids)
        if text and n >= SEARCH_LIMIT:
            self.count_label.setText(
                self.tr("First {0} matches; type more to narrow the search").format(n)
            )
        elif text:
            self.count_label.setText(self.tr("{0} matches").format(n))
        else:
            self.count_label.setText(self.tr("{0} residents").format(n))
        self.ids_loaded.emit(n)
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._enter_results()

    def _show_hidden(self, hidden: dict[str, int]) -> None:
        names = {
            "在住": self.tr("living here"),
            "迁出": self.tr("moved out"),
            "死亡": self.tr("deceased"),
        }
        parts = [self.tr("{0} {1}").format(n, names.get(st, st)) for st, n in hidden.items()]
        if parts:
            self.hidden_hint.setText(
                self.tr("Also found: {0} — show them").format(join_items(parts))
            )
            self.hidden_hint.setToolTip(
                self.tr("The status filter hides them; this shows every status.")
            )
        self.hidden_hint.setVisible(bool(parts))

    def _failed(self, message: str) -> None:
        self.count_label.setText(message)

    def _schedule_search(self) -> None:
        code = parse_sheet_code(self.search.text())
        if code is not None:  # a scanned (or typed) sheet code: open that household
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.reload()  # the whole list again behind the household page
            self.open_paper_sheet(code.household_id, code.printed_on)
            return
        self._timer.start()

    def _search_now(self) -> None:
        """Enter in the search box: one match opens its household, several go to the list
        (once the search typed so far has run)."""
        if self._timer.isActive():
            self._open_when_loaded = True
            self.reload()
            return
        self._enter_results()

    def _enter_results(self) -> None:
        n = self.model.rowCount()
        if n == 1:
            self._open_row(self.model.index(0, 0))
        elif n > 1:
            self._focus_first_row()

    def _focus_first_row(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        first = self.model.index(0, 0)
        self.table.selectionModel().setCurrentIndex(
            first,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # -- filters ------------------------------------------------------------------------
    def _load_filter_choices(self) -> None:
        mg = self.identity.micro_grid_id if self.identity.role == "worker" else None
        self.runner.run(
            lambda store, _ctx: queries.filter_choices(store, mg), self._filter_choices_loaded
        )

    def _filter_choices_loaded(self, choices: FilterChoices) -> None:
        if self.identity.role == "office":
            _refill(self.micro_grid_filter, [(name, gid) for gid, name in choices.micro_grids])
        _refill(self.estate_filter, [(e, e) for e in choices.estates])

    def _micro_grid_changed(self) -> None:
        mg = self.micro_grid_filter.currentData()
        self.runner.run(
            lambda store, _ctx: queries.estate_choices(store, mg),
            lambda estates: _refill(self.estate_filter, [(e, e) for e in estates]),
        )
        self.reload()

    def _estate_changed(self) -> None:
        estate = self.estate_filter.currentData()
        self.building_filter.blockSignals(True)
        self.building_filter.setCurrentIndex(0)
        self.building_filter.blockSignals(False)
        self.building_filter.setEnabled(estate is not None)
        if estate is not None:
            self.runner.run(
                lambda store, _ctx: queries.building_choices(store, estate),
                lambda bs: _refill(self.building_filter, [(b, b) for b in bs]),
            )
        self.reload()

    # -- rows ----------------------------------------------------------------------------
    def _open_row(self, index: QModelIndex) -> None:
        rid = self.model.data(index, ID_ROLE)
        if not rid:
            return
        row = self.model.loaded_row(index.row())
        if row is not None and row.household_id:
            self.open_household(row.household_id)
            return
        self.runner.run(
            lambda store, _ctx: queries.household_of(store, rid),
            lambda hid: self.open_household(hid) if hid else None,
        )

    def _household_created(self, household_id: str) -> None:
        self.open_household(household_id)
        self.household_page.add_member(first=True)

    def _data_changed(self, changes: Changes) -> None:
        """Something was written (here, in a dialog, by an import or a bundle): list again
        what the list shows, and the filter choices if addresses may differ."""
        if changes.touches("household", "micro_grid"):
            self._load_filter_choices()
        if changes.touches("resident", "household", "micro_grid"):
            self.reload()

    def _size_columns(self) -> None:
        """Widths from typical content, so columns fit without measuring 100,000 rows.

        Each column has a comfortable width (its typical content or its title, whichever
        is wider) and a least width (its typical content, never less than its title; the
        address keeps only its room whole, the groups and English vocabulary end in "…",
        the whole text in the tooltip).
        :meth:`fit_columns` then shares the table's width out between them.
        """
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        samples = {
            "name": "欧阳小明",
            "sex": vocab("sex", "男")[:1],
            "age": "100",
            "id_number": "510104********123X",
            "phone": "138****5678",
            "address": "双福路院落1栋1单元101",
            "relation": vocab("relation", "孙子女"),
            "population_type": vocab("population_type", "户籍"),
            "status": vocab("status", "在住"),
            "tags": vocab_items("tags", ("空巢老人", "低保")),
            "micro_grid": "第十二微网格",
        }
        # The address keeps its room whole (the estate gives up its end, then the
        # building: AddressDelegate); the groups and the micro-grid end in "…".
        least = {
            "address": "…2单元1201",
            "tags": samples["tags"][:3] + "…",
            "micro_grid": "第十二…",
        }
        pad = 18
        self._widths: dict[int, tuple[int, int]] = {}
        for col in range(self.model.columnCount()):
            key = self.model.column_key(col)
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            titled = header.horizontalAdvance(title) + pad  # a title is never cut
            content = fm.horizontalAdvance(samples.get(key, "")) + pad
            comfortable = max(content, titled)
            if key in least:
                smallest = max(fm.horizontalAdvance(least[key]) + pad, titled)
            elif key in ("relation", "population_type", "status"):
                # English words are longer than the Chinese: they may end in "…" (the
                # whole word in the tooltip) rather than push the list sideways
                smallest = max(min(content, fm.horizontalAdvance(samples[key][:4]) + pad), titled)
            else:
                smallest = max(content, titled)
            self._widths[col] = (comfortable, min(smallest, comfortable))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Fit the columns to the table's width: comfortable widths when there is room
        (the last column takes what is left), else the groups and the micro-grid (which
        end in "…" well) give up what they have above their least widths first, then
        every column gives up part of the rest, in proportion. A scroll bar appears only
        if even the least widths do not fit."""
        widths = getattr(self, "_widths", None)
        if not widths:
            return
        last = self.model.columnCount() - 1
        room = self.table.viewport().width()
        shown = [c for c in widths if not self.table.isColumnHidden(c)]
        last = shown[-1] if shown else last
        fitted = {col: widths[col][0] for col in shown}
        over = sum(fitted.values()) - room
        first = [c for c in shown if self.model.column_key(c) in ("tags", "micro_grid")]
        for cols in (first, shown):
            slack = sum(fitted[c] - widths[c][1] for c in cols)
            if over <= 0 or slack <= 0:
                continue
            share = min(over, slack)
            for c in cols:
                give = fitted[c] - widths[c][1]
                fitted[c] -= min(give, -(-give * share // slack))
            over = sum(fitted.values()) - room
        used = 0
        for col, w in fitted.items():
            if col != last:
                self.table.setColumnWidth(col, w)
                used += w
        # The last column takes what is left, however little (its text ends in "…" with
        # the whole in the tooltip). Set here: a stretched last section keeps Qt's default
        # 100 px even where that makes the table scroll.
        if last in fitted:
            minimum = self.table.horizontalHeader().minimumSectionSize()
            self.table.setColumnWidth(last, max(room - used, minimum))

    def _status_column(self) -> None:
        """The status column only when the list shows every status: filtered to one, the
        filter says it, and the room goes to the address and the groups."""
        keys = self.model.column_keys()
        if "status" in keys:
            one = self.status_filter.currentData() is not None
            self.table.setColumnHidden(keys.index("status"), one)
            self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self._focus_first_row()  # Down: into the results
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size was changed in 设置
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
            self._size_columns()


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a filter's choices (keeping "all" and the current choice if still there)."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    i = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(i, 0))
    combo.blockSignals(False)
    if current is not None and i < 0:
        combo.currentIndexChanged.emit(0)
