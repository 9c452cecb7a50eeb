"""Device-made ids: UUIDv7 text, time-ordered and unique; name-derived micro-grid ids."""

from __future__ import annotations

import time
import uuid

import pytest

from gridworker.core import ids
from gridworker.core.ids import micro_grid_id, uuid7


@pytest.fixture(autouse=True)
def _fresh_id_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids made earlier in this process under a clock set years ahead (tests of a laptop
    whose clock is wrong) keep later ids after them, by design: these tests start afresh."""
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_last_rand", 0)


def test_uuid7_is_a_version_7_rfc_uuid_carrying_the_time() -> None:
    before = time.time_ns() // 1_000_000
    u = uuid7()
    after = time.time_ns() // 1_000_000
    assert len(u) == 32 and u == u.lower()
    parsed = uuid.UUID(hex=u)
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= int(u[:12], 16) <= after


def test_uuid7_increases_within_one_millisecond_and_across_them() -> None:
    made = [uuid7() for _ in range(20_000)]
    assert made == sorted(made) and len(set(made)) == len(made)


def test_uuid7_keeps_order_when_the_clock_goes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_800_000_000_000_000_000]
    monkeypatch.setattr(ids.time, "time_ns", lambda: now[0])
    first = [uuid7() for _ in range(3)]
    now[0] -= 5_000_000_000
    later = [uuid7() for _ in range(3)]
    now[0] += 10_000_000_000
    last = uuid7()
    made = [*first, *later, last]
    assert made == sorted(made) and len(set(made)) == len(made)
    assert int(last[:12], 16) == now[0] // 1_000_000
    for u in made:
        assert uuid.UUID(hex=u).version == 7


def test_micro_grid_id_is_derived_from_community_and_name() -> None:
    assert micro_grid_id("致强社区", "第三微网格") == micro_grid_id(" 致强社区", "第三微网格 ")
    assert micro_grid_id("致强社区", "第三微网格") != micro_grid_id("致强社区", "第二微网格")
