"""The care rules: due dates from colours, counting visits and major events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gridworker.core.care import CareDue, Contact, MajorEvent, care_dues, colour_due, event_due
from gridworker.core.care_policy import CarePolicy, PolicyError, parse_policy
from gridworker.store.policies import shipped_care_policy


@pytest.fixture(scope="module")
def policy() -> CarePolicy:
    return shipped_care_policy()


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_the_shipped_policy_has_the_domain_defaults(policy: CarePolicy) -> None:
    assert [policy.colours[c].interval_days for c in ("red", "yellow", "green")] == [7, 30, 90]
    assert "电话" not in policy.colours["red"].counting_methods
    assert "电话" in policy.colours["yellow"].counting_methods
    assert all("到访不遇" not in r.counting_methods for r in policy.colours.values())
    assert policy.event_hours == 24


def test_red_is_due_a_week_after_the_last_home_visit(policy: CarePolicy) -> None:
    due = colour_due("red", d("2026-01-01"), [Contact(d("2026-03-02"), "入户")], policy)
    assert due == CareDue("colour", d("2026-03-09"), colour="red", last_counting=d("2026-03-02"))
    assert not due.is_due(d("2026-03-08"))
    assert due.is_due(d("2026-03-09")) and due.days_overdue(d("2026-03-09")) == 0
    assert due.days_overdue(d("2026-03-12")) == 3


def test_intervals_run_across_month_and_year_ends(policy: CarePolicy) -> None:
    contacts = [Contact(d("2026-01-31"), "入户")]
    assert colour_due("yellow", None, contacts, policy).due == d("2026-03-02")  # type: ignore[union-attr]
    assert colour_due("red", None, [Contact(d("2026-12-28"), "入户")], policy).due == d(  # type: ignore[union-attr]
        "2027-01-04"
    )
    leap = [Contact(d("2028-02-26"), "入户")]
    assert colour_due("red", None, leap, policy).due == d("2028-03-04")  # type: ignore[union-attr]


def test_a_phone_call_does_not_count_for_red_but_does_for_yellow(policy: CarePolicy) -> None:
    contacts = [Contact(d("2026-03-01"), "入户"), Contact(d("2026-03-20"), "电话")]
    assert colour_due("red", None, contacts, policy).due == d("2026-03-08")  # type: ignore[union-attr]
    assert colour_due("yellow", None, contacts, policy).due == d("2026-04-19")  # type: ignore[union-attr]


def test_nobody_home_never_counts(policy: CarePolicy) -> None:
    contacts = [Contact(d("2026-03-20"), "到访不遇")]
    for colour in ("red", "yellow", "green"):
        due = colour_due(colour, d("2026-03-01"), contacts, policy)
        assert due is not None and due.due == d("2026-03-01") and due.last_counting is None


def test_a_flag_without_a_counting_visit_is_due_the_day_it_was_set(policy: CarePolicy) -> None:
    due = colour_due("green", d("2026-05-10"), [], policy)
    assert due is not None and due.due == d("2026-05-10")
    assert due.is_due(d("2026-05-10")) and due.days_overdue(d("2026-05-10")) == 0


def test_raising_the_colour_applies_the_shorter_interval_at_once(policy: CarePolicy) -> None:
    contacts = [Contact(d("2026-03-01"), "入户")]
    green = colour_due("green", d("2026-01-01"), contacts, policy)
    assert green is not None and green.due == d("2026-05-30")
    # raised to red on 20 March: due that day (not "12 days overdue" for weeks it was green)
    red = colour_due("red", d("2026-03-20"), contacts, policy)
    assert red is not None and red.due == d("2026-03-20")


def test_a_flag_raised_just_after_a_home_visit_counts_from_that_visit(policy: CarePolicy) -> None:
    red = colour_due("red", d("2026-03-02"), [Contact(d("2026-03-01"), "入户")], policy)
    assert red is not None and red.due == d("2026-03-08")


def test_no_colour_means_no_due_date(policy: CarePolicy) -> None:
    assert colour_due(None, None, [], policy) is None
    assert colour_due("none", d("2026-01-01"), [], policy) is None


def test_a_major_event_calls_for_a_visit_within_a_day_whatever_the_colour(
    policy: CarePolicy,
) -> None:
    event = MajorEvent("出院", d("2026-04-10"))
    before = [Contact(d("2026-04-09"), "入户")]
    due = event_due([event], before, policy)
    assert due is not None and due.due == d("2026-04-11") and due.event == event
    assert event_due([event], [*before, Contact(d("2026-04-10"), "电话")], policy) is not None
    assert event_due([event], [*before, Contact(d("2026-04-11"), "入户")], policy) is None
    dues = care_dues(
        active=True, colour=None, colour_since=None, contacts=before, events=[event], policy=policy
    )
    assert [x.reason for x in dues] == ["event"]


def test_the_earliest_unanswered_event_is_the_one_shown(policy: CarePolicy) -> None:
    events = [MajorEvent("丧亲", d("2026-04-12")), MajorEvent("极端天气", d("2026-04-02"))]
    due = event_due(events, [Contact(d("2026-04-05"), "入户")], policy)
    assert due is not None and due.event == events[0]


def test_a_resident_who_moved_out_or_died_is_never_due(policy: CarePolicy) -> None:
    args = {
        "colour": "red",
        "colour_since": d("2026-01-01"),
        "contacts": [],
        "events": [MajorEvent("出院", d("2026-04-10"))],
        "policy": policy,
    }
    assert len(care_dues(active=True, **args)) == 2  # type: ignore[arg-type]
    assert care_dues(active=False, **args) == []  # type: ignore[arg-type]


def test_a_policy_from_the_office_changes_the_due_dates(policy: CarePolicy) -> None:
    doc = policy.to_json()
    doc["version"] = 2
    doc["colours"]["red"]["interval_days"] = 3
    doc["colours"]["red"]["counting_methods"] = ["入户", "视频"]
    office = parse_policy(json.dumps(doc, ensure_ascii=False))
    contacts = [Contact(d("2026-03-01"), "入户"), Contact(d("2026-03-03"), "视频")]
    assert colour_due("red", None, contacts, policy).due == d("2026-03-08")  # type: ignore[union-attr]
    assert colour_due("red", None, contacts, office).due == d("2026-03-06")  # type: ignore[union-attr]


def test_the_policy_round_trips_through_its_document(policy: CarePolicy) -> None:
    assert parse_policy(json.dumps(policy.to_json(), ensure_ascii=False)) == policy


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda p: p.update(format="x"), "不是网格员工作台"),
        (lambda p: p["colours"].pop("green"), "三种颜色"),
        (
            lambda p: p["colours"]["red"].update(interval_days=0),
            "red.interval_days".replace("red", "红"),
        ),
        (lambda p: p["colours"]["red"].update(interval_days=40), "不能比黄色长"),
        (lambda p: p["colours"]["red"].update(counting_methods=["到访不遇"]), "到访不遇"),
        (lambda p: p["colours"]["red"].update(counting_methods=["上门"]), "上门"),
        (lambda p: p["major_event"].update(within_hours="24"), "within_hours"),
    ],
)
def test_a_bad_policy_is_refused_with_a_sentence(policy: CarePolicy, change, words) -> None:  # type: ignore[no-untyped-def]
    doc = policy.to_json()
    change(doc)
    with pytest.raises(PolicyError) as err:
        parse_policy(json.dumps(doc, ensure_ascii=False))
    assert words in str(err.value)


def test_a_policy_that_is_not_json_is_refused() -> None:
    with pytest.raises(PolicyError, match="JSON"):
        parse_policy("{not json")


def test_covered_means_within_the_interval_on_that_day(policy: CarePolicy) -> None:
    from gridworker.core.care import covered

    visits = [Contact(d("2026-03-02"), "入户"), Contact(d("2026-04-02"), "入户")]
    # Red on 31 March: the last visit up to that day (2 March) is 29 days old.
    assert not covered("red", d("2026-01-01"), visits, policy, d("2026-03-31"))
    assert covered("yellow", d("2026-01-01"), visits, policy, d("2026-03-31"))
    assert covered("red", d("2026-01-01"), visits, policy, d("2026-04-09"))  # due that day
    assert not covered("red", d("2026-01-01"), visits, policy, d("2026-04-10"))
    assert not covered(None, None, visits, policy, d("2026-03-31"))


def test_each_reason_says_why_in_one_line(policy: CarePolicy) -> None:
    from gridworker.core.care import reason

    on = d("2026-03-10")
    late = colour_due("red", d("2026-01-01"), [Contact(d("2026-03-01"), "入户")], policy)
    assert (
        late is not None and reason(late, on, policy) == "红色关爱：上次走访 2026-03-01，逾期 2 天"
    )
    today = colour_due("green", d("2026-01-01"), [Contact(d("2025-12-10"), "电话")], policy)
    assert (
        today is not None and reason(today, on, policy) == "绿色关爱：上次走访 2025-12-10，今天到期"
    )
    never = colour_due("yellow", d("2026-03-10"), [], policy)
    assert (
        never is not None
        and reason(never, on, policy) == "黄色关爱：标记后还没有算数的走访，今天到期"
    )
    event = event_due([MajorEvent("丧亲", d("2026-03-09"))], [], policy)
    assert event is not None
    assert reason(event, on, policy) == "丧亲（2026-03-09）：24 小时内入户探访，不论关爱颜色"
