"""A small horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

Horizontal bars keep long labels readable at any text size: label on the left, the bar,
and the figure at its end. Each bar may show a share of a whole (covered of flagged) as
a filled part over a pale track.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: QColor
    whole: int | None = None  # a share: value of whole (the track is the whole)
    text: str = ""  # what is written at the bar's end (default: the value)


class BarChart(QWidget):
    """A titled list of bars, scaled to the largest value (or each to its whole)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], title: str | None = None) -> None:
        self.bars = bars
        if title is not None:
            self.title = title
        self.updateGeometry()
        self.update()

    def _row(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("网") * 30, self._row() * (len(self.bars) + 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("网") * 16, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        row = self._row()
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        if not self.bars:
            return
        label_w = max(fm.horizontalAdvance(b.label) for b in self.bars) + 12
        texts = [b.text or str(b.value) for b in self.bars]
        text_w = max(fm.horizontalAdvance(t) for t in texts) + 12
        track_w = max(20.0, self.width() - label_w - text_w - 4)
        top_value = max([1, *(b.value for b in self.bars if b.whole is None)])
        for i, (b, text) in enumerate(zip(self.bars, texts, strict=True)):
            y = row * (i + 1) + 4
            h = row - 10
            p.setPen(self.palette().windowText().color())
            p.drawText(
                QRectF(0, y, label_w - 8, h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                b.label,
            )
            if b.whole is not None:
                p.setPen(Qt.PenStyle.NoPen)
                pale = QColor(b.colour)
                pale.setAlpha(50)
                p.setBrush(pale)
                p.drawRoundedRect(QRectF(label_w, y, track_w, h), 3, 3)
                share = b.value / b.whole if b.whole else 0.0
                width = track_w * share
            else:
                width = track_w * b.value / top_value
            if width > 0:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(b.colour)
                p.drawRoundedRect(QRectF(label_w, y, max(width, 3.0), h), 3, 3)
            p.setPen(self.palette().windowText().color())
            end = label_w + (track_w if b.whole is not None else max(width, 3.0)) + 6
            p.drawText(QRectF(end, y, text_w, h), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()
