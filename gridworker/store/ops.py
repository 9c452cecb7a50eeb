"""The operation: one entry of the change log, and the unit that sync moves."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Value = str | int | float | bool | None | list[str]


@dataclass(slots=True)
class Op:
    """One edit of one record: only the fields that really changed, with the clocks they replaced.

    Treat as immutable once made. (Not ``frozen``: a frozen dataclass is three times slower
    to construct, and an office import builds 100,000 of these.)

    ``base`` maps each field to the hlc of the value this edit replaced (absent when the
    field had no value). ``merged`` lists, per field, further values the edit knowingly
    supersedes — a person's resolution of a conflict — so replicas close it too.
    """

    op_id: str
    device_id: str
    seq: int
    hlc: str
    user: str
    entity: str
    entity_id: str
    fields: dict[str, Value]
    base: dict[str, str] = field(default_factory=dict)
    merged: dict[str, list[str]] = field(default_factory=dict)
    micro_grid_id: str | None = None
    wall: int | None = None
    """The editing device's own clock when the edit was made (Unix ms), for showing when
    it was made; the hlc orders. None for operations of earlier versions."""

    def to_json(self) -> dict[str, Any]:
        """The canonical dict form used in bundles (keys fixed, empty maps omitted)."""
        d: dict[str, Any] = {
            "op_id": self.op_id,
            "device_id": self.device_id,
            "seq": self.seq,
            "hlc": self.hlc,
            "user": self.user,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "fields": self.fields,
            "micro_grid_id": self.micro_grid_id,
        }
        if self.base:
            d["base"] = self.base
        if self.merged:
            d["merged"] = self.merged
        if self.wall is not None:
            d["wall"] = self.wall
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Op:
        """An operation from its bundle form, already checked against the bundle schema.

        The maps are taken over, not copied: the decoded document is not used again.
        """
        get = d.get
        return cls(
            d["op_id"],
            d["device_id"],
            d["seq"],
            d["hlc"],
            d["user"],
            d["entity"],
            d["entity_id"],
            d["fields"],
            get("base") or {},
            get("merged") or {},
            get("micro_grid_id"),
            get("wall"),
        )

    def row(self, received_at: str | None = None) -> tuple[Any, ...]:
        """Values for an INSERT into the ops table, in OPS_COLUMNS order."""
        r = self.unmerged_row(received_at)
        return (*r[:9], dumps(self.merged) if self.merged else None, *r[9:])

    def unmerged_row(self, received_at: str | None = None) -> tuple[Any, ...]:
        """:meth:`row` without ``merged``, for :data:`INSERT_UNMERGED_OP` (an operation that
        merges nothing: all but a person's resolution of a conflict)."""
        return (
            self.op_id,
            self.device_id,
            self.seq,
            self.hlc,
            self.user,
            self.entity,
            self.entity_id,
            dumps(self.fields),
            dumps(self.base) if self.base else None,
            self.micro_grid_id,
            received_at,
            self.wall,
        )

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> Op:
        return cls(
            op_id=r["op_id"],
            device_id=r["device_id"],
            seq=r["seq"],
            hlc=r["hlc"],
            user=r["user_name"],
            entity=r["entity"],
            entity_id=r["entity_id"],
            fields=json.loads(r["fields"]),
            base=json.loads(r["base"]) if r["base"] else {},
            merged=json.loads(r["merged"]) if r["merged"] else {},
            micro_grid_id=r["micro_grid_id"],
            wall=r["wall"],
        )


OPS_COLUMNS = (
    "op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base, merged, "
    "micro_grid_id, received_at, wall"
)
INSERT_OP = f"INSERT INTO ops ({OPS_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
INSERT_UNMERGED_OP = f"INSERT INTO ops ({OPS_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,NULL,?,?,?)"
"""INSERT_OP with ``merged`` written as NULL in the statement: the sqlite3 module adapts a
bound None through a registry lookup, which costs more than the rest of the column."""
INSERT_OP_IF_NEW = f"INSERT OR IGNORE INTO ops ({OPS_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The C encoder behind _ENCODER, made once: JSONEncoder.encode builds a new one per call,
# which costs more than encoding a record. No circular check: values are plain data.
_make_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODE: Any = (
    None
    if _make_encoder is None
    else _make_encoder(
        None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", True, False, True
    )
)


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON with Chinese kept readable (one shared encoder: hot path)."""
    if _C_ENCODE is None:  # pragma: no cover - CPython always has the C encoder
        return _ENCODER.encode(value)
    return "".join(_C_ENCODE(value, 0))


def quote(text: str) -> str:
    """One JSON string literal (as :func:`dumps` writes it)."""
    return json.encoder.encode_basestring(text)


_CLOCK_TEMPLATES: dict[tuple[str, ...], str] = {}


def clock_dumps(clocks: Mapping[str, str]) -> str:
    """A record's field clocks as stored in its ``_clock`` column: {hlc: [fields]}.

    Grouped by hlc because most records were written in one or two steps: a resident
    created by an import has one hlc for all its fields, stored once (~280 bytes a row
    instead of ~770). Canonical: hlcs and field names sorted, so equal clocks give equal text.
    """
    grouped: dict[str, list[str]] = {}
    for f in sorted(clocks):
        grouped.setdefault(clocks[f], []).append(f)
    return dumps(grouped)


def clock_loads(text: str) -> dict[str, str]:
    """{field: hlc} from a ``_clock`` column; also reads the older {field: hlc} layout.

    A value that is neither an hlc nor a list of field names is damage, and raises
    ValueError rather than passing for "no clock" (which would let any old edit win).
    """
    data = json.loads(text)
    if data.__class__ is not dict:
        raise ValueError(f"damaged field clock: {text[:80]}")
    out: dict[str, str] = {}
    for key, value in data.items():
        if value.__class__ is list:
            for f in value:
                if f.__class__ is not str:
                    raise ValueError(f"damaged field clock: {text[:80]}")
                out[f] = key
        elif value.__class__ is str:
            out[key] = value
        else:
            raise ValueError(f"damaged field clock: {text[:80]}")
    return out


def clock_text(fields: Iterable[str], hlc: str) -> str:
    """``clock_dumps(dict.fromkeys(fields, hlc))`` — the clocks of a new record — made cheaply.

    Field names are identifiers from the entity registry; the template per set of names
    is made once with the real encoder, so the text is the same.
    """
    key = tuple(fields)
    template = _CLOCK_TEMPLATES.get(key)
    if template is None:
        template = dumps({"\x00": sorted(key)}).replace('"\\u0000"', "\x00") if key else "{}"
        if len(_CLOCK_TEMPLATES) < 4096:
            _CLOCK_TEMPLATES[key] = template
    return template.replace("\x00", quote(hlc), 1)
