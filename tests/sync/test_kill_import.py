"""Killing the importing process at any moment leaves the database as before or as after."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Change, Store
from gridworker.sync import export_bundle
from gridworker.sync.setup import init_from_bundle


def _copy_db(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(str(src) + suffix).exists():
            shutil.copy2(str(src) + suffix, str(dst) + suffix)


@pytest.mark.slow
@pytest.mark.parametrize("files", [1, 2])
def test_sigkill_during_import_leaves_before_or_after(tmp_path: Path, files: int) -> None:
    """With two files (the first half, then everything) there is no "first file only"
    state either: a many-file import is one transaction."""
    office_db = tmp_path / "office.sqlite3"
    office = Store.open(office_db)
    office.init_installation("office", "致强社区", "王主任")
    office.ensure_micro_grid("第一微网格")
    setup = tmp_path / "setup.gwbundle.json"
    export_bundle(office, setup, micro_grid="第一微网格", setup=True)
    init_from_bundle(tmp_path / "w.sqlite3", setup, "赵红")
    w = Store.open(tmp_path / "w.sqlite3")
    mg = w.identity.micro_grid_id
    for b in range(8):  # ~6,400 operations: about a second to import
        homes = w.write(
            [
                Change(
                    "household",
                    {"micro_grid_id": mg, "building": f"{b}栋", "room": str(i)},
                    new=True,
                )
                for i in range(200)
            ]
        )
        w.write(
            [
                Change(
                    "resident", {"household_id": h.entity_id, "name": f"居民{b}-{i}-{k}"}, new=True
                )
                for i, h in enumerate(homes)
                for k in range(3)
            ]
        )
        if b == 3:
            export_bundle(w, tmp_path / "half.gwbundle.json")
    bundle = tmp_path / "big.gwbundle.json"
    assert export_bundle(w, bundle).op_count == 6400
    w.close()
    before = snapshot_text(office)
    office.close()

    def start(db: Path) -> subprocess.Popen[bytes]:
        _copy_db(office_db, db)
        paths = [str(tmp_path / "half.gwbundle.json")] if files == 2 else []
        cmd = [sys.executable, "-m", "gridworker", "--db", str(db), "bundle", "import"]
        cmd += [*paths, str(bundle)]
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # One uninterrupted run: the "after" state and how long a whole run takes here.
    t0 = time.perf_counter()
    full = start(tmp_path / "done.sqlite3")
    assert full.wait() == 0
    whole = time.perf_counter() - t0
    with Store.open(tmp_path / "done.sqlite3") as s:
        after = snapshot_text(s)
    assert after != before

    outcomes = []
    for i, fraction in enumerate((0.2, 0.45, 0.6, 0.75, 0.9, 1.3)):
        proc = start(tmp_path / f"kill{i}.sqlite3")
        time.sleep(whole * fraction)
        running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Store.open(tmp_path / f"kill{i}.sqlite3") as s:
            assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            text = snapshot_text(s)
            assert text in (before, after), f"kill at {fraction:.0%} left a half-imported database"
            outcomes.append((running, text == after))
    assert any(running for running, _ in outcomes), "no kill hit a running import"
