"""The household page's 燃气检查 and 隐患 tabs: this household's inspections (each with its
answers and history) and its hazards (each with its steps and history), when it is next
due, and the forms to record more. A scanned paper sheet offers the inspection form
prefilled with the household and the sheet's date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.gas_rules import HAZARD
from gridworker.store import gas, gas_queries
from gridworker.store.changes import Changes
from gridworker.store.gas_queries import HouseholdGas, InspectionDetail, InspectionRow
from gridworker.ui.gas.hazard_panel import HazardPanel, describe
from gridworker.ui.gas.inspection_form import InspectionDialog
from gridworker.ui.gas.models import (
    HOUSEHOLD_HAZARD_COLUMNS,
    HOUSEHOLD_INSPECTION_COLUMNS,
    RowsModel,
)
from gridworker.ui.gas.words import ANSWER_COLOURS, GRADE_COLOURS, OVERDUE, day, word
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import inform
from gridworker.ui.worker import DbRunner

GAS_KINDS = ("gas_inspection", "gas_hazard", "gas_hazard_step", "policy")
OFFER_STYLE = (
    "QFrame#paperOffer { background: #e8f0fe; border: 1px solid #1a73e8; border-radius: 6px; }"
)


def table(model: RowsModel[Any]) -> QTableView:
    """A read-only list: whole rows, one at a time, sized to its texts."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    h = view.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    h.setStretchLastSection(True)
    return view


class InspectionView(QWidget):
    """One inspection's answers, item by item, and its history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        self.items = QTreeWidget()
        self.items.setHeaderLabels([self.tr("Item"), self.tr("Answer"), self.tr("Note")])
        self.items.setRootIsDecorated(False)
        self.items.setAlternatingRowColors(True)
        self.items.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.items.header().setStretchLastSection(True)
        self.tabs.addTab(self.items, self.tr("Answers"))
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change")])
        self.history.setRootIsDecorated(False)
        self.history.header().setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("Change history"))
        layout.addWidget(self.tabs, 1)

    def show_detail(self, d: InspectionDetail | None) -> None:
        self.items.clear()
        self.history.clear()
        if d is None:
            self.heading.setText(self.tr("Choose an inspection."))
            return
        r = d.row
        parts = [day(r.inspected_on), word(r.outcome), self.tr("by {0}").format(r.inspector)]
        if r.signed:
            parts.append(self.tr("signed by the household"))
        if r.voided:
            parts.append(word("已作废"))
        parts.append(self.tr("checklist v{0}").format(r.template_version or "?"))
        text = " · ".join(parts)
        if r.notes:
            text += "\n" + r.notes
        if not d.template_known:
            text += "\n" + self.tr(
                "This computer does not hold that checklist version: items show their codes."
            )
        self.heading.setText(text)
        for i in d.items:
            if r.outcome != "已检查" and i.answer is None:
                continue
            answer = word(i.answer) if i.answer else self.tr("(not answered)")
            if i.answer == HAZARD and i.grade:
                answer += f"（{word(i.grade)}）"
            note = i.note
            if i.others:  # two devices answered it at the same time: both are kept
                note = self.tr(
                    "{0} (another computer gave: {1}; correct the inspection to settle it)"
                ).format(note, "、".join(word(o) for o in i.others))
            item = QTreeWidgetItem([i.label, answer, note])
            item.setToolTip(0, i.hazard_when)
            colour = (
                GRADE_COLOURS.get(i.grade or "")
                if i.answer == HAZARD
                else ANSWER_COLOURS.get(i.answer or "")
            )
            if colour:
                item.setForeground(1, QBrush(QColor(colour)))
            self.items.addTopLevelItem(item)
        if r.outcome != "已检查":
            self.items.addTopLevelItem(
                QTreeWidgetItem([self.tr("No items: {0}").format(word(r.outcome))])
            )
        for e in d.history:
            text = describe(e)
            row = QTreeWidgetItem([friendly_time(e.when), e.user, text])
            row.setToolTip(2, text)
            self.history.addTopLevelItem(row)
        self.history.resizeColumnToContents(0)


class HouseholdGasTabs(QObject):
    """Makes both tabs and keeps them filled for the household the page shows."""

    loaded = Signal()
    inspection_loaded = Signal()
    form_opened = Signal(object)  # the InspectionDialog

    def __init__(self, runner: DbRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.page = parent
        self.household_id: str | None = None
        self.data: HouseholdGas | None = None
        self.tab_widget: QTabWidget | None = None
        self._generation = 0

        # -- 燃气检查 --
        self.inspections = QWidget()
        il = QVBoxLayout(self.inspections)
        il.setContentsMargins(8, 8, 8, 8)
        self.offer = QFrame()
        self.offer.setObjectName("paperOffer")
        self.offer.setStyleSheet(OFFER_STYLE)
        ol = QHBoxLayout(self.offer)
        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        ol.addWidget(self.offer_label, 1)
        self.offer_button = QPushButton(self.tr("Enter its gas inspection…"))
        ol.addWidget(self.offer_button)
        close = QPushButton(self.tr("Not now"))
        close.clicked.connect(lambda: self.offer.setVisible(False))
        ol.addWidget(close)
        self.offer.setVisible(False)
        self._offer_date: date | None = None
        self.offer_button.clicked.connect(self._from_paper)
        top = QHBoxLayout()
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        top.addWidget(self.due_label, 1)
        self.new_button = QPushButton(self.tr("New inspection…"))
        self.new_button.clicked.connect(lambda: self.new_inspection())
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.edit_button.clicked.connect(self.correct_selected)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.clicked.connect(self.void_selected)
        for b in (self.new_button, self.edit_button, self.void_button):
            top.addWidget(b)
        il.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.inspection_model: RowsModel[InspectionRow] = RowsModel(
            HOUSEHOLD_INSPECTION_COLUMNS, self
        )
        self.inspection_table = table(self.inspection_model)
        self.inspection_table.selectionModel().currentRowChanged.connect(self._inspection_chosen)
        self.inspection_table.doubleClicked.connect(lambda _i: self.correct_selected())
        split.addWidget(self.inspection_table)
        self.inspection_view = InspectionView()
        split.addWidget(self.inspection_view)
        split.setSizes([380, 620])
        il.addWidget(split, 1)

        # -- 隐患 --
        self.hazards = QWidget()
        hl = QVBoxLayout(self.hazards)
        hl.setContentsMargins(8, 8, 8, 8)
        hsplit = QSplitter(Qt.Orientation.Vertical)
        self.hazard_model: RowsModel[gas_queries.HazardRow] = RowsModel(
            HOUSEHOLD_HAZARD_COLUMNS, self
        )
        self.hazard_table = table(self.hazard_model)
        self.hazard_table.selectionModel().currentRowChanged.connect(self._hazard_chosen)
        hsplit.addWidget(self.hazard_table)
        self.panel = HazardPanel(runner, show_household=False)
        self.panel.bind_keys(self.hazard_table)
        self.panel.step_saved.connect(lambda _h: None)  # the changed signal reloads
        hsplit.addWidget(self.panel)
        hsplit.setSizes([200, 320])
        hl.addWidget(hsplit, 1)
        runner.changed.connect(self._changed)

    def attach(self, layout: QVBoxLayout, tabs: QTabWidget) -> None:
        """Add both tabs to the household page (their titles carry the counts), and the
        bar that offers a scanned paper sheet's inspection above the tabs."""
        layout.insertWidget(layout.indexOf(tabs), self.offer)
        self.tab_widget = tabs
        tabs.addTab(self.inspections, self.tr("Gas inspections"))
        tabs.addTab(self.hazards, self.tr("Hazards"))

    # -- loading ---------------------------------------------------------------------------------
    def show_household(self, household_id: str) -> None:
        if household_id != self.household_id:
            self.offer.setVisible(False)
        self.household_id = household_id
        self.reload()

    def reload(self) -> None:
        hid = self.household_id
        if hid is None:
            return
        self._generation += 1
        generation = self._generation
        today = date.today()
        self.runner.run(
            lambda store, _ctx: gas_queries.household_gas(store, hid, today),
            lambda d: self._loaded(generation, d),
        )

    def _changed(self, changes: Changes) -> None:
        if self.household_id and changes.touches(*GAS_KINDS, "household"):
            self.reload()

    def _loaded(self, generation: int, d: HouseholdGas) -> None:
        if generation != self._generation:
            return
        self.data = d
        chosen_inspection = self._selected(self.inspection_table, self.inspection_model)
        chosen_hazard = self._selected(self.hazard_table, self.hazard_model)
        today = date.today()
        if d.due is None:
            self.due_label.setText("")
        else:
            late = d.due.days_overdue(today)
            if d.due.last_done is None:
                text = self.tr("Never inspected: due since {0}.").format(day(d.due.due))
            elif late:
                text = self.tr("Next inspection was due {0}: %n day(s) late.", "", late).format(
                    day(d.due.due)
                )
            else:
                text = self.tr("Last inspected {0}; next due {1}.").format(
                    day(d.due.last_done), day(d.due.due)
                )
            if d.due.failed_on and d.due.failed_outcome:
                text += " " + self.tr("Last attempt {0}: {1}.").format(
                    day(d.due.failed_on), word(d.due.failed_outcome)
                )
            self.due_label.setText(text)
            self.due_label.setStyleSheet(f"color: {OVERDUE};" if late else "")
        self.inspection_model.set_rows(d.inspections)
        self.hazard_model.set_rows(d.hazards)
        self._reselect(self.inspection_table, self.inspection_model, chosen_inspection)
        self._reselect(self.hazard_table, self.hazard_model, chosen_hazard)
        if self.tab_widget is not None:
            i = self.tab_widget.indexOf(self.inspections)
            self.tab_widget.setTabText(
                i, self.tr("Gas inspections ({0})").format(len(d.inspections))
            )
            open_ = sum(1 for z in d.hazards if z.is_open)
            j = self.tab_widget.indexOf(self.hazards)
            self.tab_widget.setTabText(
                j,
                self.tr("Hazards ({0} open)").format(open_)
                if open_
                else self.tr("Hazards ({0})").format(len(d.hazards)),
            )
        self.loaded.emit()

    @staticmethod
    def _selected(view: QTableView, model: RowsModel[Any]) -> str | None:
        r = model.row(view.currentIndex().row())
        return getattr(r, "id", None) if r is not None else None

    @staticmethod
    def _reselect(view: QTableView, model: RowsModel[Any], chosen: str | None) -> None:
        for i, r in enumerate(model.rows):
            if getattr(r, "id", None) == chosen or (chosen is None and i == 0):
                view.selectRow(i)
                return
        if model.rows:
            view.selectRow(0)

    def _inspection_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.inspection_model.row(current.row())
        if r is None:
            self.inspection_view.show_detail(None)
            return
        iid = r.id
        self.runner.run(
            lambda store, _ctx: gas_queries.inspection_detail(store, iid),
            self._inspection_loaded,
        )

    def _inspection_loaded(self, d: InspectionDetail | None) -> None:
        self.inspection_view.show_detail(d)
        self.inspection_loaded.emit()

    def _hazard_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.hazard_model.row(current.row())
        self.panel.show_hazard(r.id if r is not None else None)

    # -- forms ------------------------------------------------------------------------------------
    def new_inspection(self, on: date | None = None) -> InspectionDialog | None:
        if self.household_id is None:
            return None
        dialog = InspectionDialog(self.runner, self.household_id, None, on, self.page)
        dialog.saved.connect(lambda _s: self.offer.setVisible(False))
        dialog.open()
        self.form_opened.emit(dialog)
        return dialog

    def correct_selected(self) -> InspectionDialog | None:
        r = self.inspection_model.row(self.inspection_table.currentIndex().row())
        if r is None or self.household_id is None:
            return None
        if r.voided:
            inform(self.page, self.tr("Correct…"), self.tr("This inspection was voided."))
            return None
        dialog = InspectionDialog(self.runner, self.household_id, r.id, None, self.page)
        dialog.open()
        self.form_opened.emit(dialog)
        return dialog

    def void_selected(self) -> None:
        r = self.inspection_model.row(self.inspection_table.currentIndex().row())
        if r is None or r.voided:
            return
        dialog = QInputDialog(self.page)
        dialog.setWindowTitle(self.tr("Void an inspection"))
        dialog.setLabelText(
            self.tr("Void the inspection of {0} and the hazards it found? Why:").format(
                day(r.inspected_on)
            )
        )
        dialog.setOkButtonText(self.tr("Void"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        iid = r.id

        def void(reason: str) -> None:
            if not reason.strip():
                inform(self.page, self.tr("Void an inspection"), self.tr("Say why it is voided."))
                return
            self.runner.run(
                lambda store, _ctx: gas.void_inspection(store, iid, reason),
                None,
                lambda m: self._warn(self.tr("Void an inspection"), m),
            )

        dialog.textValueSelected.connect(void)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.void_dialog = dialog
        dialog.open()

    def _warn(self, title: str, text: str) -> None:
        inform(self.page, title, text, warning=True)

    def offer_paper_sheet(self, household_id: str, printed_on: object) -> None:
        """A scanned sheet opened this household: offer its inspection, dated as the sheet."""
        on = printed_on if isinstance(printed_on, date) else None
        self._offer_date = on
        self.offer_label.setText(
            self.tr("Paper sheet of {0} scanned: enter what is written on it.").format(day(on))
            if on
            else self.tr("Paper sheet scanned: enter what is written on it.")
        )
        self.offer.setVisible(household_id == self.household_id)

    def _from_paper(self) -> None:
        on = self._offer_date
        if on is not None and on > date.today():
            on = None
        if self.tab_widget is not None:
            self.tab_widget.setCurrentWidget(self.inspections)
        self.new_inspection(on)
