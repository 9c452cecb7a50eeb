"""A laptop whose clock is years ahead does not date everyone's later edits (#10).

The hybrid clock follows the latest time it has seen, so after one edit stamped in 2031
every later edit anywhere is ordered after it, and its hlc says 2031. The history shows
when an edit was made by the editing device's own clock (the operation's ``wall``).
"""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from sync_helpers import Site, add_household

from gridworker.store.history import history
from gridworker.store.ops import Op

JUNE_2031_NS = int(datetime(2031, 6, 1, 12, 0).timestamp() * 1e9)


def test_a_clock_in_2031_dates_only_its_own_edits(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = site.setup_worker("w1", "赵红")
    with monkeypatch.context() as m:
        m.setattr(time, "time_ns", lambda: JUNE_2031_NS)
        h, _ = add_household(w, site.mg_a, "102", [])
    site.send(w, site.office, "up")
    site.office.update("household", h, {"notes": "社区核实过"})  # today, at the office
    op = site.office.conn.execute(
        "SELECT hlc FROM ops WHERE entity_id = ? ORDER BY hlc DESC LIMIT 1", (h,)
    ).fetchone()
    assert op[0] > "1900000000000"  # ordered after the 2031 edit, as it must be
    entries = history(site.office.conn, [h])
    assert [e.when.year for e in entries] == [datetime.now().year, 2031]
    site.send(site.office, w, "down", micro_grid="第一微网格")
    assert [e.when.year for e in history(w.conn, [h])] == [datetime.now().year, 2031]
    w.close()


def test_operations_without_a_wall_time_are_dated_by_their_hlc(site: Site) -> None:
    """Operations written before the field existed (and by other writers) still show."""
    h, _ = add_household(site.office, site.mg_a, "103", [])
    site.office.conn.execute("UPDATE ops SET wall = NULL WHERE entity_id = ?", (h,))
    [entry] = history(site.office.conn, [h])
    r = site.office.conn.execute("SELECT * FROM ops WHERE entity_id = ?", (h,)).fetchone()
    assert Op.from_row(r).wall is None and "wall" not in Op.from_row(r).to_json()
    assert entry.when.timestamp() == pytest.approx(int(r["hlc"][:13]) / 1000)
