"""A small validator for the subset of JSON Schema that resources/bundle.schema.json uses.

The published schema file is the single source: this module compiles it into plain
Python checks (fast enough for 100,000 operations) instead of mirroring it by hand. A
keyword it does not understand is an error at load time, so the schema can never say
more than the app enforces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "resources" / "bundle.schema.json"

Check = Callable[[Any], None]

_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}
SUPPORTED = _ANNOTATIONS | {
    "$ref",
    "type",
    "const",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "minProperties",
}

_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true/false",
    "null": "null",
    "array": "列表",
    "object": "对象",
}


class SchemaViolation(Exception):
    """Where (a path like ``ops[3].hlc``) and what is wrong, in Chinese."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.path: list[str | int] = []

    @property
    def where(self) -> str:
        out = ""
        for p in reversed(self.path):
            out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
        return out or "文件顶层"

    def __str__(self) -> str:
        return f"{self.where} {self.problem}"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "array": (list,),
    "object": (dict,),
}


def _accept(value: Any) -> None:
    return None


class _Compiler:
    def __init__(self, root: dict[str, Any]):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, ref: str) -> Check:
        if ref not in self.refs:
            if not ref.startswith("#/$defs/"):
                raise ValueError(f"unsupported $ref {ref!r}")
            target = self.root["$defs"][ref[len("#/$defs/") :]]
            self.refs[ref] = self.compile(target)
        return self.refs[ref]

    def compile(self, schema: dict[str, Any]) -> Check:
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise ValueError(f"bundle schema uses unsupported keywords: {sorted(unknown)}")
        checks: list[Check] = []
        if "$ref" in schema:
            checks.append(self.ref(schema["$ref"]))
        leaf = self._leaf(schema)
        if leaf is not None:
            checks.append(leaf)
        if "items" in schema:
            item = self.compile(schema["items"])

            def check_items(v: Any, item: Check = item) -> None:
                if type(v) is list:
                    for i, x in enumerate(v):
                        try:
                            item(x)
                        except SchemaViolation as e:
                            e.path.append(i)
                            raise

            checks.append(check_items)
        if {"properties", "required", "additionalProperties", "minProperties"} & set(schema):
            checks.append(self._object(schema))
        if not checks:
            return _accept
        if len(checks) == 1:
            return checks[0]

        def check_all(v: Any, checks: tuple[Check, ...] = tuple(checks)) -> None:
            for c in checks:
                c(v)

        return check_all

    def _leaf(self, schema: dict[str, Any]) -> Check | None:
        """One function for the keywords about the value itself (speed: one call per value)."""
        keys = {"type", "const", "enum", "pattern", "minLength", "maxLength", "minimum"}
        keys |= {"minItems", "maxItems"}
        if not keys & set(schema):
            return None
        types: frozenset[type] | None = None
        label = ""
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            odd = [n for n in names if n not in _PY_TYPES]
            if odd:
                raise ValueError(f"unsupported JSON Schema type {odd[0]!r}")
            types = frozenset(t for n in names for t in _PY_TYPES[n])
            label = "或".join(_TYPE_NAMES[n] for n in names)
        has_const, const = "const" in schema, schema.get("const")
        enum = list(schema["enum"]) if "enum" in schema else None
        rx = re.compile(schema["pattern"]) if "pattern" in schema else None
        min_len, max_len = schema.get("minLength"), schema.get("maxLength")
        minimum = schema.get("minimum")
        min_items, max_items = schema.get("minItems"), schema.get("maxItems")

        def check_leaf(v: Any) -> None:
            t = type(v)
            if types is not None and t not in types:
                raise SchemaViolation(f"应为{label}，不是 {_short(v)}")
            if has_const and (v != const or t is not type(const)):
                raise SchemaViolation(f"应为 {_short(const)}，不是 {_short(v)}")
            if enum is not None and (t is bool or v not in enum):
                raise SchemaViolation(
                    f"取值 {_short(v)} 不在允许的范围（{'、'.join(map(str, enum))}）内"
                )
            if t is str:
                if rx is not None and not rx.search(v):
                    raise SchemaViolation(f"格式不对：{_short(v)}")
                if min_len is not None and len(v) < min_len:
                    raise SchemaViolation(
                        "不能为空" if min_len == 1 else f"不能少于 {min_len} 个字"
                    )
                if max_len is not None and len(v) > max_len:
                    raise SchemaViolation(f"不能多于 {max_len} 个字")
            elif t is int or t is float:
                if minimum is not None and v < minimum:
                    raise SchemaViolation(f"应不小于 {minimum}，不是 {_short(v)}")
            elif t is list and (
                (min_items is not None and len(v) < min_items)
                or (max_items is not None and len(v) > max_items)
            ):
                lo, hi = min_items or 0, max_items
                want = f"{lo}" if hi == lo else f"{lo} 到 {hi}" if hi is not None else f"至少 {lo}"
                raise SchemaViolation(f"应有 {want} 项，实际 {len(v)} 项")

        return check_leaf

    def _object(self, schema: dict[str, Any]) -> Check:
        props = {k: self.compile(s) for k, s in schema.get("properties", {}).items()}
        required = list(schema.get("required", []))
        required_set = frozenset(required)
        extra = schema.get("additionalProperties", True)
        extra_check: Check | None = None
        closed = extra is False
        if isinstance(extra, dict):
            extra_check = self.compile(extra)
        min_props = int(schema.get("minProperties", 0))
        known = frozenset(props)

        def check_object(v: Any) -> None:
            if not isinstance(v, dict):
                return
            keys = v.keys()
            if not required_set <= keys:
                missing = next(k for k in required if k not in v)
                raise SchemaViolation(f"缺少必填项 {missing}")
            if closed and not keys <= known:
                odd = sorted(k for k in keys if k not in known)[0]
                raise SchemaViolation(f"有不认识的项 {odd}")
            if len(v) < min_props:
                raise SchemaViolation("不能为空")
            for k, x in v.items():
                c = props.get(k, extra_check)
                if c is not None:
                    try:
                        c(x)
                    except SchemaViolation as e:
                        e.path.append(k)
                        raise

        return check_object


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function that raises SchemaViolation when a value does not match the schema."""
    return _Compiler(schema).compile(schema)


@cache
def bundle_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


@cache
def bundle_checker() -> Check:
    return compile_schema(bundle_schema())
