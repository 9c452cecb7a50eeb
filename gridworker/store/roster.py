"""The validated roster service: households and residents, checked before they are written.

The desktop forms, the CLI and the spreadsheet importer all add and change residents
through these functions or the rules they apply (:mod:`gridworker.core.roster_rules`),
so every resident in the database has a normalised 18-character ID number (birth date
and sex derived from it), a canonical phone number and the controlled vocabularies of
:mod:`gridworker.core.people`; a household has one head (户主) among the people living
there, and its ``head_name`` follows that person's name. Residents are never deleted:
moving out and death are statuses with a date (:func:`set_status`).

This module reads what a rule needs (the household's members) and writes the result in
one transaction; the rules themselves are pure and live in ``core``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

from gridworker.core.duplicates import PersonKey, find_duplicates
from gridworker.core.idcard import parse_id
from gridworker.core.messages import Message, joined, msg, term
from gridworker.core.roster_rules import (
    RELATION_ORDER,
    Member,
    Problem,
    address_key,
    check_household,
    check_resident,
    head_name_problem,
    household_phone_follows,
    members_in_order,
    move_note,
    new_resident_values,
    other_head,
    second_head_problem,
    status_change,
    with_line,
)
from gridworker.core.textnorm import norm_name
from gridworker.store.entities import FIELD_LABELS, HOUSEHOLD, RESIDENT
from gridworker.store.errors import ValidationError
from gridworker.store.merge import from_db
from gridworker.store.ops import Value
from gridworker.store.store import Store

__all__ = [
    "ADDRESS_FIELDS",
    "HOUSEHOLD_FIELDS",
    "RELATION_ORDER",
    "RESIDENT_FIELDS",
    "DuplicatePerson",
    "HouseholdInput",
    "ResidentInput",
    "RosterError",
    "add_household",
    "add_resident",
    "describe",
    "duplicates_for",
    "find_household",
    "get_household",
    "household_head",
    "household_members",
    "person_key",
    "set_status",
    "update_household",
    "update_resident",
]

ADDRESS_FIELDS: tuple[str, ...] = ("estate", "building", "unit", "room")
RESIDENT_FIELDS: tuple[str, ...] = tuple(f for f in RESIDENT.field_names if f != "household_id")
"""What a person gives about a resident (its household is where it is added)."""
HOUSEHOLD_FIELDS: tuple[str, ...] = tuple(f for f in HOUSEHOLD.field_names if f != "micro_grid_id")


def _known(kind: str, fields: Sequence[str], given: Mapping[str, object]) -> None:
    """Refuse fields the record does not have (a caller's mistake, never silently dropped)."""
    unknown = set(given) - set(fields)
    if unknown:
        raise RosterError(f"{kind}没有这些字段：{', '.join(sorted(unknown))}", min(unknown))


class RosterError(ValidationError):
    """A roster value breaks a rule; ``field`` names the field (English key) when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DuplicatePerson(RosterError):
    """The new resident looks like one already in the roster.

    ``matches`` lists ``(resident_id, reason)``; pass ``allow_duplicate=True`` to add
    the person anyway (twins with one name do not exist, namesakes with one ID do not
    either, but the person at the screen decides).
    """

    def __init__(self, message: str, matches: list[tuple[str, str]]) -> None:
        super().__init__(message, "id_number")
        self.matches = matches


@dataclass
class HouseholdInput:
    """A household as typed in a form; ``micro_grid_id`` defaults to the worker's own."""

    estate: str
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    head_name: str | None = None
    house_use: str | None = None
    residency: str | None = None
    phone: str | None = None
    notes: str | None = None
    micro_grid_id: str | None = None


@dataclass
class ResidentInput:
    """A resident as typed in a form or read from a sheet; ``None`` means "not given"."""

    name: str
    id_number: str | None = None
    sex: str | None = None
    birth_date: str | dt.date | None = None
    ethnicity: str | None = None
    phone: str | None = None
    relation: str | None = None
    population_type: str | None = None
    status: str | None = None
    status_date: str | dt.date | None = None
    tags: Sequence[str] | str | None = field(default=None)
    notes: str | None = None

    def raw(self) -> dict[str, object]:
        """The given fields as a mapping for :func:`check_resident`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# ------------------------------------------------------------------------- helpers


def label(field_name: str) -> str:
    """The Chinese name of a field, as used in messages."""
    return FIELD_LABELS.get(field_name, field_name)


def _term(field_name: str) -> Message:
    """The Chinese name of a field in a message (the interface may rename it)."""
    return term("field", field_name, label(field_name))


def describe(field_name: str, message: str) -> str:
    """A message that names its field: "联系电话：手机号应为11位…"."""
    name = label(field_name)
    if message.startswith(name):
        return message
    return msg("{field}：{message}", field=_term(field_name), message=message)


def _raise_first(problems: list[Problem]) -> None:
    """Raise one RosterError carrying every problem, attributed to the first field."""
    if problems:
        raise RosterError(joined([describe(f, m) for f, m in problems], msg("；")), problems[0][0])


# ---------------------------------------------------------------------- households


def _micro_grid_for(store: Store, given: str | None) -> str:
    ident = store.identity
    if ident.role == "worker":
        assert ident.micro_grid_id is not None
        if given is not None and given != ident.micro_grid_id:
            raise RosterError(msg("网格员只能登记本微网格的住户。"), "micro_grid_id")
        return ident.micro_grid_id
    if given is None:
        raise RosterError(msg("社区登记住户时必须指明所属微网格。"), "micro_grid_id")
    if store.get("micro_grid", given) is None:
        raise RosterError(msg("微网格不存在（编号 {id}）。", id=given), "micro_grid_id")
    return given


def add_household(store: Store, household: HouseholdInput) -> str:
    """Register a household at a new address; returns its id.

    The address must name a 小区 and a 房号 and must not be registered already in the
    same micro-grid.
    """
    values, problems = check_household(
        {f.name: getattr(household, f.name) for f in fields(household) if f.name != "micro_grid_id"}
    )
    if "estate" not in values and not any(p[0] == "estate" for p in problems):
        problems.insert(0, ("estate", msg("请填写小区（院落）名称")))
    if "room" not in values and not any(p[0] == "room" for p in problems):
        problems.append(("room", msg("请填写房号")))
    _raise_first(problems)
    mg = _micro_grid_for(store, household.micro_grid_id)
    existing = find_household(
        store,
        mg,
        values.get("estate"),
        values.get("building"),
        values.get("unit"),
        values.get("room"),
    )
    if existing is not None:
        raise RosterError(msg("这个地址已经登记过一户了，请直接在该户下添加居民。"), "room")
    values["micro_grid_id"] = mg
    return store.create("household", values)


def update_household(store: Store, household_id: str, changes: Mapping[str, object]) -> bool:
    """Change fields of a household; returns whether anything changed.

    Empty values clear optional fields (a form's blank box means "none"), but the
    address keeps its 小区 and 房号, and may not move onto another registered household.
    While a member living here is the head (本人), the 户主 name is that member's.
    """
    current = get_household(store, household_id)
    if current is None:
        raise RosterError(msg("户不存在（编号 {id}）。", id=household_id))
    if "micro_grid_id" in changes:
        raise RosterError(msg("不能通过修改住户来更换微网格。"), "micro_grid_id")
    _known("户", HOUSEHOLD_FIELDS, changes)
    values, problems = check_household(changes)
    _raise_first(problems)
    for f in changes:
        if f not in values:
            if f in ("estate", "room"):
                raise RosterError(msg("{field}不能为空。", field=_term(f)), f)
            values[f] = None
    if "head_name" in values:
        head = household_head(store, household_id)
        why = None if head is None else head_name_problem(values["head_name"], head.name)
        if why is not None:
            raise RosterError(why, "head_name")
    if any(f in values for f in ADDRESS_FIELDS):
        merged = {**current, **values}
        other = find_household(
            store,
            str(current["micro_grid_id"]),
            merged["estate"],
            merged["building"],
            merged["unit"],
            merged["room"],
        )
        if other is not None and other != household_id:
            raise RosterError(msg("这个地址已经登记了另一户。"), "room")
    return store.update("household", household_id, values) is not None


def find_household(
    store: Store,
    micro_grid_id: str,
    estate: object,
    building: object,
    unit: object,
    room: object,
) -> str | None:
    """The id of the household at this address in the micro-grid (normalised match), or None."""
    want = address_key(micro_grid_id, estate, building, unit, room)
    for r in store.conn.execute(
        "SELECT id, estate, building, unit, room FROM household WHERE micro_grid_id = ?",
        (micro_grid_id,),
    ):
        if address_key(micro_grid_id, r["estate"], r["building"], r["unit"], r["room"]) == want:
            return str(r["id"])
    return None


def get_household(store: Store, household_id: str) -> dict[str, Value] | None:
    """A household's fields (with ``id``), or None."""
    return store.get("household", household_id)


def household_members(
    store: Store, household_id: str, *, include_left: bool = True
) -> list[dict[str, Value]]:
    """The residents of a household, head first, then spouse, children… and by age.

    ``include_left=False`` leaves out residents who moved out or died.
    """
    cols = ", ".join(RESIDENT.field_names)
    rows = store.conn.execute(
        f"SELECT id, {cols} FROM resident WHERE household_id = ?", (household_id,)
    ).fetchall()
    out = [
        {"id": r["id"], **{f: from_db(RESIDENT, f, r[f]) for f in RESIDENT.field_names}}
        for r in rows
    ]
    if not include_left:
        out = [m for m in out if m.get("status") in (None, "在住")]
    return members_in_order(out)


def _members(store: Store, household_id: str) -> list[Member]:
    """The household's residents as the head rule sees them."""
    return [
        Member(str(r[0]), r[1] or "", r[2], r[3])
        for r in store.conn.execute(
            "SELECT id, name, relation, status FROM resident WHERE household_id = ? ORDER BY id",
            (household_id,),
        )
    ]


def household_head(store: Store, household_id: str) -> Member | None:
    """The member living in the household whose relation is 本人, if any."""
    return next((m for m in _members(store, household_id) if m.is_head), None)


def _check_head(store: Store, household_id: str, me: Member) -> None:
    """Refuse ``me`` as a second living head of the household (one 户主 per household)."""
    other = other_head(_members(store, household_id), me)
    if other is not None:
        raise RosterError(second_head_problem(other.name), "relation")


def _follow_head(store: Store, household_id: str, me: Member) -> None:
    """The household's 户主 name follows its head's (inside the caller's transaction)."""
    if not me.is_head:
        return
    household = get_household(store, household_id)
    if household is not None and household.get("head_name") != me.name:
        store.update("household", household_id, {"head_name": me.name})


def _follow_head_phone(store: Store, household_id: str, old: Value, new: Value) -> None:
    """The household's phone follows its head's corrected number when it was the head's
    (inside the caller's transaction)."""
    household = get_household(store, household_id)
    if household is not None and household_phone_follows(household.get("phone"), old, new):
        store.update("household", household_id, {"phone": new})


# ----------------------------------------------------------------------- residents


def person_key(resident_id: str, household_id: str, values: Mapping[str, Value]) -> PersonKey:
    birth = values.get("birth_date")
    return PersonKey(
        resident_id=resident_id,
        household_id=household_id,
        name=str(values.get("name") or ""),
        id_number=str(values["id_number"]) if values.get("id_number") else None,
        birth_date=dt.date.fromisoformat(birth) if isinstance(birth, str) and birth else None,
    )


def duplicates_for(store: Store, candidate: PersonKey) -> list[tuple[str, str]]:
    """Residents already registered that look like ``candidate``: (resident_id, reason).

    Same ID number anywhere in the roster, or same name and birth date in the same
    household (gridworker.core.duplicates decides; this only fetches the candidates).
    """
    id_number = candidate.id_number.upper().strip() if candidate.id_number else None
    rows = store.conn.execute(
        "SELECT id, household_id, name, id_number, birth_date FROM resident "
        "WHERE (id_number = ?) OR (household_id = ? AND name = ?)",
        (id_number, candidate.household_id, norm_name(candidate.name)),
    ).fetchall()
    existing = [
        PersonKey(
            resident_id=r["id"],
            household_id=r["household_id"] or "",
            name=r["name"] or "",
            id_number=r["id_number"],
            birth_date=dt.date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
        )
        for r in rows
    ]
    return [(p.resident_id, reason) for p, reason in find_duplicates(candidate, existing)]


def _duplicate_error(store: Store, matches: list[tuple[str, str]]) -> DuplicatePerson:
    names = []
    for rid, reason in matches:
        r = store.get("resident", rid)
        names.append(msg("{name}（{reason}）", name=r["name"] if r else rid, reason=reason))
    return DuplicatePerson(
        msg("花名册中已有疑似同一人：{names}。", names=joined(names, msg("、"))), matches
    )


def add_resident(
    store: Store, household_id: str, resident: ResidentInput, *, allow_duplicate: bool = False
) -> str:
    """Register a resident in a household; returns the new resident's id.

    Raises :class:`RosterError` naming the first bad field (all problems in the message),
    or refusing a second head of the household, and :class:`DuplicatePerson` when someone
    with the same ID number, or the same name and birth date in this household, is
    already registered. A new head gives the household its 户主 name.
    """
    if get_household(store, household_id) is None:
        raise RosterError(msg("户不存在（编号 {id}）。", id=household_id), "household_id")
    checked = check_resident(resident.raw())
    values, problems = checked.values, checked.problems
    if "name" not in values and not any(p[0] == "name" for p in problems):
        problems.insert(0, ("name", msg("请填写姓名")))
    _raise_first(problems)
    values = new_resident_values(values)
    me = Member("", str(values["name"]), _text(values.get("relation")), _text(values["status"]))
    _check_head(store, household_id, me)
    if not allow_duplicate:
        matches = duplicates_for(store, person_key("", household_id, values))
        if matches:
            raise _duplicate_error(store, matches)
    values["household_id"] = household_id
    with store.transaction():
        rid = store.create("resident", values)
        _follow_head(store, household_id, me)
    return rid


def update_resident(
    store: Store,
    resident_id: str,
    changes: Mapping[str, object],
    *,
    allow_duplicate: bool = False,
) -> bool:
    """Change fields of a resident; returns whether anything changed.

    Only the fields in ``changes`` are written. Blank values clear optional fields (not
    姓名). A new ID number re-derives birth date and sex; with an ID number on record, a
    contradicting sex or birth date is refused. Moving to another household is
    ``{"household_id": new_id}``; use :func:`set_status` for moving out or death. Making
    someone the head while another member living there is refused; the head's name is
    the household's 户主 name.
    """
    current = store.get("resident", resident_id)
    if current is None:
        raise RosterError(msg("居民不存在（编号 {id}）。", id=resident_id))
    changes = dict(changes)
    household_id = changes.pop("household_id", None)
    _known("居民", RESIDENT_FIELDS, changes)
    checked = check_resident(changes)
    values = checked.values
    _raise_first(checked.problems)
    for f in changes:
        if f not in values:
            if f == "name":
                raise RosterError(msg("姓名不能为空。"), "name")
            values[f] = [] if f == "tags" else None
    if current.get("id_number") and "id_number" not in values:
        info = parse_id(str(current["id_number"]))
        if values.get("sex") not in (None, info.sex):
            raise RosterError(msg("性别与身份证号不符：身份证号显示为{sex}性", sex=info.sex), "sex")
        if values.get("birth_date") not in (None, info.birth_date.isoformat()):
            raise RosterError(msg("出生日期与身份证号不符"), "birth_date")
        values.pop("sex", None)
        values.pop("birth_date", None)
    if household_id is not None:
        if get_household(store, str(household_id)) is None:
            raise RosterError(msg("户不存在（编号 {id}）。", id=household_id), "household_id")
        values["household_id"] = str(household_id)
    merged = {**current, **values}
    home = str(merged["household_id"])
    me = Member(
        resident_id, str(merged["name"]), _text(merged["relation"]), _text(merged["status"])
    )
    if {"relation", "status", "household_id"} & set(values):
        # Only an edit that makes someone the head is refused: a phone number can still
        # be changed in a household that already has two (after concurrent edits).
        _check_head(store, home, me)
    if not allow_duplicate and ({"id_number", "name", "birth_date", "household_id"} & set(values)):
        key = person_key(resident_id, home, merged)
        matches = duplicates_for(store, key)
        if matches:
            raise _duplicate_error(store, matches)
    with store.transaction():
        changed = store.update("resident", resident_id, values) is not None
        if {"name", "relation", "status", "household_id"} & set(values):
            _follow_head(store, home, me)
        if "phone" in values and me.is_head and household_id is None:
            _follow_head_phone(store, home, current.get("phone"), values["phone"])
    return changed


def set_status(
    store: Store,
    resident_id: str,
    status: str,
    date: str | dt.date | None = None,
    *,
    moved_to: str | None = None,
    reason: str | None = None,
) -> bool:
    """Mark a resident 在住, 迁出 or 死亡 (with the date it happened); never deletes.

    迁出 and 死亡 need a date; going back to 在住 clears it. A former head coming back
    while another member is the head is refused (one 户主 per household). A move-out's
    destination and reason are added to the resident's notes (:func:`move_note`).
    """
    current = store.get("resident", resident_id)
    if current is None:
        raise RosterError(msg("居民不存在（编号 {id}）。", id=resident_id))
    values, problems = status_change(status, date)
    _raise_first(problems)
    note = move_note(values.get("status_date"), moved_to, reason)
    if note is not None and values["status"] == "迁出":
        values["notes"] = with_line(current.get("notes"), note)
    home = str(current["household_id"])
    me = Member(
        resident_id, str(current["name"] or ""), _text(current["relation"]), _text(values["status"])
    )
    _check_head(store, home, me)
    with store.transaction():
        changed = store.update("resident", resident_id, values) is not None
        _follow_head(store, home, me)
    return changed


def _text(value: Value) -> str | None:
    return None if value is None else str(value)
