"""Version vectors as sets of sequence numbers: which operations a replica holds.

Every operation is named by (device_id, seq), and a device numbers its own operations
1, 2, 3… A replica does not always hold a device's operations without gaps: a worker
receives from the office only the operations of its own micro-grid, so the office's
numbers it holds are scattered. A vector therefore lists, per device, the sorted,
disjoint, inclusive ranges of seqs held — ``{"dev": [[1, 40]]}`` when a replica holds
1..40 with no gap, which is the classic "highest contiguous seq".
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

Ranges = list[tuple[int, int]]


def _normalise(ranges: Iterable[tuple[int, int]]) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(ranges):
        if hi < lo:
            continue
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


class SeqSet:
    """An immutable set of (device_id, seq) pairs, stored as ranges per device."""

    __slots__ = ("_lows", "_ranges")

    def __init__(self, ranges: Mapping[str, Iterable[tuple[int, int]]] | None = None):
        self._ranges: dict[str, Ranges] = {}
        for device, rs in (ranges or {}).items():
            norm = _normalise(rs)
            if norm:
                self._ranges[device] = norm
        self._lows = {d: [lo for lo, _ in rs] for d, rs in self._ranges.items()}

    # -- building -------------------------------------------------------------------
    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, int]]) -> SeqSet:
        """From (device_id, seq) pairs, in any order."""
        by_device: dict[str, list[int]] = {}
        for device, seq in pairs:
            by_device.setdefault(device, []).append(seq)
        ranges: dict[str, Ranges] = {}
        for device, seqs in by_device.items():
            seqs.sort()
            rs: Ranges = []
            for s in seqs:
                if rs and s <= rs[-1][1] + 1:
                    if s > rs[-1][1]:
                        rs[-1] = (rs[-1][0], s)
                else:
                    rs.append((s, s))
            ranges[device] = rs
        return cls(ranges)

    @classmethod
    def held_by(cls, conn: sqlite3.Connection) -> SeqSet:
        """Every operation in this database's change log.

        A device whose seqs held have no gap (count = last − first + 1: usually every
        device but the office at a worker) is one range, told by SQLite from the index
        without reading each seq; only the others are read one by one.
        """
        ranges: dict[str, Ranges] = {}
        gappy: list[str] = []
        for device, lo, hi, n in conn.execute(
            "SELECT device_id, min(seq), max(seq), count(*) FROM ops GROUP BY device_id"
        ):
            if n == hi - lo + 1:
                ranges[device] = [(lo, hi)]
            else:
                gappy.append(device)
        for device in gappy:
            seqs = conn.execute(
                "SELECT seq FROM ops WHERE device_id = ? ORDER BY seq", (device,)
            ).fetchall()
            ranges[device] = cls.from_pairs((device, s) for (s,) in seqs)._ranges[device]
        return cls(ranges)

    @classmethod
    def from_json(cls, data: Mapping[str, Sequence[Sequence[int]]]) -> SeqSet:
        return cls({d: [(int(r[0]), int(r[1])) for r in rs] for d, rs in data.items()})

    def to_json(self) -> dict[str, list[list[int]]]:
        """``{device_id: [[first, last], …]}`` with devices in sorted order."""
        return {d: [[lo, hi] for lo, hi in self._ranges[d]] for d in sorted(self._ranges)}

    # -- questions --------------------------------------------------------------------
    def __contains__(self, item: object) -> bool:
        if not isinstance(item, tuple) or len(item) != 2:
            return False
        device, seq = item
        lows = self._lows.get(device)
        if not lows:
            return False
        i = bisect_right(lows, seq) - 1
        return i >= 0 and seq <= self._ranges[device][i][1]

    def has(self, device: str, seq: int) -> bool:
        return (device, seq) in self

    def count_held(self, pairs: Iterable[tuple[str, int]]) -> int:
        """How many of these distinct (device_id, seq) pairs the set holds: per device,
        each range counted by bisection in the sorted seqs (a status counts hundreds of
        thousands of operations; one test a pair cost three times as much)."""
        by_device: dict[str, list[int]] = {}
        for device, seq in pairs:
            by_device.setdefault(device, []).append(seq)
        n = 0
        for device, seqs in by_device.items():
            ranges = self._ranges.get(device)
            if not ranges:
                continue
            seqs.sort()
            for lo, hi in ranges:
                n += bisect_right(seqs, hi) - bisect_left(seqs, lo)
        return n

    def __len__(self) -> int:
        return sum(hi - lo + 1 for rs in self._ranges.values() for lo, hi in rs)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        for d in sorted(self._ranges):
            for lo, hi in self._ranges[d]:
                for s in range(lo, hi + 1):
                    yield d, s

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SeqSet) and self._ranges == other._ranges

    def __hash__(self) -> int:
        return hash(tuple(sorted((d, tuple(rs)) for d, rs in self._ranges.items())))

    def __repr__(self) -> str:
        return f"SeqSet({self.to_json()!r})"

    def devices(self) -> list[str]:
        return sorted(self._ranges)

    def last(self, device: str) -> int:
        """The highest seq held of ``device`` (0 when none)."""
        rs = self._ranges.get(device)
        return rs[-1][1] if rs else 0

    # -- combining --------------------------------------------------------------------
    def union(self, other: SeqSet) -> SeqSet:
        merged: dict[str, Ranges] = {d: list(rs) for d, rs in self._ranges.items()}
        for d, rs in other._ranges.items():
            merged.setdefault(d, []).extend(rs)
        return SeqSet(merged)

    def intersection(self, other: SeqSet) -> SeqSet:
        out: dict[str, Ranges] = {}
        for d, mine in self._ranges.items():
            theirs = other._ranges.get(d)
            if not theirs:
                continue
            i = j = 0
            rs: Ranges = []
            while i < len(mine) and j < len(theirs):
                lo = max(mine[i][0], theirs[j][0])
                hi = min(mine[i][1], theirs[j][1])
                if lo <= hi:
                    rs.append((lo, hi))
                if mine[i][1] < theirs[j][1]:
                    i += 1
                else:
                    j += 1
            out[d] = rs
        return SeqSet(out)


def intersect_all(sets: Iterable[SeqSet]) -> SeqSet:
    """What every one of the sets holds (empty when there are none)."""
    result: SeqSet | None = None
    for s in sets:
        result = s if result is None else result.intersection(s)
    return result if result is not None else SeqSet()


def vector_from_json(data: Any) -> SeqSet:
    """A stored or received vector (already validated) as a SeqSet."""
    return SeqSet.from_json(data or {})
