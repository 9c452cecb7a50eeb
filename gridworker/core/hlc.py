"""Hybrid logical clock.

Laptop clocks are often wrong by days. An HLC timestamp is max(wall ms, last seen) plus a
counter, with the device id as tie-break, so it respects causality (an edit made after
seeing another always sorts after it) while staying close to real time. Timestamps are
fixed-width strings, so they compare correctly as text in Python and in SQLite.

The 13 digits of milliseconds last until the year 2286. A clock follows the latest time it
has seen, so one timestamp from a badly wrong clock (or a damaged bundle) near that limit
would carry every later edit past it: timestamps beyond :data:`MAX_MS` (2200) are refused
on import, and readings of a local system clock set beyond it are held below it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from gridworker.core.messages import msg

_MS_WIDTH = 13
_COUNTER_WIDTH = 4
_COUNTER_MAX = 10**_COUNTER_WIDTH - 1

MAX_MS = 7_258_118_400_000
"""2200-01-01T00:00:00Z: the latest wall time a timestamp may carry. A laptop clock years
ahead stays well below it, and the format has 86 years of room beyond it."""

_CEILING_MS = MAX_MS - 365 * 86_400_000
"""A year below :data:`MAX_MS`: the highest system-clock reading used. A clock stuck there
advances only by counter overflow (1 ms per 10,000 edits), so it never reaches MAX_MS."""


@dataclass(frozen=True, order=True)
class Timestamp:
    """One HLC reading: wall milliseconds, logical counter, device id."""

    ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.ms:0{_MS_WIDTH}d}-{self.counter:0{_COUNTER_WIDTH}d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        """Parse the text form; raises ValueError on anything else."""
        ms, counter, device = text.split("-", 2)
        if len(ms) != _MS_WIDTH or len(counter) != _COUNTER_WIDTH or not device:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(ms), int(counter), device)


class ClockOutOfRange(ValueError):
    """The computer's clock is set beyond what the system can count (after the year 2262)."""


def wall_ms() -> int:
    """Milliseconds since the epoch from the system clock.

    Raises :class:`ClockOutOfRange` for a clock set after 2262, where Python's nanosecond
    time overflows: one sentence instead of a traceback.
    """
    try:
        return time.time_ns() // 1_000_000
    except OverflowError:
        raise clock_out_of_range() from None


def clock_out_of_range() -> ClockOutOfRange:
    return ClockOutOfRange(
        msg("这台电脑的日期设置得太远（2262 年以后），请先把系统日期和时间改正，再使用本程序。")
    )


class Clock:
    """A device's hybrid logical clock. Not thread-safe: the store serialises writes."""

    def __init__(self, device: str, last: str | None = None, now: Callable[[], int] = wall_ms):
        self.device = device
        self._now = now
        if last:
            t = Timestamp.parse(last)
            self._ms, self._counter = t.ms, t.counter
        else:
            self._ms, self._counter = 0, 0

    @property
    def last(self) -> str:
        """The last timestamp issued or observed, as text (persisted between runs)."""
        return str(Timestamp(self._ms, self._counter, self.device))

    def tick(self) -> str:
        """A new timestamp for a local event, later than every one issued or seen."""
        pt = self._now()
        if pt > _CEILING_MS:  # a system clock set centuries ahead
            pt = _CEILING_MS
        if pt > self._ms:
            self._ms, self._counter = pt, 0
        else:
            self._counter += 1
            if self._counter > _COUNTER_MAX:
                self._ms, self._counter = self._ms + 1, 0
        # str(Timestamp(...)) written out: ticked once per record on bulk writes.
        return f"{self._ms:013d}-{self._counter:04d}-{self.device}"

    def wall(self) -> int:
        """The computer's own clock now (Unix ms, held below :data:`MAX_MS` as
        :meth:`tick` holds it): when an edit was made, as its device saw it. Shown in
        histories; never used for ordering (a clock years ahead would mislead)."""
        return max(0, min(self._now(), _CEILING_MS))

    def catch_up(self, stored: str) -> None:
        """Move past a timestamp already stored on this device (by another program, or in
        the change log); unlike :meth:`observe` it is not held to :data:`MAX_MS`, which
        the clock's own counter may pass by a millisecond or two.

        Raises ValueError for text that is not a timestamp.
        """
        r = Timestamp.parse(stored)
        if (r.ms, r.counter) > (self._ms, self._counter):
            self._ms, self._counter = r.ms, r.counter

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from another device (on import).

        Raises ValueError for one beyond :data:`MAX_MS` (imports refuse those first).
        """
        r = Timestamp.parse(remote)
        if r.ms > MAX_MS:
            raise ValueError(f"HLC timestamp beyond the year 2200: {remote!r}")
        if (r.ms, r.counter) > (self._ms, self._counter):
            self._ms, self._counter = r.ms, r.counter
