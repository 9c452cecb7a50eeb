"""The clock never goes backwards while the app is open and another program writes (#10).

The app caches nothing between write transactions: each one re-reads the clock and the
sequence counter after BEGIN IMMEDIATE. Here "the app" is a Store kept open in the test
process while the command line, in a subprocess, imports a bundle stamped later.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sync_helpers import Site, add_household

from gridworker.core.hlc import Clock, wall_ms
from gridworker.core.ids import uuid7
from gridworker.store.ops import Op
from gridworker.store.store import Store
from gridworker.sync import export_bundle

DAY_MS = 86_400_000


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GRIDWORKER_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "gridworker", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _notes_hlc(s: Store, hid: str) -> str:
    rows = s.conn.execute(
        "SELECT hlc FROM ops WHERE entity_id = ? AND json_type(fields, '$.notes') IS NOT NULL"
        " ORDER BY hlc",
        (hid,),
    ).fetchall()
    return str(rows[-1][0])


def test_an_edit_after_a_command_line_import_is_stamped_after_what_it_replaces(
    site: Site,
) -> None:
    app = site.setup_worker("w1", "赵红")  # the worker's app, open all along
    assert app.path is not None
    hid, _ = add_household(app, site.mg_a, "102", ["周敏"])
    site.send(app, site.office, "up1")

    # The office's clock runs a day ahead; it edits the household and sends it back.
    office_clock = site.office._clock
    assert office_clock is not None
    site.office._clock = Clock(office_clock.device, office_clock.last, lambda: wall_ms() + DAY_MS)
    site.office.update("household", hid, {"notes": "社区改的"})
    down = site.folder / "down.gwbundle.json"
    export_bundle(site.office, down, micro_grid="第一微网格")
    office_hlc = _notes_hlc(site.office, hid)

    done = _cli(app.path, "bundle", "import", str(down))
    assert done.returncode == 0, done.stderr

    # The app, still open, edits the same field: built on the office's value.
    op = app.update("household", hid, {"notes": "网格员改的"})
    assert op is not None
    assert op.base["notes"] == office_hlc
    assert op.hlc > office_hlc
    assert (app.meta("hlc_last") or "") >= op.hlc  # the stored clock is not rolled back

    site.send(app, site.office, "up2")
    row = site.office.get("household", hid)
    assert row is not None and row["notes"] == "网格员改的"
    assert site.office.open_conflicts() == []
    app.close()


def test_two_programs_writing_one_after_the_other_never_reuse_a_number(site: Site) -> None:
    first = site.setup_worker("w1", "赵红")
    assert first.path is not None
    second = Store.open(first.path)  # e.g. the command line beside the app
    add_household(second, site.mg_a, "103", ["孙丽"])
    add_household(first, site.mg_a, "104", ["吴强"])  # was: UNIQUE constraint failed
    add_household(second, site.mg_a, "105", ["郑洁"])
    seqs = [
        r[0]
        for r in first.conn.execute(
            "SELECT seq FROM ops WHERE device_id = ? ORDER BY seq", (first.identity.device_id,)
        )
    ]
    assert seqs == list(range(1, len(seqs) + 1))
    hlcs = [
        r[0]
        for r in first.conn.execute(
            "SELECT hlc FROM ops WHERE device_id = ? ORDER BY seq", (first.identity.device_id,)
        )
    ]
    assert hlcs == sorted(hlcs)
    second.close()
    first.close()


def test_an_edit_stamped_before_the_value_it_replaced_is_listed_not_dropped(site: Site) -> None:
    """Impossible from this app by construction; if one ever arrives (an old version, a
    hand-made file), the person sees it in the conflicts list."""
    hid = site.office.conn.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
    site.office.update("household", hid, {"notes": "现在的"})
    current = _notes_hlc(site.office, hid)
    earlier = f"{int(current[:13]) - 60_000:013d}-0000-{'f' * 32}"
    odd = Op(
        op_id=uuid7(),
        device_id="f" * 32,
        seq=1,
        hlc=earlier,
        user="旧版本",
        entity="household",
        entity_id=hid,
        fields={"notes": "早盖章的修改"},
        base={"notes": current},
        merged={},
        micro_grid_id=site.mg_a,
    )
    counts = site.office.apply_ops([odd])
    assert counts.new == 1
    row = site.office.get("household", hid)
    assert row is not None and row["notes"] == "现在的"  # the later stamp still wins
    conflicts = site.office.open_conflicts()
    assert [(c["field"], c["loser_hlc"]) for c in conflicts] == [("notes", earlier)]


def test_a_store_opened_on_a_stale_clock_record_still_stamps_after_the_log(site: Site) -> None:
    """local_meta left behind (a tool, a crash): the change log bounds the clock too."""
    w = site.setup_worker("w1", "赵红")
    assert w.path is not None
    hid, _ = add_household(w, site.mg_a, "106", ["冯军"])
    site.send(w, site.office, "up1")
    office_clock = site.office._clock
    assert office_clock is not None
    site.office._clock = Clock(office_clock.device, office_clock.last, lambda: wall_ms() + DAY_MS)
    site.office.update("household", hid, {"notes": "社区改的"})
    site.send(site.office, w, "down", micro_grid="第一微网格")
    office_hlc = _notes_hlc(w, hid)
    w.conn.execute("UPDATE local_meta SET value = '0000000000001-0000-x' WHERE key = 'hlc_last'")
    w.close()
    again = Store.open(site.folder / "w1.sqlite3")
    op = again.update("household", hid, {"notes": "之后"})
    assert op is not None and op.hlc > office_hlc
    again.close()
