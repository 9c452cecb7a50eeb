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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gridworker.store.entities import EntitySpec
from gridworker.store.ops import Op, Value, dumps


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

        A loser is an edit no other edit built on (a head) whose value never reached the
        winner's line. This depends only on the set of operations, never on their order.
        """
        links = self.parents.get(field, {})
        values = self.values.get(field, {})
        winner = max(links)
        line = self.ancestors(field, winner) | {winner}
        seen_values = {values[h] for h in line if h in values}
        with_child = {p for ps in links.values() for p in ps}
        return winner, {
            h: values[h]
            for h in links
            if h != winner and h not in with_child and values[h] not in seen_values
        }


def has_open_conflicts(conn: sqlite3.Connection, entity_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM conflicts WHERE entity_id = ? AND resolved_by IS NULL LIMIT 1",
            (entity_id,),
        ).fetchone()
        is not None
    )


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
            (op.entity_id, *values.values(), dumps(clock)),
        )
        return

    clock = json.loads(row["_clock"])
    updates: dict[str, Any] = {}
    slow: list[str] = []
    for f, value in op.fields.items():
        if f not in spec.fields:
            continue
        current = clock.get(f)
        if current == op.hlc:
            continue
        if current is None or op.hlc > current:
            updates[f] = to_db(spec, f, value)
            clock[f] = op.hlc
        # Anything but a plain successor of the current value may change who lost.
        if (current is not None and current != op.base.get(f)) or op.merged.get(f):
            slow.append(f)
    if updates:
        sets = ", ".join(f"{f} = ?" for f in updates)
        conn.execute(
            f"UPDATE {spec.table} SET {sets}, _clock = ? WHERE id = ?",
            (*updates.values(), dumps(clock), op.entity_id),
        )
    if not slow and has_open_conflicts(conn, op.entity_id):
        slow = [f for f in op.fields if f in spec.fields]
    if slow:
        refresh_conflicts(conn, spec, op.entity_id, slow, op.op_id, detected_at, counts)
