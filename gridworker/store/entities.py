"""The synced entities: which table holds each, its fields, labels and sync scope.

The write path, the merge rule, snapshots, sync routing, the bundle schema, history and
conflict labels are all generic over this registry, so a new kind of record (visits,
care flags, inspections…) is one :class:`EntitySpec` here plus the migration that makes
its table — see "Adding a kind of record" in docs/architecture.md. Tests hold every spec
to its table, to the bundle schema and to the interface's wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from gridworker.core.messages import Term, term
from gridworker.core.people import SPECIAL_TAGS
from gridworker.core.visits import PURPOSES
from gridworker.store.fields import Field, FieldKind, element_field, split_element

__all__ = [
    "CARE_EVENT",
    "CARE_FLAG",
    "ENTITIES",
    "GAS_HAZARD",
    "GAS_HAZARD_STEP",
    "GAS_INSPECTION",
    "HOUSEHOLD",
    "MICRO_GRID",
    "NEED",
    "POLICY",
    "RESIDENT",
    "VISIT",
    "EntitySpec",
    "Field",
    "element_field",
    "field_label",
    "field_label_en",
    "field_term",
    "is_link",
    "record_term",
    "register",
    "spec",
    "split_element",
    "unregister",
]

VOIDED = Field("voided", "已作废", "Voided", "bool")
VOID_REASON = Field("void_reason", "作废原因", "Reason for voiding", "text")
MERGED_SEEN = Field("merged_seen", "合并时的版本", "Version when merged", "text")
"""Of a merged record: a digest of its field clocks when it was merged, so edits made to
it afterwards (on a device that had not seen the merge) are found (store/duplicates.py)."""


MERGE_FIELDS = frozenset({"merged_into", "merged_seen"})
"""The bookkeeping fields of a mergeable kind (not facts about the person or household)."""


def merged_into_field(entity: str) -> Field:
    """The field of a record merged into another record of its kind (a duplicate)."""
    return Field("merged_into", "合并到", "Merged into", "ref", ref=entity)


@dataclass(frozen=True)
class EntitySpec:
    """One kind of synced record.

    ``parent``: (field, entity) of the ONE record this one belongs to; it decides the
    record's micro-grid (sync scope) when ``scope_field`` does not. Any other link to a
    record is a ``ref`` field, or a ``set`` of refs. ``scope_field``: the field holding
    the micro-grid id directly (``"id"`` for the micro-grid itself). ``voidable``: the
    record can be voided (entered by mistake): the fields ``voided`` and ``void_reason``
    are added, and :meth:`Store.void` sets them. ``title``: the fields that name a record
    for a person (conflict lists, refusals), joined by spaces; ``title_parent``: followed
    by its parent's title in brackets (a resident: 张静华（致强小区 1栋 101）).
    ``community_wide``: the record belongs to the whole community, not to a micro-grid
    (the office's rule documents): its operations carry no micro-grid and every
    micro-grid's bundle carries them. ``mergeable``: two records of one thing entered on
    two devices (a person, a household) can be merged: the fields ``merged_into`` and
    ``merged_seen`` are added (store/duplicates.py).
    """

    name: str
    table: str
    label_zh: str
    label_en: str
    plural_en: str
    fields: tuple[Field, ...]
    parent: tuple[str, str] | None = None
    scope_field: str | None = None
    voidable: bool = False
    title: tuple[str, ...] = ()
    title_parent: bool = False
    community_wide: bool = False
    mergeable: bool = False

    # Worked out once from the above (hot paths test names, not Field objects).
    field_names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)
    kinds: Mapping[str, FieldKind] = field(init=False, repr=False, compare=False)
    set_fields: frozenset[str] = field(init=False, repr=False, compare=False)
    names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        fields = self.fields
        if self.voidable:  # (already there when a spec is copied with dataclasses.replace)
            fields += tuple(f for f in (VOIDED, VOID_REASON) if f not in fields)
        if self.mergeable:
            merge_fields = (merged_into_field(self.name), MERGED_SEEN)
            fields += tuple(f for f in merge_fields if f not in fields)
        names = tuple(f.name for f in fields)
        put = object.__setattr__
        put(self, "fields", fields)
        put(self, "field_names", names)
        put(self, "by_name", MappingProxyType({f.name: f for f in fields}))
        put(self, "kinds", MappingProxyType({f.name: f.kind for f in fields}))
        put(self, "set_fields", frozenset(f.name for f in fields if f.kind == "set"))
        put(self, "names", frozenset(names))
        self._check()

    def _check(self) -> None:
        problems = []
        if not self.name.replace("_", "").isalnum() or not self.name.islower():
            problems.append("name: lower-case letters, digits and _ only")
        if len(set(self.field_names)) != len(self.field_names):
            problems.append("a field name is used twice")
        if {"id", "_clock"} & self.names:
            problems.append("'id' and '_clock' are columns of every table, not fields")
        if self.parent is not None:
            pf, pe = self.parent
            f = self.by_name.get(pf)
            if f is None or f.kind != "ref" or f.ref != pe:
                problems.append(f"parent {self.parent}: needs a ref field {pf!r} to {pe!r}")
        if self.scope_field not in (None, "id") and self.scope_field not in self.names:
            problems.append(f"scope_field {self.scope_field!r} is not a field")
        for t in self.title:
            if t not in self.names:
                problems.append(f"title field {t!r} is not a field")
        if self.community_wide and (self.parent is not None or self.scope_field is not None):
            problems.append("a community-wide record has no parent or scope field")
        if self.title_parent and self.parent is None:
            problems.append("title_parent without a parent")
        if not (self.label_zh and self.label_en and self.plural_en):
            problems.append("needs Chinese and English labels")
        if problems:
            raise ValueError(f"entity {self.name!r}: " + "; ".join(problems))

    @property
    def label(self) -> str:
        """The Chinese name of one record (居民), as the lower layers' sentences use it."""
        return self.label_zh

    @property
    def list_fields(self) -> frozenset[str]:
        """The set fields (the name older code used)."""
        return self.set_fields

    def accepts(self, name: str) -> bool:
        """Whether an operation may carry this field: one of ours, or an element of a set."""
        if name in self.names:
            return True
        split = split_element(name)
        return split is not None and split[0] in self.set_fields and split[1] != ""

    def live_sql(self, alias: str = "") -> str:
        """SQL condition keeping the records not voided nor merged into another (``1`` for a
        kind that can be neither), for the screens' queries: ``WHERE {spec.live_sql('v')} AND …``."""
        prefix = alias + "." if alias else ""
        conditions = []
        if self.voidable:
            conditions.append(f"{prefix}voided IS NOT 1")
        if self.mergeable:
            conditions.append(f"{prefix}merged_into IS NULL")
        return " AND ".join(conditions) or "1"


# -- the entities ------------------------------------------------------------------------

_TAG_RANK = {t: i for i, t in enumerate(SPECIAL_TAGS)}


def _tag_order(tag: str) -> tuple[int, str]:
    """Tags in the order of the care categories (as lists and sheets show them)."""
    return (_TAG_RANK.get(tag, len(_TAG_RANK)), tag)


MICRO_GRID = EntitySpec(
    name="micro_grid",
    table="micro_grid",
    label_zh="微网格",
    label_en="Micro-grid",
    plural_en="micro-grids",
    fields=(
        Field("name", "名称", "Name"),
        Field("community", "社区", "Community"),
        Field("notes", "备注", "Notes"),
    ),
    scope_field="id",
    title=("name",),
)

HOUSEHOLD = EntitySpec(
    name="household",
    table="household",
    label_zh="户",
    label_en="Household",
    plural_en="households",
    fields=(
        Field("micro_grid_id", "微网格", "Micro-grid", "ref", ref="micro_grid"),
        Field("estate", "小区", "Estate"),
        Field("building", "楼栋", "Building"),
        Field("unit", "单元", "Unit"),
        Field("room", "房号", "Room"),
        Field("head_name", "户主", "Head of household"),
        Field("house_use", "房屋用途", "House use"),
        Field("residency", "人户状态", "Residency"),
        Field("phone", "联系电话", "Phone", sensitive=True),
        Field("notes", "备注", "Notes"),
    ),
    parent=("micro_grid_id", "micro_grid"),
    scope_field="micro_grid_id",
    title=("estate", "building", "unit", "room"),
    mergeable=True,
)

RESIDENT = EntitySpec(
    name="resident",
    table="resident",
    label_zh="居民",
    label_en="Resident",
    plural_en="residents",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("name", "姓名", "Name"),
        Field("id_number", "身份证号", "ID number", sensitive=True),
        Field("sex", "性别", "Sex"),
        # Text, not "date": rosters of earlier versions hold whatever text they accepted,
        # and every bundle carries those operations again (a kind never narrows).
        Field("birth_date", "出生日期", "Birth date"),
        Field("ethnicity", "民族", "Ethnicity"),
        Field("phone", "联系电话", "Phone", sensitive=True),
        Field("relation", "与户主关系", "Relation to head"),
        Field("population_type", "人口类型", "Population type"),
        Field("status", "状态", "Status"),
        Field("status_date", "状态日期", "Status date"),
        Field("tags", "人员类别", "Special groups", "set", sensitive=True, order=_tag_order),
        Field("notes", "备注", "Notes"),
    ),
    parent=("household_id", "household"),
    title=("name",),
    title_parent=True,
    mergeable=True,
)


POLICY = EntitySpec(
    name="policy",
    table="policy",
    label_zh="规则",
    label_en="Rules",
    plural_en="rule documents",
    fields=(
        Field("kind", "规则类别", "Kind of rules"),
        Field("version", "版本", "Version", "int"),
        Field("content", "内容", "Content"),
        Field("note", "说明", "Note"),
    ),
    title=("kind", "version"),
    community_wide=True,
)
"""One version of a rule document the office sets for its whole community (the care
policy, the gas checklist): kept per version, so a record made under an older version
still reads right. See :mod:`gridworker.store.policies`."""

# -- gas safety (issue 13) ---------------------------------------------------------------------

GAS_INSPECTION = EntitySpec(
    name="gas_inspection",
    table="gas_inspection",
    label_zh="燃气检查",
    label_en="Gas inspection",
    plural_en="gas inspections",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("inspected_on", "检查日期", "Inspected on", "date"),
        Field("outcome", "检查情况", "Outcome"),
        Field("template_version", "检查表版本", "Checklist version", "int"),
        Field("inspector", "检查人", "Inspector"),
        Field("signed", "户主已签字", "Signed by the household", "bool"),
        # "leak=合格": one element an item, merged element by element (docs/architecture.md)
        Field("answers", "检查结果", "Answers", "set"),
        Field("item_notes", "检查项说明", "Item notes", "set"),  # "leak=灶前阀起泡"
        Field("notes", "备注", "Notes"),
    ),
    parent=("household_id", "household"),
    voidable=True,
    title=("inspected_on", "outcome"),
    title_parent=True,
)
"""One call at a household to check its gas installation (or an attempt: 到访不遇, 拒绝入户),
answered against one version of the checklist template: each item's answer is an element
``code=answer`` of the ``answers`` set (its note one of ``item_notes``), so edits of
different items on two devices both survive and an item answered two ways by two devices
shows both (core/gas_rules.read_answers)."""

GAS_HAZARD = EntitySpec(
    name="gas_hazard",
    table="gas_hazard",
    label_zh="燃气隐患",
    label_en="Gas hazard",
    plural_en="gas hazards",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("inspection_id", "燃气检查", "Gas inspection", "ref", ref="gas_inspection"),
        Field("item", "检查项", "Item"),
        Field("grade", "隐患等级", "Grade"),
        Field("found", "发现情况", "What was found"),
        Field("found_on", "发现日期", "Found on", "date"),
        Field("deadline", "整改期限", "Deadline", "date"),
    ),
    parent=("household_id", "household"),
    voidable=True,
    title=("item", "grade"),
    title_parent=True,
)
"""A 隐患 answer, tracked until it is put right and rechecked or escalated; its status is
the fold of its steps (core/gas_rules.hazard_state)."""

GAS_HAZARD_STEP = EntitySpec(
    name="gas_hazard_step",
    table="gas_hazard_step",
    label_zh="整改记录",
    label_en="Hazard step",
    plural_en="hazard steps",
    fields=(
        Field("hazard_id", "燃气隐患", "Gas hazard", "ref", ref="gas_hazard"),
        Field("action", "步骤", "Step"),
        Field("step_on", "日期", "Date", "date"),
        Field("deadline", "新整改期限", "New deadline", "date"),
        Field("note", "说明", "Note"),
        Field("done_by", "经办人", "Done by"),
    ),
    parent=("hazard_id", "gas_hazard"),
    voidable=True,
    title=("step_on", "action"),
)
"""One dated step of a hazard (已整改, 复查合格, 复查未通过, 拒不整改, 已上报): made once,
never edited (only voided when entered by mistake), so two devices' steps both count."""

# -- care flags, major events, visits and needs (issue 12) ----------------------------------

_PURPOSE_RANK = {p: i for i, p in enumerate(PURPOSES)}


def _purpose_order(purpose: str) -> tuple[int, str]:
    """Purposes in the forms' order."""
    return (_PURPOSE_RANK.get(purpose, len(_PURPOSE_RANK)), purpose)


CARE_FLAG = EntitySpec(
    name="care_flag",
    table="care_flag",
    label_zh="关爱标记",
    label_en="Care flag",
    plural_en="care flags",
    fields=(
        Field("resident_id", "居民", "Resident", "ref", ref="resident"),
        Field("colour", "关爱颜色", "Care colour"),
        Field("categories", "关爱类别", "Care categories", "set", sensitive=True, order=_tag_order),
        Field("reason", "原因", "Reason", sensitive=True),
        Field("set_by", "标记人", "Set by"),
        Field("set_on", "标记日期", "Set on", "date"),
        Field("review_on", "复核日期", "Review on", "date"),
    ),
    parent=("resident_id", "resident"),
    title=("colour",),
    title_parent=True,
)
"""A resident's three-colour care flag: one per resident (its id is derived from the
resident's, so two devices flagging the same person make one record). ``colour`` is
red/yellow/green or no value (no longer flagged); ``set_on`` is the day the current
colour was set (a raised colour applies from that day). Every change is in the log."""

CARE_EVENT = EntitySpec(
    name="care_event",
    table="care_event",
    label_zh="重大事件",
    label_en="Major event",
    plural_en="major events",
    fields=(
        Field("resident_id", "居民", "Resident", "ref", ref="resident"),
        Field("kind", "事件类别", "Kind of event"),
        Field("happened_on", "发生日期", "Date", "date"),
        Field("note", "说明", "Note", sensitive=True),
    ),
    parent=("resident_id", "resident"),
    voidable=True,
    title=("kind", "happened_on"),
    title_parent=True,
)
"""A major event in a resident's life (hospital discharge, extreme weather, bereavement):
a home visit is due within the policy's hours whatever the colour."""

VISIT = EntitySpec(
    name="visit",
    table="visit",
    label_zh="走访",
    label_en="Visit",
    plural_en="visits",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("visited_on", "走访日期", "Visit date", "date"),
        Field("visit_time", "走访时间", "Time"),
        Field("method", "走访方式", "Method"),
        Field("purposes", "走访事由", "Purposes", "set", order=_purpose_order),
        Field("residents_met", "见到的居民", "Residents met", "set", ref="resident"),
        Field("situation", "走访情况", "Situation", sensitive=True),
        Field("bp_systolic", "血压（高压）", "Blood pressure (systolic)", "int", sensitive=True),
        Field("bp_diastolic", "血压（低压）", "Blood pressure (diastolic)", "int", sensitive=True),
        Field("follow_up_on", "回访日期", "Follow-up date", "date"),
        Field("visitors", "走访人", "Visitors", "set"),
    ),
    parent=("household_id", "household"),
    voidable=True,
    title=("visited_on", "method"),
    title_parent=True,
)
"""One visit to a household (入户, a phone call, a video call, or 到访不遇). It counts
for the residents met, never for 到访不遇."""

NEED = EntitySpec(
    name="need",
    table="need",
    label_zh="诉求",
    label_en="Need",
    plural_en="needs",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("resident_id", "提出人", "Raised by", "ref", ref="resident"),
        Field("visit_id", "登记时的走访", "Recorded at visit", "ref", ref="visit"),
        Field("raised_on", "登记日期", "Raised on", "date"),
        Field("source", "来源", "Source"),
        Field("category", "类别", "Category"),
        Field("text", "诉求内容", "Need"),
        Field("solved_on", "现场解决日期", "Solved on the spot on", "date"),
        Field("solution", "解决情况", "How it was solved"),
        Field("reported_on", "上报日期", "Passed up on", "date"),
        Field("owner", "承办人", "Owner"),
        Field("deadline", "办理期限", "Deadline", "date"),
        Field("feedback_on", "反馈日期", "Fed back on", "date"),
        Field("result", "办理结果", "Result"),
        Field("revisit_on", "回访日期", "Revisited on", "date"),
        Field("satisfaction", "满意度", "Satisfaction"),
        Field("revisit_note", "回访情况", "Revisit note"),
    ),
    parent=("household_id", "household"),
    voidable=True,
    title=("text",),
    title_parent=True,
)
"""A need (诉求) and its closed loop; the status is read from the steps' dates
(:mod:`gridworker.core.needs`), so concurrent steps merge instead of overwriting."""

CARE_KINDS = (CARE_FLAG, CARE_EVENT, VISIT, NEED)

# -- the registry --------------------------------------------------------------------------

ENTITIES: dict[str, EntitySpec] = {}
_version = 0


def register(s: EntitySpec) -> EntitySpec:
    """Add a kind of record (at import of this module; tests add kinds of their own)."""
    global _version
    held = ENTITIES.get(s.name)
    if held is not None and held is not s:
        raise ValueError(f"entity {s.name!r} is registered already")
    ENTITIES[s.name] = s
    _version += 1
    return s


def unregister(name: str) -> None:
    """Remove a kind registered by a test."""
    global _version
    ENTITIES.pop(name, None)
    _version += 1


def registry_version() -> int:
    """Changes whenever a kind is added or removed (caches built from the registry key on it)."""
    return _version


for _s in (MICRO_GRID, HOUSEHOLD, RESIDENT, POLICY, *CARE_KINDS):
    register(_s)
for _s in (GAS_INSPECTION, GAS_HAZARD, GAS_HAZARD_STEP):
    register(_s)


def spec(entity: str) -> EntitySpec:
    """The spec of an entity name; KeyError names the unknown entity."""
    try:
        return ENTITIES[entity]
    except KeyError:
        raise KeyError(f"unknown entity {entity!r}") from None


# -- labels ------------------------------------------------------------------------------------


def _field(entity: str, name: str) -> tuple[Field | None, str | None]:
    """The field an (entity, field or pseudo-field) names, and the set element if any."""
    s = ENTITIES.get(entity)
    if s is None:
        return None, None
    f = s.by_name.get(name)
    if f is not None:
        return f, None
    split = split_element(name)
    if split is not None and split[0] in s.set_fields:
        return s.by_name[split[0]], split[1]
    return None, None


def field_label(entity: str, name: str) -> str:
    """The Chinese label of a field (or of one element of a set: 人员类别「独居老人」)."""
    f, element = _field(entity, name)
    if f is None:
        return name
    return f.label_zh if element is None else f"{f.label_zh}「{element}」"


def field_label_en(entity: str, name: str) -> str:
    """The English label of a field (or of one element of a set: Special groups "独居老人")."""
    f, element = _field(entity, name)
    if f is None:
        return name
    return f.label_en if element is None else f"{f.label_en} “{element}”"


def field_term(entity: str, name: str) -> Term:
    """A field's name in a sentence, which the interface shows in its own language."""
    return term("field", f"{entity}.{name}", field_label(entity, name))


def record_term(entity: str) -> Term:
    """A kind of record's name in a sentence (居民 / Resident)."""
    s = ENTITIES.get(entity)
    return term("record", entity, s.label_zh if s else entity)


def english_label(kind: str, key: str) -> str | None:
    """The English of a :func:`field_term` or :func:`record_term` key, None if unknown.

    A field key without an entity (``phone``, from sentences that name a roster field)
    is looked up among the roster's fields: resident first, then household, micro-grid.
    """
    if kind == "record":
        s = ENTITIES.get(key)
        return s.label_en if s else None
    entity, dot, name = key.partition(".")
    if dot:
        f, _ = _field(entity, name)
        return field_label_en(entity, name) if f is not None else None
    for e in (RESIDENT.name, HOUSEHOLD.name, MICRO_GRID.name):
        f, _ = _field(e, key)
        if f is not None:
            return field_label_en(e, key)
    return None


def is_link(entity: str, name: str) -> bool:
    """A field (or set element) that holds record ids, meaningless to a person reading."""
    f, _ = _field(entity, name)
    return f is not None and f.is_link


# Chinese labels by bare field name, for the roster's sentences (resident's names first).
FIELD_LABELS: dict[str, str] = {
    f.name: f.label_zh for s in (MICRO_GRID, HOUSEHOLD, RESIDENT) for f in s.fields
}
