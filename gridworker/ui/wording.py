"""Small pieces of wording shared by the screens, in the interface's language.

Lists join with "、" in Chinese and ", " in English; field and record names come from
the entity specs (:mod:`gridworker.store.entities`), which hold both languages; stored
vocabulary (男, 本人, 在住, group tags) is shown by :func:`vocab`, in English from
:data:`gridworker.core.people.ENGLISH` in the English interface (stored values stay Chinese).
:func:`display` turns the lower layers' sentences (``gridworker.core.messages``) into the
interface's language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from gridworker.core.messages import Joined, Message, Term
from gridworker.core.people import english_name
from gridworker.store.entities import (
    ENTITIES,
    english_label,
    field_label,
    field_label_en,
    split_element,
)


def join_items(items: Iterable[str]) -> str:
    """Items of a list (tags, names): "独居老人、低保" in Chinese, "a, b" in English."""
    return QCoreApplication.translate("Wording", ", ", "between the items of a list").join(items)


def sentence(text: str) -> str:
    """A reason shown on its own (a problem in a table) starts with a capital letter;
    the lower layers word reasons to follow "Row 3, column …:" (Chinese is unchanged)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def device_fingerprint(device_id: str) -> str:
    """A device id as a person can read and compare it: "3F2A-91C4" (from its SHA-256,
    so two laptops set up the same minute still differ at a glance)."""
    digest = hashlib.sha256(device_id.encode("utf-8")).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"


def vocab(field: str, value: object) -> str:
    """A stored vocabulary value (男, 本人, 户籍, 在住, a group tag…) as the interface shows
    it: the English interface by its English name, the Chinese one as stored. Values
    outside the vocabulary (older data, free text) are shown as they are."""
    text = "" if value is None else str(value)
    if text and _english():
        return english_name(field, text) or text
    return text


def vocab_items(field: str, values: Iterable[object]) -> str:
    """Several values of a vocabulary (a resident's groups) joined as a list."""
    return join_items(vocab(field, v) for v in values)


def field_name(entity: str, field: str) -> str:
    """A field's name on screen, from its spec (or of a set's element: 人员类别「独居老人」,
    Special groups “Elderly, living alone”)."""
    if not _english():
        return field_label(entity, field)
    split = split_element(field)
    if split is not None:
        name, element = split
        return f"{field_label_en(entity, name)} “{vocab(name, element)}”"
    return field_label_en(entity, field)


def record_name(entity: str) -> str:
    """A kind of record ("Resident", "Household"…) in the interface's language."""
    s = ENTITIES.get(entity)
    if s is None:
        return entity
    return s.label_en if _english() else s.label_zh


def records_name(entity: str) -> str:
    """Several records of a kind, as counts name them: "residents" / 居民."""
    s = ENTITIES.get(entity)
    if s is None:
        return entity
    return s.plural_en if _english() else s.label_zh


def _english() -> bool:
    """Is the interface English? (Its catalogue of the lower layers' sentences is loaded.)"""
    return _messages_translated()


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
        return english_label(text.kind, text.key) or str(text)
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
