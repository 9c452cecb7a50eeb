"""What every document shares: A4 pages, the styles in the chosen font, masked numbers,
and a build that draws one record's flowables at a time (a 1,000-household batch never
holds 1,000 households' flowables, and reports progress and cancellation per record).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.flowables import PageBreak

from gridworker.core.idcard import mask_id
from gridworker.core.messages import Message
from gridworker.core.people import public_tags
from gridworker.core.phone import mask_phone
from gridworker.printing.fonts import FontSet

__all__ = [
    "CARE_FILL",
    "MARGIN",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "Cancelled",
    "RenderResult",
    "Styles",
    "care_chip",
    "font_notes",
    "make_doc",
    "masked_id",
    "masked_phone",
    "page_footer",
    "printable_tags",
    "stream_build",
    "zh_date",
]

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 14 * mm
GRID = colors.HexColor("#444444")
LIGHT = colors.HexColor("#eeeeee")
CARE_FILL = {
    "红": colors.HexColor("#d93025"),
    "黄": colors.HexColor("#f2b600"),
    "绿": colors.HexColor("#2e9e44"),
}


class Cancelled(Exception):
    """The person stopped the document; nothing was written."""


@dataclass
class RenderResult:
    """What came out: the page count and anything the person should be told."""

    pages: int = 0
    records: int = 0
    notes: list[Message] = field(default_factory=list)


class Styles:
    """Paragraph styles in the document's font (sizes in points)."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        fonts.begin_document()
        f = fonts.name
        # A visible gap between facts in a paragraph (which folds spaces, U+3000 too): three
        # no-break spaces, or one ideographic space where the font has no U+00A0 (STSong).
        self.gap = "&nbsp;" * 3 if fonts.main.has("\u00a0") else "\u3000"
        self.title = ParagraphStyle(
            "title", fontName=f, fontSize=17, leading=22, alignment=TA_CENTER
        )
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=f, fontSize=9, leading=12, alignment=TA_CENTER, textColor=GRID
        )
        self.big = ParagraphStyle("big", fontName=f, fontSize=13, leading=16, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontName=f, fontSize=9.5, leading=12.5, wordWrap="CJK")
        self.cell = ParagraphStyle("cell", fontName=f, fontSize=9, leading=11, wordWrap="CJK")
        self.small = ParagraphStyle(
            "small", fontName=f, fontSize=7, leading=8.6, wordWrap="CJK", textColor=GRID
        )
        self.heading = ParagraphStyle(
            "heading", fontName=f, fontSize=11, leading=14, spaceBefore=5, spaceAfter=2
        )

    def p(self, text: str, style: ParagraphStyle | None = None, where: str = "") -> Paragraph:
        """A paragraph of data text (escaped; rare characters handled by the font set)."""
        return Paragraph(self.fonts.markup(text, where), style or self.body)

    def raw(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of the program's own markup (labels, boxes): no data inside."""
        return Paragraph(markup, style or self.body)


def care_chip(colour: str | None) -> str:
    """Markup for a care colour: a coloured square and the colour's name."""
    fill = CARE_FILL.get(colour or "")
    if fill is None:
        return ""
    return f'<font color="#{fill.hexval()[2:]}">■</font>{colour}'


def masked_id(number: str) -> str:
    return mask_id(number) if number else ""


def masked_phone(number: str) -> str:
    return mask_phone(number) if number else ""


def printable_tags(tags: Iterable[str]) -> list[str]:
    """The tags that may be printed on paper left with a household (PIPL Art. 28)."""
    return public_tags(tuple(tags))


def zh_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


PageHook = Callable[[Any, BaseDocTemplate], None]


def make_doc(
    out: BinaryIO,
    title: str,
    author: str,
    on_page_end: PageHook,
    frames: list[Frame] | None = None,
) -> BaseDocTemplate:
    """An A4 document with one frame inside the margins (or ``frames``); ``on_page_end``
    draws headers and footers once the page's content is known."""
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=title,
        author=author,
        creator="GridWorker 网格员工作台",
        invariant=1,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=frames or [frame], onPageEnd=on_page_end)])
    return doc


def page_footer(fonts: FontSet, title: str, pages: list[int], note: str = "") -> PageHook:
    """A page-end hook that counts pages (in ``pages[0]``) and prints "title 第 N 页" at
    the bottom right, and ``note`` at the bottom left."""

    def draw(canv: Any, doc: BaseDocTemplate) -> None:
        pages[0] += 1
        canv.saveState()
        canv.setFont(fonts.name, 7.5)
        canv.setFillColor(GRID)
        if note:
            canv.drawString(MARGIN, MARGIN - 2 * mm, note)
        canv.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 2 * mm, f"{title}　第 {pages[0]} 页")
        canv.restoreState()

    return draw


def font_notes(fonts: FontSet) -> list[Message]:
    """What to tell the person about the fonts after a document was drawn."""
    return [n for n in (fonts.note, fonts.missing_message()) if n]


class CompactCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that compresses each page as it is finished.

    reportlab keeps every page's drawing commands as text until it writes the file (some
    20 KiB a sheet); compressed at once they take about a seventh of that, so memory
    grows with the finished PDF's size only. PDFStream skips its own compression when
    the Filter is already set.
    """

    def showPage(self) -> None:
        super().showPage()
        page = self._doc.Pages.pages[-1]
        stream = page.stream
        if stream and not page.Contents:
            data = stream.encode("utf-8") if isinstance(stream, str) else stream
            compressed = PDFStream(content=zlib.compress(data))
            compressed.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
            page.Contents = compressed
            page.stream = None


def stream_build(
    doc: BaseDocTemplate,
    records: Iterable[list[Flowable]],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Lay out each record's flowables (a record starts on a new page) and save; returns
    the number of records. The same loop as ``BaseDocTemplate.build``, fed one record at a
    time so the flowables of the records already drawn can be freed."""
    doc._startBuild(canvasmaker=CompactCanvas)
    canv = doc.canv
    canv._doctemplate = doc
    n = 0
    try:
        for flowables in records:
            if cancelled is not None and cancelled():
                raise Cancelled()
            story: list[Flowable] = ([PageBreak()] if n else []) + flowables
            while story:
                doc.clean_hanging()
                doc.handle_flowable(story)
            n += 1
            if progress is not None:
                progress(n)
        doc._endBuild()
    finally:
        del canv._doctemplate
    return n


def chunks_of(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Items in lists of ``size`` (the store reads households a few hundred at a time)."""
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class SameOnEveryPage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Flowables drawn identically on many pages (the checklist, the boxes to fill):
    laid out and drawn once into a PDF form, then placed by reference on each page.

    Saves most of a sheet's layout time and file size. The block is never split.
    """

    def __init__(self, key: str, flowables: list[Flowable], width: float) -> None:
        super().__init__()
        self.key = key
        self.flowables = flowables
        self.block_width = width
        heights = [f.wrap(width, 10_000)[1] for f in flowables]
        self.block_height = sum(heights)
        self._heights = heights

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.block_width, self.block_height

    def draw(self) -> None:
        canv: Any = self.canv
        made: set[str] = canv.__dict__.setdefault("_gw_forms", set())
        name = f"GWBlock{self.key}"
        if name not in made:
            canv.beginForm(name, 0, 0, self.block_width, self.block_height)
            y = self.block_height
            for f, h in zip(self.flowables, self._heights, strict=True):
                y -= h
                f.drawOn(canv, 0, y)
            canv.endForm()
            made.add(name)
        canv.doForm(name)
