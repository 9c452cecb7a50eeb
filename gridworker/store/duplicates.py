"""The same person or household entered twice (on two devices): found, listed, merged.

Two laptops (or a laptop and the office) that each imported the same spreadsheet hold two
records of each person under different ids; sync keeps both, as it must. They are found
by the rules of :mod:`gridworker.core.duplicates` — the same ID number in the community,
the same name and birth date in one household, the same address in one micro-grid — and
listed for a person as 疑似重复 beside the conflicts, never merged silently.

A merge (:func:`merge`) is ordinary edits through the one write path, so it syncs and
converges like any edit:

- the kept record takes the other's values where it has none (set fields: the union);
- every ``ref`` and set-of-refs field of every kind in the registry that names the other
  record is pointed at the kept one (residents of a household, later visits, care
  flags…: generic over ``Field.ref``);
- the other record gets ``merged_into`` = the kept one and ``merged_seen`` = its field
  clocks as the merge saw them. Screens leave it out (``EntitySpec.live_sql``); it stays
  in the change log and its history.

What a merge did not see is listed again (:func:`unfinished`), not lost: an edit of the
merged record made on a device that had not received the merge (its field clocks differ
from ``merged_seen``), a record made there that still points at it, or two devices that
merged the pair each its own way round. Merging the pair again carries those over: the
edited fields override the kept record's, the pointers move.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gridworker.core.duplicates import (
    AddressKey,
    PersonKey,
    find_address_groups,
    find_duplicate_groups,
)
from gridworker.core.idcard import normalize_id
from gridworker.core.messages import msg
from gridworker.store.care_merge import fold_changes, unfolded
from gridworker.store.entities import ENTITIES, MERGE_FIELDS, EntitySpec, record_term, spec
from gridworker.store.errors import ValidationError
from gridworker.store.ops import Op, Value, clock_dumps, clock_loads
from gridworker.store.store import Change, Store
from gridworker.store.titles import record_title

REASON_BOTH_WAYS = msg("两台电脑把这两条记录互相合并了")
REASON_EDITED_AFTER = msg("合并后被合并的记录又有修改")
REASON_STILL_POINTED_AT = msg("合并后还有记录指向被合并的记录")
REASON_FLAG_NOT_FOLDED = msg("被合并的居民的关爱标记还没有并入保留的记录")

_IN = 500


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that look like one, or a merge that is not finished.

    ``keep`` is the record a merge would keep (the older one, or the one already kept),
    ``other`` the one merged into it. ``merged``: the pair was merged already and what
    the merge did not see waits (``reason`` says what)."""

    entity: str
    keep: str
    other: str
    reason: str
    keep_title: str
    other_title: str
    merged: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        a, b = sorted((self.keep, self.other))
        return (self.entity, a, b)

    def to_json(self) -> dict[str, object]:
        return {
            "entity": self.entity,
            "keep": self.keep,
            "other": self.other,
            "reason": self.reason,
            "keep_title": self.keep_title,
            "other_title": self.other_title,
            "merged": self.merged,
        }


def _date(text: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _IN):
        yield items[i : i + _IN]


def _people(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[PersonKey]:
    return [
        PersonKey(r[0], r[1] or "", r[2] or "", r[3], _date(r[4]))
        for r in conn.execute(
            "SELECT id, household_id, name, id_number, birth_date FROM resident"
            f" WHERE merged_into IS NULL AND ({where}) ORDER BY id",
            params,
        )
    ]


def _households(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[AddressKey]:
    return [
        AddressKey(r[0], r[1], r[2], r[3], r[4], r[5])
        for r in conn.execute(
            "SELECT id, micro_grid_id, estate, building, unit, room FROM household"
            f" WHERE merged_into IS NULL AND ({where}) ORDER BY id",
            params,
        )
    ]


def _pairs(
    conn: sqlite3.Connection, people: list[PersonKey], households: list[AddressKey]
) -> list[DuplicatePair]:
    out: dict[tuple[str, str, str], DuplicatePair] = {}

    def add(entity: str, ids: list[str], reason: str) -> None:
        keep, *others = sorted(ids)  # ids are UUIDv7: the first made is kept
        for other in others:
            pair = DuplicatePair(
                entity,
                keep,
                other,
                reason,
                record_title(conn, entity, keep),
                record_title(conn, entity, other),
            )
            out.setdefault(pair.key, pair)

    for g in find_duplicate_groups(people):
        add("resident", [p.resident_id for p in g.members], g.reason)
    for h in find_address_groups(households):
        add("household", [x.household_id for x in h.members], h.reason)
    return list(out.values())


def find_duplicates(conn: sqlite3.Connection) -> list[DuplicatePair]:
    """Every pair of live records that look like one (merged records left out).

    SQL narrows the candidates (an ID number, a name and birth date in a household, a room
    in a micro-grid, held twice); the rules of core.duplicates decide."""
    people = _people(
        conn,
        "(id_number IS NOT NULL AND upper(replace(id_number, ' ', '')) IN ("
        " SELECT upper(replace(id_number, ' ', '')) FROM resident"
        " WHERE merged_into IS NULL AND id_number IS NOT NULL AND id_number != ''"
        " GROUP BY 1 HAVING count(*) > 1))"
        " OR ((household_id, name, birth_date) IN ("
        " SELECT household_id, name, birth_date FROM resident WHERE merged_into IS NULL"
        " AND name IS NOT NULL AND birth_date IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1))",
        (),
    )
    households = _households(
        conn,
        "room IS NOT NULL AND (micro_grid_id, lower(replace(room, ' ', ''))) IN ("
        " SELECT micro_grid_id, lower(replace(room, ' ', '')) FROM household"
        " WHERE merged_into IS NULL AND room IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1)",
        (),
    )
    return _pairs(conn, people, households)


IDENTITY_FIELDS = {
    "resident": frozenset({"id_number", "name", "birth_date", "household_id", "merged_into"}),
    "household": frozenset({"micro_grid_id", "estate", "building", "unit", "room", "merged_into"}),
}
"""The fields the duplicate rules read: only operations that carry one can make or end a
pair (a new record carries them; an edit of a phone number cannot)."""


def identity_touched(ops: Iterable[Op]) -> dict[str, set[str]]:
    """The records whose duplicate pairs these operations may change (entity → ids)."""
    out: dict[str, set[str]] = {}
    for op in ops:
        fields = IDENTITY_FIELDS.get(op.entity)
        if fields is not None and not fields.isdisjoint(op.fields):
            out.setdefault(op.entity, set()).add(op.entity_id)
    return out


def pairs_touching(
    conn: sqlite3.Connection, touched: Mapping[str, Iterable[str]]
) -> set[tuple[str, str, str]]:
    """The keys of the duplicate pairs that involve these records (entity → ids): what an
    import counts, before and after each file, without scanning the whole roster."""
    keys: set[tuple[str, str, str]] = set()
    residents = sorted(set(touched.get("resident", ())))
    if residents:
        ids: set[str] = set()
        homes: set[str] = set()
        for part in _chunks(residents):
            marks = ",".join("?" * len(part))
            for r in conn.execute(
                f"SELECT id_number, household_id FROM resident WHERE id IN ({marks})", part
            ):
                if r[0]:
                    ids.update({r[0], normalize_id(r[0])})
                if r[1]:
                    homes.add(r[1])
        people: dict[str, PersonKey] = {}
        for column, values in (("id_number", sorted(ids)), ("household_id", sorted(homes))):
            for part in _chunks(values):
                marks = ",".join("?" * len(part))
                for p in _people(conn, f"{column} IN ({marks})", part):
                    people[p.resident_id] = p
        wanted = set(residents)
        keys.update(
            p.key
            for p in _pairs(conn, sorted(people.values(), key=lambda p: p.resident_id), [])
            if p.keep in wanted or p.other in wanted
        )
    households = sorted(set(touched.get("household", ())))
    if households:
        grids: set[str] = set()
        for part in _chunks(households):
            marks = ",".join("?" * len(part))
            grids.update(
                r[0]
                for r in conn.execute(
                    f"SELECT micro_grid_id FROM household WHERE id IN ({marks})", part
                )
                if r[0]
            )
        found: list[AddressKey] = []
        for part in _chunks(sorted(grids)):
            marks = ",".join("?" * len(part))
            found += _households(conn, f"micro_grid_id IN ({marks})", part)
        wanted = set(households)
        keys.update(p.key for p in _pairs(conn, [], found) if p.keep in wanted or p.other in wanted)
    return keys


# -- merged records --------------------------------------------------------------------------


def _facts_clock(clock: Mapping[str, str]) -> dict[str, str]:
    """A record's field clocks but those of the merge bookkeeping."""
    return {f: h for f, h in clock.items() if f not in MERGE_FIELDS}


def _pointers(entity: str) -> list[tuple[EntitySpec, str, bool]]:
    """Every (kind, field, is a set) in the registry that names records of ``entity``."""
    return [
        (s, f.name, f.kind == "set") for s in ENTITIES.values() for f in s.fields if f.ref == entity
    ]


def _pointing_at(
    conn: sqlite3.Connection, entity: str, target: str
) -> list[tuple[EntitySpec, str, str, Value]]:
    """(kind, record id, field, its value) of every record that names ``target``."""
    out: list[tuple[EntitySpec, str, str, Value]] = []
    for s, f, is_set in _pointers(entity):
        if is_set:
            sql = (
                f"SELECT id, {f} FROM {s.table} WHERE {f} IS NOT NULL AND EXISTS"
                f" (SELECT 1 FROM json_each({s.table}.{f}) WHERE value = ?)"
            )
        else:
            sql = f"SELECT id, {f} FROM {s.table} WHERE {f} = ?"
        for r in conn.execute(sql, (target,)):
            if s.name == entity and r[0] == target:
                continue
            out.append((s, r[0], f, json.loads(r[1]) if is_set else r[1]))
    return out


def unfinished(conn: sqlite3.Connection) -> list[DuplicatePair]:
    """Merges that wait for a person: what they did not see (see the module's docstring)."""
    out: dict[tuple[str, str, str], DuplicatePair] = {}
    for s in ENTITIES.values():
        if not s.mergeable:
            continue
        rows = conn.execute(
            f"SELECT id, merged_into, merged_seen, _clock FROM {s.table}"
            " WHERE merged_into IS NOT NULL ORDER BY id"
        ).fetchall()
        into = {r[0]: r[1] for r in rows}
        for rid, target, seen, clock_text in rows:
            if into.get(target) == rid:  # merged each way round on two devices
                keep, other, reason = min(rid, target), max(rid, target), REASON_BOTH_WAYS
            else:
                keep, other = target, rid
                if _facts_clock(clock_loads(clock_text)) != clock_loads(seen or "{}"):
                    reason = REASON_EDITED_AFTER
                elif _pointing_at(conn, s.name, rid):
                    reason = REASON_STILL_POINTED_AT
                elif s.name == "resident" and unfolded(conn, rid):
                    reason = REASON_FLAG_NOT_FOLDED
                else:
                    continue
            pair = DuplicatePair(
                s.name,
                keep,
                other,
                reason,
                record_title(conn, s.name, keep),
                record_title(conn, s.name, other),
                merged=True,
            )
            out.setdefault(pair.key, pair)
    return list(out.values())


def listing(conn: sqlite3.Connection) -> list[DuplicatePair]:
    """What the 疑似重复 list shows: unfinished merges first, then pairs to look at."""
    return unfinished(conn) + find_duplicates(conn)


def duplicate_list(store: Store) -> list[DuplicatePair]:
    """:func:`listing` for a screen (which holds a Store, never a connection)."""
    return listing(store.conn)


def _empty(v: Value) -> bool:
    return v is None or v == "" or v == []


def merge(store: Store, entity: str, keep: str, other: str) -> list[Op]:
    """Merge record ``other`` into ``keep`` (see the module's docstring); returns the ops.

    Merging a pair again finishes what the first merge did not see; a pair with nothing
    left to do writes nothing."""
    s = spec(entity)
    if not s.mergeable:
        raise ValidationError(msg("{record}不能合并。", record=record_term(s.name)))
    if keep == other:
        raise ValidationError(msg("要保留的和要合并的是同一条记录。"))
    k = store.get(entity, keep)
    o = store.get(entity, other)
    for rid, found in ((keep, k), (other, o)):
        if found is None:
            raise ValidationError(
                msg("没有编号为 {id} 的{record}。", id=rid, record=record_term(s.name))
            )
    assert k is not None and o is not None
    if k["merged_into"] not in (None, other):
        raise ValidationError(
            msg(
                "要保留的{record}已经合并到另一条记录（编号 {id}）了，请保留那一条。",
                record=record_term(s.name),
                id=k["merged_into"],
            )
        )
    clock_row = store.conn.execute(
        f"SELECT _clock FROM {s.table} WHERE id = ?", (other,)
    ).fetchone()
    clocks = _facts_clock(clock_loads(clock_row[0]))
    seen = clock_loads(str(o["merged_seen"])) if o["merged_into"] and o["merged_seen"] else None
    placed = {s.parent[0]} if s.parent else set()
    if s.scope_field:
        placed.add(s.scope_field)
    kept: dict[str, Value] = {}
    for f in s.field_names:
        if f in MERGE_FIELDS or f in placed:
            continue
        theirs = o[f]
        if _empty(theirs):
            continue
        if f in s.set_fields:
            held = k[f]
            mine: list[str] = held if isinstance(held, list) else []
            union = list(dict.fromkeys([*mine, *(theirs if isinstance(theirs, list) else [])]))
            if set(union) != set(mine):
                kept[f] = union
        elif seen is None:
            if _empty(k[f]):
                kept[f] = theirs  # the first merge: fill what the kept record lacks
        elif clocks.get(f) != seen.get(f) and theirs != k[f]:
            kept[f] = theirs  # edited after the merge, on a device that had not seen it
    if k["merged_into"] == other:  # merged the other way round elsewhere: undone here
        kept["merged_into"] = None
        kept["merged_seen"] = None
    changes = []
    if kept:
        changes.append(Change(entity, kept, entity_id=keep))
    changes.append(
        Change(
            entity,
            {"merged_into": keep, "merged_seen": clock_dumps(clocks)},
            entity_id=other,
        )
    )
    for t, rid, f, value in _pointing_at(store.conn, entity, other):
        if t.name == entity and rid == keep:
            continue
        if isinstance(value, list):
            moved = list(dict.fromkeys(keep if x == other else x for x in value))
            changes.append(Change(t.name, {f: moved}, entity_id=rid))
        else:
            changes.append(Change(t.name, {f: keep}, entity_id=rid))
    if entity == "resident":  # their care flags become one (store/care_merge.py)
        changes += fold_changes(store, keep, other)
    with store.transaction():
        ops = store.write(_coalesced(changes))
        store.changes.conflicts = True  # the list beside the conflicts changed
    return ops


def _coalesced(changes: list[Change]) -> list[Change]:
    """One change per record (a flag is both repointed and cleared by one merge)."""
    out: dict[tuple[str, str | None], Change] = {}
    for c in changes:
        key = (c.entity, c.entity_id)
        held = out.get(key)
        if held is None or c.entity_id is None:
            out[key] = Change(c.entity, dict(c.values), c.entity_id, c.new)
        else:
            held.values.update(c.values)
    return list(out.values())
