"""The three-colour care policy: how often each colour is visited and which visits count.

Schemes differ by city (some visit red daily, some use blue for green), so the rules are
data: a policy document shipped in resources/ that the office may replace. This module
reads and checks such a document; it does no I/O (the store passes the text in).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from gridworker.core.messages import msg

COLOURS: tuple[str, ...] = ("red", "yellow", "green")
"""The colours in order of urgency (the stored values; shown as 红/黄/绿)."""

COLOUR_LABELS: dict[str, str] = {"red": "红", "yellow": "黄", "green": "绿"}

VISIT_METHODS: tuple[str, ...] = ("入户", "电话", "视频", "到访不遇")
"""How a visit was made. 到访不遇 (nobody home) is recorded but never counts."""

NOBODY_HOME = "到访不遇"

EVENT_KINDS: tuple[str, ...] = ("出院", "极端天气", "丧亲", "其他")
"""Major events that make a visit due within hours whatever the colour."""


class PolicyError(ValueError):
    """A policy document that cannot be used; ``args[0]`` is the Chinese sentence."""


@dataclass(frozen=True)
class ColourRule:
    """One colour's visiting rule."""

    colour: str
    interval_days: int
    counting_methods: frozenset[str]


@dataclass(frozen=True)
class CarePolicy:
    """The care rules in force. ``version`` orders policies: the newest one wins."""

    version: int
    colours: dict[str, ColourRule]
    event_hours: int  # a major event makes a visit due within this many hours
    event_methods: frozenset[str]  # visits that answer a major event
    review_days: int  # a flag's colour is reviewed this long after it was set
    note: str = ""

    def rule(self, colour: str) -> ColourRule | None:
        return self.colours.get(colour)

    def to_json(self) -> dict[str, Any]:
        """The document form (what :func:`parse_policy` reads)."""
        return {
            "format": "gridworker-care-policy",
            "version": self.version,
            "colours": {
                c: {
                    "interval_days": r.interval_days,
                    "counting_methods": [m for m in VISIT_METHODS if m in r.counting_methods],
                }
                for c, r in self.colours.items()
            },
            "major_event": {
                "within_hours": self.event_hours,
                "counting_methods": [m for m in VISIT_METHODS if m in self.event_methods],
            },
            "review_days": self.review_days,
            "note": self.note,
        }


def _int(value: object, where: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise PolicyError(
            msg(
                "关爱规则中「{where}」应是 {low} 到 {high} 之间的整数。",
                where=where,
                low=low,
                high=high,
            )
        )
    return value


def _methods(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(m, str) for m in value):
        raise PolicyError(msg("关爱规则中「{where}」应是走访方式的列表。", where=where))
    unknown = [m for m in value if m not in VISIT_METHODS]
    if unknown:
        raise PolicyError(
            msg(
                "关爱规则中「{where}」有不认识的走访方式：{methods}。",
                where=where,
                methods="、".join(unknown),
            )
        )
    if NOBODY_HOME in value:
        raise PolicyError(msg("关爱规则中「{where}」不能把到访不遇算作走访。", where=where))
    if not value:
        raise PolicyError(msg("关爱规则中「{where}」至少要有一种走访方式。", where=where))
    return frozenset(value)


def parse_policy(text: str) -> CarePolicy:
    """A policy from its JSON text, checked; :class:`PolicyError` names what is wrong."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise PolicyError(msg("关爱规则文件不是有效的 JSON：{error}", error=str(e))) from None
    if not isinstance(doc, dict) or doc.get("format") != "gridworker-care-policy":
        raise PolicyError(msg("这不是网格员工作台的关爱规则文件。"))
    version = _int(doc.get("version"), "version", 1, 1_000_000)
    colours_doc = doc.get("colours")
    if not isinstance(colours_doc, dict) or set(colours_doc) != set(COLOURS):
        raise PolicyError(msg("关爱规则要为红、黄、绿三种颜色各写一条。"))
    colours: dict[str, ColourRule] = {}
    for c in COLOURS:
        entry = colours_doc[c]
        if not isinstance(entry, dict):
            raise PolicyError(msg("关爱规则中颜色 {colour} 的写法不对。", colour=COLOUR_LABELS[c]))
        where = COLOUR_LABELS[c]
        colours[c] = ColourRule(
            c,
            _int(entry.get("interval_days"), f"{where}.interval_days", 1, 3660),
            _methods(entry.get("counting_methods"), f"{where}.counting_methods"),
        )
    days = [colours[c].interval_days for c in COLOURS]
    if days != sorted(days):
        raise PolicyError(msg("关爱规则中红色的走访间隔不能比黄色长，黄色不能比绿色长。"))
    event = doc.get("major_event")
    if not isinstance(event, dict):
        raise PolicyError(msg("关爱规则缺少重大事件（major_event）一节。"))
    note = doc.get("note", "")
    return CarePolicy(
        version=version,
        colours=colours,
        event_hours=_int(event.get("within_hours"), "major_event.within_hours", 1, 24 * 30),
        event_methods=_methods(event.get("counting_methods"), "major_event.counting_methods"),
        review_days=_int(doc.get("review_days"), "review_days", 1, 3660),
        note=note if isinstance(note, str) else "",
    )
