"""月度工作报表: a worker's month, or the office's per micro-grid with the community total.

The roster figures are always there; visits, care coverage by colour, needs and gas
figures each get their table (and a simple bar chart) when the rows carry them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from gridworker.printing.fonts import FontSet
from gridworker.printing.layout import (
    GRID,
    LIGHT,
    MARGIN,
    PAGE_WIDTH,
    RenderResult,
    Styles,
    font_notes,
    make_doc,
    page_footer,
    stream_build,
    zh_date,
)
from gridworker.printing.models import CARE_COLOURS, MonthFigures, MonthReport

__all__ = ["render_month_report"]

WIDTH = PAGE_WIDTH - 2 * MARGIN
SERIES = [
    colors.HexColor("#3d6d99"),
    colors.HexColor("#2e9e44"),
    colors.HexColor("#d93025"),
    colors.HexColor("#f2b600"),
]


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def _table(st: Styles, head: list[str], rows: list[list[Any]], total: bool) -> Table:
    t = Table([head, *rows], repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
            ("LINEABOVE", (0, -1), (-1, -1), 1.2, GRID),
        ]
    t.setStyle(TableStyle(style))
    return t


def _chart(
    st: Styles,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    fills: Sequence[Any] = SERIES,
) -> Drawing:
    """A grouped bar chart, one group per label, with a legend."""
    height = 58 * mm
    d = Drawing(WIDTH, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = WIDTH - 60 * mm, height - 18 * mm
    chart.data = [list(v) for _, v in series]
    chart.categoryAxis.categoryNames = [st.fonts.plain(x) for x in labels]
    chart.categoryAxis.labels.fontName = st.fonts.name
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = st.fonts.name
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([1, *(x for _, v in series for x in v)])
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, _ in enumerate(series):
        chart.bars[i].fillColor = fills[i % len(fills)]
        chart.bars[i].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = st.fonts.name
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = WIDTH - 44 * mm, height - 14 * mm
    legend.fontName = st.fonts.name
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(fills[i % len(fills)], name) for i, (name, _) in enumerate(series)]
    d.add(legend)
    d.add(String(12 * mm, height - 6 * mm, title, fontName=st.fonts.name, fontSize=9))
    return d


def _sections(st: Styles, report: MonthReport) -> list[Flowable]:
    rows = list(report.rows)
    all_rows: list[MonthFigures] = rows + ([report.total] if report.total else [])
    total = report.total is not None
    label = "微网格" if len(rows) > 1 or total else "范围"
    out: list[Flowable] = []

    def section(title: str, parts: list[Flowable]) -> None:
        out.append(KeepTogether([st.raw(title, st.heading), *parts, Spacer(0, 3 * mm)]))

    section(
        "一、居民花名册",
        [
            _table(
                st,
                [label, "户数", "在住人数", "本月新登记", "本月迁出", "本月死亡"],
                [
                    [
                        st.p(r.label),
                        r.households,
                        r.residents,
                        r.new_residents,
                        r.moved_out,
                        r.deceased,
                    ]
                    for r in all_rows
                ],
                total,
            )
        ]
        + (
            [
                _chart(
                    st,
                    "各微网格户数与在住人数",
                    [r.label for r in rows],
                    [
                        ("户数", [r.households for r in rows]),
                        ("在住人数", [r.residents for r in rows]),
                    ],
                )
            ]
            if len(rows) > 1
            else []
        ),
    )
    n = 2
    numbers = "二三四五"
    visits = [r for r in all_rows if r.visits is not None]
    if visits:
        section(
            f"{numbers[n - 2]}、走访",
            [
                _table(
                    st,
                    [label, "走访次数", "走访户数", "走访覆盖率", "入户", "电话", "到访不遇"],
                    [
                        [
                            st.p(r.label),
                            v.visits,
                            v.households_visited,
                            _pct(v.households_visited, r.households),
                            v.in_person,
                            v.by_phone,
                            v.not_home,
                        ]
                        for r in visits
                        if (v := r.visits) is not None
                    ],
                    total,
                )
            ],
        )
        n += 1
    care = [r for r in all_rows if r.care is not None]
    if care:
        body: list[list[Any]] = []
        for r in care:
            by = {c.colour: c for c in r.care or ()}
            cells: list[Any] = [st.p(r.label)]
            for colour in CARE_COLOURS:
                c = by.get(colour)
                cells.append(
                    f"{c.covered}/{c.flagged}（{_pct(c.covered, c.flagged)}）" if c else "—"
                )
            body.append(cells)
        subject = report.total or rows[0]
        by = {c.colour: c for c in subject.care or ()}
        chart = _chart(
            st,
            f"关爱对象按期走访（{subject.label}）",
            [f"{c}色" for c in CARE_COLOURS],
            [
                ("关爱对象", [by[c].flagged if c in by else 0 for c in CARE_COLOURS]),
                ("按期走访", [by[c].covered if c in by else 0 for c in CARE_COLOURS]),
            ],
            [colors.HexColor("#9e9e9e"), colors.HexColor("#3d6d99")],
        )
        section(
            f"{numbers[n - 2]}、三色关爱（按期走访/关爱对象）",
            [_table(st, [label, "红色", "黄色", "绿色"], body, total), chart],
        )
        n += 1
    needs = [r for r in all_rows if r.needs is not None]
    if needs:
        section(
            f"{numbers[n - 2]}、诉求",
            [
                _table(
                    st,
                    [label, "收集", "当场解决", "上报", "已办结", "逾期未办"],
                    [
                        [
                            st.p(r.label),
                            x.raised,
                            x.solved_on_spot,
                            x.passed_up,
                            x.closed,
                            x.overdue,
                        ]
                        for r in needs
                        if (x := r.needs) is not None
                    ],
                    total,
                )
            ],
        )
        n += 1
    gas = [r for r in all_rows if r.gas is not None]
    if gas:
        grid_rows = [r for r in gas if r is not report.total]
        section(
            f"{numbers[n - 2]}、燃气安全检查",
            [
                _table(
                    st,
                    [
                        label,
                        "应检户数",
                        "已检户数",
                        "未入户",
                        "发现隐患",
                        "其中重大",
                        "已整改",
                        "复查",
                        "逾期未整改",
                        "上报",
                    ],
                    [
                        [
                            st.p(r.label),
                            g.due,
                            g.households_inspected,
                            g.not_home,
                            g.hazards_found,
                            g.major,
                            g.rectified,
                            g.rechecked,
                            g.overdue,
                            g.escalated,
                        ]
                        for r in gas
                        if (g := r.gas) is not None
                    ],
                    total,
                ),
                _chart(
                    st,
                    "隐患发现与整改",
                    [r.label for r in grid_rows],
                    [
                        ("发现隐患", [r.gas.hazards_found if r.gas else 0 for r in grid_rows]),
                        ("已整改", [r.gas.rectified if r.gas else 0 for r in grid_rows]),
                        ("逾期未整改", [r.gas.overdue if r.gas else 0 for r in grid_rows]),
                    ],
                    [
                        colors.HexColor("#f2b600"),
                        colors.HexColor("#2e9e44"),
                        colors.HexColor("#d93025"),
                    ],
                ),
            ],
        )
    return out


def _story(st: Styles, report: MonthReport) -> list[Flowable]:
    y, m = report.month.split("-")
    out: list[Flowable] = [
        st.raw(f"月度工作报表　{int(y)}年{int(m)}月", st.title),
        st.raw(
            st.fonts.markup(
                f"{report.community}　{report.scope}"
                if report.scope != report.community
                else report.community
            )
            + f"{st.gap}制表：{st.fonts.markup(report.prepared_by)}{st.gap}{zh_date(report.made_on)}",
            st.subtitle,
        ),
        Spacer(0, 4 * mm),
    ]
    out += _sections(st, report)
    for note in report.notes:
        out.append(st.p(note, st.small))
    return out


def render_month_report(
    report: MonthReport,
    out: BinaryIO,
    fonts: FontSet,
    *,
    author: str = "",
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    st = Styles(fonts)
    pages = [0]
    doc = make_doc(
        out, f"月度工作报表 {report.month}", author, page_footer(fonts, "月度工作报表", pages)
    )
    stream_build(doc, [_story(st, report)], cancelled=cancelled)
    return RenderResult(pages=pages[0], records=len(report.rows), notes=font_notes(fonts))
