"""Printing budgets (issue 14).

* Speed: 1,000 household sheets in one PDF at no less than 1/3 of the page rate of a
  bare reportlab document with the same page count, font and table sizes (the same
  tables, plain strings, built with ``doc.build``), measured in the same run.
* Memory: the peak Python memory of a 1,000-sheet batch against a 250-sheet batch, both
  written to a file: sheets are streamed one household at a time and each finished page
  is kept compressed, so what grows per page is a small multiple of the PDF's own size
  (reportlab assembles the whole file in memory when it saves).

Run: uv run pytest tests/benchmarks/test_print_bench.py --benchmark-enable -s
"""

from __future__ import annotations

import gc
import random
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from gridworker.core.demo_people import generate_households
from gridworker.printing.fonts import FontSet, make_font_set
from gridworker.printing.models import HouseholdSheet, SheetMember
from gridworker.printing.sheets import render_sheets
from gridworker.store.policies import load_checklist

SHEETS = 1_000


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    f = make_font_set()
    if not f.main.embedded:
        pytest.skip("no Chinese TrueType font on this machine (apt-get install fonts-wqy-microhei)")
    return f


def demo_sheets(n: int) -> Iterator[HouseholdSheet]:
    """Realistic households (the demo's people), made as they are printed."""
    checklist = load_checklist()
    today = date(2025, 6, 3)
    for i, hh in enumerate(
        generate_households(random.Random(5), n, ["锦华苑", "双福路院落"], today=today)
    ):
        members = tuple(
            SheetMember(
                name=m.name,
                sex=m.sex,
                age=today.year - m.birth_date.year,
                relation=m.relation,
                id_number=m.id_number,
                phone=m.phone or "",
                tags=tuple(m.tags),
            )
            for m in hh.members
        )
        yield HouseholdSheet(
            household_id=f"{i:032x}",
            printed_on=today,
            community="致强社区",
            micro_grid="第三微网格",
            estate=hh.estate,
            building=hh.building,
            unit=hh.unit,
            room=hh.room,
            head_name=hh.head_name,
            phone=hh.phone or "",
            house_use=hh.house_use,
            worker="赵红",
            members=members,
            checklist=checklist,
        )


def bare_document(path: Path, fonts: FontSet, pages: list[int]) -> int:
    """The baseline: per page the same tables as a sheet, plain strings, doc.build."""
    font = fonts.name
    title = ParagraphStyle("t", fontName=font, fontSize=17, leading=22)
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
    )
    count = [0]

    def page_end(canv: object, _doc: object) -> None:
        count[0] += 1

    doc.addPageTemplates(
        [
            PageTemplate(
                frames=[Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)],
                onPageEnd=page_end,
            )
        ]
    )
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ]
    )
    story: list[object] = []
    for n_members in pages:
        story.append(Paragraph("入户走访登记表", title))
        story.append(Table([["锦华苑3栋2单元301", "户主：赵红　电话：138****5678"]], style=style))
        story.append(
            Table(
                [["姓名", "性别", "年龄", "关系", "身份证号", "电话", "人群"]]
                + [["赵红", "女", "45", "本人", "510104********1234", "138****5678", "空巢老人"]]
                * n_members,
                style=style,
            )
        )
        story.append(
            Table(
                [["走访日期", "　年　月　日", "方式", "□入户 □电话 □视频 □到访不遇"]] * 5,
                style=style,
            )
        )
        story.append(
            Table(
                [["", "燃气安全检查项", "属于隐患的情形", "等级", "合格", "隐患", "不适用"]]
                + [
                    [
                        "1",
                        "燃气泄漏检查（检漏）",
                        "肥皂水检漏起泡或检测仪报警",
                        "重大",
                        "□",
                        "□",
                        "□",
                    ]
                ]
                * 16,
                style=style,
            )
        )
        story.append(
            Table(
                [["户主（住户）签字：", "", "网格员签字：", "", "日期：　年　月　日"]], style=style
            )
        )
        story.append(PageBreak())
    story.pop()
    doc.build(story)
    return count[0]


def test_sheet_rate_against_bare_reportlab(tmp_path: Path, fonts: FontSet) -> None:
    sizes = [len(s.members) for s in demo_sheets(SHEETS)]
    best_ours = best_bare = float("inf")
    for _round in range(2):
        t0 = time.perf_counter()
        with open(tmp_path / "ours.pdf", "wb") as f:
            result = render_sheets(demo_sheets(SHEETS), f, fonts)
        best_ours = min(best_ours, time.perf_counter() - t0)
        t0 = time.perf_counter()
        bare_pages = bare_document(tmp_path / "bare.pdf", fonts, sizes)
        best_bare = min(best_bare, time.perf_counter() - t0)
    assert result.records == SHEETS
    assert bare_pages == result.pages, "the baseline must have the same page count"
    ours_rate, bare_rate = result.pages / best_ours, bare_pages / best_bare
    ratio = ours_rate / bare_rate
    print(
        f"\n{SHEETS} sheets, {result.pages} pages: {ours_rate:.0f} pages/s; bare reportlab "
        f"{bare_rate:.0f} pages/s; ratio 1/{1 / ratio:.2f} (budget 1/3)"
    )
    assert ratio >= 1 / 3


def _peak(path: Path, fonts: FontSet, n: int) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    with open(path, "wb") as f:
        result = render_sheets(demo_sheets(n), f, fonts)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result.pages


def test_memory_is_flat_as_the_batch_grows(tmp_path: Path, fonts: FontSet) -> None:
    _peak(tmp_path / "warm.pdf", fonts, 5)  # imports and caches first
    small, small_pages = _peak(tmp_path / "small.pdf", fonts, SHEETS // 4)
    large, large_pages = _peak(tmp_path / "large.pdf", fonts, SHEETS)
    per_page = (large - small) / (large_pages - small_pages)
    size = (tmp_path / "large.pdf").stat().st_size / large_pages
    print(
        f"\npeak Python memory: {small / 2**20:.1f} MiB for {small_pages} pages, "
        f"{large / 2**20:.1f} MiB for {large_pages} pages: {per_page / 1024:.1f} KiB more per page "
        f"(the PDF itself: {size / 1024:.1f} KiB a page)"
    )
    # reportlab assembles the whole file in memory when it saves: what grows per page is
    # the finished page (kept compressed) and its share of that assembly.
    assert per_page < 4 * size
