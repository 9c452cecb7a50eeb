"""Fixtures for sync tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kind_for_tests import visit_kind
from sync_helpers import COMMUNITY, Site, add_household

from gridworker.store.store import Store

__all__ = ["site", "visit_kind"]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """An office of 致强社区 with two micro-grids, each with one household of two people."""
    office = Store.open(tmp_path / "office.sqlite3")
    office.init_installation("office", COMMUNITY, "王主任")
    a = office.ensure_micro_grid("第一微网格")
    b = office.ensure_micro_grid("第二微网格")
    add_household(office, a, "101", ["张静华", "李建国"])
    add_household(office, b, "201", ["王秀英", "刘洋"])
    yield Site(tmp_path, office, a, b)
    office.close()
