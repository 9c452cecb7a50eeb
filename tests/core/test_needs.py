"""The closed loop of a need: its status from the steps taken, what each step allows,
and when it is overdue or due for a return visit."""

from __future__ import annotations

from datetime import date

import pytest

from gridworker.core.messages import msg
from gridworker.core.needs import (
    SOURCES,
    NeedError,
    NeedSteps,
    check_deadline,
    check_step,
    norm_choice,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


RAISED = NeedSteps(raised_on=d("2026-03-01"))


def test_the_status_is_the_furthest_step_taken() -> None:
    assert RAISED.status == "已登记" and RAISED.is_open
    passed = NeedSteps(d("2026-03-01"), reported_on=d("2026-03-02"), deadline=d("2026-03-09"))
    assert passed.status == "已上报" and passed.is_open
    fed = NeedSteps(d("2026-03-01"), reported_on=d("2026-03-02"), feedback_on=d("2026-03-05"))
    assert fed.status == "已反馈" and not fed.is_open
    done = NeedSteps(d("2026-03-01"), solved_on=d("2026-03-01"), revisit_on=d("2026-03-04"))
    assert done.status == "已回访"
    assert NeedSteps(d("2026-03-01"), solved_on=d("2026-03-01")).status == "现场解决"


def test_solved_and_passed_up_at_once_reads_as_solved() -> None:
    """The worker solved it on the spot while the office passed it up (both edits kept)."""
    both = NeedSteps(d("2026-03-01"), solved_on=d("2026-03-01"), reported_on=d("2026-03-01"))
    assert both.status == "现场解决" and not both.is_open


def test_a_need_passes_its_deadline_the_day_after() -> None:
    passed = NeedSteps(d("2026-03-01"), reported_on=d("2026-03-02"), deadline=d("2026-03-31"))
    assert not passed.is_overdue(d("2026-03-31"))
    assert passed.is_overdue(d("2026-04-01")) and passed.days_overdue(d("2026-04-03")) == 3
    # Fed back (or solved) after the deadline: no longer overdue.
    fed = NeedSteps(
        d("2026-03-01"),
        reported_on=d("2026-03-02"),
        deadline=d("2026-03-31"),
        feedback_on=d("2026-04-02"),
    )
    assert not fed.is_overdue(d("2026-04-03")) and fed.days_overdue(d("2026-04-03")) == 0
    assert not RAISED.is_overdue(d("2030-01-01"))  # no deadline, never overdue


def test_a_return_visit_is_due_within_a_week_of_the_feedback() -> None:
    fed = NeedSteps(d("2026-03-01"), reported_on=d("2026-03-02"), feedback_on=d("2026-03-28"))
    assert fed.revisit_due() == d("2026-04-04")
    assert (
        NeedSteps(
            d("2026-03-01"), feedback_on=d("2026-03-28"), revisit_on=d("2026-03-30")
        ).revisit_due()
        is None
    )
    assert RAISED.revisit_due() is None


@pytest.mark.parametrize(
    ("steps", "step", "allowed"),
    [
        (RAISED, "solve", True),
        (RAISED, "report", True),
        (RAISED, "feedback", False),
        (RAISED, "revisit", False),
        (NeedSteps(d("2026-03-01"), reported_on=d("2026-03-01")), "report", True),  # reassign
        (NeedSteps(d("2026-03-01"), reported_on=d("2026-03-01")), "solve", False),
        (NeedSteps(d("2026-03-01"), reported_on=d("2026-03-01")), "feedback", True),
        (NeedSteps(d("2026-03-01"), solved_on=d("2026-03-01")), "revisit", True),
        (NeedSteps(d("2026-03-01"), feedback_on=d("2026-03-01")), "revisit", True),
        (NeedSteps(d("2026-03-01"), revisit_on=d("2026-03-02")), "revisit", False),
    ],
)
def test_each_step_follows_the_one_before(steps: NeedSteps, step: str, allowed: bool) -> None:
    if allowed:
        check_step(steps, step, d("2026-03-05"))
    else:
        with pytest.raises(NeedError, match="不能"):
            check_step(steps, step, d("2026-03-05"))


def test_a_step_is_not_dated_before_the_one_it_follows() -> None:
    passed = NeedSteps(d("2026-03-01"), reported_on=d("2026-03-04"))
    with pytest.raises(NeedError, match="早于上一步"):
        check_step(passed, "feedback", d("2026-03-03"))
    with pytest.raises(NeedError, match="早于上报日期"):
        check_deadline(d("2026-03-01"), d("2026-03-04"))


def test_vocabularies_refuse_what_they_do_not_know() -> None:
    assert norm_choice(" 12345 ", SOURCES, msg("诉求来源")) == "12345热线"
    with pytest.raises(NeedError, match="诉求来源“微信群”不认识"):
        norm_choice("微信群", SOURCES, msg("诉求来源"))
