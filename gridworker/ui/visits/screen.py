"""走访记录: every visit, filterable, with a detail pane; and every need, with its loop.

Two tabs. Visits: by date range, method, purpose and (office) micro-grid, newest first;
the selected visit's full record beside the list. Needs: open, past their deadline,
waiting for a return visit, or all; the selected need's steps beside the list, and its
next step one button away. New visits and needs start from a household search.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.care_policy import VISIT_METHODS
from gridworker.core.visits import PURPOSES
from gridworker.store import needs, queries, visits
from gridworker.store.changes import Changes
from gridworker.store.needs import NeedFilter, NeedRow
from gridworker.store.store import Identity, Store
from gridworker.store.visits import HouseholdChoice, VisitDetail, VisitFilter, VisitRow
from gridworker.ui.care.common import date_edit, to_date
from gridworker.ui.care.words import (
    OVERDUE,
    category_text,
    method_text,
    purpose_text,
    status_text,
)
from gridworker.ui.widgets import inform, scaled_font
from gridworker.ui.wording import join_items
from gridworker.ui.worker import DbRunner, JobContext

ID_ROLE = Qt.ItemDataRole.UserRole


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HouseholdPicker(QDialog):
    """Find the household a new visit or need belongs to: type a name, pinyin or address."""

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.chosen: str | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Choose a household"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 32)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Name, pinyin initials, address, last digits of ID or phone")
        )
        self.search.textChanged.connect(self._find)
        self.search.returnPressed.connect(self._take_first)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._take)
        layout.addWidget(self.results, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _find(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        mg = self.identity.micro_grid_id if self.identity.role == "worker" else None
        self.runner.run(
            lambda store, _ctx: visits.household_choices(store, text, mg),
            lambda found: self._found(generation, found),
        )

    def _found(self, generation: int, found: list[HouseholdChoice]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for h in found:
            item = QListWidgetItem(f"{h.address}　{h.people}")
            item.setData(ID_ROLE, h.id)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def _take_first(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._take(item)

    def _take(self, item: QListWidgetItem) -> None:
        self.chosen = str(item.data(ID_ROLE))
        self.accept()


class VisitsTab(QWidget):
    """The visit log with its filters and the selected visit's detail."""

    loaded = Signal(int)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self._generation = 0
        self.rows: list[VisitRow] = []
        office = identity.role == "office"
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        today = date.today()
        self.start = date_edit(today - timedelta(days=90))
        self.end = date_edit(today)
        self.method = QComboBox()
        self.method.addItem(self.tr("Any method"), None)
        for m in VISIT_METHODS:
            self.method.addItem(method_text(m), m)
        self.purpose = QComboBox()
        self.purpose.addItem(self.tr("Any purpose"), None)
        for p in PURPOSES:
            self.purpose.addItem(purpose_text(p), p)
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(office)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.start)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.end)
        for w in (self.method, self.purpose, self.micro_grid):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(10)
            filters.addWidget(w)
        filters.addStretch(1)
        layout.addLayout(filters)
        below = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New visit…"))
        self.new_button.clicked.connect(self.new_visit)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setToolTip(self.tr("The selected visit was entered by mistake"))
        self.void_button.clicked.connect(self.void_selected)
        self.count = QLabel()
        below.addWidget(self.new_button)
        below.addWidget(self.void_button)
        below.addStretch(1)
        below.addWidget(self.count)

        split = QSplitter()
        self.table = QTreeWidget()
        heads = [
            self.tr("Date"),
            self.tr("Address"),
            self.tr("Method"),
            self.tr("Purposes"),
            self.tr("Met"),
        ]
        if office:
            heads.insert(2, self.tr("Micro-grid"))
        self.table.setHeaderLabels(heads)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.currentItemChanged.connect(lambda cur, _prev: self._selected(cur))
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        layout.addLayout(below)

        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.reload())
        for combo in (self.method, self.purpose, self.micro_grid):
            combo.currentIndexChanged.connect(lambda _i: self.reload())

    def current_filter(self) -> VisitFilter:
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None
        return VisitFilter(
            start=to_date(self.start.date()),
            end=to_date(self.end.date()),
            method=self.method.currentData(),
            purpose=self.purpose.currentData(),
            micro_grid_id=mine or self.micro_grid.currentData(),
        )

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        f = self.current_filter()
        self.runner.run(
            lambda store, _ctx: visits.visit_list(store, f),
            lambda rows: self._loaded(generation, rows),
        )

    def _loaded(self, generation: int, rows: list[VisitRow]) -> None:
        if generation != self._generation:
            return
        current = self.selected_id()
        self.rows = rows
        self.table.clear()
        office = self.identity.role == "office"
        keep = None
        for r in rows:
            when = r.visited_on.isoformat() + (f" {r.visit_time}" if r.visit_time else "")
            cells = [
                when,
                r.address,
                method_text(r.method),
                join_items(purpose_text(p) for p in r.purposes),
                join_items(r.met),
            ]
            if office:
                cells.insert(2, r.micro_grid)
            item = QTreeWidgetItem(cells)
            item.setData(0, ID_ROLE, r.id)
            if r.method == "到访不遇":
                item.setForeground(3 if office else 2, QBrush(OVERDUE))
            self.table.addTopLevelItem(item)
            if r.id == current:
                keep = item
        self.count.setText(self.tr("{0} visits").format(len(rows)))
        if keep is not None:
            self.table.setCurrentItem(keep)
        elif (first := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(first)
        else:
            nothing = self.tr("No visits in this range.")
            self.detail.setHtml(f"<p>{nothing}</p>")
        self.loaded.emit(len(rows))

    def selected_id(self) -> str | None:
        item = self.table.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def _selected(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        vid = str(item.data(0, ID_ROLE))
        self.runner.run(lambda store, _ctx: visits.visit_detail(store, vid), self._show_detail)

    def _show_detail(self, d: VisitDetail | None) -> None:
        if d is None:
            self.detail.clear()
            return
        r = d.row
        rows = [
            (self.tr("Household"), r.address),
            (
                self.tr("Date"),
                r.visited_on.isoformat() + (f" {r.visit_time}" if r.visit_time else ""),
            ),
            (self.tr("Method"), method_text(r.method)),
            (self.tr("Purposes"), join_items(purpose_text(p) for p in r.purposes)),
            (self.tr("Met"), join_items(r.met) or self.tr("nobody")),
            (self.tr("Visited by"), join_items(r.visitors)),
            (self.tr("Blood pressure"), d.blood_pressure),
            (self.tr("Return visit on"), r.follow_up_on.isoformat() if r.follow_up_on else ""),
            (self.tr("Recorded by"), d.recorded_by),
        ]
        html = "<table cellspacing=4>" + "".join(
            f"<tr><td><b>{_html(k)}</b></td><td>{_html(v)}</td></tr>" for k, v in rows if v
        )
        html += "</table>"
        situation = self.tr("Situation")
        raised = self.tr("Needs raised")
        if r.situation:
            html += f"<h4>{_html(situation)}</h4><p>{_html(r.situation)}</p>"
        if d.needs:
            html += f"<h4>{_html(raised)}</h4><ul>"
            html += "".join(
                f"<li>{_html(text)}（{_html(status_text(status))}）</li>"
                for _i, text, status in d.needs
            )
            html += "</ul>"
        self.detail.setHtml(html)

    def new_visit(self) -> None:
        picker = HouseholdPicker(self.runner, self.identity, self)
        picker.accepted.connect(lambda: self._open_form(picker.chosen))
        picker.open()

    def _open_form(self, household_id: str | None) -> None:
        if not household_id:
            return
        from gridworker.ui.visits.visit_dialog import VisitDialog

        dialog = VisitDialog(self.runner, self.identity, household_id, parent=self)
        dialog.open()

    def void_selected(self) -> None:
        vid = self.selected_id()
        if vid is None:
            inform(self, self.tr("Void"), self.tr("Select a visit first."))
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Void this visit"), self.tr("Why is it void (entered by mistake)?")
        )
        if not ok:
            return
        self.runner.run(
            lambda store, _ctx: visits.void_visit(store, vid, reason),
            None,
            self._void_failed,
        )

    def _void_failed(self, message: str) -> None:
        inform(self, self.tr("Void this visit"), message, warning=True)


class NeedsTab(QWidget):
    """Every need with where it stands; the selected one's next step one button away."""

    loaded = Signal(int)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self._generation = 0
        self.rows: list[NeedRow] = []
        office = identity.role == "office"
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.which = QComboBox()
        self.which.addItem(self.tr("Open"), "open")
        self.which.addItem(self.tr("Past their deadline"), "overdue")
        self.which.addItem(self.tr("Waiting for a return visit"), "revisit")
        self.which.addItem(self.tr("All"), "all")
        self.micro_grid = QComboBox()
        self.micro_grid.addItem(self.tr("All micro-grids"), None)
        self.micro_grid.setVisible(office)
        filters.addWidget(self.which)
        filters.addWidget(self.micro_grid)
        filters.addStretch(1)
        self.count = QLabel()
        filters.addWidget(self.count)
        self.new_button = QPushButton(self.tr("New need…"))
        self.new_button.clicked.connect(self.new_need)
        self.open_button = QPushButton(self.tr("Open / next step…"))
        self.open_button.clicked.connect(self.open_selected)
        filters.addWidget(self.new_button)
        filters.addWidget(self.open_button)
        layout.addLayout(filters)
        self.table = QTreeWidget()
        heads = [
            self.tr("Raised"),
            self.tr("Address"),
            self.tr("Need"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Owner"),
            self.tr("Deadline"),
        ]
        self.table.setHeaderLabels(heads)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(False)
        self.table.itemActivated.connect(lambda _i, _c: self.open_selected())
        layout.addWidget(self.table, 1)
        self.which.currentIndexChanged.connect(lambda _i: self.reload())
        self.micro_grid.currentIndexChanged.connect(lambda _i: self.reload())

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        which = self.which.currentData()
        mine = self.identity.micro_grid_id if self.identity.role == "worker" else None
        mg = mine or self.micro_grid.currentData()
        today = date.today()

        def job(store: Store, _ctx: JobContext) -> list[NeedRow]:
            f = NeedFilter(
                open_only=which == "open",
                overdue_on=today if which == "overdue" else None,
                micro_grid_id=mg,
            )
            rows = needs.need_rows(store, f)
            if which == "revisit":
                rows = [r for r in rows if r.steps.revisit_due() is not None]
            return rows

        self.runner.run(job, lambda rows: self._loaded(generation, rows))

    def _loaded(self, generation: int, rows: list[NeedRow]) -> None:
        if generation != self._generation:
            return
        self.rows = rows
        self.table.clear()
        today = date.today()
        for r in rows:
            deadline = r.steps.deadline.isoformat() if r.steps.deadline else ""
            address = r.address + (f"（{r.micro_grid}）" if self.identity.role == "office" else "")
            item = QTreeWidgetItem(
                [
                    r.raised_on.isoformat() if r.raised_on else "",
                    address,
                    r.text,
                    category_text(r.category),
                    status_text(r.status),
                    r.owner,
                    deadline,
                ]
            )
            item.setToolTip(2, r.text)
            item.setData(0, ID_ROLE, r.id)
            if r.steps.is_overdue(today):
                for col in (4, 6):
                    item.setForeground(col, QBrush(OVERDUE))
                item.setToolTip(
                    6, self.tr("{0} days past the deadline").format(r.steps.days_overdue(today))
                )
            self.table.addTopLevelItem(item)
        self.count.setText(self.tr("{0} needs").format(len(rows)))
        if (first := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(first)
        self.loaded.emit(len(rows))

    def selected_id(self) -> str | None:
        item = self.table.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def open_selected(self) -> None:
        nid = self.selected_id()
        if nid is None:
            return
        from gridworker.ui.visits.need_dialogs import NeedDialog

        dialog = NeedDialog(self.runner, self.identity, nid, self)
        dialog.open()

    def new_need(self) -> None:
        picker = HouseholdPicker(self.runner, self.identity, self)
        picker.accepted.connect(lambda: self._open_form(picker.chosen))
        picker.open()

    def _open_form(self, household_id: str | None) -> None:
        if not household_id:
            return
        from gridworker.ui.visits.need_dialogs import NewNeedDialog

        NewNeedDialog(self.runner, self.identity, household_id, self).open()


class VisitsScreen(QWidget):
    """The 走访记录 screen: visits and needs."""

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel(self.tr("Visits and needs"))
        title.setObjectName("screenTitle")
        scaled_font(title, 1.4, bold=True)  # follows 大字 at once
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.visits = VisitsTab(runner, identity)
        self.needs = NeedsTab(runner, identity)
        self.tabs.addTab(self.visits, self.tr("Visits"))
        self.tabs.addTab(self.needs, self.tr("Needs"))
        layout.addWidget(self.tabs, 1)
        runner.changed.connect(self._data_changed)
        if identity.role == "office":
            runner.run(lambda store, _ctx: queries.community_micro_grids(store), self._grids)
        self.visits.reload()
        self.needs.reload()

    def _grids(self, grids: list[tuple[str, str]]) -> None:
        for combo in (self.visits.micro_grid, self.needs.micro_grid):
            for gid, name in grids:
                combo.addItem(name, gid)

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches("visit", "household", "resident", "need"):
            self.visits.reload()
        if changes.touches("need", "household", "resident"):
            self.needs.reload()
