"""A database on a read-only disk opens read-only: reading works, writing says why not (#10).

A real read-only file system: a read-only bind mount in a private mount namespace
(``unshare -m``, as root — how CI runs). Skipped where that is not allowed.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from gridworker.store.store import Store


def _can_mount() -> bool:
    try:
        done = subprocess.run(
            ["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


pytestmark = pytest.mark.skipif(not _can_mount(), reason="needs unshare -m and mount (root)")


def _on_read_only_disk(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one gridworker command while ``folder`` is mounted read-only."""
    where = shlex.quote(str(folder))
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "gridworker", *args])
    return subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f"mount --bind {where} {where} && mount -o remount,bind,ro {where} && exec {command}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_read_only_disk_reads_exports_elsewhere_and_refuses_edits(tmp_path: Path) -> None:
    disk = tmp_path / "stick"
    disk.mkdir()
    db = disk / "w.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        h = s.create(
            "household",
            {"micro_grid_id": s.identity.micro_grid_id, "estate": "锦华苑", "room": "101"},
        )
        s.create("resident", {"household_id": h, "name": "张静华"})
    before = db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    sheet = tmp_path / "new.csv"
    sheet.write_text("小区,房号,姓名\n锦华苑,102,李建国\n", encoding="utf-8")
    search = _on_read_only_disk(disk, "--db", str(db), "roster", "search", "张静华")
    assert search.returncode == 0 and "张静华" in search.stdout
    snapshot = _on_read_only_disk(disk, "--db", str(db), "snapshot")
    assert snapshot.returncode == 0 and "锦华苑" in snapshot.stdout
    export = _on_read_only_disk(disk, "--db", str(db), "roster", "export", str(out / "r.xlsx"))
    assert export.returncode == 0 and (out / "r.xlsx").exists()
    bundle = _on_read_only_disk(disk, "--db", str(db), "bundle", "export", "--out", f"{out}/")
    assert bundle.returncode == 0 and "没有记为已发送" in bundle.stdout
    edit = _on_read_only_disk(disk, "--db", str(db), "roster", "import", str(sheet))
    assert edit.returncode == 1
    refusal = edit.stderr.strip().splitlines()
    assert len(refusal) == 1 and "只读" in refusal[0] and str(db) in refusal[0]
    assert db.read_bytes() == before
    assert sorted(p.name for p in disk.iterdir()) == ["w.sqlite3"]
