"""The Store: an open database with its installation identity and the one write path.

Every edit of synced data goes through :meth:`Store.write` (or the ``create``/``update``
shorthands): it computes the fields that really changed, writes one operation per record
to the change log and applies it, all in the caller's transaction. Imported operations
go through :meth:`Store.apply_ops`, which uses the same merge rule.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from gridworker.core.gcpause import gc_paused
from gridworker.core.hlc import Clock
from gridworker.core.ids import micro_grid_id as make_micro_grid_id
from gridworker.core.ids import uuid7
from gridworker.core.messages import Message, msg
from gridworker.core.textnorm import without_controls
from gridworker.store import derived, moves
from gridworker.store import device_history as histories
from gridworker.store.changes import Changes
from gridworker.store.db import BUSY_TIMEOUT_MS, open_file
from gridworker.store.entities import (
    ENTITIES,
    MICRO_GRID,
    EntitySpec,
    field_term,
    record_term,
    spec,
)
from gridworker.store.errors import DatabaseDamaged, NotInitialised, StoreError, ValidationError
from gridworker.store.fields import BadValue, check_value, element_field, field_value
from gridworker.store.known_errors import busy_error, known, read_only_error
from gridworker.store.merge import (
    ApplyCounts,
    apply_batch,
    apply_op,
    from_db,
    has_open_conflicts,
    open_conflict_ids,
    refresh_conflicts,
)
from gridworker.store.ops import INSERT_OP, Op, Value, clock_dumps, clock_loads, clock_text, dumps

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


# Python's sqlite3 binds None through its adapter protocol (a lookup that raises and
# swallows an AttributeError): about 0.35 µs a value, seven times a nullif, and an
# imported resident has eleven missing values among its rows. The write path binds ""
# where a value may be missing and its statements turn "" back into NULL (nullif): no
# column it writes ever holds "" (empty text is no value, ids and JSON are never empty).
BLANK = ""

_INSERT_OWN_OP = (
    "INSERT INTO ops (op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base,"
    " micro_grid_id, wall) VALUES (?, ?, ?, ?, ?, ?, ?, ?, nullif(?, ''), nullif(?, ''), ?)"
)
"""An operation made here: never a merge list (only a conflict's resolution has one),
never a received time; base and micro-grid bound as BLANK when there are none."""


@dataclass
class _Pending:
    inserts: dict[str, list[list[Any]]] = field(default_factory=dict)  # rows as bound
    ops: list[tuple[Any, ...]] = field(default_factory=list)
    touched: dict[str, list[str]] = field(default_factory=dict)
    new_ids: set[str] = field(default_factory=set)  # ids of the rows in ``inserts``
    # entity -> id -> row as inserted, of records created and not changed again since:
    # the search index takes new residents from here instead of reading them back.
    created: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    # entity -> ids of stored records whose parent field an edit set (they may have moved)
    moved: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Columns:
    """Per-entity facts the write path needs for every record, worked out once."""

    spec: EntitySpec
    names: frozenset[str]
    kinds: dict[str, str]
    set_positions: tuple[tuple[int, str], ...]  # (position in an insert row, set field)
    insert: str  # its fields bound as BLANK when they have no value
    parent: tuple[str, str] | None  # (field, entity) its scope is taken from, if any
    blanks: tuple[str, ...]  # a BLANK per field

    @classmethod
    def of(cls, s: EntitySpec) -> _Columns:
        cols = ["id", *s.field_names, "_clock"]
        values = ["?", *(f"nullif(?, '{BLANK}')" for _ in s.field_names), "?"]
        return cls(
            s,
            s.names,
            dict(s.kinds),
            tuple((i + 1, f) for i, f in enumerate(s.field_names) if f in s.set_fields),
            f"INSERT INTO {s.table} ({', '.join(cols)}) VALUES ({', '.join(values)})",
            s.parent if s.scope_field is None else None,
            (BLANK,) * len(s.field_names),
        )


_COLUMNS: dict[str, _Columns] = {}


def _columns(s: EntitySpec) -> _Columns:
    c = _COLUMNS.get(s.name)
    if c is None or c.spec is not s:
        c = _COLUMNS[s.name] = _Columns.of(s)
    return c


def _checked(s: EntitySpec, f: str, v: object) -> Any:
    """``v`` as field ``f`` stores it, or a ValidationError naming the record and field."""
    try:
        return check_value(s.by_name[f], v)
    except BadValue as e:
        shown = repr(v) if not isinstance(v, str) else v
        raise ValidationError(
            msg(
                "{record}的“{field}”应为{expected}，不是「{value}」。",
                record=record_term(s.name),
                field=field_term(s.name, f),
                expected=e.expected,
                value=shown if len(shown) <= 40 else shown[:39] + "…",
            )
        ) from None


def _maybe_moved(
    ops: Sequence[Op], created: Mapping[str, Mapping[str, Any]]
) -> dict[str, list[str]]:
    """The records received operations may have moved: a parent field set on a record
    that was there before the batch, or set more than once by the batch."""
    out: dict[str, dict[str, None]] = {}
    for entity in {op.entity for op in ops}:
        follows = moves.parent_field(entity)
        if follows is None:
            continue
        made = created.get(entity) or {}
        fresh: list[str] = []  # records this batch created, once per op setting the field
        for op in ops:
            if op.entity == entity and follows in op.fields:
                if op.entity_id in made:
                    fresh.append(op.entity_id)
                else:
                    out.setdefault(entity, {})[op.entity_id] = None
        if len(set(fresh)) < len(fresh):
            seen: set[str] = set()
            for entity_id in fresh:
                if entity_id in seen:
                    out.setdefault(entity, {})[entity_id] = None
                seen.add(entity_id)
    return {entity: list(ids) for entity, ids in out.items()}


def _merged(
    writes: Sequence[
        tuple[Mapping[str, Sequence[str]], Mapping[str, Any], Mapping[str, Sequence[str]]]
    ],
) -> derived.Written:
    """One :class:`~gridworker.store.derived.Written` for several writes, in their order:
    every record touched once (first time first); a record's inserted row only if no later
    write touched it again."""
    touched: dict[str, dict[str, None]] = {}
    created: dict[str, dict[str, Any]] = {}
    moved: dict[str, list[str]] = {}
    for t, c, m in writes:
        for entity, ids in m.items():
            moved.setdefault(entity, []).extend(ids)
        for entity, ids in t.items():
            seen = touched.setdefault(entity, {})
            before = created.get(entity)
            made = c.get(entity, {})
            for i in ids:
                seen[i] = None
                if before and i not in made:
                    before.pop(i, None)
        for entity, rows in c.items():
            created.setdefault(entity, {}).update(rows)
    return derived.Written({e: list(ids) for e, ids in touched.items()}, created, moved)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _write_wait_s() -> float:
    """How long a write waits for another program's (GRIDWORKER_WRITE_WAIT seconds)."""
    try:
        return max(0.0, float(os.environ.get("GRIDWORKER_WRITE_WAIT", "")))
    except ValueError:
        return 600.0


class Store:
    """An open GridWorker database. Use from one thread at a time.

    Several programs may have the same file open (the app, the command line): each write
    transaction waits its turn (:meth:`transaction`) and re-reads the clock and the
    sequence counter once it holds the write lock, so no two writes get the same number
    and no edit is stamped before a value another program wrote.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, read_only: Message | None = None
    ):
        self.conn = conn
        self.path = path
        self.read_only: Message | None = read_only
        """Why the file cannot be written (None: it can); every write is then refused."""
        self.on_wait: Callable[[str], None] | None = None
        """Told once, with a sentence, when a write must wait for another program's."""
        self.write_wait_s = _write_wait_s()
        self._depth = 0
        self._identity: Identity | None = None
        self._clock: Clock | None = None
        self._seq = 0
        # What committed transactions changed since the last take_changes(), and what the
        # open transaction has changed so far (dropped if it rolls back).
        self._changes = Changes()
        self._pending_changes = Changes()
        self._marks = histories.Marks(0, ())  # the file's last commit marks, as last read
        self._resolved_path: str | None = None
        self.history_notice: Message | None = None
        self.history_reason: histories.Reason | None = None  # why, for the app's banner
        """Set when this file was found to start a new device history (restored, copied)."""
        # Writes whose derived-data hooks wait for the end of derived_at_end (or None).
        self._deferred: (
            list[tuple[Mapping[str, Sequence[str]], Mapping[str, Any], Mapping[str, Sequence[str]]]]
            | None
        ) = None
        self._load_identity()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Store:
        """Open the database at ``path`` (a missing file is created, unless ``create`` is
        False); see :func:`gridworker.store.db.open_file` for what is refused."""
        opened = open_file(path, create=create)
        return cls(opened.conn, None if str(path) == ":memory:" else Path(path), opened.read_only)

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
        self._clock = Clock(r["device_id"])
        self._seq = 0
        # The change log bounds the clock from below too (a local_meta left behind by a
        # crash or a tool): read once here, over an index that holds every hlc.
        top = self.conn.execute("SELECT max(hlc) FROM ops").fetchone()[0]
        if top:
            self._observe(str(top))
        self._catch_up()

    def _catch_up(self) -> None:
        """Move the clock and the counter past what the file holds now.

        Another program (the command line beside the app, a second import) may have
        written since this Store last looked: its clock and sequence counter are in
        ``local_meta``, and our own highest seq is in the change log. Called right after
        ``BEGIN IMMEDIATE``, when nobody else can write until we commit.
        """
        if self._clock is None:
            return
        r = self.conn.execute(
            "SELECT (SELECT value FROM local_meta WHERE key = 'hlc_last'),"
            " (SELECT value FROM local_meta WHERE key = 'seq_last'),"
            " (SELECT max(seq) FROM ops WHERE device_id = ?),"
            " (SELECT device_id FROM installation),"
            " (SELECT value FROM local_meta WHERE key = 'history_marks')",
            (self._clock.device,),
        ).fetchone()
        if r[3] is not None and r[3] != self._clock.device:
            # Another program started a new device history on this file meanwhile.
            self._continue_as(str(r[3]))
            self._catch_up()
            return
        if r[0]:
            self._observe(str(r[0]))
        self._seq = max(self._seq, int(r[1] or 0), int(r[2] or 0))
        self._marks = histories.Marks.parse(r[4])

    def _observe(self, hlc: str) -> None:
        assert self._clock is not None
        try:
            self._clock.catch_up(hlc)
        except ValueError as e:
            raise DatabaseDamaged(msg("时钟记录 {hlc} 无效", hlc=hlc), self.path) from e

    def _continue_as(self, device_id: str) -> None:
        """Number and stamp from now on as ``device_id`` (a new device history). The same
        Clock object goes on (its readings stay ahead of everything seen), as another
        device: writers that hold its ``tick`` keep working."""
        assert self._identity is not None and self._clock is not None
        self._identity = Identity(
            device_id,
            self._identity.role,
            self._identity.community,
            self._identity.micro_grid_id,
            self._identity.user,
        )
        self._clock.device = device_id
        self._seq = 0

    # -- device histories ------------------------------------------------------------
    def _history_reason(self) -> histories.Reason | None:
        if self.path is None or self._identity is None:
            return None
        return histories.judge(self._identity.device_id, self._marks, self._resolved())

    def _resolved(self) -> str:
        """The file's full path (resolved once), as device records name it."""
        if self._resolved_path is None:
            assert self.path is not None
            self._resolved_path = str(self.path.resolve())
        return self._resolved_path

    def _guard_history(self) -> None:
        """Inside a write transaction, before anything is written: if this file does not
        continue the history its device id names on this computer (a backup put back, a
        copy), start a new device history now, so nothing written reuses a number."""
        reason = self._history_reason()
        if reason is None:
            return
        assert self._identity is not None
        old = self._identity.device_id
        new = uuid7()
        last = self.conn.execute("SELECT max(seq) FROM ops WHERE device_id = ?", (old,)).fetchone()[
            0
        ]
        histories.record_fork(self.conn, old, new, reason, utc_now(), int(last or 0))
        self.set_meta("seq_last", "0")
        self._marks = histories.Marks(0, ())
        self._continue_as(new)
        self.history_notice = histories.explain(reason, old, new)
        self.history_reason = reason
        self._pending_changes.sync = True

    def _history_state(self) -> tuple[object, ...]:
        """What a commit must mark when it changed: our numbering and clock, and the change
        log (a file restored without received edits must not pass for the newer one)."""
        top = self.conn.execute("SELECT max(rowid) FROM ops").fetchone()[0]
        return (self._seq, self._clock.last if self._clock is not None else None, top)

    def check_history(self) -> Message | None:
        """Judge now whether this file continues its device history (a new one is started
        if not, in a write transaction of its own); returns the sentence saying so.

        The command line calls it when it opens a file, exports and imports before they
        read the identity; otherwise the first write transaction judges. Reads only,
        unless a new history must be started."""
        if self.read_only is not None or self._identity is None or self.path is None:
            return None
        self._marks = histories.Marks.parse(self.meta("history_marks"))
        if self._history_reason() is None:
            return None
        with self.transaction():
            pass  # the transaction's own check starts the new history
        return self.history_notice

    def predecessors(self) -> list[str]:
        """The device ids this file wrote under before its current one, newest first."""
        return histories.predecessors(self.conn, self.identity.device_id)

    def replaced_devices(self) -> list[str]:
        """The device histories this file stands in for (it was put back from a backup of
        theirs), newest first: its bundles name them (manifest ``replaces``)."""
        return histories.predecessors(self.conn, self.identity.device_id, restored_only=True)

    @property
    def initialised(self) -> bool:
        return self._identity is not None

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            raise NotInitialised(
                msg("数据库还没有初始化：请先运行 gridworker init（或在首次启动向导中设置）。")
            )
        return self._identity

    def init_installation(
        self,
        role: Role,
        community: str,
        user: str,
        micro_grid: str | None = None,
        device_id: str | None = None,
        micro_grid_id: str | None = None,
    ) -> Identity:
        """Make this database an installation: a worker of one micro-grid, or an office.

        ``micro_grid_id``: the micro-grid's id as the office knows it (set-up from a
        bundle), already held here; otherwise it is made from the community and the name.
        A micro-grid renamed in the office keeps the id made from its first name.
        """
        community, user = community.strip(), user.strip()
        if self._identity is not None:
            raise StoreError(msg("这个数据库已经初始化过了，不能再次初始化。"))
        if role not in ("worker", "office"):
            raise ValidationError(f"角色只能是 worker（网格员）或 office（社区），不是 {role!r}")
        if not community:
            raise ValidationError(msg("请填写社区名称。"))
        if not user:
            raise ValidationError(msg("请填写使用人姓名。"))
        if role == "worker" and not (micro_grid and micro_grid.strip()):
            raise ValidationError(msg("网格员安装需要填写所负责的微网格名称。"))
        mg_id = micro_grid_id or (make_micro_grid_id(community, micro_grid) if micro_grid else None)
        device = device_id or uuid7()
        with self.transaction():
            self.conn.execute(
                "INSERT INTO installation VALUES (1, ?, ?, ?, ?, ?, ?)",
                (device, role, community, mg_id if role == "worker" else None, user, utc_now()),
            )
            self._load_identity()
            if micro_grid_id is not None:
                if self.get(MICRO_GRID.name, micro_grid_id) is None:
                    raise ValidationError(msg("本机没有编号为 {id} 的微网格。", id=micro_grid_id))
            elif micro_grid:
                self.ensure_micro_grid(micro_grid)
        return self.identity

    def ensure_micro_grid(self, name: str) -> str:
        """The id of the named micro-grid of this community, creating it on first use.

        Found by its current name first: a renamed micro-grid keeps the id made from its
        first name, and a new micro-grid given that old name must not take it over.
        """
        name = name.strip()
        if not name:
            raise ValidationError(msg("微网格名称不能为空。"))
        found = self.conn.execute(
            "SELECT id FROM micro_grid WHERE name = ? ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        if found is not None:
            return str(found[0])
        attempt = 0
        mg = make_micro_grid_id(self.identity.community, name)
        while self.get(MICRO_GRID.name, mg) is not None:  # taken by one since renamed
            attempt += 1
            mg = make_micro_grid_id(self.identity.community, name, attempt)
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
        """One write transaction; nested uses join the outer one.

        Refused at once on a read-only file. Waits its turn behind another program's write
        (telling :attr:`on_wait` once), then catches the clock and counter up with the file.
        A failure the environment caused (disk full, damaged file…) comes out as a
        :class:`~gridworker.store.errors.KnownProblem` naming the file; nothing is written.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self.read_only is not None:
            raise read_only_error(self.path, self.read_only)
        self._begin()
        self._depth = 1
        seq_before = self._seq
        had_identity = self._identity is not None
        device_before = self._identity.device_id if self._identity is not None else None
        marked: histories.Marks | None = None
        try:
            self._catch_up()
            self._guard_history()
            seq_before = self._seq
            state_before = self._history_state()
            yield
            if self._clock is not None:
                if self._marks.n == 0 or self._history_state() != state_before:
                    marked = self._marks.next()
                    self.set_meta("history_marks", marked.dumps())
                self.set_meta("hlc_last", self._clock.last)
                self.set_meta("seq_last", str(self._seq))
            self.conn.execute("COMMIT")
            self._changes.update(self._pending_changes)
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if (
                not had_identity
                or self._identity is None
                or (self._identity.device_id != device_before)
            ):
                self._load_identity()  # an installation (or history) made inside is forgotten
            else:
                # Numbers taken inside are given back (seqs stay contiguous); a clock that
                # moved ahead may stay ahead, which a hybrid clock allows.
                self._seq = seq_before
            if isinstance(e, sqlite3.Error) and (found := known(e, self.path)) is not None:
                raise found from e
            raise
        finally:
            self._depth = 0
            self._pending_changes = Changes()
        if marked is not None and self._identity is not None and self.path is not None:
            self._marks = marked
            histories.write(self._identity.device_id, marked, self._resolved())

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another program's write to finish (up to
        :attr:`write_wait_s`) instead of failing with "database is locked"."""
        started: float | None = None
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if started is None:  # read only when waiting (one busy wait has passed)
                    started = time.monotonic() - BUSY_TIMEOUT_MS / 1000
                if not str(getattr(e, "sqlite_errorname", "")).startswith(
                    ("SQLITE_BUSY", "SQLITE_LOCKED")
                ):
                    found = known(e, self.path)
                    if found is not None:
                        raise found from e
                    raise
                waited = time.monotonic() - started
                if waited >= self.write_wait_s:
                    raise busy_error(self.path, waited) from e
                if not told:
                    told = True
                    if self.on_wait is not None:
                        self.on_wait(msg("另一个操作正在写入，请稍候…"))

    @property
    def changes(self) -> Changes:
        """What the open transaction has changed so far; code that changes local state
        other than records (conflicts, sync bookkeeping, settings) marks it here."""
        return self._pending_changes

    def take_changes(self) -> Changes:
        """What committed transactions changed since the last call (and forget it)."""
        taken, self._changes = self._changes, Changes()
        return taken

    # -- reading -------------------------------------------------------------------
    def get(self, entity: str, entity_id: str) -> dict[str, Value] | None:
        """One record's synced fields (sets as lists, bools as True/False), or None."""
        s = spec(entity)
        r = self.conn.execute(
            f"SELECT id, {', '.join(s.field_names)} FROM {s.table} WHERE id = ?", (entity_id,)
        ).fetchone()
        if r is None:
            return None
        out: dict[str, Value] = {"id": r["id"]}
        for f in s.field_names:
            out[f] = from_db(s, f, r[f])
        return out

    # -- the one write path ---------------------------------------------------------------
    def create(self, entity: str, values: dict[str, Value], entity_id: str | None = None) -> str:
        ops = self.write([Change(entity, values, entity_id=entity_id, new=True)])
        return ops[0].entity_id

    def update(self, entity: str, entity_id: str, values: dict[str, Value]) -> Op | None:
        ops = self.write([Change(entity, values, entity_id=entity_id)])
        return ops[0] if ops else None

    def void(self, entity: str, entity_id: str, reason: str) -> Op | None:
        """Mark a record entered by mistake as void (there is no delete).

        An ordinary edit: it syncs, shows in the history, and :meth:`unvoid` undoes it.
        Screens leave voided records out with :meth:`EntitySpec.live_sql`.
        """
        s = spec(entity)
        if not s.voidable:
            raise ValidationError(msg("{record}不能作废。", record=record_term(s.name)))
        if not reason or not reason.strip():
            raise ValidationError(msg("请写明作废的原因。"))
        return self.update(entity, entity_id, {"voided": True, "void_reason": reason})

    def unvoid(self, entity: str, entity_id: str) -> Op | None:
        """Take back a :meth:`void` (the record counts again)."""
        s = spec(entity)
        if not s.voidable:
            raise ValidationError(msg("{record}不能作废。", record=record_term(s.name)))
        return self.update(entity, entity_id, {"voided": False, "void_reason": None})

    def write(self, changes: Sequence[Change]) -> list[Op]:
        """Write edits as operations in the change log and apply them; returns the ops written.

        Only fields whose value really changes are written; a change with none is skipped.
        Values are checked against their field's kind (ValidationError naming record and
        field; nothing is written). A set field is given as the whole list of elements
        and written as the elements added (``tags[x]: true``) and removed (``false``).
        """
        self.identity  # noqa: B018 - refuses an uninitialised database
        written: list[Op] = []
        pending = _Pending()
        scope_cache: dict[tuple[str, str], str | None] = {}
        columns: dict[str, _Columns] = {}
        with self.transaction(), gc_paused():
            # Read inside: the transaction may have started a new device history.
            ident, clock = self.identity, self._clock
            assert clock is not None
            device, user = ident.device_id, ident.user
            tick = clock.tick
            wall = clock.wall()  # when, by this computer's clock (shown in histories)
            # Records with open conflicts, read once: only refreshing a record's conflicts
            # (below) can change that, and only for that record.
            disputed = open_conflict_ids(
                self.conn, [ch.entity_id for ch in changes if not ch.new and ch.entity_id]
            )
            disputed_before = bool(disputed)
            self._prefetch_scopes(changes, scope_cache)
            for ch in changes:
                cols = columns.get(ch.entity)
                if cols is None:
                    cols = columns[ch.entity] = _columns(spec(ch.entity))
                s = cols.spec
                if not cols.names.issuperset(ch.values):
                    unknown = set(ch.values) - cols.names
                    raise ValidationError(
                        f"{s.label or s.name}没有这些字段：{', '.join(sorted(unknown))}"
                    )
                kinds = cols.kinds
                if ch.new:
                    # The hot path of imports: one row and one op, built directly.
                    entity_id = ch.entity_id or uuid7()
                    fields: dict[str, Value] = {}
                    sets: dict[str, list[str]] | None = None
                    for f, v in ch.values.items():
                        if v.__class__ is str and kinds[f] == "text":
                            v = without_controls(v).strip()
                            if not v:
                                continue
                        elif v is None:
                            continue
                        else:
                            v = _checked(s, f, v)
                            if kinds[f] == "set":
                                for e in v:
                                    fields[element_field(f, e)] = True
                                if v:
                                    sets = sets if sets is not None else {}
                                    sets[f] = v
                                continue
                            if v is None:
                                continue
                        fields[f] = v
                    hlc = tick()
                    self._seq += 1
                    parent = cols.parent
                    if (
                        parent is not None
                        and isinstance(parent_id := fields.get(parent[0]), str)
                        and (parent[1], parent_id) in scope_cache
                    ):
                        scope = scope_cache[(parent[1], parent_id)]
                    else:
                        scope = self._scope(s, entity_id, fields, scope_cache)
                    scope_cache[(s.name, entity_id)] = scope
                    op_id = uuid7()
                    written.append(
                        Op(
                            op_id,
                            device,
                            self._seq,
                            hlc,
                            user,
                            s.name,
                            entity_id,
                            fields,
                            {},
                            {},
                            scope,
                            wall,
                        )
                    )
                    pending.ops.append(  # as _INSERT_OWN_OP takes it
                        (
                            *(op_id, device, self._seq, hlc, user, s.name, entity_id),
                            *(dumps(fields), BLANK, BLANK if scope is None else scope, wall),
                        )
                    )
                    clock_column = clock_text(fields, hlc)
                    row: list[Any] = [entity_id, *map(fields.get, s.field_names), clock_column]
                    bound = [entity_id, *map(fields.get, s.field_names, cols.blanks), clock_column]
                    for i, f in cols.set_positions:
                        row[i] = bound[i] = (
                            dumps(sets[f]) if sets is not None and f in sets else "[]"
                        )
                    pending.inserts.setdefault(s.name, []).append(bound)
                    pending.new_ids.add(entity_id)
                    pending.created.setdefault(s.name, {})[entity_id] = row
                    pending.touched.setdefault(s.name, []).append(entity_id)
                    continue
                if ch.entity_id is None:
                    raise ValidationError("修改记录时缺少记录编号。")
                entity_id = ch.entity_id
                if entity_id in pending.new_ids:
                    self._flush(pending)
                current = self._current(s, entity_id)
                if current is None:
                    raise ValidationError(
                        msg(
                            "要修改的{record}不存在（编号 {id}）。",
                            record=record_term(s.name),
                            id=entity_id,
                        )
                    )
                row_values, clocks = current
                fields = {}
                columns_set: dict[str, Any] = {}
                for f, v in ch.values.items():
                    v = _checked(s, f, v)
                    old = row_values[f]
                    if kinds[f] == "set":
                        before = set(old) if isinstance(old, list) else set()
                        after = set(v)
                        if before == after:
                            continue
                        for e in v:
                            if e not in before:
                                fields[element_field(f, e)] = True
                        for e in s.by_name[f].sorted(before - after):
                            fields[element_field(f, e)] = False
                        columns_set[f] = dumps(v)
                    elif v != old:
                        fields[f] = v
                        columns_set[f] = v
                if not fields:
                    continue
                if cols.parent is not None and cols.parent[0] in fields:
                    pending.moved.setdefault(s.name, []).append(entity_id)
                created = pending.created.get(s.name)
                if created:
                    created.pop(entity_id, None)  # no longer as inserted: indexed from the table
                base = {f: clocks[f] for f in fields if f in clocks}
                hlc = tick()
                self._seq += 1
                # The stored row stands in for a re-read of its scope or parent field. The
                # record's own scope may change with this edit: not taken from the cache.
                scope_cache.pop((s.name, entity_id), None)
                scope = self._scope(s, entity_id, {**row_values, **fields}, scope_cache)
                scope_cache[(s.name, entity_id)] = scope
                op = Op(
                    uuid7(),
                    device,
                    self._seq,
                    hlc,
                    user,
                    s.name,
                    entity_id,
                    fields,
                    base,
                    {},
                    scope,
                    wall,
                )
                pending.ops.append(
                    (
                        *(op.op_id, device, op.seq, hlc, user, s.name, entity_id, dumps(fields)),
                        dumps(base) if base else BLANK,
                        BLANK if scope is None else scope,
                        wall,
                    )
                )
                clocks.update(dict.fromkeys(fields, hlc))
                sets_sql = "".join(f"{f} = ?, " for f in columns_set)
                self.conn.execute(
                    f"UPDATE {s.table} SET {sets_sql}_clock = ? WHERE id = ?",
                    (*columns_set.values(), clock_dumps(clocks), entity_id),
                )
                if entity_id in disputed:
                    self._flush(pending)
                    refresh_conflicts(
                        self.conn, s, entity_id, fields, op.op_id, utc_now(), ApplyCounts()
                    )
                    if not has_open_conflicts(self.conn, entity_id):
                        disputed.discard(entity_id)
                pending.touched.setdefault(s.name, []).append(entity_id)
                written.append(op)
            self._flush(pending)
            self._derive(pending.touched, pending.created, pending.moved)
            if disputed_before:
                self._pending_changes.conflicts = True
        return written

    def _derive(
        self,
        touched: dict[str, list[str]],
        created: dict[str, dict[str, Any]],
        moved: dict[str, list[str]] | None = None,
    ) -> None:
        """After a write, inside its transaction: the derived-data hooks, and what the
        screens are told changed (one place for the three writers)."""
        if self._deferred is not None:
            self._deferred.append((touched, created, moved or {}))
        else:
            derived.after_write(self.conn, derived.Written(touched, created, moved or {}))
        for entity, ids in touched.items():
            self._pending_changes.add(entity, ids)

    @contextmanager
    def derived_at_end(self) -> Iterator[None]:
        """Inside a write transaction of many writes: the derived-data hooks run once, at
        the end of the block and still inside the transaction, for everything written in
        it (an import of many bundle files: the search index takes the residents of all
        files in one go instead of writing, and flushing, a little per file).

        A caller that rolls part of the block back to a savepoint drops what was written
        since with :meth:`derived_mark` / :meth:`derived_forget`. Nothing in the block may
        read derived data (the search index is behind until the block ends).
        """
        if not self._depth:
            raise StoreError("derived_at_end needs an open write transaction")
        if self._deferred is not None:  # nested: the outer block runs them
            yield
            return
        self._deferred = []
        try:
            yield
            writes, self._deferred = self._deferred, None
            if writes:
                derived.after_write(self.conn, _merged(writes))
        finally:
            self._deferred = None

    def derived_mark(self) -> int:
        """Where the deferred writes stand (see :meth:`derived_at_end`)."""
        return 0 if self._deferred is None else len(self._deferred)

    def derived_forget(self, mark: int) -> None:
        """Forget the writes deferred since ``mark``: they were rolled back."""
        if self._deferred is not None:
            del self._deferred[mark:]

    def _prefetch_scopes(
        self, changes: Sequence[Change], cache: dict[tuple[str, str], str | None]
    ) -> None:
        """Read the micro-grids of the stored records that new records belong to, in bulk.

        A write of 5,000 new residents names a few thousand households: one query per
        500 of them instead of one per household. Fills ``cache`` as :meth:`_scope` would.
        """
        wanted: dict[str, set[str]] = {}
        for ch in changes:
            if not ch.new:
                continue
            s = spec(ch.entity)
            if s.scope_field is not None or s.parent is None:
                continue
            parent_field, parent_entity = s.parent
            parent_id = ch.values.get(parent_field)
            if isinstance(parent_id, str):
                wanted.setdefault(parent_entity, set()).add(parent_id)
        for parent_entity, ids in wanted.items():
            ps = spec(parent_entity)
            if ps.scope_field is None or ps.scope_field == "id":
                continue  # found record by record, as before
            ordered = sorted(ids)
            for i in range(0, len(ordered), 500):
                chunk = ordered[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for r in self.conn.execute(
                    f"SELECT id, {ps.scope_field} FROM {ps.table} WHERE id IN ({marks})", chunk
                ):
                    cache[(parent_entity, r[0])] = r[1]

    def _flush(self, pending: _Pending) -> None:
        for entity, rows in pending.inserts.items():
            s = spec(entity)
            try:
                self.conn.executemany(_columns(s).insert, rows)
            except sqlite3.IntegrityError as e:
                raise ValidationError(
                    msg(
                        "新建{record}失败：编号重复（{error}）",
                        record=record_term(s.name),
                        error=e,
                    )
                ) from e
        pending.inserts.clear()
        pending.new_ids.clear()
        if pending.ops:
            self.conn.executemany(_INSERT_OWN_OP, pending.ops)
            pending.ops.clear()

    def _current(
        self, s: EntitySpec, entity_id: str
    ) -> tuple[dict[str, Value], dict[str, str]] | None:
        r = self.conn.execute(
            f"SELECT {', '.join(s.field_names)}, _clock FROM {s.table} WHERE id = ?", (entity_id,)
        ).fetchone()
        if r is None:
            return None
        return {f: from_db(s, f, r[f]) for f in s.field_names}, clock_loads(r["_clock"])

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
            cache[key] = self._scope(ps, parent_id, self._scope_fields(ps, parent_id), cache)
        return cache[key]

    def _scope_fields(self, s: EntitySpec, entity_id: str) -> dict[str, Value]:
        """The fields of a stored record that :meth:`_scope` looks at (not the whole row)."""
        if s.scope_field == "id":
            return {}
        name = s.scope_field or (s.parent[0] if s.parent else None)
        if name is None:
            return {}
        r = self.conn.execute(f"SELECT {name} FROM {s.table} WHERE id = ?", (entity_id,)).fetchone()
        return {} if r is None else {name: r[0]}

    # -- applying received operations ---------------------------------------------------------
    def apply_ops(self, ops: Iterable[Op], *, known_new: bool = False) -> ApplyCounts:
        """Apply operations from another device, in hlc order; already-held ones are skipped.

        Runs in one transaction (joining the caller's, if any). Operations are the unit of
        idempotency: an op_id already in the log changes nothing. ``known_new``: the caller
        checked, in this transaction, that none is held (by op id or by device and seq).
        """
        counts = ApplyCounts()
        now = utc_now()
        batch = sorted(ops, key=lambda o: o.hlc)
        for op in batch:
            if op.entity not in ENTITIES:
                raise ValidationError(f"不认识的记录类型：{op.entity}")
        with self.transaction(), gc_paused():
            created: dict[str, dict[str, tuple[Any, ...]]] = {}
            fresh = apply_batch(self.conn, batch, ENTITIES, now, counts, created, known_new)
            if self._clock is not None:
                if fresh:
                    self._clock.observe(max(op.hlc for op in fresh))
                # Our own operations coming back (e.g. after restoring a backup): the next
                # local edit must be numbered after them.
                device = self._clock.device
                own = [op.seq for op in batch if op.device_id == device]
                if own:
                    self._seq = max(self._seq, *own)
            touched: dict[str, set[str]] = {}
            for op in fresh:
                touched.setdefault(op.entity, set()).add(op.entity_id)
            # Records this batch created are handed over as the rows it inserted.
            self._derive(
                {k: sorted(v) for k, v in touched.items()}, created, _maybe_moved(fresh, created)
            )
            if counts.conflicts or counts.closed_conflicts:
                self._pending_changes.conflicts = True
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
        self.identity  # noqa: B018 - refuses an uninitialised database
        assert self._clock is not None
        c = self.conn.execute(
            "SELECT * FROM conflicts WHERE id = ? AND resolved_by IS NULL", (conflict_id,)
        ).fetchone()
        if c is None:
            raise ValidationError(msg("冲突 {id} 不存在或已经处理过了。", id=conflict_id))
        s = spec(c["entity"])
        f = c["field"]
        with self.transaction():
            ident = self.identity
            current = self._current(s, c["entity_id"])
            if current is None:
                raise ValidationError(msg("冲突涉及的记录已不存在。"))
            row, clock = current
            value: Value = json.loads(c["loser_value"]) if keep == "other" else field_value(row, f)
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
                wall=self._clock.wall(),
            )
            self.conn.execute(INSERT_OP, op.row())
            apply_op(self.conn, s, op, utc_now(), ApplyCounts())
            follows = moves.parent_field(s.name)
            self._derive(
                {s.name: [c["entity_id"]]}, {}, {s.name: [c["entity_id"]]} if f == follows else {}
            )
            self._pending_changes.conflicts = True
        return op
