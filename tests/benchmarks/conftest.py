"""Benchmarks are skipped by the default run; `--benchmark-enable` (or --benchmark-only) runs them.

uv run pytest tests/benchmarks --benchmark-enable -s
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("benchmark_enable", False) or config.getoption("benchmark_only", False):
        return
    skip = pytest.mark.skip(reason="benchmark: run with --benchmark-enable")
    for item in items:
        if "benchmarks" in item.path.parts:
            item.add_marker(skip)
