"""Care flags and major events: setting them through the one write path, and the lists the
三色关爱 screen and the command line show.

Flag ids are derived from the resident's (:func:`gridworker.core.ids.care_flag_id`):
the office and a laptop flagging the same person make one flag whose fields merge. The
day the current colour was set (``set_on``) changes only with the colour, so raising it
applies the shorter interval from that day; any (re)assessment moves the review date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gridworker.core.care_policy import COLOURS, EVENT_KINDS
from gridworker.core.ids import care_flag_id
from gridworker.core.messages import joined, msg
from gridworker.core.people import SPECIAL_TAGS, parse_tags
from gridworker.store.entities import CARE_EVENT, CARE_FLAG
from gridworker.store.errors import ValidationError
from gridworker.store.history import HistoryEntry, history
from gridworker.store.policies import care_policy
from gridworker.store.store import Change, Store

__all__ = [
    "EventRow",
    "FlagRow",
    "FlagView",
    "add_event",
    "flag_rows",
    "flag_view",
    "norm_colour",
    "set_flag",
]

_COLOUR_WORDS = {
    "red": "red",
    "红": "red",
    "红色": "red",
    "yellow": "yellow",
    "黄": "yellow",
    "黄色": "yellow",
    "green": "green",
    "绿": "green",
    "绿色": "green",
    "none": None,
    "无": None,
    "取消": None,
}


def norm_colour(text: str | None) -> str | None:
    """red/yellow/green (also 红/黄/绿), or None for none (无)."""
    if text is None:
        return None
    key = text.strip().lower()
    if key not in _COLOUR_WORDS:
        raise ValidationError(
            msg(
                "关爱颜色“{value}”不认识，应为 red、yellow、green 或 none（红、黄、绿、无）。",
                value=text,
            )
        )
    return _COLOUR_WORDS[key]


def _categories(values: list[str]) -> list[str]:
    found: list[str] = []
    for v in values:
        tags, unknown = parse_tags(v)
        if unknown:
            raise ValidationError(
                msg(
                    "关爱类别“{value}”不认识，应为 {choices} 之一。",
                    value=v,
                    choices=joined(SPECIAL_TAGS, msg("、")),
                )
            )
        found.extend(tags)
    return [t for t in SPECIAL_TAGS if t in set(found)]


def _resident(store: Store, resident_id: str) -> dict[str, Any]:
    r = store.conn.execute(
        "SELECT id, name, status, tags FROM resident WHERE id = ?", (resident_id,)
    ).fetchone()
    if r is None:
        raise ValidationError(msg("没有这位居民（编号 {id}）。", id=resident_id))
    return dict(r)


def _not_future(on: date, today: date, what: str) -> None:
    if on > today:
        raise ValidationError(msg("{what}日期 {day} 还没到。", what=what, day=on.isoformat()))


def set_flag(
    store: Store,
    resident_id: str,
    colour: str | None,
    *,
    reason: str,
    categories: list[str] | None = None,
    on: date | None = None,
    review_on: date | None = None,
    today: date | None = None,
) -> str | None:
    """Set, change or clear (``colour`` None) a resident's care flag; returns its id (None
    when a resident without a flag is "cleared": nothing to do).

    Refused: an unknown colour or category, no reason, a date in the future, a review date
    before the day set, a colour for someone who moved out or died. ``categories`` None
    keeps the flag's (a new flag starts from the resident's special groups).
    """
    today = today or date.today()
    on = on or today
    _not_future(on, today, "标记")
    if colour is not None and colour not in COLOURS:
        colour = norm_colour(colour)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(msg("请写明设定关爱颜色的原因。"))
    fid = care_flag_id(resident_id)
    with store.transaction():
        person = _resident(store, resident_id)
        if colour is not None and (person["status"] or "在住") != "在住":
            raise ValidationError(
                msg(
                    "{name}的状态是“{status}”，不能设定关爱颜色。",
                    name=person["name"] or resident_id,
                    status=person["status"],
                )
            )
        held = store.get(CARE_FLAG.name, fid)
        if held is None and colour is None:
            return None
        values: dict[str, Any] = {"reason": reason}
        if categories is not None:
            values["categories"] = _categories(categories)
        elif held is None:
            tags = json.loads(person["tags"]) if person["tags"] else []
            values["categories"] = [t for t in SPECIAL_TAGS if t in tags]
        if held is None or held.get("colour") != colour:
            values.update(colour=colour, set_on=on.isoformat(), set_by=store.identity.user)
        if colour is None:
            values["review_on"] = None
        else:
            review = review_on or on + timedelta(days=care_policy(store).review_days)
            if review < on:
                raise ValidationError(
                    msg(
                        "复核日期 {review} 早于标记日期 {on}。",
                        review=review.isoformat(),
                        on=on.isoformat(),
                    )
                )
            values["review_on"] = review.isoformat()
        if held is None:
            store.write(
                [Change(CARE_FLAG.name, {"resident_id": resident_id, **values}, fid, new=True)]
            )
        else:
            store.update(CARE_FLAG.name, fid, values)
    return fid


def add_event(
    store: Store,
    resident_id: str,
    kind: str,
    *,
    on: date | None = None,
    note: str = "",
    today: date | None = None,
) -> str:
    """Record a major event: a home visit is due within the policy's hours."""
    today = today or date.today()
    on = on or today
    _not_future(on, today, "事件")
    k = kind.strip()
    if k not in EVENT_KINDS:
        raise ValidationError(
            msg(
                "重大事件类别“{value}”不认识，应为 {choices} 之一。",
                value=kind,
                choices=joined(EVENT_KINDS, msg("、")),
            )
        )
    with store.transaction():
        person = _resident(store, resident_id)
        if (person["status"] or "在住") != "在住":
            raise ValidationError(
                msg(
                    "{name}的状态是“{status}”，不能登记重大事件。",
                    name=person["name"] or resident_id,
                    status=person["status"],
                )
            )
        return store.create(
            CARE_EVENT.name,
            {"resident_id": resident_id, "kind": k, "happened_on": on.isoformat(), "note": note},
        )


# -- reads -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagRow:
    """One flagged resident on the 三色关爱 list (living residents only)."""

    resident_id: str
    flag_id: str
    name: str
    household_id: str
    address: str
    micro_grid: str
    colour: str
    categories: tuple[str, ...]
    reason: str
    set_by: str
    set_on: date | None
    review_on: date | None
    last_counting: date | None
    due: date | None
    event_due: date | None

    def days_overdue(self, on: date) -> int:
        return max(0, (on - self.due).days) if self.due else 0


def _d(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def flag_rows(store: Store, micro_grid_id: str | None = None) -> list[FlagRow]:
    """Every living flagged resident (of one micro-grid, or all), most urgent colour and
    earliest due first."""
    sql = (
        "SELECT f.id, f.resident_id, r.name, r.household_id, h.estate, h.building, h.unit, "
        "h.room, m.name, f.colour, f.categories, f.reason, f.set_by, f.set_on, f.review_on, "
        "c.due, c.last_counting, e.due "
        "FROM care_flag f JOIN resident r ON r.id = f.resident_id "
        "JOIN household h ON h.id = r.household_id "
        "LEFT JOIN micro_grid m ON m.id = h.micro_grid_id "
        "LEFT JOIN care_due c ON c.resident_id = f.resident_id AND c.reason = 'colour' "
        "LEFT JOIN care_due e ON e.resident_id = f.resident_id AND e.reason = 'event' "
        "WHERE f.colour IS NOT NULL AND coalesce(r.status, '在住') = '在住' "
        "AND f.id = care_flag_id(r.id) AND r.merged_into IS NULL"  # one flag, live residents
    )
    params: list[object] = []
    if micro_grid_id:
        sql += " AND h.micro_grid_id = ?"
        params.append(micro_grid_id)
    rank = {c: i for i, c in enumerate(COLOURS)}
    rows = [
        FlagRow(
            resident_id=r[1],
            flag_id=r[0],
            name=r[2] or "",
            household_id=r[3],
            address=f"{r[4] or ''}{r[5] or ''}{r[6] or ''}{r[7] or ''}",
            micro_grid=r[8] or "",
            colour=r[9],
            categories=tuple(json.loads(r[10])) if r[10] else (),
            reason=r[11] or "",
            set_by=r[12] or "",
            set_on=_d(r[13]),
            review_on=_d(r[14]),
            due=_d(r[15]),
            last_counting=_d(r[16]),
            event_due=_d(r[17]),
        )
        for r in store.conn.execute(sql, params)
    ]
    rows.sort(key=lambda f: (rank.get(f.colour, 9), f.due or date.max, f.address, f.name))
    return rows


@dataclass(frozen=True)
class EventRow:
    id: str
    kind: str
    happened_on: date | None
    note: str
    answered: bool  # a counting visit on or after its day


@dataclass(frozen=True)
class FlagView:
    """What the flag dialog shows of one resident: the flag (if any), their special groups,
    their major events and the flag's history."""

    resident_id: str
    name: str
    address: str
    status: str
    tags: tuple[str, ...]
    flag: dict[str, Any] | None
    events: tuple[EventRow, ...]
    history: tuple[HistoryEntry, ...]
    review_days: int


def flag_view(store: Store, resident_id: str) -> FlagView | None:
    r = store.conn.execute(
        "SELECT r.name, r.status, r.tags, h.estate, h.building, h.unit, h.room FROM resident r "
        "LEFT JOIN household h ON h.id = r.household_id WHERE r.id = ?",
        (resident_id,),
    ).fetchone()
    if r is None:
        return None
    fid = care_flag_id(resident_id)
    # The first event not yet answered is in care_due; every later one is unanswered too
    # (a visit that answered a later event would have answered the earlier one).
    first = store.conn.execute(
        "SELECT e.happened_on FROM care_due d JOIN care_event e ON e.id = d.event_id "
        "WHERE d.resident_id = ? AND d.reason = 'event'",
        (resident_id,),
    ).fetchone()
    pending_from = _d(first[0]) if first else None
    events = tuple(
        EventRow(
            e[0],
            e[1] or "",
            (day := _d(e[2])),
            e[3] or "",
            pending_from is None or day is None or day < pending_from,
        )
        for e in store.conn.execute(
            "SELECT id, kind, happened_on, note FROM care_event WHERE resident_id = ? "
            "AND voided IS NOT 1 ORDER BY happened_on DESC, id",
            (resident_id,),
        )
    )
    event_ids = [e.id for e in events]
    return FlagView(
        resident_id=resident_id,
        name=r[0] or "",
        address="".join(x or "" for x in r[3:7]),
        status=r[1] or "在住",
        tags=tuple(json.loads(r[2])) if r[2] else (),
        flag=store.get(CARE_FLAG.name, fid),
        events=events,
        history=tuple(history(store.conn, [fid, *event_ids], limit=50)),
        review_days=care_policy(store).review_days,
    )
