"""Duplicate detection for manual entry, spreadsheet import and records met in sync.

The same resident typed twice splits their visit history and double-counts them in
statistics. Two rules catch what happens in practice: the same ID number anywhere in
the roster (re-imported sheets, a person registered in two households, the same sheet
imported on two laptops), and — for people without an ID number, mostly small children
and incomplete rosters — the same name and birth date in the same household. A household
is the same when its address is the same within one micro-grid (two laptops, or a laptop
and the office, each entered it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from gridworker.core.idcard import normalize_id
from gridworker.core.messages import msg
from gridworker.core.textnorm import norm_key, norm_name

__all__ = [
    "REASON_ADDRESS",
    "REASON_HOUSEHOLD",
    "REASON_ID",
    "AddressGroup",
    "AddressKey",
    "DuplicateGroup",
    "DuplicateIndex",
    "PersonKey",
    "address_key",
    "find_address_groups",
    "find_duplicate_groups",
    "find_duplicates",
]

REASON_ID = msg("身份证号相同")
REASON_HOUSEHOLD = msg("同户同名同出生日期")
REASON_ADDRESS = msg("同一微网格内地址相同")


@dataclass(frozen=True)
class PersonKey:
    """The fields that identify a resident for duplicate checks."""

    resident_id: str
    household_id: str
    name: str
    id_number: str | None
    birth_date: dt.date | None


@dataclass(frozen=True)
class DuplicateGroup:
    """Residents that look like the same person, and why."""

    reason: str
    members: tuple[PersonKey, ...]


def _id_key(p: PersonKey) -> str | None:
    """Comparable ID number (spacing/case/full-width ignored), None when blank."""
    key = normalize_id(p.id_number)
    return key or None


def _household_key(p: PersonKey) -> tuple[str, str, dt.date] | None:
    """(household, normalised name, birth date), None when name or date is missing."""
    name = norm_name(p.name).casefold()
    if not name or p.birth_date is None:
        return None
    return (p.household_id, name, p.birth_date)


def find_duplicates(
    candidate: PersonKey, existing: Iterable[PersonKey]
) -> list[tuple[PersonKey, str]]:
    """Existing residents that look like ``candidate``, each with a Chinese reason.

    A resident matching on both rules is reported once, with the ID reason. The
    candidate's own record (same ``resident_id``) is skipped so editing a resident
    does not flag them against themselves. For many candidates use
    :class:`DuplicateIndex`, which avoids rescanning ``existing`` each time.
    """
    id_key = _id_key(candidate)
    hh_key = _household_key(candidate)
    matches: list[tuple[PersonKey, str]] = []
    for other in existing:
        if other.resident_id == candidate.resident_id:
            continue
        if id_key is not None and _id_key(other) == id_key:
            matches.append((other, REASON_ID))
        elif hh_key is not None and _household_key(other) == hh_key:
            matches.append((other, REASON_HOUSEHOLD))
    return matches


class DuplicateIndex:
    """Hash index over existing residents for checking a whole import in O(n).

    ``find(candidate)`` returns the same result as :func:`find_duplicates` against the
    indexed residents (in insertion order); ``add`` lets an importer also catch
    duplicates within the file being imported.
    """

    def __init__(self, existing: Iterable[PersonKey] = ()) -> None:
        self._order: dict[str, int] = {}
        self._by_id: dict[str, list[PersonKey]] = defaultdict(list)
        self._by_household: dict[tuple[str, str, dt.date], list[PersonKey]] = defaultdict(list)
        for person in existing:
            self.add(person)

    def add(self, person: PersonKey) -> None:
        """Index one more resident."""
        self._order.setdefault(person.resident_id, len(self._order))
        id_key = _id_key(person)
        if id_key is not None:
            self._by_id[id_key].append(person)
        hh_key = _household_key(person)
        if hh_key is not None:
            self._by_household[hh_key].append(person)

    def find(self, candidate: PersonKey) -> list[tuple[PersonKey, str]]:
        """Indexed residents that look like ``candidate``, each with a Chinese reason."""
        found: dict[int, tuple[PersonKey, str]] = {}
        id_key = _id_key(candidate)
        if id_key is not None:
            for other in self._by_id.get(id_key, ()):
                if other.resident_id != candidate.resident_id:
                    found.setdefault(id(other), (other, REASON_ID))
        hh_key = _household_key(candidate)
        if hh_key is not None:
            for other in self._by_household.get(hh_key, ()):
                if other.resident_id != candidate.resident_id:
                    found.setdefault(id(other), (other, REASON_HOUSEHOLD))
        return sorted(found.values(), key=lambda m: self._order[m[0].resident_id])


def find_duplicate_groups(people: Iterable[PersonKey]) -> list[DuplicateGroup]:
    """All groups of two or more residents that look like the same person.

    ID-number groups come first, then same-household groups, each kind in order of
    first appearance; members keep their input order. A same-household group is
    omitted when all its members already form part of one ID-number group, so each
    problem is reported once.
    """
    people = list(people)
    by_id: dict[str, list[PersonKey]] = defaultdict(list)
    by_household: dict[tuple[str, str, dt.date], list[PersonKey]] = defaultdict(list)
    for person in people:
        id_key = _id_key(person)
        if id_key is not None:
            by_id[id_key].append(person)
        hh_key = _household_key(person)
        if hh_key is not None:
            by_household[hh_key].append(person)

    groups = [DuplicateGroup(REASON_ID, tuple(m)) for m in by_id.values() if len(m) > 1]
    covered = [frozenset(id(p) for p in g.members) for g in groups]
    for members in by_household.values():
        if len(members) < 2:
            continue
        ids = frozenset(id(p) for p in members)
        if any(ids <= c for c in covered):
            continue
        groups.append(DuplicateGroup(REASON_HOUSEHOLD, tuple(members)))
    return groups


@dataclass(frozen=True)
class AddressKey:
    """The fields that identify a household for duplicate checks."""

    household_id: str
    micro_grid_id: str | None
    estate: str | None
    building: str | None
    unit: str | None
    room: str | None


def address_key(h: AddressKey) -> tuple[str, str, str, str, str] | None:
    """(micro-grid, estate, building, unit, room) normalised: full-width digits, spaces and
    case ignored; None without a micro-grid or a room (an address too vague to match)."""
    room = norm_key(h.room).replace(" ", "")
    if not h.micro_grid_id or not room:
        return None
    parts = (norm_key(x).replace(" ", "") for x in (h.estate, h.building, h.unit))
    estate, building, unit = parts
    return (h.micro_grid_id, estate, building, unit, room)


@dataclass(frozen=True)
class AddressGroup:
    """Households that look like the same household, and why."""

    reason: str
    members: tuple[AddressKey, ...]


def find_address_groups(households: Iterable[AddressKey]) -> list[AddressGroup]:
    """Groups of two or more households at the same address in one micro-grid, in order
    of first appearance (members keep their input order)."""
    by_address: dict[tuple[str, str, str, str, str], list[AddressKey]] = defaultdict(list)
    for h in households:
        key = address_key(h)
        if key is not None:
            by_address[key].append(h)
    return [AddressGroup(REASON_ADDRESS, tuple(m)) for m in by_address.values() if len(m) > 1]
