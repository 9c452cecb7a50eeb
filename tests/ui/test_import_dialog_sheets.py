"""The import preview says which worksheet of a workbook it read and warns about the
other worksheets that hold data it did not import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot
from windows import interface, planned

from gridworker.ui.main_window import MainWindow

HEADER = ["小区", "楼栋", "单元", "房号", "姓名", "身份证号"]


def _workbook(path: Path, *others: str) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "1栋"
    ws.append(HEADER)
    ws.append(["导入小区", "1栋", "1单元", "101", "甲一", "11010519491231002X"])
    for title in others:
        other = wb.create_sheet(title)
        other.append(HEADER)
        other.append(["导入小区", title, "1单元", "201", "乙二", ""])
    wb.save(path)
    return path


@pytest.fixture
def english() -> Iterator[None]:
    with interface(language="en"):
        yield


def test_other_sheets_with_data_are_named_in_theplanned(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = planned(qtbot, window, _workbook(tmp_path / "楼栋.xlsx", "2栋", "3栋"))
    assert not dialog.sheets_label.isHidden()
    text = dialog.sheets_label.text()
    assert "读取的是工作表「1栋」（文件中共有 3 个工作表）。" in text
    assert "2栋、3栋" in text and "没有导入" in text
    assert dialog.figure_labels["new"].text() == "1"


def test_a_single_sheet_shows_no_notice(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = planned(qtbot, window, _workbook(tmp_path / "one.xlsx"))
    assert dialog.sheets_label.isHidden()


def test_the_notice_in_english(
    qtbot: QtBot, english: None, window: MainWindow, tmp_path: Path
) -> None:
    dialog = planned(qtbot, window, _workbook(tmp_path / "楼栋.xlsx", "2栋"))
    text = dialog.sheets_label.text()
    assert "worksheet" in text and "“1栋”" in text and "2栋" in text
    assert "读取" not in text and "没有导入" not in text
