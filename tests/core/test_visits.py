"""What a visit may hold: methods, purposes, time, blood pressure and dates."""

from __future__ import annotations

from datetime import date

import pytest

from gridworker.core.visits import (
    BloodPressure,
    VisitError,
    check_time,
    check_visit_dates,
    norm_method,
    norm_purposes,
    parse_blood_pressure,
)


def test_methods_and_their_spoken_variants() -> None:
    assert [norm_method(m) for m in ("入户", "上门", "电话回访", "不在家")] == [
        "入户",
        "入户",
        "电话",
        "到访不遇",
    ]
    with pytest.raises(VisitError, match="走访方式“微信”不认识"):
        norm_method("微信")


def test_purposes_are_ordered_once_each_and_at_least_one() -> None:
    assert norm_purposes(["健康随访", "日常走访", "健康随访", " "]) == ["日常走访", "健康随访"]
    with pytest.raises(VisitError, match="至少选一项"):
        norm_purposes([])
    with pytest.raises(VisitError, match="聊天"):
        norm_purposes(["聊天"])


def test_time_of_day() -> None:
    assert check_time("9:05") == "09:05" and check_time("14：30") == "14:30"
    assert check_time("") is None and check_time(None) is None
    with pytest.raises(VisitError, match="时:分"):
        check_time("25:00")


def test_blood_pressure_is_read_and_checked() -> None:
    assert parse_blood_pressure("135/85") == BloodPressure(135, 85)
    assert parse_blood_pressure(" 120 ／ 80 mmHg") == BloodPressure(120, 80)
    assert parse_blood_pressure("") is None
    for bad in ("80/120", "400/90", "135-85"):
        with pytest.raises(VisitError):
            parse_blood_pressure(bad)


def test_no_visit_in_the_future_and_the_follow_up_comes_after() -> None:
    today = date(2026, 3, 10)
    check_visit_dates(date(2026, 3, 10), date(2026, 3, 17), today)
    with pytest.raises(VisitError, match="还没到"):
        check_visit_dates(date(2026, 3, 11), None, today)
    with pytest.raises(VisitError, match="之后"):
        check_visit_dates(date(2026, 3, 10), date(2026, 3, 10), today)
