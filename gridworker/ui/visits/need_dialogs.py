"""Needs (诉求) on screen: recording one for a household, seeing one with its history, and
taking it through its loop — solved on the spot, passed up, fed back, revisited.

Each step is its own small form (the date it was done, and what the step needs); the
steps a need cannot take now are not offered. The history says who did each step.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.needs import CATEGORIES, SATISFACTION, SOURCES
from gridworker.store import needs, visits
from gridworker.store.history import HistoryEntry
from gridworker.store.needs import NeedInput, NeedRow
from gridworker.store.store import Identity, Store
from gridworker.store.visits import VisitForm
from gridworker.ui.care.common import (
    date_edit,
    history_text,
    message_label,
    save_shortcuts,
    say,
    to_date,
)
from gridworker.ui.care.words import (
    OVERDUE,
    category_text,
    satisfaction_text,
    source_text,
    status_text,
)
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import inform, save_cancel_buttons
from gridworker.ui.worker import DbRunner, JobContext

ALLOWED = {
    "已登记": ("solve", "report"),
    "已上报": ("report", "feedback"),
    "现场解决": ("revisit",),
    "已反馈": ("revisit",),
    "已回访": (),
}


class NewNeedDialog(QDialog):
    """Record a need of a household (who raised it, where it came from, what it is)."""

    saved = Signal(str)

    def __init__(
        self, runner: DbRunner, identity: Identity, household_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.household_id = household_id
        self._saving = False
        self.setWindowTitle(self.tr("Record a need"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 32)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading…"))
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.text.setPlaceholderText(self.tr("What the resident asked for"))
        self.resident = QComboBox()
        self.resident.addItem(self.tr("The household"), None)
        self.source = QComboBox()
        for s in SOURCES:
            self.source.addItem(source_text(s), s)
        self.category = QComboBox()
        for c in CATEGORIES:
            self.category.addItem(category_text(c), c)
        self.raised = date_edit(latest=date.today())
        deadline_row = QHBoxLayout()
        self.has_deadline = QCheckBox(self.tr("Deadline"))
        self.deadline = date_edit(date.today() + timedelta(days=7))
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        solved_row = QHBoxLayout()
        self.solved = QCheckBox(self.tr("Solved on the spot:"))
        self.how = QLineEdit()
        self.how.setEnabled(False)
        self.solved.toggled.connect(self.how.setEnabled)
        solved_row.addWidget(self.solved)
        solved_row.addWidget(self.how, 1)
        form.addRow(self.tr("&Need:"), self.text)
        form.addRow(self.tr("Raised by:"), self.resident)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Raised on:"), self.raised)
        form.addRow("", deadline_row)
        form.addRow("", solved_row)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        save_shortcuts(self, self.save)
        self.text.setFocus()
        runner.run(lambda store, _ctx: visits.visit_form(store, household_id), self._loaded)

    def _loaded(self, form: VisitForm | None) -> None:
        if form is None:
            return
        self.heading.setText(form.address)
        for m in form.members:
            self.resident.addItem(m.name, m.id)

    def save(self) -> None:
        if self._saving:
            return
        n = NeedInput(
            self.text.toPlainText(),
            str(self.category.currentData()),
            str(self.source.currentData()),
            self.resident.currentData(),
            to_date(self.deadline.date()) if self.has_deadline.isChecked() else None,
            self.how.text() if self.solved.isChecked() else None,
        )
        on = to_date(self.raised.date())
        hid = self.household_id
        self._saving = True

        def job(store: Store, _ctx: JobContext) -> str:
            return needs.add_need(store, hid, n, on=on)

        self.runner.run(job, self._saved, self._failed)

    def _saved(self, need_id: str) -> None:
        self._saving = False
        self.saved.emit(need_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        say(self.message, message)


class NeedStepDialog(QDialog):
    """One step of a need's loop: its date and what it needs."""

    saved = Signal()

    def __init__(
        self,
        runner: DbRunner,
        need: NeedRow,
        step: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.need = need
        self.step = step
        self._saving = False
        titles = {
            "solve": self.tr("Solved on the spot"),
            "report": self.tr("Pass up to an owner"),
            "feedback": self.tr("Feed back the result"),
            "revisit": self.tr("Return visit"),
        }
        self.setWindowTitle(titles[step])
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 30)
        layout = QVBoxLayout(self)
        about = QLabel(f"{need.address}　{need.text}")
        about.setWordWrap(True)
        layout.addWidget(about)
        form = QFormLayout()
        self.on = date_edit(latest=date.today())
        form.addRow(self.tr("Date:"), self.on)
        self.text = QLineEdit()
        self.owner = QLineEdit(need.owner)
        self.deadline = date_edit(
            need.steps.deadline
            if need.steps.deadline and need.steps.deadline >= date.today()
            else date.today() + timedelta(days=7)
        )
        self.satisfaction = QComboBox()
        for s in SATISFACTION:
            self.satisfaction.addItem(satisfaction_text(s), s)
        if step == "solve":
            form.addRow(self.tr("How it was solved:"), self.text)
        elif step == "report":
            form.addRow(self.tr("Owner:"), self.owner)
            form.addRow(self.tr("Deadline:"), self.deadline)
            self.owner.setPlaceholderText(self.tr("e.g. 物业公司, 街道民政科"))
        elif step == "feedback":
            form.addRow(self.tr("Result:"), self.text)
        else:
            form.addRow(self.tr("Satisfaction:"), self.satisfaction)
            form.addRow(self.tr("Note:"), self.text)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        save_shortcuts(self, self.save)
        (
            self.owner
            if step == "report"
            else self.satisfaction
            if step == "revisit"
            else self.text
        ).setFocus()

    def save(self) -> None:
        if self._saving:
            return
        step, nid = self.step, self.need.id
        on = to_date(self.on.date())
        text, owner = self.text.text(), self.owner.text()
        deadline = to_date(self.deadline.date())
        satisfaction = str(self.satisfaction.currentData())

        def job(store: Store, _ctx: JobContext) -> None:
            if step == "solve":
                needs.solve(store, nid, text, on=on)
            elif step == "report":
                needs.report(store, nid, owner, deadline, on=on)
            elif step == "feedback":
                needs.feedback(store, nid, text, on=on)
            else:
                needs.revisit(store, nid, satisfaction, note=text, on=on)

        self._saving = True
        self.runner.run(job, self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self._saving = False
        self.saved.emit()
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        say(self.message, message)


class NeedDialog(QDialog):
    """One need: what it is, where it stands, who did what, and its next steps."""

    changed = Signal()

    def __init__(
        self, runner: DbRunner, identity: Identity, need_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.need_id = need_id
        self.row: NeedRow | None = None
        self.setWindowTitle(self.tr("Need"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 40)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.history = QTreeWidget()
        self.history.setColumnCount(3)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change")])
        self.history.setRootIsDecorated(False)
        self.history.header().setStretchLastSection(True)
        layout.addWidget(QLabel(self.tr("History:")))
        layout.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for step, text in (
            ("solve", self.tr("Solved on the &spot…")),
            ("report", self.tr("&Pass up…")),
            ("feedback", self.tr("&Feed back…")),
            ("revisit", self.tr("&Return visit…")),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, s=step: self.take_step(s))
            self.step_buttons[step] = b
            row.addWidget(b)
        row.addStretch(1)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setToolTip(self.tr("This need was entered by mistake"))
        self.void_button.clicked.connect(self.void)
        row.addWidget(self.void_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        nid = self.need_id

        def job(store: Store, _ctx: JobContext) -> tuple[NeedRow | None, list[HistoryEntry]]:
            return needs.need_row(store, nid), needs.need_history(store, nid)

        self.runner.run(job, self._loaded)

    def _loaded(self, result: tuple[NeedRow | None, list[HistoryEntry]]) -> None:
        row, entries = result
        self.row = row
        if row is None:
            self.summary.setText(self.tr("This need no longer exists."))
            return
        today = date.today()
        lines = [
            f"<b>{_html(row.text)}</b>",
            self.tr("{0} · raised {1} by {2} · {3} · {4}").format(
                _html(row.address),
                row.raised_on.isoformat() if row.raised_on else "",
                _html(row.resident or self.tr("the household")),
                source_text(row.source),
                category_text(row.category),
            ),
        ]
        status = status_text(row.status)
        if row.steps.is_overdue(today):
            status += " · <span style='color:{}'>{}</span>".format(
                OVERDUE.name(),
                self.tr("{0} days past the deadline").format(row.steps.days_overdue(today)),
            )
        lines.append(self.tr("Status: {0}").format(status))
        labels = {
            "solve": self.tr("Solved on the spot"),
            "report": self.tr("Passed up"),
            "feedback": self.tr("Fed back"),
            "revisit": self.tr("Revisited"),
        }
        st = row.steps
        done = (
            ("solve", st.solved_on, row.solution),
            ("report", st.reported_on, f"{row.owner}　→ {st.deadline or ''}"),
            ("feedback", st.feedback_on, row.result),
            (
                "revisit",
                st.revisit_on,
                f"{satisfaction_text(row.satisfaction)}　{row.revisit_note}",
            ),
        )
        for step, day, what in done:
            if day is not None:
                lines.append(f"{labels[step]}：{day.isoformat()}　{_html(what)}")
        self.summary.setText("<br>".join(lines))
        self.history.clear()
        for e in entries:
            text = history_text(e)
            item = QTreeWidgetItem([friendly_time(e.when), e.user, text])
            item.setToolTip(2, text)
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        allowed = ALLOWED.get(row.status, ())
        for step, b in self.step_buttons.items():
            b.setVisible(step in allowed)
        self.changed.emit()

    def take_step(self, step: str) -> None:
        if self.row is None:
            return
        dialog = NeedStepDialog(self.runner, self.row, step, self)
        dialog.saved.connect(self.reload)
        dialog.open()

    def void(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Void this need"), self.tr("Why is it void (entered by mistake)?")
        )
        if not ok:
            return
        nid = self.need_id
        self.runner.run(
            lambda store, _ctx: needs.void_need(store, nid, reason),
            lambda _r: self.accept(),
            self._void_failed,
        )

    def _void_failed(self, message: str) -> None:
        inform(self, self.tr("Void this need"), message, warning=True)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
