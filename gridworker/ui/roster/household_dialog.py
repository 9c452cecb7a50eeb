"""Register a household at an address, or change one: checked as the person types.

The 户主 name follows the member living there whose relation is 本人: while there is one,
the box shows that name and is not edited here. Saving an edit writes only the fields
the person changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridworker.core.messages import SENTENCE_SEPARATOR, joined
from gridworker.core.people import HOUSE_USES
from gridworker.core.roster_rules import check_household, edited_fields
from gridworker.store import queries
from gridworker.store.queries import HouseholdForm
from gridworker.store.roster import HouseholdInput, add_household, update_household
from gridworker.store.store import Identity, Store
from gridworker.ui.roster.resident_dialog import ERROR_STYLE, HINT_STYLE, _message_label, _show
from gridworker.ui.widgets import save_cancel_buttons
from gridworker.ui.wording import display, vocab
from gridworker.ui.worker import DbRunner, JobContext

READ_ONLY_STYLE = "background: #eeeeee; color: #333333;"
PROBLEM_STYLE = "QLineEdit { border: 2px solid #b00020; }"


class HouseholdDialog(QDialog):
    """``household_id`` None registers a new household; otherwise edits that one."""

    saved = Signal(str)  # household id

    def __init__(
        self,
        runner: DbRunner,
        identity: Identity,
        household_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.identity = identity
        self.household_id = household_id
        self._saving = False
        self.setWindowTitle(self.tr("Edit household") if household_id else self.tr("New household"))
        # wide enough for a hint on one line, in large text too
        self.setMinimumWidth(max(520, self.fontMetrics().horizontalAdvance("网") * 34))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.micro_grid = QComboBox()
        if identity.role == "office" and household_id is None:
            form.addRow(self.tr("Micro-grid *"), self.micro_grid)
        self.estate = QComboBox()
        self.estate.setEditable(True)
        self.estate.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in (
            ("building", self.tr("Building"), self.tr("e.g. 3栋")),
            ("unit", self.tr("Unit"), self.tr("e.g. 2单元")),
            ("room", self.tr("Room *"), self.tr("e.g. 301")),
            ("head_name", self.tr("Head of household"), ""),
            ("residency", self.tr("Residency"), self.tr("e.g. 人户一致")),
            ("phone", self.tr("Phone"), self.tr("household contact number")),
            ("notes", self.tr("Notes"), ""),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            if key == "building":
                form.addRow(self.tr("Estate *"), self.estate)
            form.addRow(label, edit)
            if key == "head_name":
                self.head_note = _message_label()
                form.addRow("", self.head_note)
            if key == "room":
                self.house_use = QComboBox()
                self.house_use.addItem("", None)
                for u in HOUSE_USES:
                    self.house_use.addItem(vocab("house_use", u), u)
                form.addRow(self.tr("House use"), self.house_use)
        # One message line under the form, its room (two lines) kept while empty: the
        # phone's problem, what is still to fill in, or any other problem. Nothing under
        # the fields comes and goes, so they never move under the person's eyes.
        self.message = _message_label()
        self.phone_msg = self.message  # the phone's problem is said there
        keep = self.message.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(keep)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        if household_id is None:
            intro = QLabel(self.tr("After saving, you can add the people who live here."))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)  # spare height below the form, never between its rows
        layout.addWidget(self.buttons)

        for edit in self.fields.values():
            edit.textChanged.connect(self.validate)
        self.estate.currentTextChanged.connect(self.validate)
        self.save_button.setEnabled(False)
        self._shown: dict[str, object] = {}
        self._load()

    def _load(self) -> None:
        household_id = self.household_id
        mg = self.identity.micro_grid_id if self.identity.role == "worker" else None
        self.runner.run(
            lambda store, _ctx: queries.household_form(store, household_id, mg), self._loaded
        )

    def _loaded(self, form: HouseholdForm) -> None:
        self.estate.addItems(form.estates)
        for gid, name in form.micro_grids:
            self.micro_grid.addItem(name, gid)
        current = form.current
        if current:
            self.estate.setCurrentText(str(current.get("estate") or ""))
            for key, edit in self.fields.items():
                edit.setText(str(current.get(key) or ""))
            self.house_use.setCurrentIndex(
                max(0, self.house_use.findData(current.get("house_use")))
            )
        else:
            self.estate.setCurrentText("")
        head = self.fields["head_name"]
        if form.head is not None:
            head.setText(form.head)
            head.setReadOnly(True)
            head.setStyleSheet(READ_ONLY_STYLE)
            head.setToolTip(
                self.tr(
                    "The head of household is {0}, the member living here who is the head. "
                    "To change the head, change the members' relations to the head."
                ).format(form.head)
            )
            _show(self.head_note, self.tr("Taken from the member who is the head"), HINT_STYLE)
            self.adjustSize()
        self._shown = self.form_values()
        self.validate()

    def form_values(self) -> dict[str, object]:
        out: dict[str, object] = {k: e.text().strip() or None for k, e in self.fields.items()}
        out["estate"] = self.estate.currentText().strip() or None
        out["house_use"] = self.house_use.currentData()
        return out

    def validate(self) -> bool:
        raw = self.form_values()
        _values, problems = check_household(raw)
        phone = [m for f, m in problems if f == "phone"]
        self.fields["phone"].setStyleSheet(PROBLEM_STYLE if phone else "")
        missing = [
            text
            for key, text in (("estate", self.tr("estate")), ("room", self.tr("room")))
            if not raw.get(key)
        ]
        if phone:
            _show(self.message, display(phone[0]), ERROR_STYLE)
        elif missing:
            _show(
                self.message,
                self.tr("Please fill in: {0}").format(self.tr(", ").join(missing)),
                HINT_STYLE,
            )
        else:
            other = [m for f, m in problems if f != "phone"]
            _show(self.message, display(joined(other, SENTENCE_SEPARATOR)), ERROR_STYLE)
        ok = not problems and not missing
        self.save_button.setEnabled(ok and not self._saving)
        return ok

    def save(self) -> None:
        if not self.validate() or self._saving:
            return
        raw = self.form_values()
        household_id = self.household_id
        mg = self.micro_grid.currentData() if self.identity.role == "office" else None

        changes = edited_fields(self._shown, raw)
        if household_id is not None and not changes:
            self.accept()  # nothing was changed: nothing to write
            return

        def job(store: Store, _ctx: JobContext) -> str:
            if household_id is None:
                return add_household(
                    store,
                    HouseholdInput(micro_grid_id=mg, **raw),  # type: ignore[arg-type]
                )
            update_household(store, household_id, changes)
            return household_id

        self._saving = True
        self.save_button.setEnabled(False)
        self.runner.run(job, self._saved, self._failed)

    def _saved(self, household_id: str) -> None:
        self._saving = False
        self.saved.emit(household_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._saving = False
        self.validate()
        _show(self.message, message, ERROR_STYLE)
