"""A plain horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts):
one bar a figure, its label on the left and its number at the end, readable at any text
size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str
    section: str = ""  # a heading drawn above the first bar of each section


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def _row(self) -> int:
        return self.fontMetrics().height() + 10

    def _lines(self) -> int:
        sections = len({b.section for b in self.bars if b.section})
        return len(self.bars) + sections

    def sizeHint(self) -> QSize:
        return QSize(480, self._lines() * self._row() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._lines() * self._row() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        row = self._row()
        label_w = max((fm.horizontalAdvance(b.label) for b in self.bars), default=0) + 16
        number_w = fm.horizontalAdvance("00000") + 8
        room = max(10, self.width() - label_w - number_w - 8)
        top = max((b.value for b in self.bars), default=0) or 1
        y = 4
        section = ""
        text = self.palette().windowText().color()
        for b in self.bars:
            if b.section and b.section != section:
                section = b.section
                f = p.font()
                f.setBold(True)
                p.setFont(f)
                p.setPen(text)
                p.drawText(QRectF(0, y, self.width(), row), Qt.AlignmentFlag.AlignVCenter, section)
                f.setBold(False)
                p.setFont(f)
                y += row
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                b.label,
            )
            w = room * b.value / top
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(b.colour))
            p.drawRoundedRect(QRectF(label_w, y + 4, max(w, 2 if b.value else 0), row - 8), 3, 3)
            p.setPen(text)
            p.drawText(
                QRectF(label_w + w + 6, y, number_w, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(b.value),
            )
            y += row
        p.end()
