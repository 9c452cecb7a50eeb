"""打印: paper sheets to carry door to door. Filled by the printing work."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gridworker.ui.widgets import EmptyState


class PrintScreen(QWidget):
    """Will offer the printable documents; until then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            EmptyState(
                self.tr("Print"),
                self.tr("Printing is not available in this version yet."),
                [
                    self.tr("Visit sheets for a building or estate, with masked ID numbers"),
                    self.tr("Gas-safety notices to leave with a household"),
                    self.tr("Monthly reports for the community office"),
                ],
            )
        )
