"""The one order of the work list."""

from __future__ import annotations

from datetime import date

import pytest

from gridworker.core.messages import msg
from gridworker.core.worklist import WorkItem, counts, ordered

ON = date(2026, 3, 10)


def item(kind: str, due: str, hh: str = "h1", rid: str | None = None) -> WorkItem:
    return WorkItem(kind, date.fromisoformat(due), hh, msg("原因"), resident_id=rid)


def test_most_urgent_kind_first_then_longest_overdue() -> None:
    items = [
        item("need_overdue", "2026-02-01"),
        item("care_overdue", "2026-03-01", rid="r3"),
        item("care_red_due", "2026-03-10", rid="r2"),
        item("care_red_overdue", "2026-03-08", rid="r1"),
        item("care_red_overdue", "2026-03-02", rid="r0"),
        item("event", "2026-03-11", rid="r4"),
    ]
    got = [(i.kind, i.resident_id) for i in ordered(items, ON)]
    assert got == [
        ("care_red_overdue", "r0"),
        ("care_red_overdue", "r1"),
        ("event", "r4"),
        ("care_red_due", "r2"),
        ("care_overdue", "r3"),
        ("need_overdue", None),
    ]


def test_the_order_does_not_depend_on_the_order_read() -> None:
    items = [item("care_due", "2026-03-10", hh=h, rid=h) for h in ("c", "a", "b")]
    assert ordered(items, ON) == ordered(list(reversed(items)), ON)
    assert [i.household_id for i in ordered(items, ON)] == ["a", "b", "c"]


def test_days_overdue_and_counts() -> None:
    late = item("hazard_overdue", "2026-03-01")
    assert late.days_overdue(ON) == 9 and late.days_overdue(date(2026, 2, 1)) == 0
    assert counts([late, late, item("gas_due", "2026-01-01")]) == {
        "hazard_overdue": 2,
        "gas_due": 1,
    }


def test_an_unknown_kind_is_a_bug() -> None:
    with pytest.raises(ValueError):
        item("coffee", "2026-03-10")


def test_every_kind_has_its_name_in_one_place() -> None:
    from gridworker.core.worklist import KIND_LABELS, WORK_KINDS, kind_label

    assert set(KIND_LABELS) == set(WORK_KINDS)
    assert kind_label("care_red_overdue") == "红色关爱逾期"
    assert kind_label("something_new") == "something_new"


def test_the_order_is_longest_overdue_then_earliest_due_whatever_the_day() -> None:
    """The sort key is the due date: the same as (−days overdue, due) on any day."""
    import random

    rng = random.Random(3)
    from gridworker.core.worklist import WORK_KINDS

    items = [
        item(
            rng.choice(WORK_KINDS[:7]),
            f"2026-03-{rng.randint(1, 28):02}",
            hh=f"h{rng.randint(0, 9)}",
        )
        for _ in range(200)
    ]
    for on in (date(2026, 2, 1), ON, date(2026, 3, 20), date(2026, 5, 1)):
        explicit = sorted(
            items,
            key=lambda i: (i.rank, -i.days_overdue(on), i.due, i.household_id, i.resident_id or ""),
        )
        assert ordered(items, on) == explicit
