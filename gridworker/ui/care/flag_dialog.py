"""Setting a resident's care colour with its reason, and recording a major event.

The flag form shows the resident's current colour, categories (the special groups;
sensitive ones marked, PIPL Art. 28), reason and review date, the colour's history and
the major events; raising the colour applies the shorter interval from the day set.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
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
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.care_policy import COLOURS, EVENT_KINDS
from gridworker.core.people import SPECIAL_TAGS, is_sensitive_tag
from gridworker.store import care
from gridworker.store.care import FlagView
from gridworker.store.store import Store
from gridworker.ui.care.common import (
    HINT_STYLE,
    colour_icon,
    date_edit,
    history_text,
    message_label,
    save_shortcuts,
    say,
    to_date,
    to_qdate,
)
from gridworker.ui.care.words import colour_text, event_text
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.widgets import save_cancel_buttons
from gridworker.ui.wording import vocab
from gridworker.ui.worker import DbRunner, JobContext


class FlagDialog(QDialog):
    """Set, change or clear one resident's care colour."""

    saved = Signal(str)  # resident id
    loaded = Signal()

    def __init__(self, runner: DbRunner, resident_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.resident_id = resident_id
        self.view: FlagView | None = None
        self._saving = False
        self._review_edited = False
        self.since = ""  # the colour held now, and since when
        self.setWindowTitle(self.tr("Care colour"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("网") * 40)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading…"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        form = QFormLayout()
        colours = QHBoxLayout()
        self.colour_group = QButtonGroup(self)
        self.colours: dict[str | None, QRadioButton] = {}
        for i, c in enumerate((*COLOURS, None)):
            b = QRadioButton(f"&{i + 1} " + (colour_text(c) if c else self.tr("None")))
            b.setIcon(colour_icon(c))
            self.colour_group.addButton(b, i)
            self.colours[c] = b
            colours.addWidget(b)
        colours.addStretch(1)
        form.addRow(self.tr("Colour:"), colours)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(HINT_STYLE)
        form.addRow("", self.explain)

        grid = QGridLayout()
        self.categories: dict[str, QCheckBox] = {}
        for i, tag in enumerate(SPECIAL_TAGS):
            box = QCheckBox(vocab("tags", tag) + (" *" if is_sensitive_tag(tag) else ""))
            if is_sensitive_tag(tag):
                box.setToolTip(self.tr("Sensitive personal information: never printed"))
            self.categories[tag] = box
            grid.addWidget(box, i // 4, i % 4)
        form.addRow(self.tr("Categories:"), grid)
        note = QLabel(self.tr("* sensitive (PIPL Art. 28): shown only where needed, never printed"))
        note.setStyleSheet(HINT_STYLE)
        form.addRow("", note)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why this colour, e.g. 82岁独居，子女在外地"))
        form.addRow(self.tr("&Reason:"), self.reason)
        days = QHBoxLayout()
        self.set_on = date_edit(latest=date.today())
        self.review_on = date_edit()
        days.addWidget(self.set_on)
        days.addWidget(QLabel(self.tr("Review on:")))
        days.addWidget(self.review_on)
        days.addStretch(1)
        form.addRow(self.tr("Assessed on:"), days)
        layout.addLayout(form)

        events = QHBoxLayout()
        events.addWidget(QLabel(self.tr("Major events and changes:")))
        events.addStretch(1)
        self.event_button = QPushButton(self.tr("Record a major &event…"))
        self.event_button.clicked.connect(self.record_event)
        events.addWidget(self.event_button)
        layout.addLayout(events)
        self.history = QTreeWidget()
        self.history.setColumnCount(3)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change")])
        self.history.setRootIsDecorated(False)
        self.history.header().setStretchLastSection(True)
        self.history.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        layout.addWidget(self.history)

        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        save_shortcuts(self, self.save)
        self.save_button.setEnabled(False)
        self.colour_group.idToggled.connect(self._colour_toggled)
        self.set_on.dateChanged.connect(lambda _d: self._follow_review())
        self.review_on.dateChanged.connect(lambda _d: self._review_touched())
        self.reload()

    def reload(self) -> None:
        rid = self.resident_id
        self.runner.run(lambda store, _ctx: care.flag_view(store, rid), self._loaded)

    def _loaded(self, view: FlagView | None) -> None:
        self.view = view
        if view is None:
            self.heading.setText(self.tr("This resident no longer exists."))
            return
        self.heading.setText(f"{view.name}　{view.address}")
        flag = view.flag or {}
        colour = flag.get("colour")
        self.colours[colour if colour in COLOURS else None].setChecked(True)
        held = flag.get("categories") if view.flag else list(view.tags)
        for tag, box in self.categories.items():
            box.setChecked(tag in (held or []))
        self.reason.setText(str(flag.get("reason") or ""))
        self.since = ""
        if colour in COLOURS and flag.get("set_on"):
            self.since = self.tr("{0} since {1}, set by {2}; review due {3}.").format(
                colour_text(str(colour)),
                flag["set_on"],
                flag.get("set_by") or "?",
                flag.get("review_on") or "—",
            )
        self._colour_changed()
        # Saving is a (re)assessment: the next review follows from today's, unless changed.
        self._follow_review()
        self.history.clear()
        for e in view.history:
            text = history_text(e)
            item = QTreeWidgetItem([friendly_time(e.when), e.user, text])
            item.setToolTip(2, text)
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        living = view.status == "在住"
        self.event_button.setEnabled(living)
        if not living:
            say(
                self.message,
                self.tr("Moved out or deceased: no colour can be set (it can be cleared)."),
                HINT_STYLE,
            )
        self.save_button.setEnabled(True)
        self.reason.setFocus()
        self.loaded.emit()

    def colour(self) -> str | None:
        i = self.colour_group.checkedId()
        return (*COLOURS, None)[i] if i >= 0 else None

    def set_colour(self, colour: str | None) -> None:
        self.colours[colour].setChecked(True)

    def _colour_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._colour_changed()

    def _colour_changed(self) -> None:
        c = self.colour()
        texts = {
            "red": self.tr("Red: a home visit every 7 days; phone calls do not count."),
            "yellow": self.tr("Yellow: a visit every 30 days."),
            "green": self.tr("Green: a visit every 90 days."),
            None: self.tr("No colour: the resident is no longer on the care list."),
        }
        self.explain.setText(f"{self.since} {texts[c]}".strip())

    def _review_touched(self) -> None:
        self._review_edited = True

    def _follow_review(self) -> None:
        if self._review_edited or self.view is None:
            return
        day = to_date(self.set_on.date()) + timedelta(days=self.view.review_days)
        self.review_on.blockSignals(True)
        self.review_on.setDate(to_qdate(day))
        self.review_on.blockSignals(False)

    def save(self) -> None:
        if self._saving or self.view is None:
            return
        rid = self.resident_id
        colour = self.colour()
        reason = self.reason.text()
        categories = [t for t, b in self.categories.items() if b.isChecked()]
        on = to_date(self.set_on.date())
        review = to_date(self.review_on.date()) if colour else None

        def job(store: Store, _ctx: JobContext) -> str | None:
            return care.set_flag(
                store, rid, colour, reason=reason, categories=categories, on=on, review_on=review
            )

        self._saving = True
        self.save_button.setEnabled(False)
        self.runner.run(job, self._saved, self._failed)

    def _saved(self, _flag: str | None) -> None:
        self._saving = False
        self.saved.emit(self.resident_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        say(self.message, message)

    def record_event(self) -> None:
        dialog = EventDialog(
            self.runner, self.resident_id, self.view.name if self.view else "", self
        )
        dialog.saved.connect(self.reload)
        dialog.open()


class EventDialog(QDialog):
    """A major event: a home visit is due within 24 hours whatever the colour."""

    saved = Signal(str)

    def __init__(
        self, runner: DbRunner, resident_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.resident_id = resident_id
        self._saving = False
        self.setWindowTitle(self.tr("Major event"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("{0}: a home visit will be due within 24 hours, whatever the colour.").format(
                name
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        for k in EVENT_KINDS:
            self.kind.addItem(event_text(k), k)
        self.on = date_edit(latest=date.today())
        self.note = QLineEdit()
        form.addRow(self.tr("Event:"), self.kind)
        form.addRow(self.tr("Date:"), self.on)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        save_shortcuts(self, self.save)

    def save(self) -> None:
        if self._saving:
            return
        rid, kind = self.resident_id, str(self.kind.currentData())
        on, note = to_date(self.on.date()), self.note.text()
        self._saving = True
        self.runner.run(
            lambda store, _ctx: care.add_event(store, rid, kind, on=on, note=note),
            self._saved,
            self._failed,
        )

    def _saved(self, event_id: str) -> None:
        self._saving = False
        self.saved.emit(event_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        say(self.message, message)
