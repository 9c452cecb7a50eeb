"""录入纸质表: scan (or type) the code on a filled-in paper sheet to open its household.

A USB barcode scanner types like a keyboard and usually ends with Enter, so the box
reacts as soon as a whole code is in it; the next sheet can be scanned straight away.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from gridworker.core.sheet_code import parse_sheet_code
from gridworker.store import queries
from gridworker.ui.worker import DbRunner


class PaperSheetDialog(QDialog):
    """Asks for the sheet's code; emits the household and the sheet's date."""

    sheet_found = Signal(str, object)  # household id, date printed on the sheet

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Enter a paper sheet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Scan the QR code on the paper sheet with the scanner, or type the code "
                "printed under it (GW1:…)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLineEdit()
        self.code.setPlaceholderText("GW1:…")
        self.code.textChanged.connect(self._changed)
        self.code.returnPressed.connect(self._entered)
        layout.addWidget(self.code)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a33a00;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("网") * 30, self.sizeHint().height())

    def _changed(self, text: str) -> None:
        self.problem.clear()
        if parse_sheet_code(text) is not None:
            self._entered()

    def _entered(self) -> None:
        text = self.code.text()
        code = parse_sheet_code(text)
        if code is None:
            if text.strip():
                self.problem.setText(self.tr("This is not the code of a GridWorker sheet."))
            return
        hid, printed = code.household_id, code.printed_on

        self.runner.run(
            lambda store, _ctx: queries.household_exists(store, hid),
            lambda ok: self._checked(ok, hid, printed),
        )

    def _checked(self, ok: bool, household_id: str, printed_on: date) -> None:
        if not ok:
            self.problem.setText(self.tr("No household with this code is in this database."))
            self.code.selectAll()
            return
        self.accept()
        self.sheet_found.emit(household_id, printed_on)
