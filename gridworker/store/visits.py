"""Visits: recording one (with the needs raised during it) in one transaction, voiding one,
and the lists and details the screens and the command line show."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from gridworker.core.care_policy import NOBODY_HOME
from gridworker.core.messages import msg
from gridworker.core.visits import (
    BloodPressure,
    VisitError,
    check_time,
    check_visit_dates,
    norm_method,
    norm_purposes,
)
from gridworker.store.entities import VISIT
from gridworker.store.errors import ValidationError
from gridworker.store.needs import NeedInput, add_need_in
from gridworker.store.ops import Value
from gridworker.store.store import Store

__all__ = [
    "HouseholdMember",
    "VisitDetail",
    "VisitFilter",
    "VisitForm",
    "VisitInput",
    "VisitRow",
    "add_visit",
    "household_visits",
    "visit_detail",
    "visit_form",
    "visit_list",
    "void_visit",
]


@dataclass
class VisitInput:
    """A visit as a form or the command line gives it (checked by :func:`add_visit`)."""

    household_id: str
    visited_on: date
    method: str
    purposes: list[str]
    residents_met: list[str] | None = None  # None: every member living there (not 到访不遇)
    situation: str = ""
    visit_time: str | None = None
    blood_pressure: BloodPressure | None = None
    follow_up_on: date | None = None
    visitors: list[str] | None = None  # None: the user of this installation
    needs: list[NeedInput] = field(default_factory=list)


def _living_members(store: Store, household_id: str) -> list[str]:
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT id FROM resident WHERE household_id = ? AND coalesce(status, '在住') = '在住' "
            "ORDER BY CASE relation WHEN '本人' THEN 0 ELSE 1 END, birth_date, id",
            (household_id,),
        )
    ]


def add_visit(store: Store, v: VisitInput, *, today: date | None = None) -> str:
    """Write the visit and its needs in one transaction; returns the visit's id.

    Refused (nothing written), with one sentence: an unknown household, method or
    purpose, a day in the future, a follow-up not after the visit, somebody met who is not
    a member of the household, anybody met when nobody was home, a need without text.
    """
    today = today or date.today()
    try:
        method = norm_method(v.method)
        purposes = norm_purposes(v.purposes)
        time = check_time(v.visit_time)
        check_visit_dates(v.visited_on, v.follow_up_on, today)
    except VisitError as e:
        raise ValidationError(e.args[0]) from None
    visitors = [x.strip() for x in (v.visitors or [store.identity.user]) if x.strip()]
    with store.transaction():
        h = store.conn.execute(
            "SELECT id FROM household WHERE id = ?", (v.household_id,)
        ).fetchone()
        if h is None:
            raise ValidationError(msg("没有这一户（编号 {id}）。", id=v.household_id))
        members = set(
            r[0]
            for r in store.conn.execute(
                "SELECT id FROM resident WHERE household_id = ?", (v.household_id,)
            )
        )
        if v.residents_met is None:
            met = [] if method == NOBODY_HOME else _living_members(store, v.household_id)
        else:
            met = list(dict.fromkeys(v.residents_met))
        strangers = [r for r in met if r not in members]
        if strangers:
            raise ValidationError(
                msg("见到的居民里有不是这一户成员的人（编号 {id}）。", id=strangers[0])
            )
        if method == NOBODY_HOME and met:
            raise ValidationError(msg("到访不遇时没有见到任何人，请不要勾选见到的居民。"))
        values: dict[str, Value] = {
            "household_id": v.household_id,
            "visited_on": v.visited_on.isoformat(),
            "visit_time": time,
            "method": method,
            "purposes": purposes,
            "residents_met": met,
            "situation": v.situation.strip(),
            "follow_up_on": v.follow_up_on.isoformat() if v.follow_up_on else None,
            "visitors": visitors,
        }
        if v.blood_pressure is not None:
            values["bp_systolic"] = v.blood_pressure.systolic
            values["bp_diastolic"] = v.blood_pressure.diastolic
        visit_id = store.create(VISIT.name, values)
        for n in v.needs:
            add_need_in(store, v.household_id, n, on=v.visited_on, visit_id=visit_id, today=today)
    return visit_id


def void_visit(store: Store, visit_id: str, reason: str) -> None:
    """A visit entered by mistake no longer counts (it stays in the history)."""
    store.void(VISIT.name, visit_id, reason)


# -- reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitFilter:
    """Which visits to list: a date range, a method, a purpose, a micro-grid, a household."""

    start: date | None = None
    end: date | None = None
    method: str | None = None
    purpose: str | None = None
    micro_grid_id: str | None = None
    household_id: str | None = None
    limit: int | None = 5000


@dataclass(frozen=True)
class VisitRow:
    id: str
    household_id: str
    address: str
    micro_grid: str
    visited_on: date
    visit_time: str
    method: str
    purposes: tuple[str, ...]
    met: tuple[str, ...]  # names
    visitors: tuple[str, ...]
    situation: str
    follow_up_on: date | None
    needs: int


def _names(store: Store, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {
        r[0]: r[1] or ""
        for r in store.conn.execute(
            "SELECT id, name FROM resident WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
    }


def visit_list(store: Store, f: VisitFilter) -> list[VisitRow]:
    """Live visits matching ``f``, newest first."""
    clauses = ["v.voided IS NOT 1"]
    params: list[object] = []
    if f.start:
        clauses.append("v.visited_on >= ?")
        params.append(f.start.isoformat())
    if f.end:
        clauses.append("v.visited_on <= ?")
        params.append(f.end.isoformat())
    if f.method:
        clauses.append("v.method = ?")
        params.append(f.method)
    if f.purpose:
        clauses.append("EXISTS (SELECT 1 FROM json_each(v.purposes) WHERE value = ?)")
        params.append(f.purpose)
    if f.micro_grid_id:
        clauses.append("h.micro_grid_id = ?")
        params.append(f.micro_grid_id)
    if f.household_id:
        clauses.append("v.household_id = ?")
        params.append(f.household_id)
    sql = (
        "SELECT v.id, v.household_id, h.estate, h.building, h.unit, h.room, m.name, "
        "v.visited_on, v.visit_time, v.method, v.purposes, v.residents_met, v.visitors, "
        "v.situation, v.follow_up_on, "
        "(SELECT count(*) FROM need n WHERE n.visit_id = v.id AND n.voided IS NOT 1) "
        "FROM visit v JOIN household h ON h.id = v.household_id "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
        f"WHERE {' AND '.join(clauses)} "
        "ORDER BY v.visited_on DESC, v.visit_time IS NULL, v.visit_time DESC, v.id DESC"
    )
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    rows = store.conn.execute(sql, params).fetchall()
    met_ids = {m for r in rows for m in (json.loads(r[11]) if r[11] else [])}
    names = _names(store, met_ids)
    return [
        VisitRow(
            id=r[0],
            household_id=r[1],
            address=f"{r[2] or ''}{r[3] or ''}{r[4] or ''}{r[5] or ''}",
            micro_grid=r[6] or "",
            visited_on=date.fromisoformat(r[7]),
            visit_time=r[8] or "",
            method=r[9] or "",
            purposes=tuple(json.loads(r[10])) if r[10] else (),
            met=tuple(names.get(m, "?") for m in (json.loads(r[11]) if r[11] else [])),
            visitors=tuple(json.loads(r[12])) if r[12] else (),
            situation=r[13] or "",
            follow_up_on=date.fromisoformat(r[14]) if r[14] else None,
            needs=int(r[15]),
        )
        for r in rows
        if r[7]
    ]


def household_visits(store: Store, household_id: str) -> list[VisitRow]:
    return visit_list(store, VisitFilter(household_id=household_id, limit=None))


@dataclass(frozen=True)
class VisitDetail:
    row: VisitRow
    blood_pressure: str
    needs: tuple[tuple[str, str, str], ...]  # (id, text, status)
    recorded_by: str


def visit_detail(store: Store, visit_id: str) -> VisitDetail | None:
    from gridworker.store.needs import need_rows

    r = store.conn.execute(
        "SELECT household_id, bp_systolic, bp_diastolic FROM visit WHERE id = ?", (visit_id,)
    ).fetchone()
    if r is None:
        return None
    rows = [x for x in household_visits(store, r[0]) if x.id == visit_id]
    if not rows:
        return None
    who = store.conn.execute(
        "SELECT user_name FROM ops WHERE entity_id = ? ORDER BY hlc LIMIT 1", (visit_id,)
    ).fetchone()
    bp = f"{r[1]}/{r[2]}" if r[1] and r[2] else ""
    needs = tuple((n.id, n.text, n.status) for n in need_rows(store, visit_id=visit_id))
    return VisitDetail(rows[0], bp, needs, who[0] if who else "")


@dataclass(frozen=True)
class HouseholdMember:
    id: str
    name: str
    relation: str
    age: int | None
    colour: str | None


@dataclass(frozen=True)
class VisitForm:
    """What the visit form needs of a household: its address and living members (with
    their care colours), and who is visiting by default."""

    household_id: str
    address: str
    members: tuple[HouseholdMember, ...]
    user: str


def _age(birth: str | None, on: date) -> int | None:
    try:
        born = date.fromisoformat(birth or "")
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def visit_form(store: Store, household_id: str, today: date | None = None) -> VisitForm | None:
    today = today or date.today()
    h = store.conn.execute(
        "SELECT estate, building, unit, room FROM household WHERE id = ?", (household_id,)
    ).fetchone()
    if h is None:
        return None
    members = tuple(
        HouseholdMember(r[0], r[1] or "", r[2] or "", _age(r[3], today), r[4])
        for r in store.conn.execute(
            "SELECT r.id, r.name, r.relation, r.birth_date, f.colour FROM resident r "
            "LEFT JOIN care_flag f ON f.id = care_flag_id(r.id) "
            "WHERE r.household_id = ? AND coalesce(r.status, '在住') = '在住' "
            "AND r.merged_into IS NULL "
            "ORDER BY CASE r.relation WHEN '本人' THEN 0 ELSE 1 END, r.birth_date, r.id",
            (household_id,),
        )
    )
    return VisitForm(household_id, "".join(x or "" for x in h), members, store.identity.user)


@dataclass(frozen=True)
class HouseholdChoice:
    id: str
    address: str
    head_name: str
    people: str  # the living members' names


def household_choices(
    store: Store, text: str, micro_grid_id: str | None = None, limit: int = 40
) -> list[HouseholdChoice]:
    """Households whose members or address match a search (name, pinyin, address, the
    last digits of an ID or phone), for choosing where a visit or need belongs."""
    from gridworker.store.queries import ResidentFilter, roster_list

    text = text.strip()
    if not text:
        return []
    ids = roster_list(store, text, ResidentFilter(micro_grid_id=micro_grid_id))
    households = list(
        dict.fromkeys(
            r[0]
            for r in store.conn.execute(
                "SELECT r.household_id FROM json_each(?) j JOIN resident r ON r.id = j.value "
                "WHERE r.household_id IS NOT NULL ORDER BY j.key",
                (json.dumps(ids),),
            )
        )
    )[:limit]
    out = []
    for hid in households:
        form = visit_form(store, hid)
        if form is None:
            continue
        head = store.conn.execute("SELECT head_name FROM household WHERE id = ?", (hid,)).fetchone()
        out.append(
            HouseholdChoice(
                hid, form.address, head[0] or "", "、".join(m.name for m in form.members)
            )
        )
    return out


def record_kind(store: Store, record_id: str) -> str | None:
    """Which kind of record an id names (a work-list entry's record): visit or need, or
    None for anything else."""
    for kind in ("need", "visit"):
        if store.conn.execute(f"SELECT 1 FROM {kind} WHERE id = ?", (record_id,)).fetchone():
            return kind
    return None
