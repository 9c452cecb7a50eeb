"""三色关爱: every flagged resident, and the month at a glance.

The list holds each living flagged resident with their colour, categories, reason, last
counting visit, next due date and days overdue; it sorts by any column and filters by
colour (and micro-grid at the office). Sensitive categories and reasons (PIPL Art. 28)
are hidden until the person asks to see them. From here a flag is set or changed, a
major event recorded, a visit started or the household opened.

The month tab shows, for each colour, the share of flagged residents within their
interval, the visits by method and the needs' figures, as bars (QPainter; no QtCharts).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.care_policy import COLOURS, VISIT_METHODS
from gridworker.core.people import is_sensitive_tag
from gridworker.store import care, queries
from gridworker.store.care import FlagRow
from gridworker.store.care_month import MonthCare, month_care
from gridworker.store.changes import Changes
from gridworker.store.store import Identity, Store
from gridworker.ui.care.chart import Bar, BarChart
from gridworker.ui.care.common import colour_icon
from gridworker.ui.care.words import COLOURS as PAINT
from gridworker.ui.care.words import OVERDUE, colour_text, method_text
from gridworker.ui.widgets import scaled_font
from gridworker.ui.wording import vocab_items
from gridworker.ui.worker import DbRunner, JobContext

_ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RANK = {c: i for i, c in enumerate(COLOURS)}


class FlagModel(QAbstractTableModel):
    """The flagged residents; sensitive details shown only when asked."""

    COLUMNS = (
        "colour",
        "name",
        "address",
        "micro_grid",
        "categories",
        "reason",
        "last",
        "due",
        "late",
        "review",
    )

    def __init__(self, office: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FlagRow] = []
        self.today = date.today()
        self.show_sensitive = False
        self.columns = [c for c in self.COLUMNS if office or c != "micro_grid"]

    def set_rows(self, rows: list[FlagRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.today = date.today()
        self.endResetModel()

    def set_show_sensitive(self, on: bool) -> None:
        self.beginResetModel()
        self.show_sensitive = on
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "colour": self.tr("Colour"),
            "name": self.tr("Name"),
            "address": self.tr("Address"),
            "micro_grid": self.tr("Micro-grid"),
            "categories": self.tr("Categories"),
            "reason": self.tr("Reason"),
            "last": self.tr("Last visit"),
            "due": self.tr("Next due"),
            "late": self.tr("Days late"),
            "review": self.tr("Review on"),
        }[self.columns[section]]

    def categories(self, r: FlagRow) -> str:
        shown = [t for t in r.categories if self.show_sensitive or not is_sensitive_tag(t)]
        hidden = len(r.categories) - len(shown)
        text = vocab_items("tags", shown)
        if hidden:
            more = self.tr("+%n sensitive", "", hidden)
            text = f"{text} {more}" if text else more
        return text

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = self.columns[index.column()]
        late = r.days_overdue(self.today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "colour":
                return colour_text(r.colour)
            if key == "name":
                return r.name
            if key == "address":
                return r.address
            if key == "micro_grid":
                return r.micro_grid
            if key == "categories":
                return self.categories(r)
            if key == "reason":
                if not self.show_sensitive:
                    return self.tr("(hidden)") if r.reason else ""
                return r.reason
            if key == "last":
                return r.last_counting.isoformat() if r.last_counting else self.tr("none yet")
            if key == "due":
                return r.due.isoformat() if r.due else ""
            if key == "late":
                return str(late) if late else ""
            if key == "review":
                return r.review_on.isoformat() if r.review_on else ""
        if role == Qt.ItemDataRole.DecorationRole and key == "colour":
            return colour_icon(r.colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("late", "due") and late:
                return QBrush(OVERDUE)
            if key == "review" and r.review_on and r.review_on < self.today:
                return QBrush(OVERDUE)
        if role == SORT_ROLE:
            return {
                "colour": _RANK.get(r.colour, 9),
                "last": r.last_counting.isoformat() if r.last_counting else "",
                "due": r.due.isoformat() if r.due else "9999",
                "late": late,
            }.get(key, self.data(index, Qt.ItemDataRole.DisplayRole))
        return None

    def flag(self, row: int) -> FlagRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.colour: str | None = None
        self.overdue_only = False
        self.micro_grid: str | None = None

    def filterAcceptsRow(self, source_row: int, _parent: _ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FlagModel)
        r = model.rows[source_row]
        if self.colour and r.colour != self.colour:
            return False
        if self.overdue_only and not r.days_overdue(model.today):
            return False
        return not (self.micro_grid and r.micro_grid != self.micro_grid)

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()


class FlagsTab(QWidget):
    loaded = Signal(int)
    household_requested = Signal(str)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        office = identity.role == "office"
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.colour = QComboBox()
        self.colour.addItem(self.tr("Every colour"), None)
        for c in COLOURS:
            self.colour.addItem(colour_icon(c), colour_text(c), c)
        self.overdue = QCheckBox(self.tr("Only overdue"))
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(office)
        self.sensitive = QCheckBox(self.tr("Show sensitive details"))
        self.sensitive.setToolTip(
            self.tr(
                "Illness, disability, minimum living allowance (dibao), mental disorder, community correction and the "
                "reasons are sensitive personal information (PIPL Art. 28): shown only when needed."
            )
        )
        for w in (self.colour, self.overdue, self.micro_grid, self.sensitive):
            top.addWidget(w)
        top.addStretch(1)
        self.summary = QLabel()
        top.addWidget(self.summary)
        layout.addLayout(top)

        self.model = FlagModel(office, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.columns.index("due"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The categories take what is left (elided, whole in the tooltip) so the dates stay
        # in view with large text; the reason, when shown, has a width of its own.
        header.setSectionResizeMode(
            self.model.columns.index("categories"), QHeaderView.ResizeMode.Stretch
        )
        reason = self.model.columns.index("reason")
        header.setSectionResizeMode(reason, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(reason, self.fontMetrics().horizontalAdvance("网") * 14)
        self.table.doubleClicked.connect(lambda _i: self.set_flag())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.flag_button = QPushButton(self.tr("Set colour…"))
        self.flag_button.clicked.connect(self.set_flag)
        self.event_button = QPushButton(self.tr("Major event…"))
        self.event_button.clicked.connect(self.record_event)
        self.visit_button = QPushButton(self.tr("Record a visit…"))
        self.visit_button.clicked.connect(self.record_visit)
        self.household_button = QPushButton(self.tr("Open household"))
        self.household_button.clicked.connect(self.open_household)
        for b in (self.flag_button, self.event_button, self.visit_button, self.household_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel(
            self.tr(
                "To flag someone new, open their household and use “Care colour…” on the member."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.colour.currentIndexChanged.connect(self._refilter)
        self.overdue.toggled.connect(self._refilter)
        self.micro_grid.currentIndexChanged.connect(self._refilter)
        self.sensitive.toggled.connect(self._show_sensitive)
        self._show_sensitive(False)

    def _show_sensitive(self, on: bool) -> None:
        """Sensitive categories and the reasons only when asked for (PIPL Art. 28)."""
        self.model.set_show_sensitive(on)
        self.table.setColumnHidden(self.model.columns.index("reason"), not on)

    def reload(self) -> None:
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None
        self.runner.run(lambda store, _ctx: care.flag_rows(store, mine), self._loaded)

    def _loaded(self, rows: list[FlagRow]) -> None:
        self.model.set_rows(rows)
        self._refilter()

    def _refilter(self) -> None:
        self.proxy.colour = self.colour.currentData()
        self.proxy.overdue_only = self.overdue.isChecked()
        grid = self.micro_grid.currentData()
        self.proxy.micro_grid = self.micro_grid.currentText() if grid else None
        self.proxy.refilter()
        rows = self.model.rows
        today = self.model.today
        parts = [f"{colour_text(c)} {sum(1 for r in rows if r.colour == c)}" for c in COLOURS]
        late = sum(1 for r in rows if r.days_overdue(today))
        parts.append(self.tr("overdue {0}").format(late))
        self.summary.setText(" · ".join(parts))
        self.loaded.emit(self.proxy.rowCount())

    def selected(self) -> FlagRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.flag(self.proxy.mapToSource(index).row())

    def set_flag(self) -> None:
        r = self.selected()
        if r is None:
            return
        from gridworker.ui.care.flag_dialog import FlagDialog

        FlagDialog(self.runner, r.resident_id, self).open()

    def record_event(self) -> None:
        r = self.selected()
        if r is None:
            return
        from gridworker.ui.care.flag_dialog import EventDialog

        EventDialog(self.runner, r.resident_id, r.name, self).open()

    def record_visit(self) -> None:
        r = self.selected()
        if r is None:
            return
        from gridworker.ui.visits.visit_dialog import VisitDialog, VisitPrefill

        prefill = VisitPrefill(purposes=("关爱探访",))
        VisitDialog(self.runner, self.identity, r.household_id, prefill, self).open()

    def open_household(self) -> None:
        r = self.selected()
        if r is not None:
            self.household_requested.emit(r.household_id)


class MonthTab(QWidget):
    """The month's care coverage, visits and needs, as bars."""

    loaded = Signal()

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.figures: MonthCare | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.month = QDateEdit(QDate.currentDate())
        self.month.setDisplayFormat("yyyy-MM")
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(identity.role == "office")
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month)
        top.addWidget(self.micro_grid)
        top.addStretch(1)
        layout.addLayout(top)
        body = QWidget()
        charts = QVBoxLayout(body)
        self.coverage = BarChart()
        self.methods = BarChart()
        self.needs = BarChart()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        for w in (self.coverage, self.methods, self.needs):
            charts.addWidget(w)
            charts.addSpacing(10)
        charts.addWidget(self.note)
        charts.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.micro_grid.currentIndexChanged.connect(lambda _i: self.reload())

    def reload(self) -> None:
        d = self.month.date()
        month = f"{d.year():04}-{d.month():02}"
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None
        mg = mine or self.micro_grid.currentData()

        def job(store: Store, _ctx: JobContext) -> MonthCare:
            total = MonthCare()
            for f in month_care(store, month, micro_grid_id=mg).values():
                total.add(f)
            return total

        self.runner.run(job, self._loaded)

    def _loaded(self, f: MonthCare) -> None:
        self.figures = f
        self.coverage.set_bars(
            [
                Bar(
                    colour_text(c),
                    f.covered[c],
                    PAINT[c],
                    whole=f.flagged[c],
                    text=self.tr("{0} of {1} ({2})").format(
                        f.covered[c], f.flagged[c], _pct(f.covered[c], f.flagged[c])
                    ),
                )
                for c in COLOURS
            ],
            self.tr("Flagged residents visited within their interval"),
        )
        blue = QColor("#3d6d99")
        self.methods.set_bars(
            [
                Bar(method_text(m), f.by_method.get(m, 0), OVERDUE if m == "到访不遇" else blue)
                for m in VISIT_METHODS
            ],
            self.tr("Visits by method: {0} visits, {1} households").format(
                f.visits, f.households_visited
            ),
        )
        self.needs.set_bars(
            [
                Bar(self.tr("Raised this month"), f.raised, blue),
                Bar(self.tr("Solved on the spot"), f.solved_on_spot, PAINT["green"]),
                Bar(self.tr("Passed up"), f.passed_up, PAINT["yellow"]),
                Bar(self.tr("Answered"), f.answered, QColor("#2e7d6b")),
                Bar(self.tr("Past the deadline"), f.overdue, OVERDUE),
            ],
            self.tr("Needs"),
        )
        self.note.setText(
            self.tr(
                "Within the interval: the last counting visit up to the end of the month (or "
                "today) is within the colour's interval. Answered: solved on the spot or fed back."
            )
        )
        self.loaded.emit()


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


class CareScreen(QWidget):
    """The 三色关爱 screen."""

    household_requested = Signal(str)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel(self.tr("Three-colour care"))
        title.setObjectName("screenTitle")
        scaled_font(title, 1.4, bold=True)  # follows 大字 at once
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.flags = FlagsTab(runner, identity)
        self.month = MonthTab(runner, identity)
        self.tabs.addTab(self.flags, self.tr("Flagged residents"))
        self.tabs.addTab(self.month, self.tr("This month"))
        layout.addWidget(self.tabs, 1)
        self.flags.household_requested.connect(self.household_requested)
        runner.changed.connect(self._data_changed)
        if identity.role == "office":
            runner.run(lambda store, _ctx: queries.community_micro_grids(store), self._grids)
        self.flags.reload()
        self.month.reload()

    def _grids(self, grids: list[tuple[str, str]]) -> None:
        for combo in (self.flags.micro_grid, self.month.micro_grid):
            for gid, name in grids:
                combo.addItem(name, gid)

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches("care_flag", "care_event", "visit", "resident", "household", "policy"):
            self.flags.reload()
        if changes.touches("care_flag", "visit", "need", "resident", "household", "policy"):
            self.month.reload()
