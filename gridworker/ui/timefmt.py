"""Times as people read them: local time, "今天 14:05", "昨天 09:30", "3月5日 14:05".

The store and the bundles keep UTC ISO text ("2026-03-05T06:05:00Z") and the change log
keeps aware datetimes; nothing raw reaches the screen. The forms are translated, so the
English interface shows "today 14:05", "5 Mar 14:05", "31 Dec 2025, 09:00".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def to_local(value: str | datetime | None, tz: tzinfo | None = None) -> datetime | None:
    """A stored time (UTC ISO text or an aware datetime) in local time (or ``tz``).

    None or empty text gives None; text that is not a time raises ValueError.
    """
    if value is None or value == "":
        return None
    when = (
        value
        if isinstance(value, datetime)
        else datetime.fromisoformat(value.replace("Z", "+00:00"))
    )
    if when.tzinfo is None:  # naive values in our data are UTC
        when = when.replace(tzinfo=UTC)
    return when.astimezone(tz)


def friendly_time(value: str | datetime | None, now: datetime | None = None) -> str:
    """``value`` as "今天 14:05" / "昨天 14:05" / "3月5日 14:05" / "2025年3月5日 14:05".

    ``now`` (aware) sets both the day to compare with and the time zone; by default the
    computer's clock and zone. Empty for no value; unreadable text is shown unchanged.
    """
    ref = now if now is not None else datetime.now().astimezone()
    try:
        when = to_local(value, ref.tzinfo)
    except ValueError:
        return str(value)
    if when is None:
        return ""
    clock = when.strftime("%H:%M")
    day, today = when.date(), ref.date()
    if day == today:
        return QCoreApplication.translate("Time", "today {t}").format(t=clock)
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("Time", "yesterday {t}").format(t=clock)
    parts = {"y": when.year, "m": when.month, "d": when.day, "mon": _MONTHS[when.month - 1]}
    if day.year == today.year:
        return QCoreApplication.translate("Time", "{d} {mon} {t}").format(t=clock, **parts)
    return QCoreApplication.translate("Time", "{d} {mon} {y}, {t}").format(t=clock, **parts)
