"""The sheet's QR code as a light flowable: encoded once, drawn as one filled path.

reportlab's QR widget encodes the text twice per drawing (once to measure it), tries all
eight mask patterns each time and draws every run of modules as a separate shape: about
60 ms a sheet, more than the rest of the sheet. Any mask pattern is valid (the code
names the one it uses), so one fixed pattern is used here, and the upper-case sheet code
fits QR's alphanumeric mode (version 3, 29 modules, large enough for a cheap scanner).
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

__all__ = ["QrFlowable", "qr_modules"]


def qr_modules(text: str) -> list[list[bool]]:
    """The dark/light modules of ``text`` at error-correction level M."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return [[bool(m) for m in row] for row in qr.modules]


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A square QR code of ``size`` points with a quiet zone of ``border`` modules."""

    def __init__(self, text: str, size: float, border: int = 2) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.border = border
        self.modules = qr_modules(text)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv: Any = self.canv
        n = len(self.modules)
        box = self.size / (n + 2 * self.border)
        path = canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((start + self.border) * box, y, (c - start) * box, box)
                else:
                    c += 1
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()
