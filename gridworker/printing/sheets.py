"""入户走访登记表: one page per household to carry door to door, filled by hand.

The top says where and who (members with masked ID and phone numbers, care colour, last
visit, open needs and hazards when those records exist) with a QR code naming the
household and the sheet's date; below are the boxes to fill, the gas checklist of the
current template with 合格/隐患/不适用 per item, and the signature lines. A household too
large for one page continues on the next with the members' header repeated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer, Table, TableStyle

from gridworker.core.sheet_code import sheet_code
from gridworker.printing.fonts import FontSet
from gridworker.printing.layout import (
    GRID,
    LIGHT,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RenderResult,
    SameOnEveryPage,
    Styles,
    care_chip,
    font_notes,
    make_doc,
    masked_id,
    masked_phone,
    printable_tags,
    stream_build,
    zh_date,
)
from gridworker.printing.models import CARE_COLOURS, HouseholdSheet, SheetMember
from gridworker.printing.qr import QrFlowable

__all__ = ["QR_SIZE", "render_sheets", "sheet_flowables"]

QR_SIZE = 27 * mm
BOX = "□"
VISIT_METHODS = ("入户", "电话", "视频", "到访不遇")
VISIT_PURPOSES = (
    "日常走访",
    "关爱探访",
    "燃气安全检查",
    "矛盾纠纷调解",
    "政策/反诈宣传",
    "健康随访",
)


@dataclass
class _PageState:
    """What the page-end hook needs: the household being drawn and its page number."""

    sheet: HouseholdSheet | None = None
    page_in_sheet: int = 0
    pages: int = 0


class _SheetStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Zero-size marker drawn where a household begins: the footer knows whose page it is."""

    def __init__(self, state: _PageState, sheet: HouseholdSheet) -> None:
        super().__init__()
        self.state, self.sheet = state, sheet
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.state.sheet = self.sheet
        self.state.page_in_sheet = 1


def _header(st: Styles, s: HouseholdSheet, code: str) -> Table:
    where = s.address or s.head_name
    lines: list[Any] = [st.p(s.address or "（无地址）", st.big, where)]
    facts = []
    if s.head_name:
        facts.append("户主：" + st.fonts.markup(s.head_name, where))
    if s.phone:
        facts.append("电话：" + masked_phone(s.phone))
    if s.house_use:
        facts.append("房屋用途：" + st.fonts.markup(s.house_use))
    if s.care_colour in CARE_COLOURS:
        facts.append("关爱：" + care_chip(s.care_colour))
    if facts:
        lines.append(st.raw(st.gap.join(facts), st.body))
    place = st.gap.join(st.fonts.markup(x) for x in (s.community, s.micro_grid) if x)
    if place or s.worker:
        worker = f"{st.gap}网格员：{st.fonts.markup(s.worker)}" if s.worker else ""
        lines.append(st.raw(place + worker, st.small))
    qr_cell = [QrFlowable(code, QR_SIZE), st.raw(code, st.small)]
    t = Table(
        [[lines, qr_cell]],
        colWidths=[PAGE_WIDTH - 2 * MARGIN - QR_SIZE - 14 * mm, QR_SIZE + 14 * mm],
    )
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def _members(st: Styles, s: HouseholdSheet) -> Table:
    care = any(m.care_colour in CARE_COLOURS for m in s.members)
    head = ["姓名", "性别", "年龄", "与户主关系", "身份证号", "联系电话", "人群"]
    widths = [27, 10, 10, 20, 40, 27, 48]
    if care:
        head.append("关爱")
        widths = [27, 10, 10, 19, 39, 26, 39, 12]
    rows: list[list[Any]] = [head]
    where = s.address
    for m in s.members:
        rows.append(_member_row(st, m, where, care))
    if not s.members:
        rows.append(
            [st.raw("（花名册中没有这户的成员，请在下方补记）", st.cell)] + [""] * (len(head) - 1)
        )
    t = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if not s.members:
        style.append(("SPAN", (0, 1), (-1, 1)))
    t.setStyle(TableStyle(style))
    return t


def _member_row(st: Styles, m: SheetMember, where: str, care: bool) -> list[Any]:
    who = f"{where} {m.name}".strip()
    row: list[Any] = [
        st.p(m.name or "（无姓名）", st.cell, who),
        m.sex,
        "" if m.age is None else str(m.age),
        st.p(m.relation, st.cell) if len(m.relation) > 4 else m.relation,
        masked_id(m.id_number),
        masked_phone(m.phone),
        st.p("、".join(printable_tags(m.tags)), st.cell),
    ]
    if care:
        row.append(st.raw(care_chip(m.care_colour), st.cell))
    return row


def _records(st: Styles, s: HouseholdSheet) -> list[Flowable]:
    """Last visit, open needs, last inspection and open hazards: only those that exist."""
    out: list[Flowable] = []
    where = s.address
    if s.last_visit is not None:
        v = s.last_visit
        text = f"上次走访：{zh_date(v.on)}　{v.method}" + (f"　{v.visitor}" if v.visitor else "")
        if v.summary:
            text += f"　{v.summary}"
        out.append(st.p(text, st.body, where))
    if s.open_needs:
        items = []
        for n in s.open_needs:
            due = f"（{zh_date(n.deadline)}前）" if n.deadline else ""
            items.append(f"{n.text}{due}")
        out.append(st.p("未办结诉求：" + "；".join(items), st.body, where))
    if s.last_inspection is not None:
        i = s.last_inspection
        text = f"上次燃气检查：{zh_date(i.on)}" + (f"　{i.result}" if i.result else "")
        out.append(st.p(text, st.body, where))
    if s.open_hazards:
        items = [
            f"{h.item_label}（{h.grade}"
            + (f"，{zh_date(h.deadline)}前整改" if h.deadline else "")
            + "）"
            for h in s.open_hazards
        ]
        out.append(st.p("未整改隐患：" + "；".join(items), st.body, where))
    return out


def _fill_in(st: Styles) -> Table:
    """The visit boxes a worker fills by hand."""
    methods = st.gap.join(f"{BOX}{m}" for m in VISIT_METHODS)
    purposes = st.gap.join(f"{BOX}{p}" for p in VISIT_PURPOSES)
    width = PAGE_WIDTH - 2 * MARGIN
    rows = [
        [
            st.raw("走访日期", st.cell),
            "　　　　年　　月　　日　　时",
            st.raw("方式", st.cell),
            st.raw(methods, st.cell),
        ],
        [st.raw("走访目的", st.cell), st.raw(purposes, st.cell), "", ""],
        [st.raw("见到的人", st.cell), "", "", ""],
        [st.raw("情况记录", st.cell), "", "", ""],
        [st.raw("诉求与需求", st.cell), "", "", ""],
    ]
    t = Table(
        rows,
        colWidths=[20 * mm, 58 * mm, 12 * mm, width - 90 * mm],
        rowHeights=[7 * mm, 7 * mm, 7 * mm, 19 * mm, 13 * mm],
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("BACKGROUND", (2, 0), (2, 0), LIGHT),
                ("SPAN", (1, 1), (-1, 1)),
                ("SPAN", (1, 2), (-1, 2)),
                ("SPAN", (1, 3), (-1, 3)),
                ("SPAN", (1, 4), (-1, 4)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 3), (-1, 4), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _checklist(st: Styles, s: HouseholdSheet) -> list[Flowable]:
    """The gas checklist of the sheet's template."""
    c = s.checklist
    if c is None:
        return []
    answers = list(c.answers)
    rows: list[list[Any]] = [["", "燃气安全检查项", "属于隐患的情形", "等级", *answers]]
    for i, it in enumerate(c.items, 1):
        grade = it.grade + (
            f"<br/><font size='6'>{st.fonts.markup(it.grade_note)}</font>" if it.grade_note else ""
        )
        rows.append(
            [
                str(i),
                st.p(it.label, st.cell),
                st.p(it.hazard_when, st.small),
                st.raw(grade, st.cell),
            ]
            + [BOX] * len(answers)
        )
    width = PAGE_WIDTH - 2 * MARGIN
    fixed = [6 * mm, 36 * mm, 0, 17 * mm] + [11 * mm] * len(answers)
    fixed[2] = width - sum(fixed)
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("FONTSIZE", (4, 1), (-1, -1), 12),
            ("LEADING", (0, 0), (-1, -1), 10),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (4, 0), (-1, -1), "CENTER"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    table = Table(rows, colWidths=fixed, repeatRows=1, style=style)
    caption = st.raw(
        f"燃气安全检查（{st.fonts.markup(c.name)}，第 {c.version} 版）：每项勾选一格；有隐患的写明情况，"
        "重大隐患当场告知停用并关闭阀门。",
        st.small,
    )
    return [caption, Spacer(0, 1 * mm), table]  # kept together with the signatures


def _signatures(st: Styles) -> Table:
    t = Table(
        [["户主（住户）签字：", "", "网格员签字：", "", "日期：　　　年　　月　　日"]],
        colWidths=[33 * mm, 38 * mm, 24 * mm, 38 * mm, PAGE_WIDTH - 2 * MARGIN - 133 * mm],
        rowHeights=[10 * mm],
    )
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.fonts.name),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("ALIGN", (4, 0), (4, 0), "RIGHT"),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def sheet_flowables(
    st: Styles, s: HouseholdSheet, state: _PageState, cache: dict[Any, SameOnEveryPage]
) -> list[Flowable]:
    """One household's sheet as flowables (a new page is started before it)."""
    code = sheet_code(s.household_id, s.printed_on)
    out: list[Flowable] = [
        _SheetStart(state, s),
        st.raw("入户走访登记表", st.title),
        Spacer(0, 2 * mm),
        _header(st, s, code),
        Spacer(0, 2 * mm),
        _members(st, s),
    ]
    records = _records(st, s)
    if records:
        out += [Spacer(0, 1.5 * mm), *records]
    # The boxes to fill, the checklist and the signatures are the same on every sheet: laid
    # out once per batch and kept on one page (a household that needs a second page
    # carries them over whole, the members' header repeated above any members left).
    block = cache.get(s.checklist)
    if block is None:
        parts: list[Flowable] = [Spacer(0, 2.5 * mm), _fill_in(st), Spacer(0, 2.5 * mm)]
        parts += _checklist(st, s)
        parts.append(_signatures(st))
        block = SameOnEveryPage(str(len(cache)), parts, PAGE_WIDTH - 2 * MARGIN)
        cache[s.checklist] = block
    out.append(block)
    return out


def _page_end(state: _PageState, st: Styles) -> Callable[[Any, BaseDocTemplate], None]:
    def draw(canv: Any, doc: BaseDocTemplate) -> None:
        state.pages += 1
        s = state.sheet
        canv.saveState()
        canv.setFont(st.fonts.name, 7.5)
        canv.setFillColor(GRID)
        y = MARGIN - 2 * mm
        canv.drawString(
            MARGIN, y, "证件号、电话已部分隐藏；本表不记录敏感个人信息。请妥善保管，用后交回社区。"
        )
        if s is not None:
            where = st.fonts.plain(s.address or s.head_name)
            canv.drawRightString(PAGE_WIDTH - MARGIN, y, f"{where}　第 {state.page_in_sheet} 页")
            if state.page_in_sheet > 1:
                canv.setFont(st.fonts.name, 9)
                canv.drawString(
                    MARGIN, PAGE_HEIGHT - MARGIN + 3 * mm, f"入户走访登记表（续）　{where}"
                )
        canv.restoreState()
        state.page_in_sheet += 1

    return draw


def render_sheets(
    sheets: Iterable[HouseholdSheet],
    out: BinaryIO,
    fonts: FontSet,
    *,
    author: str = "",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """Write the sheets, one household after another, into one PDF on ``out``."""
    st = Styles(fonts)
    state = _PageState()
    doc = make_doc(out, "入户走访登记表", author, _page_end(state, st))
    cache: dict[Any, SameOnEveryPage] = {}  # per checklist template
    n = stream_build(
        doc,
        (sheet_flowables(st, s, state, cache) for s in sheets),
        progress=progress,
        cancelled=cancelled,
    )
    return RenderResult(pages=state.pages, records=n, notes=font_notes(fonts))
