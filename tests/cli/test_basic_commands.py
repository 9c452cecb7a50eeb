"""The `gridworker` command: init, demo, snapshot, history, and clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gridworker.cli import main


def test_init_then_snapshot_and_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.sqlite3")
    assert (
        main(
            [
                "--db",
                db,
                "init",
                "--role",
                "worker",
                "--community",
                "致强社区",
                "--micro-grid",
                "第三微网格",
                "--user",
                "赵红",
            ]
        )
        == 0
    )
    assert "已建立微网格员数据库" in capsys.readouterr().out
    assert main(["--db", db, "snapshot"]) == 0
    snap = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in snap["micro_grid"]] == ["第三微网格"]
    assert main(["--db", db, "history", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["user"] == "赵红" and entry["created"] is True


def test_init_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "o.sqlite3")
    args = ["--db", db, "init", "--role", "office", "--community", "致强社区", "--user", "王"]
    assert main(args) == 0
    assert main(args) == 1
    assert "已经初始化过了" in capsys.readouterr().err


def test_worker_init_without_micro_grid_is_one_clear_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "w.sqlite3")
    assert main(["--db", db, "init", "--community", "致强社区", "--user", "赵红"]) == 1
    err = capsys.readouterr().err
    assert "微网格" in err and "Traceback" not in err


def test_missing_database_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite3"), "snapshot"]) == 1
    assert "找不到数据库" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_demo_is_deterministic_per_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = []
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.sqlite3")
        assert main(["--db", db, "demo", "--no-gui", "--households", "30", "--seed", "3"]) == 0
        capsys.readouterr()
        assert main(["--db", db, "snapshot"]) == 0
        snap = json.loads(capsys.readouterr().out)
        # Ids are device-made and differ; the people do not.
        texts.append(sorted((r["name"], r["id_number"]) for r in snap["resident"]))
        assert len(snap["household"]) == 30
    assert texts[0] == texts[1]
    assert len(texts[0]) >= 30


def test_office_demo_spreads_households_over_micro_grids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "o.sqlite3")
    assert main(["--db", db, "demo", "--no-gui", "--role", "office", "--households", "150"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "snapshot"]) == 0
    snap = json.loads(capsys.readouterr().out)
    assert len(snap["micro_grid"]) == 3
    per_grid: dict[str, int] = {}
    for h in snap["household"]:
        per_grid[h["micro_grid_id"]] = per_grid.get(h["micro_grid_id"], 0) + 1
    assert sorted(per_grid.values()) == [50, 50, 50]
    # run by the office's head, not by a grid worker
    assert main(["--db", db, "history"]) == 0
    assert "王主任" in capsys.readouterr().out


def test_module_entry_point_runs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "gridworker", "--db", str(tmp_path / "x.sqlite3"), "history"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    assert "找不到数据库" in out.stderr and "Traceback" not in out.stderr


def test_demo_can_open_on_a_chosen_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[tuple[Path | None, str | None]] = []

    def fake_run_app(db: Path | None, screen: str | None = None) -> int:
        opened.append((db, screen))
        return 0

    import gridworker.ui.app

    monkeypatch.setattr(gridworker.ui.app, "run_app", fake_run_app)
    db = tmp_path / "d.sqlite3"
    assert main(["--db", str(db), "demo", "--households", "3", "--screen", "sync"]) == 0
    assert opened == [(db, "sync")]
    with pytest.raises(SystemExit):
        main(["demo", "--no-gui", "--screen", "nowhere"])
    assert "nowhere" in capsys.readouterr().err


@pytest.mark.parametrize(
    "extra",
    [
        ["--role", "worker", "--community", "致强社区", "--user", "赵红"],
        ["--role", "worker", "--community", "致强社区", "--micro-grid", "  ", "--user", "赵红"],
        ["--role", "office", "--community", "致强社区", "--user", ""],
        ["--from-bundle", "没有这个文件.gwbundle.json", "--user", "赵红"],
    ],
)
def test_a_refused_init_leaves_no_database_file(
    tmp_path: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite3"
    assert main(["--db", str(db), "init", *extra]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []
