"""SeqSet is a set of (device, seq): checked against Python sets."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from gridworker.sync.vector import SeqSet, intersect_all

pairs = st.sets(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(1, 40)), max_size=60)


@given(pairs, pairs)
def test_seqset_behaves_like_a_set(x: set[tuple[str, int]], y: set[tuple[str, int]]) -> None:
    sx, sy = SeqSet.from_pairs(x), SeqSet.from_pairs(y)
    assert set(sx) == x and len(sx) == len(x)
    assert set(sx.union(sy)) == x | y
    assert set(sx.intersection(sy)) == x & y
    assert set(intersect_all([sx, sy, sx])) == x & y
    for d in "abc":
        for s in range(0, 42):
            assert sx.has(d, s) == ((d, s) in x)
    assert SeqSet.from_json(sx.to_json()) == sx
    assert sx.count_held(sorted(y, reverse=True)) == len(x & y)


def test_contiguous_holdings_are_one_range() -> None:
    s = SeqSet.from_pairs([("dev", i) for i in range(1, 101)] + [("dev", 150)])
    assert s.to_json() == {"dev": [[1, 100], [150, 150]]}
    assert intersect_all([]) == SeqSet()


@given(pairs)
def test_held_by_reads_the_change_log_as_from_pairs(x: set[tuple[str, int]]) -> None:
    """held_by takes a device without gaps from SQLite's min/max/count, the others seq by
    seq: either way the same set as the pairs themselves."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE ops (device_id TEXT, seq INTEGER, UNIQUE (device_id, seq))")
    conn.executemany("INSERT INTO ops VALUES (?, ?)", sorted(x))
    assert SeqSet.held_by(conn) == SeqSet.from_pairs(x)
    conn.close()
