"""Roster search: names (汉字, full pinyin, initials), address parts, ID and phone tails.

The UI calls this on every (debounced) keystroke, so a query is one FTS5 lookup joined to
the small ``search_doc`` table, ordered by rank then address and cut at ``limit``.
Whitespace-separated terms must all match; a phone or ID number typed in groups
("138 4484 7389", "510104-1980…") is also searched as its digits. Residents who moved
out or died stay searchable; ``statuses`` filters them when wanted. See search_index for
how the words are written.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gridworker.core.textnorm import norm_key
from gridworker.store.entities import RESIDENT
from gridworker.store.merge import from_db
from gridworker.store.search_index import MARK, strip_marks

__all__ = ["Filters", "count_matches", "parse_query", "search_residents", "search_rows"]

_NUMBER_RE = re.compile(r"\d+x?")
_NUMBER_ANYWHERE = 6
"""A number this long is matched anywhere in an ID/phone, not only at its end."""
# Dashes people put between digit groups (NFKC has made － and ﹣ "-"); "-" comes last so
# that in a character class it is itself, not a range.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_GROUP_RE = re.compile(f"[\\d{_DASHES}]*\\d[\\d{_DASHES}]*x?|[{_DASHES}]+")
"""A term that may be part of a number typed in groups: digits and dashes, or a dash."""
_SEPARATORS_RE = re.compile(f"[{_DASHES}]+")
_SCAN_FACTOR = 1
"""Walk the ordered index instead of sorting hits when hits² > factor·limit·residents."""


@dataclass(frozen=True)
class Query:
    """A parsed query: the FTS5 expression, and the one for exact whole-key matches."""

    fts: str
    exact: str | None  # the exact keys alone ("||赵红|" OR …), to combine with ``fts``

    @property
    def exact_hits(self) -> str | None:
        """Residents matching the query and having a term as a whole key."""
        return None if self.exact is None else f"({self.fts}) AND ({self.exact})"


@dataclass(frozen=True)
class Filters:
    """Restrictions the result list applies besides the text (None = no restriction)."""

    micro_grid_id: str | None = None
    statuses: Sequence[str] | None = None
    estate: str | None = None
    building: str | None = None
    tag: str | None = None


def parse_query(text: str | None) -> Query | None:
    """The FTS5 expression of a typed query, or None when it holds no usable term.

    * a number (digits; an ID may end in x): the end of an ID, phone or room ("1234|");
      six digits or more match anywhere in them; a single digit starts an address part.
      Six or more digits typed in groups are also searched as one number (see
      :func:`_number_groups`);
    * a term starting with a digit ("3栋2单元"): the start of an address part, so it
      does not also find 13栋;
    * one or two characters ("赵", "zh"): the start of a word;
    * anything longer: anywhere (trigram substring).
    """
    items = _number_groups(strip_marks(norm_key(text)).split())
    if not items:
        return None
    parts: list[str] = []
    names: list[str] = []
    for item in dict.fromkeys(items):
        if isinstance(item, str):
            parts.append(_term(item))
            if not item[0].isdigit():
                names.append(item)
        else:
            digits, groups = item
            each = " AND ".join(dict.fromkeys(_term(g) for g in groups))
            parts.append(f"({_term(digits)} OR ({each}))")
    fts = " AND ".join(parts)
    exact = " OR ".join(_phrase(MARK * 2 + t + MARK) for t in names) if names else None
    return Query(fts, exact)


def _term(t: str) -> str:
    """The FTS5 phrase of one term (see :func:`parse_query`)."""
    if _NUMBER_RE.fullmatch(t):
        if len(t) >= _NUMBER_ANYWHERE:
            return _phrase(t)
        if len(t) >= 2:
            return _phrase(t + MARK)
        return _phrase(MARK * 2 + t)
    if t[0].isdigit() or len(t) <= 2:
        return _phrase(MARK * 2 + t)
    return _phrase(t)


GroupedNumber = tuple[str, tuple[str, ...]]
"""Digits typed in groups separated by spaces: (the digits, the groups as typed)."""


def _number_groups(terms: list[str]) -> list[str | GroupedNumber]:
    """The terms, with each phone or ID number typed in groups joined into its digits.

    People copy numbers as they are printed: "138-4484-7389", "138 4484 7389",
    "510104-19800101-001X". The index holds the bare digits, so a run of terms made of
    digits and dashes (an x only at its very end) holding six digits or more, as a phone
    or ID fragment does, is searched as its digits. A dash only ever joins; spaces may
    also separate numbers that each must match ("5678 1101": a phone tail and a room),
    so a run split by spaces alone is a :data:`GroupedNumber`, searched both ways.
    Fewer digits keep their term-by-term meaning: "2 301" is an address part's start
    and a room number.
    """
    out: list[str | GroupedNumber] = []
    run: list[str] = []

    def flush() -> None:
        digits = _SEPARATORS_RE.sub("", "".join(run))
        if len(digits.rstrip("x")) < _NUMBER_ANYWHERE:
            out.extend(run)
        elif len(run) > 1 and all(_NUMBER_RE.fullmatch(t) for t in run):
            out.append((digits, tuple(run)))
        else:
            out.append(digits)
        run.clear()

    for t in terms:
        if _GROUP_RE.fullmatch(t):
            run.append(t)
            if t.endswith("x"):  # an ID's check character ends the number
                flush()
        else:
            if run:
                flush()
            out.append(t)
    if run:
        flush()
    return out


def _phrase(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.micro_grid_id is not None:
        clauses.append("d.micro_grid_id = ?")
        params.append(filters.micro_grid_id)
    if filters.statuses is not None:
        statuses = list(filters.statuses)
        clauses.append(f"d.status IN ({','.join('?' * len(statuses))})" if statuses else "0")
        params.extend(statuses)
    if filters.estate is not None:
        clauses.append("d.estate = ?")
        params.append(filters.estate)
    if filters.building is not None:
        clauses.append("d.building = ?")
        params.append(filters.building)
    if filters.tag is not None:
        # tags are stored as a compact JSON list: '["高龄","独居老人"]'
        clauses.append("instr(d.tags, ?) > 0")
        params.append(json.dumps(filters.tag, ensure_ascii=False))
    return clauses, params


def _matches(conn: sqlite3.Connection, fts: str) -> int:
    """Residents matching the text alone: cheap (no lookups), used to choose a plan."""
    return int(
        conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (fts,)).fetchone()[
            0
        ]
    )


def _docs(conn: sqlite3.Connection) -> int:
    r = conn.execute("SELECT max(rid) FROM search_doc").fetchone()
    return int(r[0] or 0)


def _select(
    conn: sqlite3.Connection,
    fts: str | None,
    filters: Filters,
    limit: int | None,
    *,
    exact: str | None = None,
    plan: str = "join",
    rids: str | None = None,
) -> list[str]:
    """Matching ids in address order (those matching ``exact`` first), by the cheaper plan.

    "join": walk the FTS hits, look each up and sort them — best for few hits; ``rids``:
    the hits, already found, as comma-separated rowids (the text is not matched again).
    "scan": walk the address-ordered index and keep the rows among the hits, which stops
    after ``limit`` rows instead of sorting thousands (a surname, "zh").
    """
    clauses, params = _filter_sql(filters)
    lim = "" if limit is None else f" LIMIT {max(0, int(limit))}"
    grid = filters.micro_grid_id is not None
    if fts is None:
        index = "search_doc_grid" if grid else "search_doc_order"
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            f"SELECT d.resident_id FROM search_doc d INDEXED BY {index}{where} ORDER BY d.sort_key"
        )
        return [r[0] for r in conn.execute(sql + lim, params)]
    if plan == "scan":
        index = "search_doc_grid" if grid else "search_doc_order"
        where = " AND ".join(
            ["+d.rid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)", *clauses]
        )
        sql = (
            f"SELECT d.resident_id FROM search_doc d INDEXED BY {index} "
            f"WHERE {where} ORDER BY d.sort_key"
        )
        return [r[0] for r in conn.execute(sql + lim, [fts, *params])]
    order = "d.sort_key"
    exact_args: list[Any] = []
    if exact is not None:
        order = "d.rid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) DESC, " + order
        exact_args.append(exact)
    if rids is not None:
        where = " AND ".join(["d.rid IN (SELECT value FROM json_each('[' || ? || ']'))", *clauses])
        sql = f"SELECT d.resident_id FROM search_doc d WHERE {where} ORDER BY {order}"
        args = [rids, *params, *exact_args]
        return [r[0] for r in conn.execute(sql + lim, args)]
    # CROSS JOIN keeps SQLite driving from the FTS hits: one rowid lookup per hit.
    where = " AND ".join(["search_fts MATCH ?", *clauses])
    sql = (
        "SELECT d.resident_id FROM search_fts CROSS JOIN search_doc d "
        f"ON d.rid = search_fts.rowid WHERE {where} ORDER BY {order}"
    )
    return [r[0] for r in conn.execute(sql + lim, [fts, *params, *exact_args])]


def _plan(
    conn: sqlite3.Connection, fts: str, filters: Filters, limit: int | None
) -> tuple[str, str | None]:
    """Pick "scan" when walking the address order finds ``limit`` hits sooner than sorting
    (hits² > factor·limit·residents); for "join", the hits themselves when they were read
    to decide (so the text is matched once, not counted and then matched again)."""
    if limit is None or any(f is not None for f in (filters.estate, filters.building, filters.tag)):
        return "join", None
    if filters.micro_grid_id is not None:
        return "scan", None  # a micro-grid's few hundred rows are walked in a blink
    cap = math.isqrt(_SCAN_FACTOR * max(limit, 1) * _docs(conn))
    # The hits as one text ("12,57,803"): as cheap as counting them, no row per hit.
    found = conn.execute(
        "SELECT group_concat(rowid) FROM (SELECT rowid FROM search_fts WHERE search_fts "
        "MATCH ? LIMIT ?)",
        (fts, cap + 1),
    ).fetchone()[0]
    hits = 0 if not found else found.count(",") + 1
    return ("scan", None) if hits > cap else ("join", found or "")


def search_residents(
    conn: sqlite3.Connection,
    query: str | None,
    *,
    limit: int | None = 200,
    micro_grid_id: str | None = None,
    statuses: Sequence[str] | None = None,
    estate: str | None = None,
    building: str | None = None,
    tag: str | None = None,
) -> list[str]:
    """Ids of the residents matching ``query``, best first.

    Exact matches of a whole name, full pinyin or initials ("赵红", "zhaohong", "zh")
    come first, then the rest in address order (小区, 楼栋, 单元, 房号, name). An empty
    query lists everyone (with the filters) in address order. ``statuses`` None means
    every status; ``limit`` None means no limit.
    """
    filters = Filters(micro_grid_id, statuses, estate, building, tag)
    q = parse_query(query)
    if q is None:
        return _select(conn, None, filters, limit)
    plan, hits = _plan(conn, q.fts, filters, limit)
    if plan == "join":
        return _select(conn, q.fts, filters, limit, exact=q.exact, rids=hits)
    # Many hits: the exact ones (few) by the join plan, then the rest in address order.
    first = _select(conn, q.exact_hits, filters, limit) if q.exact_hits else []
    if limit is not None and len(first) >= limit:
        return first[:limit]
    rest = _select(conn, q.fts, filters, None if limit is None else limit + len(first), plan=plan)
    seen = set(first)
    out = first + [i for i in rest if i not in seen]
    return out if limit is None else out[:limit]


def count_matches(
    conn: sqlite3.Connection,
    query: str | None,
    *,
    micro_grid_id: str | None = None,
    statuses: Sequence[str] | None = None,
    estate: str | None = None,
    building: str | None = None,
    tag: str | None = None,
) -> int:
    """How many residents match (for "共 N 条，显示前 200 条"); same arguments as search."""
    filters = Filters(micro_grid_id, statuses, estate, building, tag)
    q = parse_query(query)
    clauses, params = _filter_sql(filters)
    if q is not None and not clauses:
        return _matches(conn, q.fts)
    if q is not None:
        clauses.insert(0, "d.rid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.insert(0, q.fts)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(conn.execute(f"SELECT count(*) FROM search_doc d{where}", params).fetchone()[0])


def search_rows(
    conn: sqlite3.Connection,
    query: str | None,
    *,
    limit: int | None = 200,
    micro_grid_id: str | None = None,
    statuses: Sequence[str] | None = None,
    estate: str | None = None,
    building: str | None = None,
    tag: str | None = None,
) -> list[dict[str, Any]]:
    """The matching residents as full records, in result order.

    Each has every resident field (tags as a list), its ``id``, and the household's
    address parts, ``micro_grid_id``, the micro-grid's name as ``micro_grid`` (the office
    holds several, and the same address can exist in two) and the address written
    together as ``address``.
    """
    ids = search_residents(
        conn,
        query,
        limit=limit,
        micro_grid_id=micro_grid_id,
        statuses=statuses,
        estate=estate,
        building=building,
        tag=tag,
    )
    return residents_by_id(conn, ids)


def residents_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Full records (with household address and micro-grid) of the given residents, in
    the given order."""
    found: dict[str, dict[str, Any]] = {}
    cols = ", ".join(f"r.{f}" for f in RESIDENT.field_names)
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            f"SELECT r.id, {cols}, h.micro_grid_id, h.estate, h.building, h.unit, h.room, "
            f"m.name FROM resident r LEFT JOIN household h ON h.id = r.household_id "
            f"LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
            f"WHERE r.id IN ({marks})",
            chunk,
        ):
            rec: dict[str, Any] = {"id": r[0]}
            for k, f in enumerate(RESIDENT.field_names, start=1):
                rec[f] = from_db(RESIDENT, f, r[k])
            n = len(RESIDENT.field_names) + 1
            rec["micro_grid_id"] = r[n]
            parts = [r[n + j] for j in range(1, 5)]
            rec.update(zip(("estate", "building", "unit", "room"), parts, strict=True))
            rec["address"] = "".join(p for p in parts if p)
            rec["micro_grid"] = r[n + 5]
            found[rec["id"]] = rec
    return [found[i] for i in ids if i in found]
