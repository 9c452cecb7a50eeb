"""Keeps the roster search index in step with every write.

One FTS5 trigram row per resident holds its search words: the name with its pinyin
keys, the address, the ID number and the phone. Trigrams need three characters, so
words are written with markers that make short queries long enough and anchor them:

* "||" starts every word: a 1–2 character query q becomes the phrase "||q", a match at
  the start of a word ("||赵", "||zh"); later characters of a name start words too
  ("||红" for 赵红);
* "|" ends whole keys (name, full pinyin, initials) and numbers: "||赵红|" is an exact
  name match (ranked first), "1234|" the END of an ID, phone or room number;
* the address is written whole and from each part on ("||锦华苑3栋2单元301|
  ||3栋2单元301| ||2单元301|"), so a query starting with a digit becomes "||3栋2单元":
  it finds 3栋 but not 13栋.

Marker characters are removed from data and queries. A second table, ``search_doc``,
holds per resident what the result list needs without touching the roster tables: the
address sort key and the filter columns. Both are written by :func:`reindex`, which the
Store's write path calls in the same transaction for every record it touched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from gridworker.core.pinyin_keys import name_keys
from gridworker.core.textnorm import norm_key

MARK = "|"
"""Word marker: "||" starts a word, "|" ends a whole key or number."""

_CHUNK = 500  # ids per SQL statement (well under SQLite's variable limit)
_DIGITS_RE = re.compile(r"\d+")
_NOT_PHONE_RE = re.compile(r"[^0-9a-z]+")

_ROWS = """
SELECT r.id, r.name, r.id_number, r.phone, r.status, r.tags, r.household_id,
       h.micro_grid_id, h.estate, h.building, h.unit, h.room
FROM resident r LEFT JOIN household h ON h.id = r.household_id
WHERE r.id IN ({marks})
"""


def reindex(conn: sqlite3.Connection, entity: str, ids: Sequence[str]) -> None:
    """Refresh the search entries of the given records, in the caller's transaction.

    A household's address is part of its residents' entries, so a household change
    reindexes its residents. Other entities are not searched here.
    """
    if entity == "household":
        resident_ids: list[str] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            resident_ids.extend(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM resident WHERE household_id IN ({marks})", chunk
                )
            )
        ids = resident_ids
    elif entity != "resident":
        return
    for chunk in _chunks(list(dict.fromkeys(ids))):
        _reindex_residents(conn, chunk)


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild every resident's entry from scratch; returns how many were indexed."""
    conn.execute("DELETE FROM search_doc")
    conn.execute("DELETE FROM search_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM resident ORDER BY id")]
    for chunk in _chunks(ids):
        _reindex_residents(conn, chunk)
    # Deleting every row leaves a delete marker per row in the index; merging them away
    # keeps queries fast (a fragmented index was 5× slower in the benchmark).
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return len(ids)


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _reindex_residents(conn: sqlite3.Connection, ids: list[str]) -> None:
    marks = ",".join("?" * len(ids))
    old = dict(
        conn.execute(
            f"SELECT resident_id, rid FROM search_doc WHERE resident_id IN ({marks})", ids
        ).fetchall()
    )
    # Before deleting: a kept rid may be the largest, and a new one must not take it.
    next_rid = conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM search_doc").fetchone()[0]
    if old:
        rids = [(rid,) for rid in old.values()]
        conn.executemany("DELETE FROM search_fts WHERE rowid = ?", rids)
        conn.executemany("DELETE FROM search_doc WHERE rid = ?", rids)
    rows = conn.execute(_ROWS.format(marks=marks), ids).fetchall()
    if not rows:
        return
    docs: list[tuple[Any, ...]] = []
    words: list[tuple[int, str]] = []
    for r in rows:
        rid = old.get(r[0])
        if rid is None:
            rid, next_rid = next_rid, next_rid + 1
        text, sort_key = entry(
            name=r[1],
            id_number=r[2],
            phone=r[3],
            estate=r[8],
            building=r[9],
            unit=r[10],
            room=r[11],
        )
        # A resident without a status has never left: 在住 for the status filter.
        docs.append((rid, r[0], sort_key, r[4] or "在住", r[7], r[8], r[9], r[5]))
        words.append((rid, text))
    conn.executemany("INSERT INTO search_doc VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
    conn.executemany("INSERT INTO search_fts (rowid, words) VALUES (?, ?)", words)


@lru_cache(maxsize=65536)
def clean(text: str | None) -> str:
    """Search form of a value: NFKC, case-folded, no whitespace, no marker.

    Cached: estates, buildings and units repeat across thousands of residents.
    """
    if not text:
        return ""
    return "".join(strip_marks(norm_key(text)).split())


def strip_marks(text: str) -> str:
    """Remove the marker characters, so data and queries can never forge a marker."""
    return text.replace(MARK, "")


def entry(
    *,
    name: str | None,
    id_number: str | None,
    phone: str | None,
    estate: str | None,
    building: str | None,
    unit: str | None,
    room: str | None,
) -> tuple[str, str]:
    """(FTS words, sort key) of one resident.

    Words are separated by spaces, which no query term contains, so a match never runs
    from one word into the next. Whole keys (name, pinyin, initials) also end with the
    marker, so "||q|" is an exact-key match (ranked first).
    """
    keys = name_keys(name or "")
    n = "".join(strip_marks(keys.name).split())
    out = [MARK * 2 + n + MARK] if n else []
    # Later characters start words too, so "红" (a short query matches word starts)
    # finds 赵红; two characters are all a short query can use.
    out += [MARK * 2 + n[i : i + 2] for i in range(1, len(n))]
    out += [MARK * 2 + k + MARK for k in (*keys.full, *keys.initials) if k != n]
    e, b, u, rm = clean(estate), clean(building), clean(unit), clean(room)
    if e or b or u or rm:
        out.append(MARK * 2 + e + b + u + rm + MARK)
    if e and b:
        out.append(MARK * 2 + b + u + rm + MARK)
    if (e or b) and u:
        out.append(MARK * 2 + u + rm + MARK)
    idn = clean(id_number)
    if idn:
        out.append(idn + MARK)
    digits = _NOT_PHONE_RE.sub("", clean(phone))
    if digits:
        out.append(digits + MARK)
    sort_key = _sort_key(estate, building, unit, room) + n
    return " ".join(out), sort_key


@lru_cache(maxsize=65536)
def _sort_key(*parts: str | None) -> str:
    """Address order with numbers padded, so "3栋" sorts before "12栋"."""
    return "".join(_DIGITS_RE.sub(_pad, clean(p)) + "\x01" for p in parts)


def _pad(m: re.Match[str]) -> str:
    return m.group().rjust(8, "0")
