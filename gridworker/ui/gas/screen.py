"""燃气安全: hazards until they are put right, households due for their check,
inspections, and the month's figures — for a micro-grid, or every micro-grid at the office.

The counts above the tabs are buttons that open the list they count. Place filters
(micro-grid at the office, estate, building) apply to every tab. Everything is read on
the database thread and refreshed from the one ``changed`` signal while the screen shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.gas_checklist import GRADES
from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    ESCALATED,
    FIXED,
    INFORMED,
    OUTCOMES,
    PASSED,
    PENDING,
    REFUSED_FIX,
    GasMonth,
)
from gridworker.store import gas_queries, gas_stats, queries
from gridworker.store.changes import Changes
from gridworker.store.gas_queries import (
    DueRow,
    GasCounts,
    HazardFilter,
    HazardRow,
    InspectionFilter,
    InspectionRow,
    Place,
)
from gridworker.store.gas_stats import GasMonthReport
from gridworker.store.store import Identity, Store
from gridworker.ui.gas.flow import FlowLayout
from gridworker.ui.gas.hazard_panel import RECHECK, HazardPanel
from gridworker.ui.gas.household_tabs import GAS_KINDS, InspectionView, table
from gridworker.ui.gas.inspection_form import InspectionDialog
from gridworker.ui.gas.models import (
    HAZARD_COLUMNS,
    HAZARD_OFFICE_COLUMNS,
    INSPECTION_COLUMNS,
    INSPECTION_OFFICE_COLUMNS,
    RowsModel,
    due_columns,
)
from gridworker.ui.gas.month_chart import Bar, BarChart
from gridworker.ui.gas.words import GRADE_COLOURS, OVERDUE, STATUS_COLOURS, word
from gridworker.ui.widgets import scaled_font
from gridworker.ui.worker import DbRunner, JobContext

HAZARDS, DUE, INSPECTIONS, MONTH = range(4)
CHIP_STYLE = (
    "QPushButton {{ border: 1px solid {c}; border-radius: 12px; padding: 3px 12px; "
    "color: {c}; background: white; }} QPushButton:hover {{ background: #f1f3f4; }}"
)


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace a filter's choices after its first ("all") entry, keeping the choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    i = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, i))
    combo.blockSignals(False)


class HouseholdPicker(QDialog):
    """Choose the household to inspect: type a name, address or the tail of an ID or phone
    number; with nothing typed, the households due are offered."""

    chosen = Signal(str)
    listed = Signal(int)

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._generation = 0
        self.setWindowTitle(self.tr("Which household?"))
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Name, pinyin initials, address, last digits of ID or phone")
        )
        self.search.textChanged.connect(self.look_up)
        self.search.returnPressed.connect(self._pick_current)
        layout.addWidget(self.search)
        self.hint = QLabel()
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda item: self._pick(item))
        layout.addWidget(self.list, 1)
        self.resize(self.fontMetrics().horizontalAdvance("网") * 32, 420)
        self.search.installEventFilter(self)
        self.look_up("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓ in the search box move in the list (Enter picks)."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
            return True
        return super().eventFilter(watched, event)

    def look_up(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        today = date.today()
        self.runner.run(
            lambda store, _ctx: gas_queries.find_households(store, text, today),
            lambda found: self._found(generation, text, found),
        )

    def _found(self, generation: int, text: str, found: list[Place]) -> None:
        if generation != self._generation:
            return
        self.list.clear()
        for p in found:
            item = QListWidgetItem(
                p.address
                + (f"　{p.head_name}" if p.head_name else "")
                + (f"　{p.micro_grid_name}" if p.micro_grid_name else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, p.household_id)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.hint.setText(
            self.tr("Households due for their check:")
            if not text.strip()
            else self.tr("%n household(s) found", "", len(found))
        )
        self.listed.emit(len(found))

    def _pick_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        hid = item.data(Qt.ItemDataRole.UserRole)
        if hid:
            self.accept()
            self.chosen.emit(str(hid))


class GasScreen(QWidget):
    """The 燃气安全 screen."""

    household_requested = Signal(str)
    notices_requested = Signal(list)  # hazard ids
    refreshed = Signal(int)  # the tab just read
    counts_loaded = Signal()
    inspection_opened = Signal(object)  # InspectionDialog

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.office = identity.role == "office"
        self._dirty = True
        self._generation = 0
        self.counts: GasCounts | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(8)
        top_box = QWidget()
        top = FlowLayout(top_box, spacing=8)
        title = QLabel(self.tr("Gas safety"))
        title.setObjectName("screenTitle")
        scaled_font(title, 1.4, bold=True)  # follows 大字 at once
        top.addWidget(title)
        self.chips: dict[str, QPushButton] = {}
        for key, colour in (
            ("open", STATUS_COLOURS[PENDING]),
            ("overdue", OVERDUE),
            ("major", GRADE_COLOURS["重大"]),
            ("recheck", STATUS_COLOURS[FIXED]),
            ("refused", STATUS_COLOURS[REFUSED_FIX]),
            ("escalated", STATUS_COLOURS[ESCALATED]),
            ("due", "#24415e"),
        ):
            chip = QPushButton()
            chip.setStyleSheet(CHIP_STYLE.format(c=colour))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _c=False, k=key: self.show_count(k))
            self.chips[key] = chip
            top.addWidget(chip)
        outer.addWidget(top_box)
        QShortcut(QKeySequence("Ctrl+I"), self, self.new_inspection)

        places = QHBoxLayout()
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(self.office)
        self.estate = QComboBox()
        self.estate.addItem(self.tr("All estates"), None)
        self.building = QComboBox()
        self.building.addItem(self.tr("All buildings"), None)
        self.building.setEnabled(False)
        for combo in (self.micro_grid, self.estate, self.building):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部小区") + 36)
            places.addWidget(combo)
        places.addStretch(1)
        self.count_label = QLabel()
        places.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New inspection… (Ctrl+I)"))
        self.new_button.clicked.connect(self.new_inspection)
        places.addWidget(self.new_button)
        outer.addLayout(places)
        self.micro_grid.currentIndexChanged.connect(self._micro_grid_changed)
        self.estate.currentIndexChanged.connect(self._estate_changed)
        self.building.currentIndexChanged.connect(lambda _i: self.reload())

        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self._make_hazards_tab()
        self._make_due_tab()
        self._make_inspections_tab()
        self._make_month_tab()
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        runner.changed.connect(self._changed)
        self._load_places()

    # -- tabs -----------------------------------------------------------------------------------
    def _make_hazards_tab(self) -> None:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        self.hazard_view = QComboBox()
        for text, key in (
            (self.tr("Not closed"), "open"),
            (self.tr("Late"), "overdue"),
            (word(PENDING), PENDING),
            (word(FIXED), FIXED),
            (word(REFUSED_FIX), REFUSED_FIX),
            (word(ESCALATED), ESCALATED),
            (word(PASSED), PASSED),
            (word(INFORMED), INFORMED),
            (self.tr("All hazards"), "all"),
        ):
            self.hazard_view.addItem(text, key)
        self.grade = QComboBox()
        self.grade.addItem(self.tr("Every grade"), None)
        for g in GRADES:
            self.grade.addItem(word(g), g)
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.hazard_view)
        row.addWidget(self.grade)
        row.addStretch(1)
        self.hazard_count = QLabel()
        row.addWidget(self.hazard_count)
        layout.addLayout(row)
        self.hazard_view.currentIndexChanged.connect(lambda _i: self.reload())
        self.grade.currentIndexChanged.connect(lambda _i: self.reload())
        split = QSplitter(Qt.Orientation.Vertical)
        self.hazard_model: RowsModel[HazardRow] = RowsModel(
            HAZARD_OFFICE_COLUMNS if self.office else HAZARD_COLUMNS, self
        )
        self.hazard_table = table(self.hazard_model)
        self.hazard_table.selectionModel().currentRowChanged.connect(self._hazard_chosen)
        self.panel = HazardPanel(self.runner)
        self.hazard_table.doubleClicked.connect(lambda _i: self.panel.step(RECHECK))
        split.addWidget(self.hazard_table)
        self.panel.print_requested.connect(self.notices_requested)
        self.panel.household_requested.connect(self.household_requested)
        panel_scroll = QScrollArea()
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        split.addWidget(panel_scroll)
        split.setSizes([300, 260])
        layout.addWidget(split, 1)
        self.panel.bind_keys(self.hazard_table)
        self.print_all = QPushButton(self.tr("Print notices for the list"))
        self.print_all.setToolTip(self.tr("A notice for every hazard listed that has a deadline"))
        self.print_all.clicked.connect(self._print_listed)
        row.addWidget(self.print_all)
        self.tabs.addTab(w, self.tr("Hazards"))

    def _make_due_tab(self) -> None:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        hint = QLabel(
            self.tr(
                "Households whose gas check is due, and those to try again after nobody was "
                "home. Press Enter or double-click to record the inspection."
            )
        )
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.inspect_button = QPushButton(self.tr("Inspect…"))
        self.inspect_button.clicked.connect(self._inspect_due)
        row.addWidget(self.inspect_button)
        layout.addLayout(row)
        self.due_model: RowsModel[DueRow] = RowsModel(due_columns(date.today(), self.office), self)
        self.due_table = table(self.due_model)
        self.due_table.activated.connect(lambda _i: self._inspect_due())
        self.due_table.doubleClicked.connect(lambda _i: self._inspect_due())
        layout.addWidget(self.due_table, 1)
        self.tabs.addTab(w, self.tr("Households due"))

    def _make_inspections_tab(self) -> None:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Every outcome"), None)
        for o in OUTCOMES:
            self.outcome.addItem(word(o), o)
        self.period = QComboBox()
        for text, key in (
            (self.tr("This month"), "month"),
            (self.tr("Last 3 months"), "quarter"),
            (self.tr("This year"), "year"),
            (self.tr("All dates"), "all"),
        ):
            self.period.addItem(text, key)
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.outcome)
        row.addWidget(self.period)
        row.addStretch(1)
        self.open_household_button = QPushButton(self.tr("Open household"))
        self.open_household_button.clicked.connect(self._open_inspection_household)
        row.addWidget(self.open_household_button)
        layout.addLayout(row)
        self.outcome.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        split = QSplitter(Qt.Orientation.Horizontal)
        self.inspection_model: RowsModel[InspectionRow] = RowsModel(
            INSPECTION_OFFICE_COLUMNS if self.office else INSPECTION_COLUMNS, self
        )
        self.inspection_table = table(self.inspection_model)
        self.inspection_table.selectionModel().currentRowChanged.connect(self._inspection_chosen)
        self.inspection_table.doubleClicked.connect(lambda _i: self._open_inspection_household())
        split.addWidget(self.inspection_table)
        self.inspection_view = InspectionView()
        split.addWidget(self.inspection_view)
        split.setSizes([620, 420])
        layout.addWidget(split, 1)
        self.tabs.addTab(w, self.tr("Inspections"))

    def _make_month_tab(self) -> None:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month:")))
        self.month = QDateEdit(QDate.currentDate())
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setMaximumDate(QDate.currentDate())
        self.month.dateChanged.connect(lambda _d: self.reload())
        row.addWidget(self.month)
        self.month_note = QLabel()
        self.month_note.setWordWrap(True)
        row.addWidget(self.month_note, 1)
        layout.addLayout(row)
        self.month_table = QTableWidget()
        self.month_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.month_table.setAlternatingRowColors(True)
        self.month_table.verticalHeader().setVisible(False)
        self.month_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.month_table)
        self.chart = BarChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        split.addWidget(chart_scroll)
        split.setSizes([160, 340])
        layout.addWidget(split, 1)
        self.tabs.addTab(w, self.tr("Month figures"))

    # -- filters ----------------------------------------------------------------------------------
    def _mg(self) -> str | None:
        if not self.office:
            return self.identity.micro_grid_id
        data = self.micro_grid.currentData()
        return str(data) if data else None

    def _load_places(self) -> None:
        mg = self._mg()

        def job(store: Store, _ctx: JobContext) -> tuple[list[tuple[str, str]], list[str]]:
            return queries.community_micro_grids(store), queries.estate_choices(store, mg)

        self.runner.run(job, self._places_loaded)

    def _places_loaded(self, result: tuple[list[tuple[str, str]], list[str]]) -> None:
        grids, estates = result
        _refill(self.micro_grid, [(name, gid) for gid, name in grids])
        _refill(self.estate, [(e, e) for e in estates])

    def _micro_grid_changed(self) -> None:
        mg = self._mg()

        def refill(estates: list[str]) -> None:
            _refill(self.estate, [(e, e) for e in estates])
            self._estate_changed()

        self.runner.run(lambda store, _ctx: queries.estate_choices(store, mg), refill)

    def _estate_changed(self) -> None:
        estate = self.estate.currentData()
        mg = self._mg()
        self.building.setEnabled(estate is not None)
        _refill(self.building, [])
        if estate is not None:
            self.runner.run(
                lambda store, _ctx: gas_queries.building_choices(store, str(estate), mg),
                lambda bs: _refill(self.building, [(b, b) for b in bs]),
            )
        self.reload()

    # -- loading ------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*GAS_KINDS, "household", "resident", "micro_grid"):
            if changes.touches("household", "micro_grid"):
                self._load_places()
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def reload(self) -> None:
        """Read the counts and the current tab again."""
        self._dirty = False
        self._generation += 1
        generation = self._generation
        tab = self.tabs.currentIndex()
        today = date.today()
        mg, estate, building = self._mg(), self.estate.currentData(), self.building.currentData()
        office_mg = mg if self.office else None

        def counts(store: Store, _ctx: JobContext) -> GasCounts:
            return gas_queries.gas_counts(store, today, office_mg)

        self.runner.run(counts, lambda c: self._counts_loaded(generation, c))
        if tab == HAZARDS:
            f = HazardFilter(
                view=str(self.hazard_view.currentData()),
                grade=self.grade.currentData(),
                micro_grid_id=office_mg,
                estate=estate,
                building=building,
            )
            self.runner.run(
                lambda store, _ctx: gas_queries.hazard_rows(store, f, today),
                lambda rows: self._hazards_loaded(generation, rows),
            )
        elif tab == DUE:
            self.runner.run(
                lambda store, _ctx: gas_queries.due_rows(
                    store, today, micro_grid_id=office_mg, estate=estate, building=building
                ),
                lambda rows: self._due_loaded(generation, rows),
            )
        elif tab == INSPECTIONS:
            since = self._since(today)
            fi = InspectionFilter(
                outcome=self.outcome.currentData(),
                micro_grid_id=office_mg,
                estate=estate,
                building=building,
                since=since,
            )
            self.runner.run(
                lambda store, _ctx: gas_queries.inspection_rows(store, fi),
                lambda rows: self._inspections_loaded(generation, rows),
            )
        else:
            d = self.month.date()
            month = f"{d.year():04}-{d.month():02}"
            wanted = [office_mg] if office_mg else None
            self.runner.run(
                lambda store, _ctx: gas_stats.month_stats(
                    store, month, today=today, micro_grid_ids=wanted
                ),
                lambda report: self._month_loaded(generation, report),
            )

    def _since(self, today: date) -> date | None:
        key = self.period.currentData()
        if key == "month":
            return today.replace(day=1)
        if key == "quarter":
            m = today.month - 2
            y = today.year + (m - 1) // 12
            return date(y, (m - 1) % 12 + 1, 1)
        if key == "year":
            return today.replace(month=1, day=1)
        return None

    def _counts_loaded(self, generation: int, c: GasCounts) -> None:
        if generation != self._generation:
            return
        self.counts = c
        self.chips["open"].setText(self.tr("Not closed {0}").format(c.open))
        self.chips["overdue"].setText(self.tr("Late {0}").format(c.overdue))
        self.chips["major"].setText(self.tr("Major {0}").format(c.major_open))
        self.chips["recheck"].setText(self.tr("To recheck {0}").format(c.awaiting_recheck))
        self.chips["refused"].setText(self.tr("Refuses {0}").format(c.refused))
        self.chips["escalated"].setText(self.tr("Escalated {0}").format(c.escalated))
        due = self.tr("Due for a check {0}").format(c.due)
        if c.retry:
            due += " " + self.tr("({0} not home)").format(c.retry)
        self.chips["due"].setText(due)
        self.counts_loaded.emit()

    def show_count(self, key: str) -> None:
        """A count was clicked: the list it counts."""
        if key == "due":
            self.tabs.setCurrentIndex(DUE)
            return
        view = {
            "open": "open",
            "overdue": "overdue",
            "recheck": FIXED,
            "refused": REFUSED_FIX,
            "escalated": ESCALATED,
        }
        self.grade.setCurrentIndex(self.grade.findData("重大") if key == "major" else 0)
        self.hazard_view.setCurrentIndex(self.hazard_view.findData(view.get(key, "open")))
        self.tabs.setCurrentIndex(HAZARDS)
        self.reload()

    def _hazards_loaded(self, generation: int, rows: list[HazardRow]) -> None:
        if generation != self._generation:
            return
        chosen = self.panel.hazard_id
        self.hazard_model.set_rows(rows)
        late = sum(1 for z in rows if z.overdue_days)
        self.hazard_count.setText(
            self.tr("%n hazard(s)", "", len(rows))
            + (" · " + self.tr("%n late", "", late) if late else "")
        )
        index = next((i for i, z in enumerate(rows) if z.id == chosen), 0 if rows else -1)
        if index >= 0:
            self.hazard_table.selectRow(index)
            if rows[index].id == chosen:
                self.panel.reload()
        else:
            self.panel.show_hazard(None)
        self.print_all.setEnabled(any(z.deadline for z in rows))
        self.refreshed.emit(HAZARDS)

    def _due_loaded(self, generation: int, rows: list[DueRow]) -> None:
        if generation != self._generation:
            return
        self.due_model.columns = due_columns(date.today(), self.office)
        self.due_model.set_rows(rows)
        if rows:
            self.due_table.selectRow(0)
        self.count_label.setText(self.tr("%n household(s) due", "", len(rows)))
        self.refreshed.emit(DUE)

    def _inspections_loaded(self, generation: int, rows: list[InspectionRow]) -> None:
        if generation != self._generation:
            return
        self.inspection_model.set_rows(rows)
        done = sum(1 for r in rows if r.outcome == DONE)
        self.count_label.setText(
            self.tr("%n inspection(s)", "", len(rows))
            + " · "
            + self.tr("{0} done, {1} not home or refused").format(done, len(rows) - done)
        )
        if rows:
            self.inspection_table.selectRow(0)
        else:
            self.inspection_view.show_detail(None)
        self.refreshed.emit(INSPECTIONS)

    def _month_loaded(self, generation: int, report: GasMonthReport) -> None:
        if generation != self._generation:
            return
        headers = [
            self.tr("Micro-grid"),
            self.tr("Due"),
            self.tr("Due and inspected"),
            self.tr("Households inspected"),
            word(ABSENT),
            self.tr("Refused entry"),
            *(self.tr("Found: {0}").format(word(g)) for g in GRADES),
            self.tr("Put right"),
            self.tr("Rechecked"),
            self.tr("Recheck failed"),
            self.tr("Late"),
            self.tr("Escalated"),
            self.tr("Not closed"),
        ]
        rows: list[tuple[str, GasMonth]] = [(r.label, r.figures) for r in report.rows]
        if len(report.rows) > 1:
            rows.append((self.tr("Total"), report.total))
        self.month_table.clear()
        self.month_table.setColumnCount(len(headers))
        self.month_table.setHorizontalHeaderLabels(headers)
        self.month_table.setRowCount(len(rows))
        for i, (label, g) in enumerate(rows):
            values = [
                g.due,
                g.inspected_of_due,
                g.inspected,
                g.absent,
                g.refused,
                *(g.found_of(gr) for gr in GRADES),
                g.rectified,
                g.rechecked,
                g.recheck_failed,
                g.overdue,
                g.escalated,
                g.open,
            ]
            self.month_table.setItem(i, 0, QTableWidgetItem(label))
            for j, v in enumerate(values, start=1):
                item = QTableWidgetItem(str(v))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.month_table.setItem(i, j, item)
        t = report.total
        share = f"{t.inspected_of_due * 100 // t.due}%" if t.due else "—"
        self.month_note.setText(
            self.tr(
                "{0}: {1} of {2} households due were inspected ({3}). Late and not closed as of {4}."
            ).format(report.month, t.inspected_of_due, t.due, share, report.as_of.isoformat())
        )
        checks, hazards = self.tr("Households"), self.tr("Hazards")
        self.chart.set_bars(
            [
                Bar(self.tr("Due"), t.due, "#9aa0a6", checks),
                Bar(self.tr("Inspected"), t.inspected, "#188038", checks),
                Bar(word(ABSENT), t.absent, "#b06000", checks),
                Bar(self.tr("Refused entry"), t.refused, "#c5221f", checks),
                *(
                    Bar(
                        self.tr("Found: {0}").format(word(g)),
                        t.found_of(g),
                        GRADE_COLOURS[g],
                        hazards,
                    )
                    for g in GRADES
                ),
                Bar(self.tr("Put right"), t.rectified, "#188038", hazards),
                Bar(self.tr("Rechecked"), t.rechecked, "#1a73e8", hazards),
                Bar(self.tr("Late"), t.overdue, OVERDUE, hazards),
                Bar(self.tr("Escalated"), t.escalated, STATUS_COLOURS[ESCALATED], hazards),
            ]
        )
        self.count_label.setText("")
        self.refreshed.emit(MONTH)

    # -- actions ------------------------------------------------------------------------------------
    def _hazard_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.hazard_model.row(current.row())
        if r is None:
            self.panel.show_hazard(None)
        elif r.id != self.panel.hazard_id:
            self.panel.show_hazard(r.id)

    def _inspection_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.inspection_model.row(current.row())
        if r is None:
            return
        iid = r.id
        self.runner.run(
            lambda store, _ctx: gas_queries.inspection_detail(store, iid),
            self.inspection_view.show_detail,
        )

    def _open_inspection_household(self) -> None:
        r = self.inspection_model.row(self.inspection_table.currentIndex().row())
        if r is not None:
            self.household_requested.emit(r.place.household_id)

    def _print_listed(self) -> None:
        ids = [z.id for z in self.hazard_model.rows if z.deadline is not None]
        if ids:
            self.notices_requested.emit(ids)

    def _inspect_due(self) -> None:
        r = self.due_model.row(self.due_table.currentIndex().row())
        if r is not None:
            self.inspect(r.place.household_id)

    def new_inspection(self) -> HouseholdPicker:
        picker = HouseholdPicker(self.runner, self)
        picker.chosen.connect(self.inspect)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picker = picker
        picker.open()
        return picker

    def inspect(self, household_id: str) -> InspectionDialog:
        dialog = InspectionDialog(self.runner, household_id, parent=self)
        dialog.open()
        self.inspection_opened.emit(dialog)
        return dialog

    def table_of(self, tab: int) -> QTableView:
        return {
            HAZARDS: self.hazard_table,
            DUE: self.due_table,
            INSPECTIONS: self.inspection_table,
        }[tab]
