"""Importing bundles: check everything first, then apply in one transaction per file.

Every refusal is one sentence naming the file and the problem, and nothing is written.
Applying uses the store's one merge rule (Store.apply_ops), so an import is idempotent
and order-free; a backup of the database file is taken once before the first file is
applied.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gridworker.core.gcpause import gc_paused
from gridworker.core.messages import Message, message_of, msg
from gridworker.core.progress import QUIET, Cancelled, Progress, check
from gridworker.store.db import backup_file
from gridworker.store.duplicates import identity_touched, pairs_touching
from gridworker.store.entities import ENTITIES, field_term, record_term
from gridworker.store.fields import EXPECTED, valid_stored
from gridworker.store.merge import ApplyCounts
from gridworker.store.moves import parent_field
from gridworker.store.ops import Op
from gridworker.store.scope import moving_field
from gridworker.store.store import Store, utc_now
from gridworker.sync import state
from gridworker.sync.bundle import (
    KIND_LABELS,
    SUFFIX,
    Bundle,
    Manifest,
    describe_op,
    read_bundle,
)
from gridworker.sync.conflicts import open_conflict_rows
from gridworker.sync.errors import BundleError, NotAddressedHere

_CHUNK = 2000  # ops applied between progress reports / cancel checks
_IN = 500  # ids per IN (...) query


@dataclass(frozen=True)
class Where:
    """Who this installation is, as far as checking a bundle is concerned."""

    device_id: str
    role: str
    community: str
    micro_grid_id: str | None


def _where(store: Store) -> Where:
    i = store.identity
    return Where(i.device_id, i.role, i.community, i.micro_grid_id)


def _refuse(path: Path, problem: Message) -> BundleError:
    return BundleError(msg("数据包 {file} {problem}，没有导入。", file=path.name, problem=problem))


def _elsewhere(path: Path, problem: Message) -> NotAddressedHere:
    return NotAddressedHere(
        msg("数据包 {file} {problem}，没有导入。", file=path.name, problem=problem)
    )


def _mg_name(conn: sqlite3.Connection, mg: str | None) -> str:
    if mg is None:
        return msg("（无）")
    r = conn.execute("SELECT name FROM micro_grid WHERE id = ?", (mg,)).fetchone()
    return str(r[0]) if r is not None and r[0] else mg


def _last_issued(conn: sqlite3.Connection, device: str) -> int:
    """The highest seq this installation ever gave one of its own operations."""
    r = conn.execute("SELECT max(seq) FROM ops WHERE device_id = ?", (device,)).fetchone()
    meta = conn.execute("SELECT value FROM local_meta WHERE key = 'seq_last'").fetchone()
    return max(int(r[0] or 0), int(meta[0]) if meta is not None and meta[0] else 0)


def check_addressed(conn: sqlite3.Connection, here: Where, b: Bundle) -> None:
    """Is this bundle meant for this installation, and is what it says about us possible?"""
    m, p = b.manifest, b.path
    if m.community != here.community:
        raise _refuse(
            p, msg("属于「{theirs}」，本机属于「{ours}」", theirs=m.community, ours=here.community)
        )
    if m.sender_device == here.device_id:
        raise _elsewhere(p, msg("是本机自己导出的，应交给对方导入"))
    claimed = m.version_vector.last(here.device_id) if here.device_id else 0
    if claimed:
        # Believing the sender holds our operations it never got means never sending them.
        issued = _last_issued(conn, here.device_id)
        if claimed > issued:
            raise _refuse(
                p,
                msg(
                    "的版本向量说对方已有本机第 {seq} 号操作，而本机只发出到第 {last} 号"
                    "（文件已损坏，或本机恢复过旧备份；请联系技术支持）",
                    seq=claimed,
                    last=issued,
                ),
            )
    if here.role == "office":
        if m.kind != "worker":
            raise _elsewhere(
                p, msg("是社区发给网格员的{kind}，应在网格员电脑上导入", kind=KIND_LABELS[m.kind])
            )
    else:
        if m.kind == "worker":
            raise _elsewhere(
                p, msg("是网格员 {user} 发给社区的，应在社区电脑上导入", user=m.sender_user)
            )
        if m.micro_grid_id != here.micro_grid_id:
            raise _elsewhere(
                p,
                msg(
                    "是发给「{theirs}」的，本机负责「{ours}」",
                    theirs=m.micro_grid_name,
                    ours=_mg_name(conn, here.micro_grid_id),
                ),
            )


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _IN):
        yield items[i : i + _IN]


def _existing(conn: sqlite3.Connection, table: str, column: str, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    todo = sorted(set(ids))
    for part in _chunks(todo):
        marks = ",".join("?" * len(part))
        found.update(
            r[0]
            for r in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", part)
        )
    return found


_describe = describe_op


def check_ops(conn: sqlite3.Connection, here: Where, b: Bundle) -> list[Op]:
    """Field names, scope, numbering and references; returns the operations not yet held."""
    p = b.path
    # Field names and value types were checked by the schema (made from the registry);
    # what it can only judge by the form is checked here: a real date, a real instant.
    judged = {
        name: [f for f in s.fields if f.kind in ("date", "datetime")]
        for name, s in ENTITIES.items()
    }
    for i, op in enumerate(b.ops):
        for f in judged[op.entity]:
            if f.name in op.fields and not valid_stored(f, op.fields[f.name]):
                raise _refuse(
                    p,
                    msg(
                        "的{op}的“{field}”不是有效的{expected}：{value}",
                        op=_describe(op, i),
                        field=field_term(op.entity, f.name),
                        expected=EXPECTED[f.kind],
                        value=op.fields[f.name],
                    ),
                )
    if here.role == "worker":
        _check_scope(conn, here, b)
    held = _existing(conn, "ops", "op_id", (op.op_id for op in b.ops))
    new: dict[str, Op] = {}
    for op in b.ops:
        if op.op_id not in held and op.op_id not in new:
            new[op.op_id] = op
    fresh = list(new.values())
    # The same (device, seq) or hlc under two op ids means a device reused its numbers
    # (e.g. restored from an old backup); ignoring one would silently lose an edit.
    seen_seq: dict[tuple[str, int], str] = {}
    seen_hlc: set[str] = set()
    for op in fresh:
        if seen_seq.setdefault((op.device_id, op.seq), op.op_id) != op.op_id or op.hlc in seen_hlc:
            raise _refuse(
                p,
                msg(
                    "里有两条不同的操作用了同一个编号（设备 {device} 第 {seq} 号）",
                    device=op.device_id,
                    seq=op.seq,
                ),
            )
        seen_hlc.add(op.hlc)
    by_device: dict[str, list[int]] = {}
    for op in fresh:
        by_device.setdefault(op.device_id, []).append(op.seq)
    for device, seqs in by_device.items():
        clash = conn.execute(
            "SELECT seq FROM ops WHERE device_id = ? AND seq BETWEEN ? AND ? LIMIT 1",
            (device, min(seqs), max(seqs)),
        ).fetchone()
        if clash is not None:
            taken = {
                r[0]
                for r in conn.execute(
                    "SELECT seq FROM ops WHERE device_id = ? AND seq BETWEEN ? AND ?",
                    (device, min(seqs), max(seqs)),
                )
            }
            bad = sorted(set(seqs) & taken)
            if bad:
                raise _refuse(
                    p,
                    msg(
                        "里设备 {device} 的第 {seq} 号操作与本机已有的另一条操作编号相同"
                        "（那台电脑可能恢复过旧备份）；为免丢失修改没有导入，请联系技术支持",
                        device=device,
                        seq=bad[0],
                    ),
                )
    _check_references(conn, p, b.ops, fresh)
    return fresh


def _check_scope(conn: sqlite3.Connection, here: Where, b: Bundle) -> None:
    """A worker takes only what concerns its micro-grid.

    That is an operation made within it, or one on a record it already holds (such as
    the office moving a household away), or one on a record that this bundle leaves in
    its micro-grid (the history of a household the office moved here), or one on a
    record that such records point at (the micro-grid a household was moved to), or the
    parent field of a record that once pointed at one of those (a resident who came with
    a household the office moved here and moved on before this laptop heard of it: the
    office sends where it went, see ``store/moves.py``).
    """
    mine = here.micro_grid_id
    wide = state.office_wide_entities()
    outside = [
        (i, op)
        for i, op in enumerate(b.ops)
        if op.micro_grid_id != mine and not (op.micro_grid_id is None and op.entity in wide)
    ]
    if not outside:
        return
    held: set[tuple[str, str]] = set()
    for name in {op.entity for _, op in outside}:
        ids = {op.entity_id for _, op in outside if op.entity == name}
        held.update((name, x) for x in _existing(conn, ENTITIES[name].table, "id", ids))
    final = _final_values(conn, b.ops)
    ok = {
        (op.entity, op.entity_id)
        for op in b.ops
        if (op.entity, op.entity_id) in held
        or op.micro_grid_id == mine
        or _ends_in(final, op.entity, op.entity_id) == mine
    }
    ok |= {p for key in ok for p in _parents(final, key)}
    _add_left_from_here(conn, outside, ok, final)
    for i, op in outside:
        if (op.entity, op.entity_id) not in ok:
            raise _refuse(b.path, msg("的{op}不属于本微网格", op=_describe(op, i)))


_Final = dict[tuple[str, str], dict[str, object]]


def _add_left_from_here(
    conn: sqlite3.Connection,
    outside: Sequence[tuple[int, Op]],
    ok: set[tuple[str, str]],
    final: _Final,
) -> None:
    """Add to ``ok`` the records whose parent field an operation of the bundle sets, when
    a value it sets is a record in ``ok`` or one this laptop holds (and, with them, what
    they point at once applied); until nothing more is added."""
    pointers: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for _i, op in outside:
        follows = parent_field(op.entity)
        value = op.fields.get(follows) if follows is not None else None
        if isinstance(value, str) and (op.entity, op.entity_id) not in ok:
            parent = ENTITIES[op.entity].parent
            assert parent is not None
            pointers.append(((op.entity, op.entity_id), (parent[1], value)))
    if not pointers:
        return
    held: set[tuple[str, str]] = set()
    for name in {p[0] for _k, p in pointers}:
        ids = {p[1] for _k, p in pointers if p[0] == name}
        held.update((name, x) for x in _existing(conn, ENTITIES[name].table, "id", ids))
    grew = True
    while grew:
        grew = False
        for key, parent_key in pointers:
            if key not in ok and (parent_key in ok or parent_key in held):
                ok.add(key)
                ok.update(_parents(final, key))
                grew = True


def _final_values(conn: sqlite3.Connection, ops: Sequence[Op]) -> _Final:
    """The scope and parent fields of every record the ops touch, and of their parents,
    as they stand once the ops are applied (the latest value by hlc, else the stored one).
    """
    out: _Final = {}
    wanted: dict[str, set[str]] = {}
    for op in ops:
        wanted.setdefault(op.entity, set()).add(op.entity_id)
    while wanted:
        more: dict[str, set[str]] = {}
        for name, ids in wanted.items():
            s = ENTITIES[name]
            field = moving_field(name)
            fresh = [x for x in ids if (name, x) not in out]
            for x in fresh:
                out[(name, x)] = {}
            if field is None or not fresh:
                continue
            for part in _chunks(sorted(fresh)):
                marks = ",".join("?" * len(part))
                for rid, value in conn.execute(
                    f"SELECT id, {field} FROM {s.table} WHERE id IN ({marks})", part
                ):
                    out[(name, rid)][field] = value
        for op in sorted(ops, key=lambda o: o.hlc):
            field = moving_field(op.entity)
            if field is not None and field in op.fields and (op.entity, op.entity_id) in out:
                out[(op.entity, op.entity_id)][field] = op.fields[field]
        for (name, _rid), values in list(out.items()):
            s = ENTITIES[name]
            if s.parent and not s.scope_field:
                pf, pe = s.parent
                parent = values.get(pf)
                if isinstance(parent, str) and (pe, parent) not in out:
                    more.setdefault(pe, set()).add(parent)
        wanted = more
    return out


def _parents(final: _Final, key: tuple[str, str]) -> list[tuple[str, str]]:
    """The records a record points at once the bundle is applied: parent, grandparent…"""
    out: list[tuple[str, str]] = []
    while True:
        s = ENTITIES[key[0]]
        if s.parent is None:
            return out
        pf, pe = s.parent
        parent = final.get(key, {}).get(pf)
        if not isinstance(parent, str) or (pe, parent) in out:
            return out
        key = (pe, parent)
        out.append(key)


def _ends_in(final: _Final, entity: str, entity_id: str) -> object:
    """The micro-grid a record is in once the bundle is applied (None when unknown)."""
    s = ENTITIES[entity]
    if s.scope_field == "id":
        return entity_id
    values = final.get((entity, entity_id), {})
    if s.scope_field:
        return values.get(s.scope_field)
    if s.parent:
        pf, pe = s.parent
        parent = values.get(pf)
        return _ends_in(final, pe, parent) if isinstance(parent, str) else None
    return None


def _check_references(
    conn: sqlite3.Connection, path: Path, every: list[Op], fresh: list[Op]
) -> None:
    """Every record a new operation points at must be held here or come in the bundle."""
    needed: dict[str, dict[str, int]] = {}  # parent entity -> id -> index of first op
    referrers: dict[tuple[str, str], set[tuple[str, str]]] = {}  # parent -> records naming it
    index = {op.op_id: i for i, op in enumerate(every)}
    for op in fresh:
        s = ENTITIES[op.entity]
        if s.parent is None:
            continue
        pf, pe = s.parent
        target = op.fields.get(pf)
        if isinstance(target, str):
            needed.setdefault(pe, {}).setdefault(target, index[op.op_id])
            referrers.setdefault((pe, target), set()).add((op.entity, op.entity_id))
    final: _Final | None = None
    for pe, targets in needed.items():
        brought = {op.entity_id for op in every if op.entity == pe}
        missing = set(targets) - brought
        if missing:
            missing -= _existing(conn, ENTITIES[pe].table, "id", missing)
        if missing:
            # A record moved on within the bundle (a household the office moved to this
            # micro-grid was made under another one) no longer needs its old parent.
            final = final if final is not None else _final_values(conn, every)
            missing = {
                t
                for t in missing
                if any(
                    final.get(r, {}).get(ENTITIES[r[0]].parent[0]) == t  # type: ignore[index]
                    for r in referrers[(pe, t)]
                )
            }
        if missing:
            first = min(missing, key=lambda t: targets[t])
            i = targets[first]
            raise _refuse(
                path,
                msg(
                    "的{op}引用的{record}（编号 {id}）既不在本机，也不在数据包里",
                    op=_describe(every[i], i),
                    record=record_term(pe),
                    id=first,
                ),
            )


def already_received(conn: sqlite3.Connection, bundle_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM bundle_log WHERE bundle_id = ? AND direction = 'received' LIMIT 1",
            (bundle_id,),
        ).fetchone()
        is not None
    )


def apply_bundle(
    store: Store,
    b: Bundle,
    *,
    on_chunk: Callable[[int, int], None] | None = None,
    progress: Progress | None = None,
    fresh: list[Op] | None = None,
) -> ApplyCounts:
    """Apply a checked bundle and record it, all in the caller's transaction.

    ``fresh``: what :func:`check_ops` returned for it just before, in this transaction —
    the operations not yet held, which are then not looked up a second time.
    Raises :class:`Cancelled` between chunks when ``progress`` says so."""
    counts = ApplyCounts()
    ops = sorted(b.ops if fresh is None else fresh, key=lambda o: o.hlc)
    if fresh is not None:
        counts.held = len(b.ops) - len(fresh)
    for start in range(0, len(ops), _CHUNK):
        check(progress, msg("已取消导入 {file}，这个文件的修改都没有写入。", file=b.path.name))
        c = store.apply_ops(ops[start : start + _CHUNK], known_new=fresh is not None)
        counts.new += c.new
        counts.held += c.held
        counts.conflicts += c.conflicts
        counts.closed_conflicts += c.closed_conflicts
        if on_chunk is not None:
            on_chunk(min(start + _CHUNK, len(ops)), len(ops))
    state.record_received(
        store.conn,
        b.manifest,
        str(b.path),
        utc_now(),
        new=counts.new,
        held=counts.held,
        conflicts=counts.conflicts,
    )
    store.changes.sync = True  # the bundle history and the peers' acknowledgements
    return counts


def _foreign_key_error(path: Path, e: sqlite3.IntegrityError) -> BundleError:
    if "FOREIGN KEY" in str(e).upper():
        return _refuse(path, msg("里有操作引用了不存在的记录（所在户或微网格缺失）"))
    return _refuse(path, msg("与本机数据冲突，无法写入（{error}）", error=e))


# -- preview --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundlePreview:
    """What importing a bundle would change, computed without writing anything."""

    path: Path
    manifest: Manifest
    op_count: int
    new_ops: int
    held_ops: int
    conflicts: int
    records_added: dict[str, int]
    records_changed: dict[str, int]
    already_imported: bool

    def describe(self) -> str:
        m = self.manifest
        lines = [
            f"{self.path.name}：{KIND_LABELS[m.kind]}，来自 {m.sender_user}（{m.micro_grid_name}），"
            f"生成于 {m.created}",
            f"共 {self.op_count} 条修改：新的 {self.new_ops} 条，已有 {self.held_ops} 条。",
        ]
        for entity, n in self.records_added.items():
            lines.append(f"  新增{_label(entity)} {n} 个")
        for entity, n in self.records_changed.items():
            lines.append(f"  修改{_label(entity)} {n} 个")
        if self.conflicts:
            lines.append(f"  将产生 {self.conflicts} 处冲突（两边都改了同一项，都会保留待核对）")
        if self.already_imported:
            lines.append("这个数据包以前导入过，再导入不会改变任何数据。")
        return "\n".join(lines)


def _label(entity: str) -> str:
    s = ENTITIES.get(entity)
    return s.label_zh if s else entity


class _Rollback(Exception):
    pass


def preview_bundle(store: Store, path: Path | str) -> BundlePreview:
    """Check a bundle and work out what it would change; the database is left untouched."""
    b = read_bundle(path)
    store.check_history()
    here = _where(store)
    check_addressed(store.conn, here, b)
    fresh = check_ops(store.conn, here, b)
    added: dict[str, int] = {}
    changed: dict[str, int] = {}
    by_entity: dict[str, set[str]] = {}
    for op in fresh:
        by_entity.setdefault(op.entity, set()).add(op.entity_id)
    for entity, ids in by_entity.items():
        s = ENTITIES[entity]
        have = _existing(store.conn, s.table, "id", ids)
        if len(ids) - len(have):
            added[entity] = len(ids) - len(have)
        if have:
            changed[entity] = len(have)
    counts = ApplyCounts()
    try:
        with store.transaction():
            counts = store.apply_ops(b.ops)
            raise _Rollback
    except _Rollback:
        pass
    except sqlite3.IntegrityError as e:
        raise _foreign_key_error(b.path, e) from None
    return BundlePreview(
        path=b.path,
        manifest=b.manifest,
        op_count=len(b.ops),
        new_ops=counts.new,
        held_ops=counts.held,
        conflicts=counts.conflicts,
        records_added=added,
        records_changed=changed,
        already_imported=already_received(store.conn, b.manifest.bundle_id),
    )


# -- importing many -------------------------------------------------------------------------


@dataclass
class FileResult:
    """One file of an import: applied (with counts) or refused (with why)."""

    path: Path
    applied: bool
    message: str = ""
    bundle_id: str | None = None
    kind: str | None = None
    sender_user: str | None = None
    sender_device: str | None = None
    micro_grid_name: str | None = None
    op_count: int = 0
    new: int = 0
    held: int = 0
    conflicts: int = 0
    closed_conflicts: int = 0
    duplicates: int = 0  # new pairs of records that look like one (疑似重复)
    already_imported: bool = False
    skipped: bool = False  # found in a folder, meant for another installation

    def describe(self) -> str:
        if not self.applied:
            return self.message
        who = f"{self.sender_user}（{self.micro_grid_name}）"
        again = "，以前导入过" if self.already_imported else ""
        twice = f"，疑似重复 {self.duplicates} 对" if self.duplicates else ""
        return (
            f"已导入 {self.path.name}，来自 {who}：新修改 {self.new} 条，已有 {self.held} 条，"
            f"冲突 {self.conflicts} 处{twice}{again}"
        )


@dataclass
class SenderTotals:
    sender_user: str
    micro_grid_name: str
    files: int = 0
    new: int = 0
    held: int = 0
    conflicts: int = 0
    duplicates: int = 0


@dataclass
class ImportSummary:
    files: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        """Every file applied (the command's exit 0)."""
        return (
            any(f.applied for f in self.files)
            and not self.cancelled
            and all(f.applied or f.skipped for f in self.files)
        )

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if not f.applied and not f.skipped]

    @property
    def skipped(self) -> list[FileResult]:
        """Bundles in a folder that are for someone else: the office's shared stick."""
        return [f for f in self.files if f.skipped]

    def by_sender(self) -> dict[str, SenderTotals]:
        """Totals per sending device, for the office's summary."""
        out: dict[str, SenderTotals] = {}
        for f in self.files:
            if not f.applied or f.sender_device is None:
                continue
            t = out.setdefault(
                f.sender_device, SenderTotals(f.sender_user or "", f.micro_grid_name or "")
            )
            t.files += 1
            t.new += f.new
            t.held += f.held
            t.conflicts += f.conflicts
            t.duplicates += f.duplicates
        return out


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder stands for the bundles in it (*.gwbundle.json[.gz])."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                x
                for x in p.iterdir()
                if x.is_file()
                and not x.name.startswith(".")
                and (x.name.endswith(SUFFIX) or x.name.endswith(SUFFIX + ".gz"))
            )
            out.extend(found or [p])  # an empty folder is reported, not silently skipped
        else:
            out.append(p)
    return out


def import_bundles(
    store: Store,
    paths: Iterable[Path | str],
    *,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import bundles (files or folders); each file is checked, then applied atomically.

    A refused file does not stop the others. ``progress.cancelled()`` is checked between files and
    between chunks of a file; cancelling rolls back the file in progress (files already
    imported stay imported) and sets ``summary.cancelled``. All files are applied in one
    transaction, each in a savepoint of its own: a killed process leaves the database
    as it was before the import.
    """
    store.check_history()  # a restored or copied file speaks as a new device history
    here = _where(store)
    paths = list(paths)
    files = expand_paths(paths)
    named = {Path(p) for p in paths}
    in_folders = {f for f in files if f not in named}  # found by listing a folder
    summary = ImportSummary()
    progress = progress or QUIET
    say = progress.report
    try:
        with (
            _checkpoint_after(store),
            _roomy_cache(store),
            store.transaction(),
            gc_paused(),
            store.derived_at_end(),
        ):
            for n, path in enumerate(files):
                if progress.cancelled():
                    summary.cancelled = True
                    break
                say(n, len(files), msg("正在检查 {file}…", file=path.name))
                if not _import_one(
                    store, here, path, summary, n, len(files), progress, path in in_folders
                ):
                    break
    except sqlite3.IntegrityError as e:  # pragma: no cover - each file is checked before
        # Nothing of this import was written: say so for every file that looked applied.
        for f in summary.files:
            if f.applied:
                f.applied = False
                f.message = message_of(_foreign_key_error(f.path, e))
    say(len(files), len(files), msg("导入完成。") if not summary.cancelled else msg("已取消。"))
    return summary


def _import_one(
    store: Store,
    here: Where,
    path: Path,
    summary: ImportSummary,
    n: int,
    total: int,
    progress: Progress,
    in_folder: bool = False,
) -> bool:
    """Check and apply one file, recording its result; False when the import was cancelled.

    ``in_folder``: found in a folder given to import, where a bundle for another
    installation is skipped rather than refused."""
    result = FileResult(path=path, applied=False)
    summary.files.append(result)
    try:
        if path.is_dir():
            raise BundleError(
                msg("文件夹 {path} 里没有数据包（*{suffix}）。", path=path, suffix=SUFFIX)
            )
        b = read_bundle(path)
        m = b.manifest
        result.bundle_id, result.kind = m.bundle_id, m.kind
        result.sender_user, result.sender_device = m.sender_user, m.sender_device
        result.micro_grid_name, result.op_count = m.micro_grid_name, m.op_count
        check_addressed(store.conn, here, b)
        fresh = check_ops(store.conn, here, b)
        result.already_imported = already_received(store.conn, m.bundle_id)
        if summary.backup is None and store.path is not None:
            summary.backup = backup_file(store.path, "before-import")

        def chunk(done: int, of: int) -> None:
            progress.report(
                n,
                total,
                msg("正在导入 {file}（{done}/{of} 条）…", file=path.name, done=done, of=of),
            )

        open_before = open_conflict_rows(store)
        touched = identity_touched(b.ops)
        twins_before = pairs_touching(store.conn, touched)
        try:
            with _savepoint(store):
                counts = apply_bundle(store, b, on_chunk=chunk, progress=progress, fresh=fresh)
                _check_parents(store.conn, path, b.ops)
                twins_after = pairs_touching(store.conn, touched)
        except sqlite3.IntegrityError as e:
            raise _foreign_key_error(path, e) from None
    except Cancelled as e:
        result.message = message_of(e)
        summary.cancelled = True
        return False
    except NotAddressedHere as e:
        result.message = message_of(e)
        result.skipped = in_folder
        return True
    except BundleError as e:
        result.message = message_of(e)
        return True
    result.applied = True
    result.new, result.held = counts.new, counts.held
    # Conflicts left open for a person (as `conflicts` lists them), not every one the
    # history passed through: a bundle may carry a conflict and its resolution.
    open_after = open_conflict_rows(store)
    result.conflicts = len(open_after - open_before)
    result.closed_conflicts = len(open_before - open_after)
    # The same people or households entered on two devices, met in this file.
    result.duplicates = len(twins_after - twins_before)
    return True


@contextmanager
def _savepoint(store: Store) -> Iterator[None]:
    """One file of a many-file import: all of it, or (on any error) none of it.

    All files share one transaction (far fewer pages written than one commit per file);
    a file that fails is rolled back to its savepoint while the others stay, and so are
    its writes waiting for the derived-data hooks (run once after the last file). A clock
    that observed the rolled-back file's times stays ahead, which a hybrid clock allows.
    """
    conn = store.conn
    mark = store.derived_mark()
    conn.execute("SAVEPOINT bundle_file")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO bundle_file")
        conn.execute("RELEASE bundle_file")
        store.derived_forget(mark)
        raise
    conn.execute("RELEASE bundle_file")


def _check_parents(conn: sqlite3.Connection, path: Path, ops: Sequence[Op]) -> None:
    """Every record the file wrote points at a record that exists.

    The foreign keys are deferred to the end of the transaction, which in a many-file
    import is after the last file: this checks the file's own records now, so a bad file
    is refused alone (it should never trigger: the references were checked beforehand).
    """
    written: dict[str, set[str]] = {}
    for op in ops:
        written.setdefault(op.entity, set()).add(op.entity_id)
    for name, s in ENTITIES.items():
        if s.parent is None or name not in written:
            continue
        pf, pe = s.parent
        for part in _chunks(sorted(written[name])):
            marks = ",".join("?" * len(part))
            bad = conn.execute(
                f"SELECT 1 FROM {s.table} t WHERE t.id IN ({marks}) AND t.{pf} IS NOT NULL"
                f" AND NOT EXISTS (SELECT 1 FROM {ENTITIES[pe].table} p WHERE p.id = t.{pf})"
                " LIMIT 1",
                part,
            ).fetchone()
            if bad is not None:
                raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")


@contextmanager
def _roomy_cache(store: Store) -> Iterator[None]:
    """A larger page cache while importing, so one transaction over many files keeps its
    changed pages in memory instead of spilling them early (given back afterwards)."""
    conn = store.conn
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


_IMPORT_CACHE_KIB = 64 * 1024


@contextmanager
def _checkpoint_after(store: Store) -> Iterator[None]:
    """Copy the write-ahead log into the database once, after all files, not every 4 MB.

    SQLite's automatic checkpoints would copy the same index pages again and again during a
    large import; one checkpoint at the end writes each page once.
    """
    conn = store.conn
    before = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {before}")
        if store.path is not None and not conn.in_transaction:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
