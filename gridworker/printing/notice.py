"""燃气安全隐患整改通知书: one hazard per page, in two parts with a cut line between.

The upper part (用户联) stays with the household, the lower (存根联) goes back to the
community with the household's signature. Both say the same: where, which item, the
grade, what was found, what to do by when; a 重大 hazard adds the order to stop using gas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import FrameBreak

from gridworker.printing.fonts import FontSet
from gridworker.printing.layout import (
    GRID,
    LIGHT,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RenderResult,
    Styles,
    font_notes,
    make_doc,
    masked_phone,
    stream_build,
    zh_date,
)
from gridworker.printing.models import HazardNotice

__all__ = ["PARTS", "STOP_USE", "render_notices"]

PARTS = ("用户联", "存根联")
STOP_USE = "重大隐患：请立即停止使用燃气并关闭燃气阀门；整改完成、经复查合格前不得恢复使用。"
CUT_Y = PAGE_HEIGHT / 2


def _part(st: Styles, n: HazardNotice, part: str) -> list[Flowable]:
    where = n.address or n.head_name
    title = "燃气安全隐患整改通知书" + ("（再次通知）" if n.second_notice else "")
    head = Table(
        [
            [
                st.raw(title, st.title),
                st.raw(f"{part}<br/>编号：{st.fonts.markup(n.notice_no)}", st.body),
            ]
        ],
        colWidths=[PAGE_WIDTH - 2 * MARGIN - 40 * mm, 40 * mm],
    )
    head.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    label = st.cell
    rows: list[list[Any]] = [
        ["住户地址", st.p(n.address, label, where), "户主", st.p(n.head_name, label, where)],
        ["联系电话", masked_phone(n.phone), "检查日期", zh_date(n.found_on)],
        ["隐患项目", st.p(n.item_label, label), "隐患等级", n.grade],
        ["发现情况", st.p(n.found or "", label, where), "", ""],
        ["整改要求", st.p(n.requirement or "", label, where), "", ""],
        ["整改期限", zh_date(n.deadline) or "　", "复查日期", zh_date(n.recheck_on)],
    ]
    width = PAGE_WIDTH - 2 * MARGIN
    t = Table(rows, colWidths=[22 * mm, width / 2 - 22 * mm, 22 * mm, width / 2 - 22 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("BACKGROUND", (2, 0), (2, 2), LIGHT),
                ("BACKGROUND", (2, 5), (2, 5), LIGHT),
                ("SPAN", (1, 3), (-1, 3)),
                ("SPAN", (1, 4), (-1, 4)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("MINROWHEIGHT", (0, 0), (-1, -1), 7 * mm),
            ]
        )
    )
    out: list[Flowable] = [head, Spacer(0, 2 * mm), t, Spacer(0, 2 * mm)]
    if n.stop_use:
        stop = Table(
            [[st.raw(f'<font color="#c5221f" size="11">{STOP_USE}</font>', st.heading)]],
            colWidths=[width],
        )
        stop.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#c5221f")),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fce8e6")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out += [stop, Spacer(0, 2 * mm)]
    out.append(
        st.raw(
            "经入户安全检查，您家存在上述燃气安全隐患。请在整改期限前完成整改，整改后告知网格员或社区复查；"
            "拒不整改的，社区将报告街道和燃气公司，燃气公司可依法暂停供气。",
            st.body,
        )
    )
    out.append(Spacer(0, 3 * mm))
    who = "住户签收：" if part == PARTS[1] else "住户签字："
    sign = Table(
        [[f"检查人（网格员）：{n.inspector}", who, "", "日期：　　年　　月　　日"]],
        colWidths=[width * 0.34, 20 * mm, 32 * mm, width * 0.66 - 52 * mm],
    )
    sign.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("LINEBELOW", (2, 0), (2, 0), 0.6, colors.black),
                ("ALIGN", (3, 0), (3, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    issuer = st.fonts.markup(" ".join(x for x in (n.community, n.micro_grid) if x))
    out += [sign, Spacer(0, 2 * mm), st.raw(f"{issuer}（盖章）", st.body)]
    return out


def _notice(st: Styles, n: HazardNotice) -> list[Flowable]:
    return [*_part(st, n, PARTS[0]), FrameBreak(), *_part(st, n, PARTS[1])]


def _cut_line(fonts: FontSet, pages: list[int]) -> Callable[[Any, BaseDocTemplate], None]:
    def draw(canv: Any, doc: BaseDocTemplate) -> None:
        pages[0] += 1
        canv.saveState()
        canv.setDash(4, 3)
        canv.setStrokeColor(GRID)
        canv.line(MARGIN / 2, CUT_Y, PAGE_WIDTH - MARGIN / 2, CUT_Y)
        canv.setFont(fonts.name, 7.5)
        canv.setFillColor(colors.white)
        label = "- - 沿此线剪开：上联交住户，下联（存根）交回社区 - -"
        w = canv.stringWidth(label, fonts.name, 7.5)
        canv.rect(PAGE_WIDTH / 2 - w / 2 - 4, CUT_Y - 4, w + 8, 8, stroke=0, fill=1)
        canv.setFillColor(GRID)
        canv.drawCentredString(PAGE_WIDTH / 2, CUT_Y - 2.5, fonts.plain(label))
        canv.restoreState()

    return draw


def render_notices(
    notices: Iterable[HazardNotice],
    out: BinaryIO,
    fonts: FontSet,
    *,
    author: str = "",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """One page per hazard, each with its two parts."""
    st = Styles(fonts)
    pages = [0]
    half = (PAGE_HEIGHT - 2 * MARGIN) / 2 - 6 * mm
    pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    top = Frame(MARGIN, CUT_Y + 6 * mm, PAGE_WIDTH - 2 * MARGIN, half, id="user", **pad)
    bottom = Frame(MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, half, id="stub", **pad)
    doc = make_doc(out, "燃气安全隐患整改通知书", author, _cut_line(fonts, pages), [top, bottom])
    n = stream_build(doc, (_notice(st, x) for x in notices), progress=progress, cancelled=cancelled)
    return RenderResult(pages=pages[0], records=n, notes=font_notes(fonts))
