"""Search keys of a person's name: full pinyin and pinyin initials.

Workers type names the way an input method lets them: "zhaohong", "zhaoh" or just "zh"
for 赵红. The keys are built from pypinyin's per-character dictionary with a cache per
character (``lazy_pinyin`` costs ~40 µs a name, far too slow for a 100,000-row import).
Polyphonic characters get several readings: every reading of the surname (单 shan/dan,
曾 zeng/ceng), and for the other characters the dictionary's first reading plus, for a
few characters common in given names, their other usual one (长 zhang/chang), so a search
works whichever reading the worker has in mind. Pure: no I/O, no store.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from gridworker.core.textnorm import norm_name

__all__ = ["NameKeys", "char_readings", "name_key_parts", "name_keys"]

# Tone-marked vowels → plain letters; ü is written "v" as pinyin keyboards do.
_TONES = str.maketrans(
    {
        **dict.fromkeys("āáǎà", "a"),
        **dict.fromkeys("ēéěèếềê", "e"),
        **dict.fromkeys("īíǐì", "i"),
        **dict.fromkeys("ōóǒò", "o"),
        **dict.fromkeys("ūúǔù", "u"),
        **dict.fromkeys("ǖǘǚǜü", "v"),
        **dict.fromkeys("ńňǹ", "n"),
        "ḿ": "m",
    }
)

_PLAIN_HANZI = re.compile("[\u4e00-\u9fff]+")
"""Unified ideographs: NFKC, casefold and the name rules leave these unchanged."""

MAX_FORMS = 8
"""At most this many full-pinyin spellings per name (polyphones multiply)."""

# Characters after the surname use their first reading, plus these second readings that
# are common in given names (a dictionary's secondary readings are mostly archaic noise:
# 红 gong, 浩 gao). Keyed by character: the extra toneless reading.
_NAME_SECOND_READINGS: dict[str, str] = {
    "长": "chang",
    "乐": "yue",
    "朝": "chao",
    "重": "chong",
    "行": "hang",
    "和": "he",
    "强": "jiang",
    "传": "zhuan",
    "觉": "jiao",
    "单": "shan",
    "茜": "xi",
    "晟": "cheng",
    "蔚": "yu",
    "会": "kuai",
    "沈": "shen",
    "都": "du",
    "曾": "zeng",
    "栎": "yue",
    "莘": "shen",
    "玥": "yue",
}


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The normalised name, its full-pinyin spellings and its pinyin initials."""

    name: str
    full: tuple[str, ...]
    initials: tuple[str, ...]

    def all(self) -> tuple[str, ...]:
        """Every key, name first, without repeats."""
        return tuple(k for k in dict.fromkeys((self.name, *self.full, *self.initials)) if k)


@lru_cache(maxsize=65536)
def char_readings(ch: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one character, most common first; () if it has none.

    ASCII letters and digits read as themselves, so mixed names ("李A") keep them.
    """
    if ch.isascii():
        return (ch.lower(),) if ch.isalnum() else ()
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(ch))
    if raw is None:
        return _fallback(ch)
    out: list[str] = []
    for reading in raw.split(","):
        plain = _strip_tone(reading)
        if plain and plain not in out:
            out.append(plain)
    return tuple(out)


def _strip_tone(reading: str) -> str:
    text = unicodedata.normalize("NFD", reading.translate(_TONES))
    return "".join(c for c in text if c.isascii() and c.isalpha())


def _fallback(ch: str) -> tuple[str, ...]:
    """Characters missing from the per-character table: ask pypinyin's full converter."""
    if not ("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"):
        return ()
    from pypinyin import Style, lazy_pinyin

    got = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore", v_to_u=False)
    plain = "".join(c for c in "".join(got).lower() if c.isascii() and c.isalpha())
    return (plain,) if plain else ()


def _with_u(readings: tuple[str, ...]) -> tuple[str, ...]:
    """Add the "u" spelling of ü readings (吕: lv and lu) — both are typed for surnames."""
    extra = tuple(r.replace("v", "u") for r in readings if "v" in r)
    return tuple(dict.fromkeys(readings + extra))


@lru_cache(maxsize=8192)
def name_keys(name: str) -> NameKeys:
    """The search keys of a name: "赵红" → name 赵红, full (zhaohong,), initials (zh,).

    The name is normalised with :func:`norm_name` and case-folded (NFKC; "赵　红" is 赵红). Characters without
    a reading (·, spaces, punctuation) are skipped, so 阿卜杜·热合曼 gives "abudurehema n"
    written together. A name with no Chinese characters has itself (letters only) as
    full form and its word initials as initials: "John Smith" → johnsmith, js.
    """
    return NameKeys(*name_key_parts(name))


def name_key_parts(name: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """:func:`name_keys` as a plain (name, full, initials) tuple, not cached.

    For callers that cache their own result per name (the search index builds its
    words once per distinct name over a 100,000-resident import).
    """
    # Most names are plain 汉字, which normalisation leaves as they are: skip it.
    key = name if _PLAIN_HANZI.fullmatch(name) else norm_name(name).casefold()
    if not key:
        return "", (), ()
    if key.isascii():
        words = ["".join(c for c in w if c.isalnum()) for w in key.split()]
        words = [w for w in words if w]
        joined = "".join(words)
        firsts = "".join(w[0] for w in words)
        return key, (joined,) if joined else (), (firsts,) if firsts else ()
    per_char: list[tuple[str, ...]] = []
    single = True
    for ch in key:
        readings = _later_readings(ch) if per_char else _lead_readings(ch)
        if readings:
            per_char.append(readings)
            if len(readings) > 1:
                single = False
    if not per_char:
        return key, (), ()
    if single:  # the common case: one spelling
        spelled = [r[0] for r in per_char]
        return key, ("".join(spelled),), ("".join([s[0] for s in spelled]),)
    full: dict[str, None] = {}
    initials: dict[str, None] = {}
    for combo in _combos(per_char):
        full["".join(combo)] = None
        initials["".join(r[0] for r in combo)] = None
    return key, tuple(full), tuple(initials)


@lru_cache(maxsize=65536)
def _lead_readings(ch: str) -> tuple[str, ...]:
    """Readings of a name's first character with a reading: all of them (the surname)."""
    readings = char_readings(ch)
    return readings if ch.isascii() else _with_u(readings)


@lru_cache(maxsize=65536)
def _later_readings(ch: str) -> tuple[str, ...]:
    """Readings of a later character: the first, plus a usual second one in given names."""
    readings = char_readings(ch)
    if not readings or ch.isascii():
        return readings
    extra = _NAME_SECOND_READINGS.get(ch)
    return (readings[0], extra) if extra and extra != readings[0] else readings[:1]


def _combos(per_char: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Up to MAX_FORMS spellings: every surname reading with the others' first readings,
    then spellings that swap in one more secondary reading at a time."""
    first, rest = per_char[0], per_char[1:]
    poly = [i for i, r in enumerate(rest) if len(r) > 1]
    out: list[tuple[str, ...]] = []
    for swaps in range(len(poly) + 1):
        for chosen in combinations(poly, swaps):
            tail = tuple(r[1] if i in chosen else r[0] for i, r in enumerate(rest))
            for head in first:
                out.append((head, *tail))
                if len(out) >= MAX_FORMS:
                    return out
    return out
