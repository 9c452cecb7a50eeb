"""The due dates the write path keeps (store/care_due.py), read back as the work list.

Every rule of care-colors.md is written here through the services a person uses — flags,
visits, events, moves and policies — and the list is checked as of a given day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest

from gridworker.core.worklist import WorkItem
from gridworker.store import care, care_due, needs, visits
from gridworker.store.needs import NeedInput
from gridworker.store.ops import Op
from gridworker.store.policies import set_policy, shipped_care_policy
from gridworker.store.store import Store
from gridworker.store.visits import VisitInput
from gridworker.store.worklist import worklist

TODAY = date(2026, 3, 31)


def d(text: str) -> date:
    return date.fromisoformat(text)


@dataclass
class Home:
    store: Store
    household: str
    gran: str  # 陈桂兰, 82, lives with
    son: str  # 王建国

    def visit(
        self, day: str, method: str = "入户", met: list[str] | None = None, **kw: object
    ) -> str:
        return visits.add_visit(
            self.store,
            VisitInput(self.household, d(day), method, ["关爱探访"], residents_met=met, **kw),  # type: ignore[arg-type]
            today=TODAY,
        )

    def flag(self, colour: str | None, day: str) -> None:
        care.set_flag(self.store, self.gran, colour, reason="独居高龄", on=d(day), today=TODAY)

    def items(self, on: str) -> list[WorkItem]:
        return worklist(self.store, d(on))

    def kinds(self, on: str) -> list[tuple[str, str]]:
        return [(i.kind, i.due.isoformat()) for i in self.items(on)]


def make_home(s: Store) -> Home:
    mg = s.identity.micro_grid_id or s.ensure_micro_grid("第三微网格")
    h = s.create(
        "household", {"micro_grid_id": mg, "estate": "锦华苑", "building": "3栋", "room": "101"}
    )
    gran = s.create(
        "resident", {"household_id": h, "name": "陈桂兰", "relation": "本人", "tags": ["高龄"]}
    )
    son = s.create("resident", {"household_id": h, "name": "王建国", "relation": "子"})
    return Home(s, h, gran, son)


@pytest.fixture
def home(worker_store: Store) -> Home:
    return make_home(worker_store)


def _table(s: Store, name: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in s.conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2")]


def derived_state(s: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: _table(s, t) for t in ("visit_contact", "care_due", "followup_due")}


def rebuilt(s: Store) -> dict[str, list[tuple[object, ...]]]:
    """What the derived tables hold when computed from the records alone (then restored)."""
    before = derived_state(s)
    with s.transaction():
        care_due.rebuild(s.conn)
    after = derived_state(s)
    assert after == before, "the incremental updates disagree with a rebuild"
    return after


def test_a_red_flag_without_a_visit_is_due_the_day_it_was_set(home: Home) -> None:
    home.flag("red", "2026-03-20")
    assert home.kinds("2026-03-19") == []
    assert home.kinds("2026-03-20") == [("care_red_due", "2026-03-20")]
    assert home.kinds("2026-03-23") == [("care_red_overdue", "2026-03-20")]
    [item] = home.items("2026-03-23")
    assert item.resident_id == home.gran and item.colour == "red"
    assert "逾期 3 天" in item.reason
    rebuilt(home.store)


def test_a_home_visit_moves_red_a_week_on_across_the_month_end(home: Home) -> None:
    home.flag("red", "2026-03-01")
    home.visit("2026-03-27")
    assert home.kinds("2026-04-02") == []
    assert home.kinds("2026-04-03") == [("care_red_due", "2026-04-03")]


def test_a_flag_raised_after_a_recent_visit_counts_from_that_visit(home: Home) -> None:
    home.flag("green", "2026-01-05")
    home.visit("2026-03-25")
    home.flag("red", "2026-03-28")  # raised three days after the visit
    assert home.kinds("2026-04-01") == [("care_red_due", "2026-04-01")]
    home.flag("yellow", "2026-03-29")  # lowered: the longer interval
    assert home.kinds("2026-04-01") == []
    assert home.kinds("2026-04-24") == [("care_due", "2026-04-24")]


def test_raising_the_colour_after_an_old_visit_applies_at_once(home: Home) -> None:
    home.flag("green", "2026-01-05")
    home.visit("2026-02-01")
    assert home.kinds("2026-03-30") == []  # green: due 2 May
    home.flag("red", "2026-03-30")
    assert home.kinds("2026-03-30") == [("care_red_due", "2026-03-30")]  # not 51 days late


def test_a_phone_call_does_not_count_for_red_but_does_for_yellow(home: Home) -> None:
    home.flag("red", "2026-03-01")
    home.visit("2026-03-02")
    home.visit("2026-03-20", method="电话")
    assert home.kinds("2026-03-20") == [("care_red_overdue", "2026-03-09")]
    home.flag("yellow", "2026-03-21")
    assert home.kinds("2026-04-10") == []  # the call of 20 March counts: due 19 April


def test_nobody_home_never_counts(home: Home) -> None:
    home.flag("yellow", "2026-03-01")
    home.visit("2026-03-05", method="到访不遇")
    assert home.kinds("2026-03-05") == [("care_overdue", "2026-03-01")]


def test_a_visit_counts_only_for_the_residents_met(home: Home) -> None:
    home.flag("red", "2026-03-01")
    home.visit("2026-03-05", met=[home.son])
    assert home.kinds("2026-03-06") == [("care_red_overdue", "2026-03-01")]
    v = home.visit("2026-03-06")  # no one named: every member living there
    assert home.kinds("2026-03-07") == []
    # Correcting the visit: the grandmother was not there after all.
    home.store.update("visit", v, {"residents_met": [home.son]})
    assert home.kinds("2026-03-07") == [("care_red_overdue", "2026-03-01")]
    rebuilt(home.store)


def test_a_voided_visit_no_longer_counts(home: Home) -> None:
    home.flag("red", "2026-03-01")
    v = home.visit("2026-03-05")
    assert home.kinds("2026-03-10") == []
    visits.void_visit(home.store, v, "录错了户")
    assert home.kinds("2026-03-10") == [("care_red_overdue", "2026-03-01")]
    home.store.unvoid("visit", v)
    assert home.kinds("2026-03-10") == []
    rebuilt(home.store)


def test_a_resident_who_moved_out_or_died_is_never_due(home: Home) -> None:
    home.flag("red", "2026-03-01")
    care.add_event(home.store, home.gran, "出院", on=d("2026-03-10"), today=TODAY)
    assert len(home.items("2026-03-20")) == 2
    home.store.update("resident", home.gran, {"status": "死亡", "status_date": "2026-03-15"})
    assert home.items("2026-03-20") == []
    home.store.update("resident", home.gran, {"status": "在住", "status_date": None})
    assert len(home.items("2026-03-20")) == 2
    with pytest.raises(Exception, match="不能设定关爱颜色"):
        home.store.update("resident", home.gran, {"status": "迁出", "status_date": "2026-03-15"})
        home.flag("yellow", "2026-03-16")


def test_a_major_event_makes_a_visit_due_within_a_day_whatever_the_colour(home: Home) -> None:
    care.add_event(home.store, home.son, "出院", on=d("2026-03-10"), today=TODAY)  # no flag
    assert home.kinds("2026-03-09") == []
    assert home.kinds("2026-03-10") == [("event", "2026-03-11")]
    [item] = home.items("2026-03-10")
    assert item.resident_id == home.son and "24 小时内" in item.reason
    home.visit("2026-03-11", method="电话")  # a call does not answer it
    assert home.kinds("2026-03-12") == [("event", "2026-03-11")]
    home.visit("2026-03-11", met=[home.son])
    assert home.kinds("2026-03-12") == []
    rebuilt(home.store)


def test_an_event_ranks_before_a_due_red_flag(home: Home) -> None:
    home.flag("red", "2026-03-10")
    care.add_event(home.store, home.son, "丧亲", on=d("2026-03-10"), today=TODAY)
    assert [k for k, _ in home.kinds("2026-03-10")] == ["event", "care_red_due"]


def test_clearing_a_flag_takes_the_resident_off_the_list(home: Home) -> None:
    home.flag("red", "2026-03-01")
    home.flag(None, "2026-03-02")
    assert home.items("2026-03-20") == []
    assert care.flag_rows(home.store) == []


def test_a_policy_from_the_office_changes_the_due_dates(
    office_store: Store, worker_store: Store
) -> None:
    """The office's new policy reaches the laptop as an operation: the hook follows it."""
    home = make_home(office_store)
    home.flag("red", "2026-03-01")
    home.visit("2026-03-20")
    assert home.kinds("2026-03-27") == [("care_red_due", "2026-03-27")]
    doc = shipped_care_policy().to_json()
    doc.update(version=2)
    doc["colours"]["red"]["interval_days"] = 3
    set_policy(office_store, "care", json.dumps(doc, ensure_ascii=False))
    assert home.kinds("2026-03-23") == [("care_red_due", "2026-03-23")]
    rebuilt(office_store)
    # The same operations at another replica, the policy last: the same list.
    replica = Store.open(":memory:")
    replica.init_installation("office", "致强社区", "李四")
    ops = [Op.from_row(r) for r in office_store.conn.execute("SELECT * FROM ops ORDER BY hlc")]
    policy_ops = [o for o in ops if o.entity == "policy"]
    replica.apply_ops([o for o in ops if o.entity != "policy"])
    assert [i.due for i in worklist(replica, d("2026-03-27"))] == [d("2026-03-27")]
    replica.apply_ops(policy_ops)
    assert worklist(replica, d("2026-03-23")) == worklist(office_store, d("2026-03-23"))
    assert derived_state(replica) == derived_state(office_store)


def test_a_need_past_its_deadline_is_on_the_list_the_day_after(home: Home) -> None:
    n = needs.add_need(
        home.store,
        home.household,
        NeedInput("楼道灯坏了", "物业维修"),
        on=d("2026-03-02"),
        today=TODAY,
    )
    needs.report(home.store, n, "物业公司", d("2026-03-09"), on=d("2026-03-02"), today=TODAY)
    assert home.kinds("2026-03-09") == []
    assert home.kinds("2026-03-10") == [("need_overdue", "2026-03-09")]
    [item] = home.items("2026-03-12")
    assert item.record_id == n and "逾期 3 天" in item.reason and "物业公司" in item.reason
    needs.feedback(home.store, n, "已更换灯泡", on=d("2026-03-12"), today=TODAY)
    # Fed back: no longer overdue, a return visit is due instead (within a week).
    assert home.kinds("2026-03-12") == [("revisit_due", "2026-03-19")]
    needs.revisit(home.store, n, "满意", on=d("2026-03-13"), today=TODAY)
    assert home.kinds("2026-03-20") == []


def test_a_follow_up_is_due_until_a_later_visit_meets_someone(home: Home) -> None:
    home.visit("2026-03-02", follow_up_on=d("2026-03-09"))
    assert home.kinds("2026-03-08") == []
    assert home.kinds("2026-03-09") == [("revisit_due", "2026-03-09")]
    home.visit("2026-03-10", method="到访不遇")
    assert home.kinds("2026-03-11") == [("revisit_due", "2026-03-09")]
    home.visit("2026-03-11", method="电话")
    assert home.kinds("2026-03-12") == []
    rebuilt(home.store)


def test_a_worker_sees_only_its_micro_grid(home: Home) -> None:
    home.flag("red", "2026-03-01")
    assert len(home.items("2026-03-10")) == 1
    other = home.store.ensure_micro_grid("第四微网格")
    home.store.update("household", home.household, {"micro_grid_id": other})
    assert home.items("2026-03-10") == []


def test_import_order_and_a_fresh_rebuild_agree(office_store: Store, worker_store: Store) -> None:
    home = make_home(worker_store)
    home.flag("red", "2026-03-01")
    home.visit("2026-03-05", follow_up_on=d("2026-03-12"))
    care.add_event(worker_store, home.son, "出院", on=d("2026-03-20"), today=TODAY)
    ops = [Op.from_row(r) for r in worker_store.conn.execute("SELECT * FROM ops ORDER BY hlc")]
    roster = [o for o in ops if o.entity in ("micro_grid", "household", "resident")]
    office_store.apply_ops(roster)
    for op in reversed([o for o in ops if o not in roster]):  # one at a time, newest first
        office_store.apply_ops([op])
    assert derived_state(office_store) == derived_state(worker_store) == rebuilt(office_store)


def test_the_flag_view_says_which_events_are_still_unanswered(home: Home) -> None:
    home.flag("red", "2026-03-01")
    care.add_event(home.store, home.gran, "出院", on=d("2026-03-05"), today=TODAY)
    home.visit("2026-03-06")
    care.add_event(home.store, home.gran, "极端天气", on=d("2026-03-10"), today=TODAY)
    care.add_event(home.store, home.gran, "丧亲", on=d("2026-03-12"), today=TODAY)
    view = care.flag_view(home.store, home.gran)
    assert view is not None and view.flag is not None and view.flag["colour"] == "red"
    assert [(e.kind, e.answered) for e in view.events] == [
        ("丧亲", False),
        ("极端天气", False),
        ("出院", True),
    ]
    assert view.review_days == 180 and view.history  # the flag and the events, newest first
