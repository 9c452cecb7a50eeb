"""Two programs writing one database wait their turn, saying so, never failing half-way (#10).

Real processes: a holder keeps the write lock as the app would during a long import, and
the command line runs beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sync_helpers import Site, add_household

from gridworker.store.store import Store
from gridworker.sync import export_bundle

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def _start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args,
        env={**os.environ, **(env or {})},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hold(db: Path) -> subprocess.Popen[str]:
    holder = _start([sys.executable, "-c", _HOLDER, str(db)])
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0


def _gridworker(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return _start([sys.executable, "-m", "gridworker", "--db", str(db), *args], env)


def _bundle(site: Site, name: str, room: str) -> Path:
    w = site.setup_worker(name, "赵红")
    add_household(w, site.mg_a, room, ["周敏"])
    path = site.folder / f"{name}.gwbundle.json"
    export_bundle(w, path)
    w.close()
    return path


def test_an_import_waits_for_another_write_and_says_so_once(site: Site) -> None:
    up = _bundle(site, "w1", "102")
    db = site.office.path
    assert db is not None
    holder = _hold(db)
    importing = _gridworker(db, "bundle", "import", str(up))
    assert importing.stderr is not None
    first = importing.stderr.readline()
    assert "另一个操作正在写入，请稍候" in first
    _release(holder)
    out, err = importing.communicate(timeout=120)
    assert importing.returncode == 0, err
    assert "请稍候" not in err  # said once
    assert "导入 1 个" in out
    rooms = {r[0] for r in site.office.conn.execute("SELECT room FROM household")}
    assert "102" in rooms


def test_a_write_that_waits_too_long_says_so_in_one_sentence(site: Site) -> None:
    up = _bundle(site, "w1", "102")
    db = site.office.path
    assert db is not None
    holder = _hold(db)
    try:
        importing = _gridworker(db, "bundle", "import", str(up), env={"GRIDWORKER_WRITE_WAIT": "1"})
        _out, err = importing.communicate(timeout=120)
    finally:
        _release(holder)
    assert importing.returncode == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= 2, err  # perhaps "please wait", then why it gave up
    assert "已等了" in lines[-1] and "没有保存" in lines[-1]
    assert "database is locked" not in err and "Traceback" not in err
    rooms = {r[0] for r in site.office.conn.execute("SELECT room FROM household")}
    assert "102" not in rooms


def test_two_imports_and_an_export_at_once_all_finish(site: Site) -> None:
    """Were: "UNIQUE constraint failed: ops.device_id, ops.seq" or "database is locked"."""
    ups = [_bundle(site, f"w{i}", f"30{i}") for i in range(1, 4)]
    db = site.office.path
    assert db is not None
    holder = _hold(db)  # all three start while another write is going on
    runs = [
        _gridworker(db, "bundle", "import", str(ups[0])),
        _gridworker(db, "bundle", "import", str(ups[1]), str(ups[2])),
        _gridworker(
            db, "bundle", "export", "--micro-grid", "第二微网格", "--out", str(site.folder)
        ),
    ]
    for run in runs:
        assert run.stderr is not None
        assert "请稍候" in run.stderr.readline()
    _release(holder)
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    rooms = {r[0] for r in site.office.conn.execute("SELECT room FROM household")}
    assert {"301", "302", "303"} <= rooms


def test_two_programs_writing_their_own_edits_at_once_number_them_apart(site: Site) -> None:
    """Each writes operations of its own device (a roster import beside another)."""
    w = site.setup_worker("w1", "赵红")
    db = w.path
    assert db is not None
    w.close()
    sheets = []
    for n in range(2):
        sheet = site.folder / f"sheet{n}.csv"
        rows = ["小区,楼栋,房号,姓名"] + [
            f"锦华苑,{n + 1}栋,{100 + i},居民{n}-{i}" for i in range(300)
        ]
        sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
        sheets.append(sheet)
    holder = _hold(db)
    runs = [_gridworker(db, "roster", "import", str(s)) for s in sheets]
    for run in runs:
        assert run.stderr is not None
        assert "请稍候" in run.stderr.readline()
    _release(holder)
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    with Store.open(db) as s:
        seqs = [
            r[0]
            for r in s.conn.execute(
                "SELECT seq FROM ops WHERE device_id = ?", (s.identity.device_id,)
            )
        ]
        assert len(seqs) == len(set(seqs)) and sorted(seqs) == list(range(1, len(seqs) + 1))
        assert s.conn.execute("SELECT count(*) FROM resident").fetchone()[0] >= 600
