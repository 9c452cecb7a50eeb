"""打印: paper sheets to carry door to door. Filled by the printing work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gridworker.ui.widgets import EmptyStateScreen


class PrintScreen(EmptyStateScreen):
    """Will offer the printable documents; until then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_empty(
            self.tr("Print"),
            self.tr("Printing is not available in this version yet."),
            [
                self.tr("Visit sheets for a building or estate, with masked ID numbers"),
                self.tr("Gas-safety notices to leave with a household"),
                self.tr("Monthly reports for the community office"),
            ],
        )
