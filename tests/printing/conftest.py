"""Fixtures for the printed documents: fonts found the same way on every machine, and
readers of the PDFs (text, fonts, QR codes) that need no system tools."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from gridworker.printing.fonts import FontSet, candidate_files, make_font_set

WQY = "wqy-microhei.ttc"


@pytest.fixture(scope="session")
def wqy_file() -> Path:
    """WenQuanYi Micro Hei (CI installs fonts-wqy-microhei; .ci/run does it)."""
    for p in candidate_files():
        if p.name == WQY:
            return p
    pytest.skip("WenQuanYi Micro Hei is not installed (apt-get install fonts-wqy-microhei)")


@pytest.fixture
def fonts(tmp_path: Path, wqy_file: Path) -> FontSet:
    """Only WenQuanYi Micro Hei: no other font to borrow rare characters from."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / WQY).symlink_to(wqy_file)
    return make_font_set(dirs=[folder])


@pytest.fixture
def builtin_fonts(tmp_path: Path) -> FontSet:
    """No font found at all: reportlab's STSong-Light."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    return make_font_set(dirs=[empty])


def pdf_pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the fonts whose program is inside the PDF."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        if not fonts:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None and any(
                k in desc.get_object() for k in ("/FontFile2", "/FontFile3", "/FontFile")
            ):
                names.add(str(font["/BaseFont"]))
    return names


def font_names(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in fonts.get_object().values() if fonts else []:
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def qr_texts(path: Path, page: int = 0, dpi: int = 200) -> list[str]:
    """The QR codes found on one page, rendered as a scanner would see the paper."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        image = pdf[page].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    return [b.text for b in zxingcpp.read_barcodes(image)]
