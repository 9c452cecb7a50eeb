"""The rule documents in force: the care policy and the gas checklist template.

The program ships defaults in resources/ (read through the one resolver). The office may
set its own version for the whole community: it is a synced ``policy`` record (one per
version, so a record made under an older version still reads right), which travels to
every micro-grid in the office's bundles. In force is the office's newest version, or
the shipped default where the office has set none. Parsing and checking live in core
(:mod:`gridworker.core.care_policy`, :mod:`gridworker.core.gas_checklist`).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from gridworker.core.care_policy import CarePolicy, PolicyError, parse_policy
from gridworker.core.gas_checklist import ChecklistError, ChecklistTemplate, parse_checklist
from gridworker.core.ids import policy_id
from gridworker.core.messages import Message, msg
from gridworker.resources import read_text, resource_path
from gridworker.store.entities import POLICY
from gridworker.store.errors import StoreError, ValidationError
from gridworker.store.store import Change, Store

PolicyKind = Literal["care", "gas_checklist"]
KINDS: tuple[PolicyKind, ...] = ("care", "gas_checklist")
KIND_LABELS: dict[str, Message] = {
    "care": msg("三色关爱规则"),
    "gas_checklist": msg("燃气安全检查表"),
}


def checklist_file() -> Path:
    """The checklist template the program ships."""
    return resource_path("gas", "checklist.json")


def _parse_checklist_text(text: str, name: str = "") -> ChecklistTemplate:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ChecklistError(
            msg("检查表文件 {file} 不是有效的 JSON（第 {line} 行）。", file=name, line=e.lineno)
        ) from e
    return parse_checklist(data)


@functools.lru_cache(maxsize=8)
def _parsed_checklist(text: str) -> ChecklistTemplate:
    return _parse_checklist_text(text)


def load_checklist(path: Path | None = None) -> ChecklistTemplate:
    """The shipped template, or the file ``path`` (no database: printing blank forms)."""
    p = path or checklist_file()
    return _parse_checklist_text(p.read_text(encoding="utf-8"), p.name)


def shipped_care_policy() -> CarePolicy:
    """The care policy the program ships (defaults from care-colors.md)."""
    return parse_policy(read_text("policies", "care.json"))


def _shipped_text(kind: PolicyKind) -> str:
    if kind == "care":
        return read_text("policies", "care.json")
    return checklist_file().read_text(encoding="utf-8")


def _version_of(kind: PolicyKind, text: str) -> int:
    """Parse (so a broken document is refused with its reason) and give its version."""
    if kind == "care":
        return parse_policy(text).version
    return _parsed_checklist(text).version


@dataclass(frozen=True)
class PolicyVersion:
    """One version of a rule document, with where it came from."""

    kind: PolicyKind
    version: int
    content: str
    note: str
    shipped: bool  # the program's own default (not set by the office)


def policy_versions(store: Store, kind: PolicyKind) -> list[PolicyVersion]:
    """Every version the database holds (the office's, synced), newest first; documents
    this program cannot read (from a newer program) are left out."""
    return _held(store.conn, kind)


def _held(conn: sqlite3.Connection, kind: PolicyKind) -> list[PolicyVersion]:
    found: list[PolicyVersion] = []
    for r in conn.execute(
        "SELECT version, content, note FROM policy WHERE kind = ? AND content IS NOT NULL "
        "ORDER BY version DESC",
        (kind,),
    ):
        try:
            version = _version_of(kind, r["content"])
        except (PolicyError, ChecklistError, ValueError):
            continue
        if version == r["version"]:
            found.append(PolicyVersion(kind, version, r["content"], r["note"] or "", False))
    return found


def in_force(store: Store, kind: PolicyKind) -> PolicyVersion:
    """The office's newest readable version, else the program's default."""
    return _in_force(store.conn, kind)


def _in_force(conn: sqlite3.Connection, kind: PolicyKind) -> PolicyVersion:
    versions = _held(conn, kind)
    if versions:
        return versions[0]
    text = _shipped_text(kind)
    return PolicyVersion(kind, _version_of(kind, text), text, "", True)


def checklist_on(conn: sqlite3.Connection) -> ChecklistTemplate:
    """The gas checklist in force, from a connection (the derived-data hook has no Store)."""
    return _parsed_checklist(_in_force(conn, "gas_checklist").content)


def care_policy(store: Store) -> CarePolicy:
    """The care policy in force (what due dates follow)."""
    return care_policy_of(store.conn)


def care_policy_of(conn: sqlite3.Connection) -> CarePolicy:
    """The care policy in force, read on a connection (the due-date hook, inside a write)."""
    return parse_policy(_in_force(conn, "care").content)


def checklist(store: Store, version: int | None = None) -> ChecklistTemplate:
    """The gas checklist in force, or the given version (an older inspection's)."""
    current = in_force(store, "gas_checklist")
    if version is None or version == current.version:
        return _parsed_checklist(current.content)
    for v in policy_versions(store, "gas_checklist"):
        if v.version == version:
            return _parsed_checklist(v.content)
    shipped = load_checklist()
    if shipped.version == version:
        return shipped
    raise StoreError(msg("本机没有第 {version} 版燃气安全检查表。", version=version))


def _write(store: Store, kind: PolicyKind, version: int, text: str, note: str) -> None:
    pid = policy_id(store.identity.community, kind, version)
    values: dict[str, Any] = {"kind": kind, "version": version, "content": text, "note": note}
    exists = store.get(POLICY.name, pid) is not None
    store.write([Change(POLICY.name, values, entity_id=pid, new=not exists)])


def record_in_force(store: Store, kind: PolicyKind) -> PolicyVersion:
    """Make sure the version in force is a record in the database, so what is made under
    it (an inspection) keeps reading right after the program ships a newer default.
    Same id and content on every device: recording it twice changes nothing."""
    current = in_force(store, kind)
    if current.shipped:
        with store.transaction():
            _write(store, kind, current.version, current.content, current.note)
    return current


def set_policy(store: Store, kind: PolicyKind, text: str, note: str = "") -> PolicyVersion:
    """The office sets a new version for its community (it reaches the laptops in its
    bundles). Refused on a worker's laptop, for a document that does not parse, and for a
    version not newer than the one in force."""
    if store.identity.role != "office":
        raise ValidationError(msg("只有社区电脑可以修改{kind}。", kind=KIND_LABELS[kind]))
    try:
        version = _version_of(kind, text)
    except (PolicyError, ChecklistError) as e:
        raise ValidationError(e.args[0]) from e
    current = in_force(store, kind)
    if version <= current.version:
        raise ValidationError(
            msg(
                "{kind}的版本号应大于现行的第 {current} 版，这份是第 {version} 版。",
                kind=KIND_LABELS[kind],
                current=current.version,
                version=version,
            )
        )
    with store.transaction():
        _write(store, kind, version, text, note)
    return PolicyVersion(kind, version, text, note, False)


def describe(v: PolicyVersion) -> Message:
    """One line: which rules, which version, where from."""
    where = msg("程序自带") if v.shipped else msg("社区设定")
    return msg(
        "{kind} 第 {version} 版（{where}）",
        kind=KIND_LABELS[v.kind],
        version=v.version,
        where=where,
    )
