"""Gas-safety rules: inspections, deadlines per grade, the hazard state fold, due dates,
month figures at month ends."""

from __future__ import annotations

import json
from datetime import date
from itertools import permutations

import pytest

from gridworker.core.gas_checklist import ChecklistTemplate, parse_checklist
from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    ESCALATED,
    FIXED,
    HAZARD,
    INFORMED,
    OK,
    PASSED,
    PENDING,
    REFUSED,
    REFUSED_FIX,
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_FIXED,
    STEP_PASSED,
    STEP_REFUSED,
    Answer,
    Attempt,
    HazardFacts,
    HouseholdFacts,
    ItemReading,
    Step,
    add_months,
    allowed_actions,
    answer_elements,
    deadline_for,
    hazard_grade,
    hazard_id,
    hazard_state,
    household_due,
    inspection_problems,
    month_figures,
    read_answers,
    reminder_for,
    step_problem,
    stop_use,
)
from gridworker.resources import read_text

D = date.fromisoformat


@pytest.fixture(scope="module")
def t() -> ChecklistTemplate:
    return parse_checklist(json.loads(read_text("gas", "checklist.json")))


def all_ok(t: ChecklistTemplate, **other: Answer) -> dict[str, Answer]:
    return {i.code: other.get(i.code, Answer(OK)) for i in t.items}


# -- the template's extensions ------------------------------------------------------------------


def test_items_say_when_they_are_graver_and_the_major_grade_says_what_to_tell(
    t: ChecklistTemplate,
) -> None:
    assert t.item("hose_state").grades() == ("一般", "重大")
    assert t.item("heater_flue").upgrades[0].when == "直排式热水器"
    assert t.item("leak").grades() == ("重大",)
    assert "关闭燃气阀门" in t.policy("重大").stop_use_text
    assert (t.absent_retry_days, t.refused_retry_days) == (7, 30)


# -- an inspection ---------------------------------------------------------------------------------


def test_a_done_inspection_answers_every_item_and_says_which_are_missing(
    t: ChecklistTemplate,
) -> None:
    assert inspection_problems(t, DONE, all_ok(t)) == []
    answers = all_ok(t)
    del answers["leak"], answers["alarm"]
    [problem] = inspection_problems(t, DONE, answers)
    assert "还缺 2 项" in problem and "燃气泄漏检查（检漏）" in problem and "燃气报警器" in problem


def test_nobody_home_and_refused_entry_answer_nothing(t: ChecklistTemplate) -> None:
    assert inspection_problems(t, ABSENT, {}) == []
    assert inspection_problems(t, REFUSED, {}) == []
    [problem] = inspection_problems(t, ABSENT, {"leak": Answer(OK)})
    assert "到访不遇" in problem


def test_bad_answers_codes_and_outcomes_are_named(t: ChecklistTemplate) -> None:
    problems = inspection_problems(t, DONE, all_ok(t, leak=Answer("好")) | {"sofa": Answer(OK)})
    assert any("sofa" in p for p in problems)
    assert any("leak" in p and "好" in p for p in problems)
    assert "检查结果“看过”" in inspection_problems(t, "看过", {})[0]


def test_deadlines_follow_the_grade(t: ChecklistTemplate) -> None:
    found = D("2026-03-10")
    assert deadline_for(t, "重大", found) == D("2026-03-17")  # stop use, recheck within 7 days
    assert deadline_for(t, "一般", found) == D("2026-04-09")  # 30 days
    assert reminder_for(t, "一般", found) == D("2026-03-25")  # reminded at day 15
    assert deadline_for(t, "提示", found) is None  # advice: the household is told
    assert stop_use(t, ["一般", "重大"]) and not stop_use(t, ["一般", "提示"])


def test_a_hazard_is_graver_when_the_inspector_says_so(t: ChecklistTemplate) -> None:
    item = t.item("hose_state")
    assert hazard_grade(item, Answer(HAZARD)) == "一般"
    assert hazard_grade(item, Answer(HAZARD, "在卧室内", "重大")) == "重大"


def test_answers_are_set_elements_read_back_per_item() -> None:
    answers, notes = answer_elements(
        {"leak": Answer(HAZARD, " 起泡 "), "meter": Answer(OK), "alarm": Answer(OK, "")}
    )
    assert sorted(answers) == ["alarm=合格", "leak=隐患", "meter=合格"]
    assert notes == ["leak=起泡"]
    read = read_answers(answers, notes)
    assert read["leak"].answer == HAZARD and read["leak"].note == "起泡"
    assert read["meter"] == ItemReading(OK)


def test_an_item_answered_two_ways_at_once_keeps_both_latest_first() -> None:
    clocks = {"answers[leak=合格]": "0002", "answers[leak=隐患]": "0003"}
    read = read_answers(["leak=合格", "leak=隐患", "meter=合格"], ["leak=a=b"], clocks)
    assert (read["leak"].answer, read["leak"].other_answers) == (HAZARD, (OK,))
    assert read["leak"].note == "a=b" and read["meter"].other_answers == ()


def test_hazard_ids_are_stable_and_distinct() -> None:
    assert hazard_id("i1", "leak") == hazard_id("i1", "leak") != hazard_id("i1", "meter")
    assert len(hazard_id("i1", "leak")) == 32


# -- a hazard's state ---------------------------------------------------------------------------------


def s(n: int, action: str, on: str, deadline: str | None = None) -> Step:
    return Step(f"{n:04}", action, D(on), D(deadline) if deadline else None)


def test_put_right_then_rechecked_closes_it() -> None:
    deadline = D("2026-03-17")
    st = hazard_state(deadline, [s(1, STEP_FIXED, "2026-03-12")])
    assert (st.status, st.fixed_on, st.recheck_due, st.is_open) == (
        FIXED,
        D("2026-03-12"),
        D("2026-03-12"),
        True,
    )
    assert st.overdue_days(D("2026-04-01")) == 0  # put right: waiting for us, not late
    done = hazard_state(deadline, [s(1, STEP_FIXED, "2026-03-12"), s(2, STEP_PASSED, "2026-03-13")])
    assert (done.status, done.closed_on, done.is_open, done.rechecks) == (
        PASSED,
        D("2026-03-13"),
        False,
        1,
    )
    assert allowed_actions(done) == ()


def test_a_major_hazard_past_its_deadline_is_overdue_by_whole_days() -> None:
    st = hazard_state(D("2026-03-17"), [])
    assert st.status == PENDING and st.recheck_due == D("2026-03-17")
    assert st.overdue_days(D("2026-03-17")) == 0  # the deadline day itself is still in time
    assert st.overdue_days(D("2026-03-20")) == 3


def test_a_failed_recheck_keeps_it_open_with_a_new_deadline() -> None:
    steps = [s(1, STEP_FIXED, "2026-03-12"), s(2, STEP_FAILED, "2026-03-14", "2026-03-21")]
    st = hazard_state(D("2026-03-17"), steps)
    assert (st.status, st.deadline, st.fixed_on, st.failed_rechecks) == (
        PENDING,
        D("2026-03-21"),
        None,
        1,
    )
    assert st.overdue_days(D("2026-03-20")) == 0  # the old deadline no longer counts
    assert st.overdue_days(D("2026-03-23")) == 2
    later = hazard_state(D("2026-03-17"), [*steps, s(3, STEP_PASSED, "2026-03-20")])
    assert later.status == PASSED and later.rechecks == 2


def test_refusal_then_escalation() -> None:
    refused = [s(1, STEP_REFUSED, "2026-03-18")]
    st = hazard_state(D("2026-03-17"), refused)
    assert st.status == REFUSED_FIX and st.is_open and st.overdue_days(D("2026-03-19")) == 2
    assert STEP_ESCALATED in allowed_actions(st) and STEP_REFUSED not in allowed_actions(st)
    up = hazard_state(D("2026-03-17"), [*refused, s(2, STEP_ESCALATED, "2026-03-19")])
    assert (up.status, up.escalated_on, up.is_open) == (ESCALATED, D("2026-03-19"), False)
    assert up.overdue_days(D("2026-04-30")) == 0  # gone up: the worker no longer chases it
    # Still put right in the end (the gas company saw to it), and rechecked.
    end = hazard_state(
        D("2026-03-17"),
        [*refused, s(2, STEP_ESCALATED, "2026-03-19"), s(3, STEP_PASSED, "2026-04-02")],
    )
    assert end.status == PASSED


def test_advice_has_no_deadline_and_is_informed() -> None:
    st = hazard_state(None, [])
    assert st.status == INFORMED and not st.is_open and st.overdue_days(D("2030-01-01")) == 0
    assert allowed_actions(st) == (STEP_FIXED, STEP_PASSED)


def test_the_state_is_the_same_in_any_order_of_the_steps() -> None:
    steps = [
        s(1, STEP_FIXED, "2026-03-12"),
        s(2, STEP_FAILED, "2026-03-14", "2026-03-21"),
        s(3, STEP_REFUSED, "2026-03-22"),
        s(4, STEP_ESCALATED, "2026-03-22"),
    ]
    states = {hazard_state(D("2026-03-17"), list(p)) for p in permutations(steps)}
    assert len(states) == 1 and next(iter(states)).status == ESCALATED


def test_state_as_of_a_day_leaves_later_steps_out() -> None:
    steps = [s(1, STEP_FIXED, "2026-03-12"), s(2, STEP_PASSED, "2026-04-02")]
    assert hazard_state(D("2026-03-17"), steps, as_of=D("2026-03-31")).status == FIXED
    assert hazard_state(D("2026-03-17"), steps, as_of=D("2026-03-11")).status == PENDING


def test_an_unknown_step_from_a_newer_program_changes_nothing() -> None:
    st = hazard_state(D("2026-03-17"), [Step("x", "移交物业", D("2026-03-12"))])
    assert st.status == PENDING


def test_steps_that_do_not_fit_are_refused_with_a_reason() -> None:
    pending = hazard_state(D("2026-03-17"), [])
    assert step_problem(pending, STEP_FIXED, D("2026-03-12"), D("2026-03-10")) is None
    early = step_problem(pending, STEP_FIXED, D("2026-03-09"), D("2026-03-10"))
    assert early is not None and "早于发现隐患" in early
    fixed = hazard_state(D("2026-03-17"), [s(1, STEP_FIXED, "2026-03-12")])
    again = step_problem(fixed, STEP_FIXED, D("2026-03-13"), D("2026-03-10"))
    assert again is not None and "已整改待复查" in again
    before = step_problem(fixed, STEP_PASSED, D("2026-03-11"), D("2026-03-10"))
    assert before is not None and "上一步" in before
    assert step_problem(fixed, "扫码", D("2026-03-13"), D("2026-03-10")) is not None


# -- when a household is due ----------------------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(D("2025-06-15"), 12) == D("2026-06-15")
    assert add_months(D("2024-02-29"), 12) == D("2025-02-28")
    assert add_months(D("2025-01-31"), 1) == D("2025-02-28")
    assert add_months(D("2025-11-30"), 3) == D("2026-02-28")


def test_a_household_is_due_a_year_after_its_last_check(t: ChecklistTemplate) -> None:
    since = D("2025-01-05")
    assert household_due(since, [], t).due == since  # never checked: due from the start
    d = household_due(since, [Attempt(D("2025-03-01"), DONE), Attempt(D("2025-06-10"), DONE)], t)
    assert (d.due, d.kind, d.last_done) == (D("2026-06-10"), "gas_due", D("2025-06-10"))


def test_nobody_home_is_tried_again_after_a_week(t: ChecklistTemplate) -> None:
    attempts = [Attempt(D("2025-01-10"), DONE), Attempt(D("2026-01-20"), ABSENT)]
    d = household_due(D("2024-01-01"), attempts, t)
    assert (d.due, d.kind, d.failed) == (D("2026-01-27"), "gas_retry", attempts[1])
    # A done check afterwards answers it.
    d = household_due(D("2024-01-01"), [*attempts, Attempt(D("2026-01-25"), DONE)], t)
    assert (d.due, d.kind, d.failed) == (D("2027-01-25"), "gas_due", None)


def test_refused_entry_is_called_on_again_after_a_month(t: ChecklistTemplate) -> None:
    d = household_due(D("2024-01-01"), [Attempt(D("2026-01-20"), REFUSED)], t)
    assert (d.due, d.kind) == (D("2026-02-19"), "gas_due")


def test_an_early_attempt_does_not_bring_the_due_date_forward(t: ChecklistTemplate) -> None:
    attempts = [Attempt(D("2025-06-10"), DONE), Attempt(D("2026-01-20"), ABSENT)]
    d = household_due(D("2024-01-01"), attempts, t)
    assert (d.due, d.kind) == (D("2026-06-10"), "gas_due")


def test_a_template_version_with_another_interval(t: ChecklistTemplate) -> None:
    data = json.loads(read_text("gas", "checklist.json"))
    data |= {"version": 2, "inspection_interval_months": 24, "absent_retry_days": 3}
    two = parse_checklist(data)
    attempts = [Attempt(D("2025-06-10"), DONE)]
    assert household_due(D("2024-01-01"), attempts, two).due == D("2027-06-10")
    assert household_due(D("2024-01-01"), [Attempt(D("2026-01-20"), ABSENT)], two).due == D(
        "2026-01-23"
    )


# -- month figures at month ends ---------------------------------------------------------------------------


def test_month_figures_count_what_happened_within_the_month(t: ChecklistTemplate) -> None:
    first, last = D("2026-03-01"), D("2026-03-31")
    households = [
        HouseholdFacts(
            D("2025-01-01"), (Attempt(D("2025-03-15"), DONE), Attempt(D("2026-03-31"), DONE))
        ),
        HouseholdFacts(D("2025-01-01"), (Attempt(D("2025-04-02"), DONE),)),  # due in April
        HouseholdFacts(D("2025-01-01"), (Attempt(D("2026-03-05"), ABSENT),)),  # never done: due
        HouseholdFacts(
            D("2025-01-01"), (Attempt(D("2026-04-01"), DONE),)
        ),  # due (never checked), checked only in April
        HouseholdFacts(D("2026-04-01"), ()),  # recorded after the month: not counted
        HouseholdFacts(D("2025-01-01"), (Attempt(D("2026-03-10"), DONE),)),  # due and done
        HouseholdFacts(D("2025-09-01"), (Attempt(D("2026-03-01"), REFUSED),)),
    ]
    hazards = [
        HazardFacts("重大", D("2026-03-31"), D("2026-04-07"), ()),  # last day: counts
        HazardFacts(
            "一般", D("2026-04-01"), D("2026-05-01"), ()
        ),  # due (never checked), checked only in April: not
        HazardFacts("一般", D("2026-02-01"), D("2026-03-03"), ()),  # overdue at the end
        HazardFacts(
            "一般",
            D("2026-02-10"),
            D("2026-03-12"),
            (s(1, STEP_FIXED, "2026-03-05"), s(2, STEP_FAILED, "2026-03-06", "2026-04-05")),
        ),
        HazardFacts("重大", D("2026-03-01"), D("2026-03-08"), (s(1, STEP_PASSED, "2026-03-02"),)),
        HazardFacts(
            "一般",
            D("2026-01-05"),
            D("2026-02-04"),
            (s(1, STEP_REFUSED, "2026-02-20"), s(2, STEP_ESCALATED, "2026-03-31")),
        ),
        HazardFacts("提示", D("2026-03-15"), None, ()),
    ]
    g = month_figures(households, hazards, first, last, t)
    assert g.households == 6
    assert (g.due, g.inspected_of_due, g.inspected, g.inspections) == (5, 2, 2, 2)
    assert (g.absent, g.refused) == (1, 1)
    assert g.found == (("重大", 2), ("一般", 0), ("提示", 1)) and g.hazards_found == 3
    assert g.rectified == 2  # reported put right on 03-05; found right at the 03-02 recheck
    assert (g.rechecked, g.recheck_failed) == (2, 1)
    assert g.escalated == 1
    assert g.overdue == 1  # the one found 02-01; the refused one went up on the 31st
    assert g.open == 3  # 03-31 重大, the overdue one, the failed recheck


def test_the_month_under_way_is_taken_as_of_today(t: ChecklistTemplate) -> None:
    z = [HazardFacts("重大", D("2026-03-01"), D("2026-03-08"), ())]
    early = month_figures([], z, D("2026-03-01"), D("2026-03-31"), t, as_of=D("2026-03-05"))
    late = month_figures([], z, D("2026-03-01"), D("2026-03-31"), t, as_of=D("2026-04-10"))
    assert (early.overdue, late.overdue) == (0, 1)


def test_totals_add_up(t: ChecklistTemplate) -> None:
    z = [HazardFacts("重大", D("2026-03-01"), D("2026-03-08"), ())]
    one = month_figures([], z, D("2026-03-01"), D("2026-03-31"), t)
    both = one.plus(one)
    assert both.found_of("重大") == 2 and both.overdue == 2 and both.open == 2


def test_a_hazard_found_right_then_put_right_again_counts_once_a_month(
    t: ChecklistTemplate,
) -> None:
    steps = (
        s(1, STEP_FIXED, "2026-03-05"),
        s(2, STEP_FAILED, "2026-03-06", "2026-04-05"),
        s(3, STEP_FIXED, "2026-03-20"),
        s(4, STEP_PASSED, "2026-03-21"),
    )
    g = month_figures(
        [],
        [HazardFacts("一般", D("2026-02-10"), D("2026-03-12"), steps)],
        D("2026-03-01"),
        D("2026-03-31"),
        t,
    )
    assert (g.rectified, g.rechecked, g.recheck_failed, g.open) == (1, 2, 1, 0)
