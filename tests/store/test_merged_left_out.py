"""A merged-away resident or household (issue 10's duplicates) never shows up or counts
where a person reads, and what was recorded on it appears under the record kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from gridworker.core.gas_rules import DONE, HAZARD, OK, Answer
from gridworker.store import care, care_due, gas, gas_derived, needs, print_data, queries, visits
from gridworker.store.care_month import month_care
from gridworker.store.duplicates import merge
from gridworker.store.gas_stats import month_stats
from gridworker.store.needs import NeedInput
from gridworker.store.policies import checklist
from gridworker.store.search import count_matches, search_residents
from gridworker.store.store import Store
from gridworker.store.visits import VisitInput
from gridworker.store.worklist import worklist

TODAY = date.today()
MONTH = f"{TODAY:%Y-%m}"
FIRST = TODAY.replace(day=1)
ID_NUMBER = "510104195003010118"


@dataclass
class Twins:
    keep_home: str
    other_home: str
    keep: str  # 陈桂兰 as the office entered her
    other: str  # 陈桂兰 as a laptop entered her again
    visit: str
    need: str
    inspection: str


def _home(s: Store) -> str:
    return s.create(
        "household",
        {
            "micro_grid_id": s.identity.micro_grid_id,
            "estate": "锦华苑",
            "building": "3栋",
            "unit": "1单元",
            "room": "101",
            "head_name": "陈桂兰",
        },
    )


def _person(s: Store, home: str) -> str:
    return s.create(
        "resident",
        {"household_id": home, "name": "陈桂兰", "relation": "本人", "id_number": ID_NUMBER},
    )


@pytest.fixture
def twins(worker_store: Store) -> Twins:
    """The same household and person entered twice; the second has the worker's records."""
    s = worker_store
    h1, h2 = _home(s), _home(s)
    a, b = _person(s, h1), _person(s, h2)
    care.set_flag(s, b, "red", reason="独居高龄", on=FIRST)
    met = FIRST + timedelta(days=1) if FIRST + timedelta(days=1) <= TODAY else FIRST
    v = visits.add_visit(s, VisitInput(h2, met, "入户", ["关爱探访"], [b], situation="血压偏高"))
    n = needs.add_need(s, h2, NeedInput("希望安装扶手", "养老服务"), on=met)
    given = {i.code: Answer(OK) for i in checklist(s).items}
    given["leak"] = Answer(HAZARD, "灶前阀起泡")
    saved = gas.save_inspection(
        s, gas.InspectionInput(h2, met, DONE, given, signed=True), today=TODAY
    )
    return Twins(h1, h2, a, b, v, n, saved.id)


def _merged(s: Store, t: Twins) -> None:
    merge(s, "household", t.keep_home, t.other_home)
    merge(s, "resident", t.keep, t.other)


# -- 1. the roster's search and counts ----------------------------------------------------------


def test_search_and_counts_leave_merged_records_out(worker_store: Store, twins: Twins) -> None:
    s = worker_store
    _merged(s, twins)
    assert search_residents(s.conn, "陈桂兰") == [twins.keep]
    assert search_residents(s.conn, ID_NUMBER[-4:]) == [twins.keep]
    assert count_matches(s.conn, "陈桂兰") == 1
    assert count_matches(s.conn, None) == 1
    assert count_matches(s.conn, None, statuses=["在住"]) == 1
    c = queries.counts(s.conn)
    assert (c.households, c.residents) == (1, 1)
    c = queries.counts(s.conn, s.identity.micro_grid_id)
    assert (c.households, c.residents) == (1, 1)
    assert queries.household_member_ids(s.conn, twins.keep_home) == [twins.keep]


# -- 3. what was recorded on the merged records -------------------------------------------------


def test_the_worker_records_appear_under_the_kept_ones(worker_store: Store, twins: Twins) -> None:
    s = worker_store
    _merged(s, twins)
    [v] = visits.household_visits(s, twins.keep_home)
    assert v.id == twins.visit
    assert visits.household_visits(s, twins.other_home) == []
    [n] = needs.need_rows(s)
    assert n.id == twins.need and n.household_id == twins.keep_home
    held = s.get("gas_inspection", twins.inspection)
    assert held is not None and held["household_id"] == twins.keep_home


def test_derived_tables_follow_the_merge(worker_store: Store, twins: Twins) -> None:
    s = worker_store
    _merged(s, twins)
    dues = s.conn.execute("SELECT resident_id, last_counting FROM care_due").fetchall()
    assert [tuple(r) for r in dues] == [(twins.keep, s.get("visit", twins.visit)["visited_on"])]  # type: ignore[index]
    assert [r[0] for r in s.conn.execute("SELECT resident_id FROM visit_contact")] == [twins.keep]
    gas_homes = {r[0] for r in s.conn.execute("SELECT household_id FROM gas_due")}
    assert twins.other_home not in gas_homes
    hazard_homes = {r[0] for r in s.conn.execute("SELECT household_id FROM gas_hazard_state")}
    assert hazard_homes == {twins.keep_home}
    for item in worklist(s, TODAY + timedelta(days=400)):
        assert item.household_id != twins.other_home
        assert item.resident_id != twins.other
    # The tables equal what a rebuild from the records alone makes.
    before = [
        s.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
        for t in ("care_due", "visit_contact", "followup_due", "gas_due", "gas_hazard_state")
    ]
    with s.transaction():
        care_due.rebuild(s.conn)
        gas_derived.rebuild(s.conn)
    after = [
        s.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
        for t in ("care_due", "visit_contact", "followup_due", "gas_due", "gas_hazard_state")
    ]
    assert [list(map(tuple, t)) for t in before] == [list(map(tuple, t)) for t in after]


# -- 4. printing and the office's figures ---------------------------------------------------------


def test_printing_and_figures_leave_merged_records_out(worker_store: Store, twins: Twins) -> None:
    s = worker_store
    _merged(s, twins)
    ids = print_data.sheet_household_ids(
        s, print_data.SheetScope(micro_grid_id=s.identity.micro_grid_id)
    )
    assert ids == [twins.keep_home]
    [sheet] = print_data.household_sheets(s, ids, printed_on=TODAY, checklist=None)
    assert [m.name for m in sheet.members] == ["陈桂兰"]
    route = print_data.week_route(s, TODAY + timedelta(days=60), s.identity)
    assert {x.household_id for x in route.stops} <= {twins.keep_home}
    [f] = month_care(s, MONTH, today=TODAY).values()
    assert f.flagged == {"red": 1, "yellow": 0, "green": 0}
    report = print_data.month_report(s, MONTH, s.identity, made_on=TODAY)
    [row] = report.rows
    assert (row.households, row.residents) == (1, 1)
    gas_month = month_stats(s, MONTH, today=TODAY)
    assert gas_month.total.households == 1 and gas_month.total.inspected == 1


# -- 2. care flags: one per person after a merge ---------------------------------------------------


def _two_flagged(s: Store) -> tuple[str, str]:
    h = _home(s)
    a, b = _person(s, h), _person(s, h)
    return a, b


def test_the_more_urgent_flag_wins_and_the_other_is_cleared(worker_store: Store) -> None:
    from gridworker.core.ids import care_flag_id

    s = worker_store
    a, b = _two_flagged(s)
    care.set_flag(s, a, "green", reason="子女常来", on=FIRST, categories=["高龄"])
    care.set_flag(s, b, "red", reason="独居，刚出院", on=FIRST, categories=["独居老人"])
    merge(s, "resident", a, b)
    kept = s.get("care_flag", care_flag_id(a))
    assert kept is not None
    assert (kept["colour"], kept["reason"]) == ("red", "独居，刚出院")
    assert set(kept["categories"]) == {"高龄", "独居老人"}  # type: ignore[arg-type]
    other = s.get("care_flag", care_flag_id(b))
    assert other is not None and other["colour"] is None and other["resident_id"] == a
    assert [f.resident_id for f in care.flag_rows(s)] == [a]
    dues = s.conn.execute("SELECT resident_id, colour FROM care_due").fetchall()
    assert [tuple(r) for r in dues] == [(a, "red")]
    items = [i for i in worklist(s, TODAY + timedelta(days=60)) if i.resident_id in (a, b)]
    assert [(i.resident_id, i.record_id) for i in items] == [(a, care_flag_id(a))]
    [f] = month_care(s, MONTH, today=TODAY).values()
    assert f.flagged == {"red": 1, "yellow": 0, "green": 0}


def test_a_flag_pointed_at_another_resident_takes_its_old_due_dates_away(
    worker_store: Store,
) -> None:
    """A merge points the other resident's flag at the kept one. When that edit arrives on
    its own (a bundle carrying the merge's flag edit before, or without, the resident's
    merged_into), the resident whose flag it was must lose the due dates it made — they
    were left behind, unlike a rebuild (found by the sync state machine)."""
    from gridworker.core.ids import care_flag_id

    s = worker_store
    a, b = _two_flagged(s)
    care.set_flag(s, b, "red", reason="独居，刚出院", on=FIRST, categories=["独居老人"])
    assert [tuple(r) for r in s.conn.execute("SELECT resident_id FROM care_due")] == [(b,)]
    s.update("care_flag", care_flag_id(b), {"resident_id": a, "colour": None})
    dues = [tuple(r) for r in s.conn.execute("SELECT * FROM care_due ORDER BY 1, 2")]
    with s.transaction():
        care_due.rebuild(s.conn)
    assert dues == [tuple(r) for r in s.conn.execute("SELECT * FROM care_due ORDER BY 1, 2")]
    assert b not in {d[0] for d in dues}


def test_merging_back_the_other_way_gives_the_kept_resident_its_own_flag(
    worker_store: Store,
) -> None:
    """Two laptops merged a pair each its own way round: one folded a's red flag into b's
    and pointed a's own flag at b. Merging again with a kept must point a's own flag back
    at a, or a is left with no colour at all (its flag names b)."""
    from gridworker.core.ids import care_flag_id

    s = worker_store
    a, b = _two_flagged(s)
    care.set_flag(s, a, "red", reason="独居，刚出院", on=FIRST, categories=["独居老人"])
    # What the other laptop's merge of a into b brings (without a's merged_into yet).
    s.create(
        "care_flag",
        {"resident_id": b, "colour": "red", "reason": "独居，刚出院", "set_on": FIRST.isoformat()},
        entity_id=care_flag_id(b),
    )
    s.update("care_flag", care_flag_id(a), {"resident_id": b, "colour": None})
    merge(s, "resident", a, b)
    rows = care.flag_rows(s)
    assert [(f.resident_id, f.colour) for f in rows] == [(a, "red")]
    assert [tuple(r) for r in s.conn.execute("SELECT resident_id, colour FROM care_due")] == [
        (a, "red")
    ]
