"""The bundle file: one JSON document (optionally gzip) of a manifest and operations.

Reading does every check that needs only the file — readable, complete, JSON, our
format, a version we know, the published schema, the op count and the SHA-256 of the
canonical operation list — and refuses a bad file with one sentence naming it. Writing
is atomic (temporary name, fsync, rename, fsync of the folder) and reads the file back
before it reports success.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from gridworker import __version__
from gridworker.core.ids import uuid7
from gridworker.core.messages import Message, msg
from gridworker.store.ops import Op
from gridworker.sync.errors import BundleError
from gridworker.sync.schema import SchemaViolation, bundle_checker
from gridworker.sync.vector import SeqSet

FORMAT = "gridworker-bundle"
FORMAT_VERSION = 1
SUFFIX = ".gwbundle.json"
GZIP_MAGIC = b"\x1f\x8b"

Kind = Literal["worker", "office", "setup"]
KIND_LABELS = {"worker": msg("网格员上报"), "office": msg("社区回传"), "setup": msg("配置包")}

_CANON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, non-ASCII kept as is (hashed as UTF-8)."""
    return _CANON.encode(value)


def ops_sha256(op_texts: Sequence[str]) -> str:
    """SHA-256 of the canonical op list, given each op's canonical text."""
    h = hashlib.sha256()
    h.update(b"[")
    h.update(",".join(op_texts).encode("utf-8"))
    h.update(b"]")
    return h.hexdigest()


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
    op_texts: Sequence[str],
    setup_from: str | None = None,
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
    )


def encode(manifest: Manifest, op_texts: Sequence[str], *, compress: bool = False) -> bytes:
    """The file's bytes: the manifest, then one operation per line (easy to read and diff)."""
    head = json.dumps({"manifest": manifest.to_json()}, ensure_ascii=False, indent=1)
    body = ",\n".join(op_texts)
    text = head[:-2] + ',\n "ops": [\n' + body + ("\n ]\n}\n" if op_texts else "]\n}\n")
    data = text.encode("utf-8")
    if compress:
        data = gzip.compress(data, compresslevel=6, mtime=0)
    return data


# -- reading ------------------------------------------------------------------------------


def _refuse(path: Path, problem: Message) -> BundleError:
    return BundleError(msg("数据包 {file} {problem}，没有导入。", file=path.name, problem=problem))


def read_bytes(path: Path) -> bytes:
    try:
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


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _looks_truncated(text: str) -> bool:
    """A JSON text cut short: a string or a bracket is still open at the end."""
    bare = _STRING.sub('""', text)
    if bare.count('"') % 2:
        return True
    depth = bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")
    return depth > 0 and text.lstrip()[:1] in ("{", "[")


def decode(path: Path, data: bytes) -> dict[str, Any]:
    """Bytes → the JSON document, refusing anything that is not a complete bundle file."""
    return _decode(path, data)[1]


def _decode(path: Path, data: bytes) -> tuple[bytes, dict[str, Any]]:
    """The document's bytes (uncompressed) and its parsed JSON (see :func:`decode`)."""
    if not data.strip():
        raise _refuse(path, msg("是空文件（可能没有复制完）"))
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error):
            raise _refuse(path, msg("的压缩内容不完整或已损坏（可能没有复制完）")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(path, msg("不是文本文件，不是网格员工作台的数据包")) from None
    try:
        doc = json.loads(text)
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


def check_document(path: Path, doc: dict[str, Any], data: bytes | None = None) -> Bundle:
    """Schema, counts, checksum and internal consistency of a decoded document.

    ``data``, the document's (uncompressed) bytes, lets the checksum be taken from the
    file itself when it is laid out the way this app writes it (much faster than
    re-encoding the operations).
    """
    try:
        bundle_checker()(doc)
    except SchemaViolation as e:
        raise _refuse(
            path, msg("不符合数据包格式规范：{where} {problem}", where=e.where, problem=e.problem)
        ) from None
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
        digest = hashlib.sha256(canonical(ops_json).encode("utf-8")).hexdigest()
    if digest != m["ops_sha256"]:
        raise _refuse(path, msg("的校验和不符，内容已损坏或被改动过"))
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
    return Bundle(path=path, manifest=manifest, ops=ops)


def read_bundle(path: Path | str) -> Bundle:
    """Read and check a bundle file; raises BundleError with one clear sentence."""
    p = Path(path)
    data, doc = _decode(p, read_bytes(p))
    return check_document(p, doc, data)


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the whole new file or untouched.

    Then read it back and compare it byte for byte (hence its checksum and op count)
    with what was meant to be written. Raises BundleError; never leaves a partial file.
    """
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
    if hashlib.sha256(back).digest() != hashlib.sha256(data).digest():
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        raise BundleError(
            msg(
                "数据包 {file} 写入后读回校验不一致（U盘可能有问题），已删除，请换一个U盘再试。",
                file=path.name,
            )
        )
