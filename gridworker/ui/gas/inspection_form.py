"""The gas inspection form: every checklist item answered with one key, from the keyboard.

1 合格 · 2 隐患 · 3 不适用 answer the current item and move to the next; ↑/↓ move; Enter
writes a note on the item (Enter again comes back); A answers every item not yet answered
合格; G makes a hazard graver when the checklist says when ("软管漏气或在卧室内 → 重大");
F2/F3/F4 choose 已检查/到访不遇/拒绝入户; Ctrl+S saves. The buttons are large for the
mouse too. A 重大 hazard shows the stop-use instruction in red at once, and saving asks the
inspector to confirm the household was told before anything is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.gas_checklist import ChecklistItem
from gridworker.core.gas_rules import (
    ANSWERS,
    DONE,
    HAZARD,
    MAJOR,
    OK,
    OUTCOMES,
    Answer,
    inspection_problems,
)
from gridworker.core.messages import joined, msg
from gridworker.store import gas, gas_queries
from gridworker.store.gas import InspectionInput, SavedInspection
from gridworker.store.gas_queries import InspectionForm
from gridworker.store.store import Store
from gridworker.ui.gas.words import ANSWER_COLOURS, GRADE_COLOURS, word
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner, JobContext

CURRENT_STYLE = (
    "QFrame#itemRow { background: #fff4d6; border: 2px solid #f2b600; border-radius: 6px; }"
)
ROW_STYLE = "QFrame#itemRow { background: transparent; border: 2px solid transparent; }"
MISSING_STYLE = (
    "QFrame#itemRow { background: #fce8e6; border: 2px solid #d93025; border-radius: 6px; }"
)
STOP_STYLE = (
    "QLabel { background: #c5221f; color: white; font-weight: bold; padding: 10px; "
    "border-radius: 6px; }"
)
ERROR_STYLE = "color: #c5221f; font-weight: bold;"
KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}


def _answer_button_style(answer: str) -> str:
    c = ANSWER_COLOURS.get(answer, "#5f6368")
    return (
        f"QPushButton {{ padding: 4px 10px; border: 2px solid {c}; border-radius: 6px; "
        f"color: {c}; background: white; }}"
        f"QPushButton:checked {{ background: {c}; color: white; font-weight: bold; }}"
    )


class ItemRow(QFrame):
    """One checklist item: its label, what counts as a hazard, three answer buttons, a note."""

    changed = Signal()
    clicked = Signal()

    def __init__(self, number: int, item: ChecklistItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("itemRow")
        self.setStyleSheet(ROW_STYLE)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        number_label = QLabel(str(number))
        number_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("16") + 4)
        grid.addWidget(number_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(item.label)
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        title.setWordWrap(True)
        grid.addWidget(title, 0, 1)
        hint = QLabel(
            self.tr("Hazard when: {0}").format(item.hazard_when)
            + " · "
            + self.tr("grade {0}").format(word(item.grade))
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        small = hint.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        hint.setFont(small)
        grid.addWidget(hint, 1, 1)

        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # an answer can be taken back (unanswered)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.buttons: list[QPushButton] = []
        height = self.fontMetrics().height() * 2 + 4
        bold = QFont(self.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)  # a chosen answer is bold: room for it
        for i, answer in enumerate(ANSWERS):
            b = QPushButton(f"{word(answer)}  {i + 1}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work on the current row
            b.setMinimumHeight(height)
            b.setMinimumWidth(wide.horizontalAdvance(b.text()) + 32)
            b.setStyleSheet(_answer_button_style(answer))
            b.clicked.connect(lambda _c=False, a=answer: self._clicked(a))
            self.group.addButton(b, i)
            self.buttons.append(b)
            buttons.addWidget(b)
        grid.addLayout(buttons, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (what was found)"))
        self.note.setMinimumHeight(height)
        self.note.textChanged.connect(lambda _t: self.changed.emit())
        grid.addWidget(self.note, 0, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        # Shown for a hazard: its grade, and the findings that make it graver.
        self.grade_row = QWidget()
        g = QHBoxLayout(self.grade_row)
        g.setContentsMargins(0, 0, 0, 0)
        self.grade_label = QLabel()
        g.addWidget(self.grade_label)
        self.upgrades: list[QCheckBox] = []
        for u in item.upgrades:
            box = QCheckBox(self.tr("{0} → {1} (G)").format(u.when, word(u.grade)))
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.toggled.connect(lambda _on: self._update_grade())
            self.upgrades.append(box)
            g.addWidget(box)
        g.addStretch(1)
        grid.addWidget(self.grade_row, 2, 1, 1, 3)
        self.grade_row.setVisible(False)
        self._update_grade()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()

    def _clicked(self, answer: str) -> None:
        on = self.buttons[ANSWERS.index(answer)].isChecked()
        self.set_answer(answer if on else None)
        self.clicked.emit()

    def answer(self) -> str | None:
        for b, a in zip(self.buttons, ANSWERS, strict=True):
            if b.isChecked():
                return a
        return None

    def set_answer(self, answer: str | None) -> None:
        for b, a in zip(self.buttons, ANSWERS, strict=True):
            b.setChecked(a == answer)
        self.grade_row.setVisible(answer == HAZARD)
        self._update_grade()
        self.changed.emit()

    def grade(self) -> str:
        """The grade of this item's hazard: the graver one ticked, else the default."""
        for box, u in zip(self.upgrades, self.item.upgrades, strict=True):
            if box.isChecked():
                return u.grade
        return self.item.grade

    def set_grade(self, grade: str | None) -> None:
        for box, u in zip(self.upgrades, self.item.upgrades, strict=True):
            box.setChecked(grade is not None and u.grade == grade and grade != self.item.grade)

    def toggle_upgrade(self) -> None:
        if self.upgrades and self.answer() == HAZARD:
            self.upgrades[0].setChecked(not self.upgrades[0].isChecked())

    def _update_grade(self) -> None:
        g = self.grade()
        c = GRADE_COLOURS.get(g, "#5f6368")
        self.grade_label.setText(self.tr("Hazard grade: {0}").format(word(g)))
        self.grade_label.setStyleSheet(f"color: {c}; font-weight: bold;")
        self.changed.emit()

    def to_answer(self) -> Answer | None:
        a = self.answer()
        if a is None:
            return None
        grade = self.grade() if a == HAZARD and self.grade() != self.item.grade else None
        return Answer(a, self.note.text().strip(), grade)

    def mark(self, current: bool, missing: bool = False) -> None:
        self.setStyleSheet(MISSING_STYLE if missing else CURRENT_STYLE if current else ROW_STYLE)


class InspectionDialog(QDialog):
    """Record a household's inspection, or correct one (``inspection_id``)."""

    loaded = Signal()
    saved = Signal(object)  # SavedInspection
    failed = Signal(str)

    def __init__(
        self,
        runner: DbRunner,
        household_id: str,
        inspection_id: str | None = None,
        on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.household_id = household_id
        self.inspection_id = inspection_id
        self.form: InspectionForm | None = None
        self.rows: list[ItemRow] = []
        self.current = 0
        self.stop_box: QMessageBox | None = None
        self._saving = False
        self._missing: set[int] = set()
        self.setWindowTitle(
            self.tr("Correct a gas inspection") if inspection_id else self.tr("Gas inspection")
        )

        outer = QVBoxLayout(self)
        outer.setSpacing(8)
        self.title = QLabel(self.tr("Loading…"))
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Date:")))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        if on is not None:
            self.date.setDate(QDate(on.year, on.month, on.day))
        top.addWidget(self.date)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Inspector:")))
        self.inspector = QLineEdit()
        self.inspector.setMaximumWidth(self.fontMetrics().horizontalAdvance("网") * 8)
        top.addWidget(self.inspector)
        top.addSpacing(12)
        self.outcome_group = QButtonGroup(self)
        self.outcomes: dict[str, QRadioButton] = {}
        for key, outcome in zip(("F2", "F3", "F4"), OUTCOMES, strict=True):
            r = QRadioButton(f"{word(outcome)} ({key})")
            self.outcome_group.addButton(r)
            self.outcomes[outcome] = r
            top.addWidget(r)
            QShortcut(QKeySequence(key), self, lambda o=outcome: self.set_outcome(o))
        self.outcomes[DONE].setChecked(True)
        self.outcome_group.buttonToggled.connect(lambda _b, _on: self._outcome_changed())
        top.addStretch(1)
        outer.addLayout(top)

        self.keys_hint = QLabel(
            self.tr(
                "Keys: 1 OK · 2 Hazard · 3 Not applicable · ↑↓ item · Enter note · "
                "A the rest OK · G graver grade · Ctrl+S save"
            )
        )
        self.keys_hint.setObjectName("hint")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #5f6368;")
        outer.addWidget(self.keys_hint)

        self.items = QWidget()
        self.items.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.items.installEventFilter(self)
        self.items_layout = QVBoxLayout(self.items)
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.items_layout.setSpacing(2)
        self.item_scroll = QScrollArea()
        self.item_scroll.setWidgetResizable(True)
        self.item_scroll.setWidget(self.items)
        self.item_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.item_scroll, 1)

        self.stop_banner = QLabel()
        self.stop_banner.setWordWrap(True)
        self.stop_banner.setStyleSheet(STOP_STYLE)
        self.stop_banner.setVisible(False)
        outer.addWidget(self.stop_banner)
        self.absent_note = QLabel(
            self.tr(
                "No items are answered when nobody was home or entry was refused; the "
                "household stays due and comes back on the work list."
            )
        )
        self.absent_note.setWordWrap(True)
        self.absent_note.setVisible(False)
        outer.addWidget(self.absent_note)

        bottom = QHBoxLayout()
        self.progress = QLabel()
        bottom.addWidget(self.progress)
        bottom.addSpacing(12)
        self.signed = QCheckBox(self.tr("Signed by the household"))
        bottom.addWidget(self.signed)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Remarks on the whole inspection"))
        bottom.addWidget(self.notes, 1)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.save_button, self.cancel_button):
            b.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
            bottom.addWidget(b)
        outer.addLayout(bottom)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        outer.addWidget(self.error)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self.save_button.setEnabled(False)
        self._fit_screen()

        runner.run(
            lambda store, _ctx: gas_queries.inspection_form(store, household_id, inspection_id),
            self._loaded,
            self._load_failed,
        )

    def _fit_screen(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is None:
            self.resize(1100, 720)
            return
        avail = screen.availableGeometry()
        self.resize(min(1180, avail.width() - 40), min(760, avail.height() - 40))

    # -- loading ---------------------------------------------------------------------------
    def _loaded(self, form: InspectionForm) -> None:
        self.form = form
        place = form.place
        where = place.address or place.household_id[:12]
        if place.head_name:
            where += " " + self.tr("(head: {0})").format(place.head_name)
        last = (
            self.tr("last inspected {0}").format(form.last_done.isoformat())
            if form.last_done
            else self.tr("never inspected")
        )
        self.title.setText(
            self.tr("Gas inspection — {0} · {1} · checklist v{2}").format(
                where, last, form.template.version
            )
        )
        self.inspector.setText(form.user)
        for n, item in enumerate(form.template.items, start=1):
            row = ItemRow(n, item)
            row.changed.connect(self._update)
            row.clicked.connect(lambda r=row: self._go(self.rows.index(r)))
            row.note.installEventFilter(self)
            self.rows.append(row)
            self.items_layout.addWidget(row)
        self.items_layout.addStretch(1)
        if form.detail is not None:
            self._fill(form.detail)
        self.save_button.setEnabled(True)
        self._go(0)
        self._update()
        self._outcome_changed()
        self.items.setFocus()
        self.loaded.emit()

    def _fill(self, d: gas_queries.InspectionDetail) -> None:
        r = d.row
        if r.inspected_on:
            self.date.setDate(QDate(r.inspected_on.year, r.inspected_on.month, r.inspected_on.day))
        if r.outcome in self.outcomes:
            self.outcomes[r.outcome].setChecked(True)
        self.inspector.setText(r.inspector)
        self.signed.setChecked(r.signed)
        self.notes.setText(r.notes)
        by_code = {i.code: i for i in d.items}
        for row in self.rows:
            a = by_code.get(row.item.code)
            if a is not None and a.answer:
                row.set_answer(a.answer)
                row.note.setText(a.note)
                row.set_grade(a.grade)

    def _load_failed(self, message: str) -> None:
        self.title.setText(message)
        self.failed.emit(message)

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.items:
                return self._item_key(event)
            if isinstance(watched, QLineEdit) and event.key() == Qt.Key.Key_Escape:
                self.items.setFocus()  # out of the note, not out of the form
                return True
            if isinstance(watched, QLineEdit) and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self._note_done()  # taken here: the key must not reach the item list
                return True
        return super().eventFilter(watched, event)

    def _item_key(self, event: QKeyEvent) -> bool:
        if not self.rows or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = Qt.Key(event.key())
        if key in KEYS and self.answering():
            self.answer_current(ANSWERS[KEYS[key]])
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_J):
            self._go(self.current + 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_K):
            self._go(self.current - 1)
        elif key == Qt.Key.Key_PageDown:
            self._go(self.current + 5)
        elif key == Qt.Key.Key_PageUp:
            self._go(self.current - 5)
        elif key == Qt.Key.Key_Home:
            self._go(0)
        elif key == Qt.Key.Key_End:
            self._go(len(self.rows) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.answering():
            self.rows[self.current].note.setFocus()
        elif key == Qt.Key.Key_A and self.answering():
            self.rest_ok()
        elif key == Qt.Key.Key_G:
            self.rows[self.current].toggle_upgrade()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.answering():
            self.rows[self.current].set_answer(None)
        else:
            return False
        return True

    def answering(self) -> bool:
        return self.outcome() == DONE

    def answer_current(self, answer: str) -> None:
        """Answer the current item; move on, except to a hazard's grade choice or note."""
        row = self.rows[self.current]
        row.set_answer(answer)
        self._missing.discard(self.current)
        if answer != HAZARD:
            self._go(self.current + 1)
        else:
            self._go(self.current)

    def rest_ok(self) -> None:
        for row in self.rows:
            if row.answer() is None:
                row.set_answer(OK)
        self._missing.clear()
        self._go(self.current)

    def _note_done(self) -> None:
        self.items.setFocus()
        self._go(self.current + 1)

    def _go(self, index: int) -> None:
        if not self.rows:
            return
        self.current = max(0, min(len(self.rows) - 1, index))
        for i, row in enumerate(self.rows):
            row.mark(i == self.current, i in self._missing)
        self.item_scroll.ensureWidgetVisible(self.rows[self.current], 0, 40)

    # -- state -------------------------------------------------------------------------------
    def outcome(self) -> str:
        for o, r in self.outcomes.items():
            if r.isChecked():
                return o
        return DONE

    def set_outcome(self, outcome: str) -> None:
        self.outcomes[outcome].setChecked(True)

    def _outcome_changed(self) -> None:
        done = self.outcome() == DONE
        self.item_scroll.setEnabled(done)
        self.keys_hint.setVisible(done)
        self.absent_note.setVisible(not done)
        self.signed.setEnabled(done)
        self._update()

    def answers(self) -> dict[str, Answer]:
        out = {}
        for row in self.rows:
            a = row.to_answer()
            if a is not None:
                out[row.item.code] = a
        return out

    def major_items(self) -> list[str]:
        if self.outcome() != DONE:
            return []
        return [r.item.label for r in self.rows if r.answer() == HAZARD and r.grade() == MAJOR]

    def _update(self) -> None:
        if self.form is None:
            return
        answered = sum(1 for r in self.rows if r.answer() is not None)
        hazards = [r for r in self.rows if r.answer() == HAZARD]
        major = self.major_items()
        if self.outcome() == DONE:
            text = self.tr("Answered {0} of {1}").format(answered, len(self.rows))
            if hazards:
                text += " · " + self.tr("%n hazard(s)", "", len(hazards))
                if major:
                    text += self.tr(" (%n major)", "", len(major))
            self.progress.setText(text)
        else:
            self.progress.setText(word(self.outcome()))
        self.stop_banner.setVisible(bool(major))
        if major:
            self.stop_banner.setText(
                self.tr("Major hazard: {0}").format("、".join(major)) + "\n" + self.stop_use_text()
            )

    def stop_use_text(self) -> str:
        template = self.form.template if self.form else None
        text = template.policy(MAJOR).stop_use_text if template else ""
        return text or self.tr("Stop using gas at once and close the gas valve.")

    # -- saving ---------------------------------------------------------------------------------
    def data(self) -> InspectionInput:
        d = self.date.date()
        done = self.outcome() == DONE
        return InspectionInput(
            household_id=self.household_id,
            inspected_on=date(d.year(), d.month(), d.day()),
            outcome=self.outcome(),
            answers=self.answers() if done else {},
            signed=self.signed.isChecked() and done,
            inspector=self.inspector.text(),
            notes=self.notes.text(),
            template_version=self.form.template.version if self.form else None,
        )

    def save(self) -> None:
        if self.form is None or self._saving:
            return
        data = self.data()
        problems = inspection_problems(self.form.template, data.outcome, data.answers)
        if problems:
            if data.outcome == DONE:
                self._missing = {i for i, r in enumerate(self.rows) if r.answer() is None}
                first = min(self._missing) if self._missing else self.current
                self._go(first)
                self.items.setFocus()
            self._show_error(display(joined(problems, msg(" "))))
            return
        major = self.major_items()
        if major:
            self._confirm_stop_use(major)
            return
        self._write(data)

    def _confirm_stop_use(self, major: list[str]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Major hazard"))
        box.setText(self.tr("Major hazard: {0}").format("、".join(major)))
        box.setInformativeText(
            self.stop_use_text() + "\n\n" + self.tr("Has the household been told?")
        )
        told = box.addButton(self.tr("Household told — save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(told)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            self.stop_box = None
            if button is told:
                self._write(self.data())

        box.buttonClicked.connect(answered)
        self.stop_box = box
        box.open()

    def _write(self, data: InspectionInput) -> None:
        self._saving = True
        self.save_button.setEnabled(False)
        inspection_id = self.inspection_id

        def job(store: Store, _ctx: JobContext) -> SavedInspection:
            return gas.save_inspection(store, data, inspection_id)

        self.runner.run(job, self._saved, self._save_failed)

    def _saved(self, saved: SavedInspection) -> None:
        self._saving = False
        self.saved.emit(saved)
        self.accept()

    def _save_failed(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._show_error(message)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.failed.emit(text)
