"""The office lists its micro-grids in reading order, not code-point order."""

from __future__ import annotations

from sync_helpers import Site

from gridworker.store import queries
from gridworker.sync import sync_status


def test_sync_status_lists_micro_grids_by_their_number(site: Site) -> None:
    for name in ("第十微网格", "第三微网格", "第十一微网格"):
        site.office.ensure_micro_grid(name)
    names = [s.name for s in sync_status(site.office)]
    assert names == ["第一微网格", "第二微网格", "第三微网格", "第十微网格", "第十一微网格"]
    assert [n for _id, n in queries.micro_grids(site.office.conn)] == names
