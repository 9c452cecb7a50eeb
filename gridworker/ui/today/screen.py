"""今日工作: the day's work list — who must be visited and why, most urgent first.

One list of every registered kind of work (care colours, major events, needs past their
deadline, return visits; and the gas kinds when they come), with the counts per kind on
top as buttons that narrow the list to one kind. Enter or a double click opens the
right form, prefilled: a visit to the household for a care or event entry, the need
for a need, the visit form again for a follow-up. A date picker shows the list as of
another day, to plan the week (visits are counted as recorded so far).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.worklist import WORK_KINDS, WorkItem, counts, kind_label
from gridworker.store import queries
from gridworker.store.changes import Changes
from gridworker.store.store import Identity, Store
from gridworker.store.visits import record_kind
from gridworker.store.worklist_view import WorkRow, work_rows
from gridworker.ui.care.common import colour_icon, date_edit, to_date, to_qdate
from gridworker.ui.care.words import OVERDUE
from gridworker.ui.roster.delegates import ADDRESS_PARTS_ROLE, AddressDelegate
from gridworker.ui.widgets import scaled_font
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner, JobContext

CARE_KINDS = frozenset({"care_red_overdue", "care_red_due", "care_overdue", "care_due", "event"})
OWN_KINDS = CARE_KINDS | {"need_overdue", "revisit_due"}

_ModelIndex = QModelIndex | QPersistentModelIndex


class WorkModel(QAbstractTableModel):
    """The entries of the list (all loaded: a day's work is hundreds of lines at most)."""

    COLUMNS = ("kind", "address", "resident", "reason", "due", "late")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WorkRow] = []
        self.on = date.today()
        self.office = False

    def set_rows(self, rows: list[WorkRow], on: date) -> None:
        self.beginResetModel()
        self.rows = rows
        self.on = on
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section] == "late":
            return self.tr("Days overdue")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "kind": self.tr("What"),
            "address": self.tr("Address"),
            "resident": self.tr("Resident"),
            "reason": self.tr("Why"),
            "due": self.tr("Due"),
            "late": self.tr("Days late", "short column title: days overdue"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        item = row.item
        key = self.COLUMNS[index.column()]
        late = item.days_overdue(self.on)
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if key == "kind":
                return display(kind_label(item.kind))
            if key == "address":
                text = row.address
                if self.office and row.micro_grid:
                    text += f"（{row.micro_grid}）"
                return text
            if key == "resident":
                return row.resident or row.head_name
            if key == "reason":
                return display(item.reason)
            if key == "due":
                return item.due.isoformat()
            if key == "late":
                return str(late) if late else ""
        if role == ADDRESS_PARTS_ROLE and key == "address":
            rest = f"{row.building}{row.unit}{row.room}"
            if self.office and row.micro_grid:
                rest += f"（{row.micro_grid}）"
            return (row.estate, rest)
        if role == Qt.ItemDataRole.DecorationRole and key == "kind":
            return colour_icon(item.colour)
        if role == Qt.ItemDataRole.ForegroundRole and key in ("late", "due") and late:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "late":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def item(self, row: int) -> WorkRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class TodayScreen(QWidget):
    """The 今日工作 screen."""

    loaded = Signal(int)  # entries listed
    household_requested = Signal(str)  # open a household's page (an entry of another kind)
    print_requested = Signal(object)  # the week of this day: print its route

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self._generation = 0
        self._following_today = True
        self._today = date.today()
        self._all: list[WorkRow] = []
        self._kind: str | None = None
        self.count_texts: dict[str, int] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Today's work"))
        self.title.setObjectName("screenTitle")
        scaled_font(self.title, 1.4, bold=True)  # follows 大字 at once
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("As of:")))
        self.day = date_edit()
        self.day.setToolTip(self.tr("Show the list as of another day, to plan the week"))
        top.addWidget(self.day)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.go_today)
        top.addWidget(self.today_button)
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(identity.role == "office")
        top.addWidget(self.micro_grid)
        self.print_button = QPushButton(self.tr("Print the week…"))
        self.print_button.setToolTip(self.tr("This week's route with every household due"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.on()))
        top.addWidget(self.print_button)
        layout.addLayout(top)

        # The counts per kind: links that narrow the list to one kind (a label that wraps,
        # so the English names with large text never widen the window).
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.linkActivated.connect(lambda key: self.show_kind(None if key == "*" else key))
        layout.addWidget(self.counts)

        self.model = WorkModel(self)
        self.model.office = identity.role == "office"
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            WorkModel.COLUMNS.index("reason"), QHeaderView.ResizeMode.Stretch
        )
        self.address_delegate = AddressDelegate(self.table)
        self.table.setItemDelegateForColumn(
            WorkModel.COLUMNS.index("address"), self.address_delegate
        )
        self.table.doubleClicked.connect(lambda index: self.open_entry(index.row()))
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)
        layout.addWidget(self.empty, 1)
        hint = QLabel(
            self.tr("Enter or a double click opens the form for the entry, filled in for it.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.day.dateChanged.connect(self._day_changed)
        self.micro_grid.currentIndexChanged.connect(lambda _i: self._show())
        runner.changed.connect(self._data_changed)
        if identity.role == "office":
            runner.run(lambda store, _ctx: queries.community_micro_grids(store), self._grids_loaded)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def on(self) -> date:
        return to_date(self.day.date())

    def set_day(self, day: date) -> None:
        self.day.setDate(to_qdate(day))

    def go_today(self) -> None:
        self._following_today = True
        self.set_day(date.today())
        self.reload()

    def _day_changed(self) -> None:
        self._following_today = self.on() == date.today()
        self.reload()

    def _grids_loaded(self, grids: list[tuple[str, str]]) -> None:
        for gid, name in grids:
            self.micro_grid.addItem(name, gid)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        on = self.on()

        def job(store: Store, _ctx: JobContext) -> list[WorkRow]:
            return work_rows(store, on)

        self.runner.run(job, lambda rows: self._loaded(generation, on, rows))

    def _loaded(self, generation: int, on: date, rows: list[WorkRow]) -> None:
        if generation != self._generation:
            return
        self._all = rows
        self._on = on
        self._show()

    def _show(self) -> None:
        grid = self.micro_grid.currentData()
        rows = [r for r in self._all if grid is None or r.micro_grid_id == grid]
        self._fill_counts(rows)
        shown = [r for r in rows if self._kind is None or r.item.kind == self._kind]
        self.model.set_rows(shown, getattr(self, "_on", self.on()))
        nothing = not shown
        self.table.setVisible(not nothing)
        self._fit_columns()
        self.empty.setVisible(nothing)
        if nothing:
            self.empty.setText(self.tr("Nothing is due on {0}.").format(self.on().isoformat()))
        elif self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        self.loaded.emit(len(shown))

    def _fit_columns(self) -> None:
        """Short columns as wide as their contents and titles; the kind, the address and
        the resident capped, so the reason (what the worker reads first) keeps a good
        part of the row even in English with large text. Cut texts are in the tooltip."""
        if not self.table.isVisible():
            return  # measured when shown
        header = self.table.horizontalHeader()
        viewport = self.table.viewport().width()
        caps = {"kind": 0.2, "address": 0.26, "resident": 0.13}
        for col, key in enumerate(WorkModel.COLUMNS):
            if key == "reason":
                continue
            if key == "address":  # the delegate's hint is of the shortened text
                fm = self.table.fontMetrics()
                rows = range(min(self.model.rowCount(), 300))
                texts = (str(self.model.data(self.model.index(r, col))) for r in rows)
                hint = max((fm.horizontalAdvance(t) for t in texts), default=0) + 16
            else:
                hint = self.table.sizeHintForColumn(col)
            want = max(hint, header.sectionSizeHint(col)) + 4
            cap = caps.get(key)
            if cap is not None:
                want = min(want, max(int(viewport * cap), header.sectionSizeHint(col)))
            header.resizeSection(col, want)

    def _fill_counts(self, rows: list[WorkRow]) -> None:
        tally = counts(r.item for r in rows)
        if self._kind not in tally:
            self._kind = None
        kinds = [k for k in WORK_KINDS if k in tally] + [k for k in tally if k not in WORK_KINDS]
        parts = [self._count_link("*", self.tr("All {0}").format(len(rows)), self._kind is None)]
        for kind in kinds:
            text = f"{display(kind_label(kind))} {tally[kind]}"
            parts.append(self._count_link(kind, text, kind == self._kind))
        self.counts.setText(" \u00a0·\u00a0 ".join(parts))
        self.count_texts = {k: tally[k] for k in kinds}

    def _count_link(self, key: str, text: str, chosen: bool) -> str:
        urgent = key in ("care_red_overdue", "event")
        colour = OVERDUE.name() if urgent else self.palette().link().color().name()
        style = f"color:{colour};" + ("font-weight:bold;" if urgent or chosen else "")
        style += "text-decoration:none;" if not chosen else ""
        shown = html.escape(text).replace(" ", "\u00a0")  # a kind's name on one line
        if chosen:
            shown = f"[{shown}]"
        return f'<a href="{key}" style="{style}">{shown}</a>'

    def show_kind(self, kind: str | None) -> None:
        """Narrow the list to one kind of entry (None: every kind)."""
        self._kind = None if kind == self._kind else kind
        self._show()

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # the rows measured as shown
        if self._following_today and self.on() != date.today():
            self.set_day(date.today())  # the app stayed open overnight
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize and self.model.rowCount():
            QTimer.singleShot(0, self._fit_columns)  # once the viewport has its new size
        elif (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_entry(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    # -- opening the right form ---------------------------------------------------------------
    def open_entry(self, row: int) -> None:
        entry = self.model.item(row)
        if entry is None:
            return
        item = entry.item
        if item.kind in CARE_KINDS:
            self.open_visit(item)
        elif item.kind == "need_overdue" and item.record_id:
            self.open_need(item.record_id)
        elif item.kind == "revisit_due" and item.record_id:
            rid = item.record_id
            self.runner.run(
                lambda store, _ctx: record_kind(store, rid),
                lambda kind: self._open_revisit(item, kind),
            )
        else:
            self.household_requested.emit(item.household_id)

    def _open_revisit(self, item: WorkItem, kind: str | None) -> None:
        if kind == "need" and item.record_id:
            self.open_need(item.record_id, step="revisit")
        else:
            self.open_visit(item)

    def open_visit(self, item: WorkItem) -> None:
        from gridworker.ui.visits.visit_dialog import VisitDialog, VisitPrefill

        purposes = ("关爱探访",) if item.kind in CARE_KINDS else ("日常走访",)
        prefill = VisitPrefill(purposes=purposes)
        dialog = VisitDialog(self.runner, self.identity, item.household_id, prefill, self)
        dialog.open()
        self.last_dialog: QWidget = dialog

    def open_need(self, need_id: str, step: str | None = None) -> None:
        from gridworker.ui.visits.need_dialogs import NeedDialog

        dialog = NeedDialog(self.runner, self.identity, need_id, self)
        dialog.open()
        self.last_dialog = dialog
        if step is not None:
            dialog.changed.connect(lambda: self._then_step(dialog, step))

    def _then_step(self, dialog: QWidget, step: str) -> None:
        from gridworker.ui.visits.need_dialogs import ALLOWED, NeedDialog

        if isinstance(dialog, NeedDialog) and dialog.row is not None:
            dialog.changed.disconnect()
            if step in ALLOWED.get(dialog.row.status, ()):
                dialog.take_step(step)
