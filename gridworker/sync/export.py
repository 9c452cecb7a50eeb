"""Writing bundles: what each side sends, in canonical form, safely onto the drive."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from gridworker.core.messages import Message, joined, msg
from gridworker.core.ordering import natural_key
from gridworker.core.progress import QUIET, Progress
from gridworker.store.errors import DatabaseDamaged
from gridworker.store.store import Identity, Store, utc_now
from gridworker.sync import state
from gridworker.sync.bundle import (
    KIND_LABELS,
    SUFFIX,
    Kind,
    check_target,
    encode,
    new_manifest,
    peek_manifest,
    write_atomic,
)
from gridworker.sync.errors import BundleError
from gridworker.sync.vector import SeqSet

_q: Callable[[str], str] = encode_basestring

_OP_COLUMNS = (
    "op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base, merged, micro_grid_id,"
    " wall"
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    kind: Kind
    micro_grid_id: str
    micro_grid_name: str
    op_count: int
    size: int
    created: str
    recorded: bool = True
    """Recorded as sent (so the next bundle need not carry it again); False only when the
    database is read-only, where the file is written but nothing is recorded."""


def op_text(r: Any) -> str:
    """The canonical JSON of a stored operation, spliced from its stored canonical parts.

    Equal to ``canonical(Op.from_row(r).to_json())`` (a test holds it so) without decoding
    and re-encoding the field maps. Exports build the same text in SQLite
    (:data:`_OP_TEXT_SQL`); this is the fallback where SQLite quotes differently.
    """
    op_id, device, seq, hlc, user, entity, entity_id, fields, base, merged, mg, wall = r
    head = '{"base":' + str(base) + ',"device_id":' if base and base != "{}" else '{"device_id":'
    mid = ',"merged":' + str(merged) if merged and merged != "{}" else ""
    tail = f',"wall":{wall}}}' if wall is not None else "}"
    return (
        f'{head}{_q(device)},"entity":{_q(entity)},"entity_id":{_q(entity_id)},'
        f'"fields":{fields},"hlc":{_q(hlc)}{mid},'
        f'"micro_grid_id":{_q(mg) if mg is not None else "null"},'
        f'"op_id":{_q(op_id)},"seq":{seq},"user":{_q(user)}{tail}'
    )


_VALID_SQL = (
    "json_valid(fields) AND (base IS NULL OR json_valid(base))"
    " AND (merged IS NULL OR json_valid(merged))"
)
_OP_TEXT_SQL = (
    f"CASE WHEN {_VALID_SQL} THEN CAST(printf("
    """'%s"device_id":%s,"entity":%s,"entity_id":%s,"fields":%s,"hlc":%s%s,"""
    """"micro_grid_id":%s,"op_id":%s,"seq":%d,"user":%s%s', """
    """CASE WHEN base IS NOT NULL AND base <> '{}' THEN '{"base":' || base || ',' ELSE '{' END, """
    "json_quote(device_id), json_quote(entity), json_quote(entity_id), fields, json_quote(hlc), "
    """CASE WHEN merged IS NOT NULL AND merged <> '{}' THEN ',"merged":' || merged ELSE '' END, """
    "json_quote(micro_grid_id), json_quote(op_id), seq, json_quote(user_name), "
    """CASE WHEN wall IS NOT NULL THEN ',"wall":' || wall || '}' ELSE '}' END) AS BLOB) END"""
)
""":func:`op_text` as UTF-8 bytes, made by SQLite (``printf``, ``json_quote``) in the same
pass that checks the stored JSON (NULL for a damaged row): no Python string per column,
nothing decoded and encoded again. Exporting 100,000 operations was mostly building these
texts in Python."""

_QUOTES_OK: bool | None = None
_PROBE = "".join(map(chr, range(0x80))) + "赵红\u2028\U0001f600"


def _sqlite_quotes_as_python(conn: sqlite3.Connection) -> bool:
    """Does this SQLite's ``json_quote`` escape exactly as Python's canonical JSON does?

    (Short escapes for \\b \\f \\n \\r \\t, lower-case \\u00XX for the other control
    characters, nothing else.) Checked once per connection kind: the app may run on an
    SQLite that quotes otherwise, and then takes the Python path.
    """
    global _QUOTES_OK
    if _QUOTES_OK is None:
        try:
            got = conn.execute("SELECT printf('%s', json_quote(?))", (_PROBE,)).fetchone()[0]
        except sqlite3.OperationalError:  # an SQLite without the JSON functions
            got = None
        _QUOTES_OK = got == _q(_PROBE)
    return _QUOTES_OK


def _select(
    store: Store, where: str, params: Sequence[str] | Mapping[str, str], acked: SeqSet | None
) -> list[bytes]:
    """The canonical texts (UTF-8) of the operations to send, in hlc order.

    Sorted here rather than by ``ORDER BY hlc`` (no index has hlc first: SQLite would sort
    every row's text), and refused if a stored JSON is damaged (see :func:`_check_json`).
    """
    conn = store.conn
    filtered = acked is not None and len(acked) > 0
    if not _sqlite_quotes_as_python(conn):
        return _select_in_python(store, where, params, acked)
    keys = ", device_id, seq" if filtered else ""
    sql = f"SELECT hlc, {_OP_TEXT_SQL}{keys} FROM ops"
    if where:
        sql += f" WHERE {where}"
    cur = conn.execute(sql, params)
    cur.row_factory = None  # plain tuples: faster
    rows = cur.fetchall()
    if filtered:
        assert acked is not None
        rows = [r for r in rows if (r[2], r[3]) not in acked]
    rows.sort(key=_first)
    texts = [r[1] for r in rows]
    if None in texts:
        _check_json(store, where, params)
    return texts


def _first(r: tuple[Any, ...]) -> Any:
    return r[0]


def _select_in_python(
    store: Store, where: str, params: Sequence[str] | Mapping[str, str], acked: SeqSet | None
) -> list[bytes]:
    """:func:`_select` with the texts made by :func:`op_text` (an SQLite that quotes otherwise)."""
    sql = f"SELECT {_OP_COLUMNS} FROM ops"
    if where:
        sql += f" WHERE {where}"
    cur = store.conn.execute(sql + " ORDER BY hlc", params)
    cur.row_factory = None
    if acked is None or not len(acked):
        texts = [op_text(r).encode("utf-8") for r in cur]
    else:
        texts = [op_text(r).encode("utf-8") for r in cur if (r[1], r[2]) not in acked]
    _check_json(store, where, params)
    return texts


def _check_json(store: Store, where: str, params: Sequence[str] | Mapping[str, str]) -> None:
    """Refuse to send an operation whose stored JSON is damaged.

    The bundle is spliced from the stored text without decoding it (fast); a damaged row
    would make a file the other side refuses. SQLite's ``json_valid`` checks them in C.
    """
    sql = f"SELECT op_id FROM ops WHERE NOT ({_VALID_SQL})"
    if where:
        sql += f" AND {where}"
    bad = store.conn.execute(sql + " LIMIT 1", params).fetchone()
    if bad is not None:
        raise DatabaseDamaged(msg("修改记录 {op} 的内容已损坏", op=bad[0]), path=store.path)


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_name(community: str, micro_grid_name: str, kind: Kind, user: str | None = None) -> str:
    """E.g. 致强社区-第三微网格-社区回传-20261123.gwbundle.json (safe on FAT/NTFS sticks)."""
    parts = [community, micro_grid_name]
    if kind == "worker" and user:
        parts.append(user)
    parts += [KIND_LABELS[kind], datetime.now().strftime("%Y%m%d")]
    return "-".join(_UNSAFE.sub("_", p.strip()) or "_" for p in parts) + SUFFIX


def free_name(path: Path, ident: Identity) -> Path:
    """``path``, or ``…-2``, ``…-3`` … when a file of that name is there that this
    installation did not make: two laptops with the same user name exporting onto one
    stick the same day never replace each other's bundle (nor anything else there). This
    installation's own bundle of the same name is replaced (the new one carries it all)."""
    stem = path.name.removesuffix(SUFFIX)
    candidate, n = path, 1
    while candidate.exists():
        found = peek_manifest(candidate) if candidate.is_file() else None
        if found is not None and found.sender_device == ident.device_id:
            return candidate
        n += 1
        candidate = path.with_name(f"{stem}-{n}{SUFFIX}")
    return candidate


def resolve_micro_grid(store: Store, name_or_id: str) -> tuple[str, str]:
    """(id, name) of a micro-grid given by its name (or id)."""
    key = name_or_id.strip()
    r = store.conn.execute(
        "SELECT id, name FROM micro_grid WHERE name = ? OR id = ? ORDER BY id LIMIT 1", (key, key)
    ).fetchone()
    if r is None:
        names = sorted(
            (x[0] for x in store.conn.execute("SELECT name FROM micro_grid")), key=natural_key
        )
        named = [n for n in names if n]
        known = joined(named, msg("、")) if named else msg("（还没有）")
        raise BundleError(
            msg("没有名为「{name}」的微网格；已有的微网格：{known}。", name=key, known=known)
        )
    return str(r["id"]), str(r["name"] or key)


def _destination(out_path: Path | str) -> tuple[Path, bool]:
    """Where to write: (path, is a folder to name the file in); refused before any work.

    A name ending in a slash means a folder, which must exist: ``Path`` drops the slash,
    and the bundle would otherwise be written as a file named like the missing folder.
    """
    raw = os.fspath(out_path)
    path = Path(raw)
    if path.is_dir():
        return path, True
    if raw.endswith(("/", os.sep)) or (os.altsep is not None and raw.endswith(os.altsep)):
        if path.exists():
            raise BundleError(msg("{path} 不是文件夹，数据包没有写成。", path=path))
        raise BundleError(msg("文件夹 {folder} 不存在（U盘可能没有插好）。", folder=path))
    check_target(path)
    return path, False


def export_bundle(
    store: Store,
    out_path: Path | str,
    *,
    micro_grid: str | None = None,
    setup: bool = False,
    progress: Progress | None = None,
    compress: bool = False,
) -> ExportResult:
    """Write the bundle this installation owes its peer; returns what was written and verified.

    A worker writes every operation the office has not acknowledged. The office writes, for
    one micro-grid, the operations its worker laptops lack (or all of them: ``setup``),
    with the office's version vector as acknowledgement. ``out_path`` may be a folder: the
    file is then named by :func:`default_name`.
    """
    store.check_history()  # a restored or copied file speaks as a new device history
    ident = store.identity
    path, into_folder = _destination(out_path)
    say = (progress or QUIET).report
    say(0, 3, msg("正在整理要发送的修改…"))
    kind: Kind
    if ident.role == "worker":
        if setup:
            raise BundleError(msg("配置包只能在社区电脑上生成。"))
        assert ident.micro_grid_id is not None
        mg_id = ident.micro_grid_id
        if micro_grid is not None and resolve_micro_grid(store, micro_grid)[0] != mg_id:
            raise BundleError(msg("网格员电脑只能导出本微网格的数据包，不要指定其他微网格。"))
        r = store.conn.execute("SELECT name FROM micro_grid WHERE id = ?", (mg_id,)).fetchone()
        mg_name = str(r[0]) if r is not None and r[0] else mg_id
        kind = "worker"
        texts = _select(store, "", [], state.office_acked(store.conn))
    else:
        if micro_grid is None:
            raise BundleError(
                msg(
                    "社区导出数据包时要指定微网格（--micro-grid 名称，或 --all-micro-grids 文件夹）。"
                )
            )
        mg_id, mg_name = resolve_micro_grid(store, micro_grid)
        kind = "setup" if setup else "office"
        where, params = state.scope_sql(store.conn, mg_id)
        acked = None if setup else state.micro_grid_acked(store.conn, mg_id)
        texts = _select(store, where, params, acked)
    manifest = new_manifest(
        kind=kind,
        sender_device=ident.device_id,
        sender_role=ident.role,
        sender_user=ident.user,
        community=ident.community,
        micro_grid_id=mg_id,
        micro_grid_name=mg_name,
        created=utc_now(),
        version_vector=SeqSet.held_by(store.conn),
        op_texts=texts,
        setup_from=store.meta("setup_from") if ident.role == "worker" else None,
        replaces=store.replaced_devices(),
    )
    data = encode(manifest, texts, compress=compress)
    if into_folder:
        path = free_name(path / default_name(ident.community, mg_name, kind, ident.user), ident)
    say(1, 3, msg("正在写入 {file}…", file=path.name))
    write_atomic(path, data)
    say(2, 3, msg("已写入并读回校验，正在记录…"))
    recorded = not store.read_only
    if recorded:
        with store.transaction():
            state.log(store.conn, manifest, "sent", str(path), utc_now())
            store.changes.sync = True  # the bundle history and the status bar show it
            if kind == "setup":
                where, params = state.scope_sql(store.conn, mg_id)
                holds = SeqSet.from_pairs(
                    (r[0], r[1])
                    for r in store.conn.execute(
                        f"SELECT device_id, seq FROM ops WHERE {where}", params
                    )
                )
                state.record_setup(store.conn, manifest, holds)
    say(3, 3, msg("完成：可以安全拔出U盘。"))
    return ExportResult(
        path=path,
        bundle_id=manifest.bundle_id,
        kind=kind,
        micro_grid_id=mg_id,
        micro_grid_name=mg_name,
        op_count=len(texts),
        size=len(data),
        created=manifest.created,
        recorded=recorded,
    )


class PartialExport(BundleError):
    """Exporting for every micro-grid stopped at one: the files before it were written,
    verified and recorded as sent (``results``), the rest were not attempted."""

    def __init__(self, message: Message, results: list[ExportResult]) -> None:
        super().__init__(message)
        self.results = results


def export_all_micro_grids(
    store: Store,
    folder: Path | str,
    *,
    progress: Progress | None = None,
    compress: bool = False,
) -> list[ExportResult]:
    """At the office: one return bundle per micro-grid of the community, in ``folder``.

    When one fails (a full stick) the error says which files were written and recorded
    before it (:class:`PartialExport`), so nobody wonders whether to send those again.
    """
    ident = store.identity
    if ident.role != "office":
        raise BundleError(msg("只有社区电脑能一次为所有微网格导出数据包。"))
    out = Path(folder)
    if not out.is_dir():
        raise BundleError(msg("文件夹 {folder} 不存在（U盘可能没有插好）。", folder=out))
    grids = sorted(
        store.conn.execute(
            "SELECT id, name FROM micro_grid WHERE community = ? OR community IS NULL",
            (ident.community,),
        ).fetchall(),
        key=lambda g: natural_key(g["name"]),
    )
    say = (progress or QUIET).report
    results: list[ExportResult] = []
    for i, g in enumerate(grids):
        say(i, len(grids), msg("正在导出 {name}…", name=g["name"]))
        try:
            results.append(export_bundle(store, out, micro_grid=g["id"], compress=compress))
        except Exception as e:
            if not results:
                raise
            raise PartialExport(_partial_message(g["name"] or g["id"], e, results), results) from e
    say(len(grids), len(grids), msg("全部导出完成。"))
    return results


def _partial_message(name: str, e: Exception, results: list[ExportResult]) -> Message:
    from gridworker.store.known_errors import describe

    return msg(
        "{problem} 在此之前已写入、校验并记为已发送 {count} 个文件：{files}；{name} 和之后的"
        "微网格没有导出。",
        problem=describe(e),
        count=len(results),
        files=joined((r.path.name for r in results), msg("、")),
        name=name,
    )
