"""`gridworker --self-test`: one line, exit 0 when the copy works; names what failed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import gridworker.printing
from gridworker import __version__, selftest
from gridworker.cli import main


def _env(tmp_path: Path) -> dict[str, str]:
    """The user's own settings and database, which the self-test must not touch."""
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env["GRIDWORKER_SETTINGS"] = str(tmp_path / "user" / "settings.ini")
    env["GRIDWORKER_DB"] = str(tmp_path / "user" / "gridworker.sqlite3")
    env["GRIDWORKER_DEVICE_RECORDS"] = str(tmp_path / "user" / "device-records")
    env.pop("WAYLAND_DISPLAY", None)
    return env


def test_the_self_test_passes_in_one_line_and_leaves_the_users_data_alone(tmp_path: Path) -> None:
    # No display and no QT_QPA_PLATFORM: it must choose offscreen by itself.
    result = subprocess.run(
        [sys.executable, "-m", "gridworker", "--self-test"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("自检通过 self-test passed")
    assert f"GridWorker {__version__}" in line
    for name, _step, _needs in selftest.STEPS:
        assert f"{name}: " in line
    assert "roster: 3 residents" in line
    assert "window: offscreen, 3 rows" in line
    assert "translations: zh_CN, en, qtbase_zh_CN" in line
    assert not (tmp_path / "user").exists()


def _without_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The steps that need no Qt (the in-process tests must not start a QApplication)."""
    steps = [s for s in selftest.STEPS if s[0] not in {"translations", "window"}]
    monkeypatch.setattr(selftest, "STEPS", steps)


def test_a_failing_step_is_named_and_the_exit_status_is_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without_qt(monkeypatch)

    def broken_page(path: Path) -> None:
        raise OSError("字体文件损坏")

    monkeypatch.setattr(gridworker.printing, "self_test_page", broken_page, raising=False)
    assert main(["--self-test", "--headless"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("自检失败 self-test FAILED")
    assert "printing: OSError: 字体文件损坏" in out
    assert "roster" not in out  # only what failed is listed
    assert "字体文件损坏" in err  # with its traceback for whoever looks into it


def test_a_step_whose_prerequisite_failed_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_qt(monkeypatch)

    def no_database(run: object) -> str:
        raise RuntimeError("disk full")

    steps = [(n, no_database if n == "database" else f, d) for n, f, d in selftest.STEPS]
    monkeypatch.setattr(selftest, "STEPS", steps)
    results = {r.name: r for r in selftest.run_self_test(headless=True)}
    assert results["database"].detail == "RuntimeError: disk full"
    assert results["roster"].detail == "not run (database failed)"
    assert results["bundle"].detail == "not run (roster failed)"
    assert results["resources"].ok and results["printing"].ok


def test_printing_renders_a_real_sheet_and_its_page_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _without_qt(monkeypatch)
    results = {r.name: r for r in selftest.run_self_test(headless=True)}
    assert results["printing"].ok and results["printing"].detail.startswith("PDF ")

    def page(path: Path) -> None:
        from reportlab.pdfgen.canvas import Canvas

        c = Canvas(str(path))
        c.drawString(72, 720, "GridWorker")
        c.showPage()
        c.save()

    monkeypatch.setattr(gridworker.printing, "self_test_page", page, raising=False)
    results = {r.name: r for r in selftest.run_self_test(headless=True)}
    assert results["printing"].ok and results["printing"].detail.startswith("PDF ")

    monkeypatch.setattr(
        gridworker.printing,
        "self_test_page",
        lambda p: p.write_bytes(b"%PDF-1.4 cut"),
        raising=False,
    )
    results = {r.name: r for r in selftest.run_self_test(headless=True)}
    assert not results["printing"].ok
    assert "not a complete PDF" in results["printing"].detail


def test_offscreen_when_asked_or_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    assert selftest.needs_offscreen(headless=True)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert selftest.needs_offscreen(headless=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert not selftest.needs_offscreen(headless=False)


def test_the_environment_is_restored_after_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_qt(monkeypatch)
    monkeypatch.setenv("GRIDWORKER_SETTINGS", "/somewhere/settings.ini")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    selftest.run_self_test(headless=True)
    assert os.environ["GRIDWORKER_SETTINGS"] == "/somewhere/settings.ini"
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"


@pytest.mark.parametrize("argv", [["--headless"], ["--self-test", "snapshot"]])
def test_self_test_stands_alone_on_the_command_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "--self-test" in capsys.readouterr().err
