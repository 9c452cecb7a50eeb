"""Import a roster spreadsheet: choose the file, see what would happen, confirm.

Reading and checking the sheet (the plan) writes nothing; the preview shows how many
residents would be new, updated or unchanged and every rejected row with its reason.
Only "Import" writes, in one transaction, behind a cancellable progress dialog — a
cancel or an error leaves the database exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridworker.roster.importer import (
    ImportPlan,
    ImportResult,
    RowProblem,
    apply_import,
    plan_import,
    write_errors_csv,
)
from gridworker.store.store import Store
from gridworker.ui.widgets import inform, run_with_progress
from gridworker.ui.wording import display, join_items, sentence
from gridworker.ui.worker import DbRunner, JobContext

AnyIndex = QModelIndex | QPersistentModelIndex

_HEADERS: tuple[str, ...] = (  # type: ignore[assignment]
    QT_TRANSLATE_NOOP("ProblemTableModel", "Row"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "Column"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "Problem"),
)


class ProblemTableModel(QAbstractTableModel):
    """The rejected rows of a plan: spreadsheet row, the sheet's column name, the reason."""

    def __init__(self, problems: list[RowProblem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems = problems
        self._headers = [QCoreApplication.translate("ProblemTableModel", h) for h in _HEADERS]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < 3 else None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        p = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(p.row), p.column, sentence(display(p.message)))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportDialog(QDialog):
    """The preview and confirmation step; :meth:`start` asks for the file first."""

    imported = Signal(object)  # ImportResult
    planned = Signal(object)  # ImportPlan, when the preview is ready
    finished_with_error = Signal(str)

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.error: str | None = None
        self.setWindowTitle(self.tr("Import a roster spreadsheet"))
        self.resize(860, 560)

        layout = QVBoxLayout(self)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        # Which worksheet of several was read, and which others hold data not imported.
        self.sheets_label = QLabel()
        self.sheets_label.setWordWrap(True)
        self.sheets_label.setVisible(False)
        layout.addWidget(self.sheets_label)

        figures = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(
            (
                ("new", self.tr("New residents")),
                ("updated", self.tr("Updated")),
                ("unchanged", self.tr("Unchanged")),
                ("invalid", self.tr("Rows with problems")),
            )
        ):
            number = QLabel("0")
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(text)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            figures.addWidget(number, 0, i)
            figures.addWidget(caption, 1, i)
            self.figure_labels[key] = number
        layout.addLayout(figures)
        self.households_label = QLabel()
        layout.addWidget(self.households_label)

        self.problems_label = QLabel(self.tr("These rows will not be imported:"))
        layout.addWidget(self.problems_label)
        self.problems = QTableView()
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setWordWrap(True)
        self.problems.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.problems, 1)

        self.skip_invalid = QCheckBox(
            self.tr("Leave out the rows with problems and import the rest")
        )
        self.skip_invalid.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_invalid)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.save_problems_button = QPushButton(self.tr("Save problem rows as CSV…"))
        self.save_problems_button.clicked.connect(self._save_problems)
        buttons.addWidget(self.save_problems_button)
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

    # -- steps ---------------------------------------------------------------------
    def start(self) -> None:
        """Ask for the file, then read it (nothing is written yet)."""
        name, _ = QFileDialog.getOpenFileName(
            self.parentWidget(),
            self.tr("Choose a roster spreadsheet"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.plan_file(Path(name))

    def plan_file(self, path: Path) -> None:
        """Read and check the sheet on the database thread; then show the preview."""
        self.error = None

        def job(store: Store, ctx: JobContext) -> ImportPlan:
            return plan_import(store, path, progress=ctx)

        run_with_progress(
            self.parentWidget() or self,
            self.runner,
            job,
            self.tr("Reading {0}…").format(path.name),
            self.show_plan,
            self._plan_failed,
        )

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        if plan.encoding is not None:  # a CSV file has no worksheets
            self.file_label.setText(
                self.tr("File: {0} (headers in row {1}, {2} data rows)").format(
                    plan.path.name, plan.header_row, plan.rows
                )
            )
        else:
            self.file_label.setText(
                self.tr("File: {0} (sheet “{1}”, headers in row {2}, {3} data rows)").format(
                    plan.path.name, plan.sheet, plan.header_row, plan.rows
                )
            )
        unread = plan.unread_warning()
        notes = [display(n) for n in (plan.sheet_note(), unread) if n is not None]
        self.sheets_label.setText("\n".join(notes))
        self.sheets_label.setStyleSheet("color: #b00020;" if unread is not None else "")
        self.sheets_label.setVisible(bool(notes))
        for key in ("new", "updated", "unchanged", "invalid"):
            self.figure_labels[key].setText(str(getattr(plan, key)))
        self.figure_labels["invalid"].setStyleSheet("color: #b00020;" if plan.invalid else "")
        self.households_label.setText(
            self.tr("Households: {0} new, {1} updated.").format(
                plan.households_new, plan.households_updated
            )
            + (
                "  " + self.tr("Columns not used: {0}").format(join_items(plan.ignored_columns))
                if plan.ignored_columns
                else ""
            )
        )
        self.problems.setModel(ProblemTableModel(plan.problems, self.problems))
        self.problems.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        has_problems = bool(plan.rejected)
        self.problems.setVisible(has_problems)
        self.problems_label.setVisible(has_problems)
        self.skip_invalid.setVisible(has_problems)
        self.save_problems_button.setVisible(has_problems)
        self.skip_invalid.setChecked(False)
        self._update_buttons()
        self.planned.emit(plan)
        self.open()
        if len(plan.problems) <= 300:  # the whole reason on the lines it needs, laid out
            QTimer.singleShot(0, self.problems.resizeRowsToContents)

    def _update_buttons(self) -> None:
        plan = self.plan
        if plan is None:
            self.import_button.setEnabled(False)
            return
        work = plan.new + plan.updated + plan.households_new + plan.households_updated
        blocked = bool(plan.rejected) and not self.skip_invalid.isChecked()
        self.import_button.setEnabled(work > 0 and not blocked)
        if blocked:
            self.message.setText(
                self.tr(
                    "Nothing will be written while rows have problems: correct them in the "
                    "file and import again, or leave those rows out."
                )
            )
        elif work == 0:
            self.message.setText(self.tr("Everything in this file is already in the roster."))
        else:
            self.message.setText(self.tr("Nothing has been written yet."))

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        skip = self.skip_invalid.isChecked()

        def job(store: Store, ctx: JobContext) -> ImportResult:
            return apply_import(store, plan, skip_invalid=skip, progress=ctx)

        self.import_button.setEnabled(False)
        run_with_progress(
            self,
            self.runner,
            job,
            self.tr("Importing…"),
            self._applied,
            self._apply_failed,
        )

    def _applied(self, result: ImportResult) -> None:
        self.import_result = result
        self.imported.emit(result)
        self.accept()
        inform(self.parentWidget() or self, self.tr("Import finished"), display(result.summary()))

    def _apply_failed(self, message: str) -> None:
        self.error = message
        self.message.setText(message)
        self._update_buttons()
        self.finished_with_error.emit(message)

    def _plan_failed(self, message: str) -> None:
        self.error = message
        self.finished_with_error.emit(message)
        inform(self.parentWidget() or self, self.tr("Import a roster spreadsheet"), message, True)

    def _save_problems(self) -> None:
        if self.plan is None:
            return
        suggested = self.plan.path.with_name(self.plan.path.stem + "-问题行.csv")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save problem rows"), str(suggested), self.tr("CSV (*.csv)")
        )
        if name:
            try:
                write_errors_csv(self.plan, Path(name))
            except OSError as e:
                inform(self, self.tr("Save problem rows"), str(e), True)
