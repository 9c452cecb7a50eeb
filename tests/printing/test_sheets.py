"""入户走访登记表 from demo data and hand-built households, read back from the PDF."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from gridworker.core.sheet_code import parse_sheet_code
from gridworker.demo import build_demo
from gridworker.printing.fonts import FontSet
from gridworker.printing.models import HouseholdSheet, LastVisit, OpenNeed, SheetMember
from gridworker.printing.output import write_pdf
from gridworker.printing.sheets import render_sheets
from gridworker.store import print_data
from gridworker.store.policies import load_checklist
from gridworker.store.print_data import SheetScope
from gridworker.store.store import Store
from tests.printing.conftest import embedded_fonts, font_names, pdf_pages_text, qr_texts

DAY = date(2025, 6, 3)


@pytest.fixture
def demo(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "demo.sqlite3")
    build_demo(store, households=12, seed=11)
    return store


def _sheets(store: Store) -> list[HouseholdSheet]:
    ids = print_data.sheet_household_ids(
        store, SheetScope(micro_grid_id=store.identity.micro_grid_id)
    )
    return list(
        print_data.household_sheets(
            store,
            ids,
            printed_on=DAY,
            checklist=load_checklist(),
            community="致强社区",
            worker="赵红",
        )
    )


def test_demo_sheets_one_page_each_masked_embedded_and_scannable(
    demo: Store, fonts: FontSet, tmp_path: Path
) -> None:
    sheets = _sheets(demo)
    out = tmp_path / "sheets.pdf"
    result = write_pdf(out, lambda f: render_sheets(sheets, f, fonts))
    assert result.records == len(sheets) == 12
    texts = pdf_pages_text(out)
    assert len(texts) == result.pages == 12  # nobody in the demo needs a second page
    everything = "\n".join(texts)
    flat = re.sub(r"\s+", "", everything)
    for s in sheets:
        for m in s.members:
            assert m.name in flat
    # No full ID number or phone anywhere: not the stored ones, not any 18-digit or
    # 11-digit mobile number at all.
    people = demo.conn.execute("SELECT id_number, phone FROM resident").fetchall()
    for idn, phone in people:
        if idn:
            assert idn not in flat
        if phone:
            assert phone not in flat
    assert not re.search(r"\d{17}[\dX]", flat)
    assert not re.search(r"1[3-9]\d{9}", flat)
    assert "****" in flat
    assert "燃气泄漏检查" in flat and "户主（住户）签字" in flat
    # The demo's visits, care colours and open needs come with the sheets.
    assert any(s.last_visit for s in sheets) and "上次走访" in flat
    assert any(m.care_colour for s in sheets for m in s.members)
    assert any("WenQuanYi" in name for name in embedded_fonts(out))
    assert font_names(out) <= embedded_fonts(out) | {"/ZapfDingbats", "/Helvetica"}
    [code] = qr_texts(out, page=3)
    parsed = parse_sheet_code(code)
    assert parsed is not None and parsed.household_id == sheets[3].household_id
    assert parsed.printed_on == DAY


def _member(i: int, **kw: object) -> SheetMember:
    values: dict[str, object] = {
        "name": f"成员{i}",
        "sex": "男",
        "age": 30 + i,
        "relation": "子",
        "id_number": "11010519491231002X",
        "phone": "13844847389",
    }
    values.update(kw)
    return SheetMember(**values)  # type: ignore[arg-type]


def _household(n: int, **kw: object) -> HouseholdSheet:
    base = HouseholdSheet(
        household_id="0190f3c2a1b27c3d8e9f0a1b2c3d4e5f",
        printed_on=DAY,
        community="致强社区",
        micro_grid="第三微网格",
        estate="锦华苑",
        building="3栋",
        unit="2单元",
        room="301",
        head_name="成员0",
        phone="13844847389",
        members=tuple(_member(i) for i in range(n)),
        checklist=load_checklist(),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_twelve_people_continue_on_a_second_page(fonts: FontSet, tmp_path: Path) -> None:
    out = tmp_path / "big.pdf"
    result = write_pdf(out, lambda f: render_sheets([_household(12)], f, fonts))
    first, second = pdf_pages_text(out)
    assert result.pages == 2
    assert "成员11" in first and "入户走访登记表" in first
    assert "入户走访登记表（续）" in second and "燃气安全检查项" in second
    assert "第 2 页" in second


def test_members_split_over_pages_repeat_the_table_header(fonts: FontSet, tmp_path: Path) -> None:
    out = tmp_path / "huge.pdf"
    write_pdf(out, lambda f: render_sheets([_household(60)], f, fonts))
    texts = pdf_pages_text(out)
    assert len(texts) == 3  # members, the rest of the members, the boxes and checklist
    assert "成员59" not in texts[0] and "成员59" in texts[1]
    assert "身份证号" in texts[1] and "与户主关系" in texts[1]  # the header again


def test_sensitive_tags_never_printed(fonts: FontSet, tmp_path: Path) -> None:
    m = _member(0, tags=("低保", "精神障碍患者", "社区矫正人员", "独居老人"))
    out = tmp_path / "tags.pdf"
    write_pdf(out, lambda f: render_sheets([_household(0, members=(m,))], f, fonts))
    text = pdf_pages_text(out)[0]
    assert "独居老人" in text
    for tag in ("低保", "精神障碍", "社区矫正"):
        assert tag not in text


def test_sections_appear_when_their_records_exist(fonts: FontSet, tmp_path: Path) -> None:
    sheet = _household(
        2,
        care_colour="红",
        members=(_member(0, care_colour="红"), _member(1)),
        last_visit=LastVisit(date(2025, 5, 20), "入户", "赵红", "血压偏高"),
        open_needs=(OpenNeed("楼道灯坏了", deadline=date(2025, 6, 10)),),
    )
    out = tmp_path / "full.pdf"
    write_pdf(out, lambda f: render_sheets([sheet, _household(1)], f, fonts))
    full, bare = pdf_pages_text(out)
    assert "上次走访：2025年5月20日" in full and "血压偏高" in full
    assert "未办结诉求：楼道灯坏了" in full and "关爱" in full
    assert "上次走访" not in bare and "未办结诉求" not in bare
    assert "情况记录" in bare and "诉求与需求" in bare  # the boxes to fill stay


def test_empty_fields_and_long_text_still_lay_out(fonts: FontSet, tmp_path: Path) -> None:
    long_name = "阿卜杜热合曼·买买提艾力·库尔班江"
    sheet = HouseholdSheet(
        household_id="0" * 32,
        printed_on=DAY,
        estate="双福路街道办事处职工宿舍院落（老三区）",
        building="12栋",
        members=(SheetMember(long_name), SheetMember("")),
        checklist=load_checklist(),
    )
    out = tmp_path / "odd.pdf"
    result = write_pdf(out, lambda f: render_sheets([sheet], f, fonts))
    text = re.sub(r"\s+", "", "".join(pdf_pages_text(out)))
    assert result.pages == 1
    assert long_name in text and "（无姓名）" in text


def test_characters_the_font_lacks_are_named(fonts: FontSet, tmp_path: Path) -> None:
    sheet = _household(1, head_name="赵𠮷", members=(_member(0, name="王䶮"),))
    out = tmp_path / "rare.pdf"
    result = write_pdf(out, lambda f: render_sheets([sheet], f, fonts))
    [note] = result.notes
    assert "WenQuanYi Micro Hei" in note and "𠮷" in note and "䶮" in note
    assert "锦华苑3栋2单元301" in note
    assert "〓" in pdf_pages_text(out)[0]


def test_without_a_truetype_font_the_builtin_one_is_used_and_said(
    builtin_fonts: FontSet, tmp_path: Path
) -> None:
    out = tmp_path / "builtin.pdf"
    result = write_pdf(out, lambda f: render_sheets([_household(2)], f, builtin_fonts))
    assert result.pages == 1
    assert builtin_fonts.main.embedded is False
    assert any("STSong-Light" in n for n in result.notes)
    assert "/STSong-Light" in font_names(out)
    assert not embedded_fonts(out)
    text = pdf_pages_text(out)[0]
    assert "户主：成员0" in text and "\ufffd" not in text  # no character the font cannot name
