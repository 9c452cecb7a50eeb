"""Finding a resident or a household from what a person types: an id or a 身份证号.

The command line names residents and households this way (an address works for a
household too); one sentence says what was not found.
"""

from __future__ import annotations

import re

from gridworker.core.idcard import normalize_id
from gridworker.core.messages import msg
from gridworker.store.errors import StoreError, ValidationError
from gridworker.store.store import Store

_ID_RE = re.compile(r"^[0-9a-f]{32}$")


def resolve_resident(store: Store, text: str) -> str:
    """A resident's id from their id or 身份证号 (living residents first, if two share it)."""
    t = text.strip()
    if _ID_RE.match(t.lower()):
        r = store.conn.execute("SELECT id FROM resident WHERE id = ?", (t.lower(),)).fetchone()
        if r is not None:
            return str(r[0])
    number = normalize_id(t)
    if number:
        r = store.conn.execute(
            "SELECT id FROM resident WHERE id_number = ? "
            "ORDER BY coalesce(status, '在住') != '在住', id LIMIT 1",
            (number,),
        ).fetchone()
        if r is not None:
            return str(r[0])
    raise ValidationError(
        msg("没有找到居民“{resident}”（请写居民编号或身份证号）。", resident=text)
    )


def resolve_household(store: Store, text: str) -> str:
    """A household's id from its id, the 身份证号 of any member, or its address."""
    t = text.strip()
    if _ID_RE.match(t.lower()):
        r = store.conn.execute("SELECT id FROM household WHERE id = ?", (t.lower(),)).fetchone()
        if r is not None:
            return str(r[0])
    number = normalize_id(t)
    if number:
        r = store.conn.execute(
            "SELECT household_id FROM resident WHERE id_number = ? AND household_id IS NOT NULL "
            "ORDER BY coalesce(status, '在住') != '在住', id LIMIT 1",
            (number,),
        ).fetchone()
        if r is not None:
            return str(r[0])
    from gridworker.store.print_data import resolve_household as by_address

    mine = store.identity.micro_grid_id if store.identity.role == "worker" else None
    try:
        return by_address(store, t, mine)
    except StoreError:
        raise ValidationError(
            msg(
                "没有找到住户“{household}”（请写户编号、任一成员的身份证号或地址）。",
                household=text,
            )
        ) from None
