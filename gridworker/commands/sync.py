"""`gridworker bundle …`, `conflicts`, `sync-status` (filled in by the sync work)."""

from __future__ import annotations

from gridworker.commands.common import SubParsers


def register(sub: SubParsers) -> None:
    return None
