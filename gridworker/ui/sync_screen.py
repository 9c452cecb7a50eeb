"""同步: bundles to and from the community office on a USB stick. Filled by the sync work."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gridworker.store.store import Identity
from gridworker.ui.widgets import EmptyState


class SyncScreen(QWidget):
    """Will export and import bundles; until then says what it will do for this installation."""

    def __init__(self, identity: Identity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if identity.role == "worker":
            items = [
                self.tr("Export a bundle of your changes for the community office (Ctrl+E)"),
                self.tr("Import the office's bundle with roster updates for your micro-grid"),
                self.tr("See what a bundle contains before importing it"),
            ]
        else:
            items = [
                self.tr("Import the bundles of all micro-grids and merge them"),
                self.tr("Send each micro-grid its roster updates"),
                self.tr("Review edits that conflicted and choose which to keep"),
            ]
        layout.addWidget(
            EmptyState(
                self.tr("Sync"),
                self.tr(
                    "Exchanging bundles on a USB stick is not available in this version yet. "
                    "Every change you make is already kept in the change log, so nothing will "
                    "be missing from the first bundle."
                ),
                items,
            )
        )
