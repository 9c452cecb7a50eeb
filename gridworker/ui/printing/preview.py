"""The PDF preview: pages one under another, each drawn when it scrolls into view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from gridworker.ui.printing.pages import PDFIUM_LOCK, render_page

PAGE_GAP = 12
MAX_WIDTH = 900

if TYPE_CHECKING:  # pypdfium2 is loaded when a PDF is first shown or printed
    import pypdfium2


class PdfPreview(QScrollArea):
    """Shows a PDF file; only the pages in view are rendered, so 1,000 pages cost little."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(240)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QScrollArea { background: #8a8f96; }")
        self._pdf: pypdfium2.PdfDocument | None = None
        self._sizes: list[tuple[float, float]] = []
        self._labels: list[QLabel] = []
        self._drawn: dict[int, int] = {}  # page -> width it was drawn at
        self._body = QWidget()
        self._body.setStyleSheet("background: #8a8f96;")
        self._layout = QVBoxLayout(self._body)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._draw_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())
        self.viewport().installEventFilter(self)

    def pages(self) -> int:
        return len(self._sizes)

    def load(self, path: Path) -> None:
        """Show ``path`` (replacing what was shown)."""
        self.clear()
        with PDFIUM_LOCK:
            import pypdfium2

            self._pdf = pypdfium2.PdfDocument(str(path))
            self._sizes = [self._pdf[i].get_size() for i in range(len(self._pdf))]
        for i in range(len(self._sizes)):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white;")
            label.setAccessibleName(f"page {i + 1}")
            self._labels.append(label)
            self._layout.addWidget(label)
        self._resize_pages()
        self.verticalScrollBar().setValue(0)
        self._timer.start()

    def clear(self) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        self._sizes = []
        self._drawn = {}
        if self._pdf is not None:
            with PDFIUM_LOCK:
                self._pdf.close()
            self._pdf = None

    def drawn_pages(self) -> list[int]:
        """The pages drawn so far (for tests: the ones that came into view)."""
        return sorted(self._drawn)

    def _page_width(self) -> int:
        return max(160, min(MAX_WIDTH, self.viewport().width() - 2 * PAGE_GAP - 4))

    def _resize_pages(self) -> None:
        w = self._page_width()
        for label, (pw, ph) in zip(self._labels, self._sizes, strict=True):
            label.setFixedSize(w, round(w * ph / pw))

    def _draw_visible(self) -> None:
        if self._pdf is None:
            return
        w = self._page_width()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        for i, label in enumerate(self._labels):
            y = label.y()
            if y + label.height() < top - 200 or y > bottom + 200:
                continue
            if self._drawn.get(i) == w:
                continue
            image = render_page(self._pdf, i, w / self._sizes[i][0])
            label.setPixmap(QPixmap.fromImage(image))
            self._drawn[i] = w

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize and self._labels:
            self._resize_pages()
            self._timer.start()
        return super().eventFilter(watched, event)
