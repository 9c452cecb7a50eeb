"""Gas-safety data derived from the records, kept in the write transaction (a hook).

Two device-local tables that the work list, the screens and the commands read with
indexed queries instead of folding every record each time:

- ``gas_due``: per household, the day its next gas check is due and why (from its
  inspections and the checklist in force: ``core/gas_rules.household_due``);
- ``gas_hazard_state``: per live hazard, its status, deadline and when to go and look
  (the fold of its steps: ``core/gas_rules.hazard_state``).

Both are functions of the synced records held, recomputed for the records a write
touched, so every replica holding the same records holds the same rows whatever order
they arrived in (a property test checks it). :func:`rebuild` makes them from scratch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from gridworker.core.gas_checklist import ChecklistTemplate
from gridworker.core.gas_rules import Attempt, Step, hazard_state, household_due
from gridworker.store.entities import HOUSEHOLD
from gridworker.store.ops import clock_loads

if TYPE_CHECKING:
    from gridworker.store.derived import Written

_H_MERGED = 1 + HOUSEHOLD.field_names.index("merged_into")  # in a created row
FOLLOWS = frozenset({"household", "gas_inspection", "gas_hazard", "gas_hazard_step", "policy"})
CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[str]:
    """The ids as JSON lists of at most CHUNK, for ``IN (SELECT value FROM json_each(?))``."""
    for i in range(0, len(ids), CHUNK):
        yield json.dumps(list(ids[i : i + CHUNK]))


def since_of(clock_text: str) -> date:
    """The local day a record was first written: the earliest hlc among its field clocks."""
    clocks = clock_loads(clock_text)
    first = min(clocks.values()) if clocks else "0"
    ms = int(first.split("-", 1)[0] or 0)
    return datetime.fromtimestamp(ms / 1000).date()


def template_in_force(conn: sqlite3.Connection) -> ChecklistTemplate:
    """The checklist in force (its interval and retry days decide the due dates)."""
    from gridworker.store.policies import checklist_on  # the policies module needs Store

    return checklist_on(conn)


# -- households ---------------------------------------------------------------------------


def _due_rows(
    conn: sqlite3.Connection,
    households: Mapping[str, date],
    template: ChecklistTemplate,
) -> list[tuple[Any, ...]]:
    attempts: dict[str, list[Attempt]] = {}
    ids = sorted(households)
    for chunk in _chunks(ids):
        for hid, on, outcome in conn.execute(
            "SELECT household_id, inspected_on, outcome FROM gas_inspection "
            "WHERE household_id IN (SELECT value FROM json_each(?)) AND voided IS NOT 1 "
            "AND inspected_on IS NOT NULL",
            (chunk,),
        ):
            try:
                attempts.setdefault(hid, []).append(Attempt(date.fromisoformat(on), outcome))
            except ValueError:
                continue
    rows = []
    for hid in ids:
        since = households[hid]
        d = household_due(since, attempts.get(hid, ()), template)
        rows.append(
            (
                hid,
                since.isoformat(),
                d.due.isoformat(),
                d.kind,
                d.last_done.isoformat() if d.last_done else None,
                d.failed.on.isoformat() if d.failed else None,
                d.failed.outcome if d.failed else None,
            )
        )
    return rows


_UPSERT_DUE = (
    "INSERT OR REPLACE INTO gas_due "
    "(household_id, since, due, kind, last_done, failed_on, failed_outcome) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _households_since(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, date]:
    """The day each live household was recorded; the rows of the others (merged into
    another record, issue 10) are deleted: no check is due at a duplicate."""
    out: dict[str, date] = {}
    for chunk in _chunks(sorted(set(ids))):
        conn.execute(
            "DELETE FROM gas_due WHERE household_id IN (SELECT value FROM json_each(?)) "
            "AND household_id NOT IN (SELECT id FROM household WHERE id IN "
            "(SELECT value FROM json_each(?)) AND merged_into IS NULL)",
            (chunk, chunk),
        )
        for hid, clock in conn.execute(
            "SELECT id, _clock FROM household WHERE id IN (SELECT value FROM json_each(?)) "
            "AND merged_into IS NULL",
            (chunk,),
        ):
            out[hid] = since_of(clock)
    return out


def refresh_dues(
    conn: sqlite3.Connection,
    household_ids: Iterable[str],
    template: ChecklistTemplate | None = None,
) -> None:
    """Recompute the due rows of these households (from the table)."""
    households = _households_since(conn, household_ids)
    if households:
        rows = _due_rows(conn, households, template or template_in_force(conn))
        conn.executemany(_UPSERT_DUE, rows)


# -- hazards ------------------------------------------------------------------------------------


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def refresh_hazards(conn: sqlite3.Connection, hazard_ids: Iterable[str]) -> None:
    """Recompute the state rows of these hazards (a voided one has none)."""
    ids = sorted(set(hazard_ids))
    for chunk in _chunks(ids):
        conn.execute(
            "DELETE FROM gas_hazard_state WHERE hazard_id IN (SELECT value FROM json_each(?))",
            (chunk,),
        )
        hazards = conn.execute(
            "SELECT id, household_id, deadline FROM gas_hazard "
            "WHERE id IN (SELECT value FROM json_each(?)) AND voided IS NOT 1",
            (chunk,),
        ).fetchall()
        steps: dict[str, list[Step]] = {}
        for sid, hid, action, on, deadline in conn.execute(
            "SELECT id, hazard_id, action, step_on, deadline FROM gas_hazard_step "
            "WHERE hazard_id IN (SELECT value FROM json_each(?)) AND voided IS NOT 1",
            (chunk,),
        ):
            day = _day(on)
            if day is not None and action:
                steps.setdefault(hid, []).append(Step(sid, action, day, _day(deadline)))
        rows = []
        for hazard_id, household_id, deadline in hazards:
            if household_id is None:
                continue
            s = hazard_state(_day(deadline), steps.get(hazard_id, ()))
            due = s.recheck_due
            rows.append(
                (
                    hazard_id,
                    household_id,
                    s.status,
                    int(s.is_open),
                    s.deadline.isoformat() if s.deadline else None,
                    due.isoformat() if due else None,
                    s.fixed_on.isoformat() if s.fixed_on else None,
                    s.closed_on.isoformat() if s.closed_on else None,
                    s.escalated_on.isoformat() if s.escalated_on else None,
                    s.rechecks,
                    s.last_on.isoformat() if s.last_on else None,
                )
            )
        conn.executemany(
            "INSERT INTO gas_hazard_state (hazard_id, household_id, status, is_open, deadline, "
            "recheck_due, fixed_on, closed_on, escalated_on, rechecks, last_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


# -- the hook -------------------------------------------------------------------------------------


def _ids_of(conn: sqlite3.Connection, sql: str, ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(r[0] for r in conn.execute(sql, (chunk,)) if r[0] is not None)
    return out


def refresh_written(conn: sqlite3.Connection, written: Written) -> None:
    """The hook: bring both tables up to date with what one write touched."""
    touched, created = written.touched, written.created
    policies = touched.get("policy", ())
    if policies and _ids_of(
        conn,
        "SELECT id FROM policy WHERE id IN (SELECT value FROM json_each(?)) "
        "AND kind = 'gas_checklist'",
        list(policies),
    ):
        # Another interval or retry rule: every household's due date may move.
        refresh_dues(conn, [r[0] for r in conn.execute("SELECT id FROM household")])
    else:
        inspections = list(touched.get("gas_inspection", ()))
        redo = _ids_of(
            conn,
            "SELECT household_id FROM gas_inspection WHERE id IN (SELECT value FROM json_each(?))",
            inspections,
        )
        new_rows = created.get("household", {})
        fresh = {
            hid: since_of(row[-1])
            for hid, row in new_rows.items()
            if hid not in redo and row[_H_MERGED] is None
        }
        if fresh:
            # A new household has no inspection yet: due on the day it was recorded. (The
            # columns it has no value for are left out rather than bound as None, which
            # Python's sqlite3 binds at ~0.35 µs a value: see store.BLANK.)
            conn.executemany(
                "INSERT OR REPLACE INTO gas_due (household_id, since, due, kind) "
                "VALUES (?, ?, ?, 'gas_due')",
                [(h, d.isoformat(), d.isoformat()) for h, d in fresh.items()],
            )
        # Households edited but not new, whose row is missing (should not happen): made;
        # merged into another (a duplicate): their row goes.
        edited = [h for h in touched.get("household", ()) if h not in new_rows]
        if edited:
            redo |= set(edited) - _ids_of(
                conn,
                "SELECT household_id FROM gas_due WHERE household_id IN "
                "(SELECT value FROM json_each(?))",
                edited,
            )
            redo |= _ids_of(
                conn,
                "SELECT id FROM household WHERE id IN (SELECT value FROM json_each(?)) "
                "AND merged_into IS NOT NULL",
                edited,
            )
        if redo:
            refresh_dues(conn, redo)
    hazards = set(touched.get("gas_hazard", ()))
    steps = list(touched.get("gas_hazard_step", ()))
    if steps:
        hazards |= _ids_of(
            conn,
            "SELECT hazard_id FROM gas_hazard_step WHERE id IN (SELECT value FROM json_each(?))",
            steps,
        )
    if hazards:
        refresh_hazards(conn, hazards)


def rebuild(conn: sqlite3.Connection) -> None:
    """Both tables from scratch (the migration; a repair)."""
    conn.execute("DELETE FROM gas_due")
    conn.execute("DELETE FROM gas_hazard_state")
    refresh_dues(conn, [r[0] for r in conn.execute("SELECT id FROM household")])
    refresh_hazards(conn, [r[0] for r in conn.execute("SELECT id FROM gas_hazard")])
