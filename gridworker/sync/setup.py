"""Setting up a worker laptop from an office set-up bundle (filled in by the sync work)."""

from __future__ import annotations

from pathlib import Path

from gridworker.commands.common import CommandError
from gridworker.store.store import Identity


def init_from_bundle(db: Path, bundle: Path, user: str) -> Identity:
    raise CommandError("用配置包建立数据库的功能尚未完成。")
