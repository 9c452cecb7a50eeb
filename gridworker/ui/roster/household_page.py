"""一户一档: one household's page — address, members, and its records by tab.

Members, visits, needs, gas inspections, hazards and change history (a member's care colour
is set from the members tab).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.store import queries
from gridworker.store.changes import Changes
from gridworker.store.entities import is_link
from gridworker.store.history import FieldChange, HistoryEntry
from gridworker.store.ops import Value
from gridworker.store.queries import HouseholdView
from gridworker.store.store import Identity, Store
from gridworker.ui.gas.household_tabs import HouseholdGasTabs
from gridworker.ui.roster.model import HOUSEHOLD_COLUMNS, ID_ROLE, ResidentTableModel
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.visits.household_tabs import HouseholdNeedsTab, HouseholdVisitsTab
from gridworker.ui.widgets import inform, scaled_font
from gridworker.ui.wording import display, vocab
from gridworker.ui.worker import DbRunner, JobContext


def describe(entry: HistoryEntry) -> str:
    """The history line without internal ids (links between records: ``ref`` fields), in
    the interface's language (stored vocabulary too: 在住 → Living here)."""
    shown = tuple(_shown(c) for c in entry.changes if not is_link(entry.entity, c.field))
    return display(replace(entry, changes=shown).describe())


def _shown(c: FieldChange) -> FieldChange:
    """A change with its vocabulary values as the interface names them."""

    def one(v: Value) -> Value:
        if isinstance(v, list):
            return [vocab(c.field, x) for x in v]
        return vocab(c.field, v) if isinstance(v, str) else v

    return replace(
        c,
        old=one(c.old),
        new=one(c.new),
        added=tuple(vocab(c.field, x) for x in c.added),
        removed=tuple(vocab(c.field, x) for x in c.removed),
    )


class HouseholdPage(QWidget):
    """Shown in place of the roster list; "Back" returns to the list."""

    back_requested = Signal()
    print_requested = Signal(str)  # this household's sheet
    loaded = Signal()

    def __init__(self, runner: DbRunner, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.household_id: str | None = None
        self.view: HouseholdView | None = None
        self._generation = 0
        self._add_head_when_loaded = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title = QLabel()
        scaled_font(self.title, 1.4, bold=True)
        top.addWidget(self.title, 1)
        self.edit_button = QPushButton(self.tr("Edit household…"))
        self.edit_button.clicked.connect(self.edit_household)
        top.addWidget(self.edit_button)
        self.print_button = QPushButton(self.tr("Print sheet"))
        self.print_button.setToolTip(self.tr("Print this household's visit sheet"))
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(self.household_id) if self.household_id else None
        )
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.fact_labels: dict[str, QLabel] = {}
        facts_row = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for form, items in (
            (
                left,
                (
                    ("micro_grid", self.tr("Micro-grid:")),
                    ("head", self.tr("Head:")),
                    ("phone", self.tr("Phone:")),
                ),
            ),
            (
                right,
                (
                    ("use", self.tr("House use:")),
                    ("residency", self.tr("Residency:")),
                    ("notes", self.tr("Notes:")),
                ),
            ),
        ):
            for key, text in items:
                label = QLabel()
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setWordWrap(True)
                self.fact_labels[key] = label
                form.addRow(text, label)
        facts_row.addLayout(left, 1)
        facts_row.addLayout(right, 1)
        layout.addLayout(facts_row)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        members_tab = QWidget()
        ml = QVBoxLayout(members_tab)
        ml.setContentsMargins(8, 8, 8, 8)
        self.members_model = ResidentTableModel(runner, HOUSEHOLD_COLUMNS, self)
        self.members = QTableView()
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.members.doubleClicked.connect(self._edit_index)
        ml.addWidget(self.members, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add member…"))
        self.add_button.clicked.connect(lambda: self.add_member())
        self.edit_member_button = QPushButton(self.tr("Edit…"))
        self.edit_member_button.clicked.connect(self._edit_selected)
        self.move_out_button = QPushButton(self.tr("Moved out…"))
        self.move_out_button.clicked.connect(lambda: self._status_selected("迁出"))
        self.death_button = QPushButton(self.tr("Deceased…"))
        self.death_button.clicked.connect(lambda: self._status_selected("死亡"))
        self.back_home_button = QPushButton(self.tr("Living here again"))
        self.back_home_button.clicked.connect(lambda: self._status_selected("在住"))
        self.care_button = QPushButton(self.tr("Care colour…"))
        self.care_button.setToolTip(self.tr("Set or change the member's three-colour care flag"))
        self.care_button.clicked.connect(self._care_selected)
        for b in (
            self.add_button,
            self.edit_member_button,
            self.move_out_button,
            self.death_button,
            self.back_home_button,
            self.care_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        ml.addLayout(buttons)
        self.tabs.addTab(members_tab, self.tr("Members"))

        self.visits_tab = HouseholdVisitsTab(runner, identity)
        self.visits_tab.counted.connect(
            lambda n: self._count_tab(self.visits_tab, self.tr("Visits ({0})").format(n))
        )
        self.tabs.addTab(self.visits_tab, self.tr("Visits"))
        self.gas_tabs = HouseholdGasTabs(runner, self)  # 燃气检查 and 隐患 (ui/gas)
        self.gas_tabs.attach(layout, self.tabs)
        self.needs_tab = HouseholdNeedsTab(runner, identity)
        self.needs_tab.counted.connect(
            lambda n: self._count_tab(self.needs_tab, self.tr("Needs ({0})").format(n))
        )
        self.tabs.addTab(self.needs_tab, self.tr("Needs"))

        self.history_tree = QTreeWidget()
        self.history_tree.setColumnCount(3)
        self.history_tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change")])
        self.history_tree.setRootIsDecorated(False)
        self.history_tree.setAlternatingRowColors(True)
        self.history_tree.setWordWrap(True)
        self.history_tree.header().setStretchLastSection(True)
        self.tabs.addTab(self.history_tree, self.tr("Change history"))
        runner.changed.connect(self._data_changed)

    # -- loading --------------------------------------------------------------------
    def show_household(self, household_id: str) -> None:
        if household_id != self.household_id:
            self.visits_tab.set_household(household_id)
            self.needs_tab.set_household(household_id)
            self._add_head_when_loaded = False
        self.household_id = household_id
        self.gas_tabs.show_household(household_id)
        self._generation += 1
        generation = self._generation
        self.title.setText(self.tr("Loading…"))
        self.runner.run(
            lambda store, _ctx: queries.household_view(store, household_id),
            lambda view: self._loaded(generation, view),
            self._failed,
        )

    def reload(self) -> None:
        if self.household_id:
            self.show_household(self.household_id)

    def _data_changed(self, changes: Changes) -> None:
        """Read the page again when its household or any resident may have changed (a
        resident may have moved in from elsewhere, so any resident counts)."""
        if self.household_id and changes.touches("household", "resident", "micro_grid"):
            self.reload()

    def _loaded(self, generation: int, view: HouseholdView | None) -> None:
        if generation != self._generation:
            return
        self.view = view
        if view is None:
            self.title.setText(self.tr("This household no longer exists."))
            self.members_model.set_ids([])
            self.history_tree.clear()
            return
        h = view.household
        self.title.setText(h.address or self.tr("(no address)"))
        self.fact_labels["micro_grid"].setText(h.micro_grid_name)
        self.fact_labels["head"].setText(h.head_name)
        self.fact_labels["phone"].setText(h.phone)
        self.fact_labels["use"].setText(vocab("house_use", h.house_use))
        self.fact_labels["residency"].setText(h.residency)
        self.fact_labels["notes"].setText(h.notes)
        self.members_model.set_ids(view.member_ids)
        self.tabs.setTabText(0, self.tr("Members ({0})").format(len(view.member_ids)))
        self.history_tree.clear()
        for e in view.history:
            who = e.user + (self.tr(" (received)") if e.received else "")
            text = describe(e)
            item = QTreeWidgetItem([friendly_time(e.when), who, text])
            item.setToolTip(0, e.when.strftime("%Y-%m-%d %H:%M:%S"))
            item.setToolTip(2, text)
            self.history_tree.addTopLevelItem(item)
        self.history_tree.resizeColumnToContents(0)
        self.history_tree.resizeColumnToContents(1)
        self.tabs.setTabText(
            self.tabs.count() - 1, self.tr("Change history ({0})").format(len(view.history))
        )
        self.loaded.emit()
        if self._add_head_when_loaded:
            self._add_head_when_loaded = False
            self.add_member(first=True)

    def _failed(self, message: str) -> None:
        self.title.setText(message)

    # -- actions ------------------------------------------------------------------------
    def edit_household(self) -> None:
        if self.household_id is None:
            return
        from gridworker.ui.roster.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.runner, self.identity, self.household_id, self)
        dialog.open()

    def add_member(self, first: bool = False) -> None:
        """A new member; ``first``: the head of a household just registered, prefilled
        with the head's name it was given (once this household's page has been read, never
        the page shown before)."""
        if self.household_id is None:
            return
        from gridworker.ui.roster.resident_dialog import ResidentDialog

        if first and (self.view is None or self.view.household.id != self.household_id):
            self._add_head_when_loaded = True
            return
        head = self.view.household.head_name or None if self.view and first else None
        dialog = ResidentDialog(self.runner, self.household_id, None, self, head_name=head)
        dialog.open()

    def _selected_id(self) -> str | None:
        rows = self.members.selectionModel().selectedRows()
        if not rows:
            inform(self, self.title.text(), self.tr("Select a member first."))
            return None
        rid = self.members_model.data(rows[0], ID_ROLE)
        return str(rid) if rid else None

    def _edit_selected(self) -> None:
        rid = self._selected_id()
        if rid:
            self.edit_member(rid)

    def _edit_index(self, index: QModelIndex) -> None:
        rid = self.members_model.data(index, ID_ROLE)
        if rid:
            self.edit_member(str(rid))

    def edit_member(self, resident_id: str) -> None:
        from gridworker.ui.roster.resident_dialog import ResidentDialog

        household_id = self.household_id

        def fetch(store: Store, _ctx: JobContext) -> dict[str, Value] | None:
            return store.get("resident", resident_id)

        def show(values: dict[str, Value] | None) -> None:
            if values is None or household_id != self.household_id:
                return
            dialog = ResidentDialog(self.runner, str(household_id), values, self)
            dialog.open()

        self.runner.run(fetch, show)

    def _count_tab(self, tab: QWidget, text: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), text)

    def _care_selected(self) -> None:
        rid = self._selected_id()
        if rid:
            from gridworker.ui.care.flag_dialog import FlagDialog

            FlagDialog(self.runner, rid, self).open()

    def _status_selected(self, status: str) -> None:
        rid = self._selected_id()
        if not rid:
            return
        from gridworker.ui.roster.resident_dialog import StatusDialog

        row = self.members_model.loaded_row(self.members.selectionModel().selectedRows()[0].row())
        name = row.name if row else ""
        dialog = StatusDialog(self.runner, rid, name, status, self)
        dialog.open()
