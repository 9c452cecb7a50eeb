"""Keeps the roster search index in step with every write.

One FTS5 trigram row per resident holds its search words: the name with its pinyin
keys, the address, the ID number and the phone. Trigrams need three characters, so
words are written with markers that make short queries long enough and anchor them:

* "||" starts every word: a 1–2 character query q becomes the phrase "||q", a match at
  the start of a word ("||赵", "||zh"); later characters of a name start words too
  ("||红" for 赵红), and so do those of an estate's name ("||南苑" for 致强南苑: people
  type its distinctive part) — but not a digit inside a number ("13号院" gives no
  "||3号"), as 3栋 must not find 13栋;
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
from collections.abc import Container, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from gridworker.core.pinyin_keys import name_key_parts
from gridworker.core.textnorm import norm_key
from gridworker.store.entities import HOUSEHOLD, RESIDENT

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
WHERE r.id IN ({marks}){live}
"""
_LIVE = " AND r.merged_into IS NULL"
# A resident merged into another (a duplicate, store/duplicates.py) has no entry: the
# roster's search, its counts and filter counts read only the index.


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
    _merge_after(conn, _reindex_touched(conn, touched))


def index_written(
    conn: sqlite3.Connection,
    touched: Mapping[str, Iterable[str]],
    created: Mapping[str, Mapping[str, Sequence[Any]]],
) -> None:
    """:func:`reindex_touched` for the write path, which also hands over the rows it created.

    ``created`` maps entity → id → the row as inserted (id, the spec's fields in order,
    lists as JSON text, _clock) for records this write inserted and did not change again.
    New residents are indexed from those rows instead of reading them back, and have no
    old entry to look up. Everything else in ``touched`` goes through the usual path.
    """
    new_residents = created.get("resident", {})
    new_households = created.get("household", {})
    rest = {
        entity: [i for i in ids if i not in new_residents]
        for entity, ids in touched.items()
        if entity in ("resident", "household")
    }
    written = _reindex_touched(conn, rest, skip=new_residents)
    if new_residents:
        written += _index_new(conn, new_residents, new_households)
    _merge_after(conn, written)


def _merge_after(conn: sqlite3.Connection, written: int) -> None:
    if written >= _BULK:
        # Each write adds an index segment; FTS5's own merging lags behind bulk writes and
        # a query visits every segment (2× slower after an import in the benchmark). Merge
        # about as many pages as were written, where a level holds enough segments.
        conn.execute(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)", (written // 4,)
        )


def _reindex_touched(
    conn: sqlite3.Connection,
    touched: Mapping[str, Iterable[str]],
    skip: Container[str] = (),
) -> int:
    """Re-index the touched residents, and those of touched households (but ``skip``)."""
    resident_ids: dict[str, None] = dict.fromkeys(_ordered(touched.get("resident", ())))
    households = list(dict.fromkeys(_ordered(touched.get("household", ()))))
    for chunk in _chunks(households):
        marks = ",".join("?" * len(chunk))
        for (rid,) in conn.execute(
            f"SELECT id FROM resident WHERE household_id IN ({marks})", chunk
        ):
            if rid not in skip:
                resident_ids[rid] = None
    return _reindex_residents(conn, list(resident_ids)) if resident_ids else 0


def _ordered(ids: Iterable[str]) -> Iterable[str]:
    """Ids in a repeatable order (a set is sorted), so rids are given out the same way."""
    return ids if isinstance(ids, Sequence) else sorted(ids)


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild every resident's entry from scratch; returns how many were indexed."""
    conn.execute("DELETE FROM search_doc")
    conn.execute("DELETE FROM search_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM resident ORDER BY id")]
    # Migrations 2 and 5 rebuild before migration 7 gave residents ``merged_into``.
    mergeable = any(r[1] == "merged_into" for r in conn.execute("PRAGMA table_info(resident)"))
    _reindex_residents(conn, ids, fresh=True, live=_LIVE if mergeable else "")
    ids = [r[0] for r in conn.execute("SELECT resident_id FROM search_doc")]
    # Deleting every row leaves a delete marker per row in the index; merging them away
    # keeps queries fast (a fragmented index was 5× slower in the benchmark).
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return len(ids)


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _reindex_residents(
    conn: sqlite3.Connection, ids: list[str], *, fresh: bool = False, live: str = _LIVE
) -> int:
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
        rows.extend(cur.execute(_ROWS.format(marks=marks, live=live), chunk))
    stale_words: list[tuple[int]] = []
    stale_docs: list[tuple[int]] = []
    docs: list[tuple[Any, ...]] = []
    words: list[tuple[int, str]] = []
    for r in rows:
        text, sort_key = _entry(r[1], r[2], r[3], r[8], r[9], r[10], r[11])
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


_RES = {f: i for i, f in enumerate(RESIDENT.field_names, start=1)}  # positions in an insert row
_HH = {f: i for i, f in enumerate(HOUSEHOLD.field_names, start=1)}
_HOUSEHOLD_COLUMNS = ("micro_grid_id", "estate", "building", "unit", "room")
_NO_HOUSEHOLD: tuple[Any, ...] = (None,) * len(_HOUSEHOLD_COLUMNS)


def _index_new(
    conn: sqlite3.Connection,
    residents: Mapping[str, Sequence[Any]],
    households: Mapping[str, Sequence[Any]],
) -> int:
    """Add the entries of residents just inserted (id → insert row); returns how many.

    Their households' address comes from ``households`` (rows inserted by the same
    write) or, for households already stored, from one query per 500 of them.
    """
    hh_at = _RES["household_id"]
    address: dict[str, tuple[Any, ...]] = {}
    missing: list[str] = []
    for row in residents.values():
        h = row[hh_at]
        if h is None or h in address:
            continue
        hrow = households.get(h)
        if hrow is None:
            missing.append(h)
            address[h] = _NO_HOUSEHOLD  # unless found below (a dangling reference)
        else:
            address[h] = tuple(hrow[_HH[f]] for f in _HOUSEHOLD_COLUMNS)
    cur = conn.cursor()
    cur.row_factory = None
    for chunk in _chunks(missing):
        marks = ",".join("?" * len(chunk))
        for r in cur.execute(
            f"SELECT id, {', '.join(_HOUSEHOLD_COLUMNS)} FROM household WHERE id IN ({marks})",
            chunk,
        ):
            address[r[0]] = r[1:]
    rid = cur.execute("SELECT coalesce(max(rid), 0) FROM search_doc").fetchone()[0]
    name_at, id_at, phone_at = _RES["name"], _RES["id_number"], _RES["phone"]
    status_at, tags_at = _RES["status"], _RES["tags"]
    docs: list[tuple[Any, ...]] = []
    words: list[tuple[int, str]] = []
    merged_at = _RES["merged_into"]
    for resident_id, row in residents.items():
        if row[merged_at] is not None:
            continue  # created merged (both operations in one bundle): no entry
        h = row[hh_at]
        mg, estate, building, unit, room = _NO_HOUSEHOLD if h is None else address[h]
        text, sort_key = _entry(
            row[name_at], row[id_at], row[phone_at], estate, building, unit, room
        )
        rid += 1
        # A resident without a status has never left: 在住 for the status filter.
        docs.append(
            (
                rid,
                resident_id,
                sort_key,
                row[status_at] or "在住",
                mg,
                estate,
                building,
                row[tags_at],
            )
        )
        words.append((rid, text))
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


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, str, str]:
    """(whole keys, start words, sort form) of a name, built once per distinct name.

    A 100,000-resident roster holds about 50,000 distinct names: this runs for each.
    """
    key, full, initials = name_key_parts(name)
    # A name of letters and 汉字 only (the usual case) holds no marker and no space.
    n = key if key.isalnum() else "".join(strip_marks(key).split())
    whole = [n] if n else []
    for k in full:
        if k != n:
            whole.append(k)
    for k in initials:
        if k != n:
            whole.append(k)
    # Later characters start words too, so "红" (a short query matches word starts)
    # finds 赵红; two characters are all a short query can use.
    starts = " ".join([MARK * 2 + n[i : i + 2] for i in range(1, len(n))])
    return (MARK * 2 + (MARK * 3).join(whole) + MARK if whole else ""), starts, n


@lru_cache(maxsize=65536)
def _address(
    estate: str | None, building: str | None, unit: str | None, room: str | None
) -> tuple[str, str, str]:
    """(FTS words, start words, sort key) of an address: a household's residents share it."""
    e, b, u, rm = clean(estate), clean(building), clean(unit), clean(room)
    out = []
    if e or b or u or rm:
        out.append(MARK * 2 + e + b + u + rm + MARK)
    if e and b:
        out.append(MARK * 2 + b + u + rm + MARK)
    if (e or b) and u:
        out.append(MARK * 2 + u + rm + MARK)
    sort_key = _sort_part(e) + _sort_part(b) + _sort_part(u) + _sort_part(rm)
    return "".join(out), _estate_starts(e), sort_key


@lru_cache(maxsize=4096)
def _estate_starts(e: str) -> str:
    """Start words for the later characters of a cleaned estate name ("||南苑" in 致强南苑).

    A person looks an estate up by its distinctive part (南苑, 华苑), and a 1–2 character
    query only matches word starts: two characters are all it can use, as for a name.
    A digit right after a digit starts no word, so "3号" does not find 13号院.
    """
    return " ".join(
        MARK * 2 + e[i : i + 2]
        for i in range(1, len(e))
        if not (e[i].isdigit() and e[i - 1].isdigit())
    )


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
    inside, and saves a trigram per word. The later-character words of the name and of
    the estate do not end with the marker (they are no whole key), so they come last,
    separated by spaces, or "||红|" would look like an exact key.
    """
    return _entry(name, id_number, phone, estate, building, unit, room)


def _entry(
    name: str | None,
    id_number: str | None,
    phone: str | None,
    estate: str | None,
    building: str | None,
    unit: str | None,
    room: str | None,
) -> tuple[str, str]:
    """:func:`entry` with positional arguments: called per resident on bulk writes."""
    whole, starts, n = _name_words(name or "")
    address, estate_starts, sort_key = _address(estate, building, unit, room)
    if estate_starts:
        starts = f"{starts} {estate_starts}" if starts else estate_starts
    text = whole + address
    if id_number:
        text += _clean_number(id_number) + MARK
    if phone:
        # A stored mobile number is plain ASCII digits: nothing to clean.
        digits = (
            phone
            if phone.isdigit() and phone.isascii()
            else _NOT_PHONE_RE.sub("", _clean_number(phone))
        )
        if digits:
            text += digits + MARK
    if starts:
        text = f"{text} {starts}" if text else starts
    return text, sort_key + n


@lru_cache(maxsize=65536)
def _sort_part(cleaned: str) -> str:
    """One address part of a sort key, from its :func:`clean` form: numbers padded so
    "3栋" sorts before "12栋", and a separator after it. Parts repeat a lot."""
    return _DIGITS_RE.sub(_pad, cleaned) + "\x01"


def _pad(m: re.Match[str]) -> str:
    return m.group().rjust(8, "0")
