"""Derived data kept in the write transaction: hooks the write path calls with what it wrote.

The roster search index is the first (its entries must change in the same transaction as
the records, or a crash leaves them disagreeing); the worklist's due dates are next. The
store calls :func:`after_write` from its three writers — :meth:`Store.write`,
:meth:`Store.apply_ops`, :meth:`Store.resolve_conflict` — in one place each, inside their
transaction; a hook says which kinds of record it follows and is only called when one of
them was touched. A hook that raises rolls the whole write back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gridworker.store import moves, search_index


@dataclass(frozen=True)
class Written:
    """What one write did: the records it touched, and the rows it inserted.

    ``touched``: entity → ids of the records written (created or changed), in the order
    written. ``created``: entity → id → the row as inserted (``id``, the spec's
    ``field_names`` in order — sets as their JSON text —, ``_clock``) for records this
    write inserted and did not change again: a hook can take a new record from here
    instead of reading it back. ``moved``: entity → ids of records of the kinds that
    follow a parent whose parent field an operation of this write set on a record that
    was already there (they may have moved; see :mod:`moves`).
    """

    touched: Mapping[str, Sequence[str]]
    created: Mapping[str, Mapping[str, Sequence[Any]]] = field(default_factory=dict)
    moved: Mapping[str, Sequence[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hook:
    """A function kept in step with the records of some kinds (all kinds if none named)."""

    name: str
    run: Callable[[sqlite3.Connection, Written], None]
    entities: frozenset[str] = frozenset()


GAS_FOLLOWS = frozenset({"household", "gas_inspection", "gas_hazard", "gas_hazard_step", "policy"})
"""What :mod:`gas_derived` follows (its ``FOLLOWS``; a test holds them equal)."""
CARE_FOLLOWS = frozenset({"care_flag", "care_event", "visit", "resident", "policy"})
"""What :mod:`care_due` follows (its ``FOLLOWED``; a test holds them equal)."""


# The gas and care hooks import their modules at their first write, not with the store:
# the app's window opens without them (their rules cost a tenth of its start).
def _gas(conn: sqlite3.Connection, written: Written) -> None:
    from gridworker.store import gas_derived

    gas_derived.refresh_written(conn, written)


def _care(conn: sqlite3.Connection, written: Written) -> None:
    from gridworker.store import care_due

    care_due.update(conn, written.touched, written.created)


def _moves(conn: sqlite3.Connection, written: Written) -> None:
    if written.moved:
        moves.update(conn, written.moved)


HOOKS: list[Hook] = [
    Hook(
        "search",
        lambda conn, w: search_index.index_written(conn, w.touched, w.created),
        frozenset({"resident", "household"}),
    ),
    Hook("gas", _gas, GAS_FOLLOWS),
    Hook("care", _care, CARE_FOLLOWS),
    Hook("moves", _moves, moves.FOLLOWS),
]


def register(hook: Hook) -> Hook:
    """Add a hook (after the others); one of the same name is replaced."""
    unregister(hook.name)
    HOOKS.append(hook)
    return hook


def unregister(name: str) -> None:
    HOOKS[:] = [h for h in HOOKS if h.name != name]


def after_write(conn: sqlite3.Connection, written: Written) -> None:
    """Call every hook that follows a kind this write touched, in registration order."""
    kinds = {e for e, ids in written.touched.items() if ids}
    if not kinds:
        return
    for hook in HOOKS:
        if not hook.entities or hook.entities & kinds:
            hook.run(conn, written)
