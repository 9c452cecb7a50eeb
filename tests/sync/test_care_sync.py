"""Care flags, events, visits and needs travel like the roster: the office sees its
micro-grids' visits and needs after an import, a need the office feeds back reaches the
laptop, concurrent changes merge field by field with the losers listed, and a new laptop
set up from the office holds them all."""

from __future__ import annotations

from datetime import date, timedelta

from sync_helpers import Site

from gridworker.core.worklist import WorkItem
from gridworker.store import care, needs, visits
from gridworker.store.needs import NeedInput
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.store.visits import VisitInput
from gridworker.store.worklist import worklist as full_worklist
from gridworker.sync import list_conflicts

GAS_KINDS = {"hazard_overdue", "hazard_recheck", "gas_due", "gas_retry"}


def worklist(store: Store, on: date) -> list[WorkItem]:
    """The care entries of the work list (these households have never had a gas check)."""
    return [i for i in full_worklist(store, on) if i.kind not in GAS_KINDS]


TODAY = date.today()


def _home(s: Store) -> tuple[str, list[str]]:
    h = s.conn.execute("SELECT id FROM household WHERE room = '101'").fetchone()[0]
    people = [
        r[0]
        for r in s.conn.execute(
            "SELECT id FROM resident WHERE household_id = ? ORDER BY name", (h,)
        )
    ]
    return h, people


def test_the_office_sees_visits_and_needs_and_feeds_back(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    h, (a, _b) = _home(w)
    care.set_flag(w, a, "red", reason="独居高龄", on=TODAY - timedelta(days=20))
    v = visits.add_visit(
        w,
        VisitInput(
            h,
            TODAY - timedelta(days=2),
            "入户",
            ["关爱探访", "健康随访"],
            [a],
            situation="血压偏高，已提醒按时服药",
            needs=[NeedInput("希望安装扶手", "养老服务")],
        ),
    )
    [n] = [r.id for r in needs.need_rows(w)]
    needs.report(w, n, "社区居家养老服务中心", TODAY + timedelta(days=5))
    site.send(w, site.office, "up1")

    office = site.office
    assert office.get("visit", v) == w.get("visit", v)
    [row] = visits.visit_list(office, visits.VisitFilter())
    assert row.met == ("张静华",) and row.micro_grid == "第一微网格"
    assert [r.status for r in needs.need_rows(office)] == ["已上报"]
    # The office's work list holds the same red flag, not due yet (visited 2 days ago).
    assert worklist(office, TODAY) == worklist(w, TODAY) == []

    needs.feedback(office, n, "已安排下周上门安装")
    site.send(office, w, "down1", micro_grid="第一微网格")
    [fed] = needs.need_rows(w)
    assert fed.status == "已反馈" and fed.result == "已安排下周上门安装"
    [item] = worklist(w, TODAY)
    assert item.kind == "revisit_due" and item.record_id == n
    assert snapshot_text(w) == snapshot_text(office, micro_grid_id=site.mg_a)


def test_concurrent_flag_changes_merge_with_the_loser_listed(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    _h, (a, _b) = _home(w)
    care.set_flag(
        w, a, "yellow", reason="独居", categories=["独居老人"], on=TODAY - timedelta(days=3)
    )
    site.send(w, site.office, "up1")
    # The laptop raises the colour while the office adds a category and another reason.
    care.set_flag(w, a, "red", reason="摔倒后行动不便", on=TODAY)
    care.set_flag(
        site.office,
        a,
        "yellow",
        reason="独居，子女在外地",
        categories=["独居老人", "空巢老人"],
        on=TODAY,
    )
    site.send(w, site.office, "up2")
    site.send(site.office, w, "down1", micro_grid="第一微网格")
    flags = [s.get("care_flag", care.care_flag_id(a)) for s in (w, site.office)]
    assert flags[0] == flags[1]
    assert flags[0] is not None and flags[0]["colour"] == "red"
    assert flags[0]["categories"] == ["独居老人", "空巢老人"]  # elements merged one by one
    lost = {c.field for c in list_conflicts(site.office)}
    assert "reason" in lost
    assert {c.field for c in list_conflicts(w)} == lost


def test_the_same_step_twice_is_a_conflict_different_steps_merge(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    h, (a, _b) = _home(w)
    n = needs.add_need(w, h, NeedInput("楼道灯坏了", "物业维修", resident_id=a))
    needs.report(w, n, "物业公司", TODAY + timedelta(days=3))
    site.send(w, site.office, "up1")
    needs.feedback(site.office, n, "已更换灯泡")
    needs.feedback(w, n, "物业说明天来修")
    site.send(w, site.office, "up2")
    site.send(site.office, w, "down1", micro_grid="第一微网格")
    assert w.get("need", n) == site.office.get("need", n)
    assert [c.field for c in list_conflicts(w)] == ["result"]


def test_a_new_laptop_set_up_from_the_office_holds_every_record(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    h, (a, b) = _home(w)
    care.set_flag(w, a, "red", reason="独居高龄", on=TODAY - timedelta(days=10))
    care.add_event(w, b, "出院", on=TODAY)
    visits.add_visit(
        w, VisitInput(h, TODAY - timedelta(days=1), "电话", ["日常走访"], [b], follow_up_on=TODAY)
    )
    site.send(w, site.office, "up1")
    replacement = site.setup_worker("w2", "赵红")
    for kind in ("care_flag", "care_event", "visit", "need"):
        assert (
            replacement.conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
            == (w.conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0])
        )
    assert worklist(replacement, TODAY) == worklist(w, TODAY)
    assert [i.kind for i in worklist(replacement, TODAY)] == [
        "care_red_overdue",
        "event",
        "revisit_due",
    ]


def test_another_micro_grid_gets_none_of_it(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    h, (a, _b) = _home(w)
    care.set_flag(w, a, "red", reason="独居高龄")
    visits.add_visit(w, VisitInput(h, TODAY, "入户", ["日常走访"]))
    site.send(w, site.office, "up1")
    other = site.setup_worker("w3", "钱多", mg_name="第二微网格")
    assert other.conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 0
    assert other.conn.execute("SELECT count(*) FROM care_flag").fetchone()[0] == 0
