"""Desktop app budgets on a 100,000-resident database.

* Start-up: process start to main window exposed, at most 3× a bare QMainWindow
  started the same way in the same run (both as fresh subprocesses).
* Memory: resident set size with the roster screen open and its first page shown,
  under 300 MB.

Run: uv run pytest tests/benchmarks/test_ui_bench.py --benchmark-enable -s
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridworker.demo import build_demo
from gridworker.store.store import Store

RESIDENTS = 100_000
ROUNDS = 5

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer

mode, db = sys.argv[1], Path(sys.argv[2])
if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.resize(1280, 800)
else:
    from gridworker.ui.app import build_application, open_main_window, read_identity
    app = build_application(sys.argv[:1])
    identity, mg = read_identity(db)
    win = open_main_window(db, identity, mg)

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1.0

def finish(*_args):
    if mode == "memory":
        print(f"rss {rss_mb():.1f}", flush=True)
    win.close()
    app.quit()

class Exposed(QObject):
    done = False
    def eventFilter(self, obj, event):
        handle = win.windowHandle()
        if (not self.done and event.type() == QEvent.Type.Expose
                and handle is not None and handle.isExposed()):
            self.done = True
            print("shown", flush=True)
            if mode == "memory":
                roster = win.roster
                roster.model.page_loaded.connect(lambda _p: QTimer.singleShot(200, finish))
                if roster.model.rowCount():
                    roster.model.data(roster.model.index(0, 0))
                roster.ids_loaded.connect(
                    lambda _n: roster.model.data(roster.model.index(0, 0)))
            else:
                QTimer.singleShot(0, finish)
        return False

watcher = Exposed()
win.show()
win.windowHandle().installEventFilter(watcher)
app.exec()
"""


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "big.sqlite3"
    started = time.perf_counter()
    with Store.open(path) as store:
        build_demo(store, households=RESIDENTS * 10 // 26, seed=1, role="office")
        n = store.conn.execute("SELECT count(*) FROM resident").fetchone()[0]
    print(f"\nbuilt {n} residents in {time.perf_counter() - started:.0f} s")
    assert n >= RESIDENTS
    return path


def _run(mode: str, db: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from process start to the window being exposed, and the child's output."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    shown = None
    lines = []
    for line in proc.stdout:
        if line.strip() == "shown" and shown is None:
            shown = time.perf_counter() - started
        lines.append(line)
    out = "".join(lines)
    assert proc.wait(timeout=120) == 0
    assert shown is not None
    return shown, out


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GRIDWORKER_SETTINGS"] = str(tmp_path / "settings.ini")
    # An installed app starts from compiled bytecode. Some machines (CI among them) set
    # PYTHONDONTWRITEBYTECODE, which would charge every start of the app, and not of the
    # bare window, with compiling our modules again: keep bytecode in a private folder,
    # filled by the warm-up runs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    return env


def test_startup_to_main_window(benchmark, big_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = _env(tmp_path)
    _run("bare", big_db, env)  # warm the file cache for both
    _run("app", big_db, env)
    bare, app = [], []
    for _ in range(ROUNDS):
        bare.append(_run("bare", big_db, env)[0])
        app.append(_run("app", big_db, env)[0])
    benchmark.pedantic(lambda: _run("app", big_db, env), rounds=1, iterations=1)
    ratio = statistics.median(app) / statistics.median(bare)
    print(
        f"\nstart-up to window shown: app {statistics.median(app) * 1000:.0f} ms, bare "
        f"QMainWindow {statistics.median(bare) * 1000:.0f} ms → ratio {ratio:.2f} (budget 3)"
    )
    assert ratio <= 3


def test_memory_with_roster_open(benchmark, big_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = _env(tmp_path)
    (path := tmp_path / "settings.ini").write_text("[window]\nscreen=roster\n")
    assert path.exists()
    _, out = benchmark.pedantic(lambda: _run("memory", big_db, env), rounds=1, iterations=1)
    rss = float(out.split("rss", 1)[1].split()[0])
    print(f"\nRSS with the roster open on {RESIDENTS:,}+ residents: {rss:.0f} MB (budget 300 MB)")
    assert rss < 300
