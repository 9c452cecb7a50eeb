"""Needs (诉求): recording one and taking it through its steps, and the lists that show them.

Each step writes only its own fields (its date and what it needs), so the office feeding
back on a need and the worker revisiting it merge instead of overwriting; the status is
read from the dates (:class:`gridworker.core.needs.NeedSteps`). Who did a step and when
it was entered are in the change log, shown as the need's history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from gridworker.core.messages import msg
from gridworker.core.needs import (
    CATEGORIES,
    SATISFACTION,
    SOURCES,
    NeedError,
    NeedSteps,
    check_deadline,
    check_step,
    norm_choice,
)
from gridworker.store.entities import NEED
from gridworker.store.errors import ValidationError
from gridworker.store.history import HistoryEntry, history
from gridworker.store.ops import Value
from gridworker.store.store import Store

__all__ = [
    "NeedFilter",
    "NeedInput",
    "NeedRow",
    "add_need",
    "feedback",
    "need_rows",
    "report",
    "revisit",
    "solve",
    "void_need",
]


@dataclass
class NeedInput:
    """A new need as a form or the command line gives it."""

    text: str
    category: str = "其他"
    source: str = "居民提出"
    resident_id: str | None = None
    deadline: date | None = None
    solved: str | None = None  # solved on the spot, in these words


def _refused(e: NeedError) -> ValidationError:
    return ValidationError(e.args[0])


def add_need(
    store: Store,
    household_id: str,
    n: NeedInput,
    *,
    on: date | None = None,
    today: date | None = None,
) -> str:
    """Record a need of a household (raised on ``on``); returns its id."""
    with store.transaction():
        return add_need_in(store, household_id, n, on=on or today or date.today(), today=today)


def add_need_in(
    store: Store,
    household_id: str,
    n: NeedInput,
    *,
    on: date,
    visit_id: str | None = None,
    today: date | None = None,
) -> str:
    """:func:`add_need` inside the caller's transaction (a visit and its needs)."""
    today = today or date.today()
    text = n.text.strip()
    if not text:
        raise ValidationError(msg("请写明诉求内容。"))
    if on > today:
        raise ValidationError(msg("诉求的登记日期 {day} 还没到。", day=on.isoformat()))
    try:
        category = norm_choice(n.category or "其他", CATEGORIES, msg("诉求类别"))
        source = norm_choice(n.source or "居民提出", SOURCES, msg("诉求来源"))
        if n.deadline is not None:
            check_deadline(n.deadline, on)
    except NeedError as e:
        raise _refused(e) from None
    with store.transaction():
        if (
            store.conn.execute("SELECT 1 FROM household WHERE id = ?", (household_id,)).fetchone()
            is None
        ):
            raise ValidationError(msg("没有这一户（编号 {id}）。", id=household_id))
        if n.resident_id is not None:
            r = store.conn.execute(
                "SELECT household_id FROM resident WHERE id = ?", (n.resident_id,)
            ).fetchone()
            if r is None or r[0] != household_id:
                raise ValidationError(msg("提出诉求的居民不是这一户的成员。"))
        values: dict[str, Value] = {
            "household_id": household_id,
            "resident_id": n.resident_id,
            "visit_id": visit_id,
            "raised_on": on.isoformat(),
            "source": source,
            "category": category,
            "text": text,
            "deadline": n.deadline.isoformat() if n.deadline else None,
        }
        if n.solved is not None:
            if not n.solved.strip():
                raise ValidationError(msg("请写明现场是怎样解决的。"))
            values.update(solved_on=on.isoformat(), solution=n.solved.strip())
        return store.create(NEED.name, values)


def _d(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _steps_of(values: Mapping[str, Value]) -> NeedSteps:
    return NeedSteps(
        raised_on=_d(values.get("raised_on")),
        solved_on=_d(values.get("solved_on")),
        reported_on=_d(values.get("reported_on")),
        deadline=_d(values.get("deadline")),
        feedback_on=_d(values.get("feedback_on")),
        revisit_on=_d(values.get("revisit_on")),
    )


def _step(
    store: Store, need_id: str, step: str, on: date, values: Mapping[str, Value], today: date
) -> None:
    if on > today:
        raise ValidationError(msg("日期 {day} 还没到。", day=on.isoformat()))
    with store.transaction():
        held = store.get(NEED.name, need_id)
        if held is None:
            raise ValidationError(msg("没有这条诉求（编号 {id}）。", id=need_id))
        if held.get("voided"):
            raise ValidationError(msg("这条诉求已作废。"))
        try:
            check_step(_steps_of(held), step, on)
        except NeedError as e:
            raise _refused(e) from None
        store.update(NEED.name, need_id, dict(values))


def solve(
    store: Store, need_id: str, solution: str, *, on: date | None = None, today: date | None = None
) -> None:
    """现场解决: solved on the spot, in these words."""
    today = today or date.today()
    on = on or today
    if not solution.strip():
        raise ValidationError(msg("请写明现场是怎样解决的。"))
    _step(
        store,
        need_id,
        "solve",
        on,
        {"solved_on": on.isoformat(), "solution": solution.strip()},
        today,
    )


def report(
    store: Store,
    need_id: str,
    owner: str,
    deadline: date,
    *,
    on: date | None = None,
    today: date | None = None,
) -> None:
    """已上报: passed up to an owner with a deadline (again: reassigned or escalated)."""
    today = today or date.today()
    on = on or today
    if not owner.strip():
        raise ValidationError(msg("请写明承办人或承办部门。"))
    try:
        check_deadline(deadline, on)
    except NeedError as e:
        raise _refused(e) from None
    values: dict[str, Value] = {
        "reported_on": on.isoformat(),
        "owner": owner.strip(),
        "deadline": deadline.isoformat(),
    }
    _step(store, need_id, "report", on, values, today)


def feedback(
    store: Store, need_id: str, result: str, *, on: date | None = None, today: date | None = None
) -> None:
    """已反馈: the result given back to the resident."""
    today = today or date.today()
    on = on or today
    if not result.strip():
        raise ValidationError(msg("请写明办理结果。"))
    _step(
        store,
        need_id,
        "feedback",
        on,
        {"feedback_on": on.isoformat(), "result": result.strip()},
        today,
    )


def revisit(
    store: Store,
    need_id: str,
    satisfaction: str,
    *,
    note: str = "",
    on: date | None = None,
    today: date | None = None,
) -> None:
    """已回访: the resident asked whether they are satisfied."""
    today = today or date.today()
    on = on or today
    try:
        s = norm_choice(satisfaction, SATISFACTION, msg("满意度"))
    except NeedError as e:
        raise _refused(e) from None
    values: dict[str, Value] = {
        "revisit_on": on.isoformat(),
        "satisfaction": s,
        "revisit_note": note.strip() or None,
    }
    _step(store, need_id, "revisit", on, values, today)


def void_need(store: Store, need_id: str, reason: str) -> None:
    store.void(NEED.name, need_id, reason)


# -- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedRow:
    id: str
    household_id: str
    address: str
    micro_grid: str
    resident: str
    raised_on: date | None
    source: str
    category: str
    text: str
    steps: NeedSteps
    solution: str
    owner: str
    result: str
    satisfaction: str
    revisit_note: str
    visit_id: str | None

    @property
    def status(self) -> str:
        return self.steps.status


@dataclass(frozen=True)
class NeedFilter:
    open_only: bool = False
    overdue_on: date | None = None  # only open needs past their deadline on this day
    micro_grid_id: str | None = None
    household_id: str | None = None
    visit_id: str | None = None
    limit: int | None = 5000


_COLUMNS = (
    "n.id, n.household_id, h.estate, h.building, h.unit, h.room, m.name, r.name, n.raised_on, "
    "n.source, n.category, n.text, n.solved_on, n.reported_on, n.deadline, n.feedback_on, "
    "n.revisit_on, n.solution, n.owner, n.result, n.satisfaction, n.revisit_note, n.visit_id"
)
_OPEN = "n.solved_on IS NULL AND n.feedback_on IS NULL AND n.revisit_on IS NULL"


def need_rows(
    store: Store,
    f: NeedFilter | None = None,
    *,
    visit_id: str | None = None,
    household_id: str | None = None,
) -> list[NeedRow]:
    """Live needs, newest first (open ones first when listing a household's)."""
    f = f or NeedFilter(visit_id=visit_id, household_id=household_id, limit=None)
    clauses = ["n.voided IS NOT 1"]
    params: list[object] = []
    if f.open_only:
        clauses.append(_OPEN)
    if f.overdue_on is not None:
        clauses += [_OPEN, "n.deadline < ?"]
        params.append(f.overdue_on.isoformat())
    if f.micro_grid_id:
        clauses.append("h.micro_grid_id = ?")
        params.append(f.micro_grid_id)
    if f.household_id:
        clauses.append("n.household_id = ?")
        params.append(f.household_id)
    if f.visit_id:
        clauses.append("n.visit_id = ?")
        params.append(f.visit_id)
    sql = (
        f"SELECT {_COLUMNS} FROM need n JOIN household h ON h.id = n.household_id "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
        "LEFT JOIN resident r ON r.id = n.resident_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY NOT ({_OPEN}), n.raised_on DESC, n.id DESC"
    )
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return [_row(r) for r in store.conn.execute(sql, params)]


def _row(r: tuple[object, ...]) -> NeedRow:
    def t(i: int) -> str:
        v = r[i]
        return str(v) if v is not None else ""

    return NeedRow(
        id=t(0),
        household_id=t(1),
        address=t(2) + t(3) + t(4) + t(5),
        micro_grid=t(6),
        resident=t(7),
        raised_on=_d(r[8]),
        source=t(9),
        category=t(10),
        text=t(11),
        steps=NeedSteps(
            raised_on=_d(r[8]),
            solved_on=_d(r[12]),
            reported_on=_d(r[13]),
            deadline=_d(r[14]),
            feedback_on=_d(r[15]),
            revisit_on=_d(r[16]),
        ),
        solution=t(17),
        owner=t(18),
        result=t(19),
        satisfaction=t(20),
        revisit_note=t(21),
        visit_id=t(22) or None,
    )


def need_row(store: Store, need_id: str) -> NeedRow | None:
    r = store.conn.execute(
        f"SELECT {_COLUMNS} FROM need n JOIN household h ON h.id = n.household_id "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
        "LEFT JOIN resident r ON r.id = n.resident_id WHERE n.id = ?",
        (need_id,),
    ).fetchone()
    return None if r is None else _row(tuple(r))


def need_history(store: Store, need_id: str) -> list[HistoryEntry]:
    """Who took each step of the need, and when it was entered."""
    return history(store.conn, [need_id], limit=None)
