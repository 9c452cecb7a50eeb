"""What the printed documents read from the database."""

from __future__ import annotations

from datetime import date

import pytest

from gridworker.core.sheet_code import sheet_code
from gridworker.store import print_data
from gridworker.store.errors import StoreError
from gridworker.store.policies import load_checklist
from gridworker.store.print_data import SheetScope
from gridworker.store.store import Change, Store


def _home(
    store: Store, estate: str, building: str, room: str, people: list[dict[str, object]]
) -> str:
    hid = store.create(
        "household",
        {
            "micro_grid_id": store.identity.micro_grid_id,
            "estate": estate,
            "building": building,
            "unit": "1单元",
            "room": room,
        },
    )
    store.write([Change("resident", {"household_id": hid, **p}, new=True) for p in people])
    return hid


@pytest.fixture
def homes(worker_store: Store) -> dict[str, str]:
    s = worker_store
    return {
        "a": _home(
            s,
            "锦华苑",
            "3栋",
            "301",
            [
                {"name": "赵小明", "relation": "子", "birth_date": "2010-07-01", "status": "在住"},
                {
                    "name": "赵大山",
                    "relation": "本人",
                    "birth_date": "1960-06-04",
                    "status": "在住",
                    "tags": ["独居老人"],
                },
                {
                    "name": "钱走了",
                    "relation": "配偶",
                    "status": "迁出",
                    "status_date": "2025-06-02",
                },
            ],
        ),
        "b": _home(
            s, "锦华苑", "10栋", "101", [{"name": "孙一", "relation": "本人", "status": "在住"}]
        ),
        "c": _home(
            s, "双福路院落", "3栋", "201", [{"name": "李二", "relation": "本人", "status": "在住"}]
        ),
        "gone": _home(
            s, "锦华苑", "3栋", "302", [{"name": "周去", "relation": "本人", "status": "死亡"}]
        ),
    }


def test_batches_in_walking_order_without_empty_homes(
    worker_store: Store, homes: dict[str, str]
) -> None:
    conn = worker_store
    mg = worker_store.identity.micro_grid_id
    assert print_data.sheet_household_ids(conn, SheetScope(micro_grid_id=mg)) == [
        homes["c"],
        homes["a"],
        homes["b"],
    ]
    assert print_data.sheet_household_ids(conn, SheetScope(estate="锦华苑", building="3栋")) == [
        homes["a"]
    ]
    # Asked for by name, a household where nobody lives any more is still printed.
    assert print_data.sheet_household_ids(conn, SheetScope(household_ids=(homes["gone"],))) == [
        homes["gone"]
    ]


def test_sheet_members_living_there_head_first_with_age(
    worker_store: Store, homes: dict[str, str]
) -> None:
    [sheet] = print_data.household_sheets(
        worker_store,
        [homes["a"]],
        printed_on=date(2025, 6, 3),
        checklist=load_checklist(),
        community="致强社区",
    )
    assert [m.name for m in sheet.members] == ["赵大山", "赵小明"]
    assert [m.age for m in sheet.members] == [64, 14]
    assert sheet.members[0].tags == ("独居老人",)
    assert sheet.micro_grid == "第三微网格" and sheet.address == "锦华苑3栋1单元301"
    assert sheet.last_visit is None and sheet.care_colour is None and sheet.open_needs == ()


def test_resolving_buildings_and_households(worker_store: Store, homes: dict[str, str]) -> None:
    conn = worker_store
    assert print_data.resolve_building(conn, "锦华苑 3栋", None) == ("锦华苑", "3栋")
    assert print_data.resolve_building(conn, "10栋", None) == ("锦华苑", "10栋")
    with pytest.raises(StoreError, match=r"锦华苑3栋、双福路院落3栋|双福路院落3栋、锦华苑3栋"):
        print_data.resolve_building(conn, "3栋", None)
    with pytest.raises(StoreError, match="没有找到楼栋"):
        print_data.resolve_building(conn, "99栋", None)
    assert print_data.resolve_household(conn, "锦华苑3栋1单元301", None) == homes["a"]
    assert (
        print_data.resolve_household(conn, sheet_code(homes["b"], date(2025, 6, 3)), None)
        == homes["b"]
    )
    assert print_data.resolve_household(conn, homes["c"], None) == homes["c"]
    with pytest.raises(StoreError, match="没有找到住户"):
        print_data.resolve_household(conn, "锦华苑9栋", None)


def test_month_report_roster_figures(worker_store: Store, homes: dict[str, str]) -> None:
    today = date.today()
    month = f"{today:%Y-%m}"
    report = print_data.month_report(worker_store, month, worker_store.identity, made_on=today)
    [row] = report.rows
    assert report.scope == "第三微网格" and report.total is None
    assert (row.households, row.residents, row.new_residents) == (4, 4, 6)
    assert row.visits is None and row.care is None
    # The gas part: households someone lives in, never inspected, so due; nothing done yet.
    assert row.gas is not None and (row.gas.due, row.gas.inspections, row.gas.hazards_found) == (
        3,
        0,
        0,
    )
    june = print_data.month_report(worker_store, "2025-06", worker_store.identity, made_on=today)
    assert (june.rows[0].moved_out, june.rows[0].new_residents) == (1, 0)
    with pytest.raises(StoreError, match="2025-06"):
        print_data.month_report(worker_store, "June", worker_store.identity, made_on=today)


def test_households_of_listed_residents_in_list_order(
    worker_store: Store, homes: dict[str, str]
) -> None:
    rows = worker_store.conn.execute(
        "SELECT id, household_id FROM resident ORDER BY name DESC"
    ).fetchall()
    ids = [r[0] for r in rows]
    expected = list(dict.fromkeys(r[1] for r in rows))
    assert print_data.households_of(worker_store, ids) == expected
