"""Merged cells in .xlsx rosters: every cell a merged range covers reads its top-left value.

Offices merge a household's address cells (小区, 房号…) over the rows of its members, and
two-level headers merge 姓名 over both header rows; openpyxl's read-only mode does not
report merged ranges, so the reader takes them from the worksheet XML itself.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from rostersheets import HEADER, family_rows, pid

from gridworker.roster.importer import apply_import, plan_import
from gridworker.roster.sheets import Row, fill_merged, iter_sheets, read_merged_ranges
from gridworker.store.store import Store

ESTATE, BUILDING, UNIT, ROOM = 1, 2, 3, 4  # 0-based columns of HEADER


def _save(path: Path, rows: Sequence[Sequence[object]], merges: Sequence[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    for r in rows:
        ws.append(list(r))
    for ref in merges:
        ws.merge_cells(ref)  # like Excel, keeps the top-left value and clears the others
    wb.save(path)
    return path


def _merged_family(tmp_path: Path) -> Path:
    """family_rows with each household's address merged over its members (header row 1)."""
    rows: list[list[object]] = [list(HEADER), *family_rows()]
    # Households: sheet rows 2-4 (1单元 101) and 5-6 (2单元 202), both in 致强小区 1栋.
    merges = ["B2:B6", "C2:C6", "D2:D4", "D5:D6", "E2:E4", "E5:E6"]
    return _save(tmp_path / "merged.xlsx", rows, merges)


def test_household_cells_merged_over_its_members_are_imported(
    worker_store: Store, tmp_path: Path
) -> None:
    plan = plan_import(worker_store, _merged_family(tmp_path))
    assert plan.problems == []
    assert (plan.new, plan.households_new) == (5, 2)
    apply_import(worker_store, plan)
    rooms = {
        r["name"]: (r["estate"], r["building"], r["unit"], r["room"])
        for r in worker_store.conn.execute(
            "SELECT resident.name, estate, building, unit, room FROM resident "
            "JOIN household ON household.id = resident.household_id"
        )
    }
    assert rooms["张小明"] == ("致强小区", "1栋", "1单元", "101")
    assert rooms["刘强"] == ("致强小区", "1栋", "2单元", "202")


def test_qa_reproduction_estate_and_room_merged_over_two_rows(
    worker_store: Store, tmp_path: Path
) -> None:
    rows = [
        ["致强社区第三微网格居民登记表"],
        [],
        ["小区", "楼栋", "单元", "房号", "姓名", "与户主关系", "联系电话"],
        ["致强小区", "1栋", "1单元", "101", "张静华", "户主", "13800138001"],
        [None, "1栋", "1单元", None, "李秀英", "配偶", "13800138002"],
    ]
    path = _save(tmp_path / "qa.xlsx", rows, ["A1:G1", "A4:A5", "D4:D5"])
    plan = plan_import(worker_store, path)
    assert [str(p) for p in plan.problems] == []
    assert (plan.new, plan.households_new) == (2, 1)


def test_horizontal_and_block_merges_fill_every_covered_cell(tmp_path: Path) -> None:
    rows = [
        ["a", "b", "c", "d"],
        ["x", None, None, "y"],
        [1, None, "z", None],
        [None, None, "w", 2],
    ]
    path = _save(tmp_path / "h.xlsx", rows, ["A2:C2", "A3:B4"])
    (sheet,) = iter_sheets(path)
    assert sheet.rows == [
        ("a", "b", "c", "d"),
        ("x", "x", "x", "y"),
        (1, 1, "z"),  # openpyxl writes a row up to its last cell
        (1, 1, "w", 2),
    ]


def test_a_merge_wider_than_its_row_widens_it_up_to_the_widest_row() -> None:
    """Columns past every row have no header to import them under; "A3:XFD3" stays small."""
    rows: list[Row] = [("a", "b", "c", "d", "e"), (None, "x"), ("y",)]
    fill_merged(rows, [(2, 2, 2, 5), (3, 1, 3, 16384)])
    assert rows == [("a", "b", "c", "d", "e"), (None, "x", "x", "x", "x"), ("y",) * 5]


def test_a_merge_past_the_last_row_adds_no_rows() -> None:
    rows: list[Row] = [("姓名", "小区", "房号"), ("张三", "致强小区", "101")]
    fill_merged(rows, [(2, 2, 40, 2), (41, 1, 42, 3)])
    assert rows == [("姓名", "小区", "房号"), ("张三", "致强小区", "101")]


def test_merged_rows_with_nothing_of_their_own_stay_blank(
    worker_store: Store, tmp_path: Path
) -> None:
    """A form whose address cells were merged over spare rows left empty for more members."""
    rows: list[list[object]] = [list(HEADER), *family_rows()[:3], *([[None] * 12] * 5)]
    merges = [f"{col}2:{col}9" for col in "BCDE"]
    path = _save(tmp_path / "spare.xlsx", rows, merges)
    plan = plan_import(worker_store, path)
    assert plan.problems == []
    assert (plan.rows, plan.new) == (3, 3)


def test_two_level_header_with_vertically_merged_names(worker_store: Store, tmp_path: Path) -> None:
    """序号, 姓名, 身份证号 merged over both header rows; 住址 over its four sub-columns."""
    rows: list[list[object]] = [
        ["序号", "姓名", "居住地址", None, None, None, "公民身份号码"],
        [None, None, "小区", "楼栋", "单元", "房号", None],
        [1, "张静华", "致强小区", "1栋", "1单元", "101", pid(1950, 11)],
        [2, "李秀英", "致强小区", "1栋", "1单元", "101", pid(1952, 12)],
    ]
    path = _save(tmp_path / "two-level.xlsx", rows, ["A1:A2", "B1:B2", "C1:F1", "G1:G2"])
    plan = plan_import(worker_store, path)
    assert plan.header_row == 2
    assert plan.columns["name"] == "姓名" and plan.columns["id_number"] == "公民身份号码"
    assert plan.problems == []
    assert plan.new == 2


def _zip(member: str, xml: str) -> zipfile.ZipFile:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, xml)
    return zipfile.ZipFile(data)


def test_merge_ranges_are_read_whatever_the_xml_prefix_or_quotes() -> None:
    cells = "".join(f'<x:row r="{i}"><x:c r="A{i}"><x:v>{i}</x:v></x:c></x:row>' for i in range(9))
    xml = (
        '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><x:sheetData>{cells}</x:sheetData>'
        '<x:mergeCells count="3"><x:mergeCell ref=\'A4:A5\'/><x:mergeCell ref="d4:D5" />'
        '<x:mergeCell ref="B7"/></x:mergeCells></x:worksheet>'
    )
    with _zip("xl/worksheets/sheet1.xml", xml) as z:
        assert read_merged_ranges(z, "xl/worksheets/sheet1.xml") == [
            (4, 1, 5, 1),
            (4, 4, 5, 4),
            (7, 2, 7, 2),
        ]


def test_merge_ranges_split_across_read_chunks_are_found() -> None:
    filler = "<row/>" * 400_000  # more than one chunk of the decompressed stream
    xml = (
        f"<worksheet><sheetData>{filler}</sheetData><mergeCells>"
        + "".join(f'<mergeCell ref="A{i}:B{i}"/>' for i in range(1, 2001))
        + "</mergeCells></worksheet>"
    )
    with _zip("s.xml", xml) as z:
        ranges = read_merged_ranges(z, "s.xml")
    assert len(ranges) == 2000 and ranges[-1] == (2000, 1, 2000, 2)
