"""Workbooks with several worksheets: one is imported, and the person is told which one
and which other worksheets hold data that was not imported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from rostersheets import HEADER, family_rows, pid

from gridworker.cli import main
from gridworker.roster.exporter import write_template
from gridworker.roster.importer import plan_import
from gridworker.store.store import Store

Sheets = Sequence[tuple[str, Sequence[Sequence[object]]]]


def _workbook(path: Path, sheets: Sheets, *, active: int = 0, hidden: Sequence[str] = ()) -> Path:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
        if title in hidden:
            ws.sheet_state = "hidden"
    wb.active = active
    wb.save(path)
    return path


def _roster() -> list[list[object]]:
    return [list(HEADER), *family_rows()]


def _other_building() -> list[list[object]]:
    return [
        list(HEADER),
        [1, "致强小区", "2栋", "1单元", "301", "赵六", "男", "户主", pid(1960, 17)],
    ]


def test_a_single_sheet_workbook_says_nothing_more(worker_store: Store, tmp_path: Path) -> None:
    plan = plan_import(worker_store, _workbook(tmp_path / "one.xlsx", [("花名册", _roster())]))
    assert plan.sheet_names == ["花名册"]
    assert plan.unread_sheets == []
    assert plan.sheet_note() is None and plan.unread_warning() is None


def test_a_csv_says_nothing_more(worker_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("姓名,小区,房号\n张三,致强小区,101\n", encoding="utf-8")
    plan = plan_import(worker_store, path)
    assert plan.sheet_note() is None and plan.unread_warning() is None


def test_other_sheets_with_data_are_named(worker_store: Store, tmp_path: Path) -> None:
    sheets = [("1栋", _roster()), ("2栋", _other_building()), ("空白", []), ("备注", [["说明"]])]
    plan = plan_import(worker_store, _workbook(tmp_path / "many.xlsx", sheets))
    assert plan.sheet == "1栋"
    assert plan.sheet_names == ["1栋", "2栋", "空白", "备注"]
    assert plan.unread_sheets == ["2栋", "备注"]
    assert plan.sheet_note() == "读取的是工作表「1栋」（文件中共有 4 个工作表）。"
    warning = plan.unread_warning()
    assert warning is not None
    assert "2栋、备注" in warning and "没有导入" in warning
    assert plan.new == 5  # the first sheet only


def test_other_sheets_without_data_only_get_the_note(worker_store: Store, tmp_path: Path) -> None:
    sheets = [("花名册", _roster()), ("Sheet2", []), ("Sheet3", [[None, "  "]])]
    plan = plan_import(worker_store, _workbook(tmp_path / "blank.xlsx", sheets))
    assert plan.unread_sheets == []
    assert plan.unread_warning() is None
    assert plan.sheet_note() == "读取的是工作表「花名册」（文件中共有 3 个工作表）。"


def test_the_active_sheet_is_read_and_sheets_before_it_are_named(
    worker_store: Store, tmp_path: Path
) -> None:
    sheets = [("2栋", _other_building()), ("1栋", _roster())]
    plan = plan_import(worker_store, _workbook(tmp_path / "active.xlsx", sheets, active=1))
    assert plan.sheet == "1栋"
    assert plan.unread_sheets == ["2栋"]


def test_a_cover_sheet_without_a_header_is_named(worker_store: Store, tmp_path: Path) -> None:
    sheets = [("封面", [["致强社区居民花名册"], ["2024年"]]), ("花名册", _roster())]
    plan = plan_import(worker_store, _workbook(tmp_path / "cover.xlsx", sheets))
    assert plan.sheet == "花名册"
    assert plan.unread_sheets == ["封面"]


def test_data_far_down_another_sheet_is_noticed(worker_store: Store, tmp_path: Path) -> None:
    below = [[None]] * 80 + [["张三", "致强小区", "101"]]
    sheets = [("花名册", _roster()), ("草稿", below)]
    plan = plan_import(worker_store, _workbook(tmp_path / "far.xlsx", sheets))
    assert plan.unread_sheets == ["草稿"]


def test_hidden_sheets_are_not_warned_about(worker_store: Store, tmp_path: Path) -> None:
    """Templates keep their drop-down lists on hidden sheets."""
    sheets = [("花名册", _roster()), ("选项", [["男"], ["女"]])]
    path = _workbook(tmp_path / "hidden.xlsx", sheets, hidden=["选项"])
    plan = plan_import(worker_store, path)
    assert plan.unread_sheets == []
    assert plan.sheet_names == ["花名册", "选项"]


def test_the_templates_help_sheet_is_not_warned_about(worker_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path, office=False)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    person = {"小区": "致强小区", "房号": "101", "姓名": "张三", "身份证号": pid(1970, 21)}
    ws.append([person.get(str(h)) for h in header])
    wb.save(path)
    plan = plan_import(worker_store, path)
    assert plan.problems == [] and plan.new == 1
    assert len(plan.sheet_names) == 2
    assert plan.unread_sheets == []
    assert plan.unread_warning() is None


def test_cli_names_the_sheet_and_warns_about_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite3")
    init = ["init", "--role", "worker", "--community", "致强社区", "--micro-grid", "第三微网格"]
    assert main(["--db", db, *init, "--user", "赵红"]) == 0
    sheets = [("1栋", _roster()), ("2栋", _other_building())]
    path = _workbook(tmp_path / "many.xlsx", sheets)
    capsys.readouterr()
    assert main(["--db", db, "roster", "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "读取的是工作表「1栋」（文件中共有 2 个工作表）。" in out
    assert "2栋" in err and "没有导入" in err
    assert "导入完成" in out
