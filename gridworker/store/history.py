"""The change log read back as history: when, who, what changed from what to what."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from gridworker.core.messages import Message, joined, msg
from gridworker.store.entities import (
    ENTITIES,
    field_label,
    field_term,
    record_term,
    split_element,
)
from gridworker.store.ops import Value


@dataclass(frozen=True)
class FieldChange:
    """One field of one edit. A set field's edit lists the elements it ``added`` and
    ``removed`` (old and new are then None), or for a new record the elements in ``new``."""

    field: str
    label: str
    old: Value
    new: Value
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    op_id: str
    when: datetime  # local time, by the editing device's own clock (see :func:`_when`)
    user: str
    entity: str
    entity_label: str
    entity_id: str
    created: bool
    changes: tuple[FieldChange, ...]
    received: bool  # came in a bundle from another device
    title: str = ""  # whose record, where a list mixes several (a household's members)

    def describe(self) -> Message:
        """One line in Chinese, e.g. "修改居民：联系电话 138… → 139…；人员类别 +独居老人 −低保",
        or with the record's title "修改居民 张静华：联系电话 …"."""
        parts = []
        for c in self.changes:
            name = field_term(self.entity, c.field)
            if c.added or c.removed:
                signs = [msg("+{element}", element=e) for e in c.added]
                signs += [msg("−{element}", element=e) for e in c.removed]
                parts.append(
                    msg("{field} {elements}", field=name, elements=joined(signs, msg(" ")))
                )
            elif self.created:
                parts.append(msg("{field}={value}", field=name, value=_show(c.new)))
            else:
                parts.append(
                    msg("{field} {old} → {new}", field=name, old=_show(c.old), new=_show(c.new))
                )
        record = record_term(self.entity)
        changes = joined(parts, msg("；"))
        if self.title:
            if self.created:
                return msg(
                    "新建{record} {title}：{changes}",
                    record=record,
                    title=self.title,
                    changes=changes,
                )
            return msg(
                "修改{record} {title}：{changes}", record=record, title=self.title, changes=changes
            )
        if self.created:
            return msg("新建{record}：{changes}", record=record, changes=changes)
        return msg("修改{record}：{changes}", record=record, changes=changes)


def _show(v: Value) -> str:
    if v is None or v == []:
        return msg("（空）")
    if v is True:
        return msg("是")
    if v is False:
        return msg("否")
    if isinstance(v, list):
        return joined((str(x) for x in v), msg("、"))
    return str(v)


def _when(hlc: str, wall: int | None = None) -> datetime:
    """When an edit was made, as its own device's clock said (``wall``), in local time.

    Not the hybrid clock: that follows the latest time any device has seen, so one laptop
    with a clock years ahead would date every later edit of everyone. Operations of
    earlier versions carry no wall time: their hybrid clock is the best there is.
    """
    ms = wall if wall is not None else int(hlc.split("-", 1)[0])
    return datetime.fromtimestamp(ms / 1000).astimezone()


def field_changes(
    entity: str,
    fields: dict[str, Value],
    old: dict[str, Value],
    created: bool,
) -> tuple[FieldChange, ...]:
    """The changes of one operation, a set's element edits gathered under their field."""
    s = ENTITIES.get(entity)
    out: list[FieldChange] = []
    elements: dict[str, tuple[list[str], list[str]]] = {}
    for f, v in sorted(fields.items()):
        split = split_element(f)
        if s is not None and split is not None and split[0] in s.set_fields:
            added, removed = elements.setdefault(split[0], ([], []))
            (added if v is True else removed).append(split[1])
            continue
        out.append(FieldChange(f, field_label(entity, f), old.get(f), v))
    for f, (added, removed) in elements.items():
        spec_field = s.by_name[f] if s is not None else None
        order = spec_field.sorted if spec_field is not None else sorted
        if created:  # the elements a new record starts with, as a list
            out.append(FieldChange(f, field_label(entity, f), None, order(added)))
        else:
            change = FieldChange(
                f, field_label(entity, f), None, None, tuple(order(added)), tuple(order(removed))
            )
            out.append(change)
    order_of = {name: i for i, name in enumerate(s.field_names)} if s is not None else {}
    out.sort(key=lambda c: (order_of.get(c.field, len(order_of)), c.field))
    return tuple(out)


def history(
    conn: sqlite3.Connection, entity_ids: list[str] | None = None, limit: int | None = 200
) -> list[HistoryEntry]:
    """Entries newest first, for some records (a household and its people) or for all."""
    if entity_ids:
        marks = ",".join("?" * len(entity_ids))
        rows = conn.execute(
            f"SELECT * FROM ops WHERE entity_id IN ({marks}) ORDER BY hlc DESC",
            entity_ids,
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT * FROM ops ORDER BY hlc DESC LIMIT ?", (limit if limit else -1,)
        ).fetchall()
    if limit:
        rows = rows[:limit]
    # Old values come from the operations the edits replaced (their base clocks).
    bases = {(r["entity_id"], h) for r in rows if r["base"] for h in json.loads(r["base"]).values()}
    old_by_hlc: dict[str, dict[str, Value]] = {}
    for entity_id, h in bases:  # (entity_id, hlc) is indexed
        found = conn.execute(
            "SELECT fields FROM ops WHERE entity_id = ? AND hlc = ?", (entity_id, h)
        ).fetchone()
        if found is not None:
            old_by_hlc[h] = json.loads(found[0])
    out = []
    for r in rows:
        fields = json.loads(r["fields"])
        base = json.loads(r["base"]) if r["base"] else {}
        old = {f: old_by_hlc.get(base[f], {}).get(f) for f in fields if f in base}
        created = not base and r["merged"] is None and _is_first(conn, r)
        spec = ENTITIES.get(r["entity"])
        out.append(
            HistoryEntry(
                op_id=r["op_id"],
                when=_when(r["hlc"], r["wall"]),
                user=r["user_name"],
                entity=r["entity"],
                entity_label=spec.label_zh if spec else r["entity"],
                entity_id=r["entity_id"],
                created=created,
                changes=field_changes(r["entity"], fields, old, created),
                received=r["received_at"] is not None,
            )
        )
    return out


def _is_first(conn: sqlite3.Connection, r: sqlite3.Row) -> bool:
    first = conn.execute(
        "SELECT min(hlc) FROM ops WHERE entity_id = ?", (r["entity_id"],)
    ).fetchone()[0]
    return bool(first == r["hlc"])
