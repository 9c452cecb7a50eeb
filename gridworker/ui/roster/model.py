"""The resident table model: holds ordered ids, fetches rows page by page on demand.

With 100,000 residents only the id list lives in memory; a row becomes a Python object
when its page is first painted, and pages are fetched on the database thread so the
table never waits for SQLite (an unloaded row shows "…" for a moment). Old pages are
dropped once more than ``MAX_PAGES`` are cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gridworker.core.idcard import mask_id
from gridworker.core.phone import mask_phone
from gridworker.store.queries import ResidentRow, roster_rows
from gridworker.ui.roster.delegates import ADDRESS_PARTS_ROLE
from gridworker.ui.wording import vocab, vocab_items
from gridworker.ui.worker import DbRunner

PAGE = 200
MAX_PAGES = 40

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("ResidentTableModel", text)


# (sort key, header); headers are translated when the model is made.
COLUMNS: tuple[tuple[str, str], ...] = (  # type: ignore[assignment]
    ("name", QT_TRANSLATE_NOOP("ResidentTableModel", "Name")),
    ("sex", QT_TRANSLATE_NOOP("ResidentTableModel", "Sex")),
    ("age", QT_TRANSLATE_NOOP("ResidentTableModel", "Age")),
    ("id_number", QT_TRANSLATE_NOOP("ResidentTableModel", "ID number")),
    ("phone", QT_TRANSLATE_NOOP("ResidentTableModel", "Phone")),
    ("address", QT_TRANSLATE_NOOP("ResidentTableModel", "Address")),
    ("relation", QT_TRANSLATE_NOOP("ResidentTableModel", "Relation")),
    ("population_type", QT_TRANSLATE_NOOP("ResidentTableModel", "Type")),
    ("status", QT_TRANSLATE_NOOP("ResidentTableModel", "Status")),
    ("tags", QT_TRANSLATE_NOOP("ResidentTableModel", "Groups")),
)
# Short column titles keep a list on a laptop readable in English with large text; the
# whole name is the title's tooltip.
LONG_TITLES: dict[str, str] = {
    "relation": str(QT_TRANSLATE_NOOP("ResidentTableModel", "Relation to the head of household")),
    "population_type": str(QT_TRANSLATE_NOOP("ResidentTableModel", "Population type")),
    "tags": str(QT_TRANSLATE_NOOP("ResidentTableModel", "Special groups")),
    "micro_grid": str(QT_TRANSLATE_NOOP("ResidentTableModel", "Micro-grid")),
}
HOUSEHOLD_COLUMNS = tuple(c for c in COLUMNS if c[0] != "address")
# The office sees every micro-grid: which one a resident belongs to takes the place of
# the relation to the household's head (shown on the household page), so the list still
# fits a 1280-wide window in large text.
OFFICE_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    ("micro_grid", str(QT_TRANSLATE_NOOP("ResidentTableModel", "Grid")))
    if key == "relation"
    else (key, title)
    for key, title in COLUMNS
)


class ResidentTableModel(QAbstractTableModel):
    """Rows are residents in the order of ``ids``; cells are masked for on-screen lists."""

    sort_requested = Signal(str, bool)  # sort key ("" = default order), descending
    page_loaded = Signal(int)  # page number, after its rows arrived

    def __init__(
        self,
        runner: DbRunner,
        columns: Sequence[tuple[str, str]] = COLUMNS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._columns = tuple(columns)
        self._headers = [_t(h) for _, h in self._columns]
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[ResidentRow | None]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._today = date.today()
        self.sort_key = ""
        self.descending = False

    # -- content ----------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        """Show these residents, in this order (rows load as they are shown)."""
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        self._today = date.today()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the rows (after an edit) without changing the order."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._ids) - 1, len(self._columns) - 1),
            )

    def ids(self) -> list[str]:
        return self._ids

    def resident_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def loaded_row(self, row: int) -> ResidentRow | None:
        """The row's data if its page is loaded (no fetch is started)."""
        page = self._pages.get(row // PAGE)
        return None if page is None else page[row % PAGE]

    def column_key(self, column: int) -> str:
        return self._columns[column][0]

    def column_keys(self) -> list[str]:
        return [key for key, _ in self._columns]

    # -- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(self._headers):
            key = self._columns[section][0]
            return _t(LONG_TITLES[key]) if key in LONG_TITLES else self._headers[section]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        r = index.row()
        if role == ID_ROLE:
            return self._ids[r]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            HOUSEHOLD_ROLE,
            ADDRESS_PARTS_ROLE,
        ):
            return None
        row = self._row(r)
        if role == HOUSEHOLD_ROLE:
            return None if row is None else row.household_id
        if role == ADDRESS_PARTS_ROLE:
            if row is None or self._columns[index.column()][0] != "address":
                return None
            return (row.estate, f"{row.building}{row.unit}{row.room}")
        if row is None:
            return "…" if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole else None
        key = self._columns[index.column()][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "tags" and row.tags:
                return vocab_items("tags", row.tags)
            if key == "address":
                return row.address
            if key == "status" and row.status_date:
                return f"{vocab('status', row.status)} {row.status_date}"
            if key == "sex" and row.sex:
                return vocab("sex", row.sex)
            if key in ("relation", "population_type", "status"):
                return vocab(key, getattr(row, key)) or None
            return None
        return self._cell(row, key)

    def _cell(self, row: ResidentRow, key: str) -> str:
        if key == "age":
            age = row.age_on(self._today)
            return "" if age is None else str(age)
        if key == "id_number":
            return mask_id(row.id_number)
        if key == "phone":
            return mask_phone(row.phone) if row.phone else ""
        if key == "address":
            return row.address
        if key == "tags":
            return vocab_items("tags", row.tags)
        if key == "micro_grid":
            return row.micro_grid_name
        if key == "sex":  # one letter in English (M/F), the whole word in the tooltip
            shown = vocab("sex", row.sex)
            return shown[:1] if shown != row.sex else shown
        if key in ("relation", "population_type", "status"):
            return vocab(key, getattr(row, key))
        value: str = getattr(row, key)
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database: ask the screen to reload the ids in that order."""
        key = self._columns[column][0] if 0 <= column < len(self._columns) else ""
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.sort_requested.emit(key, descending)

    # -- paging --------------------------------------------------------------------
    def _row(self, r: int) -> ResidentRow | None:
        p = r // PAGE
        page = self._pages.get(p)
        if page is None:
            self._request(p)
            return None
        self._pages.move_to_end(p)
        return page[r % PAGE]

    def _request(self, p: int) -> None:
        if p in self._pending or not self._runner.running:
            return  # asked already, or the window closed and a late repaint asks for rows
        self._pending.add(p)
        ids = self._ids[p * PAGE : (p + 1) * PAGE]
        generation = self._generation
        self._runner.run(
            lambda store, _ctx: roster_rows(store, ids),
            lambda rows: self._loaded(generation, p, ids, rows),
            lambda _msg: self._pending.discard(p),
        )

    def _loaded(
        self, generation: int, p: int, ids: list[str], rows: dict[str, ResidentRow]
    ) -> None:
        if generation != self._generation:
            return  # the list changed meanwhile; the new one asks again
        self._pending.discard(p)
        self._pages[p] = [rows.get(i) for i in ids]
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first, last = p * PAGE, min(len(self._ids), (p + 1) * PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))
        self.page_loaded.emit(p)
