"""The 疑似重复 tab of the 同步 screen: the same person or household entered twice.

Self-contained: it adds itself as a tab beside the conflicts, reads its list on the
database thread (``store.duplicates.duplicate_list``), refreshes on the one ``changed``
signal when residents, households or the conflicts changed, and merges a pair with
``store.duplicates.merge`` (ordinary edits that sync).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridworker.store.changes import Changes
from gridworker.store.duplicates import DuplicatePair, duplicate_list, merge
from gridworker.ui.sync.views import _item, _table, big_button
from gridworker.ui.widgets import inform
from gridworker.ui.wording import display, record_name
from gridworker.ui.worker import DbRunner


class DuplicatesView(QWidget):
    """The list of pairs, why each looks like one record, and the merge button."""

    merge_requested = Signal(str, str, str)  # entity, keep, other

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "These records look like the same person or household entered twice (on two "
                "computers). Check them; merging keeps the first and moves everything of the "
                "second to it."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = _table(
            [self.tr("Kind"), self.tr("Keep"), self.tr("Merge into it"), self.tr("Why")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No duplicates: nobody was entered twice."))
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty.setFont(font)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty, 1)
        self.empty.setVisible(False)
        buttons = QHBoxLayout()
        self.merge_button = big_button(self.tr("&Merge these two"), primary=True)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(self._merge)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.pairs: list[DuplicatePair] = []
        self._busy = False
        self._selection_changed()

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = list(pairs)
        t = self.table
        t.setRowCount(len(pairs))
        for row, p in enumerate(pairs):
            why = display(p.reason)
            if p.merged:
                why = self.tr("{0} (merged, not finished)").format(why)
            t.setItem(row, 0, _item(record_name(p.entity)))
            t.setItem(row, 1, _item(display(p.keep_title), p.keep))
            t.setItem(row, 2, _item(display(p.other_title), p.other))
            t.setItem(row, 3, _item(why))
        t.resizeRowsToContents()
        self.empty.setVisible(not pairs)
        for w in (self.intro, self.table, self.merge_button):
            w.setVisible(bool(pairs))
        if pairs:
            t.selectRow(0)
        self._selection_changed()

    def selected(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self.pairs[r] if 0 <= r < len(self.pairs) else None

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.table.setEnabled(not busy)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(not self._busy and self.selected() is not None)

    def _merge(self) -> None:
        p = self.selected()
        if p is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Merge"),
            self.tr("Keep “{0}” and merge “{1}” into it? This is synced to the others.").format(
                display(p.keep_title), display(p.other_title)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge_requested.emit(p.entity, p.keep, p.other)


class DuplicatesTab(DuplicatesView):
    """The view as a tab of ``tabs``, reading and merging through ``runner``."""

    def __init__(self, runner: DbRunner, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.runner = runner
        self.tabs = tabs
        self.stale = True
        tabs.addTab(self, self.tr("Duplicates"))
        runner.changed.connect(self._data_changed)
        self.merge_requested.connect(self.do_merge)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        if changes.conflicts or changes.touches("household", "resident"):
            self.stale = True
            if self.tabs.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.runner.run(lambda store, _ctx: duplicate_list(store), self._loaded)

    def _loaded(self, pairs: list[DuplicatePair]) -> None:
        self.set_pairs(pairs)
        self.set_busy(False)
        i = self.tabs.indexOf(self)
        n = len(pairs)
        self.tabs.setTabText(
            i, self.tr("Duplicates ({0})").format(n) if n else self.tr("Duplicates")
        )
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(i, warn if n else QIcon())

    def do_merge(self, entity: str, keep: str, other: str) -> None:
        self.set_busy(True)

        def failed(message: str) -> None:
            inform(self, self.tr("Merge"), message, warning=True)
            self.refresh()

        # A write: the list comes back through ``changed``.
        self.runner.run(lambda store, _ctx: merge(store, entity, keep, other), None, failed)
