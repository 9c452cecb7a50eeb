"""Gas-safety rules: what an inspection must hold, hazard deadlines and states, and when a
household is next due for its check.

Pure functions over plain facts (the store gathers them), so the forms, the command line,
the work list, the screens and the month figures agree (shared/domain/gas-safety.md):

- an inspection's outcome is 已检查, 到访不遇 or 拒绝入户; one that was done answers every
  item of its template version 合格/隐患/不适用; the other two answer none;
- every 隐患 answer is a hazard of the item's grade (its default, or graver when the
  inspector says so); its deadline is the grade's days after it was found (none for
  提示: the household is told, 已告知);
- a hazard's state is a fold of its steps, in the order of their dates (then ids): 待整改 →
  已整改待复查 → 复查合格; a failed recheck (复查未通过) opens it again with a new deadline;
  拒不整改 → 已上报 (escalated). 逾期 is derived: open, not put right, past the deadline;
- a household is due ``inspection_interval_months`` after its last done check (on the day
  it was recorded if never checked); after a failed attempt since, not before the
  attempt plus the template's retry days (到访不遇: try again; 拒绝入户: call again).
"""

from __future__ import annotations

import calendar
import hashlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from gridworker.core.gas_checklist import GRADES, ChecklistItem, ChecklistTemplate
from gridworker.core.messages import Message, joined, msg

# -- vocabularies (stored in Chinese; the command line takes the English codes) ------------

DONE, ABSENT, REFUSED = "已检查", "到访不遇", "拒绝入户"
OUTCOMES: tuple[str, ...] = (DONE, ABSENT, REFUSED)
OUTCOME_CODES: dict[str, str] = {"done": DONE, "absent": ABSENT, "refused": REFUSED}

OK, HAZARD, NA = "合格", "隐患", "不适用"
ANSWERS: tuple[str, ...] = (OK, HAZARD, NA)
ANSWER_CODES: dict[str, str] = {"ok": OK, "hazard": HAZARD, "na": NA}

MAJOR, ORDINARY, ADVICE = GRADES
GRADE_CODES: dict[str, str] = {"major": MAJOR, "ordinary": ORDINARY, "advice": ADVICE}

# Hazard statuses, in the order lists show them (open ones first).
PENDING = "待整改"
FIXED = "已整改待复查"
REFUSED_FIX = "拒不整改"
ESCALATED = "已上报"
PASSED = "复查合格"
INFORMED = "已告知"  # advice (提示): no deadline, the household was told
VOIDED = "已作废"  # a hazard entered by mistake (lists leave it out; its page says so)
STATUSES: tuple[str, ...] = (PENDING, FIXED, REFUSED_FIX, ESCALATED, PASSED, INFORMED)
OPEN_STATUSES: frozenset[str] = frozenset({PENDING, FIXED, REFUSED_FIX})
"""Still tracked by the worker. 已上报 went up to the community; 复查合格 and 已告知 are closed."""
LATE_STATUSES: frozenset[str] = frozenset({PENDING, REFUSED_FIX})
"""Not put right: past the deadline, these are 逾期."""

# Steps of a hazard (each a dated record of who did what).
STEP_FIXED = "已整改"
STEP_PASSED = "复查合格"
STEP_FAILED = "复查未通过"
STEP_REFUSED = "拒不整改"
STEP_ESCALATED = "已上报"
ACTIONS: tuple[str, ...] = (STEP_FIXED, STEP_PASSED, STEP_FAILED, STEP_REFUSED, STEP_ESCALATED)

# Each word as a Message, so the English interface shows it translated.
_WORDS: tuple[Message, ...] = (
    msg("已检查"),
    msg("到访不遇"),
    msg("拒绝入户"),
    msg("合格"),
    msg("隐患"),
    msg("不适用"),
    msg("重大"),
    msg("一般"),
    msg("提示"),
    msg("待整改"),
    msg("已整改待复查"),
    msg("拒不整改"),
    msg("已上报"),
    msg("复查合格"),
    msg("已告知"),
    msg("已整改"),
    msg("复查未通过"),
    msg("未填"),
    msg("已作废"),
)
_WORD = {str(m): m for m in _WORDS}


def word(value: str) -> Message:
    """A stored word (outcome, answer, grade, status, step) as a translatable Message."""
    return _WORD.get(value) or Message(value, {})


def from_code(value: str, codes: Mapping[str, str]) -> str | None:
    """A vocabulary word from its English code or the Chinese word itself (None if neither)."""
    v = value.strip()
    if v in codes.values():
        return v
    return codes.get(v.lower())


# -- ids -------------------------------------------------------------------------------------

_HAZARD_NS = uuid.UUID("c2d84b19-0e7f-4b6a-8f35-9a61d0e3b7c4").bytes


def _uuid5(namespace: bytes, name: str) -> str:
    """``uuid.uuid5(namespace, name).hex``, without building UUID objects (a demo or an
    import makes tens of thousands)."""
    b = bytearray(hashlib.sha1(namespace + name.encode("utf-8")).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return b.hex()


def hazard_id(inspection_id: str, item: str) -> str:
    """The id of the hazard an inspection's 隐患 answer makes: one per item, whoever
    records or corrects the inspection."""
    return _uuid5(_HAZARD_NS, f"{inspection_id}/{item}")


# -- dates -------------------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# -- an inspection ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One item's answer; ``grade`` only for a 隐患 graver (or lighter) than the default."""

    answer: str
    note: str = ""
    grade: str | None = None


def answer_elements(answers: Mapping[str, Answer]) -> tuple[list[str], list[str]]:
    """An inspection's answers as the elements of its two sets: ``code=answer`` and, for
    items with a note, ``code=note``."""
    return (
        [f"{code}={a.answer}" for code, a in answers.items()],
        [f"{code}={a.note.strip()}" for code, a in answers.items() if a.note.strip()],
    )


@dataclass(frozen=True)
class ItemReading:
    """What an inspection holds for one item. ``others``: further answers (or notes) two
    devices gave the item at the same time — both kept by the merge, shown, and settled by
    the next correction of the inspection; ``answer`` is the latest written."""

    answer: str | None
    note: str = ""
    other_answers: tuple[str, ...] = ()
    other_notes: tuple[str, ...] = ()


def read_answers(
    answers: Iterable[str], notes: Iterable[str], clocks: Mapping[str, str] | None = None
) -> dict[str, ItemReading]:
    """Item code → reading, from the two sets' elements; ``clocks`` (element pseudo-field
    → hlc) decides which of two concurrent answers is shown first (the later)."""
    clocks = clocks or {}

    def split(elements: Iterable[str], field: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in elements:
            code, eq, value = e.partition("=")
            if eq:
                out.setdefault(code, []).append(value)
        for code, values in out.items():

            def latest_first(v: str, c: str = code) -> str:
                return clocks.get(f"{field}[{c}={v}]", "")

            values.sort(key=latest_first, reverse=True)
        return out

    given, noted = split(answers, "answers"), split(notes, "item_notes")
    return {
        code: ItemReading(
            answer=given[code][0] if given.get(code) else None,
            note=(noted.get(code) or [""])[0],
            other_answers=tuple(given.get(code, [])[1:]),
            other_notes=tuple(noted.get(code, [])[1:]),
        )
        for code in {*given, *noted}
    }


def hazard_grade(item: ChecklistItem, answer: Answer) -> str:
    """The grade of the hazard a 隐患 answer makes."""
    return answer.grade or item.grade


def inspection_problems(
    template: ChecklistTemplate, outcome: str, answers: Mapping[str, Answer]
) -> list[Message]:
    """Everything wrong with an inspection's outcome and answers, each in one sentence."""
    problems: list[Message] = []
    if outcome not in OUTCOMES:
        problems.append(
            msg(
                "检查结果“{outcome}”不对，应为已检查、到访不遇或拒绝入户。",
                outcome=outcome,
            )
        )
        return problems
    codes = {i.code for i in template.items}
    unknown = [c for c in answers if c not in codes]
    if unknown:
        problems.append(
            msg(
                "第 {version} 版检查表没有检查项 {codes}。",
                version=template.version,
                codes=joined(unknown, msg("、")),
            )
        )
    for code, a in answers.items():
        if a.answer not in ANSWERS:
            problems.append(
                msg(
                    "检查项 {code} 的结果“{answer}”不对，应为合格、隐患或不适用。",
                    code=code,
                    answer=a.answer,
                )
            )
        elif a.answer == HAZARD and a.grade is not None and a.grade not in GRADES:
            problems.append(
                msg(
                    "检查项 {code} 的等级“{grade}”不是重大、一般或提示。",
                    code=code,
                    grade=a.grade,
                )
            )
    if outcome == DONE:
        missing = [i.label for i in template.items if i.code not in answers]
        if missing:
            problems.append(
                msg(
                    "已检查的记录须填完每一项，还缺 {n} 项：{items}。",
                    n=len(missing),
                    items=joined(missing, msg("、")),
                )
            )
    elif answers:
        problems.append(
            msg(
                "{outcome}时没有检查，不填检查项（填了 {n} 项）。",
                outcome=word(outcome),
                n=len(answers),
            )
        )
    return problems


def deadline_for(template: ChecklistTemplate, grade: str, found_on: date) -> date | None:
    """When a hazard of this grade must be put right (None: no deadline, 提示)."""
    days = template.policy(grade).deadline_days
    return None if days is None else found_on + timedelta(days=days)


def reminder_for(template: ChecklistTemplate, grade: str, found_on: date) -> date | None:
    """The day the household is reminded (一般: day 15), None if the grade has none."""
    days = template.policy(grade).reminder_days
    return None if days is None else found_on + timedelta(days=days)


def stop_use(template: ChecklistTemplate, grades: Iterable[str]) -> bool:
    """Whether any of these grades means stopping gas use on the spot (重大)."""
    return any(template.policy(g).stop_use for g in set(grades))


# -- a hazard's state -------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of a hazard: what was done, on which day, the new deadline it set (a failed
    recheck, a second notice), and who did it. ``id`` orders steps of one day."""

    id: str
    action: str
    on: date
    deadline: date | None = None
    note: str = ""
    by: str = ""


@dataclass(frozen=True)
class HazardState:
    """Where a hazard stands after its steps (as of a day, or now)."""

    status: str
    deadline: date | None
    fixed_on: date | None = None  # reported put right, waiting for the recheck
    closed_on: date | None = None  # recheck passed
    escalated_on: date | None = None
    rechecks: int = 0
    failed_rechecks: int = 0
    last_on: date | None = None  # the latest step's day

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue_days(self, on: date) -> int:
        """Whole days past the deadline as of ``on`` for a hazard not put right, else 0."""
        if self.status not in LATE_STATUSES or self.deadline is None or on <= self.deadline:
            return 0
        return (on - self.deadline).days

    @property
    def recheck_due(self) -> date | None:
        """When the worker should go and look: the day it was reported put right; for one
        not yet put right, its deadline."""
        if self.status == FIXED:
            return self.fixed_on
        if self.status in LATE_STATUSES:
            return self.deadline
        return None


def ordered_steps(steps: Iterable[Step]) -> list[Step]:
    """Steps in the order they count: by day, then id (uuid7: the order they were made)."""
    return sorted(steps, key=lambda s: (s.on, s.id))


def hazard_state(
    deadline: date | None, steps: Iterable[Step], as_of: date | None = None
) -> HazardState:
    """The state a hazard found with this ``deadline`` is in after ``steps`` (only those on
    or before ``as_of`` if given). Total: every sequence of steps has one state, so
    replicas holding the same records agree whatever order they arrived in."""
    status = PENDING if deadline is not None else INFORMED
    fixed_on = closed_on = escalated_on = last_on = None
    rechecks = failed = 0
    for s in ordered_steps(steps):
        if as_of is not None and s.on > as_of:
            break
        last_on = s.on
        if s.action == STEP_FIXED:
            status, fixed_on, closed_on = FIXED, s.on, None
        elif s.action == STEP_PASSED:
            status, closed_on = PASSED, s.on
            fixed_on = fixed_on or s.on
            rechecks += 1
        elif s.action == STEP_FAILED:
            status, fixed_on, closed_on = PENDING, None, None
            deadline = s.deadline or deadline
            rechecks += 1
            failed += 1
        elif s.action == STEP_REFUSED:
            status = REFUSED_FIX
            deadline = s.deadline or deadline
        elif s.action == STEP_ESCALATED:
            status, escalated_on = ESCALATED, s.on
        # An action this program does not know (a newer one's) changes nothing.
    return HazardState(
        status, deadline, fixed_on, closed_on, escalated_on, rechecks, failed, last_on
    )


def allowed_actions(state: HazardState) -> tuple[str, ...]:
    """The steps that may follow a state (what the forms and commands offer)."""
    if state.status == PENDING:
        return (STEP_FIXED, STEP_PASSED, STEP_FAILED, STEP_REFUSED, STEP_ESCALATED)
    if state.status == FIXED:
        return (STEP_PASSED, STEP_FAILED)
    if state.status == REFUSED_FIX:
        return (STEP_FIXED, STEP_PASSED, STEP_FAILED, STEP_ESCALATED)
    if state.status == ESCALATED:
        return (STEP_FIXED, STEP_PASSED, STEP_FAILED)
    if state.status == INFORMED:
        return (STEP_FIXED, STEP_PASSED)
    return ()


def step_problem(state: HazardState, action: str, on: date, found_on: date) -> Message | None:
    """Why this step cannot be recorded now (None: it can)."""
    if action not in ACTIONS:
        return msg("不认识的整改步骤“{action}”。", action=action)
    if action not in allowed_actions(state):
        return msg(
            "这条隐患现在是“{status}”，不能再记“{action}”。",
            status=word(state.status),
            action=word(action),
        )
    if on < found_on:
        return msg("日期 {on} 早于发现隐患的日期 {found}。", on=on, found=found_on)
    if state.last_on is not None and on < state.last_on:
        return msg("日期 {on} 早于上一步的日期 {last}。", on=on, last=state.last_on)
    return None


# -- when a household is due --------------------------------------------------------------------

DueKind = Literal["gas_due", "gas_retry"]


@dataclass(frozen=True)
class Attempt:
    """One inspection of a household: its day and outcome."""

    on: date
    outcome: str


@dataclass(frozen=True)
class GasDue:
    """When the household's next check is due, and why."""

    due: date
    kind: DueKind  # gas_retry: nobody was home last time
    last_done: date | None  # the latest done inspection
    failed: Attempt | None = None  # the latest failed attempt since (到访不遇/拒绝入户)

    def days_overdue(self, on: date) -> int:
        return max(0, (on - self.due).days)


def household_due(since: date, attempts: Iterable[Attempt], template: ChecklistTemplate) -> GasDue:
    """When a household recorded on ``since`` is next due, after these attempts."""
    seen = list(attempts)
    since = min([since, *(a.on for a in seen)])  # inspected before entered in the roster
    done = [a.on for a in seen if a.outcome == DONE]
    last_done = max(done) if done else None
    due = add_months(last_done, template.inspection_interval_months) if last_done else since
    failed = [
        a
        for a in seen
        if a.outcome in (ABSENT, REFUSED) and (last_done is None or a.on > last_done)
    ]
    latest = max(failed, key=lambda a: (a.on, a.outcome)) if failed else None
    kind: DueKind = "gas_due"
    if latest is not None:
        days = (
            template.absent_retry_days if latest.outcome == ABSENT else template.refused_retry_days
        )
        retry = latest.on + timedelta(days=days)
        if retry > due:
            due = retry
            kind = "gas_retry" if latest.outcome == ABSENT else "gas_due"
    return GasDue(due, kind, last_done, latest)


# -- month figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFacts:
    since: date  # recorded
    attempts: tuple[Attempt, ...]


@dataclass(frozen=True)
class HazardFacts:
    grade: str
    found_on: date
    deadline: date | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class GasMonth:
    """One month's gas-safety figures for a micro-grid or the community.

    ``due``: households whose check was due by the month's end (from the checks before the
    month); ``inspected_of_due``: of those, checked in the month; ``inspected``: households
    checked in the month at all. ``found``: hazards found, by grade. ``rectified``: hazards
    put right in the month (reported, or found right at a recheck); ``rechecked``: rechecks
    made (``recheck_failed`` of them found it still wrong); ``escalated``: hazards reported
    up; ``overdue`` and ``open``: at the month's end (or ``as_of`` within it).
    """

    households: int = 0
    due: int = 0
    inspected_of_due: int = 0
    inspected: int = 0
    inspections: int = 0
    absent: int = 0
    refused: int = 0
    found: tuple[tuple[str, int], ...] = tuple((g, 0) for g in GRADES)
    rectified: int = 0
    rechecked: int = 0
    recheck_failed: int = 0
    escalated: int = 0
    overdue: int = 0
    open: int = 0

    @property
    def hazards_found(self) -> int:
        return sum(n for _g, n in self.found)

    def found_of(self, grade: str) -> int:
        return dict(self.found).get(grade, 0)

    def plus(self, other: GasMonth) -> GasMonth:
        """The sum of two rows (the community's total)."""
        found = dict(self.found)
        for g, n in other.found:
            found[g] = found.get(g, 0) + n
        return GasMonth(
            **{
                f: getattr(self, f) + getattr(other, f)
                for f in (
                    "households",
                    "due",
                    "inspected_of_due",
                    "inspected",
                    "inspections",
                    "absent",
                    "refused",
                    "rectified",
                    "rechecked",
                    "recheck_failed",
                    "escalated",
                    "overdue",
                    "open",
                )
            },
            found=tuple(found.items()),
        )


def _rectified_on(steps: Sequence[Step]) -> list[date]:
    """The days a hazard was put right: each 已整改, and each 复查合格 not preceded by one
    (since the last failed recheck)."""
    days: list[date] = []
    reported = False
    for s in ordered_steps(steps):
        if s.action == STEP_FIXED:
            days.append(s.on)
            reported = True
        elif s.action == STEP_PASSED:
            if not reported:
                days.append(s.on)
            reported = False
        elif s.action == STEP_FAILED:
            reported = False
    return days


def month_figures(
    households: Iterable[HouseholdFacts],
    hazards: Iterable[HazardFacts],
    first: date,
    last: date,
    template: ChecklistTemplate,
    as_of: date | None = None,
) -> GasMonth:
    """The figures of the month ``first``..``last``; states are taken at ``as_of`` (the
    month's last day by default; today for the month under way)."""
    at = min(last, as_of) if as_of is not None else last
    n_households = due = of_due = inspected = inspections = absent = refused = 0
    for h in households:
        # A household inspected before it was entered in the roster existed then.
        since = min([h.since, *(a.on for a in h.attempts)])
        if since > last:
            continue
        n_households += 1
        before = [a for a in h.attempts if a.on < first]
        within = [a for a in h.attempts if first <= a.on <= last]
        done_within = any(a.outcome == DONE for a in within)
        inspections += sum(1 for a in within if a.outcome == DONE)
        absent += sum(1 for a in within if a.outcome == ABSENT)
        refused += sum(1 for a in within if a.outcome == REFUSED)
        inspected += done_within
        if household_due(since, before, template).due <= last:
            due += 1
            of_due += done_within
    found = dict.fromkeys(GRADES, 0)
    rectified = rechecked = failed = escalated = overdue = still_open = 0
    for z in hazards:
        if z.found_on > last:
            continue
        if z.found_on >= first:
            found[z.grade] = found.get(z.grade, 0) + 1
        steps = [s for s in z.steps if s.on <= last]
        in_month = [s for s in steps if s.on >= first]
        rectified += any(first <= d <= last for d in _rectified_on(steps))
        rechecked += sum(1 for s in in_month if s.action in (STEP_PASSED, STEP_FAILED))
        failed += sum(1 for s in in_month if s.action == STEP_FAILED)
        escalated += any(s.action == STEP_ESCALATED for s in in_month)
        if z.found_on <= at:
            state = hazard_state(z.deadline, z.steps, as_of=at)
            overdue += state.overdue_days(at) > 0
            still_open += state.is_open
    return GasMonth(
        households=n_households,
        due=due,
        inspected_of_due=of_due,
        inspected=inspected,
        inspections=inspections,
        absent=absent,
        refused=refused,
        found=tuple(found.items()),
        rectified=rectified,
        rechecked=rechecked,
        recheck_failed=failed,
        escalated=escalated,
        overdue=overdue,
        open=still_open,
    )
