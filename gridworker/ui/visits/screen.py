"""走访记录: visit records. Filled by the visits work; an honest empty state now."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gridworker.ui.widgets import EmptyStateScreen


class VisitsScreen(EmptyStateScreen):
    """Will hold the visit log; until then says what it will hold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_empty(
            self.tr("Visit records"),
            self.tr("Visit records are not available in this version yet."),
            [
                self.tr("Every door-to-door visit: date, household, who was met, notes"),
                self.tr("Requests for help made during visits and how they were resolved"),
                self.tr("Visit sheets entered from paper after a round"),
            ],
        )
