"""Device-local sync bookkeeping: peers and what they acknowledged, and bundle history."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from gridworker.store.entities import ENTITIES
from gridworker.store.moves import HERE_SQL, once_in_sql
from gridworker.store.scope import members_sql, moving_field
from gridworker.store.store import Store
from gridworker.sync.bundle import Manifest
from gridworker.sync.vector import SeqSet, intersect_all


def office_wide_entities() -> frozenset[str]:
    """Kinds that belong to the whole community (the office's rule documents): sent to
    every micro-grid; their operations carry micro_grid_id = NULL."""
    return frozenset(s.name for s in ENTITIES.values() if s.community_wide)


@dataclass(frozen=True)
class Peer:
    device_id: str
    role: str
    user: str | None
    micro_grid_id: str | None
    last_received_at: str | None
    last_bundle_id: str | None
    last_bundle_created: str | None
    acked: SeqSet


def _peer(r: sqlite3.Row) -> Peer:
    return Peer(
        r["device_id"],
        r["role"],
        r["user_name"],
        r["micro_grid_id"],
        r["last_received_at"],
        r["last_bundle_id"],
        r["last_bundle_created"],
        SeqSet.from_json(json.loads(r["acked_vector"])),
    )


def peers(
    conn: sqlite3.Connection, *, roles: tuple[str, ...], micro_grid_id: str | None = None
) -> list[Peer]:
    """The peers of these roles that still speak for themselves: a device whose history
    another device continues (a laptop restored from a backup or copied started a new
    one, and said so) is left out, so what it held no longer counts as acknowledged."""
    sql = (
        f"SELECT * FROM sync_peer WHERE role IN ({','.join('?' * len(roles))})"
        " AND succeeded_by IS NULL"
    )
    params: list[str] = list(roles)
    if micro_grid_id is not None:
        sql += " AND micro_grid_id = ?"
        params.append(micro_grid_id)
    return [_peer(r) for r in conn.execute(sql + " ORDER BY device_id", params)]


def office_acked(conn: sqlite3.Connection) -> SeqSet:
    """What every office we heard from holds (an op is acknowledged when all hold it)."""
    return intersect_all(p.acked for p in peers(conn, roles=("office",)))


def micro_grid_acked(conn: sqlite3.Connection, micro_grid_id: str) -> SeqSet:
    """What every worker laptop of a micro-grid (and every unanswered set-up) holds."""
    return intersect_all(
        p.acked for p in peers(conn, roles=("worker", "setup"), micro_grid_id=micro_grid_id)
    )


def scope_sql(conn: sqlite3.Connection, micro_grid_id: str) -> tuple[str, dict[str, str]]:
    """WHERE clause (named parameters) selecting the operations that travel to a micro-grid.

    Four kinds: operations made within it; the whole history of every record now in it
    (a household the office moved here was made under another micro-grid, and its worker
    has never seen it); for records that were once in it, the operations that moved them
    away (so its worker learns they left, and stops holding them); and the records those
    moved to (a household's new micro-grid), which the moved record needs to point at.
    "Once in it" includes a record that came only with its parent (a resident of a
    household moved here) and moved on (:func:`~gridworker.store.moves.once_in_sql`).
    """
    # Each part is a lookup by an index of the change log (its micro-grid, or its record),
    # and the micro-grid's own part of the log is read once (``here``): a micro-grid costs
    # the operations it gets, not a pass over the whole log (the office's status of 118
    # micro-grids, and its exports).
    parts = ["SELECT rowid FROM ops WHERE micro_grid_id = :mg"]
    wide = sorted(office_wide_entities())
    if wide:
        parts.append(
            "SELECT rowid FROM ops WHERE micro_grid_id IS NULL AND entity IN ("
            + ", ".join(f"'{w}'" for w in wide)
            + ")"
        )
    for name in sorted(ENTITIES):
        members = members_sql(name)
        if members is not None and ENTITIES[name].scope_field != "id":
            parts.append(
                f"SELECT rowid FROM ops WHERE entity_id IN ({members}) AND entity = '{name}'"
            )
        field = moving_field(name)
        if field is not None:
            parts.append(
                f"SELECT rowid FROM ops WHERE entity_id IN ({once_in_sql(name, 'here')})"
                f" AND entity = '{name}' AND json_type(fields, '$.{field}') IS NOT NULL"
            )
    params = {"mg": micro_grid_id}
    targets = sorted(_moved_to(conn, micro_grid_id))
    for i, target in enumerate(targets):
        params[f"t{i}"] = target
    if targets:
        marks = ", ".join(f":t{i}" for i in range(len(targets)))
        parts.append(f"SELECT rowid FROM ops WHERE entity_id IN ({marks})")
    return f"rowid IN (WITH here AS ({HERE_SQL}) " + " UNION ".join(parts) + ")", params


def _moved_to(conn: sqlite3.Connection, micro_grid_id: str) -> set[str]:
    """Where records once in the micro-grid now point, when that is outside it: the
    household a resident moved to and that household's micro-grid, the micro-grid a
    household moved to. The micro-grid's worker needs them for the moved records."""
    selects = []
    for name in sorted(ENTITIES):
        field = moving_field(name)
        s = ENTITIES[name]
        if field is None or s.parent is None:
            continue
        members = members_sql(s.parent[1])
        outside = f" AND {field} NOT IN ({members})" if members is not None else ""
        selects.append(
            f"SELECT '{s.parent[1]}', {field} FROM {s.table} WHERE id IN"
            f" ({once_in_sql(name, 'here')}) AND {field} IS NOT NULL{outside}"
        )
    found: set[tuple[str, str]] = set()
    if selects:
        sql = f"WITH here AS ({HERE_SQL}) " + " UNION ".join(selects)
        found = {(r[0], r[1]) for r in conn.execute(sql, {"mg": micro_grid_id})}
    todo = list(found)
    while todo:
        name, rid = todo.pop()
        s = ENTITIES[name]
        field = moving_field(name)
        if field is None or s.parent is None:
            continue
        r = conn.execute(f"SELECT {field} FROM {s.table} WHERE id = ?", (rid,)).fetchone()
        if r is not None and r[0] is not None and (s.parent[1], r[0]) not in found:
            found.add((s.parent[1], r[0]))
            todo.append((s.parent[1], r[0]))
    return {rid for _name, rid in found}


def record_received(
    conn: sqlite3.Connection,
    m: Manifest,
    path: str,
    at: str,
    *,
    new: int,
    held: int,
    conflicts: int,
) -> None:
    """Remember what the sender holds (union with what it said before) and log the bundle."""
    r = conn.execute("SELECT * FROM sync_peer WHERE device_id = ?", (m.sender_device,)).fetchone()
    if r is None:
        acked = m.version_vector
        conn.execute(
            "INSERT INTO sync_peer (device_id, role, user_name, micro_grid_id, last_received_at, "
            "last_bundle_id, last_bundle_created, acked_vector) VALUES (?,?,?,?,?,?,?,?)",
            (
                m.sender_device,
                m.sender_role,
                m.sender_user,
                m.micro_grid_id if m.sender_role == "worker" else None,
                at,
                m.bundle_id,
                m.created,
                json.dumps(acked.to_json()),
            ),
        )
    else:
        old = _peer(r)
        acked = old.acked.union(m.version_vector)
        newer = (old.last_bundle_created or "") <= m.created
        conn.execute(
            "UPDATE sync_peer SET acked_vector = ?, last_received_at = ?, user_name = ?, "
            "last_bundle_id = ?, last_bundle_created = ? WHERE device_id = ?",
            (
                json.dumps(acked.to_json()),
                at,
                m.sender_user if newer else old.user,
                m.bundle_id if newer else old.last_bundle_id,
                m.created if newer else old.last_bundle_created,
                m.sender_device,
            ),
        )
    if m.setup_from:
        # The laptop set up from that bundle now speaks for itself.
        conn.execute("DELETE FROM sync_peer WHERE device_id = ?", (f"setup:{m.setup_from}",))
    _succession(conn, m)
    log(conn, m, "received", path, at, new=new, held=held, conflicts=conflicts)


def _succession(conn: sqlite3.Connection, m: Manifest) -> None:
    """Who speaks for a device history.

    A sender whose file was put back from a backup started a new device history and names
    the one it replaces (``replaces``): the old device's file is gone, so what it held is
    no longer taken as held, and the operations it had and the restored file lacks are
    sent again. (A copy of a file names nothing: its original may be in use, and counts as
    a laptop of its own.) A replaced device that speaks again with a later bundle counts
    again from then on.
    """
    conn.execute(
        "UPDATE sync_peer SET succeeded_by = NULL, succeeded_at = NULL "
        "WHERE device_id = ? AND succeeded_at < ?",
        (m.sender_device, m.created),
    )
    for old in m.replaces:
        conn.execute(
            "UPDATE sync_peer SET succeeded_by = ?, succeeded_at = ? WHERE device_id = ?"
            " AND (succeeded_at IS NULL OR succeeded_at < ?)"
            " AND (last_bundle_created IS NULL OR last_bundle_created <= ?)",
            (m.sender_device, m.created, old, m.created, m.created),
        )


def record_setup(conn: sqlite3.Connection, m: Manifest, holds: SeqSet) -> None:
    """At the office: a laptop set up from this bundle will hold exactly its operations."""
    conn.execute(
        "INSERT OR REPLACE INTO sync_peer (device_id, role, user_name, micro_grid_id, "
        "acked_vector) VALUES (?, 'setup', NULL, ?, ?)",
        (f"setup:{m.bundle_id}", m.micro_grid_id, json.dumps(holds.to_json())),
    )


def log(
    conn: sqlite3.Connection,
    m: Manifest,
    direction: str,
    path: str,
    at: str,
    *,
    new: int = 0,
    held: int = 0,
    conflicts: int = 0,
) -> None:
    conn.execute(
        "INSERT INTO bundle_log (bundle_id, direction, kind, peer_device_id, peer_user, "
        "micro_grid_id, path, at, bundle_created, op_count, new_ops, held_ops, conflicts) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            m.bundle_id,
            direction,
            m.kind,
            m.sender_device if direction == "received" else None,
            m.sender_user if direction == "received" else None,
            m.micro_grid_id,
            path,
            at,
            m.created,
            m.op_count,
            new,
            held,
            conflicts,
        ),
    )


@dataclass(frozen=True)
class LogEntry:
    bundle_id: str
    direction: str
    kind: str
    peer_user: str | None
    micro_grid_id: str | None
    path: str | None
    at: str
    op_count: int
    new_ops: int
    held_ops: int
    conflicts: int


def bundle_history(store: Store, limit: int = 100) -> list[LogEntry]:
    """Bundles sent and received, newest first (for the 同步 screen)."""
    conn = store.conn
    return [
        LogEntry(
            r["bundle_id"],
            r["direction"],
            r["kind"],
            r["peer_user"],
            r["micro_grid_id"],
            r["path"],
            r["at"],
            r["op_count"],
            r["new_ops"],
            r["held_ops"],
            r["conflicts"],
        )
        for r in conn.execute(
            "SELECT * FROM bundle_log ORDER BY at DESC, id DESC LIMIT ?", (limit,)
        )
    ]
