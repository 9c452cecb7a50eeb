"""Text normalisation: full-width, stray spaces and dot variants must not split people."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.core.textnorm import MIDDLE_DOT, norm, norm_key, norm_name, norm_text


def test_norm_none_and_empty() -> None:
    assert norm(None) == ""
    assert norm("") == ""
    assert norm("　 \t") == ""


def test_norm_folds_full_width_and_trims() -> None:
    assert norm("  ＡＢＣ１２３　") == "ABC123"


def test_norm_removes_zero_width_characters() -> None:
    assert norm("\ufeff张\u200b三") == "张三"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张 三", "张三"),
        ("张\u3000三", "张三"),
        ("张\u00a0三 ", "张三"),
        (" 欧阳 娜娜 ", "欧阳娜娜"),
        ("阿卜杜·热合曼", "阿卜杜·热合曼"),
        ("阿卜杜•热合曼", "阿卜杜·热合曼"),
        ("阿卜杜．热合曼", "阿卜杜·热合曼"),
        ("阿卜杜・热合曼", "阿卜杜·热合曼"),
        ("阿卜杜･热合曼", "阿卜杜·热合曼"),
        ("阿卜杜.热合曼", "阿卜杜·热合曼"),
        ("阿卜杜 · 热合曼", "阿卜杜·热合曼"),
        ("阿卜杜··热合曼", "阿卜杜·热合曼"),
        ("·阿卜杜·", "阿卜杜"),
        ("John   Smith", "John Smith"),
        ("ＪＯＨＮ　ＳＭＩＴＨ", "JOHN SMITH"),
        ("李 Lei", "李Lei"),
        (None, ""),
    ],
)
def test_norm_name(raw: str | None, expected: str) -> None:
    assert norm_name(raw) == expected


def test_norm_text_collapses_whitespace() -> None:
    assert norm_text("  锦华苑 \u3000 3栋\t2单元\n301 ") == "锦华苑 3栋 2单元 301"


def test_norm_key_casefolds() -> None:
    assert norm_key("ＬＩ  Wei") == "li wei"
    assert norm_key(None) == ""


@given(st.text())
def test_norm_name_is_idempotent_and_has_no_stray_space(s: str) -> None:
    once = norm_name(s)
    assert norm_name(once) == once
    assert once == once.strip()
    assert not once.startswith(MIDDLE_DOT)
    assert not once.endswith(MIDDLE_DOT)
    for i, ch in enumerate(once):
        if ch.isspace():
            assert ch == " "
            assert once[i - 1].isascii() and once[i - 1].isalnum()
            assert once[i + 1].isascii() and once[i + 1].isalnum()


@given(st.text())
def test_norm_text_and_key_are_idempotent(s: str) -> None:
    assert norm_text(norm_text(s)) == norm_text(s)
    assert norm_key(norm_key(s)) == norm_key(s)
    assert "  " not in norm_text(s)


@given(
    st.text(
        alphabet=st.sampled_from(list("ab 1\t\u3000\u00a0\u200b\ufeff\u00adＡ１張三·"))
        | st.characters(),
        max_size=20,
    )
)
def test_norm_fast_paths_match_the_plain_definition(s: str) -> None:
    """norm's ASCII and no-invisible shortcuts give exactly NFKC → drop invisibles → strip."""
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
    assert norm(s) == unicodedata.normalize("NFKC", s).translate(invisible).strip()


def test_prose_keeps_chinese_punctuation_and_tidies_spaces() -> None:
    """QA found: notes were NFKC-folded (，→ , （→ (), so a re-imported export changed them."""
    from gridworker.core.textnorm import norm_prose

    assert norm_prose("  有高血压，常服药（每日）\u200b  ") == "有高血压，常服药（每日）"
    assert norm_prose("独居\u3000\u3000 需要送药") == "独居 需要送药"
    assert norm_prose(None) == ""
