"""Due dates kept as derived data: who was met when, and when each flagged resident and
each household with a follow-up must next be visited.

Three device-local tables (migration 8), updated by the ``care`` hook inside every write
transaction — local edits, imported operations and conflict resolutions alike — so the
work list is a few indexed reads:

* ``visit_contact``: one row per (resident met, live visit): the day and the method.
* ``care_due``: per resident, the colour's due date and the first unanswered major
  event's (:func:`gridworker.core.care.care_dues` over the policy in force).
* ``followup_due``: per household, the earliest follow-up date not yet answered by a later
  visit that met somebody.

Every row is a function of the records held (and the policy in force), never of the order
they arrived in: :func:`rebuild` computes the same tables from scratch, and a test holds
the incremental updates to it. Only ``gridworker.core`` rules decide dates here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from gridworker.core.care import Contact, MajorEvent, care_dues
from gridworker.core.care_policy import NOBODY_HOME, CarePolicy
from gridworker.core.ids import care_flag_id
from gridworker.store.entities import VISIT

__all__ = ["FOLLOWED", "rebuild", "recompute_residents", "update"]

FOLLOWED = frozenset({"care_flag", "care_event", "visit", "resident", "policy"})
"""The kinds whose records the due dates depend on."""

_CHUNK = 500
_VISIT_FIELDS = VISIT.field_names
_V_HOUSEHOLD = 1 + _VISIT_FIELDS.index("household_id")
_V_DAY = 1 + _VISIT_FIELDS.index("visited_on")
_V_METHOD = 1 + _VISIT_FIELDS.index("method")
_V_MET = 1 + _VISIT_FIELDS.index("residents_met")
_V_VOIDED = 1 + _VISIT_FIELDS.index("voided")


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _policy(conn: sqlite3.Connection) -> CarePolicy:
    # Imported here: policies reads through the Store, which imports the hooks.
    from gridworker.store.policies import care_policy_of

    return care_policy_of(conn)


# -- the hook -------------------------------------------------------------------------------


def update(
    conn: sqlite3.Connection,
    touched: Mapping[str, Sequence[str]],
    created: Mapping[str, Mapping[str, Sequence[Any]]],
) -> None:
    """Bring the derived tables in step with what one write touched."""
    policy_changed = bool(touched.get("policy")) and _care_policy_touched(conn, touched["policy"])
    residents: set[str] = set()
    visits = touched.get("visit", ())
    if visits:
        made = created.get("visit", {})
        households = _households_of_visits(conn, visits, made)
        residents |= _refresh_contacts(conn, visits, made)
        _refresh_followups(conn, households)
    if policy_changed:  # every due date follows the new policy
        rebuild_dues(conn)
        return
    residents.update(touched.get("resident", ()))
    for entity in ("care_flag", "care_event"):
        ids = touched.get(entity, ())
        if ids:
            residents |= _residents_of(conn, entity, ids)
    flags = touched.get("care_flag", ())
    if flags:
        residents |= _owners_with_dues(conn, flags)
    if residents:
        recompute_residents(conn, sorted(residents))


def _care_policy_touched(conn: sqlite3.Connection, ids: Sequence[str]) -> bool:
    for chunk in _chunks(ids):
        r = conn.execute(
            f"SELECT 1 FROM policy WHERE kind = 'care' AND id IN ({_marks(len(chunk))}) LIMIT 1",
            chunk,
        ).fetchone()
        if r is not None:
            return True
    return False


def _owners_with_dues(conn: sqlite3.Connection, flag_ids: Sequence[str]) -> set[str]:
    """Residents with due dates whose own flag is among ``flag_ids`` but points elsewhere.
    A merge points the other resident's flag at the kept one: the flag's resident is then
    no longer the one whose due dates it made. Only such flags cost a look at the due
    dates (a few thousand rows); a flag on its own resident costs one indexed read."""
    wanted: set[str] = set()
    for chunk in _chunks(flag_ids):
        wanted.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM care_flag WHERE id IN ({_marks(len(chunk))}) "
                "AND (resident_id IS NULL OR id != care_flag_id(resident_id))",
                chunk,
            )
        )
    if not wanted:
        return set()
    return {
        r[0]
        for r in conn.execute("SELECT DISTINCT resident_id FROM care_due")
        if care_flag_id(r[0]) in wanted
    }


def _residents_of(conn: sqlite3.Connection, entity: str, ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(ids):
        out.update(
            r[0]
            for r in conn.execute(
                f"SELECT resident_id FROM {entity} WHERE id IN ({_marks(len(chunk))}) "
                "AND resident_id IS NOT NULL",
                chunk,
            )
        )
    return out


# -- who was met ------------------------------------------------------------------------------


def _visit_rows(
    conn: sqlite3.Connection, ids: Sequence[str], made: Mapping[str, Sequence[Any]]
) -> Iterator[tuple[str, str | None, str | None, str | None, list[str], bool]]:
    """(id, household, day, method, residents met, voided) of these visits: the ones this
    write inserted from their rows, the others read back."""
    rest = []
    for vid in ids:
        row = made.get(vid)
        if row is None:
            rest.append(vid)
            continue
        met = row[_V_MET]
        yield (
            vid,
            row[_V_HOUSEHOLD],
            row[_V_DAY],
            row[_V_METHOD],
            json.loads(met) if met else [],
            bool(row[_V_VOIDED]),
        )
    for chunk in _chunks(rest):
        for r in conn.execute(
            "SELECT id, household_id, visited_on, method, residents_met, voided FROM visit "
            f"WHERE id IN ({_marks(len(chunk))})",
            chunk,
        ):
            yield (r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else [], bool(r[5]))


def _households_of_visits(
    conn: sqlite3.Connection, ids: Sequence[str], made: Mapping[str, Sequence[Any]]
) -> set[str]:
    out = {h for _v, h, *_ in _visit_rows(conn, ids, made) if h}
    # A visit that moved to another household (a correction) leaves its old one too.
    for chunk in _chunks(list(ids)):
        out.update(
            r[0]
            for r in conn.execute(
                f"SELECT household_id FROM followup_due WHERE visit_id IN ({_marks(len(chunk))})",
                chunk,
            )
        )
    return out


def _refresh_contacts(
    conn: sqlite3.Connection, ids: Sequence[str], made: Mapping[str, Sequence[Any]]
) -> set[str]:
    """Rewrite the contacts of these visits; returns every resident whose contacts changed
    (met before or now)."""
    affected: set[str] = set()
    old_ids = [v for v in ids if v not in made]
    for chunk in _chunks(old_ids):
        marks = _marks(len(chunk))
        affected.update(
            r[0]
            for r in conn.execute(
                f"SELECT resident_id FROM visit_contact WHERE visit_id IN ({marks})", chunk
            )
        )
        conn.execute(f"DELETE FROM visit_contact WHERE visit_id IN ({marks})", chunk)
    rows: list[tuple[str, str, str, str]] = []
    for vid, _h, day, method, met, voided in _visit_rows(conn, ids, made):
        if voided or not day or not method:
            continue
        for rid in met:
            rows.append((rid, vid, day, method))
            affected.add(rid)
    if rows:
        conn.executemany(
            "INSERT OR REPLACE INTO visit_contact (resident_id, visit_id, visited_on, method) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )
    return affected


# -- follow-ups ---------------------------------------------------------------------------------


def _refresh_followups(conn: sqlite3.Connection, households: Iterable[str]) -> None:
    """Per household: the earliest follow-up date of a live visit made after the household's
    last visit that met somebody (or that visit itself), if any."""
    ids = sorted(households)
    for chunk in _chunks(ids):
        marks = _marks(len(chunk))
        conn.execute(f"DELETE FROM followup_due WHERE household_id IN ({marks})", chunk)
        conn.execute(
            "INSERT INTO followup_due (household_id, visit_id, due) "
            "SELECT household_id, id, follow_up_on FROM ("
            "  SELECT v.household_id, v.id, v.follow_up_on, row_number() OVER ("
            "    PARTITION BY v.household_id ORDER BY v.follow_up_on, v.id) AS n"
            "  FROM visit v WHERE v.household_id IN ("
            f"{marks}) AND v.follow_up_on IS NOT NULL AND v.voided IS NOT 1"
            "  AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = v.household_id"
            f"   AND w.voided IS NOT 1 AND w.method IS NOT '{NOBODY_HOME}'"
            "   AND w.visited_on > v.visited_on)"
            ") WHERE n = 1",
            chunk,
        )


# -- due dates ---------------------------------------------------------------------------------


def recompute_residents(conn: sqlite3.Connection, resident_ids: Sequence[str]) -> None:
    """Recompute the due dates of these residents (only the flagged, or those with a major
    event, have any)."""
    policy: CarePolicy | None = None
    for chunk in _chunks(resident_ids):
        marks = _marks(len(chunk))
        conn.execute(f"DELETE FROM care_due WHERE resident_id IN ({marks})", chunk)
        flags = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                f"SELECT resident_id, colour, set_on FROM care_flag WHERE resident_id IN ({marks}) "
                "AND colour IS NOT NULL AND id = care_flag_id(resident_id)",
                chunk,
            )
        }
        events: dict[str, list[tuple[str, MajorEvent]]] = {}
        for r in conn.execute(
            f"SELECT resident_id, id, kind, happened_on FROM care_event "
            f"WHERE resident_id IN ({marks}) AND voided IS NOT 1 AND happened_on IS NOT NULL",
            chunk,
        ):
            events.setdefault(r[0], []).append(
                (r[1], MajorEvent(r[2] or "其他", date.fromisoformat(r[3])))
            )
        merged = {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM resident WHERE id IN ({marks}) AND merged_into IS NOT NULL", chunk
            )
        }  # a duplicate merged away: what it had is the kept record's now
        wanted = [rid for rid in chunk if (rid in flags or rid in events) and rid not in merged]
        if not wanted:
            continue
        if policy is None:
            policy = _policy(conn)
        _write_dues(conn, wanted, flags, events, policy)


def _write_dues(
    conn: sqlite3.Connection,
    wanted: list[str],
    flags: Mapping[str, tuple[str | None, str | None]],
    events: Mapping[str, list[tuple[str, MajorEvent]]],
    policy: CarePolicy,
) -> None:
    marks = _marks(len(wanted))
    active = {
        r[0]
        for r in conn.execute(
            f"SELECT id FROM resident WHERE id IN ({marks}) AND coalesce(status, '在住') = '在住'",
            wanted,
        )
    }
    contacts: dict[str, list[Contact]] = {}
    for r in conn.execute(
        "SELECT resident_id, method, max(visited_on) FROM visit_contact "
        f"WHERE resident_id IN ({marks}) GROUP BY resident_id, method",
        wanted,
    ):
        contacts.setdefault(r[0], []).append(Contact(date.fromisoformat(r[2]), r[1]))
    rows: list[tuple[str, str, str, str | None, str | None, str | None]] = []
    for rid in wanted:
        colour, since = flags.get(rid, (None, None))
        held = events.get(rid, [])
        dues = care_dues(
            active=rid in active,
            colour=colour,
            colour_since=_date(since),
            contacts=contacts.get(rid, []),
            events=[e for _id, e in held],
            policy=policy,
        )
        for d in dues:
            event_id = None
            if d.event is not None:
                event_id = min(i for i, e in held if e == d.event)
            rows.append(
                (
                    rid,
                    d.reason,
                    d.due.isoformat(),
                    d.colour,
                    d.last_counting.isoformat() if d.last_counting else None,
                    event_id,
                )
            )
    if rows:
        conn.executemany(
            "INSERT INTO care_due (resident_id, reason, due, colour, last_counting, event_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def rebuild_dues(conn: sqlite3.Connection) -> None:
    """Every resident's due dates again (the policy in force changed)."""
    conn.execute("DELETE FROM care_due")
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT resident_id FROM care_flag WHERE colour IS NOT NULL AND resident_id IS NOT NULL "
            "UNION SELECT resident_id FROM care_event WHERE voided IS NOT 1 "
            "AND resident_id IS NOT NULL"
        )
    ]
    recompute_residents(conn, sorted(ids))


def rebuild(conn: sqlite3.Connection) -> None:
    """All three tables from the records alone (a check, or after a repair)."""
    conn.execute("DELETE FROM visit_contact")
    rows = []
    for vid, day, method, met in conn.execute(
        "SELECT id, visited_on, method, residents_met FROM visit "
        "WHERE voided IS NOT 1 AND visited_on IS NOT NULL AND method IS NOT NULL"
    ):
        for rid in json.loads(met) if met else []:
            rows.append((rid, vid, day, method))
    conn.executemany(
        "INSERT OR REPLACE INTO visit_contact (resident_id, visit_id, visited_on, method) "
        "VALUES (?, ?, ?, ?)",
        rows,
    )
    conn.execute("DELETE FROM followup_due")
    _refresh_followups(
        conn,
        [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT household_id FROM visit WHERE follow_up_on IS NOT NULL "
                "AND household_id IS NOT NULL"
            )
        ],
    )
    rebuild_dues(conn)
