"""A PDF is written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridworker.printing.fonts import FontError, FontSet, load_font_file, make_font_set
from gridworker.printing.layout import Cancelled
from gridworker.printing.output import PrintError, write_pdf
from gridworker.printing.sheets import render_sheets
from tests.printing.test_sheets import _household


def test_unwritable_folder_is_one_sentence_and_no_file(fonts: FontSet, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "sheets.pdf"
    with pytest.raises(PrintError) as e:
        write_pdf(target, lambda f: render_sheets([_household(2)], f, fonts))
    sentence = str(e.value)
    assert "PDF 没有保存" in sentence and "sheets.pdf" in sentence and "\n" not in sentence
    assert not (tmp_path / "missing").exists()


def test_a_folder_is_not_a_file_name(fonts: FontSet, tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="文件夹"):
        write_pdf(tmp_path, lambda f: render_sheets([_household(2)], f, fonts))


def test_cancel_or_failure_leaves_the_old_file_and_no_temporary(
    fonts: FontSet, tmp_path: Path
) -> None:
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"old")
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        write_pdf(
            target,
            lambda f: render_sheets(
                [_household(2)] * 5, f, fonts, cancelled=lambda: next(calls) >= 3
            ),
        )
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.glob("*pdf*")] == ["sheets.pdf"]


def test_a_file_that_is_not_a_font_is_refused_by_name(tmp_path: Path, wqy_file: Path) -> None:
    bogus = tmp_path / "simsun.ttc"
    bogus.write_bytes(b"not a font at all" * 100)
    with pytest.raises(FontError, match=r"simsun\.ttc"):
        load_font_file(bogus)
    fonts = make_font_set(bogus, dirs=[wqy_file.parent])
    assert fonts.main.embedded and fonts.note is not None
    assert "simsun.ttc" in fonts.note and "WenQuanYi" in fonts.note


def test_a_chosen_font_file_is_used(wqy_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    fonts = make_font_set(wqy_file, dirs=[empty])
    assert fonts.main.path is not None and fonts.main.path.resolve() == wqy_file.resolve()
    assert fonts.note is None
