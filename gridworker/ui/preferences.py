"""Remembered choices (window geometry, language, text size, last screen) via QSettings.

Stored in an INI file so tests and portable installs can point it elsewhere: the
GRIDWORKER_SETTINGS environment variable names the file; otherwise it lives in the
platform's user configuration folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

Language = Literal["zh_CN", "en"]
TextSize = Literal["normal", "large"]

# Point sizes: "normal" is already generous for a laptop screen; "large" is for older eyes.
FONT_POINTS: dict[str, int] = {"normal": 12, "large": 15}


def settings() -> QSettings:
    """The app's settings store (a new handle each time; values are shared)."""
    path = os.environ.get("GRIDWORKER_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GridWorker", "gridworker"
    )


def language() -> Language:
    v = str(settings().value("ui/language", "zh_CN"))
    return "en" if v == "en" else "zh_CN"


def set_language(lang: Language) -> None:
    s = settings()
    s.setValue("ui/language", lang)
    s.sync()


def text_size() -> TextSize:
    v = str(settings().value("ui/text_size", "normal"))
    return "large" if v == "large" else "normal"


def set_text_size(size: TextSize) -> None:
    s = settings()
    s.setValue("ui/text_size", size)
    s.sync()


def apply_text_size(app: QApplication, size: TextSize | None = None) -> None:
    """Set the application font size (every widget follows unless it sets its own)."""
    font = QFont(app.font())
    font.setPointSize(FONT_POINTS[size or text_size()])
    app.setFont(font)


def print_font() -> Path | None:
    """The font file chosen for printing in 设置, or None to find one automatically."""
    v = str(settings().value("print/font_file", "") or "")
    return Path(v) if v else None


def set_print_font(path: Path | None) -> None:
    s = settings()
    s.setValue("print/font_file", str(path) if path else "")
    s.sync()
