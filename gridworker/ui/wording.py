"""Small pieces of wording shared by the screens, in the interface's language.

Lists join with "、" in Chinese and ", " in English; the store's field and record names
(Chinese, kept for the command line and the history) get their interface names here.
:func:`display` turns the lower layers' sentences (``gridworker.core.messages``) into the
interface's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gridworker.core.messages import Joined, Message, Term

# QT_TRANSLATE_NOOP marks the names for lupdate (typed as object in the stubs).
_FIELDS = cast(
    dict[str, str],
    {
        "name": QT_TRANSLATE_NOOP("Wording", "Name"),
        "community": QT_TRANSLATE_NOOP("Wording", "Community"),
        "notes": QT_TRANSLATE_NOOP("Wording", "Notes"),
        "micro_grid_id": QT_TRANSLATE_NOOP("Wording", "Micro-grid"),
        "estate": QT_TRANSLATE_NOOP("Wording", "Estate"),
        "building": QT_TRANSLATE_NOOP("Wording", "Building"),
        "unit": QT_TRANSLATE_NOOP("Wording", "Unit"),
        "room": QT_TRANSLATE_NOOP("Wording", "Room"),
        "head_name": QT_TRANSLATE_NOOP("Wording", "Head of household"),
        "house_use": QT_TRANSLATE_NOOP("Wording", "House use"),
        "residency": QT_TRANSLATE_NOOP("Wording", "Residency"),
        "phone": QT_TRANSLATE_NOOP("Wording", "Phone"),
        "household_id": QT_TRANSLATE_NOOP("Wording", "Household"),
        "id_number": QT_TRANSLATE_NOOP("Wording", "ID number"),
        "sex": QT_TRANSLATE_NOOP("Wording", "Sex"),
        "birth_date": QT_TRANSLATE_NOOP("Wording", "Birth date"),
        "ethnicity": QT_TRANSLATE_NOOP("Wording", "Ethnicity"),
        "relation": QT_TRANSLATE_NOOP("Wording", "Relation to head"),
        "population_type": QT_TRANSLATE_NOOP("Wording", "Population type"),
        "status": QT_TRANSLATE_NOOP("Wording", "Status"),
        "status_date": QT_TRANSLATE_NOOP("Wording", "Status date"),
        "tags": QT_TRANSLATE_NOOP("Wording", "Special groups"),
    },
)

_RECORDS = cast(
    dict[str, str],
    {
        "resident": QT_TRANSLATE_NOOP("Wording", "Resident"),
        "household": QT_TRANSLATE_NOOP("Wording", "Household"),
        "micro_grid": QT_TRANSLATE_NOOP("Wording", "Micro-grid"),
    },
)


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("Wording", text, disambiguation)


def join_items(items: Iterable[str]) -> str:
    """Items of a list (tags, names): "独居老人、低保" in Chinese, "a, b" in English."""
    return QCoreApplication.translate("Wording", ", ", "between the items of a list").join(items)


def field_name(field: str, fallback: str = "") -> str:
    """A field's name on screen (the store's Chinese label if the field is not known here)."""
    source = _FIELDS.get(field)
    return _t(source) if source else (fallback or field)


def record_name(entity: str, fallback: str = "") -> str:
    """ "Resident", "Household", "Micro-grid" in the interface's language."""
    source = _RECORDS.get(entity)
    return _t(source) if source else (fallback or entity)


def _messages_translated() -> bool:
    """Is a catalogue for the lower layers' sentences installed (the English interface)?"""
    return QCoreApplication.translate("Messages", "、") != "、"


def display(text: object) -> str:
    """Any text for the screen. A :class:`~gridworker.core.messages.Message` is shown in
    the interface's language: its Chinese template is looked up in the "Messages" context
    (English in ``gridworker_en.ts``; the Chinese interface has no entries there and keeps
    the template) and filled with its values, each shown the same way. Other text as is."""
    if isinstance(text, Term):
        if not _messages_translated():  # the Chinese interface keeps the store's names
            return str(text)
        if text.kind == "field":
            return field_name(text.key, str(text))
        return record_name(text.key, str(text))
    if isinstance(text, Joined):
        return display(text.separator).join(display(i) for i in text.items)
    if isinstance(text, Message):
        template = QCoreApplication.translate("Messages", text.template)
        values = {k: display(v) if isinstance(v, Message) else v for k, v in text.values.items()}
        try:
            return template.format_map(values) if values else template
        except (KeyError, IndexError, ValueError):  # a broken translation: say it in Chinese
            return str(text)
    return str(text)
