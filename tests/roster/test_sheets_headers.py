"""Reading cells (encodings, Excel's number forms) and recognising header rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gridworker.roster.headers import find_header, header_key, match_header
from gridworker.roster.sheets import cell_text, decode_text, is_blank, read_csv
from gridworker.store.roster import RosterError

TEXT = "姓名,小区\n张三,致强小区\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8-BOM"),
        (TEXT.encode("gbk"), "GB18030"),
        ("姓名,小区\n𠀀三,致强\n".encode("gb18030"), "GB18030"),  # beyond GBK
        (TEXT.encode("utf-16"), "UTF-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, used = decode_text(data)
    assert used == encoding
    assert text.startswith("姓名,小区")


def test_tab_separated_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text("姓名\t小区\t房号\n张三\t致强小区\t101\n", encoding="utf-16")
    sheet = read_csv(path)
    assert sheet.rows[1] == ("张三", "致强小区", "101")


def test_quoted_cells_keep_commas_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text('姓名,人员类别,备注\n张三,"高龄,低保","第一行\n第二行"\n', encoding="utf-8")
    assert read_csv(path).rows[1] == ("张三", "高龄,低保", "第一行\n第二行")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (101, "101"),
        (101.0, "101"),
        (13800138000.0, "13800138000"),
        (5.10104199001011e17, "5.10104E+17"),
        (dt.datetime(1990, 1, 2), "1990-01-02"),
        (dt.date(1990, 1, 2), "1990-01-02"),
        (1.5, "1.5"),
    ],
)
def test_cell_text_shows_what_excel_shows(value: object, text: str) -> None:
    assert cell_text(value) == text  # type: ignore[arg-type]


def test_blank_rows() -> None:
    assert is_blank((None, " ", "　"))
    assert not is_blank((None, 0))


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"),
        ("名字", "name"),
        ("公民身份号码", "id_number"),
        ("身份证号码 *", "id_number"),
        ("证件号码（必填）", "id_number"),
        ("联系方式", "phone"),
        ("手机号", "phone"),
        ("小区名称", "estate"),
        ("院落", "estate"),
        ("小区（院落）", "estate"),
        ("楼栋号", "building"),
        ("门牌号", "room"),
        ("与户主关系", "relation"),
        ("人员类别", "tags"),
        ("特殊人群", "tags"),
        ("所属微网格", "micro_grid"),
        ("序号", "seq"),
        ("ＮＯ．", "seq"),
        ("家里养的猫", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    assert match_header(header) == field


def test_header_key_drops_hints_and_marks() -> None:
    assert header_key(" 出生日期 (yyyy-mm-dd) ") == "出生日期"
    assert header_key("＊姓名：") == "姓名"


def test_header_row_is_found_below_titles() -> None:
    rows = [
        ("致强社区居民花名册（姓名按户排列）", None, None),
        ("填表人：赵红", None, "填表日期"),
        (),
        ("序号", "姓 名", "公民身份号码", "小区名称", "门牌号", "宠物"),
        (1, "张三", "x", "y", "101"),
    ]
    header = find_header(rows)
    assert header is not None
    assert header.row == 4
    assert header.fields == {"seq": 0, "name": 1, "id_number": 2, "estate": 3, "room": 4}
    assert header.ignored == ["宠物"]
    assert header.column_name("id_number") == "公民身份号码"


def test_no_header_without_a_name_column() -> None:
    assert find_header([("小区", "房号"), ("致强小区", "101")]) is None


def test_two_columns_for_one_field_is_an_error() -> None:
    with pytest.raises(RosterError, match="联系电话"):
        find_header([("姓名", "小区", "手机号", "联系电话")])
