"""The gas records' part of the printed documents: the household sheet's last inspection
and open hazards, the 隐患整改通知书 of each hazard, and the month report's gas figures
(models in :mod:`gridworker.printing.models`; the rest of each document is
:mod:`gridworker.store.print_data`'s)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    LATE_STATUSES,
    REFUSED,
    REFUSED_FIX,
)
from gridworker.printing.models import GasFigures, HazardNotice, LastInspection, OpenHazard
from gridworker.store.gas_queries import HazardFilter, _Labels, hazard_detail, hazard_rows
from gridworker.store.gas_stats import month_stats
from gridworker.store.store import Store

__all__ = [
    "NoticeScope",
    "hazard_notices",
    "month_gas_figures",
    "notice_hazard_ids",
    "notice_number",
    "sheet_gas",
]


def sheet_gas(
    store: Store, household_ids: Sequence[str]
) -> dict[str, tuple[LastInspection | None, tuple[OpenHazard, ...]]]:
    """Per household: its latest inspection (or attempt) and its open hazards."""
    conn = store.conn
    ids = json.dumps(list(household_ids))
    last: dict[str, LastInspection] = {}
    for r in conn.execute(
        "SELECT i.household_id, i.inspected_on, i.outcome, i.inspector, "
        "(SELECT count(*) FROM gas_hazard z WHERE z.inspection_id = i.id AND z.voided IS NOT 1) "
        "FROM gas_inspection i WHERE i.household_id IN (SELECT value FROM json_each(?)) "
        "AND i.voided IS NOT 1 ORDER BY i.inspected_on, i.id",
        (ids,),
    ):
        try:
            on = date.fromisoformat(r[1])
        except (TypeError, ValueError):
            continue
        if r[2] == DONE:
            result = f"有隐患 {r[4]} 处" if r[4] else "合格"
        else:
            result = r[2] if r[2] in (ABSENT, REFUSED) else (r[2] or "")
        last[r[0]] = LastInspection(on, r[3] or "", result)
    labels = _Labels(store)
    hazards: dict[str, list[OpenHazard]] = {}
    for r in conn.execute(
        "SELECT s.household_id, z.item, z.grade, s.deadline, i.template_version "
        "FROM gas_hazard_state s JOIN gas_hazard z ON z.id = s.hazard_id "
        "LEFT JOIN gas_inspection i ON i.id = z.inspection_id "
        "WHERE s.household_id IN (SELECT value FROM json_each(?)) AND s.is_open = 1 "
        "ORDER BY s.deadline, z.id",
        (ids,),
    ):
        deadline = date.fromisoformat(r[3]) if r[3] else None
        hazards.setdefault(r[0], []).append(
            OpenHazard(labels.label(r[4], r[1] or ""), r[2] or "", deadline)
        )
    return {h: (last.get(h), tuple(hazards.get(h, ()))) for h in household_ids}


def notice_number(hazard_id: str, found_on: date | None, second: bool = False) -> str:
    """The number printed on both parts: the year found and the start of the hazard's id
    (the same on every device and every print), "-2" on a second notice."""
    year = found_on.year if found_on else 0
    return f"{year:04}-{hazard_id[:8].upper()}" + ("-2" if second else "")


@dataclass(frozen=True)
class NoticeScope:
    """Whose notices to print: chosen hazards, or the open ones of a place."""

    hazard_ids: tuple[str, ...] | None = None
    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None


def notice_hazard_ids(store: Store, scope: NoticeScope, on: date) -> list[str]:
    """The hazards to print notices for: those chosen, or every hazard of the place not
    put right yet (待整改, 拒不整改 — a second notice) whose grade calls for one."""
    if scope.hazard_ids is not None:
        return list(scope.hazard_ids)
    rows = hazard_rows(
        store,
        HazardFilter(
            view="open",
            micro_grid_id=scope.micro_grid_id,
            estate=scope.estate,
            building=scope.building,
        ),
        on,
    )
    return [z.id for z in rows if z.status in LATE_STATUSES and z.deadline is not None]


def hazard_notices(
    store: Store, hazard_ids: Sequence[str], on: date, community: str = ""
) -> Iterator[HazardNotice]:
    """The notice of each hazard, in the order given (unknown ids are skipped)."""
    conn = store.conn
    for zid in hazard_ids:
        d = hazard_detail(store, zid, on)
        if d is None:
            continue
        z = d.row
        h = conn.execute(
            "SELECT phone FROM household WHERE id = ?", (z.place.household_id,)
        ).fetchone()
        second = z.status == REFUSED_FIX
        requirement = d.requirement
        if d.hazard_when:
            requirement = f"不得存在以下情况：{d.hazard_when}。{requirement}"
        if second:
            requirement = f"住户未按期整改。{requirement}"
        yield HazardNotice(
            hazard_id=zid,
            notice_no=notice_number(zid, z.found_on, second),
            found_on=z.found_on or on,
            item_label=z.item_label,
            grade=z.grade,
            found=z.found,
            community=community,
            micro_grid=z.place.micro_grid_name,
            estate=z.place.estate,
            building=z.place.building,
            unit=z.place.unit,
            room=z.place.room,
            head_name=z.place.head_name,
            phone=(h[0] or "") if h else "",
            deadline=z.deadline,
            recheck_on=z.deadline,
            inspector=d.inspector,
            requirement=requirement,
            stop_use=d.stop_use,
            second_notice=second,
        )


def month_gas_figures(store: Store, month: str, today: date | None = None) -> dict[str, GasFigures]:
    """The month report's gas figures per micro-grid id, and ``""`` for the total."""
    report = month_stats(store, month, today=today)
    out = {}
    for gid, g in [*((r.micro_grid_id or "", r.figures) for r in report.rows), ("", report.total)]:
        out[gid] = GasFigures(
            inspections=g.inspections,
            households_inspected=g.inspected,
            hazards_found=g.hazards_found,
            rectified=g.rectified,
            overdue=g.overdue,
            due=g.due,
            major=g.found_of("重大"),
            rechecked=g.rechecked,
            escalated=g.escalated,
            not_home=g.absent + g.refused,
        )
    return out
