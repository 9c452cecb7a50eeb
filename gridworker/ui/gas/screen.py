"""燃气安全: gas-safety inspections and hazards. Filled by the gas-safety work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gridworker.ui.widgets import EmptyStateScreen


class GasScreen(EmptyStateScreen):
    """Will hold inspections and hazard follow-up; until then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_empty(
            self.tr("Gas safety"),
            self.tr("Gas-safety inspections are not available in this version yet."),
            [
                self.tr("Inspections of each household with the checklist results"),
                self.tr("Hazards found, with their rectification deadlines and re-checks"),
                self.tr("Households not yet inspected this round"),
            ],
        )
