"""Build the app as the office gets it and run its self-test (slow: .ci/run runs it with
`uv run pytest -m slow tests/packaging`).

Measured on the 2-core Linux CI machine (PyInstaller 6.22, PySide6 6.11, Python 3.11):
a clean build takes about 40–90 s; dist/GridWorker/ is 158.9 MB (PySide6 84 MB with ICU's
data 31 MB and Qt Gui, Widgets and Core 26 MB; printing adds Pillow 14 MB, which reportlab
imports unconditionally, and pdfium 7 MB for the in-app preview; libpython 6 MB after
stripping) and the .tar.gz 64.6 MB (124.6 and 48.6 MB before printing). Left out:
QtNetwork/Qml/Quick/WebEngine, the GTK theme plugin and its GTK stack, eglfs/vnc/linuxfb
platforms, TLS and network plugins, Qt's translations other than qtbase_zh_CN.
The budgets leave about 10 % for growth; a larger build means something came in that does
not belong (see packaging/qt_trim.py) or the budget needs a reason to grow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from packaging_scripts import load

from gridworker import __version__
from gridworker.resources import shipped_files

build = load("build")
qt_trim = load("qt_trim")

FOLDER_BUDGET_MB = 175
ARCHIVE_BUDGET_MB = 71


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    out = tmp_path_factory.mktemp("frozen")
    start = time.monotonic()
    app_dir, archive = build.build(out / "dist", out / "work")
    assert archive is not None
    return app_dir, archive, time.monotonic() - start


def _program(app_dir: Path) -> Path:
    return app_dir / ("gridworker-cli.exe" if sys.platform == "win32" else "GridWorker")


def _self_test(app_dir: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH"}
    }
    env["HOME"] = str(home)  # the user data folder is never touched, but if it were: here
    env["GRIDWORKER_SETTINGS"] = str(home / "settings.ini")
    return subprocess.run(
        [str(_program(app_dir)), "--self-test", *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_the_frozen_app_passes_its_self_test(
    built: tuple[Path, Path, float], tmp_path: Path
) -> None:
    app_dir, _archive, _took = built
    for args in ((), ("--headless",)):  # no display: offscreen by itself, or when asked
        result = _self_test(app_dir, *args, home=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        (line,) = result.stdout.splitlines()
        assert line.startswith("自检通过 self-test passed"), line
        assert f"GridWorker {__version__}" in line
        assert f"resources: {len(list(shipped_files()))} files" in line
        assert "window: offscreen, 3 rows" in line
    assert list(tmp_path.iterdir()) == []  # nothing written into the user's home


@pytest.mark.slow
def test_the_frozen_app_carries_what_it_uses_and_nothing_big_it_does_not(
    built: tuple[Path, Path, float],
) -> None:
    app_dir, _archive, _took = built
    internal = app_dir / "_internal"
    # Every shipped resource, where gridworker.resources finds it in the frozen app.
    frozen = internal / "gridworker" / "resources"
    assert sorted(p.relative_to(frozen).as_posix() for p in frozen.rglob("*") if p.is_file()) == (
        sorted(shipped_files())
    )
    files = [p for p in internal.rglob("*") if p.is_file() or p.is_symlink()]
    unwanted = [p.name for p in files if qt_trim.UNWANTED_LIBRARY.match(p.name.lower())]
    assert unwanted == []
    translations = {p.name for p in files if p.suffix == ".qm" and "PySide6" in p.parts}
    assert translations == set(qt_trim.KEPT_TRANSLATIONS)
    plugins = {p.parent.name for p in files if "plugins" in p.parts}
    assert plugins.isdisjoint(qt_trim.DROPPED_PLUGIN_TYPES)
    assert not any("gtk" in p.name for p in files)
    if sys.platform.startswith("linux"):
        assert (app_dir / "install-shortcut.sh").stat().st_mode & 0o111
        assert (app_dir / "gridworker.desktop").is_file()
    assert (app_dir / "install.md").is_file()


@pytest.mark.slow
def test_the_build_fits_its_size_budget(
    built: tuple[Path, Path, float], capsys: pytest.CaptureFixture[str]
) -> None:
    app_dir, archive, took = built
    folder_mb = build.folder_size(app_dir) / 1_000_000
    archive_mb = archive.stat().st_size / 1_000_000
    assert archive.name == build.archive_name(__version__, build.platform_tag())
    with capsys.disabled():
        print(
            f"\nfrozen build: {folder_mb:.1f} MB (budget {FOLDER_BUDGET_MB}), "
            f"{archive.name} {archive_mb:.1f} MB (budget {ARCHIVE_BUDGET_MB}), built in {took:.0f} s"
        )
    assert folder_mb <= FOLDER_BUDGET_MB
    assert archive_mb <= ARCHIVE_BUDGET_MB
