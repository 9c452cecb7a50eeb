"""Keeps the roster search index in step with every write.

One FTS5 trigram row per resident holds its search words: the name with its pinyin
keys, the address, the ID number and the phone. Trigrams need three characters, so
words are written with markers that make short queries long enough and anchor them:

* "||" starts every word: a 1–2 character query q becomes the phrase "||q", a match at
  the start of a word ("||赵", "||zh"); later characters of a name start words too
  ("||红" for 赵红);
* "|" ends whole keys (name, full pinyin, initials) and numbers: "||赵红|" is an exact
  name match (ranked first), "1234|" the END of an ID, phone or room number;
* the address is written whole and from each part on ("||锦华苑3栋2单元301|" "||3栋2单元301|"
  "||2单元301|"), so a query starting with a digit becomes "||3栋2单元": it finds 3栋
  but not 13栋.

Words ending with "|" follow each other without a space ("…301|||3栋…"): no query term
holds a marker inside, so a marker run keeps matches apart as a space would (see
:func:`entry`).

Marker characters are removed from data and queries. A second table, ``search_doc``,
holds per resident what the result list needs without touching the roster tables: the
address sort key and the filter columns. Both are written by :func:`reindex`, which the
Store's write path calls in the same transaction for every record it touched.

Indexing is on the bulk-import path (100,000 residents): the parts that repeat (names,
addresses) are built once per distinct value, each resident is indexed once per write,
and an entry whose words did not change is not rewritten (an FTS delete costs as much
as an insert).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from gridworker.core.pinyin_keys import name_keys
from gridworker.core.textnorm import norm_key

MARK = "|"
"""Word marker: "||" starts a word, "|" ends a whole key or number."""

_CHUNK = 500  # ids per SQL statement (well under SQLite's variable limit)
_BULK = 500  # entries written at once that call for merging index segments
_DIGITS_RE = re.compile(r"\d+")
_NOT_PHONE_RE = re.compile(r"[^0-9a-z]+")

_OLD = """
SELECT d.rid, d.resident_id, d.sort_key, d.status, d.micro_grid_id, d.estate, d.building,
       d.tags, f.words
FROM search_doc d JOIN search_fts f ON f.rowid = d.rid
WHERE d.resident_id IN ({marks})
"""
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
    reindex_touched(conn, {entity: ids})


def reindex_touched(conn: sqlite3.Connection, touched: Mapping[str, Iterable[str]]) -> None:
    """Refresh the entries of every record one write touched (entity → ids), once each.

    A bulk write creates households and their residents together: each resident is
    indexed once, not once for its household and again for itself.
    """
    resident_ids: dict[str, None] = dict.fromkeys(_ordered(touched.get("resident", ())))
    households = list(dict.fromkeys(_ordered(touched.get("household", ()))))
    for chunk in _chunks(households):
        marks = ",".join("?" * len(chunk))
        for (rid,) in conn.execute(
            f"SELECT id FROM resident WHERE household_id IN ({marks})", chunk
        ):
            resident_ids[rid] = None
    written = _reindex_residents(conn, list(resident_ids)) if resident_ids else 0
    if written >= _BULK:
        # Each write adds an index segment; FTS5's own merging lags behind bulk writes and
        # a query visits every segment (2× slower after an import in the benchmark). Merge
        # about as many pages as were written, where a level holds enough segments.
        conn.execute(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)", (written // 4,)
        )


def _ordered(ids: Iterable[str]) -> Iterable[str]:
    """Ids in a repeatable order (a set is sorted), so rids are given out the same way."""
    return ids if isinstance(ids, Sequence) else sorted(ids)


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild every resident's entry from scratch; returns how many were indexed."""
    conn.execute("DELETE FROM search_doc")
    conn.execute("DELETE FROM search_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM resident ORDER BY id")]
    _reindex_residents(conn, ids, fresh=True)
    # Deleting every row leaves a delete marker per row in the index; merging them away
    # keeps queries fast (a fragmented index was 5× slower in the benchmark).
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return len(ids)


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _reindex_residents(conn: sqlite3.Connection, ids: list[str], *, fresh: bool = False) -> int:
    """Write the entries of ``ids``: new ones inserted, changed ones replaced, the rest kept.

    Most re-indexing leaves the words as they were (a household's phone, a resident's
    notes): an entry is only rewritten where its words or columns changed, since an FTS
    delete costs as much as an insert. ``fresh``: the index is empty (rebuild). Returns
    how many entries' words were written.
    """
    # Before deleting: a kept rid may be the largest, and a new one must not take it.
    next_rid = (
        1
        if fresh
        else conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM search_doc").fetchone()[0]
    )
    old: dict[str, tuple[Any, ...]] = {}
    rows: list[Any] = []
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: compared and indexed per resident, and faster
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        if not fresh:
            for o in cur.execute(_OLD.format(marks=marks), chunk):
                old[o[1]] = o
        rows.extend(cur.execute(_ROWS.format(marks=marks), chunk))
    stale_words: list[tuple[int]] = []
    stale_docs: list[tuple[int]] = []
    docs: list[tuple[Any, ...]] = []
    words: list[tuple[int, str]] = []
    for r in rows:
        text, sort_key = entry(
            name=r[1],
            id_number=r[2],
            phone=r[3],
            estate=r[8],
            building=r[9],
            unit=r[10],
            room=r[11],
        )
        o = old.pop(r[0], None)
        if o is None:
            rid, next_rid = next_rid, next_rid + 1
        else:
            rid = o[0]
        # A resident without a status has never left: 在住 for the status filter.
        doc = (rid, r[0], sort_key, r[4] or "在住", r[7], r[8], r[9], r[5])
        if o is None or o[8] != text:
            if o is not None:
                stale_words.append((rid,))
            words.append((rid, text))
        if o is None or o[:8] != doc:
            if o is not None:
                stale_docs.append((rid,))
            docs.append(doc)
    for o in old.values():  # residents no longer in the roster
        stale_words.append((o[0],))
        stale_docs.append((o[0],))
    conn.executemany("DELETE FROM search_fts WHERE rowid = ?", stale_words)
    conn.executemany("DELETE FROM search_doc WHERE rid = ?", stale_docs)
    conn.executemany("INSERT INTO search_doc VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
    conn.executemany("INSERT INTO search_fts (rowid, words) VALUES (?, ?)", words)
    return len(words)


@lru_cache(maxsize=65536)
def clean(text: str | None) -> str:
    """Search form of a value: NFKC, case-folded, no whitespace, no marker.

    Cached: estates, buildings and units repeat across thousands of residents.
    """
    return _clean(text)


def _clean(text: str | None) -> str:
    if not text:
        return ""
    return "".join(strip_marks(norm_key(text)).split())


def _clean_number(text: str) -> str:
    """:func:`clean` of an ID or phone, which are unique: not cached, plain ASCII fast."""
    if text.isascii() and text.isalnum():
        return text.lower()
    return _clean(text)


def strip_marks(text: str) -> str:
    """Remove the marker characters, so data and queries can never forge a marker."""
    return text.replace(MARK, "")


@lru_cache(maxsize=16384)
def _name_words(name: str) -> tuple[str, str, str]:
    """(whole keys, start words, sort form) of a name, built once per distinct name."""
    keys = name_keys(name)
    n = "".join(strip_marks(keys.name).split())
    whole = [n] if n else []
    whole += [k for k in (*keys.full, *keys.initials) if k != n]
    # Later characters start words too, so "红" (a short query matches word starts)
    # finds 赵红; two characters are all a short query can use.
    starts = " ".join(MARK * 2 + n[i : i + 2] for i in range(1, len(n)))
    return "".join(MARK * 2 + k + MARK for k in whole), starts, n


@lru_cache(maxsize=16384)
def _address(
    estate: str | None, building: str | None, unit: str | None, room: str | None
) -> tuple[str, str]:
    """(FTS words, sort key) of an address: a household's residents share it."""
    e, b, u, rm = clean(estate), clean(building), clean(unit), clean(room)
    out = []
    if e or b or u or rm:
        out.append(MARK * 2 + e + b + u + rm + MARK)
    if e and b:
        out.append(MARK * 2 + b + u + rm + MARK)
    if (e or b) and u:
        out.append(MARK * 2 + u + rm + MARK)
    return "".join(out), _sort_key(estate, building, unit, room)


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

    Every word that ends with the marker is written straight after the previous one
    ("||赵红|||zhaohong|||zh|||锦华苑3栋2单元301|…|11010519491231002x|13812345678|"):
    a marker run separates them as a space would, since no query term holds a marker
    inside, and saves a trigram per word. The name's later-character words do not end
    with the marker (they are no whole key), so they come last, separated by spaces,
    or "||红|" would look like an exact key.
    """
    whole, starts, n = _name_words(name or "")
    address, sort_key = _address(estate, building, unit, room)
    text = whole + address
    if id_number:
        text += _clean_number(id_number) + MARK
    digits = _NOT_PHONE_RE.sub("", _clean_number(phone)) if phone else ""
    if digits:
        text += digits + MARK
    if starts:
        text = f"{text} {starts}" if text else starts
    return text, sort_key + n


def _sort_key(*parts: str | None) -> str:
    """Address order with numbers padded, so "3栋" sorts before "12栋"."""
    return "".join(_DIGITS_RE.sub(_pad, clean(p)) + "\x01" for p in parts)


def _pad(m: re.Match[str]) -> str:
    return m.group().rjust(8, "0")
