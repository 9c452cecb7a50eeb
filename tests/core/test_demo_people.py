"""Demo roster: deterministic, internally consistent, valid by our own rules, and fast."""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections import Counter

import pytest

from gridworker.core.demo_people import (
    CHENGDU_AREA_CODES,
    DemoHousehold,
    generate_households,
)
from gridworker.core.duplicates import PersonKey, find_duplicate_groups
from gridworker.core.idcard import age_on, parse_id
from gridworker.core.people import (
    ETHNICITIES,
    HOUSE_USES,
    POPULATION_TYPES,
    RELATIONS,
    SPECIAL_TAGS,
    STATUSES,
)
from gridworker.core.phone import parse_phone
from gridworker.core.textnorm import norm_name

TODAY = dt.date(2025, 6, 1)
ESTATES = ["锦华苑", "东篱翠湖", "双福小区"]


@pytest.fixture(scope="module")
def households() -> list[DemoHousehold]:
    return generate_households(random.Random(20250601), 3000, ESTATES, today=TODAY)


def test_deterministic_for_seed_and_date() -> None:
    a = generate_households(random.Random(7), 200, ESTATES, today=TODAY)
    b = generate_households(random.Random(7), 200, ESTATES, today=TODAY)
    c = generate_households(random.Random(8), 200, ESTATES, today=TODAY)
    assert a == b
    assert a != c


def test_household_shape(households: list[DemoHousehold]) -> None:
    assert len(households) == 3000
    for h in households:
        assert 1 <= len(h.members) <= 5
        assert h.estate in ESTATES
        assert h.building.endswith("栋")
        assert h.unit.endswith("单元")
        assert h.room.isdigit()
        assert h.house_use in HOUSE_USES
        assert h.members[0].relation == "本人"
        assert sum(m.relation == "本人" for m in h.members) == 1
        assert h.head_name == h.members[0].name
        assert h.address == f"{h.estate}{h.building}{h.unit}{h.room}"
        if h.phone is not None:
            assert parse_phone(h.phone) == h.phone


def test_addresses_are_unique(households: list[DemoHousehold]) -> None:
    addresses = [(h.estate, h.building, h.unit, h.room) for h in households]
    assert len(set(addresses)) == len(addresses)


def test_residents_are_valid_and_consistent(households: list[DemoHousehold]) -> None:
    for h in households:
        for m in h.members:
            info = parse_id(m.id_number, today=TODAY)
            assert info.birth_date == m.birth_date
            assert info.sex == m.sex
            assert norm_name(m.name) == m.name
            assert 2 <= len(m.name.replace("·", "")) <= 12
            assert m.ethnicity in ETHNICITIES
            assert m.relation in RELATIONS
            assert m.population_type in POPULATION_TYPES
            assert m.status in STATUSES
            assert set(m.tags) <= set(SPECIAL_TAGS)
            assert len(set(m.tags)) == len(m.tags)
            assert m.tags == [t for t in SPECIAL_TAGS if t in m.tags]
            if m.phone is not None:
                assert parse_phone(m.phone) == m.phone
            assert 0 <= age_on(m.birth_date, TODAY) <= 96


def test_no_duplicates_by_our_own_rules(households: list[DemoHousehold]) -> None:
    keys = [
        PersonKey(f"{i}-{j}", str(i), m.name, m.id_number, m.birth_date)
        for i, h in enumerate(households)
        for j, m in enumerate(h.members)
    ]
    assert find_duplicate_groups(keys) == []


def test_tags_follow_age_and_household(households: list[DemoHousehold]) -> None:
    for h in households:
        for m in h.members:
            age = age_on(m.birth_date, TODAY)
            assert ("高龄" in m.tags) == (age >= 80)
            if "独居老人" in m.tags:
                assert len(h.members) == 1 and age >= 60
            if "空巢老人" in m.tags:
                assert age >= 60
                assert all(age_on(x.birth_date, TODAY) >= 58 for x in h.members)
            if {"留守儿童", "孤儿", "困境儿童"} & set(m.tags):
                assert age < 18
            if "新就业群体" in m.tags or "社区矫正人员" in m.tags:
                assert age >= 18


def test_realistic_mix(households: list[DemoHousehold]) -> None:
    members = [m for h in households for m in h.members]
    ages = [age_on(m.birth_date, TODAY) for m in members]
    n = len(members)
    single_elderly = sum(1 for h in households if "独居老人" in h.members[0].tags)
    assert 0.09 < single_elderly / len(households) < 0.15
    assert sum(a < 18 for a in ages) / n > 0.12
    assert sum(a >= 60 for a in ages) / n > 0.15
    assert max(ages) >= 90
    assert min(ages) == 0
    assert sum(m.sex == "男" for m in members) / n == pytest.approx(0.5, abs=0.06)
    assert Counter(m.ethnicity for m in members).most_common(1)[0][0] == "汉族"
    tags = Counter(t for m in members for t in m.tags)
    for tag in ("独居老人", "空巢老人", "高龄", "残疾人", "低保", "留守儿童"):
        assert tags[tag] > 0, tag
    chengdu = sum(m.id_number[:6] in CHENGDU_AREA_CODES for m in members)
    assert chengdu / n > 0.5


def test_children_are_younger_than_parents(households: list[DemoHousehold]) -> None:
    for h in households:
        head = h.members[0]
        for m in h.members:
            if m.relation in ("子", "女"):
                assert m.birth_date > head.birth_date
            if m.relation == "父母":
                assert m.birth_date < head.birth_date
            if m.relation == "孙子女":
                assert age_on(head.birth_date, TODAY) - age_on(m.birth_date, TODAY) >= 35


def test_argument_checks() -> None:
    with pytest.raises(ValueError):
        generate_households(random.Random(1), 1, [], today=TODAY)
    with pytest.raises(ValueError):
        generate_households(random.Random(1), -1, ESTATES, today=TODAY)
    assert generate_households(random.Random(1), 0, ESTATES, today=TODAY) == []


def test_default_today_produces_valid_ids() -> None:
    for h in generate_households(random.Random(3), 50, ESTATES):
        for m in h.members:
            parse_id(m.id_number)


def test_fast_enough() -> None:
    # 100,000 residents must take well under 2 s; 20,000 here with a generous margin.
    start = time.perf_counter()
    households = generate_households(random.Random(5), 7700, ESTATES, today=TODAY)
    elapsed = time.perf_counter() - start
    assert sum(len(h.members) for h in households) > 19_000
    assert elapsed < 1.0


def test_garbage_collector_state_is_restored() -> None:
    assert gc.isenabled()
    generate_households(random.Random(1), 5, ESTATES, today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        generate_households(random.Random(1), 5, ESTATES, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
