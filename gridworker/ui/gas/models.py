"""Table models of the gas lists: rows read on the database thread, shown as they are.

The lists are short (a micro-grid's hazards, a month's inspections, at most a few thousand
rows at the office), so a model holds its rows; each column says what it shows, in which
colour, and how it sorts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from gridworker.store.gas_queries import DueRow, HazardRow, InspectionRow
from gridworker.ui.gas.words import (
    GRADE_COLOURS,
    OVERDUE,
    STATUS_COLOURS,
    colour,
    day,
    overdue_text,
    word,
)

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str  # English source text, context "GasTables"
    text: Callable[[R], str]
    colour: Callable[[R], QColor | None] = lambda _r: None
    bold: Callable[[R], bool] = lambda _r: False
    right: bool = False


class RowsModel(QAbstractTableModel, Generic[R]):
    """A list of rows under the given columns."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> R | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("GasTables", self.columns[section].title)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row(index.row())
        if r is None or not index.isValid():
            return None
        c = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return c.text(r)
        if role == Qt.ItemDataRole.ForegroundRole:
            found = c.colour(r)
            return QBrush(found) if found is not None else None
        if role == Qt.ItemDataRole.FontRole and c.bold(r):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and c.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return r
        return None


def _late(r: HazardRow) -> QColor | None:
    return QColor(OVERDUE) if r.overdue_days else None


HAZARD_COLUMNS: list[Column[HazardRow]] = [
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Address")), lambda r: r.place.address),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Head")), lambda r: r.place.head_name),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Item")), lambda r: r.item_label),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Grade")),
        lambda r: word(r.grade),
        lambda r: colour(r.grade, GRADE_COLOURS),
        lambda r: r.grade == "重大",
    ),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Status")),
        lambda r: word(r.status),
        lambda r: colour(r.status, STATUS_COLOURS),
    ),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Found on")), lambda r: day(r.found_on)),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Deadline")), lambda r: day(r.deadline), _late),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Late")),
        lambda r: overdue_text(r.overdue_days),
        _late,
        lambda r: r.overdue_days > 0,
    ),
]
HAZARD_OFFICE_COLUMNS = [
    Column[HazardRow](
        str(QT_TRANSLATE_NOOP("GasTables", "Micro-grid")), lambda r: r.place.micro_grid_name
    ),
    *HAZARD_COLUMNS,
]
HOUSEHOLD_HAZARD_COLUMNS = [c for c in HAZARD_COLUMNS if c.title not in ("Address", "Head")]


def _outcome(r: InspectionRow) -> str:
    text = word(r.outcome)
    return text + (" · " + word("已作废") if r.voided else "")


def _found(r: InspectionRow) -> str:
    if r.outcome != "已检查":
        return ""
    if not r.hazards:
        return QCoreApplication.translate("GasTables", "None")
    found = QCoreApplication.translate("GasTables", "{0} hazard(s)").format(r.hazards)
    if r.major:
        found += QCoreApplication.translate("GasTables", " ({0} major)").format(r.major)
    return found


INSPECTION_COLUMNS: list[Column[InspectionRow]] = [
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Date")), lambda r: day(r.inspected_on)),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Address")), lambda r: r.place.address),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Head")), lambda r: r.place.head_name),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Outcome")),
        _outcome,
        lambda r: QColor("#b06000") if r.outcome != "已检查" else None,
    ),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Hazards found")),
        _found,
        lambda r: QColor(OVERDUE) if r.major else None,
        lambda r: r.major > 0,
    ),
    Column(str(QT_TRANSLATE_NOOP("GasTables", "Inspector")), lambda r: r.inspector),
    Column(
        str(QT_TRANSLATE_NOOP("GasTables", "Signed")),
        lambda r: QCoreApplication.translate("GasTables", "Yes") if r.signed else "",
    ),
]
INSPECTION_OFFICE_COLUMNS = [
    Column[InspectionRow](
        str(QT_TRANSLATE_NOOP("GasTables", "Micro-grid")), lambda r: r.place.micro_grid_name
    ),
    *INSPECTION_COLUMNS,
]
HOUSEHOLD_INSPECTION_COLUMNS = [c for c in INSPECTION_COLUMNS if c.title not in ("Address", "Head")]


def due_columns(on: date, office: bool) -> list[Column[DueRow]]:
    def last(r: DueRow) -> str:
        if r.failed_on and r.failed_outcome:
            return f"{day(r.failed_on)} {word(r.failed_outcome)}"
        return ""

    cols: list[Column[DueRow]] = [
        Column(str(QT_TRANSLATE_NOOP("GasTables", "Address")), lambda r: r.place.address),
        Column(str(QT_TRANSLATE_NOOP("GasTables", "Head")), lambda r: r.place.head_name),
        Column(str(QT_TRANSLATE_NOOP("GasTables", "Due on")), lambda r: day(r.due)),
        Column(
            str(QT_TRANSLATE_NOOP("GasTables", "Late")),
            lambda r: overdue_text(r.days_overdue(on)),
            lambda r: QColor(OVERDUE) if r.days_overdue(on) else None,
        ),
        Column(
            str(QT_TRANSLATE_NOOP("GasTables", "Last inspected")),
            lambda r: (
                day(r.last_done)
                if r.last_done
                else QCoreApplication.translate("GasTables", "Never")
            ),
        ),
        Column(
            str(QT_TRANSLATE_NOOP("GasTables", "Last attempt")),
            last,
            lambda r: QColor("#b06000") if r.failed_on else None,
        ),
    ]
    if office:
        cols.insert(
            0,
            Column(
                str(QT_TRANSLATE_NOOP("GasTables", "Micro-grid")), lambda r: r.place.micro_grid_name
            ),
        )
    return cols
