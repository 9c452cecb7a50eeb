"""Choosing bundles to import: the bundles in a folder (the stick) with who sent each one,
what it is, for which micro-grid and when it was made — the parts of the file name a
narrow file dialog cuts off. Another folder is one button away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridworker.sync.bundle import SUFFIX, Manifest, peek_manifest
from gridworker.ui.sync.views import kind_label
from gridworker.ui.timefmt import friendly_time
from gridworker.ui.worker import DbRunner

Listing = list[tuple[Path, Manifest | None]]


def list_bundles(folder: Path) -> Listing:
    """The bundle files in ``folder`` with what each says about itself (None: unreadable),
    newest first, unreadable ones last."""
    try:
        files = [
            p
            for p in folder.iterdir()
            if p.is_file() and (p.name.endswith(SUFFIX) or p.name.endswith(SUFFIX + ".gz"))
        ]
    except OSError:
        return []
    found = [(p, peek_manifest(p)) for p in files]
    return sorted(found, key=lambda f: (f[1] is None, _minus(f[1].created) if f[1] else f[0].name))


def _minus(created: str) -> str:
    """A sort key putting the newest ISO time first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in created)


class BundlePicker(QDialog):
    """Lists the bundles of a folder; ``chosen`` gives the files picked. Reading the
    manifests runs on the database thread when there is one (a stick can be slow)."""

    chosen = Signal(list)  # list[Path]
    listed = Signal()

    def __init__(
        self, runner: DbRunner | None, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.folder = folder
        self.setWindowTitle(self.tr("Choose the bundles to import"))
        self.resize(900, 440)
        layout = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        headers = [
            self.tr("From"),
            self.tr("Kind"),
            self.tr("Micro-grid"),
            self.tr("Made"),
            self.tr("Changes"),
            self.tr("File"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._accept())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There are no bundles in this folder."))
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.other_folder = QPushButton(self.tr("Look in another folder…"))
        self.other_folder.clicked.connect(self._choose_folder)
        row.addWidget(self.other_folder)
        row.addStretch(1)
        box = QDialogButtonBox()
        self.import_button = box.addButton(
            self.tr("Import the chosen bundles"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        row.addWidget(box)
        layout.addLayout(row)
        self.paths: list[Path] = []
        self._selection_changed()

    def open(self) -> None:
        super().open()
        self.load(self.folder)

    def load(self, folder: Path) -> None:
        """List the bundles in ``folder``."""
        self.folder = folder
        self.where.setText(self.tr("Bundles in {0}:").format(folder))
        self.table.setRowCount(0)
        if self.runner is None or not self.runner.running:
            self._show(list_bundles(folder))
            return

        def job(_store: Any, _ctx: Any) -> Listing:
            return list_bundles(folder)

        self.runner.run(job, self._show)

    def _show(self, listing: Listing) -> None:
        self.paths = [p for p, _ in listing]
        self.table.setRowCount(len(listing))
        for r, (path, m) in enumerate(listing):
            if m is None:  # listed (it may be chosen, to see why it is refused), unread
                cells = ["", self.tr("(cannot be read)"), "", "", "", path.name]
            else:
                cells = [
                    m.sender_user,
                    kind_label(m.kind),
                    m.micro_grid_name,
                    friendly_time(m.created),
                    str(m.op_count),
                    path.name,
                ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(path) if c == len(cells) - 1 else text)
                self.table.setItem(r, c, item)
        self.empty.setVisible(not listing)
        self.table.setVisible(bool(listing))
        if len(listing) == 1:
            self.table.selectRow(0)
        self._selection_changed()
        self.listed.emit()

    def selected(self) -> list[Path]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.paths[r] for r in rows if 0 <= r < len(self.paths)]

    def _selection_changed(self) -> None:
        self.import_button.setEnabled(bool(self.selected()))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder with the bundles"), str(self.folder)
        )
        if folder:
            self.load(Path(folder))

    def _accept(self) -> None:
        paths = self.selected()
        if not paths:
            return
        self.accept()
        self.chosen.emit(paths)


__all__ = ["BundlePicker", "list_bundles"]
