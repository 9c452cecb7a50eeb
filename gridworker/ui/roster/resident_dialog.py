"""Add or edit a resident, with checks as the person types; and status changes with a date.

The checks are the roster rules (:mod:`gridworker.core.roster_rules`), the same the
importer and the store apply. The ID number is checked on every keystroke (checksum,
birth date, old 15-digit numbers, Excel-mangled numbers) — parsed once, and the birth
date and sex it encodes are shown at once; a second head of the household is refused as
it is chosen; Save stays disabled while anything is wrong. A likely duplicate of someone
already in the roster is shown before saving, and the person decides. Saving an edit
writes only the fields the person changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.idcard import age_on
from gridworker.core.messages import SENTENCE_SEPARATOR, joined, message_of
from gridworker.core.people import (
    ETHNICITIES,
    POPULATION_TYPES,
    RELATION_CHOICES,
    RELATION_DETAILS,
    SEXES,
    SPECIAL_TAGS,
)
from gridworker.core.roster_rules import (
    HEAD,
    LIVING,
    MOVE_REASONS,
    NEW_RESIDENT_SUGGESTIONS,
    Member,
    check_resident,
    edited_fields,
    other_head,
    second_head_problem,
)
from gridworker.store.ops import Value
from gridworker.store.roster import (
    DuplicatePerson,
    ResidentInput,
    add_resident,
    household_head,
    set_status,
    update_resident,
)
from gridworker.store.store import Store
from gridworker.ui.widgets import save_cancel_buttons
from gridworker.ui.wording import display, vocab
from gridworker.ui.worker import DbRunner, JobContext

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #666666;"


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _choices(
    field: str, words: Sequence[str], current: object, indented: Container[str] = ()
) -> QComboBox:
    """A list of a vocabulary's words (and a blank for "not given"), ``current`` chosen;
    each shown in the interface's language (:func:`vocab`), the stored word as its data.
    ``indented`` words stand under the word before them (a detailed relation under its
    category)."""
    box = QComboBox()
    box.addItem("", None)
    for w in words:
        box.addItem(("\u2003" if w in indented else "") + vocab(field, w), w)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setMaxVisibleItems(20)
    return box


def _show(label: QLabel, text: str, style: str) -> None:
    label.setText(text)
    label.setStyleSheet(style)
    label.setVisible(bool(text))


class ResidentDialog(QDialog):
    """A new member of ``household_id`` (``values`` None) or the resident in ``values``."""

    saved = Signal(str)  # resident id

    def __init__(
        self,
        runner: DbRunner,
        household_id: str,
        values: dict[str, Value] | None,
        parent: QWidget | None = None,
        head_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.household_id = household_id
        self.resident_id = str(values["id"]) if values else None
        self._saving = False
        self.duplicate_box: QMessageBox | None = None
        v = values or {}
        self._status = str(v.get("status") or LIVING)
        self._relation = v.get("relation")  # as stored, for an edit
        self._head: Member | None = None  # the household's head, once read
        self.setWindowTitle(self.tr("Edit resident") if values else self.tr("New resident"))

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(str(v.get("name") or head_name or ""))
        self.name_msg = _message_label()
        left.addRow(self.tr("Name *"), self.name)
        left.addRow("", self.name_msg)
        self.id_number = QLineEdit(str(v.get("id_number") or ""))
        self.id_number.setPlaceholderText(self.tr("18 characters, e.g. 11010519491231002X"))
        self.id_number.setMaxLength(40)
        self.id_number.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("11010519491231002X") * 3 // 2
        )
        self.id_msg = _message_label()
        left.addRow(self.tr("ID number"), self.id_number)
        left.addRow("", self.id_msg)
        # An old 15-digit number: the 18-digit one it converts to, one click away.
        self.upgrade_id = QPushButton()
        self.upgrade_id.setVisible(False)
        self.upgrade_id.clicked.connect(self._use_upgraded_id)
        self._upgraded: str | None = None
        left.addRow("", self.upgrade_id)
        self.sex = _choices("sex", SEXES, v.get("sex"))
        left.addRow(self.tr("Sex"), self.sex)
        self.birth_date = QLineEdit(str(v.get("birth_date") or ""))
        self.birth_date.setPlaceholderText("1990-01-02")
        self.birth_msg = _message_label()
        left.addRow(self.tr("Birth date"), self.birth_date)
        left.addRow("", self.birth_msg)
        self.ethnicity = QComboBox()
        self.ethnicity.setEditable(True)
        self.ethnicity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.ethnicity.addItem("", None)
        for e in ETHNICITIES:
            self.ethnicity.addItem(vocab("ethnicity", e), e)
        suggested = {} if values else NEW_RESIDENT_SUGGESTIONS  # a new person's form only
        self.ethnicity.setCurrentText(
            vocab("ethnicity", v.get("ethnicity") or suggested.get("ethnicity", ""))
        )
        left.addRow(self.tr("Ethnicity"), self.ethnicity)
        self.phone = QLineEdit(str(v.get("phone") or ""))
        self.phone.setPlaceholderText(self.tr("mobile or landline, e.g. 13800001234"))
        self.phone_msg = _message_label()
        left.addRow(self.tr("Phone"), self.phone)
        left.addRow("", self.phone_msg)
        self.relation = _choices(
            "relation",
            RELATION_CHOICES,
            v.get("relation") or (HEAD if head_name else None),
            indented=RELATION_DETAILS,
        )
        self.relation_msg = _message_label()
        left.addRow(self.tr("Relation to head"), self.relation)
        left.addRow("", self.relation_msg)
        self.population_type = _choices(
            "population_type",
            POPULATION_TYPES,
            v.get("population_type") or suggested.get("population_type"),
        )
        left.addRow(self.tr("Population type"), self.population_type)
        if values:
            status = vocab("status", v.get("status") or "在住")
            if v.get("status_date"):
                status += f"（{v['status_date']}）"
            status_label = QLabel(status)
            status_label.setToolTip(
                self.tr("Change the status with the buttons under the member list.")
            )
            left.addRow(self.tr("Status"), status_label)

        tags_box = QGroupBox(self.tr("Special groups"))
        grid = QGridLayout(tags_box)
        grid.setVerticalSpacing(2)
        current_tags = set(v.get("tags") or [])  # type: ignore[arg-type]
        self.tag_boxes: dict[str, QCheckBox] = {}
        rows = (len(SPECIAL_TAGS) + 1) // 2
        for i, tag in enumerate(SPECIAL_TAGS):
            box = QCheckBox(vocab("tags", tag))
            box.setChecked(tag in current_tags)
            self.tag_boxes[tag] = box
            grid.addWidget(box, i % rows, i // rows)
        self.notes = QPlainTextEdit(str(v.get("notes") or ""))
        self.notes.setPlaceholderText(self.tr("Notes"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        right = QVBoxLayout()
        right.addWidget(tags_box)
        right.addWidget(QLabel(self.tr("Notes")))
        right.addWidget(self.notes)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.save_msg = _message_label()
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.save_msg)
        layout.addWidget(self.buttons)

        for w in (self.name, self.id_number, self.birth_date, self.phone):
            w.textChanged.connect(self.validate)
        self.ethnicity.currentTextChanged.connect(self.validate)
        self.id_number.editingFinished.connect(self.validate)
        self.sex.currentIndexChanged.connect(self.validate)
        self.relation.currentIndexChanged.connect(self.validate)
        self.validate()
        self._shown = self.form_values()  # an edit saves what differs from this
        self.runner.run(lambda store, _ctx: household_head(store, household_id), self._head_read)

    def _head_read(self, head: Member | None) -> None:
        self._head = head
        self.validate()

    # -- checks ----------------------------------------------------------------------
    def form_values(self) -> dict[str, object]:
        """The form as raw values (what the person typed); derived fields left to the rules."""
        id_text = self.id_number.text().strip()
        return {
            "name": self.name.text(),
            "id_number": id_text or None,
            "sex": None if id_text else self.sex.currentData(),
            "birth_date": None if id_text else (self.birth_date.text().strip() or None),
            "ethnicity": self._ethnicity(),
            "phone": self.phone.text().strip() or None,
            "relation": self.relation.currentData(),
            "population_type": self.population_type.currentData(),
            "tags": [t for t, b in self.tag_boxes.items() if b.isChecked()],
            "notes": self.notes.toPlainText().strip() or None,
        }

    def _ethnicity(self) -> str | None:
        """The stored word for what the box shows (its English name in English); typed
        text that is no item's is checked by the rules as typed ("汉" → 汉族)."""
        text = self.ethnicity.currentText().strip()
        i = self.ethnicity.findText(text)
        data = self.ethnicity.itemData(i) if i > 0 else None
        return str(data) if data else (text or None)

    def _use_upgraded_id(self) -> None:
        if self._upgraded:
            self.id_number.setText(self._upgraded)

    def validate(self) -> bool:
        """Check every field, show messages under the fields; returns whether Save is allowed."""
        checked = check_resident(self.form_values())
        problems = checked.problems
        by_field: dict[str, str] = {}
        for f, problem in problems:
            by_field.setdefault(f, display(problem))
        ok = not problems
        if not self.name.text().strip():
            ok = False
            _show(self.name_msg, self.tr("Please enter the name."), HINT_STYLE)
        else:
            _show(self.name_msg, by_field.get("name", ""), ERROR_STYLE)

        id_text = self.id_number.text().strip()
        info, error = checked.id_info, checked.id_error
        if info is not None:
            age = age_on(info, dt.date.today())
            _show(
                self.id_msg,
                self.tr("Born {0}, {1}, {2} years old").format(
                    info.birth_date.isoformat(), vocab("sex", info.sex), age
                ),
                OK_STYLE,
            )
            for widget in (self.sex, self.birth_date):
                widget.blockSignals(True)  # shown, not checked again
            self.sex.setCurrentIndex(self.sex.findData(info.sex))
            self.birth_date.setText(info.birth_date.isoformat())
            for widget in (self.sex, self.birth_date):
                widget.blockSignals(False)
        elif error is not None:
            typing = (
                error.code in ("length", "old_15")
                and len(id_text) < 18
                and self.id_number.hasFocus()
            )
            if typing:
                _show(self.id_msg, self.tr("{0} of 18 characters").format(len(id_text)), HINT_STYLE)
            else:
                _show(self.id_msg, display(error.message), ERROR_STYLE)
        else:
            _show(self.id_msg, "", HINT_STYLE)
        typing = self.id_number.hasFocus() and len(id_text) < 18
        self._upgraded = (
            error.suggestion
            if error is not None and error.code == "old_15" and not typing
            else None
        )
        if self._upgraded:
            self.upgrade_id.setText(self.tr("Use the 18-digit number {0}").format(self._upgraded))
            self.upgrade_id.setToolTip(
                self.tr("Converted by the rule for old numbers: check it against the ID card.")
            )
        self.upgrade_id.setVisible(bool(self._upgraded))
        derived = info is not None
        self.sex.setEnabled(not derived)
        self.birth_date.setEnabled(not derived)
        self.sex.setToolTip(self.tr("Taken from the ID number") if derived else "")
        _show(self.birth_msg, "" if id_text else by_field.get("birth_date", ""), ERROR_STYLE)
        _show(self.phone_msg, by_field.get("phone", ""), ERROR_STYLE)
        head = self._second_head()
        _show(
            self.relation_msg, display(head) if head else by_field.get("relation", ""), ERROR_STYLE
        )
        ok = ok and head is None
        shown_below = ("name", "id_number", "birth_date", "phone", "relation")
        other = [m for f, m in problems if f not in shown_below]
        _show(self.save_msg, display(joined(other, SENTENCE_SEPARATOR)), ERROR_STYLE)
        self.save_button.setEnabled(ok and not self._saving)
        return ok

    def _second_head(self) -> str | None:
        """Why this person cannot be the head: the household has another one living there.
        Only a relation chosen here is checked (a household can have two heads after
        concurrent edits on two laptops; their other fields can still be edited)."""
        unchanged = self.resident_id is not None and self.relation.currentData() == self._relation
        if self._head is None or unchanged:
            return None
        me = Member(
            self.resident_id or "", self.name.text(), self.relation.currentData(), self._status
        )
        other = other_head([self._head], me)
        return None if other is None else second_head_problem(other.name)

    # -- saving ------------------------------------------------------------------------
    def save(self, allow_duplicate: bool = False) -> None:
        if not self.validate() or self._saving:
            return
        raw = self.form_values()
        household_id, resident_id = self.household_id, self.resident_id
        changes = edited_fields(self._shown, raw)
        if resident_id is not None and not changes:
            self.accept()  # nothing was changed: nothing to write
            return

        def job(store: Store, _ctx: JobContext) -> tuple[str, str]:
            try:
                if resident_id is None:
                    rid = add_resident(
                        store,
                        household_id,
                        ResidentInput(**raw),  # type: ignore[arg-type]
                        allow_duplicate=allow_duplicate,
                    )
                    return "saved", rid
                update_resident(store, resident_id, changes, allow_duplicate=allow_duplicate)
                return "saved", resident_id
            except DuplicatePerson as e:
                return "duplicate", message_of(e)

        self._saving = True
        self.save_button.setEnabled(False)
        self.runner.run(job, self._saved, self._failed)

    def _saved(self, result: tuple[str, str]) -> None:
        self._saving = False
        kind, text = result
        if kind == "duplicate":
            self.validate()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Possible duplicate"),
                display(text) + "\n\n" + self.tr("Save this person anyway?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save anyway"))
            box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.buttonClicked.connect(
                lambda b: (
                    self.save(allow_duplicate=True)
                    if box.standardButton(b) == QMessageBox.StandardButton.Save
                    else None
                )
            )
            self.duplicate_box = box
            box.open()
            return
        self.saved.emit(text)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        _show(self.save_msg, message, ERROR_STYLE)
        self.validate()
        _show(self.save_msg, message, ERROR_STYLE)


class StatusDialog(QDialog):
    """Moving out, death, or back to living here: a status change with the date it happened."""

    saved = Signal(str)

    def __init__(
        self,
        runner: DbRunner,
        resident_id: str,
        name: str,
        status: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.resident_id = resident_id
        self.status = status
        titles = {
            "迁出": self.tr("Record moving out"),
            "死亡": self.tr("Record a death"),
            "在住": self.tr("Living here again"),
        }
        self.setWindowTitle(titles.get(status, status))
        layout = QVBoxLayout(self)
        explain = {
            "迁出": self.tr(
                "{0} will be marked as moved out. The record is kept, with its history; it "
                "leaves the list of people living here."
            ),
            "死亡": self.tr(
                "{0} will be marked as deceased. The record is kept, with its history; it "
                "leaves the list of people living here."
            ),
            "在住": self.tr("{0} will be marked as living here again."),
        }
        text = QLabel(explain.get(status, "{0}").format(name))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        if status != "在住":
            form.addRow(self.tr("Date"), self.date)
        # Moving out: where to and why (both may be left empty), kept in the notes.
        self.moved_to = QLineEdit()
        self.moved_to.setPlaceholderText(self.tr("e.g. 成都市武侯区, or another community"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        self.reason.addItems(list(MOVE_REASONS))
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if status == "迁出":
            form.addRow(self.tr("Moved to"), self.moved_to)
            form.addRow(self.tr("Reason"), self.reason)
            note = QLabel(self.tr("Both may be left empty; they are added to the notes."))
            note.setStyleSheet(HINT_STYLE)
            note.setWordWrap(True)
            form.addRow("", note)
        else:
            self.moved_to.setVisible(False)
            self.reason.setVisible(False)
        layout.addLayout(form)
        self.message = _message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance("网") * 28))

    def save(self) -> None:
        rid, status = self.resident_id, self.status
        when = None if status == "在住" else self.date.date().toString("yyyy-MM-dd")
        moved_to = self.moved_to.text().strip() or None
        reason = self.reason.currentText().strip() or None
        self.buttons.setEnabled(False)

        def job(store: Store, _ctx: JobContext) -> bool:
            return set_status(store, rid, status, when, moved_to=moved_to, reason=reason)

        self.runner.run(job, self._saved, self._failed)

    def _saved(self, _changed: bool) -> None:
        self.saved.emit(self.resident_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        _show(self.message, message, ERROR_STYLE)
