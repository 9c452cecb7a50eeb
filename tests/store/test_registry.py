"""The entity registry is the one description of each kind of record: its table, the bundle
schema and the labels are held to it here, so a spec and any of them cannot disagree."""

from __future__ import annotations

import dataclasses
import re

import pytest
from spec_tables import table_problems

from gridworker.store.entities import (
    ENTITIES,
    FIELD_LABELS,
    HOUSEHOLD,
    MERGE_FIELDS,
    RESIDENT,
    EntitySpec,
    Field,
    english_label,
    field_label,
    field_label_en,
    field_term,
    is_link,
    record_term,
)
from gridworker.store.fields import ID_PATTERN
from gridworker.store.queries import HouseholdRow
from gridworker.store.store import Store
from gridworker.sync.bundle_schema import GENERATED, generated, schema_text
from gridworker.sync.schema import SCHEMA_PATH, bundle_schema, schema_file

CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_spec_agrees_with_its_table() -> None:
    s = Store.open(":memory:")
    for spec in ENTITIES.values():
        assert table_problems(s.conn, spec) == [], spec.name
    s.close()


def test_a_table_that_differs_from_its_spec_is_named() -> None:
    s = Store.open(":memory:")
    wider = dataclasses.replace(
        RESIDENT, fields=(*RESIDENT.fields, Field("shoe_size", "鞋码", "Shoe size", "int"))
    )
    assert table_problems(s.conn, wider) == ["resident.shoe_size: missing"]
    s.conn.execute("ALTER TABLE resident ADD COLUMN shoe_size TEXT")
    assert table_problems(s.conn, wider) == ["resident.shoe_size: TEXT, the spec says INTEGER"]
    assert table_problems(s.conn, RESIDENT) == [
        "resident.shoe_size: a column the spec does not have"
    ]
    # A table rebuilt without the deferred reference (as sqlite-utils' transform does).
    s.conn.execute(
        "CREATE TABLE bare (id TEXT PRIMARY KEY, household_id TEXT REFERENCES household (id), "
        "_clock TEXT NOT NULL DEFAULT '{}')"
    )
    bare = EntitySpec(
        "bare",
        "bare",
        "测试",
        "Test",
        "tests",
        (Field("household_id", "所在户", "Household", "ref", ref="household"),),
        parent=("household_id", "household"),
    )
    assert table_problems(s.conn, bare) == [
        "bare.household_id: the reference must be DEFERRABLE INITIALLY DEFERRED"
    ]
    s.close()


def test_the_schema_file_is_what_the_registry_makes() -> None:
    """Run `uv run python -m gridworker.sync.schema write` after changing a spec."""
    made = schema_text(generated(schema_file(), ENTITIES.values()))
    assert SCHEMA_PATH.read_text(encoding="utf-8") == made
    assert bundle_schema() == schema_file()


def test_the_schema_types_every_field_by_its_kind() -> None:
    defs = bundle_schema()["$defs"]
    assert defs["op"]["properties"]["entity"] == {"$comment": GENERATED, "enum": sorted(ENTITIES)}
    branches = {b["if"]["properties"]["entity"]["const"]: b["then"] for b in defs["op"]["allOf"]}
    assert set(branches) == set(ENTITIES)
    for spec in ENTITIES.values():
        ref = f"#/$defs/fields_{spec.name}"
        assert branches[spec.name] == {"properties": {"fields": {"$ref": ref}}}
        fields = defs[f"fields_{spec.name}"]
        assert list(fields["properties"]) == list(spec.field_names)
        for f in spec.fields:
            if f.kind == "set" and f.ref:  # a whole list of record ids (format version 1)
                assert fields["properties"][f.name]["items"]["pattern"] == ID_PATTERN
            else:
                assert fields["properties"][f.name] == {"$ref": f"#/$defs/value_{f.kind}"}
        any_text = r"[\s\S]+"
        assert set(fields.get("patternProperties", {})) == {
            f"^{f.name}\\[{ID_PATTERN[1:-1] if f.ref else any_text}\\]$"
            for f in spec.fields
            if f.kind == "set"
        }
    assert defs["value_date"]["type"] == ["string", "null"]
    assert defs["value_int"]["type"] == ["integer", "null"]
    assert defs["value_bool"] == {"type": ["boolean", "null"]}


def test_every_field_and_kind_is_labelled_in_chinese_and_english() -> None:
    for spec in ENTITIES.values():
        assert CJK.search(spec.label_zh) and spec.label_en.isascii() and spec.plural_en.isascii()
        assert english_label("record", spec.name) == spec.label_en
        assert record_term(spec.name) == spec.label_zh
        for f in spec.fields:
            assert CJK.search(f.label_zh), (spec.name, f.name)
            assert f.label_en.isascii() and f.label_en[0].isupper(), (spec.name, f.name)
            term = field_term(spec.name, f.name)
            assert term == f.label_zh and term.key == f"{spec.name}.{f.name}"
            assert english_label("field", term.key) == f.label_en
    # Field names shared by several kinds are labelled per kind.
    assert field_label("micro_grid", "name") == "名称"
    assert field_label("resident", "name") == "姓名"
    # Sentences of the roster name its fields without a kind: the resident's come first.
    assert FIELD_LABELS["name"] == "姓名" and FIELD_LABELS["estate"] == "小区"
    assert english_label("field", "phone") == "Phone"


def test_a_set_element_is_labelled_with_its_element() -> None:
    assert field_label("resident", "tags[独居老人]") == "人员类别「独居老人」"
    assert field_label_en("resident", "tags[独居老人]") == "Special groups “独居老人”"
    assert english_label("field", "resident.tags[低保]") == "Special groups “低保”"


def test_links_between_records_are_the_ref_fields() -> None:
    links = {
        (s.name, f.name) for s in ENTITIES.values() for f in s.fields if is_link(s.name, f.name)
    }
    refs = {(s.name, f.name) for s in ENTITIES.values() for f in s.fields if f.ref is not None}
    assert links == refs
    assert {(e, f) for e, f in links if e in ("household", "resident", "micro_grid")} == {
        ("household", "micro_grid_id"),
        ("resident", "household_id"),
        ("household", "merged_into"),  # a duplicate merged into the one kept
        ("resident", "merged_into"),
    }
    assert {("visit", "residents_met"), ("need", "visit_id"), ("gas_hazard", "inspection_id")} <= (
        links
    )


def test_the_household_row_carries_every_household_field() -> None:
    row_fields = {f.name for f in dataclasses.fields(HouseholdRow)}
    assert set(HOUSEHOLD.field_names) - MERGE_FIELDS <= row_fields


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"parent": ("household_id", "micro_grid")}, "needs a ref field"),
        ({"scope_field": "nope"}, "scope_field"),
        ({"title": ("nope",)}, "title field"),
        ({"fields": (*RESIDENT.fields[:-1], RESIDENT.fields[1])}, "used twice"),
        ({"label_en": ""}, "labels"),
    ],
)
def test_a_spec_that_contradicts_itself_is_refused(change: dict[str, object], problem: str) -> None:
    base = {f.name: getattr(RESIDENT, f.name) for f in dataclasses.fields(RESIDENT) if f.init}
    base["fields"] = RESIDENT.fields
    with pytest.raises(ValueError, match=problem):
        EntitySpec(**{**base, **change})  # type: ignore[arg-type]


def test_a_field_that_contradicts_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="names the entity"):
        Field("visit_id", "走访", "Visit", "ref")
    with pytest.raises(ValueError, match="lower-case"):
        Field("Tags[x]", "类别", "Tags", "set")
    with pytest.raises(ValueError, match="only set fields"):
        Field("notes", "备注", "Notes", order=len)
