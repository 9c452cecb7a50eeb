"""`gridworker policy`: show, export, change and set the office's rule documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gridworker.cli import main


def _init(db: str, role: str) -> None:
    args = ["--db", db, "init", "--role", role, "--community", "致强社区", "--user", "王主任"]
    if role == "worker":
        args += ["--micro-grid", "第三微网格"]
    assert main(args) == 0


def test_export_change_and_set_the_care_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "office.sqlite3")
    _init(db, "office")
    doc = tmp_path / "care.json"
    assert main(["--db", db, "policy", "export", "care", str(doc)]) == 0
    data = json.loads(doc.read_text(encoding="utf-8"))
    data["version"] = 2
    data["colours"]["red"]["interval_days"] = 3
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db, "policy", "set", "care", str(doc), "--note", "红色每3天"]) == 0
    assert "第 2 版" in capsys.readouterr().out
    assert main(["--db", db, "policy", "show", "care", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["care"]["in_force"] == {"version": 2, "shipped": False}
    assert shown["care"]["versions"] == [{"version": 2, "note": "红色每3天"}]
    # the same file again: not newer
    assert main(["--db", db, "policy", "set", "care", str(doc)]) == 1
    assert "版本号应大于" in capsys.readouterr().err


def test_a_worker_is_told_only_the_office_sets_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "w.sqlite3")
    _init(db, "worker")
    doc = tmp_path / "gas.json"
    assert main(["--db", db, "policy", "export", "gas", str(doc)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "policy", "set", "gas", str(doc)]) == 1
    err = capsys.readouterr().err
    assert "只有社区电脑" in err and err.count("\n") == 1
    assert main(["--db", db, "policy", "set", "gas", str(tmp_path / "missing.json")]) == 1
    assert "读不了规则文件" in capsys.readouterr().err
