"""What each printed document shows: plain dataclasses, filled by the store layer.

The documents render from these models only, so a document can be tested from a
hand-built model and each later feature fills its part: a field left at its default
(``None``, empty) means "no such records yet", and its section is left off the page
(the blank boxes to fill in by hand always stay).

Who fills what (the roster fills the rest today, see store/print_data.py):

* care flags and visits: ``SheetMember.care_colour``, ``HouseholdSheet.care_colour``,
  ``HouseholdSheet.last_visit``, ``HouseholdSheet.open_needs``, the whole ``WeekRoute``,
  ``MonthFigures.visits``, ``MonthFigures.care``, ``MonthFigures.needs``;
* gas inspections: ``HouseholdSheet.last_inspection``, ``HouseholdSheet.open_hazards``,
  ``HazardNotice``, gas stops in ``WeekRoute``, ``MonthFigures.gas``.

Full ID and phone numbers may be put in the models: the documents always print them
masked, and never print a sensitive tag (PIPL Art. 28), whoever filled the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gridworker.core.gas_checklist import ChecklistTemplate

__all__ = [
    "CARE_COLOURS",
    "CareCoverage",
    "GasFigures",
    "HazardNotice",
    "HouseholdSheet",
    "LastInspection",
    "LastVisit",
    "MonthFigures",
    "MonthReport",
    "NeedFigures",
    "OpenHazard",
    "OpenNeed",
    "RouteStop",
    "SheetMember",
    "VisitFigures",
    "WeekRoute",
]

CARE_COLOURS = ("红", "黄", "绿")  # most urgent first


def _address(estate: str, building: str, unit: str, room: str) -> str:
    return f"{estate}{building}{unit}{room}"


# --------------------------------------------------------------------- household sheet


@dataclass(frozen=True)
class SheetMember:
    """One person on a household sheet."""

    name: str
    sex: str = ""
    age: int | None = None
    relation: str = ""
    id_number: str = ""  # printed masked: 510104********1234
    phone: str = ""  # printed masked: 138****5678
    tags: tuple[str, ...] = ()  # only the non-sensitive ones are printed
    care_colour: str | None = None  # 红/黄/绿 (care flags)


@dataclass(frozen=True)
class LastVisit:
    """The household's latest visit (visits)."""

    on: date
    method: str  # 入户 / 电话 / 视频 / 到访不遇
    visitor: str = ""
    summary: str = ""


@dataclass(frozen=True)
class OpenNeed:
    """A need (诉求) not yet closed (visits)."""

    text: str
    raised_on: date | None = None
    deadline: date | None = None
    owner: str = ""


@dataclass(frozen=True)
class LastInspection:
    """The household's latest gas inspection (gas inspections)."""

    on: date
    inspector: str = ""
    result: str = ""  # 合格 / 有隐患 / 到访不遇


@dataclass(frozen=True)
class OpenHazard:
    """A hazard not yet rectified (gas inspections)."""

    item_label: str
    grade: str
    deadline: date | None = None


@dataclass(frozen=True)
class HouseholdSheet:
    """入户走访登记表: one household, one page (more when the members do not fit)."""

    household_id: str
    printed_on: date
    community: str = ""
    micro_grid: str = ""
    estate: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    head_name: str = ""
    phone: str = ""
    house_use: str = ""
    worker: str = ""
    members: tuple[SheetMember, ...] = ()
    checklist: ChecklistTemplate | None = None
    care_colour: str | None = None  # the household's most urgent colour (care flags)
    last_visit: LastVisit | None = None  # (visits)
    open_needs: tuple[OpenNeed, ...] = ()  # (visits)
    last_inspection: LastInspection | None = None  # (gas inspections)
    open_hazards: tuple[OpenHazard, ...] = ()  # (gas inspections)

    @property
    def address(self) -> str:
        return _address(self.estate, self.building, self.unit, self.room)


# ------------------------------------------------------------------------ hazard notice


@dataclass(frozen=True)
class HazardNotice:
    """燃气安全隐患整改通知书 for one hazard (gas inspections fill it)."""

    hazard_id: str
    notice_no: str  # printed on both parts, e.g. "2025-0007"
    found_on: date
    item_label: str
    grade: str  # 重大 / 一般 / 提示
    found: str  # what the inspector saw
    community: str = ""
    micro_grid: str = ""
    estate: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    head_name: str = ""
    phone: str = ""  # printed masked
    deadline: date | None = None
    recheck_on: date | None = None
    inspector: str = ""
    requirement: str = ""  # what to do (the grade's action, or the inspector's words)
    stop_use: bool = False  # 重大: stop using gas at once
    second_notice: bool = False  # 再次通知 after a refusal

    @property
    def address(self) -> str:
        return _address(self.estate, self.building, self.unit, self.room)


# ------------------------------------------------------------------------ week route


@dataclass(frozen=True)
class RouteStop:
    """One household to call at this week, and why."""

    household_id: str
    estate: str
    building: str
    unit: str
    room: str
    head_name: str = ""
    reasons: tuple[str, ...] = ()  # "红色关爱 逾期3天", "隐患复查 6月3日到期", "诉求回访"
    urgency: int = 100  # lower is more urgent (overdue red first)
    due: date | None = None
    care_colour: str | None = None
    phone: str = ""  # printed masked

    @property
    def address(self) -> str:
        return _address(self.estate, self.building, self.unit, self.room)


@dataclass(frozen=True)
class WeekRoute:
    """本周走访清单: the worklist for one week (care flags, visits, gas fill it)."""

    week_start: date  # the Monday
    community: str = ""
    micro_grid: str = ""
    worker: str = ""
    stops: tuple[RouteStop, ...] = ()


# ------------------------------------------------------------------------ month report


@dataclass(frozen=True)
class VisitFigures:
    visits: int
    households_visited: int
    in_person: int = 0
    by_phone: int = 0
    not_home: int = 0


@dataclass(frozen=True)
class CareCoverage:
    """Flagged residents of one colour and how many were visited within their interval."""

    colour: str  # 红 / 黄 / 绿
    flagged: int
    covered: int


@dataclass(frozen=True)
class NeedFigures:
    raised: int
    solved_on_spot: int = 0
    passed_up: int = 0
    closed: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class GasFigures:
    inspections: int
    households_inspected: int = 0
    hazards_found: int = 0
    rectified: int = 0
    overdue: int = 0
    due: int = 0  # households due for their check by the month's end
    major: int = 0  # of the hazards found, 重大
    rechecked: int = 0
    escalated: int = 0
    not_home: int = 0  # attempts: 到访不遇 or 拒绝入户


@dataclass(frozen=True)
class MonthFigures:
    """One row of the month report: a worker, a micro-grid, or the whole community."""

    label: str
    households: int
    residents: int
    new_residents: int = 0  # recorded this month
    moved_out: int = 0  # this month
    deceased: int = 0  # this month
    visits: VisitFigures | None = None  # (visits)
    care: tuple[CareCoverage, ...] | None = None  # (care flags)
    needs: NeedFigures | None = None  # (visits)
    gas: GasFigures | None = None  # (gas inspections)


@dataclass(frozen=True)
class MonthReport:
    """月度工作报表."""

    month: str  # YYYY-MM
    community: str
    scope: str  # "第三微网格" or the community
    prepared_by: str
    made_on: date
    rows: tuple[MonthFigures, ...] = ()  # one per micro-grid (one for a worker)
    total: MonthFigures | None = None  # the community (office, several micro-grids)
    notes: tuple[str, ...] = field(default=())
