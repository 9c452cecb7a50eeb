"""Shared fixtures. Qt runs offscreen so the whole suite needs no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from gridworker.store.store import Store


@pytest.fixture
def worker_store(tmp_path: Path) -> Iterator[Store]:
    """A worker installation of 致强社区 / 第三微网格 in a temporary file."""
    s = Store.open(tmp_path / "worker.sqlite3")
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    yield s
    s.close()


@pytest.fixture
def office_store(tmp_path: Path) -> Iterator[Store]:
    """An office installation of 致强社区 in a temporary file."""
    s = Store.open(tmp_path / "office.sqlite3")
    s.init_installation("office", "致强社区", "王主任")
    yield s
    s.close()
