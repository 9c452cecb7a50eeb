"""Recording gas inspections, their hazards and the hazards' steps through the store."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    HAZARD,
    NA,
    OK,
    REFUSED,
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_FIXED,
    STEP_PASSED,
    STEP_REFUSED,
    Answer,
    add_months,
)
from gridworker.store import gas, gas_queries
from gridworker.store.errors import StoreError, ValidationError
from gridworker.store.gas_queries import HazardFilter, InspectionFilter
from gridworker.store.policies import checklist, in_force, set_policy
from gridworker.store.store import Store
from gridworker.store.worklist import worklist

D = date.fromisoformat
TODAY = date.today()  # households are recorded today (their clocks say so)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def household(s: Store, room: str = "301", id_number: str | None = None) -> str:
    mg = s.identity.micro_grid_id or s.ensure_micro_grid("第三微网格")
    h = s.create(
        "household",
        {"micro_grid_id": mg, "estate": "锦华苑", "building": "3栋", "unit": "2单元", "room": room},
    )
    s.create(
        "resident",
        {
            "household_id": h,
            "name": "陈桂兰",
            "relation": "本人",
            "status": "在住",
            "id_number": id_number,
        },
    )
    return h


def answers(s: Store, **given: Answer) -> dict[str, Answer]:
    return {i.code: given.get(i.code, Answer(OK)) for i in checklist(s).items}


def inspect(s: Store, h: str, on: date | None = None, **given: Answer) -> gas.SavedInspection:
    return gas.save_inspection(
        s,
        gas.InspectionInput(h, on or ago(29), DONE, answers(s, **given), signed=True),
        today=TODAY,
    )


def count(s: Store, table: str) -> int:
    return int(s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_an_inspection_writes_its_answers_and_a_hazard_per_hazard_answer(
    worker_store: Store,
) -> None:
    s = worker_store
    h = household(s)
    saved = inspect(s, h, leak=Answer(HAZARD, "灶前阀起泡"), hose_type=Answer(HAZARD))
    assert saved.stop_use and len(saved.hazard_ids) == 2
    row = s.get("gas_inspection", saved.id)
    assert row is not None
    assert (row["outcome"], row["signed"], row["inspector"], row["template_version"]) == (
        DONE,
        True,
        "赵红",
        1,
    )
    assert len(row["answers"]) == 16 and "leak=隐患" in row["answers"]  # type: ignore[arg-type]
    assert row["item_notes"] == ["leak=灶前阀起泡"]
    assert (
        count(s, "ops") > 0
        and s.conn.execute("SELECT count(*) FROM ops WHERE entity = 'gas_inspection'").fetchone()[0]
        == 1
    )  # the answers travel in the inspection's one operation
    hazards = gas_queries.hazard_rows(s, HazardFilter(view="open"), TODAY)
    by_item = {z.item: z for z in hazards}
    assert by_item["leak"].grade == "重大" and by_item["leak"].deadline == ago(22)
    assert by_item["leak"].overdue_days == 22 and by_item["leak"].found == "灶前阀起泡"
    assert by_item["hose_type"].grade == "一般" and by_item["hose_type"].deadline == ago(-1)
    assert by_item["leak"].item_label == "燃气泄漏检查（检漏）"
    # The checklist it used is recorded, so it reads the same after a newer program ships.
    assert (
        s.conn.execute("SELECT count(*) FROM policy WHERE kind = 'gas_checklist'").fetchone()[0]
        == 1
    )


def test_a_done_inspection_with_items_missing_writes_nothing(worker_store: Store) -> None:
    s = worker_store
    h = household(s)
    before = count(s, "ops")
    given = answers(s)
    del given["meter"]
    with pytest.raises(ValidationError, match="还缺 1 项：燃气表/阀门"):
        gas.save_inspection(s, gas.InspectionInput(h, ago(29), DONE, given), today=TODAY)
    assert count(s, "ops") == before and count(s, "gas_inspection") == 0


def test_a_future_date_and_an_unknown_household_are_refused(worker_store: Store) -> None:
    s = worker_store
    h = household(s)
    with pytest.raises(ValidationError, match="在今天之后"):
        gas.save_inspection(s, gas.InspectionInput(h, ago(-1), DONE, answers(s)), today=TODAY)
    with pytest.raises(ValidationError, match="没有编号为 nope 的住户"):
        gas.save_inspection(s, gas.InspectionInput("nope", ago(29), ABSENT), today=TODAY)


def test_nobody_home_and_refused_entry_are_attempts_that_keep_the_household_due(
    worker_store: Store,
) -> None:
    s = worker_store
    a, b = household(s, "301"), household(s, "302")
    gas.save_inspection(s, gas.InspectionInput(a, ago(10), ABSENT), today=TODAY)
    gas.save_inspection(s, gas.InspectionInput(b, ago(41), REFUSED), today=TODAY)
    assert count(s, "gas_hazard") == 0
    assert {r[0] for r in s.conn.execute("SELECT answers FROM gas_inspection")} == {"[]"}
    due = {r.place.household_id: r for r in gas_queries.due_rows(s, TODAY)}
    assert due[a].kind == "gas_retry" and due[a].due == ago(3)
    assert due[b].kind == "gas_due" and due[b].due == ago(11)
    assert due[b].failed_outcome == REFUSED
    items = {(w.kind, w.household_id) for w in worklist(s, TODAY)}
    assert ("gas_retry", a) in items and ("gas_due", b) in items


def test_households_due_and_hazards_feed_the_work_list(worker_store: Store) -> None:
    s = worker_store
    checked, never, moved_out = household(s, "301"), household(s, "302"), household(s, "303")
    s.conn.execute("UPDATE resident SET status = '迁出' WHERE household_id = ?", (moved_out,))
    saved = inspect(s, checked, ago(29), leak=Answer(HAZARD), stove_ffd=Answer(HAZARD))
    leak, stove = saved.hazard_ids
    gas.add_step(s, stove, STEP_FIXED, ago(5), today=TODAY)
    items = {(w.kind, w.household_id, w.record_id) for w in worklist(s, TODAY)}
    assert items == {
        ("hazard_overdue", checked, leak),
        ("hazard_recheck", checked, stove),
        ("gas_due", never, None),
    }
    [late] = [w for w in worklist(s, TODAY) if w.kind == "hazard_overdue"]
    assert late.due == ago(22) and "已逾期 22 天" in late.reason
    # Once the worker was there: a year until the next check; the hazards stay.
    assert not [
        w
        for w in worklist(s, add_months(ago(29), 12) - timedelta(days=1))
        if w.household_id == checked and w.kind == "gas_due"
    ]
    assert [
        w
        for w in worklist(s, add_months(ago(29), 12))
        if w.household_id == checked and w.kind == "gas_due"
    ]


def test_a_hazard_due_today_is_a_recheck_not_yet_overdue(worker_store: Store) -> None:
    s = worker_store
    saved = inspect(s, household(s), ago(7), leak=Answer(HAZARD))
    [item] = [w for w in worklist(s, TODAY) if w.record_id == saved.hazard_ids[0]]
    assert item.kind == "hazard_recheck" and item.due == TODAY
    assert not [w for w in worklist(s, ago(1)) if w.record_id == saved.hazard_ids[0]]


def test_steps_move_the_hazard_and_a_failed_recheck_sets_a_new_deadline(
    worker_store: Store,
) -> None:
    s = worker_store
    [z] = inspect(s, household(s), ago(29), hose_type=Answer(HAZARD)).hazard_ids
    gas.add_step(s, z, STEP_FIXED, ago(20), note="换了波纹管", today=TODAY)
    with pytest.raises(ValidationError, match="已整改待复查"):
        gas.add_step(s, z, STEP_FIXED, ago(19), today=TODAY)
    gas.add_step(s, z, STEP_FAILED, ago(18), note="还是橡胶管", today=TODAY)
    state = gas.hazard_now(s, z)
    assert state.status == "待整改" and state.deadline == ago(18) + timedelta(
        days=30
    )  # 30 days again
    gas.add_step(s, z, STEP_PASSED, ago(2), today=TODAY)
    assert gas.hazard_now(s, z).status == "复查合格"
    detail = gas_queries.hazard_detail(s, z, TODAY)
    assert detail is not None
    assert [(x.action, x.by) for x in detail.steps] == [
        (STEP_FIXED, "赵红"),
        (STEP_FAILED, "赵红"),
        (STEP_PASSED, "赵红"),
    ]
    assert detail.allowed == () and detail.row.status == "复查合格"
    assert any(e.entity == "gas_hazard_step" for e in detail.history)


def test_escalating_needs_a_note_and_closes_the_workers_chase(worker_store: Store) -> None:
    s = worker_store
    [z] = inspect(s, household(s), ago(60), pipe_room=Answer(HAZARD)).hazard_ids
    gas.add_step(s, z, STEP_REFUSED, ago(51), note="不肯改", today=TODAY)
    with pytest.raises(ValidationError, match="上报时请写明情况"):
        gas.add_step(s, z, STEP_ESCALATED, ago(50), today=TODAY)
    gas.add_step(s, z, STEP_ESCALATED, ago(50), note="报街道、燃气公司", today=TODAY)
    assert gas.hazard_now(s, z).status == "已上报"
    assert not [w for w in worklist(s, TODAY) if w.record_id == z]
    assert [z] == [r.id for r in gas_queries.hazard_rows(s, HazardFilter(view="已上报"), TODAY)]


def test_a_step_entered_by_mistake_is_undone(worker_store: Store) -> None:
    s = worker_store
    [z] = inspect(s, household(s), ago(29), hose_type=Answer(HAZARD)).hazard_ids
    step = gas.add_step(s, z, STEP_FIXED, ago(20), today=TODAY)
    gas.undo_step(s, step, "点错了")
    assert gas.hazard_now(s, z).status == "待整改"
    detail = gas_queries.hazard_detail(s, z, TODAY)
    assert detail is not None and detail.steps[0].voided and detail.steps[0].void_reason == "点错了"


def test_correcting_an_inspection_voids_and_brings_back_its_hazards(worker_store: Store) -> None:
    s = worker_store
    h = household(s)
    saved = inspect(s, h, leak=Answer(HAZARD), meter=Answer(HAZARD))
    leak, meter = saved.hazard_ids
    fixed = gas.save_inspection(
        s,
        gas.InspectionInput(h, ago(29), DONE, answers(s, meter=Answer(HAZARD, "表上挂物"))),
        saved.id,
        today=TODAY,
    )
    assert fixed.id == saved.id and fixed.hazard_ids == (meter,)
    assert s.get("gas_hazard", leak)["voided"] is True  # type: ignore[index]
    assert s.get("gas_hazard", meter)["found"] == "表上挂物"  # type: ignore[index]
    held = s.get("gas_inspection", saved.id)
    assert held is not None and "leak=合格" in held["answers"] and "meter=隐患" in held["answers"]  # type: ignore[operator]
    back = gas.save_inspection(
        s,
        gas.InspectionInput(h, ago(29), DONE, answers(s, leak=Answer(HAZARD))),
        saved.id,
        today=TODAY,
    )
    assert back.hazard_ids == (leak,)
    assert s.get("gas_hazard", leak)["voided"] is False  # type: ignore[index]
    history = gas_queries.inspection_detail(s, saved.id)
    assert history is not None and [i.answer for i in history.items if i.code == "leak"] == [HAZARD]


def test_voiding_an_inspection_voids_its_hazards(worker_store: Store) -> None:
    s = worker_store
    h = household(s)
    saved = inspect(s, h, leak=Answer(HAZARD))
    gas.void_inspection(s, saved.id, "录到了别人家")
    assert gas_queries.hazard_rows(s, HazardFilter(view="all"), TODAY) == []
    assert gas_queries.inspection_rows(s, InspectionFilter()) == []
    [row] = gas_queries.inspection_rows(s, InspectionFilter(with_voided=True))
    assert row.voided
    # Never checked again: due since the household was recorded.
    assert [r.place.household_id for r in gas_queries.due_rows(s, date.today())] == [h]


def test_a_newer_template_version_leaves_old_inspections_as_they_were(office_store: Store) -> None:
    s = office_store
    h = household(s)
    old = inspect(s, h, ago(60), hose_type=Answer(HAZARD))
    data = json.loads(in_force(s, "gas_checklist").content)
    data["version"] = 2
    data["inspection_interval_months"] = 24
    data["items"] = [
        {**i, "label": "连接软管（是否金属波纹管）"} if i["code"] == "hose_type" else i
        for i in data["items"]
        if i["code"] != "alarm"
    ] + [
        {"code": "cooker_hood", "label": "油烟机", "hazard_when": "排风管接入烟道", "grade": "一般"}
    ]
    set_policy(s, "gas_checklist", json.dumps(data, ensure_ascii=False))
    detail = gas_queries.inspection_detail(s, old.id)
    assert detail is not None and detail.row.template_version == 1
    codes = [i.code for i in detail.items]
    assert "alarm" in codes and "cooker_hood" not in codes
    assert [i.label for i in detail.items if i.code == "hose_type"] == ["连接软管类型"]
    # A new inspection answers version 2: its new item is required, the dropped one unknown.
    v2 = {i.code: Answer(OK) for i in checklist(s).items}
    with pytest.raises(ValidationError, match="没有检查项 alarm"):
        gas.save_inspection(
            s,
            gas.InspectionInput(h, ago(29), DONE, v2 | {"alarm": Answer(OK)}),
            today=TODAY,
        )
    del v2["cooker_hood"]
    with pytest.raises(ValidationError, match="油烟机"):
        gas.save_inspection(s, gas.InspectionInput(h, ago(29), DONE, v2), today=TODAY)
    new = gas.save_inspection(
        s,
        gas.InspectionInput(h, ago(29), DONE, v2 | {"cooker_hood": Answer(NA)}),
        today=TODAY,
    )
    assert s.get("gas_inspection", new.id)["template_version"] == 2  # type: ignore[index]
    # The old hazard still names its item as version 1 did; the due date follows version 2.
    [z] = gas_queries.hazard_rows(s, HazardFilter(view="open"), TODAY)
    assert z.item_label == "连接软管类型"
    [due] = [
        r for r in gas_queries.due_rows(s, add_months(ago(29), 24)) if r.place.household_id == h
    ]
    assert due.due == add_months(ago(29), 24)


def test_a_household_is_found_by_a_members_id_number(worker_store: Store) -> None:
    s = worker_store
    h = household(s, "301", "11010519491231002X")
    assert gas.find_household(s, "11010519491231002x") == h
    assert gas.find_household(s, h) == h
    assert gas.find_household(s, "锦华苑3栋2单元301") == h
    with pytest.raises(StoreError, match="没有身份证号为 110105194912310038"):
        gas.find_household(s, "110105194912310038")


def test_a_hazard_is_found_by_the_start_of_its_id(worker_store: Store) -> None:
    s = worker_store
    [z] = inspect(s, household(s), leak=Answer(HAZARD)).hazard_ids
    assert gas.find_hazard(s, z[:8].upper()) == z
    with pytest.raises(StoreError, match="不是隐患编号"):
        gas.find_hazard(s, "锦华苑")


def test_counts_above_the_lists(worker_store: Store) -> None:
    s = worker_store
    inspect(s, household(s, "301"), ago(29), leak=Answer(HAZARD), alarm=Answer(HAZARD))
    household(s, "302")
    c = gas_queries.gas_counts(s, TODAY)
    assert (c.open, c.overdue, c.major_open, c.awaiting_recheck, c.due) == (1, 1, 1, 0, 1)
    [advice] = gas_queries.hazard_rows(s, HazardFilter(view="已告知"), TODAY)
    assert advice.item == "alarm" and advice.deadline is None
