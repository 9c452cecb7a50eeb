"""今日工作: the day's worklist. Filled by the visits/care work; an honest empty state now."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gridworker.ui.widgets import EmptyStateScreen


class TodayScreen(EmptyStateScreen):
    """Will list who to visit today and why; until then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_empty(
            self.tr("Today's work"),
            self.tr(
                "The day's work list is not available in this version yet. It will be "
                "drawn from the visit records, care colours and gas-safety checks."
            ),
            [
                self.tr("Residents whose care colour calls for a visit this week"),
                self.tr("Gas hazards waiting for a re-check"),
                self.tr("Open requests for help, with their due dates"),
            ],
        )
