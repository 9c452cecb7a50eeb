"""A computer clock set to the year 2300: one sentence, not an OverflowError traceback (#10)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.store import Store
from gridworker.sync import export_bundle


def _setup_bundle(tmp_path: Path) -> Path:
    with Store.open(tmp_path / "office.sqlite3") as office:
        office.init_installation("office", "致强社区", "王主任")
        office.ensure_micro_grid("第一微网格")
        return export_bundle(
            office, tmp_path / "setup.gwbundle.json", micro_grid="第一微网格", setup=True
        ).path


def test_init_from_a_bundle_with_the_clock_in_2300_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = _setup_bundle(tmp_path)

    def year_2300() -> int:  # what CPython does past 2262: nanoseconds overflow 64 bits
        raise OverflowError("timestamp too large to convert to C _PyTime_t")

    monkeypatch.setattr(time, "time_ns", year_2300)
    db = tmp_path / "w.sqlite3"
    code = main(["--db", str(db), "init", "--from-bundle", str(bundle), "--user", "赵红"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "日期" in err and "改正" in err
    assert "Traceback" not in err
    assert not db.exists()  # a failed set-up leaves nothing behind


@pytest.mark.skipif(shutil.which("faketime") is None, reason="libfaketime (Debian: faketime)")
def test_the_same_under_a_real_skewed_clock(tmp_path: Path) -> None:
    bundle = _setup_bundle(tmp_path)
    done = subprocess.run(
        [
            "faketime",
            "2300-01-01 00:00:00",
            sys.executable,
            "-m",
            "gridworker",
            "--db",
            str(tmp_path / "w.sqlite3"),
            "init",
            "--from-bundle",
            str(bundle),
            "--user",
            "赵红",
        ],
        env={**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1"},  # as a real clock
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "日期" in done.stderr and "Traceback" not in done.stderr


def test_the_command_line_starts_without_reading_the_clock_through_logging() -> None:
    """CPython's logging reads time.time() on import, which overflows past 2262 before any
    of our code can say a sentence: the CLI must not import it (nor reportlab, which does)
    until a command needs it."""
    probe = "import sys, gridworker.cli; print(sorted({'logging', 'reportlab'} & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
