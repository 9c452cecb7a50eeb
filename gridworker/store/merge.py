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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from gridworker.store.entities import EntitySpec
from gridworker.store.ops import INSERT_OP, Op, Value, clock_dumps, clock_loads, clock_text, dumps

T = TypeVar("T")


def to_db(spec: EntitySpec, field: str, value: Value) -> Any:
    if field in spec.list_fields:
        return dumps(value if value is not None else [])
    return value


def from_db(spec: EntitySpec, field: str, value: Any) -> Value:
    if field in spec.list_fields:
        return list(json.loads(value)) if value else []
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


def _plan(spec: EntitySpec, clock: dict[str, str], op: Op) -> tuple[dict[str, Any], list[str]]:
    """What ``op`` does to a record with these field clocks: the new column values, and
    the fields whose conflicts need a fresh look. The clocks are not changed."""
    updates: dict[str, Any] = {}
    slow: list[str] = []
    hlc = op.hlc
    for f, value in op.fields.items():
        if f not in spec.fields:
            continue
        current = clock.get(f)
        if current == hlc:
            continue
        if current is None or hlc > current:
            updates[f] = to_db(spec, f, value)
        # Anything but a plain successor of the current value may change who lost. An
        # edit built on the current value yet stamped before it cannot come from this
        # app (a write is stamped after what it replaces); if one arrives it is listed
        # as a conflict by the slow path, never dropped silently.
        if (current is not None and (current != op.base.get(f) or hlc < current)) or op.merged.get(
            f
        ):
            slow.append(f)
    return updates, slow


def apply_op(
    conn: sqlite3.Connection,
    spec: EntitySpec,
    op: Op,
    detected_at: str,
    counts: ApplyCounts,
) -> None:
    """Apply one operation (already written to the ops table) to its record."""
    cols = ", ".join(spec.fields)
    row = conn.execute(
        f"SELECT {cols}, _clock FROM {spec.table} WHERE id = ?", (op.entity_id,)
    ).fetchone()
    if row is None:
        values = {f: to_db(spec, f, v) for f, v in op.fields.items() if f in spec.fields}
        clock = {f: op.hlc for f in values}
        names = ["id", *values, "_clock"]
        conn.execute(
            f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            (op.entity_id, *values.values(), clock_dumps(clock)),
        )
        return

    clock = clock_loads(row["_clock"])
    updates, slow = _plan(spec, clock, op)
    if updates:
        clock.update(dict.fromkeys(updates, op.hlc))
        sets = ", ".join(f"{f} = ?" for f in updates)
        conn.execute(
            f"UPDATE {spec.table} SET {sets}, _clock = ? WHERE id = ?",
            (*updates.values(), clock_dumps(clock), op.entity_id),
        )
    if not slow and has_open_conflicts(conn, op.entity_id):
        slow = [f for f in op.fields if f in spec.fields]
    if slow:
        refresh_conflicts(conn, spec, op.entity_id, slow, op.op_id, detected_at, counts)


# -- applying a batch ---------------------------------------------------------------------

_CHUNK = 500  # values per IN (...) list, well under SQLite's variable limit
_NAMES: dict[str, tuple[EntitySpec, frozenset[str]]] = {}


def _names(spec: EntitySpec) -> frozenset[str]:
    """The spec's field names as a set (made once per spec: a hot membership test)."""
    hit = _NAMES.get(spec.name)
    if hit is None or hit[0] is not spec:
        hit = _NAMES[spec.name] = (spec, frozenset(spec.fields))
    return hit[1]


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class _Record:
    """A record as the batch sees it: field clocks and the column values it will write
    (every column of a new record; the changed ones of a stored record)."""

    __slots__ = ("clock", "clock_text", "dirty", "new", "values")

    def __init__(self, values: dict[str, Any], clock: dict[str, str], new: bool):
        self.values = values
        self.clock = clock
        self.new = new
        self.dirty: set[str] = set()
        self.clock_text: str | None = None  # the clocks as JSON, while still valid


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
        """Read the clocks of stored records; their values are only ever overwritten here."""
        found: dict[str, _Record] = {}
        for part in _chunks(ids):
            marks = ",".join("?" * len(part))
            cur = self.conn.execute(
                f"SELECT id, _clock FROM {spec.table} WHERE id IN ({marks})", part
            )
            cur.row_factory = None
            for entity_id, clock in cur:
                found[entity_id] = _Record({}, clock_loads(clock), False)
        for i in ids:
            self.records[(spec.name, i)] = found.get(i)

    def load_open(self, ids: Sequence[str]) -> None:
        self.open.update(open_conflict_ids(self.conn, ids))

    # -- writing ---------------------------------------------------------------------
    def flush(self) -> None:
        if self.op_rows:
            self.conn.executemany(INSERT_OP, self.op_rows)
            self.op_rows.clear()
        inserts: dict[str, list[tuple[Any, ...]]] = {}
        updates: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        specs: dict[str, EntitySpec] = {}
        for spec, entity_id in self.order:
            rec = self.records.get((spec.name, entity_id))
            if rec is None:
                continue
            specs[spec.name] = spec
            if rec.new:
                clock = rec.clock_text or clock_dumps(rec.clock)
                row = (entity_id, *map(rec.values.get, spec.fields), clock)
                inserts.setdefault(spec.name, []).append(row)
                self.created.setdefault(spec.name, {})[entity_id] = row
                rec.new = False
                rec.clock_text = None
            elif rec.dirty:
                self._changed(spec, entity_id)
                cols = tuple(f for f in spec.fields if f in rec.dirty)
                updates.setdefault((spec.name, cols), []).append(
                    (*(rec.values[f] for f in cols), clock_dumps(rec.clock), entity_id)
                )
            rec.dirty = set()
        self.order.clear()
        for name, rows in inserts.items():
            spec = specs[name]
            names = ", ".join(("id", *spec.fields, "_clock"))
            marks = ", ".join("?" * (len(spec.fields) + 2))
            self.conn.executemany(f"INSERT INTO {spec.table} ({names}) VALUES ({marks})", rows)
        for (name, cols), rows in updates.items():
            sets = ", ".join(f"{f} = ?" for f in cols)
            self.conn.executemany(
                f"UPDATE {specs[name].table} SET {sets}, _clock = ? WHERE id = ?", rows
            )

    def _changed(self, spec: EntitySpec, entity_id: str) -> None:
        """The record's row is no longer as inserted: index it from the table."""
        rows = self.created.get(spec.name)
        if rows:
            rows.pop(entity_id, None)

    # -- applying --------------------------------------------------------------------
    def run(self, ops: Sequence[Op], specs: Mapping[str, EntitySpec]) -> list[Op]:
        held_ids, held_seqs = self.held(ops)
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
        self.op_rows.append(op.row(received_at=self.detected_at))
        key = (spec.name, op.entity_id)
        if key in self.records:
            rec = self.records[key]
        else:  # re-read after the one-by-one path wrote it
            self.load(spec, [op.entity_id])
            rec = self.records[key]
        if rec is None:
            names = _names(spec)
            values = {f: v for f, v in op.fields.items() if f in names}
            for f in spec.list_fields:
                if f in values:
                    values[f] = to_db(spec, f, values[f])
            rec = _Record(values, dict.fromkeys(values, op.hlc), True)
            rec.clock_text = clock_text(values, op.hlc)
            self.records[key] = rec
            self.order.append((spec, op.entity_id))
            return
        updates, slow = _plan(spec, rec.clock, op)
        if not slow and op.entity_id in self.open:
            slow = [f for f in op.fields if f in spec.fields]
        if slow:
            self.flush()
            self._changed(spec, op.entity_id)
            apply_op(self.conn, spec, op, self.detected_at, self.counts)
            del self.records[key]
            self.open.discard(op.entity_id)
            if has_open_conflicts(self.conn, op.entity_id):
                self.open.add(op.entity_id)
            return
        if updates:
            if not rec.new and not rec.dirty:
                self.order.append((spec, op.entity_id))
            rec.clock_text = None
            rec.values.update(updates)
            rec.clock.update(dict.fromkeys(updates, op.hlc))
            rec.dirty.update(updates)


def apply_batch(
    conn: sqlite3.Connection,
    ops: Sequence[Op],
    specs: Mapping[str, EntitySpec],
    detected_at: str,
    counts: ApplyCounts,
    created: dict[str, dict[str, tuple[Any, ...]]] | None = None,
) -> list[Op]:
    """Apply operations sorted by hlc, skipping held ones; returns the new ones.

    The outcome equals inserting each into the ops table (``INSERT OR IGNORE``) and calling
    :func:`apply_op` for each inserted one, in order. ``created``, if given, receives the
    rows of records inserted and not changed afterwards (entity → id → row as inserted).
    """
    return _Batch(conn, detected_at, counts, created).run(ops, specs)
