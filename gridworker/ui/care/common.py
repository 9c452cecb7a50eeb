"""Small pieces the care, visit and need screens share: dates between Qt and Python, the
colour swatch, the one-sentence message line, and Ctrl+Enter to save a form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from gridworker.store.entities import is_link
from gridworker.store.history import FieldChange, HistoryEntry
from gridworker.ui.care.words import COLOURS, colour_text
from gridworker.ui.wording import display

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #666666;"


def to_date(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def date_edit(value: date | None = None, *, latest: date | None = None) -> QDateEdit:
    """A date box with a calendar, ``yyyy-MM-dd``; ``latest``: no later day can be chosen."""
    edit = QDateEdit(to_qdate(value or date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(to_qdate(latest))
    return edit


def message_label() -> QLabel:
    """The line under a form that says, in one sentence, what is wrong."""
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    label.setStyleSheet(ERROR_STYLE)
    return label


def say(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    label.setText(text)
    label.setStyleSheet(style)
    label.setVisible(bool(text))


_ICONS: dict[tuple[str, int], QIcon] = {}


def colour_icon(colour: str | None, size: int = 14) -> QIcon:
    """A round swatch of a care colour (an empty icon for none)."""
    if colour not in COLOURS:
        return QIcon()
    key = (str(colour), size)
    icon = _ICONS.get(key)
    if icon is None:
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(COLOURS[str(colour)])
        p.drawEllipse(1, 1, size - 2, size - 2)
        p.end()
        icon = _ICONS[key] = QIcon(pix)
    return icon


def colour_of(colour: str | None) -> QColor | None:
    return COLOURS.get(colour or "")


def save_shortcuts(widget: QWidget, save: Callable[[], None]) -> None:
    """Ctrl+Enter (either Enter key) saves the form from any of its fields."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)


def history_text(entry: HistoryEntry) -> str:
    """A history line without the links between records (ids mean nothing to a reader),
    a flag's colour in words (红色, not the stored ``red``)."""
    shown = tuple(
        _worded(entry.entity, c) for c in entry.changes if not is_link(entry.entity, c.field)
    )
    return display(replace(entry, changes=shown).describe())


def _worded(entity: str, change: FieldChange) -> FieldChange:
    if entity != "care_flag" or change.field != "colour":
        return change
    return replace(
        change,
        old=colour_text(change.old) if isinstance(change.old, str) else change.old,
        new=colour_text(change.new) if isinstance(change.new, str) else change.new,
    )
