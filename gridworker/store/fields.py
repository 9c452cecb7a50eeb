"""The fields of synced records: the kinds of value, and how each is checked and stored.

A field is declared once, in its entity's spec (:mod:`gridworker.store.entities`): its
name, its labels in Chinese and English, and its kind. Everything else follows from the
kind — the SQLite column type, the check of a value on the write path, its JSON type in
bundles (:mod:`gridworker.sync.bundle_schema`), how it is read back.

Kinds:

``text``      text, or no value (empty text is no value)
``date``      a calendar date, ``YYYY-MM-DD``
``datetime``  a UTC instant, ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``
``int``       a whole number between −(2⁵³−1) and 2⁵³−1
``number``    a finite number in the same range (stored as REAL, read back as float)
``bool``      yes/no (stored as 0/1, read back as ``True``/``False``)
``ref``       the id of a record of entity ``ref``
``set``       a set of texts (or of ids of entity ``ref``); its elements merge one by one

A set field travels in operations as one pseudo-field per element, ``"tags[独居老人]":
true`` (present) or ``false`` (removed), so each element has its own clock and concurrent
edits of different elements both survive; the column holds the present elements as a JSON
list in the field's canonical order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from gridworker.core.messages import msg
from gridworker.core.textnorm import without_controls
from gridworker.store.ops import dumps

FieldKind = Literal["text", "date", "datetime", "int", "number", "bool", "ref", "set"]
KINDS: tuple[FieldKind, ...] = ("text", "date", "datetime", "int", "number", "bool", "ref", "set")

SQL_TYPES: dict[FieldKind, str] = {
    "text": "TEXT",
    "date": "TEXT",
    "datetime": "TEXT",
    "int": "INTEGER",
    "number": "REAL",
    "bool": "INTEGER",
    "ref": "TEXT",
    "set": "TEXT",
}

MAX_INT = 2**53 - 1
"""The largest whole number a JSON reader in any language keeps exactly."""

ID_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$"
"""A device-made record id (GridWorker writes UUIDv7 as 32 hex digits); as in the schema."""
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?Z$"
)
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(DATE_PATTERN)
_DATETIME_RE = re.compile(DATETIME_PATTERN)


@dataclass(frozen=True)
class Field:
    """One synced field of an entity.

    ``ref``: for a ``ref`` field, and a ``set`` of ids, the entity of the records named.
    ``sensitive``: personal information (PIPL) that lists and printouts must not show
    without need. ``order``: for a ``set`` field, the canonical order of its elements in
    the column (a sort key; code-point order when not given) — any pure function works,
    since every replica sorts the same set the same way.
    """

    name: str
    label_zh: str
    label_en: str
    kind: FieldKind = "text"
    ref: str | None = None
    sensitive: bool = False
    order: Callable[[str], Any] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise ValueError(f"field name {self.name!r}: lower-case letters, digits and _ only")
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name!r}: unknown kind {self.kind!r}")
        if self.kind == "ref" and not self.ref:
            raise ValueError(f"field {self.name!r}: a ref field names the entity it refers to")
        if self.ref and self.kind not in ("ref", "set"):
            raise ValueError(f"field {self.name!r}: only ref and set fields refer to records")
        if self.order is not None and self.kind != "set":
            raise ValueError(f"field {self.name!r}: only set fields have an element order")
        if not (self.label_zh and self.label_en):
            raise ValueError(f"field {self.name!r}: needs a Chinese and an English label")

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]

    @property
    def is_link(self) -> bool:
        """Holds record ids (meaningless to a person reading a history)."""
        return self.ref is not None

    def sorted(self, elements: Iterable[str]) -> list[str]:
        """A set's elements in the field's canonical order."""
        out = list(elements)
        if len(out) > 1:
            out.sort(key=self.order)
        return out


# -- set elements as pseudo-fields ------------------------------------------------------


def element_field(field: str, element: str) -> str:
    """The pseudo-field of one element of a set field: ``tags[独居老人]``."""
    return f"{field}[{element}]"


def split_element(name: str) -> tuple[str, str] | None:
    """(set field, element) of a pseudo-field name, or None for an ordinary field name.

    The field name holds no ``[``, so the element is everything between the first ``[``
    and the final ``]`` (an element may itself hold brackets).
    """
    i = name.find("[")
    if i <= 0 or len(name) < i + 3 or name[-1] != "]":
        return None
    return name[:i], name[i + 1 : -1]


def field_value(row: Mapping[str, Any] | None, name: str) -> Any:
    """A field's value in a record's values; for a set element, whether it is present."""
    if row is None:
        return None
    split = split_element(name)
    if name in row or split is None:
        return row.get(name)
    values = row.get(split[0])
    return isinstance(values, list) and split[1] in values


# -- checking values on the write path ---------------------------------------------------


class BadValue(Exception):
    """A value that does not fit its field's kind (the write path names record and field)."""

    def __init__(self, expected: str, value: object):
        super().__init__(expected)
        self.expected = expected
        self.value = value


EXPECTED: dict[FieldKind, str] = {
    "text": msg("文字"),
    "date": msg("日期（年-月-日，如 2026-03-01）"),
    "datetime": msg("UTC 时间（如 2026-03-01T08:30:00Z）"),
    "int": msg("整数"),
    "number": msg("数字"),
    "bool": msg("是或否"),
    "ref": msg("记录编号"),
    "set": msg("文字列表"),
}
"""What a value of each kind should look like, as a refusal says it."""


def _text(v: object) -> str | None:
    if v is None:
        return None
    if v.__class__ is not str:
        raise BadValue(EXPECTED["text"], v)
    return without_controls(v).strip() or None


def _date(v: object) -> str | None:
    if isinstance(v, date) and not isinstance(v, datetime):
        return v.isoformat()
    text = _text(v) if v is None or isinstance(v, str) else v
    if text is None:
        return None
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise BadValue(EXPECTED["date"], v)
    try:
        date.fromisoformat(text)
    except ValueError:
        raise BadValue(EXPECTED["date"], v) from None
    return text


def _datetime(v: object) -> str | None:
    if isinstance(v, datetime):
        if v.tzinfo is None:
            raise BadValue(EXPECTED["datetime"], v)
        return v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = _text(v) if v is None or isinstance(v, str) else v
    if text is None:
        return None
    if not isinstance(text, str) or not _DATETIME_RE.match(text):
        raise BadValue(EXPECTED["datetime"], v)
    try:
        datetime.fromisoformat(text[:-1])
    except ValueError:
        raise BadValue(EXPECTED["datetime"], v) from None
    return text


def _int(v: object) -> int | None:
    if v is None:
        return None
    if not isinstance(v, int) or isinstance(v, bool) or not -MAX_INT <= v <= MAX_INT:
        raise BadValue(EXPECTED["int"], v)
    return v


def _number(v: object) -> float | None:
    if v is None:
        return None
    if (
        not isinstance(v, int | float)
        or isinstance(v, bool)
        or not math.isfinite(v)
        or abs(v) > MAX_INT
    ):
        raise BadValue(EXPECTED["number"], v)
    return float(v)


def _bool(v: object) -> bool | None:
    if v is None or isinstance(v, bool):
        return v
    raise BadValue(EXPECTED["bool"], v)


def _ref(v: object) -> str | None:
    text = _text(v)
    if text is not None and not _ID_RE.match(text):
        raise BadValue(EXPECTED["ref"], v)
    return text


def check_value(f: Field, v: object) -> Any:
    """``v`` as the field stores it (cleaned text, ISO dates, float numbers, a set as a
    list in canonical order), or BadValue. None and empty text are no value."""
    kind = f.kind
    if kind == "set":
        return check_set(f, v)
    return _CHECKS[kind](v)


def check_set(f: Field, v: object) -> list[str]:
    """A set's elements, cleaned, without repeats, in the field's canonical order."""
    if v is None:
        return []
    if not isinstance(v, list | tuple | set | frozenset):
        raise BadValue(EXPECTED["set"], v)
    element = _ref if f.ref else _text
    out: set[str] = set()
    for x in v:
        e = element(x)
        if e is not None:
            out.add(e)
    return f.sorted(out)


_CHECKS: dict[str, Callable[[object], Any]] = {
    "text": _text,
    "date": _date,
    "datetime": _datetime,
    "int": _int,
    "number": _number,
    "bool": _bool,
    "ref": _ref,
}


def valid_stored(f: Field, v: object) -> bool:
    """Whether a value received in a bundle (already of the right JSON type) is one this
    field could hold: a real calendar date, a real instant. Text is not cleaned here."""
    if v is None:
        return True
    try:
        if f.kind == "date":
            return bool(check_value(f, v) == v)
        if f.kind == "datetime":
            return _datetime(v) is not None
    except BadValue:
        return False
    return True


# -- the column's value --------------------------------------------------------------------


def set_column(f: Field, elements: Iterable[str]) -> str:
    """The column text of a set: its elements as a JSON list in canonical order."""
    return dumps(f.sorted(elements))
