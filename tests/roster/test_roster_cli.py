"""`gridworker roster import|export|template` driven through cli.main."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from rostersheets import family_rows

from gridworker.cli import main
from gridworker.store.store import Store

Writer = Callable[..., Path]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite3"
    assert (
        main(
            [
                "--db",
                str(path),
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
    return str(path)


def _residents(db: str) -> int:
    with Store.open(db) as s:
        return int(s.conn.execute("SELECT count(*) FROM resident").fetchone()[0])


def test_import_with_problems_prints_each_and_writes_nothing(
    db: str, write_csv: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = family_rows()
    rows[1][9] = "12345"
    rows[3][8] = "510113650725922"
    capsys.readouterr()
    assert main(["--db", db, "roster", "import", str(write_csv(rows))]) == 1
    out, err = capsys.readouterr()
    assert "新增 2 人 / 更新 0 人 / 未变 0 人 / 有问题 3 行" in out
    lines = err.splitlines()
    assert lines[0].startswith("第 5 行，列「联系方式」：")
    assert lines[1].startswith("第 7 行，列「公民身份号码」：这是15位旧身份证号")
    assert lines[2].startswith("第 8 行，列「与户主关系」：同户的户主王芳（第 7 行）")
    assert "没有写入任何数据" in err
    assert "Traceback" not in err
    assert _residents(db) == 0


def test_skip_invalid_imports_the_rest_and_writes_errors(
    db: str, write_csv: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = family_rows()
    rows[1][9] = "12345"
    errors = tmp_path / "问题.csv"
    code = main(
        [
            "--db",
            db,
            "roster",
            "import",
            str(write_csv(rows)),
            "--skip-invalid",
            "--errors",
            str(errors),
        ]
    )
    assert code == 0
    assert _residents(db) == 4
    table = list(csv.reader(errors.read_text(encoding="utf-8-sig").splitlines()))
    assert table[0][-2:] == ["行号", "问题"] and table[1][-2] == "5"
    assert "已跳过 1 行" in capsys.readouterr().out


def test_import_twice_then_export_and_template(
    db: str, write_xlsx: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write_xlsx(family_rows()))
    assert main(["--db", db, "roster", "import", path]) == 0
    assert "新增 5 人" in capsys.readouterr().out
    assert main(["--db", db, "roster", "import", path]) == 0
    assert "新增 0 人 / 更新 0 人 / 未变 5 人 / 有问题 0 行" in capsys.readouterr().out
    out = tmp_path / "导出.xlsx"
    assert main(["--db", db, "roster", "export", str(out)]) == 0
    assert "5 名居民" in capsys.readouterr().out
    assert main(["--db", db, "roster", "import", str(out)]) == 0
    assert "未变 5 人" in capsys.readouterr().out
    template = tmp_path / "模板.xlsx"
    assert main(["--db", db, "roster", "template", str(template)]) == 0
    assert template.exists()


def test_missing_file_is_one_sentence(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "roster", "import", str(tmp_path / "nope.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("gridworker: 找不到文件") and "Traceback" not in err


def test_roster_without_action_shows_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster"]) == 2
    assert "import" in capsys.readouterr().out


def _one_bad_row(write_csv: Writer) -> Path:
    rows = family_rows()
    rows[1][9] = "12345"
    return write_csv(rows)


@pytest.mark.parametrize("target", ["database", "sheet", "wal"])
def test_errors_file_may_not_be_the_database_or_the_sheet(
    db: str, write_csv: Writer, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _one_bad_row(write_csv)
    errors = {"database": db, "sheet": str(sheet), "wal": db + "-wal"}[target]
    before = Path(errors).read_bytes() if Path(errors).exists() else None
    capsys.readouterr()
    code = main(["--db", db, "roster", "import", str(sheet), "--skip-invalid", "--errors", errors])
    assert code != 0
    err = capsys.readouterr().err
    assert "问题行文件" in err and "Traceback" not in err
    if before is not None:
        assert Path(errors).read_bytes() == before
    assert _residents(db) == 0


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_unwritable_errors_file_imports_nothing_and_names_the_given_path(
    db: str, write_csv: Writer, tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _one_bad_row(write_csv)
    errors = tmp_path / "没有这个文件夹" / "e.csv" if where == "missing folder" else tmp_path
    capsys.readouterr()
    code = main(
        ["--db", db, "roster", "import", str(sheet), "--skip-invalid", "--errors", str(errors)]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert str(errors) in err and ".gw-" not in err
    assert "没有导入" in err
    assert _residents(db) == 0
