"""Times shown to people: local time in a friendly form, never raw UTC ISO text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from windows import interface

from gridworker.ui.timefmt import friendly_time, to_local

CHINA = timezone(timedelta(hours=8))
NOW = datetime(2026, 3, 5, 16, 30, tzinfo=CHINA)


@pytest.fixture
def chinese() -> Iterator[None]:
    with interface(language="zh_CN"):
        yield


@pytest.fixture
def english() -> Iterator[None]:
    with interface(language="en"):
        yield


def test_utc_text_becomes_local_time() -> None:
    local = to_local("2026-03-05T02:15:00Z", CHINA)
    assert local is not None
    assert (local.hour, local.minute, local.utcoffset()) == (10, 15, timedelta(hours=8))
    assert to_local(None, CHINA) is None
    assert to_local("", CHINA) is None


@pytest.mark.usefixtures("chinese")
def test_chinese_forms() -> None:
    assert friendly_time("2026-03-05T02:15:00Z", NOW) == "今天 10:15"
    assert friendly_time("2026-03-04T13:05:00Z", NOW) == "昨天 21:05"
    assert friendly_time("2026-01-20T01:00:00Z", NOW) == "1月20日 09:00"
    assert friendly_time("2025-12-31T01:00:00Z", NOW) == "2025年12月31日 09:00"
    # an aware datetime (conflicts, history) is shown the same way
    assert friendly_time(datetime(2026, 3, 5, 9, 0, tzinfo=CHINA), NOW) == "今天 09:00"
    assert friendly_time(None, NOW) == ""


@pytest.mark.usefixtures("english")
def test_english_forms() -> None:
    assert friendly_time("2026-03-05T02:15:00Z", NOW) == "today 10:15"
    assert friendly_time("2026-03-04T13:05:00Z", NOW) == "yesterday 21:05"
    assert friendly_time("2026-01-20T01:00:00Z", NOW) == "20 Jan 09:00"
    assert friendly_time("2025-12-31T01:00:00Z", NOW) == "31 Dec 2025, 09:00"


def test_unreadable_text_is_shown_as_is() -> None:
    assert friendly_time("not a time", NOW) == "not a time"


def test_midnight_utc_is_the_local_day() -> None:
    # 2026-03-04T20:00Z is 04:00 on the 5th in China: "today", not "yesterday"
    when = datetime(2026, 3, 4, 20, 0, tzinfo=UTC)
    assert friendly_time(when, NOW).endswith("04:00")
    assert friendly_time(when, NOW) != friendly_time(when - timedelta(days=1), NOW)
