"""The hybrid logical clock: fixed-width text that sorts in issue order."""

from __future__ import annotations

from gridworker.core.hlc import Clock, Timestamp

DEVICE = "01a20829631f7824bc33461622e79443"


def test_tick_text_is_the_timestamp_form_and_parses_back() -> None:
    now = [1_700_000_000_123]
    c = Clock(DEVICE, now=lambda: now[0])
    first = c.tick()
    assert first == str(Timestamp(now[0], 0, DEVICE)) == f"1700000000123-0000-{DEVICE}"
    assert Timestamp.parse(first) == Timestamp(now[0], 0, DEVICE)
    assert c.last == first


def test_ticks_increase_when_the_wall_clock_stands_still_or_goes_back() -> None:
    now = [1_700_000_000_123]
    c = Clock(DEVICE, now=lambda: now[0])
    ticks = [c.tick() for _ in range(3)]
    now[0] -= 5_000  # the laptop's clock was set back
    ticks += [c.tick() for _ in range(2)]
    now[0] += 10_000
    ticks.append(c.tick())
    assert ticks == sorted(ticks) and len(set(ticks)) == 6
    assert [Timestamp.parse(t).counter for t in ticks] == [0, 1, 2, 3, 4, 0]


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    c = Clock(DEVICE, last=f"0000000000007-9999-{DEVICE}", now=lambda: 5)
    assert c.tick() == f"0000000000008-0000-{DEVICE}"


def test_observe_moves_past_a_remote_timestamp() -> None:
    c = Clock(DEVICE, now=lambda: 100)
    c.observe("0000000000500-0003-other")
    assert c.tick() == f"0000000000500-0004-{DEVICE}"
