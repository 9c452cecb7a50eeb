"""A small validator for the subset of JSON Schema that gridworker/resources/bundle.schema.json uses.

The published schema file is the single source: this module compiles it into plain
Python checks (fast enough for 100,000 operations) instead of mirroring it by hand. A
keyword it does not understand is an error at load time, so the schema can never say
more than the app enforces.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from gridworker.core.messages import joined, msg
from gridworker.resources import resource_path
from gridworker.store.entities import ENTITIES, registry_version
from gridworker.sync.bundle_schema import generated, schema_text

SCHEMA_PATH = resource_path("bundle.schema.json")

Check = Callable[[Any], None]

_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "$defs"}
SUPPORTED = _ANNOTATIONS | {
    "$ref",
    "allOf",
    "if",
    "then",
    "patternProperties",
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
    "maximum",
    "minProperties",
}

_TYPE_NAMES: dict[str, str] = {
    "string": msg("文字"),
    "integer": msg("整数"),
    "number": msg("数字"),
    "boolean": "true/false",
    "null": "null",
    "array": msg("列表"),
    "object": msg("对象"),
}


class SchemaViolation(Exception):
    """Where (a path like ``ops[3].hlc``) and what is wrong, in Chinese."""

    def __init__(self, problem: str, unknown: str | None = None):
        super().__init__(problem)
        self.problem = problem
        self.path: list[str | int] = []
        self.unknown = unknown  # the key not allowed here, for "有不认识的项"

    @property
    def where(self) -> str:
        out = ""
        for p in reversed(self.path):
            out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
        return _printable(out) if out else msg("文件顶层")

    def __str__(self) -> str:
        return f"{self.where} {self.problem}"


def _short(value: Any) -> str:
    """A value as shown in a message: JSON, cut short, with nothing that cannot be printed.

    Lone surrogates and control characters are written as escapes (a message holding
    them would fail to print), and a value nested too deeply to encode is just "…".
    """
    if isinstance(value, list | dict):
        value = _shallow(value, 3)
    elif isinstance(value, str) and len(value) > 40:
        value = value[:40]
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):
        text = "…"
    text = _printable(text)
    return text if len(text) <= 40 else text[:37] + "…"


def _shallow(value: Any, depth: int) -> Any:
    """The first few levels of a list or object (enough to recognise it in a message)."""
    if depth == 0:
        return "…" if isinstance(value, list | dict) else value
    if isinstance(value, list):
        return [_shallow(x, depth - 1) for x in value[:5]]
    if isinstance(value, dict):
        return {k: _shallow(v, depth - 1) for k, v in list(value.items())[:5]}
    return value


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _printable(text: str) -> str:
    """``text`` with control characters and lone surrogates written as \\uXXXX."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
            # Registered before compiling, so a definition that refers to itself works.
            made: list[Check] = []
            self.refs[ref] = lambda v: made[0](v)
            made.append(self.compile(target))
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
        if _OBJECT_KEYS & set(schema):
            checks.append(self._object(schema))
        for sub in schema.get("allOf", ()):
            checks.append(self.compile(sub))
        if "if" in schema:
            checks.append(self._if(schema["if"], schema.get("then", {})))
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
        keys = {"type", "const", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum"}
        keys |= {"minItems", "maxItems"}
        if not keys & set(schema):
            return None
        types: frozenset[type] | None = None
        label: str = ""
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            odd = [n for n in names if n not in _PY_TYPES]
            if odd:
                raise ValueError(f"unsupported JSON Schema type {odd[0]!r}")
            types = frozenset(t for n in names for t in _PY_TYPES[n])
            label = joined([_TYPE_NAMES[n] for n in names], msg("或"))
        has_const, const = "const" in schema, schema.get("const")
        enum = list(schema["enum"]) if "enum" in schema else None
        rx = re.compile(schema["pattern"]) if "pattern" in schema else None
        min_len, max_len = schema.get("minLength"), schema.get("maxLength")
        minimum, maximum = schema.get("minimum"), schema.get("maximum")
        min_items, max_items = schema.get("minItems"), schema.get("maxItems")

        def check_leaf(v: Any) -> None:
            t = type(v)
            if types is not None and t not in types:
                raise SchemaViolation(msg("应为{type}，不是 {value}", type=label, value=_short(v)))
            if has_const and (v != const or t is not type(const)):
                raise SchemaViolation(
                    msg("应为 {expected}，不是 {value}", expected=_short(const), value=_short(v))
                )
            if enum is not None and (t is bool or v not in enum):
                raise SchemaViolation(
                    msg(
                        "取值 {value} 不在允许的范围（{allowed}）内",
                        value=_short(v),
                        allowed=joined(map(str, enum), msg("、")),
                    )
                )
            if t is str:
                if rx is not None and not rx.search(v):
                    raise SchemaViolation(msg("格式不对：{value}", value=_short(v)))
                if min_len is not None and len(v) < min_len:
                    raise SchemaViolation(
                        msg("不能为空")
                        if min_len == 1
                        else msg("不能少于 {length} 个字", length=min_len)
                    )
                if max_len is not None and len(v) > max_len:
                    raise SchemaViolation(msg("不能多于 {length} 个字", length=max_len))
            elif t is int or t is float:
                if minimum is not None and v < minimum:
                    raise SchemaViolation(
                        msg("应不小于 {minimum}，不是 {value}", minimum=minimum, value=_short(v))
                    )
                if maximum is not None and v > maximum:
                    raise SchemaViolation(
                        msg("应不大于 {maximum}，不是 {value}", maximum=maximum, value=_short(v))
                    )
            elif t is list and (
                (min_items is not None and len(v) < min_items)
                or (max_items is not None and len(v) > max_items)
            ):
                lo, hi = min_items or 0, max_items
                want = (
                    str(lo)
                    if hi == lo
                    else msg("{lo} 到 {hi}", lo=lo, hi=hi)
                    if hi is not None
                    else msg("至少 {lo}", lo=lo)
                )
                raise SchemaViolation(
                    msg("应有 {want} 项，实际 {count} 项", want=want, count=len(v))
                )

        return check_leaf

    def _if(self, condition: dict[str, Any], then: dict[str, Any]) -> Check:
        """``then`` applies to the values ``condition`` accepts (no ``else``)."""
        cond, body = self.compile(condition), self.compile(then)

        def check_if(v: Any) -> None:
            try:
                cond(v)
            except SchemaViolation:
                return
            body(v)

        return check_if

    def _object(self, schema: dict[str, Any]) -> Check:
        props = {k: self.compile(s) for k, s in schema.get("properties", {}).items()}
        patterns = [
            (re.compile(p).search, self.compile(s))
            for p, s in schema.get("patternProperties", {}).items()
        ]
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
                raise SchemaViolation(msg("缺少必填项 {name}", name=missing))
            if closed and not keys <= known:
                odd = sorted(
                    k for k in keys if k not in known and not any(rx(k) for rx, _ in patterns)
                )
                if odd:
                    raise SchemaViolation(
                        msg("有不认识的项 {name}", name=_printable(odd[0])), unknown=odd[0]
                    )
            if len(v) < min_props:
                raise SchemaViolation(msg("不能为空"))
            for k, x in v.items():
                try:
                    c = props.get(k)
                    matched = False
                    for rx, pc in patterns:
                        if rx(k):
                            matched = True
                            pc(x)
                    if c is not None:
                        c(x)
                    elif not matched and extra_check is not None:
                        extra_check(x)
                except SchemaViolation as e:
                    e.path.append(k)
                    raise

        return check_object


_OBJECT_KEYS = frozenset(
    {"properties", "patternProperties", "required", "additionalProperties", "minProperties"}
)


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function that raises SchemaViolation when a value does not match the schema.

    A generated yes/no predicate screens the value first (one flat function, no calls or
    exceptions per value); only when it says no does the walker run, to find the precise
    place and message. Both come from the same schema and accept exactly the same values.
    """
    walker = _Compiler(schema).compile(schema)
    fast = compile_predicate(schema)
    if fast is None:
        return walker

    def check(v: Any) -> None:
        if not fast(v):
            walker(v)

    return check


class _Recursive(Exception):
    """A $ref that refers to itself: the predicate generator only inlines finite schemas."""


class _Generator:
    """Python source for one predicate equivalent to what _Compiler's checks accept."""

    def __init__(self, root: dict[str, Any]):
        self.root = root
        self.consts: dict[str, Any] = {}
        self.lines: list[str] = []
        self.n = 0
        self.inlining: list[str] = []

    def const(self, value: Any) -> str:
        name = f"_c{len(self.consts)}"
        self.consts[name] = value
        return name

    def var(self) -> str:
        self.n += 1
        return f"_v{self.n}"

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def gen(self, schema: dict[str, Any], v: str, d: int) -> None:
        """Statements that ``return False`` when the value named ``v`` does not match."""
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise ValueError(f"bundle schema uses unsupported keywords: {sorted(unknown)}")
        if "$ref" in schema:
            ref = schema["$ref"]
            if not ref.startswith("#/$defs/"):
                raise ValueError(f"unsupported $ref {ref!r}")
            if ref in self.inlining:
                raise _Recursive(ref)
            self.inlining.append(ref)
            self.gen(self.root["$defs"][ref[len("#/$defs/") :]], v, d)
            self.inlining.pop()
        self.leaf(schema, v, d)
        if "items" in schema:
            sub = self.var()
            body = len(self.lines)
            self.gen(schema["items"], sub, d + 2)
            if len(self.lines) > body:
                loop = [
                    "    " * d + f"if type({v}) is list:",
                    "    " * (d + 1) + f"for {sub} in {v}:",
                ]
                self.lines[body:body] = loop
        if _OBJECT_KEYS & set(schema):
            self.obj(schema, v, d)
        branches = schema.get("allOf", ())
        key = _discriminator(branches)
        if key is not None:
            self.dispatch(branches, key, v, d)
        else:
            for sub in branches:
                self.gen(sub, v, d)
        if "if" in schema:
            self.emit(d, f"if {self.condition(schema['if'], v)}:")
            body = len(self.lines)
            self.gen(schema.get("then", {}), v, d + 1)
            if len(self.lines) == body:
                self.emit(d + 1, "pass")

    def dispatch(self, branches: list[dict[str, Any]], key: str, v: str, d: int) -> None:
        """``allOf`` of if/then branches that each pick one value of the same required
        property (an operation's ``entity``): the value is read once and one branch runs.
        A value that is not an object matches every ``if`` (JSON Schema), so every
        ``then`` applies to it."""
        got = self.var()
        self.emit(d, f"if not isinstance({v}, dict):")
        body = len(self.lines)
        for b in branches:
            self.gen(b.get("then", {}), v, d + 1)
        if len(self.lines) == body:
            self.emit(d + 1, "pass")
        self.emit(d, f"elif {key!r} in {v}:")
        self.emit(d + 1, f"{got} = {v}[{key!r}]")
        word = "if"
        for b in branches:
            c = b["if"]["properties"][key]["const"]
            cc, ct = self.const(c), self.const(type(c))
            self.emit(d + 1, f"{word} {got} == {cc} and type({got}) is {ct}:")
            body = len(self.lines)
            self.gen(b.get("then", {}), v, d + 2)
            if len(self.lines) == body:
                self.emit(d + 2, "pass")
            word = "elif"

    def condition(self, schema: dict[str, Any], v: str) -> str:
        """A Python expression: does the value named ``v`` match ``schema`` (an ``if``)?

        The common form — an object's discriminating property has a constant value — is
        written inline; anything else becomes a predicate of its own.
        """
        props = schema.get("properties", {})
        required = schema.get("required", [])
        if (
            set(schema) <= {"properties", "required"}
            and len(props) == 1
            and set(next(iter(props.values()))) == {"const"}
            and set(required) <= set(props)
        ):
            key, sub = next(iter(props.items()))
            c, t = self.const(sub["const"]), self.const(type(sub["const"]))
            matches = f"({v}[{key!r}] == {c} and type({v}[{key!r}]) is {t})"
            present = f"{key!r} in {v}"
            if required:
                return f"(not isinstance({v}, dict) or ({present} and {matches}))"
            return f"(not isinstance({v}, dict) or not {present} or {matches})"
        made = compile_predicate({**schema, "$defs": self.root.get("$defs", {})})
        if made is None:
            raise _Recursive("if")
        return f"{self.const(made)}({v})"

    def leaf(self, schema: dict[str, Any], v: str, d: int) -> None:
        if not _LEAF_KEYS & set(schema):
            return
        t = self.var()
        self.emit(d, f"{t} = type({v})")
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            odd = [n for n in names if n not in _PY_TYPES]
            if odd:
                raise ValueError(f"unsupported JSON Schema type {odd[0]!r}")
            types = frozenset(x for n in names for x in _PY_TYPES[n])
            if len(types) == 1:
                self.emit(d, f"if {t} is not {self.const(next(iter(types)))}: return False")
            else:
                self.emit(d, f"if {t} not in {self.const(types)}: return False")
        if "const" in schema:
            c = schema["const"]
            cc, ct = self.const(c), self.const(type(c))
            self.emit(d, f"if {v} != {cc} or {t} is not {ct}: return False")
        if "enum" in schema:
            e = self.const(tuple(schema["enum"]))
            self.emit(d, f"if {t} is bool or {v} not in {e}: return False")
        str_checks: list[str] = []
        if "pattern" in schema:
            rx = self.const(re.compile(schema["pattern"]).search)
            str_checks.append(f"not {rx}({v})")
        if "minLength" in schema:
            str_checks.append(f"len({v}) < {int(schema['minLength'])}")
        if "maxLength" in schema:
            str_checks.append(f"len({v}) > {int(schema['maxLength'])}")
        if str_checks:
            self.emit(d, f"if {t} is str and ({' or '.join(str_checks)}): return False")
        if "minimum" in schema:
            m = self.const(schema["minimum"])
            self.emit(d, f"if ({t} is int or {t} is float) and {v} < {m}: return False")
        if "maximum" in schema:
            m = self.const(schema["maximum"])
            self.emit(d, f"if ({t} is int or {t} is float) and {v} > {m}: return False")
        list_checks: list[str] = []
        if "minItems" in schema:
            list_checks.append(f"len({v}) < {int(schema['minItems'])}")
        if "maxItems" in schema:
            list_checks.append(f"len({v}) > {int(schema['maxItems'])}")
        if list_checks:
            self.emit(d, f"if {t} is list and ({' or '.join(list_checks)}): return False")

    def obj(self, schema: dict[str, Any], v: str, d: int) -> None:
        props: dict[str, dict[str, Any]] = schema.get("properties", {})
        patterns: dict[str, dict[str, Any]] = schema.get("patternProperties", {})
        required = frozenset(schema.get("required", []))
        extra = schema.get("additionalProperties", True)
        self.emit(d, f"if isinstance({v}, dict):")
        d += 1
        if required:
            self.emit(d, f"if not {self.const(required)} <= {v}.keys(): return False")
        known = self.const(frozenset(props))
        if extra is False and not patterns:
            self.emit(d, f"if not {v}.keys() <= {known}: return False")
        if "minProperties" in schema:
            self.emit(d, f"if len({v}) < {int(schema['minProperties'])}: return False")
        overlap = any(re.search(p, k) for p in patterns for k in props)
        if len(props) >= 4 and not required and not overlap:
            self.keyed(props, patterns, extra, v, d)
            self.emit(d, "pass")
            return
        for k, sub_schema in props.items():
            sub = self.var()
            if k in required:
                self.emit(d, f"{sub} = {v}[{k!r}]")
                self.gen(sub_schema, sub, d)
            else:
                missing = self.const(_MISSING)
                self.emit(d, f"{sub} = {v}.get({k!r}, {missing})")
                body = len(self.lines)
                self.gen(sub_schema, sub, d + 1)
                self.lines.insert(body, "    " * d + f"if {sub} is not {missing}:")
        if patterns or isinstance(extra, dict):
            key, sub, matched = self.var(), self.var(), self.var()
            # Keys that are properties only need the patterns when a pattern can match a
            # property's name; otherwise only the other keys are looked at (the usual
            # case: an operation's fields are all properties, and nothing is looped over).
            start = len(self.lines)
            if overlap:
                self.emit(d, f"for {key}, {sub} in {v}.items():")
            else:
                self.emit(d, f"if not {v}.keys() <= {known}:")
                d += 1
                self.emit(d, f"for {key} in {v}.keys() - {known}:")
                self.emit(d + 1, f"{sub} = {v}[{key}]")
            self.emit(d + 1, f"{matched} = False")
            for pattern, sub_schema in patterns.items():
                rx = self.const(re.compile(pattern).search)
                self.emit(d + 1, f"if {rx}({key}):")
                self.emit(d + 2, f"{matched} = True")
                self.gen(sub_schema, sub, d + 2)
            if extra is False:
                self.emit(d + 1, f"if not {matched} and {key} not in {known}: return False")
            elif isinstance(extra, dict):
                body = len(self.lines)
                self.gen(extra, sub, d + 2)
                if len(self.lines) > body:
                    self.lines.insert(
                        body, "    " * (d + 1) + f"if not {matched} and {key} not in {known}:"
                    )
                elif not patterns:
                    del self.lines[start:]  # nothing to check per key
            if not overlap:
                d -= 1
        self.emit(d, "pass")

    def keyed(
        self,
        props: dict[str, dict[str, Any]],
        patterns: dict[str, dict[str, Any]],
        extra: Any,
        v: str,
        d: int,
    ) -> None:
        """An object of optional properties, checked by one pass over the keys it has.

        Many properties sharing few schemas (an operation's fields: a dozen, mostly text,
        a few present) are grouped by schema: each key present is looked up in its group's
        set, instead of every property being looked for in the object.
        """
        groups: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for k, sub_schema in props.items():
            canon = json.dumps(sub_schema, sort_keys=True)
            groups.setdefault(canon, (sub_schema, []))[1].append(k)
        key, sub, matched = self.var(), self.var(), self.var()
        self.emit(d, f"for {key}, {sub} in {v}.items():")
        word = "if"
        for sub_schema, keys in groups.values():
            cond = (
                f"{key} == {keys[0]!r}"
                if len(keys) == 1
                else f"{key} in {self.const(frozenset(keys))}"
            )
            self.emit(d + 1, f"{word} {cond}:")
            body = len(self.lines)
            self.gen(sub_schema, sub, d + 2)
            if len(self.lines) == body:
                self.emit(d + 2, "pass")
            word = "elif"
        self.emit(d + 1, "else:")
        body = len(self.lines)
        if patterns:
            self.emit(d + 2, f"{matched} = False")
            for pattern, sub_schema in patterns.items():
                rx = self.const(re.compile(pattern).search)
                self.emit(d + 2, f"if {rx}({key}):")
                self.emit(d + 3, f"{matched} = True")
                self.gen(sub_schema, sub, d + 3)
        if extra is False:
            self.emit(d + 2, f"if not {matched}: return False" if patterns else "return False")
        elif isinstance(extra, dict):
            inner = len(self.lines)
            self.gen(extra, sub, d + 3 if patterns else d + 2)
            if patterns and len(self.lines) > inner:
                self.lines.insert(inner, "    " * (d + 2) + f"if not {matched}:")
        if len(self.lines) == body:
            self.emit(d + 2, "pass")


def _discriminator(branches: Any) -> str | None:
    """The property every branch of an ``allOf`` picks by a distinct constant in a
    required ``if`` — ``{"if": {"properties": {K: {"const": c}}, "required": [K]},
    "then": …}`` — or None when the branches are not all of that form."""
    if not isinstance(branches, list) or len(branches) < 2:
        return None
    key: str | None = None
    seen: list[Any] = []
    for b in branches:
        cond = b.get("if") if isinstance(b, dict) else None
        if (
            not isinstance(cond, dict)
            or set(b) - {"if", "then"}
            or set(cond)
            != {
                "properties",
                "required",
            }
        ):
            return None
        props, required = cond["properties"], cond["required"]
        if len(props) != 1 or required != list(props):
            return None
        k, sub = next(iter(props.items()))
        if set(sub) != {"const"} or (key is not None and k != key):
            return None
        c = sub["const"]
        if any(c == x and type(c) is type(x) for x in seen):
            return None  # two branches for one value: both would apply
        key = k
        seen.append(c)
    return key


_MISSING = object()
_LEAF_KEYS = frozenset(
    {
        "type",
        "const",
        "enum",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
    }
)


def predicate_source(schema: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The generated predicate's source and its constants (None for a recursive schema)."""
    g = _Generator(schema)
    try:
        g.gen(schema, "_v0", 1)
    except _Recursive:
        return None
    src = "def _valid(_v0):\n" + "\n".join(g.lines) + "\n    return True\n"
    return src, g.consts


def compile_predicate(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """True when a value matches the schema, as one generated function (no messages)."""
    made = predicate_source(schema)
    if made is None:
        return None
    src, consts = made
    namespace: dict[str, Any] = dict(consts)
    exec(compile(src, "<bundle schema predicate>", "exec"), namespace)
    fn: Callable[[Any], bool] = namespace["_valid"]
    return fn


def schema_file() -> dict[str, Any]:
    """The published schema file as it is (envelope and generated entity parts)."""
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=4)
def _schema_for(version: int) -> dict[str, Any]:
    return generated(schema_file(), ENTITIES.values())


def bundle_schema() -> dict[str, Any]:
    """The schema bundles are checked against: the file's envelope, and entity parts made
    from the registry as it is now (equal to the file unless a test added a kind)."""
    return _schema_for(registry_version())


@lru_cache(maxsize=4)
def _checker_for(version: int) -> Check:
    return compile_schema(_schema_for(version))


def bundle_checker() -> Check:
    return _checker_for(registry_version())


def main(argv: list[str] | None = None) -> int:
    """``write``: regenerate resources/bundle.schema.json from the registry; ``check``:
    exit 1 if the file is not what the registry makes."""
    args = sys.argv[1:] if argv is None else argv
    if args not in (["write"], ["check"]):
        print("usage: python -m gridworker.sync.schema write|check", file=sys.stderr)
        return 2
    text = schema_text(generated(schema_file(), ENTITIES.values()))
    if args == ["check"]:
        same = SCHEMA_PATH.read_text(encoding="utf-8") == text
        print(f"{SCHEMA_PATH}: {'up to date' if same else 'differs from the registry'}")
        return 0 if same else 1
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
