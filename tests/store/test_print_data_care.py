"""What the printed documents get from care flags, visits and needs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gridworker.store import care, needs, print_data, visits
from gridworker.store.care_month import month_care
from gridworker.store.needs import NeedInput
from gridworker.store.store import Store
from gridworker.store.visits import VisitInput

TODAY = date.today()
MONTH = f"{TODAY:%Y-%m}"
FIRST = TODAY.replace(day=1)


def _home(s: Store, room: str, names: list[str]) -> tuple[str, list[str]]:
    mg = s.identity.micro_grid_id
    h = s.create(
        "household",
        {
            "micro_grid_id": mg,
            "estate": "锦华苑",
            "building": "3栋",
            "unit": "1单元",
            "room": room,
            "head_name": names[0],
        },
    )
    return h, [
        s.create("resident", {"household_id": h, "name": n, "relation": "本人" if i == 0 else "子"})
        for i, n in enumerate(names)
    ]


@pytest.fixture
def homes(worker_store: Store) -> dict[str, object]:
    s = worker_store
    h1, (gran, _son) = _home(s, "101", ["陈桂兰", "王建国"])
    h2, (uncle,) = _home(s, "201", ["李大爷"])
    care.set_flag(s, gran, "red", reason="独居高龄", on=FIRST)
    care.set_flag(s, uncle, "yellow", reason="失能", on=FIRST)
    visits.add_visit(s, VisitInput(h1, FIRST, "入户", ["关爱探访"], [gran], situation="血压偏高"))
    visits.add_visit(s, VisitInput(h2, FIRST, "到访不遇", ["关爱探访"]))
    n = needs.add_need(s, h1, NeedInput("希望安装扶手", "养老服务"), on=FIRST)
    needs.report(s, n, "养老服务中心", FIRST + timedelta(days=3), on=FIRST)
    needs.add_need(s, h2, NeedInput("楼道灯坏了", "物业维修", solved="当场报修"), on=FIRST)
    return {"h1": h1, "h2": h2, "gran": gran, "uncle": uncle}


def test_sheets_carry_colours_the_last_visit_and_open_needs(
    worker_store: Store, homes: dict[str, object]
) -> None:
    ids = [str(homes["h1"]), str(homes["h2"])]
    one, two = print_data.household_sheets(worker_store, ids, printed_on=TODAY, checklist=None)
    assert one.care_colour == "红" and [m.care_colour for m in one.members] == ["红", None]
    assert one.last_visit is not None and one.last_visit.method == "入户"
    assert one.last_visit.summary == "关爱探访"  # the purposes, never the worker's own words
    assert [n.text for n in one.open_needs] == ["希望安装扶手"]
    assert one.open_needs[0].owner == "养老服务中心"
    assert two.care_colour == "黄" and two.open_needs == ()  # solved on the spot
    assert two.last_visit is not None and two.last_visit.method == "到访不遇"


def test_the_week_route_lists_each_household_once_with_its_reasons(
    worker_store: Store, homes: dict[str, object]
) -> None:
    route = print_data.week_route(worker_store, TODAY + timedelta(days=14), worker_store.identity)
    assert route.week_start.weekday() == 0 and route.micro_grid == "第三微网格"
    stops = {s.household_id: s for s in route.stops}
    assert set(stops) == {homes["h1"], homes["h2"]}
    first = stops[str(homes["h1"])]
    assert first.care_colour == "红" and first.room == "101" and first.head_name == "陈桂兰"
    assert any("陈桂兰 红色关爱" in r for r in first.reasons)
    assert any("诉求逾期" in r for r in first.reasons)
    assert stops[str(homes["h2"])].care_colour == "黄"
    assert min(route.stops, key=lambda s: s.urgency).household_id == homes["h1"]


def test_month_figures_for_visits_care_and_needs(
    worker_store: Store, homes: dict[str, object]
) -> None:
    [f] = month_care(worker_store, MONTH, today=FIRST + timedelta(days=1)).values()
    assert f.by_method["入户"] == 1 and f.by_method["到访不遇"] == 1 and f.visits == 2
    assert f.households_visited == 1  # nobody home does not count as a household visited
    assert f.flagged == {"red": 1, "yellow": 1, "green": 0}
    # Red was visited on the 1st; yellow, due that day, met nobody (which never counts).
    assert f.covered == {"red": 1, "yellow": 0, "green": 0}
    assert (f.raised, f.solved_on_spot, f.passed_up, f.answered, f.overdue) == (2, 1, 1, 1, 0)
    report = print_data.month_report(worker_store, MONTH, worker_store.identity, made_on=TODAY)
    [row] = report.rows
    assert row.visits is not None and row.visits.not_home == 1
    assert row.needs is not None and row.needs.raised == 2
    assert row.care is not None and [c.colour for c in row.care] == ["红", "黄", "绿"]
