"""`gridworker care|event|visit|need|worklist|visits|needs` as the issue lists them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.store import Store

TODAY = date.today()
ID_A = "11010519491231002X"  # 陈桂兰, 76
ID_B = "110105197805060015"  # 王建国


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "w.sqlite3"
    with Store.open(path) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
        h = s.create(
            "household",
            {
                "micro_grid_id": s.identity.micro_grid_id,
                "estate": "锦华苑",
                "building": "3栋",
                "unit": "2单元",
                "room": "301",
            },
        )
        s.create(
            "resident", {"household_id": h, "name": "陈桂兰", "id_number": ID_A, "relation": "本人"}
        )
        s.create(
            "resident", {"household_id": h, "name": "王建国", "id_number": ID_B, "relation": "子"}
        )
    # Inspected for gas today: the work list holds only the care work these tests make.
    assert main(["--db", str(path), "gas", "inspect", ID_A, "--item", "all=ok"]) == 0
    return str(path)


def run(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_day_of_work_from_the_command_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    week_ago = (TODAY - timedelta(days=10)).isoformat()
    code, out, _ = run(
        db,
        capsys,
        "care",
        "set",
        ID_A,
        "--colour",
        "red",
        "--category",
        "独居老人",
        "--reason",
        "独居高龄",
        "--on",
        week_ago,
    )
    assert code == 0 and "红色" in out
    code, out, _ = run(db, capsys, "worklist", "--json")
    [entry] = json.loads(out)
    assert entry["kind"] == "care_red_overdue" and entry["days_overdue"] == 10
    assert entry["resident"] == "陈桂兰" and entry["address"] == "锦华苑3栋2单元301"
    assert entry["due"] == week_ago and entry["household_id"] and entry["resident_id"]

    code, out, _ = run(
        db,
        capsys,
        "visit",
        "add",
        "--household",
        ID_B,
        "--method",
        "入户",
        "--purpose",
        "关爱探访",
        "--purpose",
        "健康随访",
        "--note",
        "精神不错",
        "--bp",
        "135/85",
        "--need",
        "希望安装扶手",
        "--follow-up",
        (TODAY + timedelta(days=7)).isoformat(),
    )
    assert code == 0
    visit_id = out.strip()
    assert len(visit_id) == 32
    code, out, _ = run(db, capsys, "worklist")
    assert code == 0 and "没有到期的工作" in out  # the visit met both members

    code, out, _ = run(db, capsys, "visits", "--json")
    [v] = json.loads(out)
    assert v["id"] == visit_id and v["met"] == ["陈桂兰", "王建国"] and v["needs"] == 1
    assert v["purposes"] == ["关爱探访", "健康随访"]

    code, out, _ = run(db, capsys, "needs", "--open", "--json")
    [n] = json.loads(out)
    assert n["status"] == "已登记" and n["text"] == "希望安装扶手"
    deadline = (TODAY + timedelta(days=5)).isoformat()
    assert (
        run(
            db,
            capsys,
            "need",
            "report",
            n["id"],
            "--owner",
            "社区居家养老服务中心",
            "--deadline",
            deadline,
        )[0]
        == 0
    )
    in_a_week = (TODAY + timedelta(days=6)).isoformat()
    code, out, _ = run(db, capsys, "worklist", "--on", in_a_week, "--json")
    assert [e["kind"] for e in json.loads(out)] == ["need_overdue"]  # red is due the day after
    assert run(db, capsys, "need", "feedback", n["id"], "--result", "已安装")[0] == 0
    code, out, _ = run(db, capsys, "worklist", "--json")
    assert [e["kind"] for e in json.loads(out)] == ["revisit_due"]
    assert run(db, capsys, "need", "revisit", n["id"], "--satisfaction", "满意")[0] == 0
    code, out, _ = run(db, capsys, "needs", "--json")
    assert json.loads(out)[0]["status"] == "已回访"
    assert run(db, capsys, "needs", "--open", "--json")[1].strip() == "[]"


def test_an_event_and_a_phone_call(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, capsys, "event", ID_B, "--kind", "出院")
    assert code == 0 and len(out.strip()) == 32
    code, out, _ = run(db, capsys, "worklist", "--json")
    [e] = json.loads(out)
    assert e["kind"] == "event" and e["resident"] == "王建国"
    assert e["due"] == (TODAY + timedelta(days=1)).isoformat()
    run(
        db,
        capsys,
        "visit",
        "add",
        "--household",
        ID_B,
        "--method",
        "电话",
        "--purpose",
        "关爱探访",
        "--met",
        ID_B,
    )
    assert [x["kind"] for x in json.loads(run(db, capsys, "worklist", "--json")[1])] == ["event"]
    code, out, _ = run(db, capsys, "worklist")
    assert "重大事件后探访 1" in out and "王建国" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["care", "set", "110105194912310000", "--colour", "red", "--reason", "x"], "没有找到居民"),
        (["care", "set", ID_A, "--colour", "purple", "--reason", "x"], "关爱颜色“purple”不认识"),
        (["care", "set", ID_A, "--colour", "red", "--reason", " "], "请写明设定关爱颜色的原因"),
        (
            ["care", "set", ID_A, "--colour", "red", "--reason", "x", "--category", "土豪"],
            "关爱类别“土豪”不认识",
        ),
        (
            ["care", "set", ID_A, "--colour", "red", "--reason", "x", "--on", "2026-02-30"],
            "格式不对",
        ),
        (
            ["event", ID_A, "--kind", "出院", "--on", (TODAY + timedelta(days=2)).isoformat()],
            "还没到",
        ),
        (
            ["visit", "add", "--household", ID_A, "--method", "微信", "--purpose", "日常走访"],
            "走访方式“微信”不认识",
        ),
        (
            [
                "visit",
                "add",
                "--household",
                ID_A,
                "--method",
                "入户",
                "--purpose",
                "日常走访",
                "--bp",
                "300/10",
            ],
            "不合常理",
        ),
        (
            [
                "visit",
                "add",
                "--household",
                ID_A,
                "--method",
                "到访不遇",
                "--purpose",
                "日常走访",
                "--met",
                ID_A,
            ],
            "到访不遇时没有见到任何人",
        ),
        (
            ["visit", "add", "--household", "火星1栋", "--method", "入户", "--purpose", "日常走访"],
            "没有找到住户",
        ),
        (["need", "add", ID_A, "--text", "x", "--source", "微信群"], "诉求来源“微信群”不认识"),
        (["need", "feedback", "0" * 32, "--result", "x"], "没有这条诉求"),
    ],
)
def test_bad_input_is_one_sentence_and_nothing_is_written(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    with Store.open(db) as s:
        before = s.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    code, _out, err = run(db, capsys, *args)
    assert code != 0 and words in err, err
    assert "Traceback" not in err and err.count("\n") == 1
    with Store.open(db) as s:
        assert s.conn.execute("SELECT count(*) FROM ops").fetchone()[0] == before


def test_a_step_out_of_turn_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        db, capsys, "need", "add", ID_A, "--text", "楼道灯坏了", "--category", "物业维修"
    )
    nid = out.strip()
    code, _out, err = run(db, capsys, "need", "revisit", nid, "--satisfaction", "满意")
    assert code == 1 and "不能回访" in err
    assert run(db, capsys, "need", "solve", nid, "--result", "当场报修")[0] == 0
    code, _out, err = run(
        db, capsys, "need", "report", nid, "--owner", "物业", "--deadline", TODAY.isoformat()
    )
    assert code == 1 and "现场解决" in err


def test_care_list_and_clearing_a_flag(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(
        db,
        capsys,
        "care",
        "set",
        ID_A,
        "--colour",
        "yellow",
        "--reason",
        "失能",
        "--category",
        "失能",
    )
    code, out, _ = run(db, capsys, "care", "list", "--json")
    [row] = json.loads(out)
    assert row["colour"] == "yellow" and "categories" not in row and "reason" not in row
    code, out, _ = run(db, capsys, "care", "set", ID_A, "--colour", "none", "--reason", "已康复")
    assert code == 0 and "取消" in out
    assert json.loads(run(db, capsys, "care", "list", "--json")[1]) == []
