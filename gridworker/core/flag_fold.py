"""Two care flags of one person, folded into one when duplicates are merged (issue 10).

A flag's id is derived from its resident's, so merging resident B into A leaves A with
B's flag beside its own. The kept flag takes the other's field by field, safety first:
nobody is visited less often than either flag asked.

* a colour beats no colour; of two colours the more urgent wins (red, yellow, green);
* the winner brings its reason, who set it and the day it was set; of the same colour
  the earlier day (the colour has applied since then, so the next visit is not put off);
* the review date is the earlier of the two; the care categories are the union.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gridworker.core.care_policy import COLOURS
from gridworker.core.people import SPECIAL_TAGS

__all__ = ["fold_flag"]

_RANK = {c: i for i, c in enumerate(COLOURS)}
_FROM_WINNER = ("colour", "reason", "set_by", "set_on")


def _earlier(a: Any, b: Any) -> Any:
    held = [x for x in (a, b) if x]
    return min(held) if held else None


def _categories(a: Any, b: Any) -> list[str]:
    both = {*(a or []), *(b or [])}
    rank = {t: i for i, t in enumerate(SPECIAL_TAGS)}
    return sorted(both, key=lambda t: (rank.get(t, len(rank)), t))


def fold_flag(kept: Mapping[str, Any] | None, other: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of the kept flag after taking ``other`` in (all of them: the caller
    writes the ones that differ). ``kept`` None: the kept person had no flag."""
    mine = dict(kept or {})
    if not other.get("colour"):
        return mine  # a cleared flag says nothing about now
    theirs_wins = not mine.get("colour") or (
        _RANK.get(other["colour"], 9),
        other.get("set_on") or "9999",
    ) < (_RANK.get(mine["colour"], 9), mine.get("set_on") or "9999")
    out = dict(mine)
    if theirs_wins:
        out.update({f: other.get(f) for f in _FROM_WINNER})
        out["review_on"] = _earlier(
            other.get("review_on"), mine.get("review_on") if mine.get("colour") else None
        )
    else:
        out["review_on"] = _earlier(mine.get("review_on"), other.get("review_on"))
    out["categories"] = _categories(mine.get("categories"), other.get("categories"))
    return out
