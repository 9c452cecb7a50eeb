"""Read queries for the desktop screens: the resident list, counts, filter choices.

The roster list is built for 100,000 residents: the screen first asks for the ordered
list of ids (one cheap query), then fetches rows page by page as they scroll into view,
so no more than a few hundred rows are ever turned into Python objects at once.
Pure SQLite; no Qt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from gridworker.core.ordering import name_order_key, natural_key
from gridworker.core.people import STATUSES
from gridworker.store.entities import HOUSEHOLD, MERGE_FIELDS, RESIDENT
from gridworker.store.history import HistoryEntry, history
from gridworker.store.ops import Value
from gridworker.store.roster import household_head
from gridworker.store.search import count_matches, search_residents
from gridworker.store.store import Store

__all__ = [
    # the screens' named reads (take the Store)
    "ROSTER_SEARCH_LIMIT",
    "SORT_KEYS",
    "Counts",
    "FilterChoices",
    "HouseholdForm",
    "HouseholdRow",
    "HouseholdView",
    "ResidentFilter",
    "ResidentRow",
    "RosterListing",
    "StatusFigures",
    "building_choices",
    "buildings",
    "community_micro_grids",
    "counts",
    "data_version",
    "estate_choices",
    "estates",
    "filter_choices",
    "household",
    "household_form",
    "household_member_ids",
    "household_of",
    "household_view",
    "last_sync",
    "micro_grids",
    "resident_ids",
    "resident_names",
    "resident_rows",
    "roster_list",
    "roster_listing",
    "roster_rows",
    "simple_search",
    "status_figures",
]


@dataclass(frozen=True)
class ResidentFilter:
    """What the roster list is narrowed to; ``None`` means "any"."""

    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None
    statuses: tuple[str, ...] | None = ("在住",)
    tag: str | None = None


@dataclass(frozen=True)
class ResidentRow:
    """One line of the roster list (full ID and phone: the screen masks them)."""

    id: str
    household_id: str | None
    name: str
    sex: str
    birth_date: str
    id_number: str
    phone: str
    estate: str
    building: str
    unit: str
    room: str
    relation: str
    population_type: str
    status: str
    status_date: str
    tags: tuple[str, ...]
    micro_grid_name: str = ""

    @property
    def address(self) -> str:
        """As written on rosters: "锦华苑3栋2单元301"."""
        return f"{self.estate}{self.building}{self.unit}{self.room}"

    def age_on(self, today: date) -> int | None:
        """Whole years on ``today``, or None without a usable birth date."""
        try:
            born = date.fromisoformat(self.birth_date)
        except ValueError:
            return None
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class HouseholdRow:
    """A household's address and facts, for the household page."""

    id: str
    micro_grid_id: str | None
    micro_grid_name: str
    estate: str
    building: str
    unit: str
    room: str
    head_name: str
    house_use: str
    residency: str
    phone: str
    notes: str

    @property
    def address(self) -> str:
        return f"{self.estate}{self.building}{self.unit}{self.room}"


@dataclass(frozen=True)
class Counts:
    """Figures for the status bar."""

    households: int
    residents: int  # living here (在住)
    moved_out: int
    deceased: int


# Sort keys the list offers; addresses sort numerically by building, unit and room
# ("2栋" before "10栋"), names by their text; blanks always come last.
_ADDRESS_ORDER = (
    "h.estate {d}, CAST(h.building AS INTEGER) {d}, h.building {d}, "
    "CAST(h.unit AS INTEGER) {d}, h.unit {d}, CAST(h.room AS INTEGER) {d}, h.room {d}"
)
SORT_KEYS: dict[str, str] = {
    "name": "r.name IS NULL, r.name {d}",
    "sex": "r.sex IS NULL, r.sex {d}",
    "age": "r.birth_date IS NULL, r.birth_date {r}",  # ascending age: latest birth first
    "id_number": "r.id_number IS NULL, r.id_number {d}",
    "phone": "r.phone IS NULL, r.phone {d}",
    "address": _ADDRESS_ORDER,
    "relation": "r.relation IS NULL, r.relation {d}",
    "population_type": "r.population_type IS NULL, r.population_type {d}",
    "status": "r.status IS NULL, r.status {d}",
    "tags": "r.tags IS NULL, r.tags {d}",
}


def _where(f: ResidentFilter, only: Sequence[str] | None) -> tuple[str, list[object]]:
    clauses: list[str] = [RESIDENT.live_sql("r")]  # not merged into another (a duplicate)
    params: list[object] = []
    if only is not None:
        clauses.append("r.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(only)))
    if f.micro_grid_id:
        clauses.append("h.micro_grid_id = ?")
        params.append(f.micro_grid_id)
    if f.estate:
        clauses.append("h.estate = ?")
        params.append(f.estate)
    if f.building:
        clauses.append("h.building = ?")
        params.append(f.building)
    if f.statuses:
        clauses.append(f"r.status IN ({','.join('?' * len(f.statuses))})")
        params.extend(f.statuses)
    if f.tag:
        clauses.append("EXISTS (SELECT 1 FROM json_each(r.tags) WHERE value = ?)")
        params.append(f.tag)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def resident_ids(
    conn: sqlite3.Connection,
    f: ResidentFilter = ResidentFilter(),
    *,
    sort: str = "address",
    descending: bool = False,
    only: Sequence[str] | None = None,
) -> list[str]:
    """Ids of the residents matching ``f`` (and within ``only`` if given), in list order.

    Ties are broken by address and then id so the order is stable across reloads.
    """
    if sort not in SORT_KEYS and sort != "micro_grid":
        raise ValueError(f"unknown sort key {sort!r}")
    d, r = ("DESC", "ASC") if descending else ("ASC", "DESC")
    where, params = _where(f, only)
    if sort == "micro_grid":
        # Reading order (第二 before 第十): rank the few micro-grids here, sort by rank.
        ranks = [mg for mg, _name in micro_grids(conn)]
        whens = " ".join(f"WHEN ? THEN {i}" for i in range(len(ranks)))
        order = f"CASE h.micro_grid_id {whens} ELSE {len(ranks)} END {d}" if ranks else "1"
        params = [*params, *ranks]  # the ORDER BY comes after the WHERE
    else:
        order = SORT_KEYS[sort].format(d=d, r=r)
    if sort != "address":
        order += ", " + _ADDRESS_ORDER.format(d="ASC")
    if sort == "name":
        # By pinyin, as rosters are ordered; SQLite only knows code points. Sorted here,
        # on the database thread, stably over the address order (ties keep it).
        rows = conn.execute(
            "SELECT r.id, r.name FROM resident r LEFT JOIN household h ON h.id = r.household_id"
            f"{where} ORDER BY {_ADDRESS_ORDER.format(d='ASC')}, r.id",
            params,
        ).fetchall()
        named = [(row[0], row[1].strip()) for row in rows if row[1] and row[1].strip()]
        named.sort(key=lambda x: name_order_key(x[1]), reverse=descending)
        return [i for i, _ in named] + [row[0] for row in rows if not (row[1] or "").strip()]
    sql = (
        "SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household_id"
        f"{where} ORDER BY {order}, r.id"
    )
    return [row[0] for row in conn.execute(sql, params)]


_ROW_SQL = """
SELECT r.id, r.household_id, r.name, r.sex, r.birth_date, r.id_number, r.phone,
       h.estate, h.building, h.unit, h.room, r.relation, r.population_type, r.status,
       r.status_date, r.tags, m.name
FROM resident r LEFT JOIN household h ON h.id = r.household_id
LEFT JOIN micro_grid m ON m.id = h.micro_grid_id
WHERE r.id IN (SELECT value FROM json_each(?))
"""


def resident_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, ResidentRow]:
    """The list rows of these residents, keyed by id (missing ids are simply absent)."""
    out: dict[str, ResidentRow] = {}
    for r in conn.execute(_ROW_SQL, (json.dumps(list(ids)),)):
        tags = tuple(json.loads(r[15])) if r[15] else ()
        name, sex, birth, idn, phone, estate, building, unit, room, rel, pop, st, sd = (
            v or "" for v in r[2:15]
        )
        out[r[0]] = ResidentRow(
            r[0],
            r[1],
            name,
            sex,
            birth,
            idn,
            phone,
            estate,
            building,
            unit,
            room,
            rel,
            pop,
            st,
            sd,
            tags,
            r[16] or "",
        )
    return out


def household(conn: sqlite3.Connection, household_id: str) -> HouseholdRow | None:
    """One household with its micro-grid's name, or None."""
    r = conn.execute(
        "SELECT h.*, m.name AS mg_name FROM household h "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id WHERE h.id = ?",
        (household_id,),
    ).fetchone()
    if r is None:
        return None
    return HouseholdRow(
        id=r["id"],
        micro_grid_id=r["micro_grid_id"],
        micro_grid_name=r["mg_name"] or "",
        **{k: r[k] or "" for k in HOUSEHOLD_TEXT_FIELDS},
    )


# The household's own fields a HouseholdRow carries as text: every field of the spec but
# its parent link (a test holds HouseholdRow to the spec).
HOUSEHOLD_TEXT_FIELDS: tuple[str, ...] = tuple(
    f
    for f in HOUSEHOLD.field_names
    if (HOUSEHOLD.parent is None or f != HOUSEHOLD.parent[0]) and f not in MERGE_FIELDS
)


_RELATION_ORDER = "CASE r.relation WHEN '本人' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END"


def household_member_ids(conn: sqlite3.Connection, household_id: str) -> list[str]:
    """Everyone ever recorded in the household (but duplicates merged away): head first,
    then by birth date."""
    return [
        row[0]
        for row in conn.execute(
            f"SELECT r.id FROM resident r WHERE r.household_id = ? AND {RESIDENT.live_sql('r')} "
            f"ORDER BY {_RELATION_ORDER}, r.birth_date, r.id",
            (household_id,),
        )
    ]


def counts(conn: sqlite3.Connection, micro_grid_id: str | None = None) -> Counts:
    """Households and residents by status, for the whole database or one micro-grid."""
    live_h, live_r = HOUSEHOLD.live_sql(), RESIDENT.live_sql("r")  # duplicates merged away
    if micro_grid_id:
        hh = conn.execute(
            f"SELECT count(*) FROM household WHERE micro_grid_id = ? AND {live_h}",
            (micro_grid_id,),
        ).fetchone()[0]
        rows = conn.execute(
            "SELECT r.status, count(*) FROM resident r JOIN household h ON h.id = r.household_id "
            f"WHERE h.micro_grid_id = ? AND {live_r} GROUP BY r.status",
            (micro_grid_id,),
        ).fetchall()
    else:
        hh = conn.execute(f"SELECT count(*) FROM household WHERE {live_h}").fetchone()[0]
        rows = conn.execute(
            f"SELECT status, count(*) FROM resident r WHERE {live_r} GROUP BY status"
        ).fetchall()
    by = {r[0]: int(r[1]) for r in rows}
    return Counts(
        int(hh), by.get("在住", 0) + by.get(None, 0), by.get("迁出", 0), by.get("死亡", 0)
    )


def micro_grids(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of every micro-grid, in reading order (第二 before 第十)."""
    rows = [(r[0], r[1] or "") for r in conn.execute("SELECT id, name FROM micro_grid ORDER BY id")]
    return sorted(rows, key=lambda r: natural_key(r[1]))


def estates(conn: sqlite3.Connection, micro_grid_id: str | None = None) -> list[str]:
    """The distinct 小区 names, for the filter list."""
    if micro_grid_id:
        rows = conn.execute(
            "SELECT DISTINCT estate FROM household WHERE micro_grid_id = ? AND estate IS NOT NULL "
            "ORDER BY estate",
            (micro_grid_id,),
        )
    else:
        rows = conn.execute(
            "SELECT DISTINCT estate FROM household WHERE estate IS NOT NULL ORDER BY estate"
        )
    return [r[0] for r in rows]


def buildings(conn: sqlite3.Connection, estate: str) -> list[str]:
    """The distinct 楼栋 of one 小区, in numeric order ("2栋" before "10栋")."""
    rows = conn.execute(
        "SELECT DISTINCT building FROM household WHERE estate = ? AND building IS NOT NULL "
        "ORDER BY CAST(building AS INTEGER), building",
        (estate,),
    )
    return [r[0] for r in rows]


def last_sync(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """When the last bundle was sent and received (UTC ISO text), or None if never.

    Read from the sync work's ``bundle_log``; a database without it has never synced.
    """
    has_log = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bundle_log'"
    ).fetchone()
    if has_log is None:
        return None, None
    out: list[str | None] = []
    for direction in ("sent", "received"):
        r = conn.execute(
            "SELECT max(at) FROM bundle_log WHERE direction = ?", (direction,)
        ).fetchone()
        out.append(None if r is None or r[0] is None else str(r[0]))
    return out[0], out[1]


def simple_search(
    conn: sqlite3.Connection, query: str, f: ResidentFilter = ResidentFilter(), limit: int = 5000
) -> list[str]:
    """A plain substring search over name, address, ID and phone.

    Used only when the full roster search (pinyin initials, ranked) is unavailable;
    ids come back in address order.
    """
    q = query.strip()
    if not q:
        return resident_ids(conn, f)[:limit]
    like = f"%{q}%"
    where, params = _where(f, None)
    where = (where + " AND " if where else " WHERE ") + (
        "(r.name LIKE ? OR r.id_number LIKE ? OR r.phone LIKE ? OR "
        "(coalesce(h.estate,'') || coalesce(h.building,'') || coalesce(h.unit,'') || "
        "coalesce(h.room,'')) LIKE ?)"
    )
    params += [like, like, like, like]
    sql = (
        "SELECT r.id FROM resident r LEFT JOIN household h ON h.id = r.household_id"
        f"{where} ORDER BY {_ADDRESS_ORDER.format(d='ASC')}, r.id LIMIT ?"
    )
    return [row[0] for row in conn.execute(sql, [*params, limit])]


# ------------------------------------------------------------ the screens' named reads
# The desktop's database jobs are handed the Store the database thread owns and call
# these: the screens hold no SQL and never see the connection.


@dataclass(frozen=True)
class StatusFigures:
    """The status bar: counts and when bundles last went out and came in (UTC text)."""

    counts: Counts
    last_exported: str | None
    last_imported: str | None


def status_figures(store: Store, micro_grid_id: str | None = None) -> StatusFigures:
    """Counts for the whole database or one micro-grid, and the last sync times."""
    exported, imported = last_sync(store.conn)
    return StatusFigures(counts(store.conn, micro_grid_id), exported, imported)


ROSTER_SEARCH_LIMIT = 5000
"""The most residents a search lists (the person types more to narrow it)."""


def roster_list(
    store: Store,
    text: str,
    f: ResidentFilter,
    *,
    sort: str = "",
    descending: bool = False,
) -> list[str]:
    """The roster list: ids matching the search ``text`` within the filter, best match
    first unless a column ``sort`` is chosen; without text, everyone in the filter in
    that order (address order by default)."""
    if text:
        found = search_residents(
            store.conn,
            text,
            limit=ROSTER_SEARCH_LIMIT,
            micro_grid_id=f.micro_grid_id,
            statuses=list(f.statuses) if f.statuses else None,
            estate=f.estate,
            building=f.building,
            tag=f.tag,
        )
        if not sort:
            return found
        return resident_ids(store.conn, f, sort=sort, descending=descending, only=found)
    return resident_ids(store.conn, f, sort=sort or "address", descending=descending)


@dataclass(frozen=True)
class RosterListing:
    """The roster list and what a newcomer needs to read it: the residents a search found
    that the status filter hides (status -> count), and whether nobody is registered yet
    in the filter's micro-grid (the list then says what to do first)."""

    ids: list[str]
    hidden: dict[str, int]
    nobody_yet: bool


def roster_listing(
    store: Store,
    text: str,
    f: ResidentFilter,
    *,
    sort: str = "",
    descending: bool = False,
) -> RosterListing:
    """:func:`roster_list`, with the matches of the search under the statuses the filter
    leaves out counted, and whether the micro-grid (or the file) has no household yet."""
    ids = roster_list(store, text, f, sort=sort, descending=descending)
    hidden: dict[str, int] = {}
    if text and f.statuses is not None:
        for status in STATUSES:
            if status in f.statuses:
                continue
            n = count_matches(
                store.conn,
                text,
                micro_grid_id=f.micro_grid_id,
                statuses=[status],
                estate=f.estate,
                building=f.building,
                tag=f.tag,
            )
            if n:
                hidden[status] = n
    nobody = False
    if not ids:
        if f.micro_grid_id is not None:
            sql, params = (
                "SELECT 1 FROM household WHERE micro_grid_id = ? LIMIT 1",
                [f.micro_grid_id],
            )
        else:
            sql, params = "SELECT 1 FROM household LIMIT 1", []
        nobody = store.conn.execute(sql, params).fetchone() is None
    return RosterListing(ids, hidden, nobody)


def roster_rows(store: Store, ids: Sequence[str]) -> dict[str, ResidentRow]:
    """A page of the roster list (see :func:`resident_rows`)."""
    return resident_rows(store.conn, ids)


@dataclass(frozen=True)
class FilterChoices:
    """What the roster's filter lists offer."""

    micro_grids: list[tuple[str, str]]  # (id, name)
    estates: list[str]


def filter_choices(store: Store, micro_grid_id: str | None = None) -> FilterChoices:
    """Every micro-grid, and the 小区 of one micro-grid (all if None)."""
    return FilterChoices(micro_grids(store.conn), estates(store.conn, micro_grid_id))


def estate_choices(store: Store, micro_grid_id: str | None = None) -> list[str]:
    """The 小区 of one micro-grid (all if None), for the filter and the household form."""
    return estates(store.conn, micro_grid_id)


def building_choices(store: Store, estate: str) -> list[str]:
    """The 楼栋 of one 小区, in numeric order."""
    return buildings(store.conn, estate)


def household_of(store: Store, resident_id: str) -> str | None:
    """The id of the household a resident belongs to (None if unknown)."""
    r = store.conn.execute(
        "SELECT household_id FROM resident WHERE id = ?", (resident_id,)
    ).fetchone()
    return None if r is None or r[0] is None else str(r[0])


@dataclass(frozen=True)
class HouseholdView:
    """Everything the household page shows, read in one database job."""

    household: HouseholdRow
    member_ids: list[str]
    history: list[HistoryEntry]


def household_view(
    store: Store, household_id: str, history_limit: int = 500
) -> HouseholdView | None:
    """A household, its members (head first) and the history of all of them."""
    row = household(store.conn, household_id)
    if row is None:
        return None
    members = household_member_ids(store.conn, household_id)
    entries = history(store.conn, [household_id, *members], limit=history_limit)
    # The members' lines say whose record changed ("修改居民 张静华：…").
    names = resident_names(store.conn, members)
    entries = [
        replace(e, title=names.get(e.entity_id, "")) if e.entity == "resident" else e
        for e in entries
    ]
    return HouseholdView(row, members, entries)


def resident_names(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """Residents' names by id."""
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        part = list(ids[i : i + 500])
        marks = ",".join("?" * len(part))
        for rid, name in conn.execute(f"SELECT id, name FROM resident WHERE id IN ({marks})", part):
            out[str(rid)] = str(name or "")
    return out


@dataclass(frozen=True)
class HouseholdForm:
    """What the household form needs: choices, the household's stored values (None for a
    new one) and the name of its head when a member living there is the head."""

    estates: list[str]
    micro_grids: list[tuple[str, str]]
    current: dict[str, Value] | None
    head: str | None


def household_form(
    store: Store, household_id: str | None, micro_grid_id: str | None = None
) -> HouseholdForm:
    """The household form's data: 小区 choices within ``micro_grid_id`` (all if None)."""
    current = head = None
    if household_id is not None:
        current = store.get("household", household_id)
        member = household_head(store, household_id)
        head = member.name if member is not None else None
    return HouseholdForm(estates(store.conn, micro_grid_id), micro_grids(store.conn), current, head)


def community_micro_grids(store: Store) -> list[tuple[str, str]]:
    """(id, name) of this installation's community's micro-grids, by name."""
    return [
        (str(r[0]), str(r[1] or r[0]))
        for r in store.conn.execute(
            "SELECT id, name FROM micro_grid WHERE community = ? OR community IS NULL "
            "ORDER BY name",
            (store.identity.community,),
        )
    ]


def household_exists(store: Store, household_id: str) -> bool:
    return household(store.conn, household_id) is not None


def data_version(store: Store) -> int:
    """SQLite's count of commits made by other connections to the file (another program,
    such as a CLI command, writing while the app is open); the app's own do not count."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])
