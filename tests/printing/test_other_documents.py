"""The hazard notice, the week route and the month report, from hand-built models."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from gridworker.printing.fonts import FontSet
from gridworker.printing.models import (
    CareCoverage,
    GasFigures,
    HazardNotice,
    MonthFigures,
    MonthReport,
    NeedFigures,
    RouteStop,
    VisitFigures,
    WeekRoute,
)
from gridworker.printing.notice import PARTS, STOP_USE, render_notices
from gridworker.printing.output import write_pdf
from gridworker.printing.report import render_month_report
from gridworker.printing.worklist import render_week_route, route_groups
from tests.printing.conftest import embedded_fonts, pdf_pages_text


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _notice(grade: str, no: str, stop: bool) -> HazardNotice:
    return HazardNotice(
        hazard_id="h" + no,
        notice_no=no,
        found_on=date(2025, 6, 3),
        item_label="热水器排烟" if stop else "连接软管类型",
        grade=grade,
        found="卫生间内安装直排式热水器" if stop else "橡胶软管老化开裂",
        community="致强社区",
        micro_grid="第三微网格",
        estate="锦华苑",
        building="3栋",
        unit="2单元",
        room="301",
        head_name="赵大爷",
        phone="13844847389",
        deadline=date(2025, 6, 10) if stop else date(2025, 7, 3),
        inspector="赵红",
        requirement="更换为强排式热水器" if stop else "更换为不锈钢波纹管",
        stop_use=stop,
    )


def test_notice_has_both_parts_on_one_page_and_stop_use_only_when_major(
    fonts: FontSet, tmp_path: Path
) -> None:
    out = tmp_path / "notices.pdf"
    result = write_pdf(
        out,
        lambda f: render_notices(
            [_notice("重大", "2025-0007", True), _notice("一般", "2025-0008", False)], f, fonts
        ),
    )
    major, ordinary = (_flat(t) for t in pdf_pages_text(out))
    assert result.pages == 2
    for page in (major, ordinary):
        for part in PARTS:
            assert page.count(part) == 1
        assert page.count("燃气安全隐患整改通知书") == 2
        assert "沿此线剪开" in page
        assert "13844847389" not in page and "138****7389" in page
    assert major.count(_flat(STOP_USE)) == 2 and "2025年6月10日" in major
    assert _flat(STOP_USE) not in ordinary and "2025年7月3日" in ordinary
    assert embedded_fonts(out)


def _stop(
    room: str, urgency: int, estate: str = "锦华苑", building: str = "3栋", **kw: object
) -> RouteStop:
    return RouteStop(
        household_id=room,
        estate=estate,
        building=building,
        unit="1单元",
        room=room,
        head_name=f"户主{room}",
        urgency=urgency,
        **kw,  # type: ignore[arg-type]
    )


def test_week_route_groups_by_stairwell_most_urgent_first(fonts: FontSet, tmp_path: Path) -> None:
    route = WeekRoute(
        date(2025, 6, 2),
        "致强社区",
        "第三微网格",
        "赵红",
        (
            _stop("502", 40, care_colour="绿", reasons=("绿色关爱",)),
            _stop(
                "101",
                0,
                estate="双福路院落",
                building="1栋",
                care_colour="红",
                reasons=("红色关爱 逾期3天",),
            ),
            _stop("301", 20, care_colour="黄", reasons=("黄色关爱",)),
            _stop(
                "201",
                10,
                estate="双福路院落",
                building="1栋",
                reasons=("隐患复查",),
                phone="13844847389",
            ),
        ),
    )
    groups = route_groups(route)
    assert [key[0] for key, _ in groups] == ["双福路院落", "锦华苑"]
    assert [s.room for s in groups[1][1]] == ["301", "502"]
    out = tmp_path / "week.pdf"
    result = write_pdf(out, lambda f: render_week_route(route, f, fonts))
    text = _flat(pdf_pages_text(out)[0])
    assert result.pages == 1
    assert (
        text.index("户主101")
        < text.index("户主201")
        < text.index("户主301")
        < text.index("户主502")
    )
    assert "2025年6月2日—2025年6月8日" in text and "138****7389" in text
    assert "红色关爱1户" in text


def test_month_report_sections_follow_the_data(fonts: FontSet, tmp_path: Path) -> None:
    rows = tuple(
        MonthFigures(
            f"第{c}微网格",
            60,
            150,
            visits=VisitFigures(40, 35, 30, 8, 2),
            care=(CareCoverage("红", 5, 4), CareCoverage("黄", 12, 10), CareCoverage("绿", 20, 18)),
            needs=NeedFigures(10, 6, 3, 8, 1),
            gas=GasFigures(20, 18, 5, 3, 1),
        )
        for c in "一二"
    )
    full = MonthReport("2025-06", "致强社区", "致强社区", "王主任", date(2025, 7, 1), rows, rows[0])
    roster_only = MonthReport(
        "2025-06",
        "致强社区",
        "第三微网格",
        "赵红",
        date(2025, 7, 1),
        (MonthFigures("第三微网格", 60, 150, 3, 1),),
    )
    a, b = tmp_path / "full.pdf", tmp_path / "roster.pdf"
    write_pdf(a, lambda f: render_month_report(full, f, fonts))
    write_pdf(b, lambda f: render_month_report(roster_only, f, fonts))
    full_text = _flat("".join(pdf_pages_text(a)))
    roster_text = _flat("".join(pdf_pages_text(b)))
    for heading in (
        "一、居民花名册",
        "二、走访",
        "三、三色关爱",
        "四、诉求",
        "五、燃气安全检查",
        "隐患发现与整改",
    ):
        assert heading in full_text
    assert "4/5（80%）" in full_text
    assert "月度工作报表2025年6月" in roster_text and "第三微网格" in roster_text
    for absent in ("走访次数", "三色关爱", "诉求", "燃气"):
        assert absent not in roster_text
