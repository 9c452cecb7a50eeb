"""What a write or an import changed: record ids by kind, for screens to refresh by.

In the spirit of Anki's ``OpChanges``: the store collects what each committed transaction
touched, the UI's database thread hands it to every screen in one ``changed`` signal, and
each screen decides for itself whether it shows any of it. A new screen subscribes;
nobody else changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Changes:
    """Kinds and ids of the synced records changed, plus the other things screens show."""

    records: dict[str, set[str]] = field(default_factory=dict)
    conflicts: bool = False  # the open-conflicts list may differ
    sync: bool = False  # bundle history, peers or acknowledgements changed
    settings: bool = False  # device-local settings (installation, policies) changed
    everything: bool = False  # another program wrote to the file: anything may differ

    @classmethod
    def anything(cls) -> Changes:
        """Changes that are not known one by one (another program wrote): every screen
        that filters by kind or flag refreshes; ids are unknown (check ``everything``)."""
        return cls(conflicts=True, sync=True, settings=True, everything=True)

    def add(self, entity: str, ids: Iterable[str]) -> None:
        self.records.setdefault(entity, set()).update(ids)

    def update(self, other: Changes) -> None:
        """Fold another set of changes into this one."""
        for entity, ids in other.records.items():
            self.add(entity, ids)
        self.conflicts |= other.conflicts
        self.sync |= other.sync
        self.settings |= other.settings
        self.everything |= other.everything

    def touches(self, *entities: str) -> bool:
        """Whether any record of these kinds changed (any kind at all if none are named)."""
        if self.everything:
            return True
        if not entities:
            return any(self.records.values())
        return any(self.records.get(e) for e in entities)

    def ids(self, entity: str) -> frozenset[str]:
        return frozenset(self.records.get(entity, ()))

    def __bool__(self) -> bool:
        return self.touches() or self.conflicts or self.sync or self.settings
