"""Recording gas-safety work through the one write path: an inspection with its answers and
the hazards it finds (one transaction), a hazard's steps, voiding what was entered by
mistake. The rules are in :mod:`gridworker.core.gas_rules`; every refusal is one
sentence naming what is wrong, and nothing is half-written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from gridworker.core.gas_checklist import ChecklistTemplate
from gridworker.core.gas_rules import (
    DONE,
    HAZARD,
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_REFUSED,
    Answer,
    HazardState,
    Step,
    answer_elements,
    deadline_for,
    hazard_grade,
    hazard_id,
    hazard_state,
    inspection_problems,
    step_problem,
    stop_use,
)
from gridworker.core.idcard import normalize_id
from gridworker.core.ids import uuid7
from gridworker.core.messages import joined, msg
from gridworker.store.entities import GAS_HAZARD, GAS_HAZARD_STEP, GAS_INSPECTION
from gridworker.store.errors import StoreError, ValidationError
from gridworker.store.ops import Value
from gridworker.store.policies import checklist, in_force, record_in_force
from gridworker.store.print_data import resolve_household
from gridworker.store.store import Change, Store

__all__ = [
    "InspectionInput",
    "SavedInspection",
    "add_step",
    "find_hazard",
    "find_household",
    "hazard_now",
    "save_inspection",
    "template_of",
    "undo_step",
    "void_inspection",
]


@dataclass(frozen=True)
class InspectionInput:
    """What the form or the command line hands over to record an inspection."""

    household_id: str
    inspected_on: date
    outcome: str = DONE
    answers: Mapping[str, Answer] = field(default_factory=dict)
    signed: bool = False
    inspector: str = ""  # default: the user of this installation
    notes: str = ""
    template_version: int | None = None  # default: the checklist in force


@dataclass(frozen=True)
class SavedInspection:
    id: str
    hazard_ids: tuple[str, ...]  # the inspection's live hazards, in checklist order
    stop_use: bool  # a 重大 hazard among them: gas must be stopped on the spot
    version: int  # of the checklist answered


def template_of(store: Store, version: int | None) -> ChecklistTemplate:
    """The checklist of this version (the one in force for None)."""
    return checklist(store, version)


def _today(today: date | None) -> date:
    return today or date.today()


def save_inspection(
    store: Store,
    data: InspectionInput,
    inspection_id: str | None = None,
    *,
    today: date | None = None,
) -> SavedInspection:
    """Record an inspection (or correct one: ``inspection_id``) with its answers, and make
    a hazard of every 隐患 answer (voiding the hazard of an answer that is no longer one).
    One transaction: all of it is written, or nothing."""
    with store.transaction():
        changes, saved = plan_inspection(store, data, inspection_id, today=today)
        if inspection_id is None and saved.version == in_force(store, "gas_checklist").version:
            record_in_force(store, "gas_checklist")  # so this record reads right later
        store.write(changes)
    return saved


def plan_inspection(
    store: Store,
    data: InspectionInput,
    inspection_id: str | None = None,
    *,
    today: date | None = None,
) -> tuple[list[Change], SavedInspection]:
    """The checked changes that record an inspection (see :func:`save_inspection`),
    without writing them: the demo writes many in one go."""
    if store.get("household", data.household_id) is None:
        raise ValidationError(msg("没有编号为 {id} 的住户。", id=data.household_id))
    if data.inspected_on > _today(today):
        raise ValidationError(
            msg("检查日期 {on} 在今天之后，请填实际检查的日期。", on=data.inspected_on)
        )
    old = None
    if inspection_id is not None:
        old = store.get(GAS_INSPECTION.name, inspection_id)
        if old is None:
            raise ValidationError(msg("没有编号为 {id} 的燃气检查记录。", id=inspection_id))
        if old["household_id"] != data.household_id:
            raise ValidationError(msg("燃气检查记录不能改到另一户。"))
    version = data.template_version
    if version is None:
        version = (
            int(str(old["template_version"]))
            if old and old.get("template_version") is not None
            else in_force(store, "gas_checklist").version
        )
    template = checklist(store, version)
    problems = inspection_problems(template, data.outcome, data.answers)
    if problems:
        raise ValidationError(joined(problems, msg(" ")))
    iid = inspection_id or uuid7()
    answers, item_notes = answer_elements(data.answers)
    values: dict[str, Value] = {
        "household_id": data.household_id,
        "inspected_on": data.inspected_on.isoformat(),
        "outcome": data.outcome,
        "template_version": template.version,
        "inspector": data.inspector.strip() or store.identity.user,
        "signed": bool(data.signed),
        "answers": answers,
        "item_notes": item_notes,
        "notes": data.notes.strip() or None,
    }
    changes = [Change(GAS_INSPECTION.name, values, entity_id=iid, new=old is None)]
    hazards: list[str] = []
    grades: list[str] = []
    for item in template.items:
        a = data.answers.get(item.code)
        if old is None and (a is None or a.answer != HAZARD):
            continue  # nothing to record or to void
        zid = hazard_id(iid, item.code)
        held = store.get(GAS_HAZARD.name, zid) if old is not None else None
        if a is not None and a.answer == HAZARD:
            grade = hazard_grade(item, a)
            deadline = deadline_for(template, grade, data.inspected_on)
            hazard_values: dict[str, Value] = {
                "household_id": data.household_id,
                "inspection_id": iid,
                "item": item.code,
                "grade": grade,
                "found": a.note.strip() or None,
                "found_on": data.inspected_on.isoformat(),
                "deadline": deadline.isoformat() if deadline else None,
            }
            if held is not None and held.get("voided"):
                hazard_values |= {"voided": False, "void_reason": None}
            changes.append(Change(GAS_HAZARD.name, hazard_values, entity_id=zid, new=held is None))
            hazards.append(zid)
            grades.append(grade)
        elif held is not None and not held.get("voided"):
            changes.append(
                Change(
                    GAS_HAZARD.name,
                    {"voided": True, "void_reason": str(msg("检查结果已改，不再是隐患。"))},
                    entity_id=zid,
                )
            )
    return changes, SavedInspection(
        iid, tuple(hazards), stop_use(template, grades), template.version
    )


def void_inspection(store: Store, inspection_id: str, reason: str) -> None:
    """Void an inspection entered by mistake, and the hazards it found, in one step."""
    if store.get(GAS_INSPECTION.name, inspection_id) is None:
        raise ValidationError(msg("没有编号为 {id} 的燃气检查记录。", id=inspection_id))
    if not reason.strip():
        raise ValidationError(msg("请写明作废的原因。"))
    ids = [
        r[0]
        for r in store.conn.execute(
            f"SELECT id FROM gas_hazard WHERE inspection_id = ? AND {GAS_HAZARD.live_sql()}",
            (inspection_id,),
        )
    ]
    voided: dict[str, Value] = {"voided": True, "void_reason": reason.strip()}
    store.write(
        [Change(GAS_INSPECTION.name, dict(voided), entity_id=inspection_id)]
        + [Change(GAS_HAZARD.name, dict(voided), entity_id=h) for h in ids]
    )


# -- hazards ------------------------------------------------------------------------------------


def _steps(store: Store, hazard: str) -> list[Step]:
    out = []
    for r in store.conn.execute(
        "SELECT id, action, step_on, deadline, note, done_by FROM gas_hazard_step "
        f"WHERE hazard_id = ? AND {GAS_HAZARD_STEP.live_sql()}",
        (hazard,),
    ):
        try:
            on = date.fromisoformat(r["step_on"])
            deadline = date.fromisoformat(r["deadline"]) if r["deadline"] else None
        except (TypeError, ValueError):
            continue
        out.append(Step(r["id"], r["action"], on, deadline, r["note"] or "", r["done_by"] or ""))
    return out


def _live_hazard(store: Store, hazard: str) -> dict[str, Value]:
    h = store.get(GAS_HAZARD.name, hazard)
    if h is None or h.get("voided"):
        raise ValidationError(msg("没有编号为 {id} 的燃气隐患（或已作废）。", id=hazard))
    return h


def hazard_now(store: Store, hazard: str) -> HazardState:
    """A hazard's state after all its steps held here."""
    h = _live_hazard(store, hazard)
    deadline = date.fromisoformat(str(h["deadline"])) if h.get("deadline") else None
    return hazard_state(deadline, _steps(store, hazard))


def _grade_days(store: Store, h: Mapping[str, Value]) -> int | None:
    """Deadline days of the hazard's grade, by the checklist its inspection used."""
    version = None
    if h.get("inspection_id"):
        r = store.conn.execute(
            "SELECT template_version FROM gas_inspection WHERE id = ?", (h["inspection_id"],)
        ).fetchone()
        version = r[0] if r is not None else None
    try:
        template = checklist(store, version)
    except StoreError:
        template = checklist(store)
    try:
        return template.policy(str(h.get("grade"))).deadline_days
    except KeyError:
        return None


def add_step(
    store: Store,
    hazard: str,
    action: str,
    on: date,
    *,
    note: str = "",
    deadline: date | None = None,
    by: str = "",
    today: date | None = None,
) -> str:
    """Record a step of a hazard (已整改, 复查合格, 复查未通过, 拒不整改, 已上报); returns its id.

    A failed recheck sets a new deadline: the one given, else the grade's days from the
    recheck. Escalating needs a note saying to whom and why."""
    with store.transaction():
        h = _live_hazard(store, hazard)
        state = hazard_state(
            date.fromisoformat(str(h["deadline"])) if h.get("deadline") else None,
            _steps(store, hazard),
        )
        found_on = date.fromisoformat(str(h["found_on"])) if h.get("found_on") else on
        problem = step_problem(state, action, on, found_on)
        if problem is None and on > _today(today):
            problem = msg("日期 {on} 在今天之后。", on=on)
        if problem is None and action == STEP_ESCALATED and not note.strip():
            problem = msg("上报时请写明情况：报给了谁，为什么。")
        if problem is None and deadline is not None and deadline <= on:
            problem = msg("新的整改期限 {deadline} 应在 {on} 之后。", deadline=deadline, on=on)
        if problem is not None:
            raise ValidationError(problem)
        if action == STEP_FAILED and deadline is None:
            days = _grade_days(store, h)
            if days is not None:
                deadline = on + timedelta(days=days)
        if action not in (STEP_FAILED, STEP_REFUSED):
            deadline = None
        values: dict[str, Value] = {
            "hazard_id": hazard,
            "action": action,
            "step_on": on.isoformat(),
            "deadline": deadline.isoformat() if deadline else None,
            "note": note.strip() or None,
            "done_by": by.strip() or store.identity.user,
        }
        return store.create(GAS_HAZARD_STEP.name, values)


def undo_step(store: Store, step_id: str, reason: str = "") -> None:
    """Void a step entered by mistake: the hazard's state is as if it never was."""
    s = store.get(GAS_HAZARD_STEP.name, step_id)
    if s is None or s.get("voided"):
        raise ValidationError(msg("没有这条整改记录（或已撤销）。"))
    store.void(GAS_HAZARD_STEP.name, step_id, reason.strip() or str(msg("录错了，撤销。")))


# -- finding records from what a person types ---------------------------------------------------

_HEX = re.compile(r"[0-9a-f]{6,32}")


def find_household(store: Store, text: str) -> str:
    """A household from its id, the 身份证号 of any member, a scanned sheet code or its
    address ("锦华苑3栋2单元301"); StoreError with one sentence otherwise."""
    t = text.strip()
    if re.fullmatch(r"[0-9a-fA-F]{32}", t) and store.get("household", t.lower()) is not None:
        return t.lower()
    number = normalize_id(t)
    if re.fullmatch(r"\d{17}[\dX]|\d{15}", number):
        rows = store.conn.execute(
            "SELECT DISTINCT household_id FROM resident WHERE id_number = ? "
            "AND household_id IS NOT NULL",
            (number,),
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise StoreError(msg("没有身份证号为 {number} 的居民。", number=number))
        raise StoreError(
            msg("身份证号 {number} 登记在 {n} 户，请用户编号。", number=number, n=len(rows))
        )
    mine = store.identity.micro_grid_id if store.identity.role == "worker" else None
    return resolve_household(store, t, mine)


def find_hazard(store: Store, text: str) -> str:
    """A hazard from its id or the first (at least 6) characters of it."""
    t = text.strip().lower()
    if not _HEX.fullmatch(t):
        raise StoreError(msg("“{text}”不是隐患编号。", text=text))
    rows = store.conn.execute(
        "SELECT id FROM gas_hazard WHERE id >= ? AND id < ? LIMIT 2", (t, t + "g")
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise StoreError(msg("没有编号为 {id} 的燃气隐患。", id=text))
    raise StoreError(msg("有几条隐患的编号以 {id} 开头，请多写几位。", id=text))
