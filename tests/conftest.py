"""Shared fixtures. Qt runs offscreen so the whole suite needs no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from gridworker.store.store import Store


@pytest.fixture(autouse=True, scope="session")
def _device_records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The test session keeps its device-history records (store/device_history.py) in a
    folder of its own, never in the user's data folder; subprocesses inherit it. One
    folder for the session, as one computer: databases made by session fixtures are
    opened by many tests. Tests that play several computers set their own."""
    folder = tmp_path_factory.mktemp("device-records")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GRIDWORKER_DEVICE_RECORDS", str(folder))
        yield folder


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
