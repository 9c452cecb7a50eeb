"""`gridworker print …` on a demo database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.demo import build_demo
from gridworker.store.store import Store
from tests.printing.conftest import pdf_pages_text


@pytest.fixture
def db(tmp_path: Path, wqy_file: Path) -> str:
    path = tmp_path / "demo.sqlite3"
    with Store.open(path) as store:
        build_demo(store, households=8, seed=2)
    return str(path)


def test_print_sheets_for_the_micro_grid_a_building_and_a_household(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.pdf"
    assert main(["--db", db, "print", "sheets", "--out", str(out), "--date", "2025-06-03"]) == 0
    said = capsys.readouterr().out
    assert "8 户" in said and "8 页" in said
    assert len(pdf_pages_text(out)) == 8
    with Store.open(db) as store:
        estate, building, unit, room = store.conn.execute(
            "SELECT estate, building, unit, room FROM household ORDER BY id LIMIT 1"
        ).fetchone()
    one = tmp_path / "one.pdf"
    assert (
        main(
            [
                "--db",
                db,
                "print",
                "sheets",
                "--household",
                f"{estate}{building}{unit}{room}",
                "--out",
                str(one),
            ]
        )
        == 0
    )
    assert len(pdf_pages_text(one)) == 1
    bld = tmp_path / "building.pdf"
    assert (
        main(
            ["--db", db, "print", "sheets", "--building", f"{estate}{building}", "--out", str(bld)]
        )
        == 0
    )
    assert 1 <= len(pdf_pages_text(bld)) <= 8


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["notice", "--hazard", "x"], "不是隐患编号"),
        (["worklist", "--week", "6/2"], "日期"),
        (["sheets", "--household", "火星1栋"], "没有找到住户"),
        (["sheets", "--date", "6/3"], "日期"),
    ],
)
def test_what_cannot_be_printed_is_one_sentence(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "print", args[0], "--out", str(out), *args[1:]]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.count("\n") == 1
    assert not out.exists()


def test_unwritable_output(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "x.pdf"
    assert main(["--db", db, "print", "sheets", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "PDF 没有保存" in err and err.count("\n") == 1
    assert not out.parent.exists()


def test_month_report(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.pdf"
    month = f"{date.today():%Y-%m}"
    assert main(["--db", db, "print", "report", "--month", month, "--out", str(out)]) == 0
    assert "页" in capsys.readouterr().out
    text = "".join(pdf_pages_text(out))
    assert "月度工作报表" in text and "第三微网格" in text
    assert "走访" in text and "三色关爱" in text and "诉求" in text


def test_the_week_route(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "route.pdf"
    assert (
        main(
            ["--db", db, "print", "worklist", "--week", date.today().isoformat(), "--out", str(out)]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "本周" in said and "户" in said
    text = "".join(pdf_pages_text(out))
    assert "本周走访清单" in text


def test_a_font_file_that_is_not_a_font_is_said(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "x.ttf"
    bogus.write_bytes(b"nope")
    out = tmp_path / "s.pdf"
    assert main(["--db", db, "print", "sheets", "--font", str(bogus), "--out", str(out)]) == 0
    assert "x.ttf" in capsys.readouterr().err
    assert out.exists()


def test_hazard_notices_from_the_demos_records(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notices.pdf"
    assert main(["--db", db, "print", "notice", "--open", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    pages = pdf_pages_text(out)
    assert f"{len(pages)} 份通知书" in said and len(pages) >= 2
    assert all(t.count("燃气安全隐患整改通知书") == 2 for t in pages)  # both parts
    assert any("立即停止使用燃气" in t for t in pages)  # the demo has a 重大 hazard
    with Store.open(db) as store:
        hazard = store.conn.execute(
            "SELECT hazard_id FROM gas_hazard_state WHERE is_open = 1 LIMIT 1"
        ).fetchone()[0]
    one = tmp_path / "one.pdf"
    assert main(["--db", db, "print", "notice", "--hazard", hazard[:8], "--out", str(one)]) == 0
    [page] = pdf_pages_text(one)
    assert hazard[:8].upper() in page


def test_sheets_and_report_carry_the_gas_records(db: str, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert main(["--db", db, "print", "sheets", "--out", str(out)]) == 0
    text = "".join(pdf_pages_text(out))
    assert "上次燃气检查" in text and "未整改隐患" in text
    from datetime import date

    report = tmp_path / "report.pdf"
    month = f"{date.today():%Y-%m}"
    assert main(["--db", db, "print", "report", "--month", month, "--out", str(report)]) == 0
    text = "".join(pdf_pages_text(report))
    assert "燃气安全检查" in text and "应检户数" in text
