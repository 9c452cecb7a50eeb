"""Duplicate detection: same ID anywhere, or same name and birth date in one household."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.duplicates import (
    REASON_HOUSEHOLD,
    REASON_ID,
    DuplicateGroup,
    DuplicateIndex,
    PersonKey,
    find_duplicate_groups,
    find_duplicates,
)

ID_A = "11010519491231002X"
BIRTH = dt.date(1949, 12, 31)


def key(
    rid: str,
    hid: str = "h1",
    name: str = "张三",
    id_number: str | None = None,
    birth: dt.date | None = BIRTH,
) -> PersonKey:
    return PersonKey(
        resident_id=rid, household_id=hid, name=name, id_number=id_number, birth_date=birth
    )


def test_same_id_number_in_another_household() -> None:
    existing = key("r1", hid="h9", name="李四", id_number=ID_A)
    candidate = key("new", hid="h1", name="张三", id_number=ID_A.lower())
    assert find_duplicates(candidate, [existing]) == [(existing, REASON_ID)]
    assert REASON_ID == "身份证号相同"


def test_id_number_compared_after_normalisation() -> None:
    existing = key("r1", id_number=" 110105 19491231002x ", name="王五")
    candidate = key("new", id_number="１１０１０５１９４９１２３１００２Ｘ", name="赵六")
    assert find_duplicates(candidate, [existing]) == [(existing, REASON_ID)]


def test_same_name_and_birth_in_same_household() -> None:
    existing = key("r1", name="张 三")
    candidate = key("new", name="张三")
    assert find_duplicates(candidate, [existing]) == [(existing, REASON_HOUSEHOLD)]
    assert REASON_HOUSEHOLD == "同户同名同出生日期"


def test_same_name_and_birth_in_other_household_is_not_a_duplicate() -> None:
    assert find_duplicates(key("new"), [key("r1", hid="h2")]) == []


def test_missing_birth_date_or_name_never_matches_by_household() -> None:
    assert find_duplicates(key("new", birth=None), [key("r1", birth=None)]) == []
    assert find_duplicates(key("new", name=" "), [key("r1", name="")]) == []


def test_blank_id_numbers_do_not_match() -> None:
    a = key("new", id_number="", name="甲")
    b = key("r1", id_number="  ", name="乙")
    assert find_duplicates(a, [b]) == []


def test_own_record_is_skipped() -> None:
    me = key("r1", id_number=ID_A)
    assert find_duplicates(me, [me]) == []


def test_both_rules_reported_once_with_id_reason() -> None:
    existing = key("r1", id_number=ID_A)
    candidate = key("new", id_number=ID_A)
    assert find_duplicates(candidate, [existing]) == [(existing, REASON_ID)]


def test_different_id_but_same_household_name_birth_is_flagged() -> None:
    existing = key("r1", id_number=ID_A)
    candidate = key("new", id_number="110105194912310021")
    assert find_duplicates(candidate, [existing]) == [(existing, REASON_HOUSEHOLD)]


def test_find_duplicate_groups() -> None:
    a = key("a", hid="h1", name="张三", id_number=ID_A)
    b = key("b", hid="h2", name="张三丰", id_number=ID_A)
    c = key("c", hid="h3", name="李四", birth=dt.date(2010, 1, 1))
    d = key("d", hid="h3", name="李 四", birth=dt.date(2010, 1, 1))
    e = key("e", hid="h3", name="李四", birth=dt.date(2011, 1, 1))
    groups = find_duplicate_groups([a, b, c, d, e])
    assert groups == [
        DuplicateGroup(REASON_ID, (a, b)),
        DuplicateGroup(REASON_HOUSEHOLD, (c, d)),
    ]


def test_household_group_already_covered_by_id_group_is_not_repeated() -> None:
    a = key("a", id_number=ID_A)
    b = key("b", id_number=ID_A)
    assert find_duplicate_groups([a, b]) == [DuplicateGroup(REASON_ID, (a, b))]


def test_no_groups() -> None:
    assert find_duplicate_groups([]) == []
    assert find_duplicate_groups([key("a"), key("b", hid="h2")]) == []


def test_index_catches_duplicates_within_an_import() -> None:
    index = DuplicateIndex()
    first = key("row1", id_number=ID_A)
    index.add(first)
    assert index.find(key("row2", id_number=ID_A, name="别人")) == [(first, REASON_ID)]


_people = st.builds(
    PersonKey,
    resident_id=st.sampled_from(["r1", "r2", "r3", "r4", "r5", "r6"]),
    household_id=st.sampled_from(["h1", "h2"]),
    name=st.sampled_from(["张三", "张 三", "李四", ""]),
    id_number=st.sampled_from([None, "", ID_A, ID_A.lower(), "110105194912310021"]),
    birth_date=st.sampled_from([None, BIRTH, dt.date(2000, 1, 1)]),
)


@given(st.lists(_people, max_size=8), _people)
def test_index_agrees_with_linear_scan(existing: list[PersonKey], candidate: PersonKey) -> None:
    unique = list({p.resident_id: p for p in existing}.values())
    expected = find_duplicates(candidate, unique)
    assert DuplicateIndex(unique).find(candidate) == expected
