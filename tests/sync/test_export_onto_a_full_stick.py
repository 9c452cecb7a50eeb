"""`bundle export --all-micro-grids` onto a stick with room for one file says which were
written and recorded as sent (#10). A real small file system: tmpfs in a private mount
namespace (``unshare -m``, as root — how CI runs); skipped where that is not allowed."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import Site, add_household

from gridworker.sync import export_all_micro_grids
from gridworker.sync.state import bundle_history


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


@pytest.mark.skipif(not _can_mount(), reason="needs unshare -m and mount (root)")
def test_a_full_stick_reports_the_files_written_before_it(site: Site, tmp_path: Path) -> None:
    for i in range(60):  # the second micro-grid's bundle is much larger than the first's
        add_household(site.office, site.mg_b, f"{300 + i}", [f"居民{i}甲", f"居民{i}乙"])
    trial = tmp_path / "trial"
    trial.mkdir()
    sizes = [r.size for r in export_all_micro_grids(site.office, trial)]
    assert sizes[0] * 3 < sizes[1]
    db = site.office.path
    assert db is not None
    site.office.conn.execute("DELETE FROM bundle_log")  # the trial run is not a real send
    stick = tmp_path / "stick"
    stick.mkdir()
    room = (sizes[0] // 4096 + 2) * 4096  # the first file fits, the second cannot
    command = " ".join(
        shlex.quote(a)
        for a in [
            sys.executable,
            "-m",
            "gridworker",
            "--db",
            str(db),
            "bundle",
            "export",
            "--all-micro-grids",
            str(stick),
        ]
    )
    done = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f"mount -t tmpfs -o size={room} none {shlex.quote(str(stick))} && {command}"
            f" && ls {shlex.quote(str(stick))}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert "空间不足" in line and "第二微网格-社区回传" in line and "没有写成" in line
    assert "已写入、校验并记为已发送 1 个文件：致强社区-第一微网格-社区回传" in line
    sent = [h for h in bundle_history(site.office) if h.direction == "sent"]
    assert [h.micro_grid_id for h in sent] == [site.mg_a]
