"""The Store: an open database with its installation identity and the one write path.

Every edit of synced data goes through :meth:`Store.write` (or the ``create``/``update``
shorthands): it computes the fields that really changed, writes one operation per record
to the change log and applies it, all in the caller's transaction. Imported operations
go through :meth:`Store.apply_ops`, which uses the same merge rule.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from gridworker.core.hlc import Clock
from gridworker.core.ids import micro_grid_id as make_micro_grid_id
from gridworker.core.ids import uuid7
from gridworker.store import search_index
from gridworker.store.db import open_database
from gridworker.store.entities import ENTITIES, MICRO_GRID, EntitySpec, spec
from gridworker.store.errors import NotInitialised, StoreError, ValidationError
from gridworker.store.merge import (
    ApplyCounts,
    apply_op,
    from_db,
    has_open_conflicts,
    refresh_conflicts,
    to_db,
)
from gridworker.store.ops import INSERT_OP, INSERT_OP_IF_NEW, Op, Value, dumps

Role = Literal["worker", "office"]


@dataclass(frozen=True)
class Identity:
    """Who this installation is: it stamps every operation it makes."""

    device_id: str
    role: Role
    community: str
    micro_grid_id: str | None
    user: str


@dataclass
class Change:
    """One requested edit: a new record (``new=True``) or changed fields of an existing one."""

    entity: str
    values: dict[str, Value]
    entity_id: str | None = None
    new: bool = False


@dataclass
class _Pending:
    inserts: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    ops: list[tuple[Any, ...]] = field(default_factory=list)
    touched: dict[str, list[str]] = field(default_factory=dict)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def clean(value: Value) -> Value:
    """Empty text means "no value": stored as NULL so '' and None never differ."""
    if value.__class__ is str:
        return value.strip() or None
    return value


class Store:
    """An open GridWorker database. Use from one thread at a time."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.conn = conn
        self.path = path
        self._depth = 0
        self._identity: Identity | None = None
        self._clock: Clock | None = None
        self._seq = 0
        self._load_identity()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Store:
        conn = open_database(path)
        return cls(conn, None if str(path) == ":memory:" else Path(path))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity ------------------------------------------------------------------
    def _load_identity(self) -> None:
        r = self.conn.execute("SELECT * FROM installation").fetchone()
        if r is None:
            return
        self._identity = Identity(
            r["device_id"], r["role"], r["community"], r["micro_grid_id"], r["user_name"]
        )
        self._clock = Clock(r["device_id"], self.meta("hlc_last"))
        self._seq = int(self.meta("seq_last") or 0)

    @property
    def initialised(self) -> bool:
        return self._identity is not None

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            raise NotInitialised(
                "数据库还没有初始化：请先运行 gridworker init（或在首次启动向导中设置）。"
            )
        return self._identity

    def init_installation(
        self,
        role: Role,
        community: str,
        user: str,
        micro_grid: str | None = None,
        device_id: str | None = None,
    ) -> Identity:
        """Make this database an installation: a worker of one micro-grid, or an office."""
        community, user = community.strip(), user.strip()
        if self._identity is not None:
            raise StoreError("这个数据库已经初始化过了，不能再次初始化。")
        if role not in ("worker", "office"):
            raise ValidationError(f"角色只能是 worker（网格员）或 office（社区），不是 {role!r}")
        if not community:
            raise ValidationError("请填写社区名称。")
        if not user:
            raise ValidationError("请填写使用人姓名。")
        if role == "worker" and not (micro_grid and micro_grid.strip()):
            raise ValidationError("网格员安装需要填写所负责的微网格名称。")
        mg_id = make_micro_grid_id(community, micro_grid) if micro_grid else None
        device = device_id or uuid7()
        with self.transaction():
            self.conn.execute(
                "INSERT INTO installation VALUES (1, ?, ?, ?, ?, ?, ?)",
                (device, role, community, mg_id if role == "worker" else None, user, utc_now()),
            )
            self._load_identity()
            if micro_grid:
                self.ensure_micro_grid(micro_grid)
        return self.identity

    def ensure_micro_grid(self, name: str) -> str:
        """The id of the named micro-grid of this community, creating it on first use."""
        name = name.strip()
        if not name:
            raise ValidationError("微网格名称不能为空。")
        mg = make_micro_grid_id(self.identity.community, name)
        if self.get(MICRO_GRID.name, mg) is None:
            self.write(
                [
                    Change(
                        "micro_grid",
                        {"name": name, "community": self.identity.community},
                        entity_id=mg,
                        new=True,
                    )
                ]
            )
        return mg

    # -- device-local settings ----------------------------------------------------------
    def meta(self, key: str) -> str | None:
        r = self.conn.execute("SELECT value FROM local_meta WHERE key = ?", (key,)).fetchone()
        return None if r is None else str(r[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO local_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- transactions --------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            if self._clock is not None:
                self.set_meta("hlc_last", self._clock.last)
                self.set_meta("seq_last", str(self._seq))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._load_identity()  # forget clock/seq advanced inside the failed transaction
            raise
        finally:
            self._depth = 0

    # -- reading -------------------------------------------------------------------
    def get(self, entity: str, entity_id: str) -> dict[str, Value] | None:
        """One record's synced fields (lists decoded), or None."""
        s = spec(entity)
        r = self.conn.execute(
            f"SELECT id, {', '.join(s.fields)} FROM {s.table} WHERE id = ?", (entity_id,)
        ).fetchone()
        if r is None:
            return None
        out: dict[str, Value] = {"id": r["id"]}
        for f in s.fields:
            out[f] = from_db(s, f, r[f])
        return out

    # -- the one write path ---------------------------------------------------------------
    def create(self, entity: str, values: dict[str, Value], entity_id: str | None = None) -> str:
        ops = self.write([Change(entity, values, entity_id=entity_id, new=True)])
        return ops[0].entity_id

    def update(self, entity: str, entity_id: str, values: dict[str, Value]) -> Op | None:
        ops = self.write([Change(entity, values, entity_id=entity_id)])
        return ops[0] if ops else None

    def write(self, changes: Sequence[Change]) -> list[Op]:
        """Write edits as operations in the change log and apply them; returns the ops written.

        Only fields whose value really changes are written; a change with none is skipped.
        """
        ident = self.identity
        assert self._clock is not None
        written: list[Op] = []
        pending = _Pending()
        scope_cache: dict[tuple[str, str], str | None] = {}
        with self.transaction():
            for ch in changes:
                s = spec(ch.entity)
                unknown = set(ch.values) - set(s.fields)
                if unknown:
                    raise ValidationError(
                        f"{s.label or s.name}没有这些字段：{', '.join(sorted(unknown))}"
                    )
                values = {f: clean(v) for f, v in ch.values.items()}
                if ch.new:
                    entity_id = ch.entity_id or uuid7()
                    fields: dict[str, Value] = {
                        f: v for f, v in values.items() if v is not None and v != []
                    }
                    base: dict[str, str] = {}
                else:
                    if ch.entity_id is None:
                        raise ValidationError("修改记录时缺少记录编号。")
                    entity_id = ch.entity_id
                    self._flush(pending)
                    current = self._current(s, entity_id)
                    if current is None:
                        raise ValidationError(f"要修改的{s.label}不存在（编号 {entity_id}）。")
                    row, clock = current
                    fields = {f: v for f, v in values.items() if _differs(v, row[f])}
                    if not fields:
                        continue
                    base = {f: clock[f] for f in fields if f in clock}
                hlc = self._clock.tick()
                self._seq += 1
                scope = self._scope(s, entity_id, fields, scope_cache)
                if ch.new:
                    scope_cache[(s.name, entity_id)] = scope
                op = Op(
                    op_id=uuid7(),
                    device_id=ident.device_id,
                    seq=self._seq,
                    hlc=hlc,
                    user=ident.user,
                    entity=s.name,
                    entity_id=entity_id,
                    fields=fields,
                    base=base,
                    micro_grid_id=scope,
                )
                pending.ops.append(op.row())
                if ch.new:
                    clock_map = dict.fromkeys(fields, hlc)
                    pending.inserts.setdefault(s.name, []).append(
                        (
                            entity_id,
                            *(to_db(s, f, fields.get(f)) for f in s.fields),
                            dumps(clock_map),
                        )
                    )
                else:
                    clock.update(dict.fromkeys(fields, hlc))
                    sets = ", ".join(f"{f} = ?" for f in fields)
                    self.conn.execute(
                        f"UPDATE {s.table} SET {sets}, _clock = ? WHERE id = ?",
                        (*(to_db(s, f, v) for f, v in fields.items()), dumps(clock), entity_id),
                    )
                    if has_open_conflicts(self.conn, entity_id):
                        self._flush(pending)
                        refresh_conflicts(
                            self.conn, s, entity_id, fields, op.op_id, utc_now(), ApplyCounts()
                        )
                pending.touched.setdefault(s.name, []).append(entity_id)
                written.append(op)
            self._flush(pending)
            for entity, ids in pending.touched.items():
                search_index.reindex(self.conn, entity, ids)
        return written

    def _flush(self, pending: _Pending) -> None:
        for entity, rows in pending.inserts.items():
            s = spec(entity)
            cols = ["id", *s.fields, "_clock"]
            try:
                self.conn.executemany(
                    f"INSERT INTO {s.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    rows,
                )
            except sqlite3.IntegrityError as e:
                raise ValidationError(f"新建{s.label}失败：编号重复（{e}）") from e
        pending.inserts.clear()
        if pending.ops:
            self.conn.executemany(INSERT_OP, pending.ops)
            pending.ops.clear()

    def _current(
        self, s: EntitySpec, entity_id: str
    ) -> tuple[dict[str, Value], dict[str, str]] | None:
        r = self.conn.execute(
            f"SELECT {', '.join(s.fields)}, _clock FROM {s.table} WHERE id = ?", (entity_id,)
        ).fetchone()
        if r is None:
            return None
        return {f: from_db(s, f, r[f]) for f in s.fields}, json.loads(r["_clock"])

    def _scope(
        self,
        s: EntitySpec,
        entity_id: str,
        fields: dict[str, Value],
        cache: dict[tuple[str, str], str | None],
    ) -> str | None:
        """The micro-grid an operation belongs to, so sync can route it."""
        if s.scope_field == "id":
            return entity_id
        if (s.name, entity_id) in cache:
            return cache[(s.name, entity_id)]
        if s.scope_field is not None:
            v = fields.get(s.scope_field)
            if isinstance(v, str):
                return v
            r = self.conn.execute(
                f"SELECT {s.scope_field} FROM {s.table} WHERE id = ?", (entity_id,)
            ).fetchone()
            return None if r is None else r[0]
        if s.parent is None:
            return None
        parent_field, parent_entity = s.parent
        parent_id = fields.get(parent_field)
        if not isinstance(parent_id, str):
            r = self.conn.execute(
                f"SELECT {parent_field} FROM {s.table} WHERE id = ?", (entity_id,)
            ).fetchone()
            parent_id = None if r is None else r[0]
        if parent_id is None:
            return None
        key = (parent_entity, parent_id)
        if key not in cache:
            ps = spec(parent_entity)
            cache[key] = self._scope(ps, parent_id, self.get(parent_entity, parent_id) or {}, cache)
        return cache[key]

    # -- applying received operations ---------------------------------------------------------
    def apply_ops(self, ops: Iterable[Op]) -> ApplyCounts:
        """Apply operations from another device, in hlc order; already-held ones are skipped.

        Runs in one transaction (joining the caller's, if any). Operations are the unit of
        idempotency: an op_id already in the log changes nothing.
        """
        counts = ApplyCounts()
        now = utc_now()
        touched: dict[str, set[str]] = {}
        with self.transaction():
            max_hlc = ""
            for op in sorted(ops, key=lambda o: o.hlc):
                s = ENTITIES.get(op.entity)
                if s is None:
                    raise ValidationError(f"不认识的记录类型：{op.entity}")
                cur = self.conn.execute(INSERT_OP_IF_NEW, op.row(received_at=now))
                if cur.rowcount == 0:
                    counts.held += 1
                    continue
                counts.new += 1
                apply_op(self.conn, s, op, now, counts)
                touched.setdefault(s.name, set()).add(op.entity_id)
                max_hlc = max(max_hlc, op.hlc)
            if max_hlc and self._clock is not None:
                self._clock.observe(max_hlc)
            for entity, ids in touched.items():
                search_index.reindex(self.conn, entity, sorted(ids))
        return counts

    # -- conflicts -------------------------------------------------------------------
    def open_conflicts(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM conflicts WHERE resolved_by IS NULL ORDER BY detected_at, id"
        ).fetchall()

    def resolve_conflict(self, conflict_id: int, keep: Literal["current", "other"]) -> Op:
        """A person's choice between the kept value and the one that lost.

        Written as a new operation that supersedes both values, so the choice syncs and
        closes the same conflict on every replica.
        """
        ident = self.identity
        assert self._clock is not None
        c = self.conn.execute(
            "SELECT * FROM conflicts WHERE id = ? AND resolved_by IS NULL", (conflict_id,)
        ).fetchone()
        if c is None:
            raise ValidationError(f"冲突 {conflict_id} 不存在或已经处理过了。")
        s = spec(c["entity"])
        f = c["field"]
        with self.transaction():
            current = self._current(s, c["entity_id"])
            if current is None:
                raise ValidationError("冲突涉及的记录已不存在。")
            row, clock = current
            value: Value = json.loads(c["loser_value"]) if keep == "other" else row[f]
            hlc = self._clock.tick()
            self._seq += 1
            op = Op(
                op_id=uuid7(),
                device_id=ident.device_id,
                seq=self._seq,
                hlc=hlc,
                user=ident.user,
                entity=s.name,
                entity_id=c["entity_id"],
                fields={f: value},
                base={f: clock[f]} if f in clock else {},
                merged={f: [c["loser_hlc"]]},
                micro_grid_id=self._scope(s, c["entity_id"], {}, {}),
            )
            self.conn.execute(INSERT_OP, op.row())
            apply_op(self.conn, s, op, utc_now(), ApplyCounts())
            search_index.reindex(self.conn, s.name, [c["entity_id"]])
        return op


def _differs(new: Value, old: Value) -> bool:
    if isinstance(old, list) or isinstance(new, list):
        return (new or []) != (old or [])
    return new != old
