"""The household page's 走访记录 and 诉求 tabs: this household's visits and needs, with the
buttons that record a new one (the page hands them its household)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.store import needs, visits
from gridworker.store.changes import Changes
from gridworker.store.needs import NeedRow
from gridworker.store.store import Identity
from gridworker.store.visits import VisitRow
from gridworker.ui.care.words import OVERDUE, category_text, method_text, purpose_text, status_text
from gridworker.ui.wording import join_items
from gridworker.ui.worker import DbRunner

ID_ROLE = Qt.ItemDataRole.UserRole


class _Tab(QWidget):
    """A list of one household's records with a button row above it."""

    counted = Signal(int)

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.household_id: str | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        layout.addWidget(self.list, 1)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None


class HouseholdVisitsTab(_Tab):
    """走访记录 of one household, newest first; double-click shows it whole."""

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(runner, identity, parent)
        self.new_button = QPushButton(self.tr("Record a visit…"))
        self.new_button.setToolTip(self.tr("Record a visit to this household (Ctrl+Shift+V)"))
        self.new_button.setShortcut("Ctrl+Shift+V")
        self.new_button.clicked.connect(self.new_visit)
        self.buttons.addWidget(self.new_button)
        self.buttons.addStretch(1)
        self.list.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Method"),
                self.tr("Purposes"),
                self.tr("Met"),
                self.tr("Visited by"),
                self.tr("Situation"),
            ]
        )
        runner.changed.connect(self._data_changed)

    def reload(self) -> None:
        hid = self.household_id
        self._generation += 1
        generation = self._generation
        if hid is None:
            self.list.clear()
            return
        self.runner.run(
            lambda store, _ctx: visits.household_visits(store, hid),
            lambda rows: self._loaded(generation, rows),
        )

    def _loaded(self, generation: int, rows: list[VisitRow]) -> None:
        if generation != self._generation:
            return
        self.list.clear()
        for r in rows:
            item = QTreeWidgetItem(
                [
                    r.visited_on.isoformat() + (f" {r.visit_time}" if r.visit_time else ""),
                    method_text(r.method),
                    join_items(purpose_text(p) for p in r.purposes),
                    join_items(r.met),
                    join_items(r.visitors),
                    r.situation,
                ]
            )
            item.setToolTip(5, r.situation)
            item.setData(0, ID_ROLE, r.id)
            if r.method == "到访不遇":
                item.setForeground(1, QBrush(OVERDUE))
            self.list.addTopLevelItem(item)
        self.empty.setText("" if rows else self.tr("No visits recorded yet."))
        self.counted.emit(len(rows))

    def new_visit(self) -> None:
        if self.household_id is None:
            return
        from gridworker.ui.visits.visit_dialog import VisitDialog

        self.dialog = VisitDialog(self.runner, self.identity, self.household_id, parent=self)
        self.dialog.open()

    def _data_changed(self, changes: Changes) -> None:
        if self.household_id and changes.touches("visit", "resident"):
            self.reload()


class HouseholdNeedsTab(_Tab):
    """诉求 of one household, open ones first; double-click opens one with its next step."""

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(runner, identity, parent)
        self.new_button = QPushButton(self.tr("Record a need…"))
        self.new_button.clicked.connect(self.new_need)
        self.open_button = QPushButton(self.tr("Open / next step…"))
        self.open_button.clicked.connect(self.open_selected)
        self.buttons.addWidget(self.new_button)
        self.buttons.addWidget(self.open_button)
        self.buttons.addStretch(1)
        self.list.setHeaderLabels(
            [
                self.tr("Raised"),
                self.tr("Status"),
                self.tr("Category"),
                self.tr("Owner"),
                self.tr("Deadline"),
                self.tr("Need"),
            ]
        )
        self.list.itemActivated.connect(lambda _i, _c: self.open_selected())
        runner.changed.connect(self._data_changed)

    def reload(self) -> None:
        hid = self.household_id
        self._generation += 1
        generation = self._generation
        if hid is None:
            self.list.clear()
            return
        self.runner.run(
            lambda store, _ctx: needs.need_rows(store, household_id=hid),
            lambda rows: self._loaded(generation, rows),
        )

    def _loaded(self, generation: int, rows: list[NeedRow]) -> None:
        if generation != self._generation:
            return
        self.list.clear()
        today = date.today()
        for r in rows:
            item = QTreeWidgetItem(
                [
                    r.raised_on.isoformat() if r.raised_on else "",
                    status_text(r.status),
                    category_text(r.category),
                    r.owner,
                    r.steps.deadline.isoformat() if r.steps.deadline else "",
                    r.text,
                ]
            )
            item.setData(0, ID_ROLE, r.id)
            item.setToolTip(5, r.text)
            if r.steps.is_overdue(today):
                item.setForeground(1, QBrush(OVERDUE))
                item.setForeground(4, QBrush(OVERDUE))
            self.list.addTopLevelItem(item)
        self.empty.setText("" if rows else self.tr("No needs recorded yet."))
        self.counted.emit(len(rows))

    def new_need(self) -> None:
        if self.household_id is None:
            return
        from gridworker.ui.visits.need_dialogs import NewNeedDialog

        self.dialog = NewNeedDialog(self.runner, self.identity, self.household_id, self)
        self.dialog.open()

    def open_selected(self) -> None:
        nid = self.selected_id()
        if nid is None:
            return
        from gridworker.ui.visits.need_dialogs import NeedDialog

        NeedDialog(self.runner, self.identity, nid, self).open()

    def _data_changed(self, changes: Changes) -> None:
        if self.household_id and changes.touches("need", "resident"):
            self.reload()
