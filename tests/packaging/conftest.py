"""Packaging tests. The frozen build (`slow`) takes a minute or more, so it only runs when
asked for by marker: `uv run pytest -m slow tests/packaging` (.ci/run does)."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(
        reason="builds the app: run with `uv run pytest -m slow tests/packaging`"
    )
    here = Path(__file__).parent
    for item in items:
        if item.get_closest_marker("slow") and here in item.path.parents:
            item.add_marker(skip)
