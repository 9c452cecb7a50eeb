"""What every command needs: opening the store the user pointed at, and clean errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridworker.store.db import default_db_path
from gridworker.store.store import Store

Handler = Callable[[argparse.Namespace], int]
SubParsers = Any  # argparse._SubParsersAction is private; typed loosely on purpose


class CommandError(Exception):
    """A user-facing failure: printed as one sentence, exit code 1 (or ``code``)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> Store:
    """The store named by --db / GRIDWORKER_DB / the default, which must be initialised."""
    path = db_path(args)
    if must_exist and not path.exists():
        raise CommandError(
            f"找不到数据库 {path}。请先运行 gridworker init 创建，或用 --db 指定文件。"
            f" (no database at {path}: run `gridworker init` first)"
        )
    store = Store.open(path, create=not must_exist)
    # A write that must wait for another program's (the app, another import) says so once.
    store.on_wait = lambda text: print(f"gridworker: {text}", file=sys.stderr, flush=True)
    try:
        if store.check_history() is not None:  # a restored or copied file: said when found
            print(f"gridworker: {store.history_notice}", file=sys.stderr, flush=True)
    except BaseException:
        store.close()
        raise
    if must_exist and not store.initialised:
        store.close()
        raise CommandError(f"数据库 {path} 还没有初始化：请先运行 gridworker init。")
    return store
