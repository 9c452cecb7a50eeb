"""The work list as of a day: every registered source's entries, in the one order.

A kind of work (care visits, needs, gas hazards…) registers a *source*: a function of the
Store and the day that returns its :class:`~gridworker.core.worklist.WorkItem` entries,
read with indexed queries (derived due dates are kept by write-path hooks, see
``store/derived.py``). The screens, ``gridworker worklist`` and the printed week route
all call :func:`worklist`, so they agree.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from datetime import date

from gridworker.core.worklist import WorkItem, ordered
from gridworker.store.store import Store

Source = Callable[[Store, date], Iterable[WorkItem]]

_SOURCES: dict[str, Source] = {}

BUILTIN_SOURCES: tuple[str, ...] = ("gridworker.store.gas_work",)
"""Modules of the program's own sources: each registers itself when imported, and they are
imported before the list is first read (no screen or command needs to know them)."""


def _load_builtin() -> None:
    for name in BUILTIN_SOURCES:
        importlib.import_module(name)


def register_source(name: str, source: Source) -> Source:
    """Add a source of entries (once per name; a later registration replaces it)."""
    _SOURCES[name] = source
    return source


def unregister_source(name: str) -> None:
    _SOURCES.pop(name, None)


def sources() -> dict[str, Source]:
    _load_builtin()
    return dict(_SOURCES)


def worklist(store: Store, on: date) -> list[WorkItem]:
    """Everything due on or before ``on``, most urgent first."""
    _load_builtin()
    items: list[WorkItem] = []
    for source in _SOURCES.values():
        items.extend(source(store, on))
    return ordered(items, on)


# The sources register themselves on import; importing them here means every caller of
# worklist() sees every kind of work (one line per area of work).
from gridworker.store import care_work  # noqa: E402,F401
