"""How care, visit and need values look on screen: the stored (Chinese) vocabulary shown in
the interface's language, and the colours of the three care levels."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor

from gridworker.core.care import COLOUR_NAMES, EVENT_NAMES
from gridworker.core.messages import Message
from gridworker.core.needs import CATEGORY_NAMES, SATISFACTION_NAMES, SOURCE_NAMES, STATUS_NAMES
from gridworker.core.visits import METHOD_NAMES, PURPOSE_NAMES
from gridworker.ui.wording import display

COLOURS = {"red": QColor("#d93025"), "yellow": QColor("#e3a400"), "green": QColor("#2e9e44")}
"""The care colours as painted (the yellow darkened to read on white)."""

OVERDUE = QColor("#b3261e")


def _shown(names: Mapping[str, Message], value: str | None) -> str:
    if not value:
        return ""
    name = names.get(value)
    return display(name) if name is not None else value


def colour_text(colour: str | None) -> str:
    """红色 / Red (nothing for no colour)."""
    return _shown(COLOUR_NAMES, colour)


def method_text(method: str | None) -> str:
    return _shown(METHOD_NAMES, method)


def purpose_text(purpose: str | None) -> str:
    return _shown(PURPOSE_NAMES, purpose)


def event_text(kind: str | None) -> str:
    return _shown(EVENT_NAMES, kind)


def status_text(status: str | None) -> str:
    return _shown(STATUS_NAMES, status)


def source_text(source: str | None) -> str:
    return _shown(SOURCE_NAMES, source)


def category_text(category: str | None) -> str:
    return _shown(CATEGORY_NAMES, category)


def satisfaction_text(value: str | None) -> str:
    return _shown(SATISFACTION_NAMES, value)
