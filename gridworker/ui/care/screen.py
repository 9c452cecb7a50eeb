"""三色关爱: the three-colour care flags. Filled by the care work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gridworker.ui.widgets import EmptyStateScreen


class CareScreen(EmptyStateScreen):
    """Will hold red/yellow/green care flags; until then says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_empty(
            self.tr("Three-colour care"),
            self.tr("Care flags are not available in this version yet."),
            [
                self.tr("Red, yellow and green care levels for vulnerable residents"),
                self.tr("Why each resident has their colour, and when it was last reviewed"),
                self.tr("How often each colour must be visited, and who is overdue"),
            ],
        )
