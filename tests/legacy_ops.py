"""Operations as format version 1 wrote a set field: the whole list (``"tags": [...]``).

Databases and bundles of earlier versions hold them, and they must keep applying next to
element edits (``"tags[x]": true``). The app no longer writes them; tests make them here.
"""

from __future__ import annotations

from gridworker.core.hlc import Clock
from gridworker.core.ids import uuid7
from gridworker.store.entities import RESIDENT
from gridworker.store.ops import Op, clock_loads
from gridworker.store.store import Store


def legacy_list_op(store: Store, resident_id: str, tags: list[str]) -> Op:
    """A whole-list edit of a resident's tags made on ``store``'s device, applied there.

    Numbered inside the write transaction, as :meth:`Store.write` does: opening it may
    start a new device history (a restored file), and the op must be numbered in that one.
    """
    with store.transaction():
        ident = store.identity
        row = store.conn.execute(
            "SELECT r._clock, h.micro_grid_id FROM resident r "
            "LEFT JOIN household h ON h.id = r.household_id WHERE r.id = ?",
            (resident_id,),
        ).fetchone()
        clock = clock_loads(row[0])
        op = Op(
            op_id=uuid7(),
            device_id=ident.device_id,
            seq=int(store.meta("seq_last") or 0) + 1,
            hlc=Clock(ident.device_id, store.meta("hlc_last")).tick(),
            user=ident.user,
            entity=RESIDENT.name,
            entity_id=resident_id,
            fields={"tags": list(tags)},
            base={"tags": clock["tags"]} if "tags" in clock else {},
            micro_grid_id=row[1],
        )
        store.apply_ops([op])
    return op


def expected_sets(ops: list[Op], field: str = "tags") -> dict[str, list[str]]:
    """Each record's present elements, worked out from the operations alone: per element,
    the latest of its own edits and the whole-list edits (an element edit wins a tie)."""
    latest: dict[tuple[str, str], tuple[str, int, bool]] = {}
    lists: dict[str, list[tuple[str, list[str]]]] = {}
    prefix = field + "["
    for op in ops:
        for f, v in op.fields.items():
            if f == field:
                lists.setdefault(op.entity_id, []).append((op.hlc, list(v or [])))
            elif f.startswith(prefix) and f.endswith("]"):
                key = (op.entity_id, f[len(prefix) : -1])
                candidate = (op.hlc, 1, v is True)
                if key not in latest or candidate > latest[key]:
                    latest[key] = candidate
    out: dict[str, list[str]] = {}
    records = {eid for eid, _ in latest} | set(lists)
    for eid in records:
        whole = max(lists.get(eid, []), default=None)
        universe = {e for (r, e) in latest if r == eid} | set(whole[1] if whole else [])
        present = []
        for e in universe:
            candidates = [latest[(eid, e)]] if (eid, e) in latest else []
            if whole is not None:
                candidates.append((whole[0], 0, e in whole[1]))
            if max(candidates)[2]:
                present.append(e)
        out[eid] = sorted(present)
    return out
