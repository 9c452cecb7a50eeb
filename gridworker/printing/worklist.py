"""本周走访清单: the week's worklist as a walking route with tick boxes.

Stops are grouped by estate, building and unit (one walk per stairwell); the group with
the most urgent stop comes first, and inside a group the most urgent stop first, then
by room. The care colour, the reasons and the due date say why each door is on the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from gridworker.core.ordering import natural_key
from gridworker.printing.fonts import FontSet
from gridworker.printing.layout import (
    GRID,
    LIGHT,
    MARGIN,
    PAGE_WIDTH,
    RenderResult,
    Styles,
    care_chip,
    font_notes,
    make_doc,
    masked_phone,
    page_footer,
    stream_build,
    zh_date,
)
from gridworker.printing.models import CARE_COLOURS, RouteStop, WeekRoute
from gridworker.printing.sheets import BOX

__all__ = ["render_week_route", "route_groups"]


def route_groups(route: WeekRoute) -> list[tuple[tuple[str, str, str], list[RouteStop]]]:
    """Stops grouped by (estate, building, unit), most urgent group and stop first."""
    groups: dict[tuple[str, str, str], list[RouteStop]] = {}
    for s in route.stops:
        groups.setdefault((s.estate, s.building, s.unit), []).append(s)

    def stop_key(s: RouteStop) -> tuple[Any, ...]:
        return (s.urgency, s.due or route.week_start + timedelta(days=9999), natural_key(s.room))

    out = []
    for key, stops in groups.items():
        stops.sort(key=stop_key)
        out.append((key, stops))
    out.sort(key=lambda g: (stop_key(g[1][0])[:2], [natural_key(k) for k in g[0]]))
    return out


def _story(st: Styles, route: WeekRoute) -> list[Flowable]:
    end = route.week_start + timedelta(days=6)
    out: list[Flowable] = [
        st.raw("本周走访清单", st.title),
        st.raw(
            st.fonts.markup(
                "　".join(
                    x
                    for x in (
                        route.community,
                        route.micro_grid,
                        f"网格员：{route.worker}" if route.worker else "",
                    )
                    if x
                )
            )
            + f"{st.gap}{zh_date(route.week_start)}—{zh_date(end)}",
            st.subtitle,
        ),
        Spacer(0, 3 * mm),
    ]
    if not route.stops:
        out.append(st.raw("本周没有到期的走访。", st.body))
        return out
    counts = {c: sum(1 for s in route.stops if s.care_colour == c) for c in CARE_COLOURS}
    summary = f"共 {len(route.stops)} 户" + "".join(
        f"，{c}色关爱 {n} 户" for c, n in counts.items() if n
    )
    out += [st.raw(summary, st.body), Spacer(0, 2 * mm)]
    head = ["完成", "房号", "户主", "关爱", "事由", "到期", "电话", "备注"]
    width = PAGE_WIDTH - 2 * MARGIN
    widths = [11 * mm, 16 * mm, 22 * mm, 13 * mm, 0, 22 * mm, 24 * mm, 26 * mm]
    widths[4] = width - sum(widths)
    rows: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("FONTSIZE", (0, 1), (0, -1), 13),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for (estate, building, unit), stops in route_groups(route):
        r = len(rows)
        rows.append([st.p(f"{estate}　{building}　{unit}".strip(), st.body)] + [""] * 7)
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), LIGHT)]
        for s in stops:
            rows.append(
                [
                    BOX,
                    st.p(s.room, st.cell, s.address),
                    st.p(s.head_name, st.cell, s.address),
                    st.raw(care_chip(s.care_colour), st.cell),
                    st.p("；".join(s.reasons), st.cell, s.address),
                    f"{s.due.month}月{s.due.day}日" if s.due else "",
                    masked_phone(s.phone),
                    "",
                ]
            )
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    out.append(t)
    return out


def render_week_route(
    route: WeekRoute,
    out: BinaryIO,
    fonts: FontSet,
    *,
    author: str = "",
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    st = Styles(fonts)
    pages = [0]
    note = "电话已部分隐藏。走访后在“完成”栏打勾，当天录入。"
    doc = make_doc(out, "本周走访清单", author, page_footer(fonts, "本周走访清单", pages, note))
    stream_build(doc, [_story(st, route)], cancelled=cancelled)
    return RenderResult(pages=pages[0], records=len(route.stops), notes=font_notes(fonts))
