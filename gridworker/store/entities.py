"""The synced entities: which table holds each and which fields it syncs.

The write path and the merge rule are generic over this registry, so a new kind of
record (visits, care flags, inspections…) is one entry here plus its migration.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntitySpec:
    """How one entity is stored and how its micro-grid (sync scope) is found."""

    name: str
    table: str
    fields: tuple[str, ...]
    list_fields: frozenset[str] = frozenset()
    # Field naming the record this one belongs to, and that record's entity.
    parent: tuple[str, str] | None = None
    # Field holding the micro-grid id directly ("id" for the micro-grid itself).
    scope_field: str | None = None
    label: str = ""


MICRO_GRID = EntitySpec(
    name="micro_grid",
    table="micro_grid",
    fields=("name", "community", "notes"),
    scope_field="id",
    label="微网格",
)

HOUSEHOLD = EntitySpec(
    name="household",
    table="household",
    fields=(
        "micro_grid_id",
        "estate",
        "building",
        "unit",
        "room",
        "head_name",
        "house_use",
        "residency",
        "phone",
        "notes",
    ),
    parent=("micro_grid_id", "micro_grid"),
    scope_field="micro_grid_id",
    label="户",
)

RESIDENT = EntitySpec(
    name="resident",
    table="resident",
    fields=(
        "household_id",
        "name",
        "id_number",
        "sex",
        "birth_date",
        "ethnicity",
        "phone",
        "relation",
        "population_type",
        "status",
        "status_date",
        "tags",
        "notes",
    ),
    list_fields=frozenset({"tags"}),
    parent=("household_id", "household"),
    label="居民",
)

ENTITIES: dict[str, EntitySpec] = {e.name: e for e in (MICRO_GRID, HOUSEHOLD, RESIDENT)}

# Chinese labels of fields, for history and conflict lists.
FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "community": "社区",
    "notes": "备注",
    "micro_grid_id": "微网格",
    "estate": "小区",
    "building": "楼栋",
    "unit": "单元",
    "room": "房号",
    "head_name": "户主",
    "house_use": "房屋用途",
    "residency": "人户状态",
    "phone": "联系电话",
    "household_id": "所在户",
    "id_number": "身份证号",
    "sex": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "relation": "与户主关系",
    "population_type": "人口类型",
    "status": "状态",
    "status_date": "状态日期",
    "tags": "人员类别",
}


def spec(entity: str) -> EntitySpec:
    """The spec of an entity name; KeyError names the unknown entity."""
    try:
        return ENTITIES[entity]
    except KeyError:
        raise KeyError(f"unknown entity {entity!r}") from None


def field_label(entity: str, field: str) -> str:
    """The Chinese label of a field, as shown in history and conflict lists."""
    if entity == "micro_grid" and field == "name":
        return "名称"
    return FIELD_LABELS.get(field, field)
