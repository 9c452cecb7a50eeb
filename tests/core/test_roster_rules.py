"""The roster rules: values checked once, one head per household, statuses, defaults."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.idcard import make_id
from gridworker.core.roster_rules import (
    Member,
    RuleError,
    check_household,
    check_resident,
    edited_fields,
    given_values,
    head_name_problem,
    is_empty,
    new_resident_values,
    other_head,
    parse_date,
    second_head_problem,
    status_change,
)

FEMALE_1990 = make_id("510108", dt.date(1990, 1, 2), 124)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("1990-01-02", "1990-01-02"),
        ("1990/1/2", "1990-01-02"),
        ("1990.1.2", "1990-01-02"),
        ("1990年1月2日", "1990-01-02"),
        ("19900102", "1990-01-02"),
        (dt.datetime(1990, 1, 2), "1990-01-02"),
    ],
)
def test_dates_in_the_usual_forms(raw: object, iso: str) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["1990-02-30", "明年", "2999-01-01", "1800-01-01"])
def test_impossible_dates_are_refused(raw: str) -> None:
    with pytest.raises(RuleError):
        parse_date(raw)


def test_check_resident_leaves_empty_values_out() -> None:
    checked = check_resident({"name": "张三", "phone": "  ", "notes": None, "tags": ""})
    assert checked.values == {"name": "张三"}
    assert checked.problems == []


_cell_values = (
    st.none()
    | st.text(alphabet=st.sampled_from(list(" \t\u3000\u00a0\u200b\ufeff\u00ad张a1")), max_size=4)
    | st.lists(st.just("低保"), max_size=1)
    | st.tuples()
    | st.integers()
    | st.dates()
)


@given(st.dictionaries(st.sampled_from(["name", "notes", "tags", "phone"]), _cell_values))
def test_given_values_are_exactly_the_non_empty_ones(raw: dict[str, object]) -> None:
    """The importer's inlined emptiness test agrees with is_empty on every kind of value."""
    assert given_values(raw) == {k: v for k, v in raw.items() if not is_empty(v)}


def test_notes_keep_their_chinese_punctuation() -> None:
    values = check_resident({"name": "李秀英", "notes": "有高血压，常服药（每日）"}).values
    assert values["notes"] == "有高血压，常服药（每日）"
    hvalues, _ = check_household({"estate": "锦华苑", "notes": "楼道灯坏了；已报修。"})
    assert hvalues["notes"] == "楼道灯坏了；已报修。"


def test_the_id_number_is_parsed_once_and_its_facts_come_with_the_check() -> None:
    checked = check_resident({"name": "王英", "id_number": FEMALE_1990.lower()})
    assert checked.id_info is not None and checked.id_error is None
    assert checked.id_info.number == FEMALE_1990
    assert checked.values["birth_date"] == "1990-01-02" and checked.values["sex"] == "女"
    bad = check_resident({"name": "王英", "id_number": FEMALE_1990[:16]})
    assert bad.id_info is None and bad.id_error is not None and bad.id_error.code == "length"
    assert [f for f, _ in bad.problems] == ["id_number"]


def test_one_living_head_per_household() -> None:
    head = Member("a", "张三", "本人", None)
    left = Member("b", "李四", "本人", "迁出")
    son = Member("c", "张小", "子", "在住")
    members = [head, left, son]
    assert other_head(members, Member("c", "张小", "本人", "在住")) == head
    assert other_head(members, Member("", "新人", "本人", None)) == head
    assert other_head(members, head) is None  # the head itself
    assert other_head(members, Member("", "新人", "配偶", None)) is None
    assert other_head([left, son], Member("", "新人", "本人", None)) is None  # moved out
    assert other_head(members, Member("b", "李四", "本人", "在住")) == head  # coming back
    assert "张三" in second_head_problem("张三") and "表中" in second_head_problem(
        "张三", in_sheet=True
    )


def test_the_head_name_is_the_heads() -> None:
    assert head_name_problem("张 三", "张三") is None
    why = head_name_problem("李四", "张三")
    assert why is not None and "李四" in why and "张三" in why


def test_status_changes_need_a_date_except_coming_back() -> None:
    assert status_change("在住", "2024-01-01") == ({"status": "在住", "status_date": None}, [])
    assert status_change("已故", "2024/3/1") == (
        {"status": "死亡", "status_date": "2024-03-01"},
        [],
    )
    values, problems = status_change("迁出", None)
    assert values == {} and [f for f, _ in problems] == ["status_date"]
    assert [f for f, _ in status_change("出差", "2024-01-01")[1]] == ["status"]


def test_defaults_are_for_new_residents_only() -> None:
    assert new_resident_values({"name": "张三"}) == {"status": "在住", "name": "张三"}
    assert new_resident_values({"status": "迁出"})["status"] == "迁出"


def test_an_edit_is_what_the_person_changed() -> None:
    shown = {"name": "张三", "phone": None, "tags": ["低保", "高龄"], "notes": ""}
    now = {"name": "张三", "phone": "13800138000", "tags": ["高龄", "低保"], "notes": None}
    assert edited_fields(shown, now) == {"phone": "13800138000"}
    assert edited_fields(shown, {**now, "tags": []}) == {"phone": "13800138000", "tags": []}


def test_blank_is_nothing_given() -> None:
    assert is_empty("\u3000") and is_empty([]) and is_empty(None)
    assert not is_empty("0") and not is_empty(0)
