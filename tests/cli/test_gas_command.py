"""`gridworker gas …`, `gridworker hazards` and `gridworker hazard …`, as the issue lists them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.store import Store

TODAY = date.today()
ID_NUMBER = "11010519491231002X"


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "worker.sqlite3")
    args = ["--db", path, "init", "--role", "worker", "--community", "致强社区"]
    assert main([*args, "--user", "赵红", "--micro-grid", "第三微网格"]) == 0
    with Store.open(path) as s:
        mg = s.identity.micro_grid_id
        for room, number in (("301", ID_NUMBER), ("302", None)):
            h = s.create(
                "household",
                {"micro_grid_id": mg, "estate": "锦华苑", "building": "3栋", "room": room},
            )
            s.create("resident", {"household_id": h, "name": "陈桂兰", "id_number": number})
    return path


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_template_lists_items_with_code_label_and_grade(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, db, "gas", "template", "--json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1
    assert data["items"][0] == {
        "code": "leak",
        "label": "燃气泄漏检查（检漏）",
        "grade": "重大",
        "hazard_when": data["items"][0]["hazard_when"],
        "upgrades": [],
    }
    code, out, _ = run(capsys, db, "gas", "template")
    assert code == 0 and "hose_state" in out and "软管漏气或在卧室内→重大" in out


def test_inspect_by_id_number_prints_the_id_and_names_missing_items(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, db, "gas", "inspect", ID_NUMBER, "--item", "leak=ok", "--on", ago(3))
    assert code == 1 and "还缺 15 项" in err and "hose_type（连接软管类型）" in err
    code, out, err = run(
        capsys,
        db,
        "gas",
        "inspect",
        ID_NUMBER.lower(),
        "--item",
        "all=ok",
        "--item",
        "leak=hazard",
        "--item",
        "hose_state=hazard",
        "--grade",
        "hose_state=major",
        "--note",
        "leak=灶前阀起泡",
        "--on",
        ago(10),
        "--signed",
    )
    assert code == 0, err
    inspection = out.strip()
    assert len(inspection) == 32 and "有重大隐患" in err and "关闭燃气阀门" in err
    with Store.open(db) as s:
        row = s.get("gas_inspection", inspection)
        assert row is not None and row["signed"] is True and row["inspected_on"] == ago(10)


def test_absent_and_refused_need_no_items(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "gas", "inspect", "锦华苑3栋302", "--outcome", "absent")
    assert code == 0 and len(out.strip()) == 32
    code, _, err = run(
        capsys, db, "gas", "inspect", "锦华苑3栋302", "--outcome", "refused", "--item", "leak=ok"
    )
    assert code == 1 and "拒绝入户时没有检查" in err
    code, _, err = run(capsys, db, "gas", "inspect", ID_NUMBER, "--outcome", "later")
    assert code == 1 and "done、absent 或 refused" in err


def _hazards(capsys: pytest.CaptureFixture[str], db: str, *more: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, db, "hazards", "--json", *more)
    assert code == 0, err
    data: list[dict[str, object]] = json.loads(out)
    return data


def test_hazards_are_listed_and_followed_to_the_end(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["gas", "inspect", ID_NUMBER, "--item", "all=ok", "--on", ago(40)]
    assert run(capsys, db, *args, "--item", "leak=hazard", "--item", "hose_type=hazard")[0] == 0
    hazards = _hazards(capsys, db, "--open", "--on", ago(0))
    by_item = {z["item"]: z for z in hazards}
    assert set(by_item) == {"leak", "hose_type"}
    leak, hose = by_item["leak"], by_item["hose_type"]
    assert (leak["grade"], leak["status"], leak["found_on"], leak["deadline"]) == (
        "重大",
        "待整改",
        ago(40),
        ago(33),
    )
    assert leak["days_overdue"] == 33 and hose["days_overdue"] == 10
    assert _hazards(capsys, db, "--on", ago(35))[0]["days_overdue"] == 0  # before the deadline
    lid, hid = str(leak["id"]), str(hose["id"])

    code, out, _ = run(capsys, db, "hazard", "fixed", lid[:8], "--on", ago(5), "--note", "换阀门")
    assert code == 0 and "已整改待复查" in out
    code, out, _ = run(capsys, db, "hazard", "recheck", lid, "--result", "still", "--on", ago(4))
    assert code == 0 and f"整改期限 {ago(4 - 7)}" in out  # 重大: 7 more days
    code, out, _ = run(capsys, db, "hazard", "recheck", lid, "--result", "ok", "--on", ago(1))
    assert code == 0 and "复查合格" in out
    code, _, err = run(capsys, db, "hazard", "fixed", lid, "--on", ago(0))
    assert code == 1 and "不能再记" in err

    code, _, err = run(capsys, db, "hazard", "escalate", hid, "--on", ago(2), "--note", "")
    assert code == 1 and "上报时请写明情况" in err
    assert run(capsys, db, "hazard", "refused", hid, "--on", ago(3))[0] == 0
    assert (
        run(capsys, db, "hazard", "escalate", hid, "--on", ago(2), "--note", "报燃气公司")[0] == 0
    )
    assert _hazards(capsys, db, "--open") == []
    statuses = {z["item"]: z["status"] for z in _hazards(capsys, db)}
    assert statuses == {"leak": "复查合格", "hose_type": "已上报"}

    code, out, _ = run(capsys, db, "hazard", "show", hid)
    assert code == 0 and "拒不整改" in out and "报燃气公司" in out
    code, out, _ = run(capsys, db, "hazard", "undo", hid, "--reason", "点错了")
    assert code == 0 and "拒不整改" in out
    code, out, _ = run(capsys, db, "hazards")
    assert code == 0 and "燃气泄漏检查（检漏）" in out and "共 2 条" in out


def test_month_stats_as_text_and_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    on = date.fromisoformat(ago(0)).replace(day=1)
    args = ["gas", "inspect", "锦华苑3栋301", "--item", "all=ok", "--on", on.isoformat()]
    assert run(capsys, db, *args, "--item", "alarm=hazard", "--item", "leak=hazard")[0] == 0
    month = f"{on:%Y-%m}"
    code, out, _ = run(capsys, db, "gas", "stats", "--month", month, "--json")
    data = json.loads(out)
    assert code == 0 and data["month"] == month
    [grid] = data["micro_grids"]
    assert grid["name"] == "第三微网格" and grid["inspected"] == 1 and grid["households"] == 2
    assert grid["hazards_found"] == {"major": 1, "ordinary": 0, "advice": 1, "total": 2}
    assert data["total"]["hazards_found"]["total"] == 2
    code, out, _ = run(capsys, db, "gas", "stats", "--month", month)
    assert code == 0 and "第三微网格" in out
    code, _, err = run(capsys, db, "gas", "stats", "--month", "2025/6")
    assert code == 1 and "应写成 2025-06" in err


def test_due_and_show(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db, "gas", "due", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert run(capsys, db, "gas", "inspect", ID_NUMBER, "--item", "all=ok", "--on", ago(1))[0] == 0
    code, out, _ = run(capsys, db, "gas", "due")
    assert code == 0 and "锦华苑3栋302" in out and "锦华苑3栋301" not in out
    code, out, _ = run(capsys, db, "gas", "show", ID_NUMBER)
    assert code == 0 and "已检查" in out and "下次应检" in out
