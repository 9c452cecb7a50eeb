"""One hazard: what was found, where it stands, its steps and history, and what can be
done next (复查, 已整改, 拒不整改, 上报, undo the last step, print its notice).

The recheck is a short form of its own: the day, 1 复查合格 or 2 仍未整改 (with the new
deadline, the grade's days by default), a note. The other steps take a day and a note;
上报 must say to whom and why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from html import escape as esc

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.gas_rules import (
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_FIXED,
    STEP_PASSED,
    STEP_REFUSED,
)
from gridworker.store import gas, gas_queries
from gridworker.store.entities import is_link
from gridworker.store.gas_queries import HazardDetail
from gridworker.store.history import HistoryEntry
from gridworker.store.store import Store
from gridworker.ui.gas.words import GRADE_COLOURS, OVERDUE, STATUS_COLOURS, day, overdue_text, word
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import inform, save_cancel_buttons
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner, JobContext

RECHECK = "recheck"


def describe(entry: HistoryEntry) -> str:
    """A history line in the interface's language, without the ids linking records."""
    shown = tuple(c for c in entry.changes if not is_link(entry.entity, c.field))
    return display(replace(entry, changes=shown).describe())


ERROR_STYLE = "color: #c5221f; font-weight: bold;"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StepDialog(QDialog):
    """Record one step of a hazard. ``action`` is a step, or RECHECK (the result chosen
    in the form: 复查合格 or 复查未通过)."""

    saved = Signal(str)  # hazard id

    def __init__(
        self, runner: DbRunner, detail: HazardDetail, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.detail = detail
        self.action = action
        self._saving = False
        z = detail.row
        titles = {
            RECHECK: self.tr("Recheck a hazard"),
            STEP_FIXED: self.tr("The household put it right"),
            STEP_REFUSED: self.tr("The household refuses to put it right"),
            STEP_ESCALATED: self.tr("Escalate the hazard"),
        }
        self.setWindowTitle(titles.get(action, word(action)))
        layout = QVBoxLayout(self)
        summary = QLabel(
            "<b>{}</b> · {} · <span style='color:{}'>{}</span><br>{}".format(
                esc(z.place.address or z.place.head_name),
                esc(z.item_label),
                GRADE_COLOURS.get(z.grade, "#000"),
                word(z.grade),
                self.tr("Found {0}: {1} · deadline {2} · now {3}").format(
                    day(z.found_on),
                    esc(z.found or detail.hazard_when),
                    day(z.deadline) or "—",
                    word(z.status),
                ),
            )
        )
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(summary)

        form = QFormLayout()
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate.currentDate())
        if z.found_on:
            self.on.setMinimumDate(_qdate(z.found_on))
        form.addRow(self.tr("Date:"), self.on)

        self.result_group = QButtonGroup(self)
        self.passed = QPushButton(self.tr("Put right — recheck OK  (1)"))
        self.still = QPushButton(self.tr("Still not put right  (2)"))
        height = self.fontMetrics().height() * 2 + 6
        for i, b in enumerate((self.passed, self.still)):
            b.setCheckable(True)
            b.setAutoDefault(False)  # Enter saves; it never toggles a result
            b.setMinimumHeight(height)
            self.result_group.addButton(b, i)
        self.passed.setStyleSheet(
            "QPushButton:checked { background: #188038; color: white; font-weight: bold; }"
        )
        self.still.setStyleSheet(
            "QPushButton:checked { background: #c5221f; color: white; font-weight: bold; }"
        )
        results = QHBoxLayout()
        results.addWidget(self.passed)
        results.addWidget(self.still)
        self.result_row = QWidget()
        self.result_row.setLayout(results)
        results.setContentsMargins(0, 0, 0, 0)
        if action == RECHECK:
            form.addRow(self.tr("Result:"), self.result_row)
        else:
            self.result_row.setVisible(False)

        self.new_deadline_box = QCheckBox(self.tr("Give a new deadline (second notice)"))
        self.new_deadline = QDateEdit()
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        if action in (RECHECK, STEP_REFUSED):
            if action == STEP_REFUSED:
                form.addRow("", self.new_deadline_box)
                self.new_deadline_box.toggled.connect(self._update)
            form.addRow(self.tr("New deadline:"), self.new_deadline)
        self.on.dateChanged.connect(self._default_deadline)
        self._default_deadline()

        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("To whom, and why (needed)")
            if action == STEP_ESCALATED
            else self.tr("What was seen or said")
        )
        form.addRow(self.tr("Note:"), self.note)
        self.by = QLineEdit(detail.user)
        form.addRow(self.tr("Done by:"), self.by)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        self.save_button.setDefault(True)
        layout.addWidget(buttons)
        self.result_group.buttonToggled.connect(lambda _b, _on: self._update())
        self._update()
        # The keys work at once: 1/2 for a recheck's result, else straight to the note.
        (self.passed if action == RECHECK else self.note).setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 34)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1 and 2 choose a recheck's result (unless typed into a box)."""
        if self.action == RECHECK and event.key() in (Qt.Key.Key_1, Qt.Key.Key_2):
            (self.passed if event.key() == Qt.Key.Key_1 else self.still).click()
            return
        super().keyPressEvent(event)

    def _default_deadline(self) -> None:
        days = self.detail.grade_days
        on = _pydate(self.on.date())
        self.new_deadline.setMinimumDate(_qdate(on + timedelta(days=1)))
        self.new_deadline.setDate(_qdate(on + timedelta(days=days or 7)))

    def _update(self) -> None:
        if self.action == RECHECK:
            self.new_deadline.setEnabled(self.still.isChecked())
        elif self.action == STEP_REFUSED:
            self.new_deadline.setEnabled(self.new_deadline_box.isChecked())

    def chosen_action(self) -> str | None:
        if self.action != RECHECK:
            return self.action
        if self.passed.isChecked():
            return STEP_PASSED
        if self.still.isChecked():
            return STEP_FAILED
        return None

    def save(self) -> None:
        if self._saving:
            return
        action = self.chosen_action()
        if action is None:
            self._problem(
                self.tr("Choose the result of the recheck: 1 OK or 2 still not put right.")
            )
            return
        deadline = None
        if self.new_deadline.isEnabled() and (
            action == STEP_FAILED or self.new_deadline_box.isChecked()
        ):
            deadline = _pydate(self.new_deadline.date())
        on = _pydate(self.on.date())
        hazard = self.detail.row.id
        note, by = self.note.text(), self.by.text()
        self._saving = True

        def job(store: Store, _ctx: JobContext) -> str:
            gas.add_step(store, hazard, action, on, note=note, deadline=deadline, by=by)
            return hazard

        self.runner.run(job, self._saved, self._failed)

    def _saved(self, hazard: str) -> None:
        self._saving = False
        self.saved.emit(hazard)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        self._problem(message)

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


class HazardPanel(QFrame):
    """Shows one hazard and offers its next steps."""

    print_requested = Signal(list)  # hazard ids whose notices to print
    household_requested = Signal(str)
    loaded = Signal()
    step_saved = Signal(str)

    def __init__(
        self, runner: DbRunner, parent: QWidget | None = None, *, show_household: bool = True
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.detail: HazardDetail | None = None
        self.hazard_id: str | None = None
        self._generation = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)

        left = QVBoxLayout()
        self.heading = QLabel(self.tr("Choose a hazard in the list."))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.heading)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.facts)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.recheck_button = QPushButton(self.tr("Recheck… (R)"))
        self.fixed_button = QPushButton(self.tr("Put right… (F)"))
        self.refused_button = QPushButton(self.tr("Refuses…"))
        self.escalate_button = QPushButton(self.tr("Escalate…"))
        self.undo_button = QPushButton(self.tr("Undo last step"))
        self.notice_button = QPushButton(self.tr("Print notice (P)"))
        self.household_button = QPushButton(self.tr("Open household"))
        self.recheck_button.clicked.connect(lambda: self.step(RECHECK))
        self.fixed_button.clicked.connect(lambda: self.step(STEP_FIXED))
        self.refused_button.clicked.connect(lambda: self.step(STEP_REFUSED))
        self.escalate_button.clicked.connect(lambda: self.step(STEP_ESCALATED))
        self.undo_button.clicked.connect(self.undo)
        self.notice_button.clicked.connect(
            lambda: self.print_requested.emit([self.hazard_id]) if self.hazard_id else None
        )
        self.household_button.clicked.connect(
            lambda: (
                self.household_requested.emit(self.detail.row.place.household_id)
                if self.detail
                else None
            )
        )
        for i, b in enumerate(
            (
                self.recheck_button,
                self.fixed_button,
                self.refused_button,
                self.escalate_button,
                self.undo_button,
                self.notice_button,
                self.household_button,
            )
        ):
            grid.addWidget(b, i // 4, i % 4)
        left.addLayout(grid)
        left.addStretch(1)
        outer.addLayout(left, 3)
        # Only once it has a parent (the layouts above give it one): shown before, the
        # button is a window of its own for a moment and takes the focus from the main one.
        self.household_button.setVisible(show_household)

        self.tabs = QTabWidget()
        self.steps = QTreeWidget()
        self.steps.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Step"),
                self.tr("New deadline"),
                self.tr("Note"),
                self.tr("By"),
            ]
        )
        self.steps.setRootIsDecorated(False)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setStretchLastSection(True)
        self.tabs.addTab(self.steps, self.tr("Steps"))
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change")])
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.header().setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("Change history"))
        outer.addWidget(self.tabs, 4)
        self._enable()

    # -- showing ---------------------------------------------------------------------------
    def show_hazard(self, hazard_id: str | None) -> None:
        self.hazard_id = hazard_id
        self._generation += 1
        generation = self._generation
        if hazard_id is None:
            self.detail = None
            self.heading.setText(self.tr("Choose a hazard in the list."))
            self.facts.clear()
            self.steps.clear()
            self.history.clear()
            self._enable()
            return
        today = date.today()
        self.runner.run(
            lambda store, _ctx: gas_queries.hazard_detail(store, hazard_id, today),
            lambda d: self._loaded(generation, d),
        )

    def reload(self) -> None:
        self.show_hazard(self.hazard_id)

    def _loaded(self, generation: int, d: HazardDetail | None) -> None:
        if generation != self._generation:
            return
        self.detail = d
        self.steps.clear()
        self.history.clear()
        if d is None:
            self.heading.setText(self.tr("This hazard is no longer here."))
            self.facts.clear()
            self._enable()
            return
        z = d.row
        late = overdue_text(z.overdue_days)
        self.heading.setText(
            "<span style='font-size:large'><b>{}</b></span> · "
            "<b style='color:{}'>{}</b> · <b style='color:{}'>{}</b>{}<br>{}".format(
                esc(z.item_label),
                GRADE_COLOURS.get(z.grade, "#000"),
                word(z.grade),
                STATUS_COLOURS.get(z.status, "#000"),
                word(z.status),
                f" · <b style='color:{OVERDUE}'>{late}</b>" if late else "",
                esc(z.place.address + (f"（{z.place.head_name}）" if z.place.head_name else "")),
            )
        )
        lines = [
            self.tr("Found {0} by {1}: {2}").format(
                day(z.found_on), esc(d.inspector or "—"), esc(z.found or d.hazard_when)
            ),
            self.tr("Deadline: {0}").format(day(z.deadline) or self.tr("none (advice)")),
        ]
        if d.reminder and d.reminder >= date.today():
            lines.append(self.tr("Remind the household on {0}").format(day(d.reminder)))
        if d.requirement:
            lines.append(self.tr("What it asks for: {0}").format(esc(d.requirement)))
        if d.stop_use and z.is_open:
            lines.append(
                "<b style='color:{}'>{}</b>".format(
                    OVERDUE, esc(d.stop_use_text or self.tr("Stop using gas at once."))
                )
            )
        self.facts.setText("<br>".join(lines))
        for s in d.steps:
            item = QTreeWidgetItem(
                [
                    day(s.on),
                    word(s.action) + (" · " + word("已作废") if s.voided else ""),
                    day(s.deadline),
                    s.note + (f"（{s.void_reason}）" if s.voided and s.void_reason else ""),
                    s.by,
                ]
            )
            if s.voided:
                for c in range(5):
                    item.setForeground(c, Qt.GlobalColor.gray)
            self.steps.addTopLevelItem(item)
        for e in d.history:
            text = describe(e)
            item = QTreeWidgetItem([friendly_time(e.when), e.user, text])
            item.setToolTip(2, text)
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        self.tabs.setTabText(0, self.tr("Steps ({0})").format(len(d.steps)))
        self._enable()
        self.loaded.emit()

    def _enable(self) -> None:
        allowed = self.detail.allowed if self.detail else ()
        self.recheck_button.setEnabled(STEP_PASSED in allowed)
        self.fixed_button.setEnabled(STEP_FIXED in allowed)
        self.refused_button.setEnabled(STEP_REFUSED in allowed)
        self.escalate_button.setEnabled(STEP_ESCALATED in allowed)
        live = [s for s in self.detail.steps if not s.voided] if self.detail else []
        self.undo_button.setEnabled(bool(live))
        self.notice_button.setEnabled(
            self.detail is not None and self.detail.row.deadline is not None
        )
        self.household_button.setEnabled(self.detail is not None)

    def bind_keys(self, widget: QWidget) -> None:
        """R recheck, F put right, P print the notice, while ``widget`` (the list) has focus."""
        for key, act in (
            ("R", lambda: self.step(RECHECK)),
            ("F", lambda: self.step(STEP_FIXED)),
            ("P", self.notice_button.click),
        ):
            shortcut = QShortcut(QKeySequence(key), widget, act)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _warn(self, title: str, text: str) -> None:
        inform(self, title, text, warning=True)

    # -- acting ---------------------------------------------------------------------------
    def step(self, action: str) -> StepDialog | None:
        """Open the form of a step (RECHECK: the recheck form)."""
        if self.detail is None:
            return None
        allowed = self.detail.allowed
        wanted = STEP_PASSED if action == RECHECK else action
        if wanted not in allowed:
            return None
        dialog = StepDialog(self.runner, self.detail, action, self)
        dialog.saved.connect(self.step_saved)
        dialog.open()
        return dialog

    def undo(self) -> None:
        if self.detail is None:
            return
        live = [s for s in self.detail.steps if not s.voided]
        if not live:
            return
        last = live[-1]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Undo last step"))
        dialog.setLabelText(
            self.tr("Undo “{0}” of {1}? Why (optional):").format(word(last.action), day(last.on))
        )
        dialog.setOkButtonText(self.tr("Undo"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        hazard = self.detail.row.id

        def undo(reason: str) -> None:
            self.runner.run(
                lambda store, _ctx: gas.undo_step(store, last.id, reason),
                lambda _r: self.step_saved.emit(hazard),
                lambda m: self._warn(self.tr("Undo last step"), m),
            )

        dialog.textValueSelected.connect(undo)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.undo_dialog = dialog
        dialog.open()
