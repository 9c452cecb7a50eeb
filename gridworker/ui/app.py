"""Starting the desktop app (filled in by the desktop work)."""

from __future__ import annotations

from pathlib import Path


def run_app(db: Path | None) -> int:
    raise ImportError("桌面程序尚未完成")
