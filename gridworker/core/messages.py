"""Sentences for people that the interface can translate.

The lower layers speak Chinese: the command line prints their messages as they are. A
:class:`Message` is such a sentence that also remembers how it was made — its Chinese
template and the values filled in — so the desktop app can show it in English
(``gridworker.ui.wording.display`` looks the template up in the "Messages" context of the
translation catalogue and fills in the values, translated in turn).

    msg("数据包 {file} {problem}，没有导入。", file="a.json", problem=msg("是空文件"))

is a ``str`` equal to "数据包 a.json 是空文件，没有导入。", so every caller that treats it as
text (comparisons, logs, ``print``) sees exactly the Chinese sentence. Anything built by
string operations (``+``, f-strings, ``join``) is plain text again: compose with ``msg``,
:func:`joined` and :func:`term` instead. Exceptions keep the Message as ``args[0]``;
:func:`message_of` gets it back.

The template must be a string literal in the call (``i18n update`` collects them from the
source, and a test checks each has an English translation). Placeholders are ``{name}``
(format specs and ``!r`` work as in ``str.format``); a value may be any object, a Message,
a :func:`joined` list or a :func:`term`. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

TermKind = Literal["field", "record"]


class Message(str):
    """A Chinese sentence (the str value) with its template and values."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, values: Mapping[str, object]) -> Message:
        return cls._owning(template, dict(values))

    @classmethod
    def _owning(cls, template: str, values: dict[str, object]) -> Message:
        """Made from a dict nobody else holds (msg()'s keywords): kept, not copied — the
        office's work list makes thousands of sentences."""
        self = str.__new__(cls, template.format_map(values) if values else template)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, self.values))

    def __repr__(self) -> str:
        return f"msg({str.__repr__(self)})"


class Joined(Message):
    """Items joined by a separator that is itself a Message (``msg("、")``)."""

    separator: Message
    items: tuple[object, ...]

    def __new__(cls, items: Iterable[object], separator: Message) -> Joined:
        listed = tuple(items)
        self = str.__new__(cls, separator.join(str(i) for i in listed))
        self.template = ""
        self.values = {}
        self.separator = separator
        self.items = listed
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.items, self.separator))


class Term(Message):
    """The store's Chinese name of a field or a kind of record ("联系电话", "居民");
    the interface shows its own name for ``key``."""

    kind: TermKind
    key: str

    def __new__(cls, kind: TermKind, key: str, chinese: str) -> Term:
        self = str.__new__(cls, chinese)
        self.template = ""
        self.values = {}
        self.kind = kind
        self.key = key
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Term, (self.kind, self.key, str(self)))


def msg(template: str, /, **values: object) -> Message:
    """A Chinese sentence from a literal template and its values (see the module doc)."""
    return Message._owning(template, values)


def joined(items: Iterable[object], separator: Message) -> Joined:
    """``separator.join(items)`` that stays translatable: ``joined(names, msg("、"))``."""
    return Joined(items, separator)


def term(kind: TermKind, key: str, chinese: str) -> Term:
    """A field's or record kind's Chinese name that the interface can rename."""
    return Term(kind, key, chinese)


def message_of(error: BaseException) -> str:
    """The error's sentence: the Message it was raised with, else ``str(error)``."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)


# Separators for joined(): between the items of a list, and between whole sentences.
LIST_SEPARATOR = msg("、")
SENTENCE_SEPARATOR = msg("；")
