"""The bundle file: one JSON document (optionally gzip) of a manifest and operations.

Reading does every check that needs only the file — readable, not absurdly large,
complete, JSON, our format, a version we know, the published schema, the op count, the
SHA-256 of the canonical operation list and of the manifest, text free of control
characters, clocks within reach — and refuses a bad file with one sentence naming it.
Writing is atomic (temporary name, fsync, rename, fsync of the folder) and reads the file
back before it reports success.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from gridworker import __version__
from gridworker.core.hlc import MAX_MS
from gridworker.core.ids import uuid7
from gridworker.core.messages import Message, msg
from gridworker.core.textnorm import CONTROL_RE
from gridworker.store.entities import ENTITIES, record_term
from gridworker.store.ops import Op
from gridworker.store.titles import title_of
from gridworker.sync.errors import BundleError
from gridworker.sync.schema import SchemaViolation, _printable, bundle_checker
from gridworker.sync.vector import SeqSet

FORMAT = "gridworker-bundle"
FORMAT_VERSION = 2
"""The version this app writes; it reads every version from 1 up to this one."""
SUFFIX = ".gwbundle.json"
GZIP_MAGIC = b"\x1f\x8b"
MAX_BUNDLE_BYTES = 1 << 30
"""The largest file (and gzip content) read. Real bundles are kilobytes to tens of
megabytes; a gibibyte of JSON would not fit in a laptop's memory once parsed."""

Kind = Literal["worker", "office", "setup"]
KIND_LABELS = {"worker": msg("网格员上报"), "office": msg("社区回传"), "setup": msg("配置包")}

_CANON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, non-ASCII kept as is (hashed as UTF-8)."""
    return _CANON.encode(value)


def ops_sha256(op_texts: Sequence[str] | Sequence[bytes]) -> str:
    """SHA-256 of the canonical op list, given each op's canonical text (or its UTF-8)."""
    h = hashlib.sha256()
    h.update(b"[")
    h.update(_joined(op_texts, ","))
    h.update(b"]")
    return h.hexdigest()


def _joined(op_texts: Sequence[str] | Sequence[bytes], sep: str) -> bytes:
    """The texts joined by ``sep``, as UTF-8: exports hand over bytes made by SQLite."""
    if op_texts and isinstance(op_texts[0], bytes):
        return sep.encode("ascii").join(op_texts)  # type: ignore[arg-type]
    return sep.join(op_texts).encode("utf-8")  # type: ignore[arg-type]


def manifest_sha256(manifest: dict[str, Any]) -> str:
    """SHA-256 of the canonical manifest without its own ``manifest_sha256`` entry.

    ``ops_sha256`` covers only the operations; this covers the version vector too, whose
    damage would otherwise make the receiver believe the sender holds what it lacks.
    """
    body = {k: v for k, v in manifest.items() if k != "manifest_sha256"}
    return hashlib.sha256(_CANON.encode(body).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What a bundle says about itself."""

    bundle_id: str
    kind: Kind
    sender_device: str
    sender_role: Literal["worker", "office"]
    sender_user: str
    community: str
    micro_grid_id: str
    micro_grid_name: str
    created: str
    version_vector: SeqSet
    op_count: int
    ops_sha256: str
    setup_from: str | None = None
    app_version: str | None = None
    replaces: tuple[str, ...] = ()
    """Device histories the sender's file continues in their place, newest first: the file
    was put back from a backup and started a new history (store/device_history.py); what
    those devices held is no longer held."""

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "sender": {
                "device_id": self.sender_device,
                "role": self.sender_role,
                "user": self.sender_user,
            },
            "community": self.community,
            "micro_grid_id": self.micro_grid_id,
            "micro_grid_name": self.micro_grid_name,
            "created": self.created,
            "version_vector": self.version_vector.to_json(),
            "op_count": self.op_count,
            "ops_sha256": self.ops_sha256,
        }
        if self.setup_from:
            d["setup_from"] = self.setup_from
        if self.app_version:
            d["app_version"] = self.app_version
        if self.replaces:
            d["replaces"] = list(self.replaces)
        d["manifest_sha256"] = manifest_sha256(d)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Manifest:
        """From a manifest that already passed the schema."""
        return cls(
            bundle_id=d["bundle_id"],
            kind=d["kind"],
            sender_device=d["sender"]["device_id"],
            sender_role=d["sender"]["role"],
            sender_user=d["sender"]["user"],
            community=d["community"],
            micro_grid_id=d["micro_grid_id"],
            micro_grid_name=d["micro_grid_name"],
            created=d["created"],
            version_vector=SeqSet.from_json(d["version_vector"]),
            op_count=d["op_count"],
            ops_sha256=d["ops_sha256"],
            setup_from=d.get("setup_from"),
            app_version=d.get("app_version"),
            replaces=tuple(d.get("replaces") or ()),
        )


@dataclass(frozen=True)
class Bundle:
    path: Path
    manifest: Manifest
    ops: list[Op]


def new_manifest(
    *,
    kind: Kind,
    sender_device: str,
    sender_role: Literal["worker", "office"],
    sender_user: str,
    community: str,
    micro_grid_id: str,
    micro_grid_name: str,
    created: str,
    version_vector: SeqSet,
    op_texts: Sequence[str] | Sequence[bytes],
    setup_from: str | None = None,
    replaces: Sequence[str] = (),
) -> Manifest:
    return Manifest(
        bundle_id=uuid7(),
        kind=kind,
        sender_device=sender_device,
        sender_role=sender_role,
        sender_user=sender_user,
        community=community,
        micro_grid_id=micro_grid_id,
        micro_grid_name=micro_grid_name,
        created=created,
        version_vector=version_vector,
        op_count=len(op_texts),
        ops_sha256=ops_sha256(op_texts),
        setup_from=setup_from,
        app_version=__version__,
        replaces=tuple(replaces),
    )


def encode(
    manifest: Manifest, op_texts: Sequence[str] | Sequence[bytes], *, compress: bool = False
) -> bytes:
    """The file's bytes: the manifest, then one operation per line (easy to read and diff)."""
    head = json.dumps({"manifest": manifest.to_json()}, ensure_ascii=False, indent=1)
    data = b"".join(
        (
            head[:-2].encode("utf-8"),
            b',\n "ops": [\n',
            _joined(op_texts, ",\n"),
            b"\n ]\n}\n" if op_texts else b"]\n}\n",
        )
    )
    if compress:
        data = gzip.compress(data, compresslevel=6, mtime=0)
    return data


# -- reading ------------------------------------------------------------------------------


def _refuse(path: Path, problem: Message) -> BundleError:
    return BundleError(msg("数据包 {file} {problem}，没有导入。", file=path.name, problem=problem))


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n / 1024:.1f} KB"


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a folder, a device or pipe, or a file too big to be a bundle is
    refused before reading (a pipe would wait for ever, a huge file exhaust memory)."""
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise BundleError(
                msg("{path} 不是普通文件（可能是设备或管道），不是数据包。", path=path)
            )
        if st.st_size > MAX_BUNDLE_BYTES:
            raise _refuse(
                path,
                msg(
                    "有 {size}，超过数据包上限 {limit}（不像是网格员工作台的数据包）",
                    size=_size(st.st_size),
                    limit=_size(MAX_BUNDLE_BYTES),
                ),
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise BundleError(
            msg("找不到数据包 {path}（U盘可能已拔出或文件名有误）。", path=path)
        ) from None
    except IsADirectoryError:
        raise BundleError(msg("{path} 是文件夹，不是数据包。", path=path)) from None
    except OSError as e:
        raise BundleError(
            msg("无法读取数据包 {path}：{error}。", path=path, error=e.strerror or e)
        ) from e


def _gunzip(path: Path, data: bytes) -> bytes:
    """Uncompressed content, read in pieces so a "zip bomb" is refused, not unpacked."""
    parts: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            while part := f.read(1 << 24):
                total += len(part)
                if total > MAX_BUNDLE_BYTES:
                    raise _refuse(
                        path,
                        msg(
                            "解压后超过数据包上限 {limit}（不像是网格员工作台的数据包）",
                            limit=_size(MAX_BUNDLE_BYTES),
                        ),
                    )
                parts.append(part)
    except (EOFError, OSError, zlib.error):
        raise _refuse(path, msg("的压缩内容不完整或已损坏（可能没有复制完）")) from None
    return b"".join(parts)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _looks_truncated(text: str) -> bool:
    """A JSON text cut short: a string or a bracket is still open at the end."""
    bare = _STRING.sub('""', text)
    if bare.count('"') % 2:
        return True
    depth = bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")
    return depth > 0 and text.lstrip()[:1] in ("{", "[")


class _NotJson(Exception):
    pass


def _no_constant(name: str) -> Any:
    """NaN and Infinity: Python's reader takes them, JSON has no such numbers (and a
    number field holding one could never be written out again)."""
    raise _NotJson(name)


def decode(path: Path, data: bytes) -> dict[str, Any]:
    """Bytes → the JSON document, refusing anything that is not a complete bundle file."""
    return _decode(path, data)[1]


def _decode(path: Path, data: bytes) -> tuple[bytes, dict[str, Any]]:
    """The document's bytes (uncompressed) and its parsed JSON (see :func:`decode`)."""
    if not data or data.isspace():  # (not data.strip(): that copies a whole file)
        raise _refuse(path, msg("是空文件（可能没有复制完）"))
    if data[:2] == GZIP_MAGIC:
        data = _gunzip(path, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(path, msg("不是文本文件，不是网格员工作台的数据包")) from None
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise _refuse(path, _TOO_DEEP) from None
    except _NotJson as e:
        raise _refuse(
            path, msg("不是有效的 JSON（含有 {constant}，JSON 没有这种数）", constant=e.args[0])
        ) from None
    except json.JSONDecodeError as e:
        if e.pos >= len(text.rstrip()) or _looks_truncated(text):
            raise _refuse(path, msg("内容不完整，文件在中途截断了（可能没有复制完）")) from None
        raise _refuse(
            path,
            msg("不是有效的 JSON（第 {line} 行第 {column} 列出错）", line=e.lineno, column=e.colno),
        ) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("manifest"), dict):
        raise _refuse(path, msg("不是网格员工作台的数据包（没有清单 manifest）"))
    m = doc["manifest"]
    if m.get("format") != FORMAT:
        raise _refuse(path, msg("不是网格员工作台的数据包（格式名不对）"))
    version = m.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise _refuse(
            path,
            msg(
                "由较新版本的程序生成（格式版本 {version}，本程序只认识到 {known}），请先升级本程序",
                version=version,
                known=FORMAT_VERSION,
            ),
        )
    if type(version) is not int or version < 1:
        raise _refuse(path, msg("的格式版本 {version!r} 无法识别", version=version))
    return data, doc


_OPS_START = b'\n "ops": [\n'
_OPS_END = b"\n ]\n}\n"


def _digest_as_written(data: bytes) -> str | None:
    """SHA-256 of the op list straight from the file's bytes, when laid out as we write it.

    :func:`encode` writes each operation's canonical text on a line of its own; JSON text
    has no raw line breaks inside strings, so the canonical list is the lines joined by
    commas. When this digest matches the manifest, the text holding the operations is
    exactly what the sender hashed; any other layout (or a mismatch) falls back to
    re-encoding the parsed operations. None when the layout is not ours.
    """
    start = data.rfind(_OPS_START)
    if start < 0 or not data.endswith(_OPS_END):
        return None
    h = hashlib.sha256(b"[")
    h.update(data[start + len(_OPS_START) : -len(_OPS_END)].replace(b",\n", b","))
    h.update(b"]")
    return h.hexdigest()


_TOO_DEEP = msg("的 JSON 嵌套层数太多，不是网格员工作台的数据包")

# Where a control character or a lone surrogate can be in JSON text: escaped (\b, \f,
# \u0000-\u001f, \u007f-\u009f, \ud800-\udfff), or raw DEL and C1 characters (raw C0
# characters are not valid JSON; raw surrogates are not valid UTF-8).
_SUSPECT_ESCAPE = re.compile(rb"\\(?:[bf]|u00[0189]|u007[fF]|u[dD][89a-fA-F])")
# In text: control characters other than tab, line feed and carriage return (they break
# the spreadsheet export) and lone surrogates (they cannot be encoded as UTF-8).
_BAD_CHAR = CONTROL_RE  # the same rule the write path applies to every local edit


def _may_hold_bad_text(data: bytes) -> bool:
    """Could the JSON text hold a character :data:`_BAD_CHAR` refuses? A screen over the
    bytes (memchr speed) so the parsed document is only walked when it might."""
    if b"\x7f" in data:
        return True
    i = data.find(b"\xc2")  # C1 controls are U+0080-U+009F: C2 80 - C2 9F in UTF-8
    while i >= 0:
        after = data[i + 1 : i + 2]
        if after and 0x80 <= after[0] <= 0x9F:
            return True
        i = data.find(b"\xc2", i + 1)
    i = data.find(b"\\")  # every backslash of JSON text starts an escape of two or more
    while i >= 0:
        if _SUSPECT_ESCAPE.match(data, i):
            return True
        i = data.find(b"\\", i + 2)
    return False


def _bad_text(doc: Any) -> tuple[str, str] | None:
    """The place (``ops[2].fields.notes``) and the first character :data:`_BAD_CHAR`
    refuses in any key or string of the document, or None."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    bad = _BAD_CHAR.search
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            found = bad(value)
            if found:
                return where, found.group()
        elif isinstance(value, dict):
            items = list(value.items())
            for k, _v in items:
                found = bad(k)
                if found:
                    return where, found.group()
            stack.extend((v, f"{where}.{k}" if where else k) for k, v in reversed(items))
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in reversed(list(enumerate(value))))
    return None


def _check_text(path: Path, doc: dict[str, Any], data: bytes | None) -> None:
    if data is not None and not _may_hold_bad_text(data):
        return
    found = _bad_text(doc)
    if found is None:
        return
    where, char = found
    code = f"U+{ord(char):04X}"
    if ord(char) <= 0x9F:
        problem = msg("的 {where} 含有控制字符 {char}（文件可能已损坏）", where=where, char=code)
    else:
        problem = msg(
            "的 {where} 含有残缺的 Unicode 字符 {char}（文件可能已损坏）", where=where, char=code
        )
    raise _refuse(path, problem)


def describe_op(op: Op, index: int) -> Message:
    """An operation as a refusal names it: 第 3 条操作（居民「陈桂兰」）."""
    s = ENTITIES.get(op.entity)
    record = record_term(op.entity)
    name = title_of(s, op.fields) if s is not None else ""
    who = (
        msg("{record}「{name}」", record=record, name=name)
        if name
        else msg("{record} {id}", record=record, id=op.entity_id)
    )
    return msg("第 {number} 条操作（{who}）", number=index + 1, who=who)


_LATEST_HLC = f"{MAX_MS + 1:013d}"  # hlcs compare as text: this and above are too late


def _year(ms: int) -> int:
    return datetime.fromtimestamp(ms / 1000, UTC).year


def _check_clocks(path: Path, ops: list[Op]) -> None:
    """No operation may carry a time beyond :data:`~gridworker.core.hlc.MAX_MS`: the
    receiver's clock would follow it, and soon outgrow the timestamp's 13 digits."""
    if not ops or max(op.hlc for op in ops) < _LATEST_HLC:
        return
    i, op = next((i, op) for i, op in enumerate(ops) if op.hlc >= _LATEST_HLC)
    raise _refuse(
        path,
        msg(
            "的{op}的时间戳在 {year} 年，晚于允许的 {limit} 年（文件已损坏，或那台电脑的时钟严重错误）",
            op=describe_op(op, i),
            year=_year(int(op.hlc[:13])),
            limit=_year(MAX_MS),
        ),
    )


def _schema_problem(e: SchemaViolation) -> Message:
    return msg("不符合数据包格式规范：{where} {problem}", where=e.where, problem=e.problem)


def _newer_kind(doc: dict[str, Any], e: SchemaViolation) -> Message | None:
    """A kind of record or a field this app does not know, written by a newer app: said
    so, with the remedy, rather than as a format error (the schema refuses both)."""
    path = list(reversed(e.path))
    if len(path) < 3 or path[0] != "ops" or not isinstance(path[1], int):
        return None
    op = doc["ops"][path[1]]
    if path[2:] == ["entity"] and isinstance(op.get("entity"), str):
        if not _KIND_NAME.match(op["entity"]):
            return None
        return msg(
            "的第 {number} 条操作是本程序不认识的记录类型 {entity}（可能来自较新版本的程序），"
            "请先升级本程序",
            number=path[1] + 1,
            entity=op["entity"],
        )
    if path[2:] == ["fields"] and e.unknown is not None and op.get("entity") in ENTITIES:
        return msg(
            "的第 {number} 条操作（{record}）有本程序不认识的字段 {field}（可能来自较新版本的程序），"
            "请先升级本程序",
            number=path[1] + 1,
            record=record_term(op["entity"]),
            field=_printable(e.unknown),
        )
    return None


_KIND_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def check_document(path: Path, doc: dict[str, Any], data: bytes | None = None) -> Bundle:
    """Schema, counts, checksums, text and internal consistency of a decoded document.

    ``data``, the document's (uncompressed) bytes, lets the checksum be taken from the
    file itself when it is laid out the way this app writes it (much faster than
    re-encoding the operations), and the text be screened without walking the document.
    """
    try:
        bundle_checker()(doc)
    except SchemaViolation as e:
        _check_text(path, doc, data)  # a broken character explains itself better
        raise _refuse(path, _newer_kind(doc, e) or _schema_problem(e)) from None
    m = doc["manifest"]
    ops_json: list[dict[str, Any]] = doc["ops"]
    if m["op_count"] != len(ops_json):
        raise _refuse(
            path,
            msg(
                "的操作条数不符：清单写 {listed} 条，实际有 {found} 条（文件可能被改动过）",
                listed=m["op_count"],
                found=len(ops_json),
            ),
        )
    digest = _digest_as_written(data) if data is not None else None
    if digest != m["ops_sha256"]:
        # surrogatepass: a lone surrogate must be refused by name below, not crash here.
        text = canonical(ops_json).encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(text).hexdigest()
    if digest != m["ops_sha256"]:
        raise _refuse(path, msg("的校验和不符，内容已损坏或被改动过"))
    sealed = m.get("manifest_sha256")  # absent in bundles of earlier builds
    if sealed is not None and sealed != manifest_sha256(m):
        raise _refuse(path, msg("的清单校验和不符，清单已损坏或被改动过"))
    _check_text(path, doc, data)
    for device, ranges in m["version_vector"].items():
        prev = 0
        for lo, hi in ranges:
            if lo > hi or lo <= prev:
                raise _refuse(
                    path,
                    msg(
                        "不符合数据包格式规范：设备 {device} 的版本向量区间没有按顺序排列",
                        device=device,
                    ),
                )
            prev = hi
    kind, role = m["kind"], m["sender"]["role"]
    if (kind == "worker") != (role == "worker"):
        raise _refuse(
            path, msg("的发送方角色（{role}）与数据包类型（{kind}）不一致", role=role, kind=kind)
        )
    manifest = Manifest.from_json(m)
    ops = [Op.from_json(o) for o in ops_json]
    _check_clocks(path, ops)
    return Bundle(path=path, manifest=manifest, ops=ops)


_PEEK_BYTES = 1 << 18
"""How much of a file :func:`peek_manifest` reads: the manifest comes first."""


def peek_manifest(path: Path) -> Manifest | None:
    """What a bundle file says about itself (sender, kind, micro-grid, when made) without
    reading or checking its operations; None for a file that is no bundle we can read.

    For listing the bundles on a stick and for telling whose a file is before replacing
    it. Nothing here is trusted for importing: :func:`read_bundle` checks everything.
    """
    try:
        with open(path, "rb") as raw:
            magic = raw.read(2)
            raw.seek(0)
            if magic == GZIP_MAGIC:
                with gzip.GzipFile(fileobj=raw) as unpacked:
                    head = unpacked.read(_PEEK_BYTES)
            else:
                head = raw.read(_PEEK_BYTES)
    except (OSError, EOFError, zlib.error):
        return None
    text = head.decode("utf-8", errors="ignore")
    cut = text.find('\n "ops": [')  # as encode() lays a file out
    try:
        doc = json.loads(text[:cut].rstrip().removesuffix(",") + "}" if cut > 0 else text)
        m = doc["manifest"]
        if m.get("format") != FORMAT:
            return None
        return Manifest.from_json(m)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_bundle(path: Path | str) -> Bundle:
    """Read and check a bundle file; raises BundleError with one clear sentence."""
    p = Path(path)
    try:
        data, doc = _decode(p, read_bytes(p))
        return check_document(p, doc, data)
    except MemoryError:
        raise _refuse(p, msg("太大，本机内存不足以读取它")) from None
    except RecursionError:
        raise _refuse(p, _TOO_DEEP) from None


# -- writing ------------------------------------------------------------------------------


def _write_error(e: OSError, path: Path) -> BundleError:
    folder = path.parent
    code = e.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        why = msg("{folder} 空间不足（U盘满了）", folder=folder)
    elif code == errno.EROFS:
        why = msg("{folder} 是只读的（U盘可能打开了写保护）", folder=folder)
    elif code in (errno.EACCES, errno.EPERM):
        why = msg("没有权限写入 {folder}", folder=folder)
    elif code == errno.ENOENT:
        why = msg("文件夹 {folder} 不存在（U盘可能已拔出）", folder=folder)
    else:
        why = msg("写入 {path} 时出错（{error}）", path=path, error=e.strerror or e)
    return BundleError(
        msg("{why}，数据包 {file} 没有写成，也没有留下不完整的文件。", why=why, file=path.name)
    )


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; its rename is durable
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOTSUP):  # some USB file systems refuse
            raise
    finally:
        os.close(fd)


def _drop_cache(fd: int, size: int) -> None:
    """Ask the OS to forget the cached pages, so the read-back comes from the drive."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, size, os.POSIX_FADV_DONTNEED)


def check_target(path: Path) -> None:
    """Refuse to replace anything but a regular file: renaming over a device or a pipe
    would swap it for a plain file (and "succeed")."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise _write_error(e, path) from e
    if not stat.S_ISREG(st.st_mode):
        raise BundleError(
            msg("{path} 不是普通文件（可能是文件夹、设备或管道），数据包没有写成。", path=path)
        )


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the whole new file or untouched.

    Then read it back and compare it byte for byte (hence its checksum and op count)
    with what was meant to be written. Raises BundleError; never leaves a partial file.
    """
    check_target(path)
    tmp = path.parent / f".{path.name}.{uuid7()[-8:]}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as e:
        raise _write_error(e, path) from e
    try:
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
            _drop_cache(fd, len(data))
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _write_error(e, path) from e
        raise
    try:
        _fsync_dir(path.parent)
        back = path.read_bytes()
    except OSError as e:
        raise _write_error(e, path) from e
    if back != data:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        raise BundleError(
            msg(
                "数据包 {file} 写入后读回校验不一致（U盘可能有问题），已删除，请换一个U盘再试。",
                file=path.name,
            )
        )
