"""The gas vocabulary on screen: stored words (待整改, 重大, 到访不遇…) in the interface's
language, and the colours that mark them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

# Stored word -> the English source text of its translation (context "GasWords").
_WORDS: dict[str, object] = {
    "已检查": QT_TRANSLATE_NOOP("GasWords", "Inspected"),
    "到访不遇": QT_TRANSLATE_NOOP("GasWords", "Nobody home"),
    "拒绝入户": QT_TRANSLATE_NOOP("GasWords", "Entry refused"),
    "合格": QT_TRANSLATE_NOOP("GasWords", "OK"),
    "隐患": QT_TRANSLATE_NOOP("GasWords", "Hazard"),
    "不适用": QT_TRANSLATE_NOOP("GasWords", "Not applicable"),
    "重大": QT_TRANSLATE_NOOP("GasWords", "Major"),
    "一般": QT_TRANSLATE_NOOP("GasWords", "Ordinary"),
    "提示": QT_TRANSLATE_NOOP("GasWords", "Advice"),
    "待整改": QT_TRANSLATE_NOOP("GasWords", "To put right"),
    "已整改待复查": QT_TRANSLATE_NOOP("GasWords", "Put right, to recheck"),
    "拒不整改": QT_TRANSLATE_NOOP("GasWords", "Refuses to put right"),
    "已上报": QT_TRANSLATE_NOOP("GasWords", "Escalated"),
    "复查合格": QT_TRANSLATE_NOOP("GasWords", "Rechecked, OK"),
    "已告知": QT_TRANSLATE_NOOP("GasWords", "Household told"),
    "已作废": QT_TRANSLATE_NOOP("GasWords", "Voided"),
    "已整改": QT_TRANSLATE_NOOP("GasWords", "Put right"),
    "复查未通过": QT_TRANSLATE_NOOP("GasWords", "Recheck failed"),
}


def word(value: str | None) -> str:
    """A stored gas word in the interface's language (unknown words as they are)."""
    if not value:
        return ""
    source = _WORDS.get(value)
    return QCoreApplication.translate("GasWords", str(source)) if source else value


GRADE_COLOURS = {"重大": "#c5221f", "一般": "#b06000", "提示": "#1a73e8"}
STATUS_COLOURS = {
    "待整改": "#b06000",
    "已整改待复查": "#1a73e8",
    "拒不整改": "#c5221f",
    "已上报": "#6b3fa0",
    "复查合格": "#188038",
    "已告知": "#5f6368",
    "已作废": "#9aa0a6",
}
ANSWER_COLOURS = {"合格": "#188038", "隐患": "#c5221f", "不适用": "#5f6368"}
OVERDUE = "#c5221f"


def colour(value: str | None, table: dict[str, str]) -> QColor | None:
    c = table.get(value or "")
    return QColor(c) if c else None


def day(d: date | None) -> str:
    """A date as lists show it: 2026-03-17 (ISO, sorts and reads the same everywhere)."""
    return d.isoformat() if d else ""


def overdue_text(days: int) -> str:
    if days <= 0:
        return ""
    return QCoreApplication.translate("GasWords", "{0} day(s) late").format(days)
