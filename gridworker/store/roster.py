"""The validated roster service: households and residents, checked before they are written.

The desktop forms, the CLI and the spreadsheet importer all add and change residents
through these functions, so every resident in the database has a normalised 18-character
ID number (birth date and sex derived from it), a canonical phone number and the
controlled vocabularies of :mod:`gridworker.core.people`. Residents are never deleted:
moving out and death are statuses with a date (:func:`set_status`).

The ``check_*`` functions are the pure part: they turn raw values (as typed or read from a
sheet) into stored values and collect every problem instead of stopping at the first,
which is what an importer needs to report a whole sheet at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from gridworker.core.duplicates import PersonKey, find_duplicates
from gridworker.core.idcard import MIN_BIRTH_DATE, IdError, parse_id
from gridworker.core.messages import Message, joined, message_of, msg, term
from gridworker.core.people import (
    VocabError,
    norm_ethnicity,
    norm_house_use,
    norm_population_type,
    norm_relation,
    norm_status,
    parse_tags,
)
from gridworker.core.phone import PhoneError, parse_phone
from gridworker.core.textnorm import norm, norm_key, norm_name, norm_prose, norm_text
from gridworker.store.entities import FIELD_LABELS, HOUSEHOLD, RESIDENT
from gridworker.store.errors import ValidationError
from gridworker.store.merge import from_db
from gridworker.store.ops import Value
from gridworker.store.store import Store

__all__ = [
    "ADDRESS_FIELDS",
    "RELATION_ORDER",
    "DuplicatePerson",
    "HouseholdInput",
    "ResidentInput",
    "RosterError",
    "add_household",
    "add_resident",
    "address_key",
    "check_household",
    "check_resident",
    "describe",
    "diff_values",
    "duplicates_for",
    "find_household",
    "get_household",
    "household_members",
    "parse_date",
    "person_key",
    "set_status",
    "update_household",
    "update_resident",
]

Problem = tuple[str, str]
"""(field, Chinese message) — one thing wrong with one value."""

ADDRESS_FIELDS: tuple[str, ...] = ("estate", "building", "unit", "room")
RESIDENT_FIELDS: tuple[str, ...] = tuple(f for f in RESIDENT.field_names if f != "household_id")
HOUSEHOLD_FIELDS: tuple[str, ...] = tuple(f for f in HOUSEHOLD.field_names if f != "micro_grid_id")
_RESIDENT_FIELD_SET = frozenset(RESIDENT_FIELDS)
_HOUSEHOLD_FIELD_SET = frozenset(HOUSEHOLD_FIELDS) | {"micro_grid_id"}

RELATION_ORDER: dict[str, int] = {
    r: i for i, r in enumerate(("本人", "配偶", "子", "女", "孙子女", "父母", "祖父母", "兄弟姐妹"))
}
"""Sort order of household members: head first, then spouse, children… (others last)."""


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


# --------------------------------------------------------------------- value checks


def label(field_name: str) -> str:
    """The Chinese name of a field, as used in messages."""
    return FIELD_LABELS.get(field_name, field_name)


# Whitespace (ASCII, U+3000, NBSP…) and the invisible characters norm() removes.
_BLANK_CHARS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"


_BLANK_SET = frozenset(_BLANK_CHARS)


def is_empty(value: object) -> bool:
    """True for values that mean "nothing given" (None, blank text, empty list)."""
    if value is None or value == "":
        return True
    if isinstance(value, str):
        return not value.strip(_BLANK_CHARS)
    if isinstance(value, list | tuple):
        return len(value) == 0
    return False


def _given(raw: Mapping[str, object]) -> dict[str, object]:
    """The non-empty values of ``raw`` (:func:`is_empty` inlined: it runs per cell on import)."""
    out: dict[str, object] = {}
    blank = _BLANK_SET
    for k, v in raw.items():
        if v.__class__ is str:
            # A visible first character settles it without stripping a copy.
            if v and (v[0] not in blank or v.strip(_BLANK_CHARS)):
                out[k] = v
        elif not is_empty(v):
            out[k] = v
    return out


# Address parts and household words repeat on every member's row: normalise each once.
# Names, notes and phone numbers repeat less but often enough on a large roster.
_norm_text_cached = lru_cache(maxsize=65536)(norm_text)
_norm_name_cached = lru_cache(maxsize=65536)(norm_name)


_SEX_WORDS = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "1": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
    "2": "女",
}


def norm_sex(raw: str) -> str:
    """男 or 女 from the usual spellings (男性, M, 1 …)."""
    key = norm_key(raw).replace(" ", "")
    try:
        return _SEX_WORDS[key]
    except KeyError:
        raise RosterError(
            msg("无法识别的性别“{sex}”，应填 男 或 女", sex=norm(raw)), "sex"
        ) from None


_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(raw: object, field_name: str = "birth_date") -> str:
    """An ISO date (YYYY-MM-DD) from a date object or the usual written forms.

    Accepts 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日 and 19900102; spreadsheet date
    cells arrive as date/datetime objects. Dates before 1890 or in the future are refused.
    """
    name = _term(field_name)
    if isinstance(raw, dt.datetime):
        day = raw.date()
    elif isinstance(raw, dt.date):
        day = raw
    else:
        text = norm(str(raw))
        if " " in text and text.endswith("00:00:00"):
            text = text.split(" ")[0]
        m = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
        if not m:
            raise RosterError(
                msg("{field}“{text}”不是日期，请写成 1990-01-02 这样的格式", field=name, text=text),
                field_name,
            )
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise RosterError(
                msg("{field}“{text}”不是有效日期", field=name, text=text), field_name
            ) from None
    if day > dt.date.today():
        raise RosterError(
            msg("{field} {date} 晚于今天", field=name, date=day.isoformat()), field_name
        )
    if day < MIN_BIRTH_DATE:
        raise RosterError(
            msg("{field} {date} 早于1890年，请核对", field=name, date=day.isoformat()), field_name
        )
    return day.isoformat()


@lru_cache(maxsize=4096)
def _vocab(kind: str, raw: str, sex: str | None) -> tuple[Value, str | None]:
    """Cached vocabulary lookup: (value, None) or (None, Chinese message).

    Sheets repeat the same few words thousands of times; caching keeps import fast.
    """
    try:
        if kind == "relation":
            return norm_relation(raw, sex), None
        if kind == "population_type":
            return norm_population_type(raw), None
        if kind == "ethnicity":
            return norm_ethnicity(raw), None
        if kind == "status":
            return norm_status(raw), None
        if kind == "house_use":
            return norm_house_use(raw), None
        if kind == "sex":
            return norm_sex(raw), None
        if kind == "tags":
            tags, unknown = parse_tags(raw)
            if unknown:
                from gridworker.core.people import SPECIAL_TAGS

                return None, msg(
                    "无法识别的人员类别“{unknown}”，可填：{allowed}",
                    unknown=joined(unknown, msg("、")),
                    allowed=joined(SPECIAL_TAGS, msg("、")),
                )
            return tags, None
    except (VocabError, RosterError) as e:
        return None, message_of(e)
    raise KeyError(kind)


_WORD_FIELDS = ("ethnicity", "relation", "population_type", "status")


@lru_cache(maxsize=4096)
def _vocab_words(
    words: tuple[str | None, ...], sex: str | None
) -> tuple[tuple[tuple[str, Value], ...], tuple[Problem, ...]]:
    """The :data:`_WORD_FIELDS` of one row checked together: (field, value)s and problems.

    Rows repeat the same few combinations, so one cache hit replaces four lookups.
    """
    checked: list[tuple[str, Value]] = []
    problems: list[Problem] = []
    for f, word in zip(_WORD_FIELDS, words, strict=True):
        if word is not None:
            value, why = _vocab(f, word, sex)
            if why:
                problems.append((f, why))
            else:
                checked.append((f, value))
    return tuple(checked), tuple(problems)


def _tags_value(raw: object) -> tuple[Value, str | None]:
    if isinstance(raw, list | tuple):
        raw = "、".join(str(t) for t in raw)
    return _tags_text(str(raw))


@lru_cache(maxsize=4096)
def _tags_text(raw: str) -> tuple[Value, str | None]:
    """Tags of one cell text; a roster repeats a few dozen combinations thousands of times."""
    return _vocab("tags", norm(raw), None)


def check_resident(raw: Mapping[str, object]) -> tuple[dict[str, Value], list[Problem]]:
    """Normalise the non-empty fields of a resident; return the values and all problems.

    Empty values are left out (never "cleared"). A valid ID number is stored upper-case
    with 18 characters, and birth date and sex are derived from it: a given sex or birth
    date that contradicts the number is a problem, not silently overridden.
    """
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    given = _given(raw)
    if not _RESIDENT_FIELD_SET.issuperset(given):
        unknown = given.keys() - _RESIDENT_FIELD_SET
        raise RosterError(f"居民没有这些字段：{', '.join(sorted(unknown))}")

    if "name" in given:
        name = _norm_name_cached(str(given["name"]))
        if len(name) > 50:
            problems.append(("name", msg("姓名太长（{length} 个字）", length=len(name))))
        else:
            values["name"] = name

    info = None
    if "id_number" in given:
        try:
            info = parse_id(str(given["id_number"]))
        except IdError as e:
            problems.append(("id_number", message_of(e)))
        else:
            values["id_number"] = info.number
            values["birth_date"] = info.birth_date.isoformat()
            values["sex"] = info.sex

    if "sex" in given:
        sex, why = _vocab("sex", str(given["sex"]), None)
        if why:
            problems.append(("sex", why))
        elif info is not None and sex != info.sex:
            problems.append(
                (
                    "sex",
                    msg("性别填的是“{given}”，但身份证号显示为{sex}性", given=sex, sex=info.sex),
                )
            )
        elif info is None:
            values["sex"] = sex

    raw_birth = given.get("birth_date")
    if (
        info is not None
        and isinstance(raw_birth, str)
        and raw_birth.strip() == values["birth_date"]
    ):
        pass  # the usual case on exported sheets: agrees with the ID, nothing to parse
    elif raw_birth is not None:
        try:
            birth = parse_date(raw_birth, "birth_date")
        except RosterError as e:
            problems.append(("birth_date", message_of(e)))
        else:
            if info is not None and birth != info.birth_date.isoformat():
                problems.append(
                    (
                        "birth_date",
                        msg(
                            "出生日期填的是 {given}，但身份证号中的出生日期是 {date}",
                            given=birth,
                            date=info.birth_date.isoformat(),
                        ),
                    )
                )
            elif info is None:
                values["birth_date"] = birth

    if "phone" in given:
        try:
            values["phone"] = parse_phone(str(given["phone"]))
        except PhoneError as e:
            problems.append(("phone", str(e)))

    sex_known = values.get("sex")
    g = given.get
    words = (  # written out: a comprehension per row costs more than the lookups
        None if (w := g("ethnicity")) is None else str(w),
        None if (w := g("relation")) is None else str(w),
        None if (w := g("population_type")) is None else str(w),
        None if (w := g("status")) is None else str(w),
    )
    checked, word_problems = _vocab_words(words, sex_known if isinstance(sex_known, str) else None)
    values.update(checked)
    problems.extend(word_problems)

    if "status_date" in given:
        try:
            values["status_date"] = parse_date(given["status_date"], "status_date")
        except RosterError as e:
            problems.append(("status_date", message_of(e)))

    if "tags" in given:
        tags, why = _tags_value(given["tags"])
        if why:
            problems.append(("tags", why))
        else:
            values["tags"] = tags

    if "notes" in given:
        values["notes"] = norm_prose(str(given["notes"]))
    return values, problems


def check_household(raw: Mapping[str, object]) -> tuple[dict[str, Value], list[Problem]]:
    """Normalise the non-empty fields of a household; return the values and all problems."""
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    given = _given(raw)
    if not _HOUSEHOLD_FIELD_SET.issuperset(given):
        unknown = given.keys() - _HOUSEHOLD_FIELD_SET
        raise RosterError(f"户没有这些字段：{', '.join(sorted(unknown))}")
    for f in ("estate", "building", "unit", "room", "residency"):
        if f in given:
            values[f] = _norm_text_cached(str(given[f]))
    if "notes" in given:
        values["notes"] = norm_prose(str(given["notes"]))
    if "head_name" in given:
        values["head_name"] = _norm_name_cached(str(given["head_name"]))
    if "house_use" in given:
        value, why = _vocab("house_use", str(given["house_use"]), None)
        if why:
            problems.append(("house_use", why))
        else:
            values["house_use"] = value
    if "phone" in given:
        try:
            values["phone"] = parse_phone(str(given["phone"]))
        except PhoneError as e:
            problems.append(("phone", str(e)))
    if "micro_grid_id" in given:
        values["micro_grid_id"] = str(given["micro_grid_id"])
    return values, problems


@lru_cache(maxsize=65536)
def _address_part(value: str | None) -> str:
    return norm_key(value).replace(" ", "")


def address_key(
    micro_grid_id: str | None, estate: object, building: object, unit: object, room: object
) -> tuple[str, ...]:
    """Comparable address: width, case and all spaces ignored ("1 栋" = "1栋" = "１栋")."""
    part = _address_part
    return (
        micro_grid_id or "",
        part(None if estate is None else str(estate)),
        part(None if building is None else str(building)),
        part(None if unit is None else str(unit)),
        part(None if room is None else str(room)),
    )


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


def diff_values(current: Mapping[str, Value], new: Mapping[str, Value]) -> dict[str, Value]:
    """The fields of ``new`` whose value differs (tag lists compared as sets)."""
    out: dict[str, Value] = {}
    for f, v in new.items():
        old = current.get(f)
        if isinstance(v, list) or isinstance(old, list):
            if set(v or []) != set(old or []):  # type: ignore[arg-type]
                out[f] = v
        elif v != old:
            out[f] = v
    return out


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
    """
    current = get_household(store, household_id)
    if current is None:
        raise RosterError(msg("户不存在（编号 {id}）。", id=household_id))
    if "micro_grid_id" in changes:
        raise RosterError(msg("不能通过修改住户来更换微网格。"), "micro_grid_id")
    values, problems = check_household(changes)
    _raise_first(problems)
    for f in changes:
        if f not in values:
            if f in ("estate", "room"):
                raise RosterError(msg("{field}不能为空。", field=_term(f)), f)
            values[f] = None
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
    out.sort(
        key=lambda m: (
            RELATION_ORDER.get(str(m.get("relation")), 99),
            str(m.get("birth_date") or "9999"),
            str(m.get("name") or ""),
        )
    )
    return out


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

    Raises :class:`RosterError` naming the first bad field (all problems in the message)
    and :class:`DuplicatePerson` when someone with the same ID number, or the same name
    and birth date in this household, is already registered.
    """
    if get_household(store, household_id) is None:
        raise RosterError(msg("户不存在（编号 {id}）。", id=household_id), "household_id")
    values, problems = check_resident(resident.raw())
    if "name" not in values and not any(p[0] == "name" for p in problems):
        problems.insert(0, ("name", msg("请填写姓名")))
    _raise_first(problems)
    values.setdefault("status", "在住")
    if not allow_duplicate:
        matches = duplicates_for(store, person_key("", household_id, values))
        if matches:
            raise _duplicate_error(store, matches)
    values["household_id"] = household_id
    return store.create("resident", values)


def update_resident(
    store: Store,
    resident_id: str,
    changes: Mapping[str, object],
    *,
    allow_duplicate: bool = False,
) -> bool:
    """Change fields of a resident; returns whether anything changed.

    Blank values clear optional fields (not 姓名). A new ID number re-derives birth date
    and sex; with an ID number on record, a contradicting sex or birth date is refused.
    Moving to another household is ``{"household_id": new_id}``; use :func:`set_status`
    for moving out or death.
    """
    current = store.get("resident", resident_id)
    if current is None:
        raise RosterError(msg("居民不存在（编号 {id}）。", id=resident_id))
    changes = dict(changes)
    household_id = changes.pop("household_id", None)
    values, problems = check_resident(changes)
    _raise_first(problems)
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
    if not allow_duplicate and ({"id_number", "name", "birth_date", "household_id"} & set(values)):
        merged = {**current, **values}
        key = person_key(resident_id, str(merged["household_id"]), merged)
        matches = duplicates_for(store, key)
        if matches:
            raise _duplicate_error(store, matches)
    return store.update("resident", resident_id, values) is not None


def set_status(
    store: Store, resident_id: str, status: str, date: str | dt.date | None = None
) -> bool:
    """Mark a resident 在住, 迁出 or 死亡 (with the date it happened); never deletes.

    迁出 and 死亡 need a date; going back to 在住 clears it.
    """
    if store.get("resident", resident_id) is None:
        raise RosterError(msg("居民不存在（编号 {id}）。", id=resident_id))
    value, why = _vocab("status", status, None)
    if why:
        raise RosterError(why, "status")
    when: str | None = None
    if value != "在住":
        if is_empty(date):
            raise RosterError(msg("请填写{status}日期。", status=value), "status_date")
        when = parse_date(date, "status_date")
    return store.update("resident", resident_id, {"status": value, "status_date": when}) is not None
