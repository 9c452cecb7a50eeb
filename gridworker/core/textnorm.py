"""Text normalisation for data typed or pasted by people.

Spreadsheets from real offices mix full-width and half-width characters, stray
ideographic spaces (U+3000), non-breaking spaces and invisible zero-width characters.
Every comparison, search and import goes through these functions so that "张 三",
"张　三" and "张三" are the same person and "ＡＢＣ" matches "abc".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MIDDLE_DOT", "norm", "norm_key", "norm_name", "norm_text"]

MIDDLE_DOT = "·"
"""The separator in transliterated minority and foreign names (阿卜杜·热合曼)."""

# Invisible characters that survive NFKC and ``str.strip`` but break equality.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Dot-like characters people type between the parts of a transliterated name.  NFKC has
# already turned U+FF0E (．) into "." and U+FF65 (･) into U+30FB (・) by the time this is used.
_DOT_VARIANTS = ".\u2022\u30fb\u2027\u2219\u22c5\u2e31\u16eb\u00b7"
_DOT_RE = re.compile(f"\\s*[{re.escape(_DOT_VARIANTS)}]+\\s*")
_WS_RE = re.compile(r"\s+")


def norm(s: str | None) -> str:
    """NFKC-normalise and trim, so full-width letters/digits compare equal to ASCII.

    ``None`` becomes ``""`` because empty spreadsheet cells arrive as ``None``.
    Zero-width characters are removed: they are invisible on screen and only ever cause
    "identical" values to differ.
    """
    if not s:
        return ""
    if s.isascii():  # NFKC leaves ASCII alone and it has no invisible characters
        return s.strip()
    text = unicodedata.normalize("NFKC", s)
    if _INVISIBLE_RE.search(text):  # str.translate is slow; most text has none
        text = text.translate(_INVISIBLE)
    return text.strip()


def norm_text(s: str | None) -> str:
    """Normalise free text: :func:`norm` plus whitespace runs collapsed to one space.

    Used for addresses, notes and other text where a space can be meaningful but two
    are never intended.
    """
    return _WS_RE.sub(" ", norm(s))


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Characters no field may hold: controls other than tab and line breaks, lone surrogates.

Bundles holding them are refused (sync/bundle.py) and spreadsheets cannot store them."""


def without_controls(s: str) -> str:
    """``s`` without :data:`CONTROL_RE` characters (cheap when there are none)."""
    if s.isprintable():  # C-speed pre-check; false also for tab, newline and some spaces
        return s
    return CONTROL_RE.sub("", s)


def norm_prose(s: str | None) -> str:
    """Normalise written sentences (notes): trimmed, invisible characters removed, space
    runs collapsed — but not NFKC, which would turn Chinese punctuation （，：） into ASCII."""
    if not s:
        return ""
    if _INVISIBLE_RE.search(s):
        s = _INVISIBLE_RE.sub("", s)
    return _WS_RE.sub(" ", s).strip()


def norm_name(s: str | None) -> str:
    """Normalise a personal name for storage and comparison.

    Chinese names contain no spaces, so all whitespace (including U+3000 and NBSP) is
    removed: "张 三" → "张三". The one exception is whitespace between two Latin letters
    or digits, which collapses to a single space so foreign names keep their word
    boundary ("John  Smith" → "John Smith"). Dot-like separators (•, ．, ・, ‧, .) become
    the middle dot "·" used on Chinese ID cards, repeated dots collapse to one, and
    leading/trailing dots are dropped: "阿卜杜 • 热合曼" → "阿卜杜·热合曼".
    """
    text = norm(s)
    if not text:
        return ""
    text = _DOT_RE.sub(MIDDLE_DOT, text)
    text = _WS_RE.sub(_name_space, text)
    # NFKC can turn a spacing accent into space + combining mark; with the space gone
    # the mark must compose with its letter again for the result to be stable.
    return unicodedata.normalize("NFC", text).strip(MIDDLE_DOT + " ")


def _name_space(m: re.Match[str]) -> str:
    """Keep one space only between two Latin letters/digits; drop whitespace elsewhere."""
    s, before, after = m.string, m.start() - 1, m.end()
    if before >= 0 and after < len(s) and _is_latin(s[before]) and _is_latin(s[after]):
        return " "
    return ""


def _is_latin(ch: str) -> bool:
    """ASCII letter or digit, i.e. part of a word in a romanised name."""
    return ch.isascii() and ch.isalnum()


def norm_key(s: str | None) -> str:
    """Key for search and matching: :func:`norm_text` plus casefold.

    Case-insensitive so a search for "li" finds "LI Wei"; full-width input already
    folded to half-width by NFKC.
    """
    return norm_text(s).casefold()
