"""Device-made identifiers.

Synced records are identified by UUIDv7 text ids made on the device: unique without a
server, and time-ordered so new rows land at the end of SQLite's indexes.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

from gridworker.core.hlc import clock_out_of_range

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


_POOL_BYTES = 4000
_pool = b""
_pool_at = _POOL_BYTES


def _random_74() -> int:
    """74 random bits from os.urandom, read 4,000 bytes at a time (callers hold ``_lock``).

    An import makes two ids a record: one system call each cost as much as the rest of
    making the id.
    """
    global _pool, _pool_at
    if _pool_at >= _POOL_BYTES:
        _pool, _pool_at = os.urandom(_POOL_BYTES), 0
    at = _pool_at
    _pool_at = at + 10
    return int.from_bytes(_pool[at : at + 10], "big") >> 6


def _forget_pool() -> None:
    """A forked process must not hand out the random bits its parent will use too."""
    global _pool_at
    _pool_at = _POOL_BYTES


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def uuid7() -> str:
    """Return a new UUIDv7 as 32 lower-case hex digits (monotonic within this process)."""
    global _last_ms, _last_rand
    with _lock:
        try:
            ms = time.time_ns() // 1_000_000
        except OverflowError:  # a system clock set after 2262
            raise clock_out_of_range() from None
        if ms <= _last_ms:
            # Same (or earlier) millisecond: keep order by bumping the random tail.
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = _random_74()
        _last_ms, _last_rand = ms, rand
    rand &= (1 << 74) - 1
    rand_a = rand >> 62  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return f"{value:032x}"


_MICRO_GRID_NS = uuid.UUID("6f1c1f52-8a0e-4d35-9a53-1d8f6b1e2c01")


def micro_grid_id(community: str, name: str, attempt: int = 0) -> str:
    """The id of a micro-grid, derived from its community and name.

    A worker's laptop and the office both create the same micro-grid on first use; a
    name-derived id makes them one record instead of two duplicates. A micro-grid keeps
    its id when renamed; a new one given a name whose id is so taken uses the next
    ``attempt`` (still derived, so every installation picks the same).
    """
    key = f"{community.strip()}/{name.strip()}" + (f"#{attempt}" if attempt else "")
    return uuid.uuid5(_MICRO_GRID_NS, key).hex


_POLICY_NS = uuid.UUID("0b7d9a4e-3c61-4f0a-b2a8-5e4c7d1f9a22")


def policy_id(community: str, kind: str, version: int) -> str:
    """The id of one version of a community's rule document: derived, so the office and
    a laptop that record the same version make one record, not two."""
    return uuid.uuid5(_POLICY_NS, f"{community.strip()}/{kind}/{version}").hex


_CARE_FLAG_NS = uuid.UUID("3a0e6c2d-5b71-4e18-9c4f-7d2a1b8e6f30")


def care_flag_id(resident_id: str) -> str:
    """The id of a resident's care flag: derived from the resident, so the office and the
    laptop that flag the same person at the same time make one flag (merged field by
    field, losers in the conflicts list), never two."""
    return uuid.uuid5(_CARE_FLAG_NS, resident_id.strip()).hex
