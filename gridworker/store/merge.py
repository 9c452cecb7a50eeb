"""The one apply rule: per-field last-writer-wins by hlc, losers kept as conflicts.

Applying an operation — local or imported — is the same everywhere. For each field the
value with the higher hlc wins. When the field's current value is neither the value the
operation replaced nor one of its ancestors, the two edits were concurrent: the winner
is still chosen by hlc and the loser goes to the ``conflicts`` table. An edit that
descends from a recorded loser (a later edit by the same hand, or a person's resolution)
closes that conflict. The outcome depends only on the set of operations, so replicas
that saw the same operations agree, in whatever order and however often they arrived.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, TypeVar

from gridworker.store.entities import EntitySpec
from gridworker.store.fields import element_field, set_column, split_element
from gridworker.store.ops import (
    INSERT_OP,
    INSERT_UNMERGED_OP,
    Op,
    Value,
    clock_dumps,
    clock_loads,
    clock_text,
    dumps,
)

T = TypeVar("T")


def to_db(spec: EntitySpec, field: str, value: Value) -> Any:
    """A field's value as its column holds it (a set: its JSON list in canonical order;
    a bool is stored by SQLite as 0/1 by itself)."""
    if field in spec.set_fields:
        return set_column(spec.by_name[field], value if isinstance(value, list) else [])
    return value


def from_db(spec: EntitySpec, field: str, value: Any) -> Value:
    """A column's value as the field's kind (a set as a list, a bool as True/False)."""
    kind = spec.kinds.get(field)
    if kind == "set":
        return list(json.loads(value)) if value else []
    if kind == "bool" and value is not None:
        return bool(value)
    return value  # type: ignore[no-any-return]


@dataclass
class ApplyCounts:
    """What applying a batch of operations did."""

    new: int = 0
    held: int = 0
    conflicts: int = 0
    closed_conflicts: int = 0


class _Lineage:
    """Per-field parent links and values of one record's operations, from the change log."""

    def __init__(self, conn: sqlite3.Connection, entity_id: str):
        self.parents: dict[str, dict[str, list[str]]] = {}
        self.values: dict[str, dict[str, str]] = {}  # field -> hlc -> value as JSON text
        self.ops: dict[str, tuple[str, str]] = {}  # hlc -> (op_id, user)
        for r in conn.execute(
            "SELECT op_id, hlc, user_name, fields, base, merged FROM ops WHERE entity_id = ?",
            (entity_id,),
        ):
            fields = json.loads(r["fields"])
            base = json.loads(r["base"]) if r["base"] else {}
            merged = json.loads(r["merged"]) if r["merged"] else {}
            self.ops[r["hlc"]] = (r["op_id"], r["user_name"])
            for f, v in fields.items():
                ps = [base[f]] if f in base else []
                ps.extend(merged.get(f, []))
                self.parents.setdefault(f, {})[r["hlc"]] = ps
                self.values.setdefault(f, {})[r["hlc"]] = dumps(v)

    def ancestors(self, field: str, hlc: str) -> set[str]:
        links = self.parents.get(field, {})
        seen: set[str] = set()
        stack = list(links.get(hlc, []))
        while stack:
            h = stack.pop()
            if h in seen:
                continue
            seen.add(h)
            stack.extend(links.get(h, []))
        return seen

    def lost(self, field: str) -> tuple[str, dict[str, str]]:
        """The winning hlc and the edits that lost: {hlc: value} of the losers.

        A loser is an edit no other edit built on (a head) whose value the winner's line
        did not carry after it: the winner itself, or an edit later than the loser, with
        the same value means nothing was lost. The same value earlier in the line does not
        count — going back to an old phone number while someone else changes it is a real
        disagreement. This depends only on the set of operations, never on their order.
        """
        links = self.parents.get(field, {})
        values = self.values.get(field, {})
        winner = max(links)
        line = sorted(h for h in self.ancestors(field, winner) | {winner} if h in values)
        with_child = {p for ps in links.values() for p in ps}
        lost: dict[str, str] = {}
        for h in links:
            if h == winner or h in with_child:
                continue
            later = line[bisect_right(line, h) :]
            if not any(values[x] == values[h] for x in later):
                lost[h] = values[h]
        return winner, lost


def has_open_conflicts(conn: sqlite3.Connection, entity_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM conflicts WHERE entity_id = ? AND resolved_by IS NULL LIMIT 1",
            (entity_id,),
        ).fetchone()
        is not None
    )


def open_conflict_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of these records have open conflicts (:func:`has_open_conflicts` for many)."""
    found: set[str] = set()
    todo = list(dict.fromkeys(ids))
    for i in range(0, len(todo), 500):
        part = todo[i : i + 500]
        marks = ",".join("?" * len(part))
        found.update(
            r[0]
            for r in conn.execute(
                "SELECT entity_id FROM conflicts "
                f"WHERE resolved_by IS NULL AND entity_id IN ({marks})",
                part,
            )
        )
    return found


def refresh_conflicts(
    conn: sqlite3.Connection,
    spec: EntitySpec,
    entity_id: str,
    fields: Iterable[str],
    op_id: str,
    detected_at: str,
    counts: ApplyCounts,
    lineage: _Lineage | None = None,
) -> None:
    """Bring the conflicts of these fields in line with the operations now held.

    Losers are recorded (or re-opened); recorded ones that are no longer lost — a later
    edit built on them, or carried the same value — are closed by ``op_id``.
    """
    lineage = lineage or _Lineage(conn, entity_id)
    for f in fields:
        if f not in lineage.parents:
            continue
        winner, lost = lineage.lost(f)
        open_rows = conn.execute(
            "SELECT id, loser_hlc FROM conflicts "
            "WHERE entity_id = ? AND field = ? AND resolved_by IS NULL",
            (entity_id, f),
        ).fetchall()
        closing = [r["id"] for r in open_rows if r["loser_hlc"] not in lost]
        conn.executemany(
            "UPDATE conflicts SET resolved_by = ? WHERE id = ?", [(op_id, i) for i in closing]
        )
        counts.closed_conflicts += len(closing)
        already = {r["loser_hlc"] for r in open_rows}
        winner_value = lineage.values[f][winner]
        for h, value in lost.items():
            if h in already:
                continue
            loser_op, loser_user = lineage.ops[h]
            conn.execute(
                "INSERT INTO conflicts (entity, entity_id, field, loser_value, loser_hlc, "
                "loser_op_id, loser_user, winner_value, winner_hlc, detected_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (entity_id, field, loser_hlc) "
                "DO UPDATE SET resolved_by = NULL, winner_value = excluded.winner_value, "
                "winner_hlc = excluded.winner_hlc",
                (
                    spec.name,
                    entity_id,
                    f,
                    value,
                    h,
                    loser_op,
                    loser_user,
                    winner_value,
                    winner,
                    detected_at,
                ),
            )
            counts.conflicts += 1


def _plan(
    spec: EntitySpec, clock: dict[str, str], sets: _Sets, op: Op
) -> tuple[dict[str, Any], list[str], list[str]]:
    """What ``op`` does to a record with these field clocks and set elements: the new
    column values, the clock keys that take the op's hlc, and the fields whose conflicts
    need a fresh look. Neither the clocks nor the sets are changed.

    A set field is merged element by element: an element's state is the value of the
    latest of its own element edits (``tags[x]``) and the whole-list edits of older
    operations (``tags``), a whole list meaning "every element present or not" at its
    hlc. At equal hlcs (one crafted operation carrying both) the element edit wins.
    """
    updates: dict[str, Any] = {}
    ticks: list[str] = []
    slow: list[str] = []
    hlc = op.hlc
    names = spec.names
    set_fields = spec.set_fields
    elements: list[tuple[str, str, str, Value]] | None = None
    working: dict[str, set[str]] | None = None
    for f, value in op.fields.items():
        if f in names:
            current = clock.get(f)
            if current == hlc:
                continue
            if current is None or hlc > current:
                ticks.append(f)
                if f in set_fields:
                    # A whole list (operations of earlier versions): every element takes
                    # its value, unless the element's own edit is later.
                    working = working if working is not None else {}
                    present = working.get(f)
                    if present is None:
                        present = working[f] = set(sets.get(f))
                    listed = set(value) if isinstance(value, list) else set()
                    for e in listed | present:
                        later = clock.get(element_field(f, e))
                        if later is None or later < hlc:
                            if e in listed:
                                present.add(e)
                            else:
                                present.discard(e)
                else:
                    updates[f] = value
        elif set_fields and (split := split_element(f)) is not None and split[0] in set_fields:
            # After the whole lists of this op (an element edit wins a tie).
            current = clock.get(f)
            if current == hlc:
                continue
            elements = elements if elements is not None else []
            elements.append((f, split[0], split[1], value))
        else:
            continue
        # Anything but a plain successor of the current value may change who lost. An
        # edit built on the current value yet stamped before it cannot come from this
        # app (a write is stamped after what it replaces); if one arrives it is listed
        # as a conflict by the slow path, never dropped silently.
        if (current is not None and (current != op.base.get(f) or hlc < current)) or op.merged.get(
            f
        ):
            slow.append(f)
    if elements is not None:
        for f, sf, e, value in elements:
            current = clock.get(f)
            if current is not None and hlc < current:
                continue
            ticks.append(f)
            whole = clock.get(sf)
            if whole is None or hlc >= whole:
                working = working if working is not None else {}
                present = working.get(sf)
                if present is None:
                    present = working[sf] = set(sets.get(sf))
                if value is True:
                    present.add(e)
                else:
                    present.discard(e)
    if working is not None:
        for sf, present in working.items():
            updates[sf] = set_column(spec.by_name[sf], present)
    return updates, ticks, slow


class _Sets:
    """The present elements of a record's set fields, decoded from their columns on use."""

    __slots__ = ("columns", "decoded")

    def __init__(self, columns: dict[str, Any]):
        self.columns = columns  # set field -> column text (JSON list) or None
        self.decoded: dict[str, list[str]] = {}

    def get(self, field: str) -> list[str]:
        got = self.decoded.get(field)
        if got is None:
            text = self.columns.get(field)
            got = self.decoded[field] = list(json.loads(text)) if text else []
        return got

    def put(self, field: str, column: str) -> None:
        self.columns[field] = column
        self.decoded.pop(field, None)


_NO_SETS = _Sets({})


def new_record(spec: EntitySpec, op: Op) -> tuple[dict[str, Any], list[str]]:
    """The column values and clock keys of a record made by its first operation (what
    :func:`_plan` gives for a record with no clocks, made directly: the hot path of imports)."""
    names = spec.names
    set_fields = spec.set_fields
    if not set_fields:
        values = {f: v for f, v in op.fields.items() if f in names}
        return values, list(values)
    values = {}
    keys: list[str] = []
    present: dict[str, set[str]] = {}
    elements: list[tuple[str, str, Value]] = []
    for f, v in op.fields.items():
        if f in names:
            keys.append(f)
            if f in set_fields:  # a whole list: applied before the elements (which win)
                present.setdefault(f, set()).update(v if isinstance(v, list) else ())
            else:
                values[f] = v
        elif (split := split_element(f)) is not None and split[0] in set_fields:
            keys.append(f)
            elements.append((split[0], split[1], v))
    for sf, e, v in elements:
        if v is True:
            present.setdefault(sf, set()).add(e)
        else:
            present.setdefault(sf, set()).discard(e)
    for sf, p in present.items():
        values[sf] = set_column(spec.by_name[sf], p)
    return values, keys


def apply_op(
    conn: sqlite3.Connection,
    spec: EntitySpec,
    op: Op,
    detected_at: str,
    counts: ApplyCounts,
) -> None:
    """Apply one operation (already written to the ops table) to its record."""
    sets = tuple(spec.set_fields)
    cols = ", ".join(("_clock", *sets))
    row = conn.execute(f"SELECT {cols} FROM {spec.table} WHERE id = ?", (op.entity_id,)).fetchone()
    if row is None:
        values, keys = new_record(spec, op)
        names = ["id", *values, "_clock"]
        conn.execute(
            f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            (op.entity_id, *values.values(), clock_text(keys, op.hlc)),
        )
        return

    clock = clock_loads(row[0])
    updates, ticks, slow = _plan(spec, clock, _Sets(dict(zip(sets, row[1:], strict=True))), op)
    if ticks:
        clock.update(dict.fromkeys(ticks, op.hlc))
        sets_sql = "".join(f"{f} = ?, " for f in updates)
        conn.execute(
            f"UPDATE {spec.table} SET {sets_sql}_clock = ? WHERE id = ?",
            (*updates.values(), clock_dumps(clock), op.entity_id),
        )
    # A record with open conflicts: any field of the op may close one (by carrying a lost
    # value again), also a field that built on the current value.
    if has_open_conflicts(conn, op.entity_id):
        slow = [f for f in op.fields if spec.accepts(f)]
    if slow:
        refresh_conflicts(conn, spec, op.entity_id, slow, op.op_id, detected_at, counts)


# -- applying a batch ---------------------------------------------------------------------

_CHUNK = 500  # values per IN (...) list, well under SQLite's variable limit


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class _Record:
    """A record as the batch sees it: field clocks, set elements and the column values it
    will write (every column of a new record; the changed ones of a stored record)."""

    __slots__ = ("changed", "clock", "clock_text", "dirty", "new", "sets", "values")

    def __init__(self, values: dict[str, Any], clock: dict[str, str], new: bool, sets: _Sets):
        self.values = values
        self.clock = clock
        self.new = new
        self.sets = sets
        self.dirty: set[str] = set()  # columns changed since read
        self.changed = False  # clocks (at least) changed since read
        self.clock_text: str | None = None  # the clocks as JSON, while still valid


_Shape = tuple[EntitySpec, str, Callable[[Sequence[Any]], Any]]
_SHAPES: dict[tuple[str, frozenset[str]], _Shape] = {}


def _insert_shape(spec: EntitySpec, filled: frozenset[str]) -> _Shape:
    """The INSERT of new records of which only the fields ``filled`` hold values, and what
    takes those values out of a whole row (id, the spec's fields, _clock): the columns no
    record fills are NULL in the statement. The sqlite3 module adapts every bound None
    through a registry lookup (a quarter of a microsecond), and a new resident leaves a
    dozen columns empty. One statement for all the records keeps their insertion order."""
    key = (spec.name, filled)
    got = _SHAPES.get(key)
    if got is not None and got[0] is spec:  # (a kind registered again is made afresh)
        return got
    names = ", ".join(("id", *spec.field_names, "_clock"))
    marks = ", ".join(("?", *("?" if f in filled else "NULL" for f in spec.field_names), "?"))
    at = [i for i, f in enumerate(spec.field_names, start=1) if f in filled]
    got = (
        spec,
        f"INSERT INTO {spec.table} ({names}) VALUES ({marks})",
        itemgetter(0, *at, len(spec.field_names) + 1),  # two items or more: a tuple
    )
    if len(_SHAPES) < 4096:
        _SHAPES[key] = got
    return got


class _Batch:
    """Applies a batch of operations with few statements and exactly :func:`apply_op`'s outcome.

    Which operations are new is decided up front (the ops table's two unique keys, read
    once per chunk); records are read once per chunk and changed in memory; rows are
    written in bulk. An operation that may change conflicts takes the one-by-one path of
    :func:`apply_op`, after everything before it has been written, so conflict detection
    sees the change log exactly as it would one operation at a time.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        detected_at: str,
        counts: ApplyCounts,
        created: dict[str, dict[str, tuple[Any, ...]]] | None = None,
    ):
        self.conn = conn
        self.detected_at = detected_at
        self.counts = counts
        # Rows inserted and not changed since, by entity and id (for the search index).
        self.created: dict[str, dict[str, tuple[Any, ...]]] = {} if created is None else created
        self.records: dict[tuple[str, str], _Record | None] = {}
        self.order: list[tuple[EntitySpec, str]] = []  # records written this batch, in order
        self.op_rows: list[tuple[Any, ...]] = []
        self.unmerged = False  # no operation of the batch merges anything (op_rows lack it)
        self.open: set[str] = set()  # entity ids with open conflicts

    # -- reading ---------------------------------------------------------------------
    def held(self, ops: Sequence[Op]) -> tuple[set[str], set[tuple[str, int]]]:
        ids = sorted({op.op_id for op in ops if op.op_id is not None})
        held_ids: set[str] = set()
        for part in _chunks(ids):
            marks = ",".join("?" * len(part))
            held_ids.update(
                r[0]
                for r in self.conn.execute(f"SELECT op_id FROM ops WHERE op_id IN ({marks})", part)
            )
        by_device: dict[str, set[int]] = {}
        for op in ops:
            by_device.setdefault(op.device_id, set()).add(op.seq)
        held_seqs: set[tuple[str, int]] = set()
        for device, seqs in by_device.items():
            for seq_part in _chunks(sorted(s for s in seqs if s is not None)):
                marks = ",".join("?" * len(seq_part))
                held_seqs.update(
                    (device, r[0])
                    for r in self.conn.execute(
                        f"SELECT seq FROM ops WHERE device_id = ? AND seq IN ({marks})",
                        (device, *seq_part),
                    )
                )
        return held_ids, held_seqs

    def load(self, spec: EntitySpec, ids: Sequence[str]) -> None:
        """Read the clocks (and set columns) of stored records; their other values are only
        ever overwritten here."""
        found: dict[str, _Record] = {}
        sets = tuple(spec.set_fields)
        cols = ", ".join(("id", "_clock", *sets))
        for part in _chunks(ids):
            marks = ",".join("?" * len(part))
            cur = self.conn.execute(f"SELECT {cols} FROM {spec.table} WHERE id IN ({marks})", part)
            cur.row_factory = None
            for row in cur:
                found[row[0]] = _Record(
                    {},
                    clock_loads(row[1]),
                    False,
                    _Sets(dict(zip(sets, row[2:], strict=True))) if sets else _NO_SETS,
                )
        for i in ids:
            self.records[(spec.name, i)] = found.get(i)

    def load_open(self, ids: Sequence[str]) -> None:
        self.open.update(open_conflict_ids(self.conn, ids))

    # -- writing ---------------------------------------------------------------------
    def flush(self) -> None:
        if self.op_rows:
            self.conn.executemany(INSERT_UNMERGED_OP if self.unmerged else INSERT_OP, self.op_rows)
            self.op_rows.clear()
        inserts: dict[str, list[tuple[Any, ...]]] = {}
        filled: dict[str, set[str]] = {}  # entity -> fields some inserted record holds
        updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        specs: dict[str, EntitySpec] = {}
        for spec, entity_id in self.order:
            rec = self.records.get((spec.name, entity_id))
            if rec is None:
                continue
            specs[spec.name] = spec
            if rec.new:
                clock = rec.clock_text or clock_dumps(rec.clock)
                row = (entity_id, *map(rec.values.get, spec.field_names), clock)
                inserts.setdefault(spec.name, []).append(row)
                filled.setdefault(spec.name, set()).update(rec.values)
                self.created.setdefault(spec.name, {})[entity_id] = row
                rec.new = False
                rec.clock_text = None
            elif rec.changed:
                self._changed(spec, entity_id)
                cols = tuple(f for f in spec.field_names if f in rec.dirty)
                updates.setdefault((spec.name, cols), []).append(
                    (*(rec.values[f] for f in cols), clock_dumps(rec.clock), entity_id)
                )
            rec.dirty = set()
            rec.changed = False
        self.order.clear()
        for name, rows in inserts.items():
            _, sql, pick = _insert_shape(specs[name], frozenset(filled[name]))
            self.conn.executemany(sql, map(pick, rows))
        for (name, cols), rows in updates.items():
            sets = "".join(f"{f} = ?, " for f in cols)
            self.conn.executemany(
                f"UPDATE {specs[name].table} SET {sets}_clock = ? WHERE id = ?", rows
            )

    def _changed(self, spec: EntitySpec, entity_id: str) -> None:
        """The record's row is no longer as inserted: index it from the table."""
        rows = self.created.get(spec.name)
        if rows:
            rows.pop(entity_id, None)

    # -- applying --------------------------------------------------------------------
    def run(
        self, ops: Sequence[Op], specs: Mapping[str, EntitySpec], known_new: bool = False
    ) -> list[Op]:
        held_ids, held_seqs = (set(), set()) if known_new else self.held(ops)
        fresh: list[Op] = []
        for op in ops:
            key = (op.device_id, op.seq)
            if (
                op.op_id in held_ids
                or key in held_seqs
                or None in (op.op_id, op.device_id, op.seq, op.hlc, op.user, op.entity_id)
            ):  # what INSERT OR IGNORE would skip: a unique key taken, or a NOT NULL missing
                self.counts.held += 1
                continue
            held_ids.add(op.op_id)
            held_seqs.add(key)
            fresh.append(op)
        self.unmerged = not any(op.merged for op in fresh)
        by_entity: dict[str, dict[str, None]] = {}
        for op in fresh:
            by_entity.setdefault(op.entity, {})[op.entity_id] = None
        for name, ids in by_entity.items():
            self.load(specs[name], list(ids))
        self.load_open(sorted({op.entity_id for op in fresh}))
        for op in fresh:
            self.counts.new += 1
            self.apply(specs[op.entity], op)
        self.flush()
        return fresh

    def apply(self, spec: EntitySpec, op: Op) -> None:
        self.op_rows.append(
            op.unmerged_row(self.detected_at) if self.unmerged else op.row(self.detected_at)
        )
        key = (spec.name, op.entity_id)
        if key in self.records:
            rec = self.records[key]
        else:  # re-read after the one-by-one path wrote it
            self.load(spec, [op.entity_id])
            rec = self.records[key]
        if rec is None:
            values, keys = new_record(spec, op)
            rec = _Record(
                values,
                dict.fromkeys(keys, op.hlc),
                True,
                _Sets({f: values.get(f) for f in spec.set_fields}) if spec.set_fields else _NO_SETS,
            )
            rec.clock_text = clock_text(keys, op.hlc)
            self.records[key] = rec
            self.order.append((spec, op.entity_id))
            return
        updates, ticks, slow = _plan(spec, rec.clock, rec.sets, op)
        if op.entity_id in self.open:  # as in apply_op: every field may close a conflict
            slow = [f for f in op.fields if spec.accepts(f)]
        if slow:
            self.flush()
            self._changed(spec, op.entity_id)
            apply_op(self.conn, spec, op, self.detected_at, self.counts)
            del self.records[key]
            self.open.discard(op.entity_id)
            if has_open_conflicts(self.conn, op.entity_id):
                self.open.add(op.entity_id)
            return
        if ticks:
            if not rec.new and not rec.changed:
                self.order.append((spec, op.entity_id))
            rec.changed = True
            rec.clock_text = None
            rec.values.update(updates)
            rec.clock.update(dict.fromkeys(ticks, op.hlc))
            rec.dirty.update(updates)
            for f in spec.set_fields & updates.keys():
                rec.sets.put(f, updates[f])


def apply_batch(
    conn: sqlite3.Connection,
    ops: Sequence[Op],
    specs: Mapping[str, EntitySpec],
    detected_at: str,
    counts: ApplyCounts,
    created: dict[str, dict[str, tuple[Any, ...]]] | None = None,
    known_new: bool = False,
) -> list[Op]:
    """Apply operations sorted by hlc, skipping held ones; returns the new ones.

    The outcome equals inserting each into the ops table (``INSERT OR IGNORE``) and calling
    :func:`apply_op` for each inserted one, in order. ``created``, if given, receives the
    rows of records inserted and not changed afterwards (entity → id → row as inserted).
    ``known_new``: the caller has already found that the change log holds none of these
    op ids nor (device, seq) pairs (the bundle check does), so they are not looked up again.
    """
    return _Batch(conn, detected_at, counts, created).run(ops, specs, known_new)
