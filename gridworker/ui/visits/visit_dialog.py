"""The visit form: a household's visit recorded from the keyboard in under a minute.

Tab goes down the form in reading order; the defaults are today, now, 入户, every member
living there met and this installation's user as the visitor, so a routine visit is the
purposes, a sentence and Ctrl+Enter. Needs raised during the visit are added inline and
saved with it in one transaction (nothing is half-written: a refusal says what is wrong
in one sentence and the form stays open).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.care_policy import NOBODY_HOME, VISIT_METHODS
from gridworker.core.messages import message_of
from gridworker.core.needs import CATEGORIES
from gridworker.core.visits import PURPOSES, VisitError, parse_blood_pressure
from gridworker.store import visits
from gridworker.store.needs import NeedInput
from gridworker.store.store import Identity, Store
from gridworker.store.visits import VisitForm, VisitInput
from gridworker.ui.care.common import (
    colour_icon,
    date_edit,
    message_label,
    save_shortcuts,
    say,
    to_date,
)
from gridworker.ui.care.words import category_text, colour_text, method_text, purpose_text
from gridworker.ui.widgets import save_cancel_buttons
from gridworker.ui.wording import display
from gridworker.ui.worker import DbRunner, JobContext


@dataclass(frozen=True)
class VisitPrefill:
    """What the form starts with when opened from the work list or a paper sheet."""

    visited_on: date | None = None
    purposes: tuple[str, ...] = ("日常走访",)
    residents: tuple[str, ...] | None = None  # met (None: every member)
    follow_up_of: str | None = None  # the visit whose follow-up this is


class NeedLine(QWidget):
    """One need raised during the visit: what, which kind, solved on the spot (how)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("What the resident asked for"))
        self.category = QComboBox()
        for c in CATEGORIES:
            self.category.addItem(category_text(c), c)
        self.solved = QCheckBox(self.tr("Solved on the spot"))
        self.how = QLineEdit()
        self.how.setPlaceholderText(self.tr("How"))
        self.how.setEnabled(False)
        self.solved.toggled.connect(self.how.setEnabled)
        self.remove = QPushButton("✕")
        self.remove.setToolTip(self.tr("Remove this need"))
        self.remove.setFixedWidth(self.fontMetrics().horizontalAdvance("✕") + 20)
        row.addWidget(self.text, 3)
        row.addWidget(self.category)
        row.addWidget(self.solved)
        row.addWidget(self.how, 2)
        row.addWidget(self.remove)

    def value(self) -> NeedInput | None:
        text = self.text.text().strip()
        if not text and not self.how.text().strip():
            return None  # an empty line is no need
        return NeedInput(
            text,
            str(self.category.currentData()),
            solved=self.how.text() if self.solved.isChecked() else None,
        )


class VisitDialog(QDialog):
    """Record one visit to ``household_id``."""

    saved = Signal(str)  # the visit's id
    loaded = Signal()

    def __init__(
        self,
        runner: DbRunner,
        identity: Identity,
        household_id: str,
        prefill: VisitPrefill | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.household_id = household_id
        self.prefill = prefill or VisitPrefill()
        self.form: VisitForm | None = None
        self._saving = False
        self.setWindowTitle(self.tr("Record a visit"))
        self.setMinimumWidth(min(760, self.fontMetrics().horizontalAdvance("网") * 46))

        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading…"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        outer.addWidget(self.heading)

        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        today = date.today()
        when = QHBoxLayout()
        self.day = date_edit(self.prefill.visited_on or today, latest=today)
        self.time = QTimeEdit(QTime.currentTime())
        self.time.setDisplayFormat("HH:mm")
        when.addWidget(self.day)
        when.addWidget(self.time)
        when.addStretch(1)
        form.addRow(self.tr("&Date and time:"), when)
        self.day_label = form.labelForField(when)

        methods = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        self.methods: dict[str, QRadioButton] = {}
        for i, m in enumerate(VISIT_METHODS):
            b = QRadioButton(f"&{i + 1} {method_text(m)}")
            self.method_group.addButton(b, i)
            self.methods[m] = b
            methods.addWidget(b)
        methods.addStretch(1)
        self.methods["入户"].setChecked(True)
        form.addRow(self.tr("Method:"), methods)

        purposes = QGridLayout()
        self.purposes: dict[str, QCheckBox] = {}
        for i, p in enumerate(PURPOSES):
            box = QCheckBox(purpose_text(p))
            box.setChecked(p in self.prefill.purposes)
            self.purposes[p] = box
            purposes.addWidget(box, i // 4, i % 4)
        form.addRow(self.tr("Purposes:"), purposes)

        self.met_box = QWidget()
        self.met_layout = QGridLayout(self.met_box)
        self.met_layout.setContentsMargins(0, 0, 0, 0)
        self.met: dict[str, QCheckBox] = {}
        form.addRow(self.tr("Residents met:"), self.met_box)

        self.situation = QPlainTextEdit()
        self.situation.setTabChangesFocus(True)
        self.situation.setPlaceholderText(self.tr("What you saw and heard, in your own words"))
        self.situation.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("&Situation:"), self.situation)

        extra = QHBoxLayout()
        self.blood_pressure = QLineEdit()
        self.blood_pressure.setPlaceholderText("135/85")
        self.blood_pressure.setMaximumWidth(self.fontMetrics().horizontalAdvance("000/000") + 40)
        self.blood_pressure.setToolTip(self.tr("Blood pressure, systolic/diastolic (optional)"))
        self.follow = QCheckBox(self.tr("Return visit on"))
        self.follow_day = date_edit(today + timedelta(days=7))
        self.follow_day.setEnabled(False)
        self.follow.toggled.connect(self.follow_day.setEnabled)
        extra.addWidget(QLabel(self.tr("Blood pressure:")))
        extra.addWidget(self.blood_pressure)
        extra.addSpacing(16)
        extra.addWidget(self.follow)
        extra.addWidget(self.follow_day)
        extra.addStretch(1)
        form.addRow("", extra)

        self.visitors = QLineEdit(identity.user)
        self.visitors.setToolTip(self.tr("Several names: separate them with a comma"))
        form.addRow(self.tr("&Visited by:"), self.visitors)

        self.needs_box = QVBoxLayout()
        self.needs_box.setContentsMargins(0, 0, 0, 0)
        self.need_lines: list[NeedLine] = []
        self.add_need_button = QPushButton(self.tr("Add a &need"))
        self.add_need_button.setToolTip(self.tr("A request the household made during the visit"))
        self.add_need_button.clicked.connect(lambda: self.add_need())
        needs = QVBoxLayout()
        needs.addLayout(self.needs_box)
        needs.addWidget(self.add_need_button)
        form.addRow(self.tr("Needs:"), needs)

        self.body = body
        scroll = QScrollArea()  # only scrolls on a small screen with large text
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.message = message_label()
        outer.addWidget(self.message)
        hint = QLabel(self.tr("Ctrl+Enter saves."))
        hint.setObjectName("hint")
        outer.addWidget(hint)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        outer.addWidget(self.buttons)
        save_shortcuts(self, self.save)
        self.method_group.idToggled.connect(lambda _i, _on: self._method_changed())
        self.save_button.setEnabled(False)
        self._load()

    # -- loading --------------------------------------------------------------------------
    def _load(self) -> None:
        hid = self.household_id
        self.runner.run(
            lambda store, _ctx: visits.visit_form(store, hid), self._loaded, self._failed
        )

    def _loaded(self, form: VisitForm | None) -> None:
        if form is None:
            self.heading.setText(self.tr("This household no longer exists."))
            return
        self.form = form
        self.heading.setText(form.address)
        wanted = self.prefill.residents
        for i, m in enumerate(form.members):
            parts = [m.name]
            details = [x for x in (m.relation, self._age(m.age)) if x]
            if details:
                parts.append(f"（{'，'.join(details)}）")
            box = QCheckBox("".join(parts))
            box.setIcon(colour_icon(m.colour))
            if m.colour:
                box.setToolTip(self.tr("Care colour: {0}").format(colour_text(m.colour)))
            box.setChecked(wanted is None or m.id in wanted)
            self.met[m.id] = box
            self.met_layout.addWidget(box, i // 3, i % 3)
        if not form.members:
            self.met_layout.addWidget(QLabel(self.tr("Nobody lives here now.")), 0, 0)
        self._order_tabs()
        self._fit()
        self.save_button.setEnabled(True)
        self.methods["入户"].setFocus()
        self.loaded.emit()

    def _fit(self) -> None:
        """As large as the form, within the screen (scrolling only when it must)."""
        want = self.body.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = want.width() + 48
        height = want.height() + self.heading.sizeHint().height() + 140
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        self.resize(max(self.width(), width), max(self.height(), height))

    def _age(self, age: int | None) -> str:
        return self.tr("{0} years").format(age) if age is not None else ""

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [self.day, self.time, *self.methods.values()]
        chain += list(self.purposes.values()) + list(self.met.values())
        chain += [self.situation, self.blood_pressure, self.follow, self.follow_day, self.visitors]
        for line in self.need_lines:
            chain += [line.text, line.category, line.solved, line.how, line.remove]
        chain += [self.add_need_button, self.save_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _failed(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(self.form is not None)
        say(self.message, message)

    def _method_changed(self) -> None:
        nobody = self.method() == NOBODY_HOME
        for box in self.met.values():
            box.setEnabled(not nobody)
        if nobody:
            self.situation.setPlaceholderText(self.tr("e.g. nobody answered; a neighbour said…"))

    # -- values -----------------------------------------------------------------------------
    def method(self) -> str:
        return VISIT_METHODS[max(0, self.method_group.checkedId())]

    def set_method(self, method: str) -> None:
        self.methods[method].setChecked(True)

    def add_need(self, text: str = "") -> NeedLine:
        line = NeedLine()
        line.text.setText(text)
        line.remove.clicked.connect(lambda: self._remove_need(line))
        self.need_lines.append(line)
        self.needs_box.addWidget(line)
        self._order_tabs()
        self._fit()
        line.text.setFocus()
        return line

    def _remove_need(self, line: NeedLine) -> None:
        self.need_lines.remove(line)
        line.setParent(None)
        line.deleteLater()
        self._order_tabs()

    def value(self) -> VisitInput:
        """The form as a visit; a value that cannot be read raises VisitError."""
        bp = parse_blood_pressure(self.blood_pressure.text())
        nobody = self.method() == NOBODY_HOME
        met = [] if nobody else [rid for rid, box in self.met.items() if box.isChecked()]
        names = [n for n in re.split(r"[,，、;；\s]+", self.visitors.text()) if n]
        return VisitInput(
            household_id=self.household_id,
            visited_on=to_date(self.day.date()),
            method=self.method(),
            purposes=[p for p, box in self.purposes.items() if box.isChecked()],
            residents_met=met,
            situation=self.situation.toPlainText(),
            visit_time=self.time.time().toString("HH:mm"),
            blood_pressure=bp,
            follow_up_on=to_date(self.follow_day.date()) if self.follow.isChecked() else None,
            visitors=names or None,
            needs=[n for line in self.need_lines if (n := line.value()) is not None],
        )

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or self.form is None:
            return
        try:
            v = self.value()
        except VisitError as e:
            say(self.message, display(message_of(e)))
            return
        if v.method != NOBODY_HOME and not v.residents_met and self.met:
            say(self.message, self.tr("Tick the residents you met, or choose “nobody home”."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        say(self.message, "")

        def job(store: Store, _ctx: JobContext) -> str:
            return visits.add_visit(store, v)

        self.runner.run(job, self._saved, self._failed)

    def _saved(self, visit_id: str) -> None:
        self._saving = False
        self.saved.emit(visit_id)
        self.accept()
