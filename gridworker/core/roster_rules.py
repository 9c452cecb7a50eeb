"""The rules a roster keeps about residents and households, in one place.

The resident and household dialogs, the spreadsheet importer, the CLI and the store's
roster service (``store/roster.py``) all check values and apply rules through this
module, so a value is accepted or refused the same way wherever it was typed:

- **values**: :func:`check_resident` / :func:`check_household` turn raw values (as typed
  or read from a sheet) into stored ones and collect every problem instead of stopping at
  the first (an importer reports a whole sheet at once). The ID number is parsed once:
  its birth date and sex come with the result (:class:`ResidentCheck`);
- **one head**: a household has one 户主 (relation 本人) among the people living there
  (:func:`other_head`), and its ``head_name`` follows that person's name; its phone
  follows the head's when it was the head's number (:func:`household_phone_follows`);
- **statuses**: 在住 / 迁出 / 死亡, the last two with the date (:func:`status_change`);
- **defaults** are for new records only (:func:`new_resident_values`); an edit writes the
  fields the person changed and nothing else (:func:`edited_fields`).

No I/O here: the store layer reads the household and writes the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from gridworker.core.idcard import MIN_BIRTH_DATE, IdError, IdInfo, parse_id
from gridworker.core.messages import Message, joined, message_of, msg, term
from gridworker.core.people import (
    RELATION_CHOICES,
    SPECIAL_TAGS,
    VocabError,
    norm_ethnicity,
    norm_house_use,
    norm_population_type,
    norm_relation,
    norm_status,
    parse_tags,
    relation_category,
)
from gridworker.core.phone import PhoneError, parse_phone
from gridworker.core.textnorm import norm, norm_key, norm_name, norm_prose, norm_text

__all__ = [
    "HEAD",
    "LIVING",
    "NEW_RESIDENT_DEFAULTS",
    "NEW_RESIDENT_SUGGESTIONS",
    "RELATION_ORDER",
    "Member",
    "Problem",
    "ResidentCheck",
    "RuleError",
    "Value",
    "address_key",
    "check_household",
    "check_resident",
    "diff_values",
    "edited_fields",
    "given_values",
    "head_name_problem",
    "is_empty",
    "is_living_head",
    "members_in_order",
    "new_resident_values",
    "norm_sex",
    "other_head",
    "parse_date",
    "second_head_problem",
    "status_change",
]

Value = str | int | float | bool | None | list[str]
"""A stored field value (the store's ``ops.Value``; core imports nothing from the store)."""

Problem = tuple[str, str]
"""(field, Chinese message) — one thing wrong with one value."""

_M = TypeVar("_M", bound=Mapping[str, Value])

HEAD = "本人"
"""The relation of the head of household (户主) to themself."""

LIVING = "在住"
"""The status of someone living here; a resident without a status has never left."""

NEW_RESIDENT_DEFAULTS: Mapping[str, Value] = {"status": LIVING}
"""Written when a resident is created without them; never on an edit."""

NEW_RESIDENT_SUGGESTIONS: Mapping[str, str] = {"ethnicity": "汉族", "population_type": "户籍"}
"""Shown already chosen in a new resident's form (the person sees them and may change
them); never filled in on an edit or an import."""

_CATEGORY_ORDER = (HEAD, "配偶", "子", "女", "孙子女", "父母", "祖父母", "兄弟姐妹")
RELATION_ORDER: dict[str, int] = {
    r: _CATEGORY_ORDER.index(c)
    for r in RELATION_CHOICES
    if (c := relation_category(r) or "") in _CATEGORY_ORDER
}
"""Sort order of household members: head first, then spouse, children… (others last); a
detailed relation sorts with its category (儿媳 with the daughters)."""


class RuleError(ValueError):
    """A value breaks a rule; ``str(err)`` is the Chinese message, ``field`` names the field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


# ------------------------------------------------------------------------ emptiness

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


def given_values(raw: Mapping[str, object]) -> dict[str, object]:
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


# --------------------------------------------------------------------- value checks

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
        raise RuleError(msg("无法识别的性别“{sex}”，应填 男 或 女", sex=norm(raw)), "sex") from None


_DATE_FIELDS = {"birth_date": "出生日期", "status_date": "状态日期"}
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(raw: object, field_name: str = "birth_date") -> str:
    """An ISO date (YYYY-MM-DD) from a date object or the usual written forms.

    Accepts 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日 and 19900102; spreadsheet date
    cells arrive as date/datetime objects. Dates before 1890 or in the future are refused.
    """
    name = term("field", field_name, _DATE_FIELDS.get(field_name, field_name))
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
            raise RuleError(
                msg("{field}“{text}”不是日期，请写成 1990-01-02 这样的格式", field=name, text=text),
                field_name,
            )
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise RuleError(
                msg("{field}“{text}”不是有效日期", field=name, text=text), field_name
            ) from None
    if day > dt.date.today():
        raise RuleError(
            msg("{field} {date} 晚于今天", field=name, date=day.isoformat()), field_name
        )
    if day < MIN_BIRTH_DATE:
        raise RuleError(
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
                return None, msg(
                    "无法识别的人员类别“{unknown}”，可填：{allowed}",
                    unknown=joined(unknown, msg("、")),
                    allowed=joined(SPECIAL_TAGS, msg("、")),
                )
            return tags, None
    except (VocabError, RuleError) as e:
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


@dataclass(slots=True)
class ResidentCheck:
    """What :func:`check_resident` found: the values to store, every problem, and the
    parsed ID number (or why it is not one) so no caller parses it a second time."""

    values: dict[str, Value]
    problems: list[Problem]
    id_info: IdInfo | None = None
    id_error: IdError | None = None


def check_resident(raw: Mapping[str, object]) -> ResidentCheck:
    """Normalise the non-empty fields of a resident; return the values and all problems.

    Fields this does not know are left out (the store refuses unknown fields).

    Empty values are left out (never "cleared"). A valid ID number is stored upper-case
    with 18 characters, and birth date and sex are derived from it: a given sex or birth
    date that contradicts the number is a problem, not silently overridden.
    """
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    given = given_values(raw)
    result = ResidentCheck(values, problems)

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
            result.id_error = e
        else:
            values["id_number"] = info.number
            values["birth_date"] = info.birth_date.isoformat()
            values["sex"] = info.sex
            result.id_info = info

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
        except RuleError as e:
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
        _check_phone(given["phone"], values, problems)

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
        except RuleError as e:
            problems.append(("status_date", message_of(e)))

    if "tags" in given:
        tags, why = _tags_value(given["tags"])
        if why:
            problems.append(("tags", why))
        else:
            values["tags"] = tags

    if "notes" in given:
        values["notes"] = norm_prose(str(given["notes"]))
    return result


def check_household(raw: Mapping[str, object]) -> tuple[dict[str, Value], list[Problem]]:
    """Normalise the non-empty fields of a household; return the values and all problems."""
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    given = given_values(raw)
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
        _check_phone(given["phone"], values, problems)
    if "micro_grid_id" in given:
        values["micro_grid_id"] = str(given["micro_grid_id"])
    return values, problems


def _check_phone(raw: object, values: dict[str, Value], problems: list[Problem]) -> None:
    try:
        values["phone"] = parse_phone(str(raw))
    except PhoneError as e:
        problems.append(("phone", str(e)))


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


# ---------------------------------------------------------------- what an edit writes


def _same(a: object, b: object) -> bool:
    """Equal as stored values: nothing given is one thing, tag lists compare as sets."""
    if is_empty(a) and is_empty(b):
        return True
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return _as_set(a) == _as_set(b)
    return a == b


def _as_set(value: object) -> set[object]:
    return set(value) if isinstance(value, list | tuple) else {value}


def diff_values(current: Mapping[str, Value], new: Mapping[str, Value]) -> dict[str, Value]:
    """The fields of ``new`` whose value differs from ``current`` (tag lists as sets)."""
    out: dict[str, Value] = {}
    for f, v in new.items():
        old = current.get(f)
        if isinstance(v, list) or isinstance(old, list):
            if set(v or []) != set(old or []):  # type: ignore[arg-type]
                out[f] = v
        elif v != old:
            out[f] = v
    return out


def edited_fields(shown: Mapping[str, object], now: Mapping[str, object]) -> dict[str, object]:
    """The fields of a form the person changed since it was shown: an edit writes these
    and nothing else, so a value the form merely displayed (or a default it offered) is
    never written over what another device changed meanwhile."""
    return {f: v for f, v in now.items() if not _same(shown.get(f), v)}


def new_resident_values(values: Mapping[str, Value]) -> dict[str, Value]:
    """A new resident's values with the defaults for what was not given (status 在住)."""
    return {**NEW_RESIDENT_DEFAULTS, **values}


# --------------------------------------------------------------------- the head


@dataclass(frozen=True)
class Member:
    """What the head rule needs to know of one resident of a household."""

    id: str
    name: str
    relation: str | None
    status: str | None

    @property
    def is_head(self) -> bool:
        return is_living_head(self.relation, self.status)


def is_living_head(relation: object, status: object) -> bool:
    """The household's head: relation 本人 and still living here (no status is 在住)."""
    return relation == HEAD and status in (None, "", LIVING)


def other_head(members: Iterable[Member], me: Member) -> Member | None:
    """Another living head of the household, if ``me`` would be its head too.

    One 户主 per household: relations are relative to the head, so a second 本人 cannot
    simply demote the first (only the person knows what the first now is to the second).
    ``members`` may include ``me`` (matched by id); a ``me`` without an id is new.
    """
    if not me.is_head:
        return None
    for m in members:
        if m.id != me.id and m.is_head:
            return m
    return None


def second_head_problem(head: str, *, in_sheet: bool = False) -> Message:
    """The sentence refusing a second head while ``head`` is the household's head."""
    if in_sheet:
        # The stored head is usually not in the sheet at all (a worker's partial sheet):
        # the advice names what can be done whether or not that row is there.
        return msg(
            "花名册里这一户已登记户主{name}，一户只能有一位户主；如要更换户主，请先在程序里"
            "把{name}的与户主关系改成别的（或在表中加上{name}这一行写明新的关系），再导入",
            name=head,
        )
    return msg(
        "这一户的户主是{name}，一户只能有一位户主；如要更换户主，请先把{name}的与户主关系改成别的",
        name=head,
    )


def household_phone_follows(
    household_phone: object, old_head_phone: object, new_head_phone: object
) -> bool:
    """Does the household's contact number follow its head's corrected phone? Only when
    it was the head's old number: a household's own number (a landline) stays."""
    return (
        not is_empty(household_phone)
        and household_phone == old_head_phone
        and new_head_phone != old_head_phone
    )


def head_name_problem(stated: object, head: str) -> Message | None:
    """Why a household's 户主 name may not be ``stated`` while a member living there,
    ``head``, is its head (relation 本人): the name is the head's."""
    shown = norm_name(str(stated or ""))
    if shown == head:
        return None
    return msg(
        "户主写的是“{stated}”，但本户与户主关系为本人的是{name}；户主姓名随本人而定，"
        "如要更换户主，请改成员的与户主关系",
        stated=shown,
        name=head,
    )


# ------------------------------------------------------------------------- statuses


def status_change(status: str, date: object) -> tuple[dict[str, Value], list[Problem]]:
    """The fields a status change writes: 迁出 and 死亡 need the date it happened;
    going back to 在住 clears it. Returns (values, problems)."""
    value, why = _vocab("status", status, None)
    if why:
        return {}, [("status", why)]
    if value == LIVING:
        return {"status": LIVING, "status_date": None}, []
    if is_empty(date):
        return {}, [("status_date", msg("请填写{status}日期。", status=value))]
    try:
        when = parse_date(date, "status_date")
    except RuleError as e:
        return {}, [("status_date", message_of(e))]
    return {"status": value, "status_date": when}, []


MOVE_REASONS: tuple[str, ...] = (
    "工作调动",
    "购房搬迁",
    "租期到期",
    "投靠子女",
    "入住养老机构",
    "婚嫁",
    "上学",
    "出国（境）",
)
"""Common reasons for moving out, offered in the form (any other text is kept as typed)."""


def move_note(when: object, moved_to: object, reason: object) -> str | None:
    """The line a move-out adds to the resident's 备注: "2026-12-01 迁出，迁往成都市武侯区，
    原因：投靠子女" (None when neither destination nor reason was given).

    Where a person went and why are kept in the notes the record already has and syncs,
    with the status change itself in the change log (who recorded it, when): no field
    of its own, so every earlier version of the program reads and passes it on."""
    where = norm_text(str(moved_to or ""))
    why = norm_text(str(reason or ""))
    if not (where or why):
        return None
    parts = [f"{when} 迁出" if not is_empty(when) else "迁出"]
    if where:
        parts.append(f"迁往{where}")
    if why:
        parts.append(f"原因：{why}")
    return "，".join(parts)


def with_line(notes: object, line: str) -> str:
    """``notes`` with ``line`` added on a line of its own (what was there stays)."""
    before = str(notes or "").rstrip()
    return f"{before}\n{line}" if before else line


def members_in_order(members: Iterable[_M]) -> list[_M]:
    """Household members head first, then spouse, children… and by age."""
    return sorted(
        members,
        key=lambda m: (
            RELATION_ORDER.get(str(m.get("relation")), 99),
            str(m.get("birth_date") or "9999"),
            str(m.get("name") or ""),
        ),
    )
