"""Holding an entity spec to the table its migration made (read with sqlite-utils)."""

from __future__ import annotations

import re
import sqlite3

import sqlite_utils

from gridworker.store.entities import ENTITIES, EntitySpec


def table_problems(conn: sqlite3.Connection, s: EntitySpec) -> list[str]:
    """What differs between the spec and its table; empty when they agree.

    Columns: ``id`` (TEXT primary key), one per field with the kind's SQLite type, and
    ``_clock`` (TEXT NOT NULL DEFAULT '{}'), nothing else. The parent field references the
    parent's table, DEFERRABLE INITIALLY DEFERRED (a batch may bring a record before the
    one it belongs to); no other column is a foreign key.
    """
    db = sqlite_utils.Database(conn, recursive_triggers=False)
    table = db.table(s.table)
    if not table.exists():
        return [f"{s.name}: no table {s.table}"]
    problems = []
    columns = {c.name: c for c in table.columns}
    wanted = {"id": "TEXT", **{f.name: f.sql_type for f in s.fields}, "_clock": "TEXT"}
    for name in sorted(columns.keys() - wanted.keys()):
        problems.append(f"{s.table}.{name}: a column the spec does not have")
    for name, sql_type in wanted.items():
        c = columns.get(name)
        if c is None:
            problems.append(f"{s.table}.{name}: missing")
        elif c.type.upper() != sql_type:
            problems.append(f"{s.table}.{name}: {c.type or 'no type'}, the spec says {sql_type}")
    if "id" in columns and not columns["id"].is_pk:
        problems.append(f"{s.table}.id: not the primary key")
    clock = columns.get("_clock")
    if clock is not None and not (clock.notnull and clock.default_value == "'{}'"):
        problems.append(f"{s.table}._clock: should be NOT NULL DEFAULT '{{}}'")
    keys = {fk.column: fk for fk in table.foreign_keys}
    if s.parent is not None:
        pf, pe = s.parent
        fk = keys.pop(pf, None)
        if fk is None or fk.other_table != ENTITIES[pe].table or fk.other_column != "id":
            problems.append(f"{s.table}.{pf}: should reference {ENTITIES[pe].table} (id)")
        else:
            line = next((x for x in table.schema.splitlines() if re.match(rf"\s*{pf}\s", x)), "")
            if "DEFERRABLE INITIALLY DEFERRED" not in line.upper():
                problems.append(
                    f"{s.table}.{pf}: the reference must be DEFERRABLE INITIALLY DEFERRED"
                )
    for name in sorted(keys):
        problems.append(f"{s.table}.{name}: a foreign key the spec does not call for")
    return problems
