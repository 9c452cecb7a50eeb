"""The ways people force Excel to keep a cell as text are read as the text itself.

``="510104198001010110"`` (a formula that yields the text) and a leading apostrophe
(``'13800000005``, Excel's text marker, also what our CSV export puts before cells that
start with = + - @) are stripped, in every column, in CSV and in xlsx strings.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from rostersheets import pid

from gridworker.roster.importer import apply_import, plan_import
from gridworker.roster.sheets import iter_sheets, read_csv, text_as_typed
from gridworker.store.store import Store

Writer = Callable[..., Path]
HEADER = ["小区", "楼栋", "单元", "房号", "姓名", "身份证号", "联系电话", "备注"]
ID = "510104198001010110"


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _resident(store: Store, name: str) -> dict[str, object]:
    row = store.conn.execute(
        "SELECT resident.*, estate, building, unit, room FROM resident "
        "JOIN household ON household.id = resident.household_id WHERE name = ?",
        (name,),
    ).fetchone()
    assert row is not None, name
    return dict(row)


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ('="510104198001010110"', ID),
        ("'13800000005", "13800000005"),
        ("'", ""),
        ("''x", "'x"),  # exactly one apostrophe is the marker
        ("'=SUM(A1:A3)", "=SUM(A1:A3)"),  # what the export writes for a cell starting with =
        ("'+86 138", "+86 138"),
        ("'-", "-"),
        ("'@home", "@home"),
        ('\'="1"', '="1"'),  # after the apostrophe nothing else is unwrapped
        ('="a""b"', 'a"b'),  # a doubled quote inside the formula's text is one quote
        ('=""', ""),
        ('="a"&"b"', '="a"&"b"'),  # a real formula, not a text literal: left as it is
        ('="unclosed', '="unclosed'),
        ("=1+2", "=1+2"),
        ("O'Brien", "O'Brien"),
        ("", ""),
        ("101", "101"),
    ],
)
def test_text_as_typed(cell: str, text: str) -> None:
    assert text_as_typed(cell) == text


def test_qa_reproduction_formula_id_and_apostrophe_phone(
    worker_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "marks.csv"
    path.write_text(
        "小区,楼栋,单元,房号,姓名,身份证号,联系电话\n"
        '致强小区,1栋,1单元,101,张静华,="510104198001010110",\'13800000005\n',
        encoding="utf-8-sig",
    )
    plan = plan_import(worker_store, path)
    assert [str(p) for p in plan.problems] == []
    apply_import(worker_store, plan)
    r = _resident(worker_store, "张静华")
    assert (r["id_number"], r["phone"]) == (ID, "13800000005")


def test_markers_are_dropped_in_every_column(worker_store: Store, tmp_path: Path) -> None:
    row = ["'致强小区", '="1栋"', "'1单元", '="0101"', "'张静华", f"'{ID}", '="13800000005"', "'"]
    plan = plan_import(worker_store, _csv(tmp_path / "all.csv", [row]))
    assert [str(p) for p in plan.problems] == []
    apply_import(worker_store, plan)
    r = _resident(worker_store, "张静华")
    assert (r["estate"], r["building"], r["unit"], r["room"]) == (
        "致强小区",
        "1栋",
        "1单元",
        "0101",
    )
    assert (r["id_number"], r["phone"], r["notes"]) == (ID, "13800000005", None)


def test_exported_guarded_cells_round_trip(worker_store: Store, tmp_path: Path) -> None:
    """The export writes ' before = + - @ so Excel does not run them; they read back as written."""
    notes = ["=1+2", "+ 加装电梯", "-", "@物业", "'引号开头"]
    rows = [
        ["致强小区", "1栋", "1单元", str(101 + i), f"居民{i}", "", "", f"'{n}"]
        for i, n in enumerate(notes)
    ]
    plan = plan_import(worker_store, _csv(tmp_path / "guarded.csv", rows))
    assert plan.problems == []
    apply_import(worker_store, plan)
    assert [_resident(worker_store, f"居民{i}")["notes"] for i in range(len(notes))] == notes


def test_short_rows_and_full_rows_read_the_same(tmp_path: Path) -> None:
    """Full CSV rows skip cell conversion in the planner, so the reader must do it."""
    path = tmp_path / "short.csv"
    path.write_text(
        "姓名,身份证号,联系电话\n"
        '张三,="510104198001010110",\'13800000005\n'
        "李四,'510104198001010110\n",
        encoding="utf-8",
    )
    assert read_csv(path).rows == [
        ("姓名", "身份证号", "联系电话"),
        ("张三", ID, "13800000005"),
        ("李四", ID),
    ]


def test_a_file_without_markers_is_read_unchanged(tmp_path: Path) -> None:
    path = _csv(tmp_path / "plain.csv", [["致强小区", "1栋", "1单元", "101", "张三", ID, "", ""]])
    rows = read_csv(path).rows
    assert rows[1] == ("致强小区", "1栋", "1单元", "101", "张三", ID, "", "")


def test_apostrophes_and_formula_text_in_xlsx_strings(worker_store: Store, tmp_path: Path) -> None:
    other = pid(1952, 12)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["致强小区", "1栋", "1单元", "101", "张静华", f"'{ID}", "'13800000005", "'=1+2"])
    ws.append(["致强小区", "1栋", "1单元", "101", "李秀英", None, None, None])
    ws["F3"] = f'="{other}"'
    ws["F3"].data_type = "s"  # the literal text, not a formula, as some tools write it
    wb.save(tmp_path / "marks.xlsx")
    (sheet,) = iter_sheets(tmp_path / "marks.xlsx")
    assert sheet.rows[1][5:] == (ID, "13800000005", "=1+2")
    assert sheet.rows[2][5] == other
    plan = plan_import(worker_store, tmp_path / "marks.xlsx")
    assert [str(p) for p in plan.problems] == []
    assert plan.new == 2
