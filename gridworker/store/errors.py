"""Errors the store raises; each carries one clear sentence for the person using the app.

Two kinds matter to whoever shows them: :class:`StoreError` is a refusal or a problem
the person can act on; :class:`KnownProblem` (a StoreError) is one the environment caused
— a full or read-only disk, another program writing, a damaged file — not a bug.
Anything else that escapes is a bug (``store.known_errors`` words both).
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the database that the user must be told about in plain words."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer GridWorker; opening it could damage it."""


class NotOurDatabase(StoreError):
    """The file is empty, not SQLite, or another program's database: refused untouched."""


class NotInitialised(StoreError):
    """The database has no installation identity yet (run `gridworker init`)."""


class ValidationError(StoreError):
    """A write was refused because a value breaks a rule; nothing was written."""


class KnownProblem(StoreError):
    """The environment's fault, not a bug: disk full, read-only, busy, damaged, unreadable."""


class DatabaseBusy(KnownProblem):
    """Another program kept the database busy for longer than a write waits."""


class ReadOnlyDatabase(KnownProblem):
    """The database is on a read-only disk or folder: reading works, writing is refused."""


class DatabaseDamaged(KnownProblem):
    """The file is damaged inside (a page or a stored value). The sentence names the newest
    backup that passes the check and how to restore it."""

    def __init__(self, detail: str, path: Path | None) -> None:
        from gridworker.store.known_errors import damaged_sentence

        super().__init__(damaged_sentence(detail, path))
        self.detail = detail
        self.path = path
