"""The parts of the bundle JSON Schema that follow from the entity registry.

``resources/bundle.schema.json`` is the published schema. Its envelope (manifest, the
operation's own keys) is written by hand; its entity parts are generated here from
:mod:`gridworker.store.entities`: the list of entities, and per entity the fields its
operations may carry with each value's JSON type (``$defs.fields_<entity>``,
``$defs.value_<kind>``, and the ``allOf`` of ``$defs.op`` that picks the fields by
``entity``). ``uv run python -m gridworker.sync.schema write`` rewrites the file; a test
fails when the file and the registry disagree. The app builds the same document at load
time from the file's envelope and the registry, so a kind registered by a test is known
to the check too.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from typing import Any

from gridworker.store.entities import EntitySpec
from gridworker.store.fields import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    ID_PATTERN,
    KINDS,
    MAX_INT,
    Field,
    FieldKind,
)

GENERATED = (
    "Generated from gridworker/store/entities.py by "
    "`uv run python -m gridworker.sync.schema write`; do not edit by hand."
)

_ID_BODY = ID_PATTERN[1:-1]  # the pattern without its anchors, to embed


def value_schema(kind: FieldKind) -> dict[str, Any]:
    """The JSON type of a value of one kind (null is always "no value")."""
    if kind == "date":
        return {"type": ["string", "null"], "pattern": DATE_PATTERN}
    if kind == "datetime":
        return {"type": ["string", "null"], "pattern": DATETIME_PATTERN}
    if kind == "int":
        return {"type": ["integer", "null"], "minimum": -MAX_INT, "maximum": MAX_INT}
    if kind == "number":
        return {"type": ["number", "null"], "minimum": -MAX_INT, "maximum": MAX_INT}
    if kind == "bool":
        return {"type": ["boolean", "null"]}
    if kind == "ref":
        return {"type": ["string", "null"], "pattern": ID_PATTERN}
    if kind == "set":
        return {
            "description": "A whole list, as operations of format version 1 carry it.",
            "type": ["array", "null"],
            "items": {"type": "string"},
        }
    return {"type": ["string", "null"]}


def _field_schema(f: Field) -> dict[str, Any]:
    if f.kind == "set" and f.ref:
        return {
            "description": "A whole list of ids, as operations of format version 1 carry it.",
            "type": ["array", "null"],
            "items": {"type": "string", "pattern": ID_PATTERN},
        }
    return {"$ref": f"#/$defs/value_{f.kind}"}


def element_pattern(f: Field) -> str:
    """The names of a set field's element pseudo-fields: ``tags[独居老人]``."""
    element = _ID_BODY if f.ref else r"[\s\S]+"
    return f"^{re.escape(f.name)}\\[{element}\\]$"


def fields_schema(s: EntitySpec) -> dict[str, Any]:
    """What the ``fields`` of an operation on this entity may hold."""
    out: dict[str, Any] = {
        "description": (
            f"The fields of a {s.label_en.lower()} ({s.label_zh}) operation. A set field "
            "travels as one pseudo-field per element (true: present, false: removed)."
            if s.set_fields
            else f"The fields of a {s.label_en.lower()} ({s.label_zh}) operation."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _field_schema(f) for f in s.fields},
    }
    patterns = {element_pattern(f): {"type": "boolean"} for f in s.fields if f.kind == "set"}
    if patterns:
        out["patternProperties"] = patterns
    return out


def _is_generated(key: str) -> bool:
    return key.startswith(("fields_", "value_"))


def generated(base: dict[str, Any], entities: Iterable[EntitySpec]) -> dict[str, Any]:
    """``base`` (the schema file) with its entity parts made from these entities."""
    specs = sorted(entities, key=lambda s: s.name)
    out = copy.deepcopy(base)
    defs: dict[str, Any] = {k: v for k, v in out["$defs"].items() if not _is_generated(k)}
    for kind in KINDS:
        defs[f"value_{kind}"] = value_schema(kind)
    for s in specs:
        defs[f"fields_{s.name}"] = fields_schema(s)
    out["$defs"] = defs
    op = defs["op"]
    op["properties"]["entity"] = {"$comment": GENERATED, "enum": [s.name for s in specs]}
    op["allOf"] = [
        {
            "if": {"properties": {"entity": {"const": s.name}}, "required": ["entity"]},
            "then": {"properties": {"fields": {"$ref": f"#/$defs/fields_{s.name}"}}},
        }
        for s in specs
    ]
    return out


# -- the file's layout --------------------------------------------------------------------


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as the file holds it: indented objects, short lists on one line."""
    return _format(schema, 0) + "\n"


def _format(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{_dump(k)}: {_format(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value:
        flat = "[" + ", ".join(_dump(x) for x in value) + "]"
        if all(not isinstance(x, dict | list) for x in value) and len(flat) + len(pad) < 96:
            return flat
        return "[\n" + ",\n".join(inner + _format(x, depth + 1) for x in value) + "\n" + pad + "]"
    return _dump(value)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
