"""The bundle schema check: a fast generated predicate screens, the walker explains.

Both are compiled from gridworker/resources/bundle.schema.json; they must accept exactly the same
documents, or a bad bundle could slip past the fast path (or a good one be refused).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kind_for_tests import TEST_VISIT, add_table
from sync_helpers import COMMUNITY

from gridworker.store.entities import register, unregister
from gridworker.store.store import Store
from gridworker.sync import export_bundle
from gridworker.sync.bundle import decode
from gridworker.sync.schema import (
    SchemaViolation,
    _Compiler,
    bundle_checker,
    bundle_schema,
    compile_predicate,
    compile_schema,
    predicate_source,
)


def _walker_accepts(doc: Any) -> bool:
    try:
        _Compiler(bundle_schema()).compile(bundle_schema())(doc)
    except SchemaViolation:
        return False
    return True


@pytest.fixture(scope="module")
def valid_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real worker bundle with households, residents, list fields and later edits."""
    folder = tmp_path_factory.mktemp("schema")
    s = Store.open(folder / "w.sqlite3")
    s.init_installation("worker", COMMUNITY, "赵红", micro_grid="第三微网格")
    mg = s.identity.micro_grid_id
    assert mg is not None
    h = s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "301"})
    r = s.create("resident", {"household_id": h, "name": "李秀兰", "tags": ["高龄", "独居"]})
    s.update("resident", r, {"phone": "13812345678"})
    path = folder / "w.gwbundle.json"
    export_bundle(s, path)
    s.close()
    return decode(path, path.read_bytes())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*here, i))
    return out


@st.composite
def _mutated(draw: st.DrawFn, doc: dict[str, Any]) -> Any:
    """The document with one to three random edits deep inside it."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent: Any = doc
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add", "retype"]))
        if action == "replace":
            parent[key] = draw(_JSON)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(_JSON)
        elif action == "retype":
            old = parent[key]
            parent[key] = (
                str(old)
                if not isinstance(old, str)
                else (int(old) if old.isascii() and old.isdigit() else [old])
            )
    return doc


def test_the_generated_predicate_accepts_a_real_bundle(valid_doc: dict[str, Any]) -> None:
    fast = compile_predicate(bundle_schema())
    assert fast is not None
    assert fast(valid_doc) and _walker_accepts(valid_doc)
    bundle_checker()(valid_doc)  # does not raise


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_predicate_and_walker_agree_on_mutated_bundles(
    valid_doc: dict[str, Any], data: st.DataObject
) -> None:
    doc = data.draw(_mutated(valid_doc))
    fast = compile_predicate(bundle_schema())
    assert fast is not None
    assert fast(doc) == _walker_accepts(doc), json.dumps(doc, ensure_ascii=False)[:400]


@pytest.fixture(scope="module")
def typed_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A bundle holding every kind of value: records of the test-only kind."""
    folder = tmp_path_factory.mktemp("typed")
    register(TEST_VISIT)
    try:
        s = add_table(Store.open(folder / "w.sqlite3"))
        s.init_installation("worker", COMMUNITY, "赵红", micro_grid="第三微网格")
        h = s.create("household", {"micro_grid_id": s.identity.micro_grid_id, "room": "301"})
        r = s.create("resident", {"household_id": h, "name": "李秀兰"})
        v = s.create(
            "test_visit",
            {
                "household_id": h,
                "visited_on": "2026-03-01",
                "recorded_at": "2026-03-01T08:30:00Z",
                "minutes": 20,
                "temperature": 36.6,
                "in_person": True,
                "residents_met": [r],
                "topics": ["用药", "送餐"],
            },
        )
        s.update("test_visit", v, {"topics": ["送餐"], "in_person": False, "minutes": None})
        s.void("test_visit", v, "重复")
        path = folder / "w.gwbundle.json"
        export_bundle(s, path)
        s.close()
        return decode(path, path.read_bytes())
    finally:
        unregister(TEST_VISIT.name)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_predicate_and_walker_agree_on_mutated_bundles_of_typed_values(
    typed_doc: dict[str, Any], data: st.DataObject
) -> None:
    register(TEST_VISIT)
    try:
        assert _walker_accepts(typed_doc)
        doc = data.draw(_mutated(typed_doc))
        fast = compile_predicate(bundle_schema())
        assert fast is not None
        assert fast(doc) == _walker_accepts(doc), json.dumps(doc, ensure_ascii=False)[:400]
    finally:
        unregister(TEST_VISIT.name)


def test_a_rejected_document_still_gets_the_walkers_message(valid_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(valid_doc)
    doc["ops"][1]["hlc"] = "yesterday"
    with pytest.raises(SchemaViolation) as e:
        bundle_checker()(doc)
    assert e.value.where == "ops[1].hlc"


def test_bool_is_not_an_integer_and_one_is_not_true() -> None:
    """JSON Schema's types, not Python's: True is no integer, 1 is no boolean."""
    schema = {
        "type": "object",
        "properties": {"n": {"type": "integer"}, "b": {"const": True}},
    }
    fast = compile_predicate(schema)
    check = compile_schema(schema)
    assert fast is not None
    for doc, ok in [({"n": 1, "b": True}, True), ({"n": True}, False), ({"b": 1}, False)]:
        assert fast(doc) is ok
        if not ok:
            with pytest.raises(SchemaViolation):
                check(doc)


def test_a_recursive_schema_falls_back_to_the_walker() -> None:
    schema = {
        "$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}}},
        "$ref": "#/$defs/node",
    }
    assert predicate_source(schema) is None
    check = compile_schema(schema)
    check({"next": {"next": {}}})
    with pytest.raises(SchemaViolation):
        check({"next": {"next": 3}})


def test_an_unsupported_keyword_is_refused_at_load_time(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported"):
        compile_schema({"type": "string", "format": "email"})


_PICKED = {
    "type": ["object", "array"],
    "allOf": [
        {
            "if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]},
            "then": {"properties": {"x": {"type": "integer"}}},
        },
        {
            "if": {"properties": {"kind": {"const": "b"}}, "required": ["kind"]},
            "then": {"properties": {"x": {"type": "string"}}},
        },
    ],
    "if": {"properties": {"n": {"minimum": 10}}, "required": ["n"]},
    "then": {"required": ["big"]},
    "properties": {
        "f": {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: {"type": "string"} for k in ("p", "q", "r", "s")},
            "patternProperties": {"^p\\[.+\\]$": {"type": "boolean"}},
        }
    },
}


@pytest.mark.parametrize(
    ("doc", "ok"),
    [
        ({"kind": "a", "x": 1}, True),
        ({"kind": "a", "x": "1"}, False),
        ({"kind": "b", "x": "1"}, True),
        ({"kind": "b", "x": 1}, False),
        ({"kind": "c", "x": None}, True),  # no branch picks it
        ({"x": None}, True),  # no kind: the ifs need it
        ({"kind": True, "x": None}, True),  # true is not "a"
        ([], True),  # not an object: every "then" applies, and says nothing of arrays
        ({"n": 12}, False),
        ({"n": 12, "big": 1}, True),
        ({"n": 3}, True),
        ({"f": {"p": "x", "p[一]": True, "s": "y"}}, True),
        ({"f": {"p[一]": "yes"}}, False),
        ({"f": {"p[]": True}}, False),  # matches no pattern, and the object is closed
        ({"f": {"t": "x"}}, False),
    ],
)
def test_if_then_all_of_and_pattern_properties_mean_what_json_schema_says(
    doc: Any, ok: bool
) -> None:
    fast = compile_predicate(_PICKED)
    assert fast is not None
    assert fast(doc) is ok
    walker = _Compiler(_PICKED).compile(_PICKED)
    if ok:
        walker(doc)
    else:
        with pytest.raises(SchemaViolation):
            walker(doc)


def test_an_unknown_field_is_named_for_the_refusal() -> None:
    schema = _PICKED["properties"]["f"]  # type: ignore[index]
    with pytest.raises(SchemaViolation) as e:
        compile_schema(schema)({"p": "x", "colour": "red"})
    assert e.value.unknown == "colour" and e.value.problem == "有不认识的项 colour"
