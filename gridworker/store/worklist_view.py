"""The work list as rows to show: each entry with its household's address, the resident's
name and the micro-grid — the same for every kind of work, whoever registered it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from gridworker.core.worklist import WorkItem
from gridworker.store.store import Store
from gridworker.store.worklist import worklist

__all__ = ["WorkRow", "work_rows"]


@dataclass(frozen=True)
class WorkRow:
    item: WorkItem
    estate: str
    building: str
    unit: str
    room: str
    head_name: str
    phone: str
    micro_grid_id: str | None
    micro_grid: str
    resident: str  # the resident's name ("" for a household's entry)

    @property
    def address(self) -> str:
        return f"{self.estate}{self.building}{self.unit}{self.room}"


def work_rows(store: Store, on: date, micro_grid_id: str | None = None) -> list[WorkRow]:
    """:func:`~gridworker.store.worklist.worklist` as of ``on`` with what a person reads,
    most urgent first; ``micro_grid_id`` keeps one micro-grid (the office's filter)."""
    items = worklist(store, on)
    conn = store.conn
    homes = {
        r[0]: r
        for r in conn.execute(
            "SELECT h.id, h.estate, h.building, h.unit, h.room, h.head_name, h.phone, "
            "h.micro_grid_id, m.name FROM household h LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
            "WHERE h.id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({i.household_id for i in items})),),
        )
    }
    names = dict(
        conn.execute(
            "SELECT id, name FROM resident WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({i.resident_id for i in items if i.resident_id})),),
        ).fetchall()
    )
    out: list[WorkRow] = []
    for i in items:
        h = homes.get(i.household_id)
        if h is None:
            continue
        if micro_grid_id and h[7] != micro_grid_id:
            continue
        out.append(
            WorkRow(
                item=i,
                estate=h[1] or "",
                building=h[2] or "",
                unit=h[3] or "",
                room=h[4] or "",
                head_name=h[5] or "",
                phone=h[6] or "",
                micro_grid_id=h[7],
                micro_grid=h[8] or "",
                resident=(names.get(i.resident_id) or "") if i.resident_id else "",
            )
        )
    return out
