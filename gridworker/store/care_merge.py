"""What merging two residents does to their care flags (issue 10; the rule is
:mod:`gridworker.core.flag_fold`).

Resident A's flag is the one whose id is derived from A's (``care_flag_id``); reads
count only that one. Merging B into A folds every other flag naming A or B that still
holds a colour (B's own, and any left by earlier merges) into it through the write path,
and clears theirs (colour and review date; the rest and every change stay in their
history). A flag made or edited on a device that had not seen the merge holds a colour
again: :func:`unfolded` lists it, and merging the pair again folds it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from gridworker.core.flag_fold import fold_flag
from gridworker.core.ids import care_flag_id
from gridworker.store.entities import CARE_FLAG
from gridworker.store.store import Change, Store

__all__ = ["fold_changes", "unfolded"]

_FIELDS = ("resident_id", *(f for f in CARE_FLAG.field_names if f != "resident_id"))


def fold_changes(store: Store, keep: str, other: str) -> list[Change]:
    """The edits folding the flags of ``other`` (and strays of ``keep``) into ``keep``'s."""
    fid = care_flag_id(keep)
    strays = [
        store.get(CARE_FLAG.name, r[0])
        for r in store.conn.execute(
            "SELECT id FROM care_flag WHERE resident_id IN (?, ?) AND id != ? "
            "AND colour IS NOT NULL ORDER BY id",
            (keep, other, fid),
        )
    ]
    if not strays:
        return []
    held = store.get(CARE_FLAG.name, fid)
    folded: dict[str, Any] | None = dict(held) if held is not None else None
    for s in strays:
        assert s is not None
        folded = fold_flag(folded, s)
    assert folded is not None
    changes: list[Change] = []
    if held is None:
        values = {f: folded.get(f) for f in _FIELDS if folded.get(f) not in (None, [])}
        values["resident_id"] = keep
        changes.append(Change(CARE_FLAG.name, values, fid, new=True))
    else:
        values = {f: folded.get(f) for f in _FIELDS if folded.get(f) != held.get(f)}
        if values:
            changes.append(Change(CARE_FLAG.name, values, fid))
    for s in strays:
        assert s is not None
        changes.append(
            Change(
                CARE_FLAG.name,
                {"resident_id": keep, "colour": None, "review_on": None},
                str(s["id"]),
            )
        )
    return changes


def unfolded(conn: sqlite3.Connection, merged: str) -> bool:
    """Whether the flag of merged resident ``merged`` holds a colour (not folded yet)."""
    r = conn.execute(
        "SELECT colour FROM care_flag WHERE id = ?", (care_flag_id(merged),)
    ).fetchone()
    return r is not None and r[0] is not None
