"""Small pieces of wording shared by the screens, in the interface's language.

Lists join with "、" in Chinese and ", " in English; the store's field and record names
(Chinese, kept for the command line and the history) get their interface names here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
