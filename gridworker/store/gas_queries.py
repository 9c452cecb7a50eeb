"""Reads for the gas-safety screens, the household page's tabs and the command line.

Lists come from the derived tables (``gas_due``, ``gas_hazard_state``, see
:mod:`gridworker.store.gas_derived`) joined to their records and households, with
indexed filters; item labels come from the checklist version each inspection used, so an
old record reads as it was answered. No Qt; the screens call these on the database thread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gridworker.core.gas_checklist import ChecklistItem, ChecklistTemplate
from gridworker.core.gas_rules import (
    FIXED,
    LATE_STATUSES,
    OPEN_STATUSES,
    STATUSES,
    VOIDED,
    allowed_actions,
    hazard_state,
    read_answers,
    reminder_for,
)
from gridworker.core.gas_rules import Step as RuleStep
from gridworker.core.ordering import natural_key
from gridworker.store.entities import GAS_HAZARD_STEP, GAS_INSPECTION
from gridworker.store.errors import StoreError
from gridworker.store.history import HistoryEntry, history
from gridworker.store.ops import clock_loads
from gridworker.store.policies import checklist
from gridworker.store.queries import _ADDRESS_ORDER, ResidentFilter, roster_list
from gridworker.store.store import Store

__all__ = [
    "DueRow",
    "GasCounts",
    "HazardDetail",
    "HazardFilter",
    "HazardRow",
    "HouseholdGas",
    "InspectionDetail",
    "InspectionFilter",
    "InspectionForm",
    "InspectionRow",
    "ItemAnswer",
    "StepRow",
    "due_rows",
    "gas_counts",
    "hazard_detail",
    "hazard_rows",
    "household_gas",
    "inspection_detail",
    "inspection_form",
    "inspection_rows",
]


def _scope(store: Store, micro_grid_id: str | None) -> str | None:
    """A worker sees its own micro-grid; the office the one asked for (all if None)."""
    ident = store.identity
    return ident.micro_grid_id if ident.role == "worker" else micro_grid_id


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


class _Labels:
    """Item labels per checklist version, read once per call."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.templates: dict[int | None, ChecklistTemplate | None] = {}

    def template(self, version: int | None) -> ChecklistTemplate | None:
        if version not in self.templates:
            try:
                self.templates[version] = checklist(self.store, version)
            except StoreError:
                self.templates[version] = None
        return self.templates[version]

    def item(self, version: int | None, code: str) -> ChecklistItem | None:
        t = self.template(version)
        if t is None:
            return None
        try:
            return t.item(code)
        except KeyError:
            return None

    def label(self, version: int | None, code: str) -> str:
        it = self.item(version, code)
        return it.label if it else code


@dataclass(frozen=True)
class Place:
    """Where a record is: its household's address, head and micro-grid."""

    household_id: str
    estate: str
    building: str
    unit: str
    room: str
    head_name: str
    micro_grid_id: str | None
    micro_grid_name: str

    @property
    def address(self) -> str:
        return f"{self.estate}{self.building}{self.unit}{self.room}"


_PLACE_COLUMNS = (
    "h.id AS h_id, h.estate AS h_estate, h.building AS h_building, h.unit AS h_unit, "
    "h.room AS h_room, h.head_name AS h_head, h.micro_grid_id AS h_mg, m.name AS m_name"
)
_PLACE_JOIN = "JOIN household h ON h.id = {col} LEFT JOIN micro_grid m ON m.id = h.micro_grid_id"


def _place(r: sqlite3.Row) -> Place:
    g = r.__getitem__
    return Place(
        g("h_id"),
        g("h_estate") or "",
        g("h_building") or "",
        g("h_unit") or "",
        g("h_room") or "",
        g("h_head") or "",
        g("h_mg"),
        g("m_name") or "",
    )


def _where_place(
    clauses: list[str],
    params: list[object],
    micro_grid_id: str | None,
    estate: str | None,
    building: str | None,
    household_id: str | None,
) -> None:
    if micro_grid_id:
        clauses.append("h.micro_grid_id = ?")
        params.append(micro_grid_id)
    if estate:
        clauses.append("h.estate = ?")
        params.append(estate)
    if building:
        clauses.append("h.building = ?")
        params.append(building)
    if household_id:
        clauses.append("h.id = ?")
        params.append(household_id)


# -- hazards ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HazardRow:
    """One hazard in a list, with its derived status as of ``on``."""

    id: str
    place: Place
    inspection_id: str | None
    item: str
    item_label: str
    grade: str
    found: str
    found_on: date | None
    deadline: date | None
    status: str
    overdue_days: int
    recheck_due: date | None
    fixed_on: date | None
    closed_on: date | None
    escalated_on: date | None
    rechecks: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


HAZARD_VIEWS = ("open", "overdue", "all", *STATUSES)
"""What the hazard list can be narrowed to: open, overdue (逾期), everything, or one status."""


@dataclass(frozen=True)
class HazardFilter:
    view: str = "open"
    grade: str | None = None
    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None
    household_id: str | None = None
    hazard_id: str | None = None


def hazard_rows(store: Store, f: HazardFilter, on: date) -> list[HazardRow]:
    """The hazards matching ``f``: overdue first (longest first), then by the day to look
    (recheck or deadline), then by address."""
    clauses = ["1"]
    params: list[object] = []
    if f.view == "open":
        clauses.append("s.is_open = 1")
    elif f.view == "overdue":
        marks = ",".join("?" * len(LATE_STATUSES))
        clauses.append(f"s.status IN ({marks}) AND s.deadline < ?")
        params += [*sorted(LATE_STATUSES), on.isoformat()]
    elif f.view != "all":
        clauses.append("s.status = ?")
        params.append(f.view)
    if f.grade:
        clauses.append("z.grade = ?")
        params.append(f.grade)
    if f.hazard_id:
        clauses.append("s.hazard_id = ?")
        params.append(f.hazard_id)
    # One record or one household asked for by id: wherever it is now.
    mg = None if f.hazard_id or f.household_id else _scope(store, f.micro_grid_id)
    _where_place(clauses, params, mg, f.estate, f.building, f.household_id)
    sql = (
        f"SELECT z.id, z.inspection_id, z.item, z.grade, z.found, z.found_on, s.*, "
        f"i.template_version, {_PLACE_COLUMNS} FROM gas_hazard_state s "
        "JOIN gas_hazard z ON z.id = s.hazard_id "
        "LEFT JOIN gas_inspection i ON i.id = z.inspection_id "
        f"{_PLACE_JOIN.format(col='s.household_id')} WHERE {' AND '.join(clauses)} "
        f"ORDER BY {_ADDRESS_ORDER.format(d='ASC')}, z.found_on, z.id"
    )
    labels = _Labels(store)
    rows = [_hazard_row(r, labels, on) for r in store.conn.execute(sql, params)]
    rows.sort(key=lambda z: (-z.overdue_days, not z.is_open, z.recheck_due or date.max))
    return rows


def _hazard_row(r: sqlite3.Row, labels: _Labels, on: date) -> HazardRow:
    g = r.__getitem__
    deadline = _day(g("deadline"))
    status = g("status")
    overdue = (
        (on - deadline).days
        if status in LATE_STATUSES and deadline is not None and on > deadline
        else 0
    )
    return HazardRow(
        id=g("id"),
        place=_place(r),
        inspection_id=g("inspection_id"),
        item=g("item") or "",
        item_label=labels.label(g("template_version"), g("item") or ""),
        grade=g("grade") or "",
        found=g("found") or "",
        found_on=_day(g("found_on")),
        deadline=deadline,
        status=status,
        overdue_days=overdue,
        recheck_due=_day(g("recheck_due")),
        fixed_on=_day(g("fixed_on")),
        closed_on=_day(g("closed_on")),
        escalated_on=_day(g("escalated_on")),
        rechecks=int(g("rechecks") or 0),
    )


@dataclass(frozen=True)
class StepRow:
    """One step of a hazard, as its page lists them (voided ones marked, never hidden)."""

    id: str
    action: str
    on: date | None
    deadline: date | None
    note: str
    by: str
    voided: bool
    void_reason: str


@dataclass(frozen=True)
class HazardDetail:
    """Everything a hazard's page shows."""

    row: HazardRow
    hazard_when: str
    requirement: str  # what its grade asks for
    stop_use: bool
    stop_use_text: str
    reminder: date | None
    steps: list[StepRow]
    allowed: tuple[str, ...]
    history: list[HistoryEntry]
    inspector: str
    grade_days: int | None  # the grade's days to put it right (a failed recheck's new deadline)
    user: str  # who is recording (the form's default "done by")


def hazard_detail(store: Store, hazard_id: str, on: date) -> HazardDetail | None:
    """A hazard (voided or not: the page says so), its steps and its history."""
    rows = hazard_rows(store, HazardFilter(view="all", hazard_id=hazard_id), on) or _voided_hazard(
        store, hazard_id
    )
    if not rows:
        return None
    row = rows[0]
    steps = [
        StepRow(
            r["id"],
            r["action"] or "",
            _day(r["step_on"]),
            _day(r["deadline"]),
            r["note"] or "",
            r["done_by"] or "",
            bool(r["voided"]),
            r["void_reason"] or "",
        )
        for r in store.conn.execute(
            "SELECT * FROM gas_hazard_step WHERE hazard_id = ? ORDER BY step_on, id", (hazard_id,)
        )
    ]
    live = [RuleStep(s.id, s.action, s.on, s.deadline) for s in steps if not s.voided and s.on]
    state = hazard_state(_hazard_deadline(store, hazard_id), live)
    ins = store.conn.execute(
        "SELECT template_version, inspector FROM gas_inspection WHERE id = ?",
        (row.inspection_id,),
    ).fetchone()
    labels = _Labels(store)
    version = ins["template_version"] if ins else None
    item = labels.item(version, row.item)
    template = labels.template(version) or labels.template(None)
    policy = None
    if template is not None:
        try:
            policy = template.policy(row.grade)
        except KeyError:
            policy = None
    reminder = (
        reminder_for(template, row.grade, row.found_on)
        if template is not None and policy is not None and row.found_on
        else None
    )
    return HazardDetail(
        row=row,
        hazard_when=item.hazard_when if item else "",
        requirement=policy.action if policy else "",
        stop_use=bool(policy and policy.stop_use),
        stop_use_text=policy.stop_use_text if policy else "",
        reminder=reminder if row.status in LATE_STATUSES else None,
        steps=steps,
        allowed=allowed_actions(state) if row.status in STATUSES else (),
        history=history(store.conn, [hazard_id, *(s.id for s in steps)], limit=200),
        inspector=(ins["inspector"] or "") if ins else "",
        grade_days=policy.deadline_days if policy else None,
        user=store.identity.user,
    )


def _hazard_deadline(store: Store, hazard_id: str) -> date | None:
    r = store.conn.execute("SELECT deadline FROM gas_hazard WHERE id = ?", (hazard_id,)).fetchone()
    return _day(r[0]) if r else None


def _voided_hazard(store: Store, hazard_id: str) -> list[HazardRow]:
    """A voided hazard has no state row: shown as it was recorded, status 已作废."""
    r = store.conn.execute(
        f"SELECT z.*, z.id AS id, i.template_version, {_PLACE_COLUMNS} FROM gas_hazard z "
        "LEFT JOIN gas_inspection i ON i.id = z.inspection_id "
        f"{_PLACE_JOIN.format(col='z.household_id')} WHERE z.id = ?",
        (hazard_id,),
    ).fetchone()
    if r is None:
        return []
    labels = _Labels(store)
    return [
        HazardRow(
            id=r["id"],
            place=_place(r),
            inspection_id=r["inspection_id"],
            item=r["item"] or "",
            item_label=labels.label(r["template_version"], r["item"] or ""),
            grade=r["grade"] or "",
            found=r["found"] or "",
            found_on=_day(r["found_on"]),
            deadline=_day(r["deadline"]),
            status=VOIDED,
            overdue_days=0,
            recheck_due=None,
            fixed_on=None,
            closed_on=None,
            escalated_on=None,
            rechecks=0,
        )
    ]


# -- inspections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionRow:
    id: str
    place: Place
    inspected_on: date | None
    outcome: str
    inspector: str
    signed: bool
    hazards: int  # live hazards found
    major: int  # of them 重大
    template_version: int | None
    notes: str
    voided: bool


@dataclass(frozen=True)
class InspectionFilter:
    outcome: str | None = None
    micro_grid_id: str | None = None
    estate: str | None = None
    building: str | None = None
    household_id: str | None = None
    since: date | None = None
    until: date | None = None
    with_voided: bool = False


INSPECTION_LIMIT = 5000
"""The most inspections a list shows (the person narrows it by month or place)."""


def inspection_rows(
    store: Store, f: InspectionFilter, limit: int = INSPECTION_LIMIT
) -> list[InspectionRow]:
    """Inspections matching ``f``, newest first."""
    clauses = ["1" if f.with_voided else GAS_INSPECTION.live_sql("i")]
    params: list[object] = []
    if f.outcome:
        clauses.append("i.outcome = ?")
        params.append(f.outcome)
    if f.since:
        clauses.append("i.inspected_on >= ?")
        params.append(f.since.isoformat())
    if f.until:
        clauses.append("i.inspected_on <= ?")
        params.append(f.until.isoformat())
    _where_place(
        clauses, params, _scope(store, f.micro_grid_id), f.estate, f.building, f.household_id
    )
    sql = (
        f"SELECT i.*, {_PLACE_COLUMNS}, "
        "(SELECT count(*) FROM gas_hazard z WHERE z.inspection_id = i.id AND z.voided IS NOT 1) "
        "AS n_hazards, "
        "(SELECT count(*) FROM gas_hazard z WHERE z.inspection_id = i.id AND z.voided IS NOT 1 "
        "AND z.grade = '重大') AS n_major "
        f"FROM gas_inspection i {_PLACE_JOIN.format(col='i.household_id')} "
        f"WHERE {' AND '.join(clauses)} ORDER BY i.inspected_on DESC, i.id DESC LIMIT ?"
    )
    return [_inspection_row(r) for r in store.conn.execute(sql, [*params, limit])]


def _inspection_row(r: sqlite3.Row) -> InspectionRow:
    g = r.__getitem__
    return InspectionRow(
        id=g("id"),
        place=_place(r),
        inspected_on=_day(g("inspected_on")),
        outcome=g("outcome") or "",
        inspector=g("inspector") or "",
        signed=bool(g("signed")),
        hazards=int(g("n_hazards") or 0),
        major=int(g("n_major") or 0),
        template_version=g("template_version"),
        notes=g("notes") or "",
        voided=bool(g("voided")),
    )


@dataclass(frozen=True)
class ItemAnswer:
    """One checklist item of an inspection, with its answer (None: unanswered)."""

    code: str
    label: str
    hazard_when: str
    default_grade: str
    answer: str | None
    note: str
    hazard_id: str | None  # the live hazard it made
    grade: str | None  # that hazard's grade
    others: tuple[str, ...] = ()  # what another device answered or noted at the same time


@dataclass(frozen=True)
class InspectionDetail:
    row: InspectionRow
    items: list[ItemAnswer]
    template_known: bool  # this device holds the checklist version it used
    history: list[HistoryEntry]


def inspection_detail(store: Store, inspection_id: str) -> InspectionDetail | None:
    """An inspection, every item of its checklist version with the answer, and history."""
    r = store.conn.execute(
        f"SELECT i.*, {_PLACE_COLUMNS}, 0 AS n_hazards, 0 AS n_major FROM gas_inspection i "
        f"{_PLACE_JOIN.format(col='i.household_id')} WHERE i.id = ?",
        (inspection_id,),
    ).fetchone()
    if r is None:
        return None
    readings = read_answers(
        json.loads(r["answers"] or "[]"),
        json.loads(r["item_notes"] or "[]"),
        clock_loads(r["_clock"]),
    )
    hazards = {
        z["item"]: z
        for z in store.conn.execute(
            "SELECT id, item, grade FROM gas_hazard WHERE inspection_id = ? AND voided IS NOT 1",
            (inspection_id,),
        )
    }
    row = _inspection_row(r)
    row = InspectionRow(
        **{
            **row.__dict__,
            "hazards": len(hazards),
            "major": sum(1 for z in hazards.values() if z["grade"] == "重大"),
        }
    )
    labels = _Labels(store)
    template = labels.template(row.template_version)
    codes: list[str] = [i.code for i in template.items] if template else []
    codes += sorted(c for c in readings if c not in codes)
    items = []
    for code in codes:
        it = labels.item(row.template_version, code)
        a = readings.get(code)
        z = hazards.get(code)
        items.append(
            ItemAnswer(
                code=code,
                label=it.label if it else code,
                hazard_when=it.hazard_when if it else "",
                default_grade=it.grade if it else "",
                answer=a.answer if a else None,
                note=a.note if a else "",
                hazard_id=z["id"] if z else None,
                grade=z["grade"] if z else None,
                others=(a.other_answers + a.other_notes) if a else (),
            )
        )
    return InspectionDetail(
        row, items, template is not None, history(store.conn, [inspection_id], limit=300)
    )


@dataclass(frozen=True)
class InspectionForm:
    """What the inspection form needs: where, the checklist to answer, and (to correct one)
    the inspection's stored values."""

    place: Place
    template: ChecklistTemplate
    user: str
    detail: InspectionDetail | None
    last_done: date | None


def inspection_form(
    store: Store, household_id: str, inspection_id: str | None = None
) -> InspectionForm:
    r = store.conn.execute(
        f"SELECT {_PLACE_COLUMNS} FROM household h "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id WHERE h.id = ?",
        (household_id,),
    ).fetchone()
    if r is None:
        raise StoreError(f"没有编号为 {household_id} 的住户。")
    detail = inspection_detail(store, inspection_id) if inspection_id else None
    version = detail.row.template_version if detail else None
    due = store.conn.execute(
        "SELECT last_done FROM gas_due WHERE household_id = ?", (household_id,)
    ).fetchone()
    return InspectionForm(
        _place(r),
        checklist(store, version),
        store.identity.user,
        detail,
        _day(due[0]) if due else None,
    )


# -- households due ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueRow:
    place: Place
    due: date
    kind: str  # gas_due / gas_retry
    last_done: date | None
    failed_on: date | None
    failed_outcome: str | None

    def days_overdue(self, on: date) -> int:
        return max(0, (on - self.due).days)


_LIVING = (
    "(EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id "
    "AND coalesce(r.status, '在住') = '在住') "
    "OR NOT EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id))"
)
"""Someone lives there (or nobody is recorded yet): a household everyone left is not due."""


def due_rows(
    store: Store,
    on: date,
    *,
    micro_grid_id: str | None = None,
    estate: str | None = None,
    building: str | None = None,
    household_ids: Sequence[str] | None = None,
) -> list[DueRow]:
    """Households due for their gas check on or before ``on`` (nobody-home retries
    included), longest overdue first, then by address."""
    clauses = ["d.due <= ?", _LIVING]
    params: list[object] = [on.isoformat()]
    _where_place(clauses, params, _scope(store, micro_grid_id), estate, building, None)
    if household_ids is not None:
        clauses.append("d.household_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(household_ids)))
    sql = (
        f"SELECT d.*, {_PLACE_COLUMNS} FROM gas_due d "
        f"{_PLACE_JOIN.format(col='d.household_id')} WHERE {' AND '.join(clauses)} "
        f"ORDER BY d.due, {_ADDRESS_ORDER.format(d='ASC')}, h.id"
    )
    out = []
    for r in store.conn.execute(sql, params):
        due = _day(r["due"])
        if due is None:
            continue
        out.append(
            DueRow(
                _place(r),
                due,
                r["kind"],
                _day(r["last_done"]),
                _day(r["failed_on"]),
                r["failed_outcome"],
            )
        )
    return out


# -- counts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GasCounts:
    """The figures above the gas screen's lists."""

    open: int
    overdue: int
    major_open: int
    awaiting_recheck: int
    refused: int
    escalated: int
    due: int  # households due or overdue for their check
    retry: int  # of them, nobody home last time


def gas_counts(store: Store, on: date, micro_grid_id: str | None = None) -> GasCounts:
    mg = _scope(store, micro_grid_id)
    where, params = ("h.micro_grid_id = ?", [mg]) if mg else ("1", [])
    r = store.conn.execute(
        "SELECT sum(s.is_open), "
        "sum(s.status IN ('待整改', '拒不整改') AND s.deadline < ?), "
        "sum(s.is_open AND z.grade = '重大'), sum(s.status = ?), sum(s.status = '拒不整改'), "
        "sum(s.status = '已上报') "
        "FROM gas_hazard_state s JOIN gas_hazard z ON z.id = s.hazard_id "
        f"JOIN household h ON h.id = s.household_id WHERE {where}",
        [on.isoformat(), FIXED, *params],
    ).fetchone()
    d = store.conn.execute(
        "SELECT count(*), sum(d.kind = 'gas_retry') FROM gas_due d "
        f"JOIN household h ON h.id = d.household_id WHERE d.due <= ? AND {_LIVING} AND {where}",
        [on.isoformat(), *params],
    ).fetchone()
    return GasCounts(*(int(x or 0) for x in (*r, *d)))


# -- one household ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdGas:
    """A household's gas tabs: when it is next due, its inspections and its hazards."""

    due: DueRow | None
    inspections: list[InspectionRow]
    hazards: list[HazardRow]


def household_gas(store: Store, household_id: str, on: date) -> HouseholdGas:
    r = store.conn.execute(
        f"SELECT d.*, {_PLACE_COLUMNS} FROM gas_due d "
        f"{_PLACE_JOIN.format(col='d.household_id')} WHERE d.household_id = ?",
        (household_id,),
    ).fetchone()
    due = None
    if r is not None and (d := _day(r["due"])) is not None:
        due = DueRow(
            _place(r), d, r["kind"], _day(r["last_done"]), _day(r["failed_on"]), r["failed_outcome"]
        )
    # Every micro-grid: a household the office moved is still this household.
    inspections = [
        _inspection_row(x)
        for x in store.conn.execute(
            f"SELECT i.*, {_PLACE_COLUMNS}, "
            "(SELECT count(*) FROM gas_hazard z WHERE z.inspection_id = i.id "
            "AND z.voided IS NOT 1) AS n_hazards, "
            "(SELECT count(*) FROM gas_hazard z WHERE z.inspection_id = i.id "
            "AND z.voided IS NOT 1 AND z.grade = '重大') AS n_major "
            f"FROM gas_inspection i {_PLACE_JOIN.format(col='i.household_id')} "
            "WHERE i.household_id = ? ORDER BY i.inspected_on DESC, i.id DESC",
            (household_id,),
        )
    ]
    labels = _Labels(store)
    hazards = [
        _hazard_row(x, labels, on)
        for x in store.conn.execute(
            f"SELECT z.id, z.inspection_id, z.item, z.grade, z.found, z.found_on, s.*, "
            f"i.template_version, {_PLACE_COLUMNS} FROM gas_hazard_state s "
            "JOIN gas_hazard z ON z.id = s.hazard_id "
            "LEFT JOIN gas_inspection i ON i.id = z.inspection_id "
            f"{_PLACE_JOIN.format(col='s.household_id')} WHERE s.household_id = ? "
            "ORDER BY s.is_open DESC, z.found_on DESC, z.id",
            (household_id,),
        )
    ]
    return HouseholdGas(due, inspections, hazards)


def live_step_ids(store: Store, hazard_id: str) -> list[str]:
    """The hazard's steps that count, latest last (the undo offers the latest)."""
    return [
        r[0]
        for r in store.conn.execute(
            f"SELECT id FROM gas_hazard_step WHERE hazard_id = ? AND {GAS_HAZARD_STEP.live_sql()} "
            "ORDER BY step_on, id",
            (hazard_id,),
        )
    ]


def building_choices(store: Store, estate: str, micro_grid_id: str | None) -> list[str]:
    """The 楼栋 of one 小区 (within a micro-grid if given), in numeric order."""
    sql = "SELECT DISTINCT building FROM household WHERE estate = ? AND building IS NOT NULL"
    params: list[object] = [estate]
    mg = _scope(store, micro_grid_id)
    if mg:
        sql += " AND micro_grid_id = ?"
        params.append(mg)
    return sorted((r[0] for r in store.conn.execute(sql, params)), key=natural_key)


def item_labels(store: Store, codes: Iterable[str], version: int | None = None) -> list[str]:
    """Labels of item codes in a checklist version (the code itself when unknown)."""
    labels = _Labels(store)
    return [labels.label(version, c) for c in codes]


def places(store: Store, household_ids: Sequence[str]) -> list[Place]:
    """The households' places, in the order given."""
    rows = {
        r["h_id"]: _place(r)
        for r in store.conn.execute(
            f"SELECT {_PLACE_COLUMNS} FROM household h "
            "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
            "WHERE h.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(household_ids)),),
        )
    }
    return [rows[h] for h in household_ids if h in rows]


def find_households(store: Store, text: str, on: date, limit: int = 60) -> list[Place]:
    """Households to inspect: those whose residents or address match ``text`` (the roster
    search: name, pinyin, address, ID or phone tail), or with no text the households due."""
    if not text.strip():
        return [r.place for r in due_rows(store, on)][:limit]
    mg = _scope(store, None)
    ids = roster_list(store, text, ResidentFilter(micro_grid_id=mg, statuses=None))
    households: list[str] = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        found = dict(
            store.conn.execute(
                "SELECT id, household_id FROM resident WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(part),),
            ).fetchall()
        )
        for rid in part:
            h = found.get(rid)
            if h and h not in households:
                households.append(h)
        if len(households) >= limit:
            break
    return places(store, households[:limit])
