"""PDF pages as images for the preview and the printer (pypdfium2; Qt has no PDF module
in PySide6-Essentials).

PDFium must not be used from two threads at once: the preview renders on the UI thread,
printing on the database thread, so every use goes through :data:`PDFIUM_LOCK`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

PDFIUM_LOCK = threading.Lock()
PRINT_DPI_MAX = 300  # enough for text and QR codes; 600 dpi pages are 140 MB each

if TYPE_CHECKING:  # pypdfium2 is loaded when a PDF is first shown or printed
    import pypdfium2


def render_page(pdf: pypdfium2.PdfDocument, index: int, scale: float) -> QImage:
    """One page as an image, ``scale`` pixels per PDF point."""
    with PDFIUM_LOCK:
        bitmap = pdf[index].render(scale=scale, prefer_bgrx=True)
        pixels = bytes(bitmap.buffer)  # QImage does not copy them: kept alive until...
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        view = QImage(pixels, w, h, stride, QImage.Format.Format_RGB32)
        return view.copy()  # ...this copy, which owns its pixels


def print_pdf(
    path: Path,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Send the PDF's pages (the printer's page range, or all) to ``printer`` as images at
    the printer's resolution (at most 300 dpi); returns the number of pages printed.

    QPainter may paint on a QPrinter outside the UI thread, so this runs as a database-
    thread job behind a progress dialog.
    """
    with PDFIUM_LOCK:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
    try:
        n = len(pdf)
        first = max(1, printer.fromPage() or 1)
        last = min(n, printer.toPage() or n)
        pages = list(range(first - 1, last))
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            for k, i in enumerate(pages):
                if cancelled is not None and cancelled():
                    printer.abort()
                    break
                if k:
                    printer.newPage()
                image = render_page(pdf, i, dpi / 72)
                painter.drawImage(target, image)
                if progress is not None:
                    progress(k + 1, len(pages))
        finally:
            painter.end()
        return len(pages)
    finally:
        with PDFIUM_LOCK:
            pdf.close()
