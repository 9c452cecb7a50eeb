"""The validated roster service: normalised values, derived facts, duplicates, statuses."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gridworker.core.duplicates import REASON_HOUSEHOLD, REASON_ID, PersonKey
from gridworker.core.idcard import make_id
from gridworker.store.roster import (
    DuplicatePerson,
    HouseholdInput,
    ResidentInput,
    RosterError,
    add_household,
    add_resident,
    duplicates_for,
    find_household,
    get_household,
    household_members,
    set_status,
    update_household,
    update_resident,
)
from gridworker.store.store import Store

MALE_1950 = make_id("510104", dt.date(1950, 3, 4), 123)  # odd sequence: male
FEMALE_1990 = make_id("510108", dt.date(1990, 1, 2), 124)  # even: female


def _home(store: Store, room: str = "301") -> str:
    return add_household(
        store, HouseholdInput(estate="致强小区", building="1栋", unit="2单元", room=room)
    )


def test_resident_id_is_normalised_and_birth_date_and_sex_derived(worker_store: Store) -> None:
    h = _home(worker_store)
    messy = " " + FEMALE_1990[:6] + "　" + FEMALE_1990[6:]  # stray spaces, ideographic too
    messy = messy.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    r = add_resident(worker_store, h, ResidentInput(name=" 王 英 ", id_number=messy))
    row = worker_store.get("resident", r)
    assert row is not None
    assert row["id_number"] == FEMALE_1990
    assert row["birth_date"] == "1990-01-02"
    assert row["sex"] == "女"
    assert row["name"] == "王英"
    assert row["status"] == "在住"


def test_lower_case_x_is_stored_upper_case(worker_store: Store) -> None:
    number = next(
        make_id("510104", dt.date(1980, 5, 6), s)
        for s in range(1000)
        if make_id("510104", dt.date(1980, 5, 6), s).endswith("X")
    )
    r = add_resident(worker_store, _home(worker_store), ResidentInput("李静", number.lower()))
    assert worker_store.get("resident", r)["id_number"] == number  # type: ignore[index]


def test_sex_contradicting_the_id_is_refused_naming_the_field(worker_store: Store) -> None:
    h = _home(worker_store)
    with pytest.raises(RosterError) as e:
        add_resident(worker_store, h, ResidentInput("张三", MALE_1950, sex="女"))
    assert e.value.field == "sex"
    assert "性别" in str(e.value) and "男" in str(e.value)
    assert worker_store.conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 0


def test_every_problem_is_in_the_message(worker_store: Store) -> None:
    bad_check = MALE_1950[:17] + ("0" if MALE_1950[17] != "0" else "1")
    with pytest.raises(RosterError) as e:
        add_resident(
            worker_store,
            _home(worker_store),
            ResidentInput("张三", bad_check, phone="12345", relation="邻居"),
        )
    text = str(e.value)
    assert e.value.field == "id_number"
    assert "校验位" in text and "电话" in text and "与户主关系" in text


def test_fifteen_digit_id_suggests_the_conversion(worker_store: Store) -> None:
    with pytest.raises(RosterError) as e:
        add_resident(worker_store, _home(worker_store), ResidentInput("李敏艳", "510113650725922"))
    assert "510113196507259228" in str(e.value)


def test_vocabularies_phone_and_tags_are_normalised(worker_store: Store) -> None:
    r = add_resident(
        worker_store,
        _home(worker_store),
        ResidentInput(
            "赵红",
            MALE_1950,
            phone="138 0013 8000",
            relation="户主",
            population_type="户籍人口",
            ethnicity="汉",
            tags="高龄老人，低保户",
        ),
    )
    row = worker_store.get("resident", r)
    assert row is not None
    assert row["phone"] == "13800138000"
    assert row["relation"] == "本人"
    assert row["population_type"] == "户籍"
    assert row["ethnicity"] == "汉族"
    assert row["tags"] == ["高龄", "低保"]


def test_unknown_tag_is_refused(worker_store: Store) -> None:
    with pytest.raises(RosterError) as e:
        add_resident(worker_store, _home(worker_store), ResidentInput("赵红", tags="高龄、VIP"))
    assert e.value.field == "tags" and "VIP" in str(e.value)


def test_same_id_anywhere_is_a_duplicate_unless_allowed(worker_store: Store) -> None:
    first = add_resident(worker_store, _home(worker_store, "101"), ResidentInput("张三", MALE_1950))
    other_home = _home(worker_store, "102")
    with pytest.raises(DuplicatePerson) as e:
        add_resident(worker_store, other_home, ResidentInput("张叁", MALE_1950))
    assert e.value.matches == [(first, REASON_ID)]
    assert "张三" in str(e.value)
    second = add_resident(
        worker_store, other_home, ResidentInput("张叁", MALE_1950), allow_duplicate=True
    )
    assert second != first


def test_same_name_and_birth_date_in_household_is_a_duplicate(worker_store: Store) -> None:
    h = _home(worker_store)
    baby = add_resident(worker_store, h, ResidentInput("小明", birth_date="2023/5/6"))
    with pytest.raises(DuplicatePerson):
        add_resident(worker_store, h, ResidentInput("小明", birth_date="2023-05-06"))
    # Same name, other household: not a duplicate by the household rule.
    add_resident(
        worker_store, _home(worker_store, "999"), ResidentInput("小明", birth_date="2023-05-06")
    )
    key = PersonKey("", h, "小明", None, dt.date(2023, 5, 6))
    assert duplicates_for(worker_store, key) == [(baby, REASON_HOUSEHOLD)]


def test_households_are_found_by_normalised_address(worker_store: Store) -> None:
    h = _home(worker_store, "301")
    mg = worker_store.identity.micro_grid_id
    assert mg is not None
    assert find_household(worker_store, mg, "致强小区", "１栋", "2 单元", "301") == h
    assert find_household(worker_store, mg, "致强小区", "1栋", "2单元", "302") is None
    with pytest.raises(RosterError):
        _home(worker_store, "３０１")


def test_household_needs_estate_and_room(worker_store: Store) -> None:
    with pytest.raises(RosterError) as e:
        add_household(worker_store, HouseholdInput(estate=" ", building="1栋"))
    assert e.value.field == "estate"


def test_office_household_needs_its_micro_grid(office_store: Store) -> None:
    with pytest.raises(RosterError):
        add_household(office_store, HouseholdInput(estate="致强小区", room="101"))
    mg = office_store.ensure_micro_grid("第一微网格")
    h = add_household(office_store, HouseholdInput("致强小区", room="101", micro_grid_id=mg))
    assert get_household(office_store, h)["micro_grid_id"] == mg  # type: ignore[index]


def test_update_household_validates_and_reports_change(worker_store: Store) -> None:
    h = _home(worker_store)
    assert update_household(worker_store, h, {"house_use": "出租房"}) is True
    assert get_household(worker_store, h)["house_use"] == "出租"  # type: ignore[index]
    assert update_household(worker_store, h, {"house_use": "出租"}) is False
    with pytest.raises(RosterError):
        update_household(worker_store, h, {"house_use": "宾馆"})
    with pytest.raises(RosterError):
        update_household(worker_store, h, {"room": ""})


def test_update_resident_rederives_from_a_new_id(worker_store: Store) -> None:
    r = add_resident(worker_store, _home(worker_store), ResidentInput("王英", MALE_1950))
    assert update_resident(worker_store, r, {"id_number": FEMALE_1990}) is True
    row = worker_store.get("resident", r)
    assert row is not None and row["sex"] == "女" and row["birth_date"] == "1990-01-02"
    with pytest.raises(RosterError):
        update_resident(worker_store, r, {"sex": "男"})
    assert update_resident(worker_store, r, {"phone": ""}) is False  # nothing to clear
    update_resident(worker_store, r, {"phone": "13800138000"})
    assert update_resident(worker_store, r, {"phone": ""}) is True
    assert worker_store.get("resident", r)["phone"] is None  # type: ignore[index]


def test_set_status_keeps_the_person_with_a_date(worker_store: Store) -> None:
    h = _home(worker_store)
    r = add_resident(worker_store, h, ResidentInput("张三", MALE_1950))
    with pytest.raises(RosterError) as e:
        set_status(worker_store, r, "死亡")
    assert e.value.field == "status_date"
    assert set_status(worker_store, r, "已故", "2024-03-01") is True
    row = worker_store.get("resident", r)
    assert row is not None and row["status"] == "死亡" and row["status_date"] == "2024-03-01"
    assert [m["id"] for m in household_members(worker_store, h)] == [r]
    assert household_members(worker_store, h, include_left=False) == []
    set_status(worker_store, r, "在住")
    assert worker_store.get("resident", r)["status_date"] is None  # type: ignore[index]
    ops = worker_store.conn.execute(
        "SELECT fields FROM ops WHERE entity_id = ? ORDER BY hlc", (r,)
    ).fetchall()
    assert json.loads(ops[1]["fields"]) == {"status": "死亡", "status_date": "2024-03-01"}


def test_members_are_listed_head_first(worker_store: Store) -> None:
    h = _home(worker_store)
    add_resident(worker_store, h, ResidentInput("小明", relation="儿子", birth_date="2010-01-01"))
    add_resident(worker_store, h, ResidentInput("老王", MALE_1950, relation="户主"))
    add_resident(worker_store, h, ResidentInput("王妻", relation="妻子", birth_date="1952-01-01"))
    assert [m["name"] for m in household_members(worker_store, h)] == ["老王", "王妻", "小明"]


# -- one head per household, and its name ---------------------------------------------


def _head_rows(store: Store, household_id: str) -> list[str]:
    return [
        str(m["name"])
        for m in household_members(store, household_id, include_left=False)
        if m["relation"] == "本人"
    ]


def test_a_second_head_is_refused_naming_the_first(worker_store: Store) -> None:
    h = _home(worker_store)
    add_resident(worker_store, h, ResidentInput("老王", MALE_1950, relation="户主"))
    with pytest.raises(RosterError) as e:
        add_resident(worker_store, h, ResidentInput("小王", relation="本人"))
    assert e.value.field == "relation" and "老王" in str(e.value)
    son = add_resident(worker_store, h, ResidentInput("小王", relation="子"))
    with pytest.raises(RosterError) as e:
        update_resident(worker_store, son, {"relation": "本人"})
    assert "一户只能有一位户主" in str(e.value)
    assert _head_rows(worker_store, h) == ["老王"]


def test_the_head_name_follows_the_head(worker_store: Store) -> None:
    h = _home(worker_store)
    assert get_household(worker_store, h)["head_name"] is None  # type: ignore[index]
    head = add_resident(worker_store, h, ResidentInput("老王", MALE_1950, relation="本人"))
    assert get_household(worker_store, h)["head_name"] == "老王"  # type: ignore[index]
    update_resident(worker_store, head, {"name": "王老"})
    assert get_household(worker_store, h)["head_name"] == "王老"  # type: ignore[index]
    # Changing the head: the old one first, then the new one.
    son = add_resident(worker_store, h, ResidentInput("小王", relation="子"))
    update_resident(worker_store, head, {"relation": "父母"})
    update_resident(worker_store, son, {"relation": "本人"})
    assert get_household(worker_store, h)["head_name"] == "小王"  # type: ignore[index]


def test_the_household_form_cannot_name_another_head(worker_store: Store) -> None:
    h = _home(worker_store)
    add_resident(worker_store, h, ResidentInput("老王", MALE_1950, relation="本人"))
    with pytest.raises(RosterError) as e:
        update_household(worker_store, h, {"head_name": "隔壁老李"})
    assert e.value.field == "head_name" and "老王" in str(e.value)
    assert update_household(worker_store, h, {"head_name": "老王", "phone": "13800138000"})


def test_a_former_head_coming_back_while_another_is_head_is_refused(worker_store: Store) -> None:
    h = _home(worker_store)
    old = add_resident(worker_store, h, ResidentInput("老王", MALE_1950, relation="本人"))
    set_status(worker_store, old, "迁出", "2024-01-01")
    add_resident(worker_store, h, ResidentInput("小王", relation="本人"))  # the new head
    assert get_household(worker_store, h)["head_name"] == "小王"  # type: ignore[index]
    with pytest.raises(RosterError) as e:
        set_status(worker_store, old, "在住")
    assert "小王" in str(e.value)


def test_other_fields_of_a_household_with_two_heads_can_still_be_edited(
    worker_store: Store,
) -> None:
    """Two heads can arrive by sync (concurrent edits on two laptops): the rule refuses
    making a head, not every edit of the people already there."""
    h = _home(worker_store)
    a = worker_store.create("resident", {"household_id": h, "name": "甲", "relation": "本人"})
    worker_store.create("resident", {"household_id": h, "name": "乙", "relation": "本人"})
    assert update_resident(worker_store, a, {"phone": "13800138000"})


def test_an_edit_writes_only_what_it_names(worker_store: Store) -> None:
    r = add_resident(worker_store, _home(worker_store), ResidentInput("赵六"))
    update_resident(worker_store, r, {"phone": "13800138000"})
    fields = worker_store.conn.execute(
        "SELECT fields FROM ops WHERE entity_id = ? ORDER BY hlc DESC LIMIT 1", (r,)
    ).fetchone()[0]
    assert json.loads(fields) == {"phone": "13800138000"}


def test_another_program_writing_to_the_file_keeps_one_numbering(worker_store: Store) -> None:
    """A command run while the app is open writes through its own connection: the app's
    next write continues after it instead of reusing its sequence numbers."""
    h = _home(worker_store)
    assert worker_store.path is not None
    with Store.open(worker_store.path) as command:
        add_resident(command, h, ResidentInput("命令行"))
    add_resident(worker_store, h, ResidentInput("窗口里"))
    rows = worker_store.conn.execute("SELECT seq, hlc FROM ops ORDER BY seq").fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    hlcs = [r[1] for r in rows]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)  # the clock went on too


def test_unknown_fields_are_refused_not_dropped(worker_store: Store) -> None:
    r = add_resident(worker_store, _home(worker_store), ResidentInput("张三"))
    with pytest.raises(RosterError) as e:
        update_resident(worker_store, r, {"phon": "13800138000"})
    assert e.value.field == "phon"
