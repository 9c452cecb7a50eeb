"""Sync status per micro-grid: when we last heard from it and what it still lacks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from gridworker.core.ordering import natural_key
from gridworker.store.store import Store
from gridworker.sync import state
from gridworker.sync.vector import SeqSet

SILENT_DAYS = 30


@dataclass(frozen=True)
class MicroGridStatus:
    """For the office: one micro-grid's workers; for a worker: its exchange with the office."""

    micro_grid_id: str
    name: str
    peers: tuple[str, ...]  # users of the laptops (or the office) heard from
    last_bundle_id: str | None
    last_bundle_created: str | None
    last_received_at: str | None
    days_silent: int | None  # None: never heard from
    unacked_ops: int  # operations held here that the other side has not acknowledged
    warning: str | None


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def _status(
    mg: str, name: str, peers: list[state.Peer], unacked: int, now: datetime, who: str
) -> MicroGridStatus:
    heard = [p for p in peers if p.last_received_at]
    last = max(heard, key=lambda p: p.last_received_at or "", default=None)
    days = None if last is None else (now - _parse(last.last_received_at or "")).days
    warning = None
    if last is None:
        warning = f"还没有收到过{who}的数据包。"
    elif days is not None and days >= SILENT_DAYS:
        warning = f"已有 {days} 天没有收到{who}的数据包。"
    return MicroGridStatus(
        micro_grid_id=mg,
        name=name,
        peers=tuple(sorted({p.user for p in heard if p.user})),
        last_bundle_id=None if last is None else last.last_bundle_id,
        last_bundle_created=None if last is None else last.last_bundle_created,
        last_received_at=None if last is None else last.last_received_at,
        days_silent=days,
        unacked_ops=unacked,
        warning=warning,
    )


def _count_unacked(
    store: Store, where: str, params: Sequence[str] | Mapping[str, str], acked: SeqSet
) -> int:
    sql = "SELECT device_id, seq FROM ops" + (f" WHERE {where}" if where else "")
    cur = store.conn.execute(sql, params)
    cur.row_factory = None
    rows = cur.fetchall()
    return len(rows) - acked.count_held(rows)


def sync_status(store: Store, now: datetime | None = None) -> list[MicroGridStatus]:
    """Office: every micro-grid of the community. Worker: its own micro-grid vs the office."""
    ident = store.identity
    now = now or datetime.now(UTC)
    if ident.role == "worker":
        assert ident.micro_grid_id is not None
        r = store.conn.execute(
            "SELECT name FROM micro_grid WHERE id = ?", (ident.micro_grid_id,)
        ).fetchone()
        offices = state.peers(store.conn, roles=("office",))
        acked = state.office_acked(store.conn)
        return [
            _status(
                ident.micro_grid_id,
                str(r[0]) if r is not None else ident.micro_grid_id,
                offices,
                _count_unacked(store, "", [], acked),
                now,
                "社区",
            )
        ]
    out = []
    grids = store.conn.execute(
        "SELECT id, name FROM micro_grid WHERE community = ? OR community IS NULL",
        (ident.community,),
    ).fetchall()
    for g in sorted(grids, key=lambda g: natural_key(g["name"])):
        mg = g["id"]
        where, params = state.scope_sql(store.conn, mg)
        workers = state.peers(store.conn, roles=("worker", "setup"), micro_grid_id=mg)
        acked = state.micro_grid_acked(store.conn, mg)
        out.append(
            _status(
                mg,
                g["name"] or mg,
                workers,
                _count_unacked(store, where, params, acked),
                now,
                "这个微网格",
            )
        )
    return out
