"""What the printed documents need from the database, as printing's document models.

The roster fills the household sheets (address, members, the gas checklist's blank
boxes) and the roster part of the month report; care flags, visits and needs fill the
sheets' colours, last visit and open needs, the week route and the month's visit, care
and need figures. The gas records fill the other fields of the same models when they
exist (see gridworker/printing/models.py): their builders belong here, beside these.

Households are read a few hundred at a time, so a batch of a whole community never
holds every household's rows at once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from gridworker.core.care_policy import COLOURS
from gridworker.core.gas_checklist import ChecklistTemplate
from gridworker.core.messages import joined, msg
from gridworker.core.ordering import natural_key
from gridworker.core.sheet_code import parse_sheet_code
from gridworker.core.textnorm import norm
from gridworker.printing.models import (
    CARE_COLOURS,
    CareCoverage,
    HouseholdSheet,
    LastVisit,
    MonthFigures,
    MonthReport,
    NeedFigures,
    OpenNeed,
    RouteStop,
    SheetMember,
    VisitFigures,
    WeekRoute,
)
from gridworker.store import gas_print
from gridworker.store.care_month import MonthCare, month_care
from gridworker.store.errors import StoreError
from gridworker.store.queries import _ADDRESS_ORDER, micro_grids
from gridworker.store.store import Identity, Store

__all__ = [
    "BATCH",
    "SheetScope",
    "household_sheets",
    "households_of",
    "month_report",
    "resolve_building",
    "resolve_household",
    "sheet_household_ids",
    "week_route",
]

BATCH = 200
_RELATION_ORDER = "CASE relation WHEN '本人' THEN 0 WHEN '配偶' THEN 1 ELSE 2 END"


@dataclass(frozen=True)
class SheetScope:
    """Which households to print: a micro-grid, an estate or building, or chosen ones."""

    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None
    household_ids: tuple[str, ...] | None = None


def sheet_household_ids(store: Store, scope: SheetScope) -> list[str]:
    """The households in ``scope``, in walking order (estate, building, unit, room).

    Households where nobody lives any more (everyone moved out or died) are left out of
    micro-grid and building batches, but printed when asked for by name.
    """
    conn = store.conn
    clauses: list[str] = ["h.merged_into IS NULL"]  # a duplicate merged away: never
    params: list[object] = []
    if scope.household_ids is not None:
        clauses.append("h.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(scope.household_ids)))
    else:
        clauses.append(
            "(EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id "
            "AND coalesce(r.status, '在住') = '在住' AND r.merged_into IS NULL) "
            "OR NOT EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id))"
        )
    if scope.micro_grid_id:
        clauses.append("h.micro_grid_id = ?")
        params.append(scope.micro_grid_id)
    if scope.estate:
        clauses.append("h.estate = ?")
        params.append(scope.estate)
    if scope.building:
        clauses.append("h.building = ?")
        params.append(scope.building)
    where = " WHERE " + " AND ".join(clauses)
    order = _ADDRESS_ORDER.format(d="ASC")
    return [
        r[0]
        for r in conn.execute(f"SELECT h.id FROM household h{where} ORDER BY {order}, h.id", params)
    ]


def households_of(store: Store, resident_ids: Sequence[str]) -> list[str]:
    """The households of these residents, each once, in the residents' order (a roster
    list or selection turned into the households to print)."""
    rows = store.conn.execute(
        "SELECT r.household_id FROM json_each(?) j JOIN resident r ON r.id = j.value "
        "WHERE r.household_id IS NOT NULL ORDER BY j.key",
        (json.dumps(list(resident_ids)),),
    )
    return list(dict.fromkeys(r[0] for r in rows))


def resolve_building(store: Store, text: str, micro_grid_id: str | None) -> tuple[str, str]:
    """(estate, building) for "锦华苑3栋", "锦华苑 3栋" or "3栋" when only one estate has it;
    raises StoreError with the choices otherwise."""
    conn = store.conn
    want = norm(text).replace(" ", "")
    sql = "SELECT DISTINCT estate, building FROM household WHERE building IS NOT NULL"
    params: list[object] = []
    if micro_grid_id:
        sql += " AND micro_grid_id = ?"
        params.append(micro_grid_id)
    pairs = [(r[0] or "", r[1] or "") for r in conn.execute(sql, params)]
    exact = [p for p in pairs if norm(p[0] + p[1]).replace(" ", "") == want]
    if not exact:
        exact = [p for p in pairs if norm(p[1]) == want]
    if len(exact) == 1:
        return exact[0]
    if not exact:
        raise StoreError(
            msg("没有找到楼栋“{building}”（写成 小区+楼栋，如 锦华苑3栋）。", building=text)
        )
    choices = sorted((e + b for e, b in exact), key=natural_key)
    raise StoreError(
        msg(
            "“{building}”在几个小区都有：{choices}。请写上小区名。",
            building=text,
            choices=joined(choices, msg("、")),
        )
    )


def resolve_household(store: Store, text: str, micro_grid_id: str | None) -> str:
    """A household id from its id, a scanned sheet code, or its address ("锦华苑3栋2单元301")."""
    conn = store.conn
    code = parse_sheet_code(text)
    t = code.household_id if code else text.strip().lower()
    if re.fullmatch(r"[0-9a-f]{32}", t):
        row = conn.execute("SELECT id FROM household WHERE id = ?", (t,)).fetchone()
        if row:
            return str(row[0])
    want = norm(text).replace(" ", "")
    sql = (
        "SELECT id FROM household WHERE replace(coalesce(estate,'') || coalesce(building,'') || "
        "coalesce(unit,'') || coalesce(room,''), ' ', '') = ?"
    )
    params: list[object] = [want]
    if micro_grid_id:
        sql += " AND micro_grid_id = ?"
        params.append(micro_grid_id)
    rows = conn.execute(sql, params).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if len(rows) > 1:
        raise StoreError(
            msg(
                "地址“{address}”有 {n} 户，请用户编号或扫描入户表上的二维码。",
                address=text,
                n=len(rows),
            )
        )
    raise StoreError(
        msg(
            "没有找到住户“{household}”（可写地址，如 锦华苑3栋2单元301，或扫描二维码）。",
            household=text,
        )
    )


def _age(birth: str | None, on: date) -> int | None:
    try:
        born = date.fromisoformat(birth or "")
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def household_sheets(
    store: Store,
    household_ids: Sequence[str],
    *,
    printed_on: date,
    checklist: ChecklistTemplate | None,
    community: str = "",
    worker: str = "",
) -> Iterator[HouseholdSheet]:
    """The sheets of these households, in the order given, read ``BATCH`` at a time.

    Members are the residents living there (在住), head first, with their care colours;
    the household's most urgent colour, its last visit and its open needs come with it.
    The gas records are not in this version's database: those fields stay empty and
    their sections are left off the sheet.
    """
    conn = store.conn
    grid_names = dict(micro_grids(conn))
    for start in range(0, len(household_ids), BATCH):
        ids = list(household_ids[start : start + BATCH])
        batch = json.dumps(ids)
        homes = {
            r["id"]: r
            for r in conn.execute(
                "SELECT * FROM household WHERE id IN (SELECT value FROM json_each(?))", (batch,)
            )
        }
        members: dict[str, list[SheetMember]] = {}
        for r in conn.execute(
            "SELECT r.household_id, r.name, r.sex, r.birth_date, r.relation, r.id_number, "
            "r.phone, r.tags, f.colour FROM resident r "
            "LEFT JOIN care_flag f ON f.id = care_flag_id(r.id) "
            "WHERE r.household_id IN (SELECT value FROM json_each(?)) "
            "AND coalesce(r.status, '在住') = '在住' AND r.merged_into IS NULL "
            f"ORDER BY r.household_id, {_RELATION_ORDER}, r.birth_date, r.id",
            (batch,),
        ):
            members.setdefault(r[0], []).append(
                SheetMember(
                    name=r[1] or "",
                    sex=r[2] or "",
                    age=_age(r[3], printed_on),
                    relation=r[4] or "",
                    id_number=r[5] or "",
                    phone=r[6] or "",
                    tags=tuple(json.loads(r[7])) if r[7] else (),
                    care_colour=_COLOUR_WORDS.get(r[8] or ""),
                )
            )
        gas = gas_print.sheet_gas(store, ids)  # the last inspection and open hazards
        last = _last_visits(conn, batch)
        open_needs = _open_needs(conn, batch)
        for hid in ids:
            h = homes.get(hid)
            if h is None:
                continue
            yield HouseholdSheet(
                household_id=hid,
                printed_on=printed_on,
                community=community,
                micro_grid=grid_names.get(h["micro_grid_id"], ""),
                estate=h["estate"] or "",
                building=h["building"] or "",
                unit=h["unit"] or "",
                room=h["room"] or "",
                head_name=h["head_name"] or "",
                phone=h["phone"] or "",
                house_use=h["house_use"] or "",
                worker=worker,
                members=tuple(members.get(hid, ())),
                checklist=checklist,
                last_inspection=gas[hid][0],
                open_hazards=gas[hid][1],
                care_colour=_most_urgent(m.care_colour for m in members.get(hid, ())),
                last_visit=last.get(hid),
                open_needs=tuple(open_needs.get(hid, ())),
            )


_COLOUR_WORDS = {"red": "红", "yellow": "黄", "green": "绿"}


def _most_urgent(colours: Iterable[str | None]) -> str | None:
    held = set(colours)
    return next((c for c in CARE_COLOURS if c in held), None)


def _last_visits(conn: sqlite3.Connection, batch: str) -> dict[str, LastVisit]:
    """Each household's latest live visit: its day, method, visitors and purposes (not the
    worker's own words, which may hold what the household should not read back)."""
    out: dict[str, LastVisit] = {}
    for hid, day, method, visitors, purposes in conn.execute(
        "SELECT household_id, visited_on, method, visitors, purposes FROM ("
        "  SELECT v.household_id, v.visited_on, v.method, v.visitors, v.purposes, row_number() "
        "  OVER (PARTITION BY v.household_id ORDER BY v.visited_on DESC, v.visit_time DESC, v.id DESC) n"
        "  FROM visit v WHERE v.household_id IN (SELECT value FROM json_each(?)) AND v.voided IS NOT 1"
        ") WHERE n = 1",
        (batch,),
    ):
        out[hid] = LastVisit(
            on=date.fromisoformat(day),
            method=method or "",
            visitor="、".join(json.loads(visitors)) if visitors else "",
            summary="、".join(json.loads(purposes)) if purposes else "",
        )
    return out


def _open_needs(conn: sqlite3.Connection, batch: str) -> dict[str, list[OpenNeed]]:
    out: dict[str, list[OpenNeed]] = {}
    for hid, text, raised, deadline, owner in conn.execute(
        "SELECT household_id, text, raised_on, deadline, owner FROM need "
        "WHERE household_id IN (SELECT value FROM json_each(?)) AND voided IS NOT 1 "
        "AND solved_on IS NULL AND feedback_on IS NULL AND revisit_on IS NULL "
        "ORDER BY household_id, raised_on, id",
        (batch,),
    ):
        out.setdefault(hid, []).append(
            OpenNeed(
                text=text or "",
                raised_on=date.fromisoformat(raised) if raised else None,
                deadline=date.fromisoformat(deadline) if deadline else None,
                owner=owner or "",
            )
        )
    return out


def week_route(
    store: Store, day: date, identity: Identity, *, micro_grid_id: str | None = None
) -> WeekRoute:
    """本周走访清单 for the week holding ``day``: every household with work due by its
    Sunday (the work list as of that day, every registered kind), its reasons, the most
    urgent first. A worker's route is its micro-grid; the office names one or takes all."""
    from gridworker.core.worklist import kind_label
    from gridworker.store.worklist_view import work_rows

    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    mine = identity.micro_grid_id if identity.role == "worker" else micro_grid_id
    rows = work_rows(store, sunday, mine)
    stops: dict[str, list[Any]] = {}
    for position, row in enumerate(rows):
        stops.setdefault(row.item.household_id, []).append((position, row))
    out: list[RouteStop] = []
    for hid, entries in stops.items():
        first = entries[0][1]
        reasons: list[str] = []
        colours: list[str | None] = []
        for _position, row in entries:
            i = row.item
            if i.colour in _COLOUR_WORDS:
                label = f"{_COLOUR_WORDS[i.colour]}色关爱"
                colours.append(_COLOUR_WORDS[i.colour])
            else:
                label = str(kind_label(i.kind))
            when = (
                f"逾期{(monday - i.due).days}天"
                if i.due < monday
                else f"{i.due.month}月{i.due.day}日到期"
            )
            text = " ".join(x for x in (row.resident, label, when) if x)
            if text not in reasons:
                reasons.append(text)
        out.append(
            RouteStop(
                household_id=hid,
                estate=first.estate,
                building=first.building,
                unit=first.unit,
                room=first.room,
                head_name=first.head_name,
                reasons=tuple(reasons),
                urgency=entries[0][0],
                due=min(row.item.due for _p, row in entries),
                care_colour=_most_urgent(colours),
                phone=first.phone,
            )
        )
    names = dict(micro_grids(store.conn))
    return WeekRoute(
        week_start=monday,
        community=identity.community,
        micro_grid=names.get(mine or "", "") if mine else "",
        worker=identity.user if identity.role == "worker" else "",
        stops=tuple(out),
    )


def _month_bounds(month: str) -> tuple[date, date, str, str]:
    """First day, first day of the next month, and the hlc text bounds (local time)."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", month.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise StoreError(msg("月份“{month}”的格式不对，应写成 2025-06。", month=month))
    y, mo = int(m.group(1)), int(m.group(2))
    first = date(y, mo, 1)
    nxt = date(y + (mo == 12), mo % 12 + 1, 1)

    def hlc(d: date) -> str:
        ms = int(datetime(d.year, d.month, d.day).astimezone().timestamp() * 1000)
        return f"{ms:013}"

    return first, nxt, hlc(first), hlc(nxt)


def _care_figures(f: MonthCare) -> dict[str, Any]:
    """A micro-grid's visits, care coverage and needs as the report's models."""
    return {
        "visits": VisitFigures(
            visits=f.visits,
            households_visited=f.households_visited,
            in_person=f.by_method.get("入户", 0),
            by_phone=f.by_method.get("电话", 0) + f.by_method.get("视频", 0),
            not_home=f.by_method.get("到访不遇", 0),
        ),
        "care": tuple(CareCoverage(_COLOUR_WORDS[c], f.flagged[c], f.covered[c]) for c in COLOURS),
        "needs": NeedFigures(
            raised=f.raised,
            solved_on_spot=f.solved_on_spot,
            passed_up=f.passed_up,
            closed=f.answered,
            overdue=f.overdue,
        ),
    }


def month_report(store: Store, month: str, identity: Identity, *, made_on: date) -> MonthReport:
    """The roster part of the month report: per micro-grid, households and residents
    living there, residents recorded this month, moves out and deaths this month.

    A worker's report is its micro-grid; the office's has a row per micro-grid and the
    community's total. Visits, care coverage and needs come from
    :func:`gridworker.store.care_month.month_care`; the gas figures are added by their
    feature (the field stays None here, and the report leaves that section off).
    """
    conn = store.conn
    first, nxt, lo, hi = _month_bounds(month)
    mine = identity.micro_grid_id if identity.role == "worker" else None
    grids = [(gid, name) for gid, name in micro_grids(conn) if mine is None or gid == mine]
    households = dict(
        conn.execute(
            "SELECT micro_grid_id, count(*) FROM household WHERE merged_into IS NULL "
            "GROUP BY micro_grid_id"
        ).fetchall()
    )
    living = dict(
        conn.execute(
            "SELECT h.micro_grid_id, count(*) FROM resident r JOIN household h ON h.id = r.household_id "
            "WHERE coalesce(r.status, '在住') = '在住' AND r.merged_into IS NULL "
            "GROUP BY h.micro_grid_id"
        ).fetchall()
    )
    status_counts: dict[tuple[str, str], int] = {}
    for gid, status, n in conn.execute(
        "SELECT h.micro_grid_id, r.status, count(*) FROM resident r JOIN household h ON h.id = r.household_id "
        "WHERE r.status IN ('迁出', '死亡') AND r.status_date >= ? AND r.status_date < ? "
        "AND r.merged_into IS NULL "
        "GROUP BY h.micro_grid_id, r.status",
        (first.isoformat(), nxt.isoformat()),
    ):
        status_counts[(gid, status)] = n
    new = dict(
        conn.execute(
            "SELECT h.micro_grid_id, count(*) FROM ("
            "  SELECT entity_id FROM ops WHERE entity = 'resident' GROUP BY entity_id"
            "  HAVING min(hlc) >= ? AND min(hlc) < ?"
            ") o JOIN resident r ON r.id = o.entity_id JOIN household h ON h.id = r.household_id "
            "WHERE r.merged_into IS NULL GROUP BY h.micro_grid_id",
            (lo, hi),
        ).fetchall()
    )
    gas = gas_print.month_gas_figures(store, month, made_on)
    care = month_care(store, month, today=made_on, micro_grid_id=mine)
    # No care records at all yet (a roster just imported): those sections are left off.
    kept = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM visit) OR EXISTS (SELECT 1 FROM care_flag) "
        "OR EXISTS (SELECT 1 FROM need)"
    ).fetchone()[0]
    figures = _care_figures if kept else (lambda _f: {})
    rows = tuple(
        MonthFigures(
            label=name,
            households=int(households.get(gid, 0)),
            residents=int(living.get(gid, 0)),
            new_residents=int(new.get(gid, 0)),
            moved_out=status_counts.get((gid, "迁出"), 0),
            deceased=status_counts.get((gid, "死亡"), 0),
            gas=gas.get(gid),
            **figures(care.get(gid, MonthCare())),
        )
        for gid, name in grids
    )
    total = None
    if identity.role == "office" and len(rows) > 1:
        everything = MonthCare()
        for gid, _name in grids:
            everything.add(care.get(gid, MonthCare()))
        total = MonthFigures(
            label=identity.community,
            households=sum(r.households for r in rows),
            residents=sum(r.residents for r in rows),
            new_residents=sum(r.new_residents for r in rows),
            moved_out=sum(r.moved_out for r in rows),
            deceased=sum(r.deceased for r in rows),
            gas=gas.get(""),
            **figures(everything),
        )
    scope = rows[0].label if mine and rows else identity.community
    return MonthReport(
        month=f"{first:%Y-%m}",
        community=identity.community,
        scope=scope,
        prepared_by=identity.user,
        made_on=made_on,
        rows=rows,
        total=total,
    )
