"""Typed fields: the write path checks each value against its field's kind, stores it in
the column type of the kind and reads it back as the kind (bools as True/False)."""

from __future__ import annotations

import datetime as dt

import pytest
from kind_for_tests import TEST_VISIT, add_table

from gridworker.store.entities import EntitySpec
from gridworker.store.errors import ValidationError
from gridworker.store.store import Store


@pytest.fixture
def store(worker_store: Store, visit_kind: EntitySpec) -> Store:
    return add_table(worker_store)


def store_label(field: str) -> str:
    return TEST_VISIT.by_name[field].label_zh


def _household(s: Store) -> str:
    return s.create("household", {"micro_grid_id": s.identity.micro_grid_id, "room": "101"})


def test_values_come_back_as_their_kind(store: Store) -> None:
    h = _household(store)
    person = store.create("resident", {"household_id": h, "name": "陈桂兰"})
    v = store.create(
        "test_visit",
        {
            "household_id": h,
            "visited_on": dt.date(2026, 3, 1),
            "recorded_at": dt.datetime(
                2026, 3, 1, 16, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))
            ),
            "minutes": 25,
            "temperature": 37,
            "in_person": True,
            "residents_met": [person],
            "topics": ["用药", " 送餐 "],
            "notes": "精神不错",
        },
    )
    row = store.get("test_visit", v)
    assert row == {
        "id": v,
        "household_id": h,
        "visited_on": "2026-03-01",
        "recorded_at": "2026-03-01T08:30:00Z",
        "minutes": 25,
        "temperature": 37.0,
        "in_person": True,
        "residents_met": [person],
        "topics": ["用药", "送餐"],
        "notes": "精神不错",
        "voided": None,
        "void_reason": None,
    }
    stored = store.conn.execute(
        "SELECT typeof(minutes), typeof(temperature), in_person, typeof(in_person) "
        "FROM test_visit WHERE id = ?",
        (v,),
    ).fetchone()
    assert tuple(stored) == ("integer", "real", 1, "integer")
    # Equal values are no change, whatever form they were given in.
    assert store.update("test_visit", v, {"visited_on": "2026-03-01", "temperature": 37.0}) is None
    op = store.update("test_visit", v, {"in_person": False})
    assert op is not None and op.fields == {"in_person": False}
    assert store.get("test_visit", v)["in_person"] is False  # type: ignore[index]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("visited_on", "2026-02-30", "日期（年-月-日"),
        ("visited_on", "3月1日", "日期（年-月-日"),
        ("recorded_at", "2026-03-01 08:30", "UTC 时间"),
        ("recorded_at", dt.datetime(2026, 3, 1, 8, 30), "UTC 时间"),  # no time zone
        ("minutes", "25", "整数"),
        ("minutes", True, "整数"),
        ("minutes", 2**60, "整数"),
        ("temperature", float("nan"), "数字"),
        ("in_person", "是", "是或否"),
        ("in_person", 1, "是或否"),
        ("residents_met", ["not an id!"], "记录编号"),
        ("topics", "用药", "文字列表"),
        ("notes", 12, "文字"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_naming_record_and_field(
    store: Store, field: str, value: object, expected: str
) -> None:
    h = _household(store)
    before = store.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    with pytest.raises(ValidationError) as e:
        store.create("test_visit", {"household_id": h, field: value})  # type: ignore[dict-item]
    message = str(e.value)
    label = store_label(field)
    assert message.startswith(f"测试走访的“{label}”应为") and expected in message, message
    assert store.conn.execute("SELECT count(*) FROM ops").fetchone()[0] == before


def test_the_refusal_names_the_field_in_both_languages(store: Store) -> None:
    h = _household(store)
    with pytest.raises(ValidationError) as e:
        store.create("test_visit", {"household_id": h, "minutes": "半小时"})
    m = e.value.args[0]
    assert str(m) == "测试走访的“时长（分钟）”应为整数，不是「半小时」。"
    assert m.values["field"].key == "test_visit.minutes"  # the interface shows "Minutes"
    assert m.values["record"].key == "test_visit"
