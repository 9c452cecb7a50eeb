"""Chinese fonts for the printed documents: find one the PDF can embed, or say why not.

A PDF that embeds its font looks and prints the same on every computer, and
``pdftotext`` gives the Chinese back. reportlab embeds TrueType outlines only (.ttf and
.ttc such as msyh.ttc, simsun.ttc, WenQuanYi); CFF-based OpenType (Noto Sans CJK .otf
and its .ttc) is refused, so each candidate is tried and the refused ones skipped. With
none found the documents use reportlab's built-in STSong-Light, which is not embedded:
the reader's own font draws it, and :attr:`FontSet.note` says so.

A character the main font lacks (𠮷, 䶮 in many fonts) is drawn in the first other
found font that has it; one no font has is printed as 〓 and recorded in
:attr:`FontSet.missing`, so the program can say which font lacks which character
instead of leaving a blank box on paper.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from gridworker.core.messages import Message, joined, msg

__all__ = [
    "BUILTIN_FONT",
    "MISSING_MARK",
    "FontError",
    "FontFace",
    "FontSet",
    "candidate_files",
    "font_dirs",
    "load_font_file",
    "make_font_set",
]

BUILTIN_FONT = "STSong-Light"
MISSING_MARK = "〓"  # the typesetter's mark for a character the type case lacks

# File names of TrueType-outline fonts with Chinese, best first. Windows, macOS, Linux.
KNOWN_FONT_FILES: tuple[str, ...] = (
    "msyh.ttc",
    "msyh.ttf",
    "simsun.ttc",
    "simhei.ttf",
    "simkai.ttf",
    "simfang.ttf",
    "Songti.ttc",
    "STHeiti Light.ttc",
    "STHeiti Medium.ttc",
    "Hiragino Sans GB.ttc",
    "Arial Unicode.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "uming.ttc",
    "ukai.ttc",
    # Fonts worth having only for the rare characters the others lack (CJK Ext B).
    "simsunb.ttf",
    "HanaMinA.ttf",
    "HanaMinB.ttf",
)


class FontError(ValueError):
    """A font file that cannot be used; args[0] is the Chinese sentence."""


@dataclass(frozen=True)
class FontFace:
    """A registered reportlab font and what a person should be told about it."""

    name: str  # the name registered with reportlab
    family: str  # as people know it ("WenQuanYi Micro Hei", "STSong-Light")
    path: Path | None  # None: reportlab's built-in CID font
    embedded: bool
    _chars: frozenset[int] | dict[int, int] | None = field(default=None, repr=False, compare=False)

    def has(self, ch: str) -> bool:
        if self._chars is not None:
            return ord(ch) in self._chars
        # STSong-Light: Adobe-GB1 through the UCS-2 CMap, i.e. what GBK can name.
        if ord(ch) > 0xFFFF:
            return False
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            return False
        return True


def font_dirs() -> list[Path]:
    """The folders this system keeps fonts in."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        dirs = [windir / "Fonts"]
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def candidate_files(dirs: Iterable[Path] | None = None) -> list[Path]:
    """Known Chinese TrueType font files found under ``dirs`` (default: the system's),
    in order of preference."""
    wanted = {n.lower(): i for i, n in enumerate(KNOWN_FONT_FILES)}
    found: dict[int, Path] = {}
    for d in font_dirs() if dirs is None else dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for f in files:
                i = wanted.get(f.lower())
                if i is not None and i not in found:
                    found[i] = Path(root) / f
    return [found[i] for i in sorted(found)]


_lock = threading.Lock()
_loaded: dict[str, FontFace] = {}


def _family(font: TTFont, path: Path) -> str:
    name = getattr(font.face, "familyName", None) or getattr(font.face, "name", None)
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    return str(name) if name else path.stem


def load_font_file(path: Path) -> FontFace:
    """Register a TrueType (or .ttc) font file; raises FontError with the reason."""
    key = str(Path(path).resolve())
    with _lock:
        if key in _loaded:
            return _loaded[key]
        name = "GW-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        try:
            font = TTFont(name, key, subfontIndex=0)
        except TTFError as e:
            if "postscript outlines" in str(e):
                raise FontError(
                    msg(
                        "字体文件 {file} 是 CFF（PostScript）轮廓的 OpenType 字体，无法嵌入 PDF；"
                        "请选择 TrueType 字体（.ttf 或 .ttc，例如微软雅黑 msyh.ttc、宋体 simsun.ttc）。",
                        file=Path(path).name,
                    )
                ) from e
            raise FontError(
                msg("{file} 不是可用的 TrueType 字体文件。", file=Path(path).name)
            ) from e
        except OSError as e:
            raise FontError(msg("读不了字体文件 {file}。", file=path)) from e
        chars = font.face.charToGlyph
        if not all(ord(c) in chars for c in "网格员走访登记表"):
            raise FontError(msg("字体文件 {file} 不含中文字形。", file=Path(path).name))
        pdfmetrics.registerFont(font)
        face = FontFace(name, _family(font, Path(path)), Path(path), True, chars)
        _loaded[key] = face
        return face


def _builtin() -> FontFace:
    with _lock:
        if BUILTIN_FONT not in _loaded:
            pdfmetrics.registerFont(UnicodeCIDFont(BUILTIN_FONT))
            _loaded[BUILTIN_FONT] = FontFace(BUILTIN_FONT, BUILTIN_FONT, None, False)
        return _loaded[BUILTIN_FONT]


@dataclass
class FontSet:
    """The main font, the fonts tried for characters it lacks, and what was missing."""

    main: FontFace
    fallback_files: Sequence[Path] = ()
    note: Message | None = None  # to tell the person (no font embedded, chosen font unusable)
    missing: dict[str, list[str]] = field(default_factory=dict)  # char -> where it appears
    _fallbacks: list[FontFace] | None = None
    _cache: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.main.name

    def begin_document(self) -> None:
        """Forget what the previous document lacked (a font set serves many documents)."""
        self.missing.clear()
        self._cache.clear()

    def fallbacks(self) -> list[FontFace]:
        """Other fonts for rare characters, loaded the first time one is needed."""
        if self._fallbacks is None:
            self._fallbacks = []
            for p in self.fallback_files:
                try:
                    self._fallbacks.append(load_font_file(p))
                except FontError:
                    continue
        return self._fallbacks

    def markup(self, text: str, where: str = "") -> str:
        """``text`` as Paragraph markup: escaped, rare characters in a font that has them,
        characters no font has replaced by 〓 and remembered with ``where``."""
        cached = self._cache.get(text)
        if cached is not None:
            if where and any(c in self.missing for c in text):
                self._remember(text, where)
            return cached
        main = self.main
        if text.isascii() or all(main.has(c) for c in text):
            out = escape(text)
        else:
            parts: list[str] = []
            for c in text:
                if main.has(c):
                    parts.append(escape(c))
                    continue
                other = next((f for f in self.fallbacks() if f.has(c)), None)
                if other is not None:
                    parts.append(f'<font name="{other.name}">{escape(c)}</font>')
                else:
                    parts.append(MISSING_MARK)
                    self.missing.setdefault(c, [])
            out = "".join(parts)
            if where:
                self._remember(text, where)
        if len(self._cache) < 50_000:
            self._cache[text] = out
        return out

    def plain(self, text: str, where: str = "") -> str:
        """``text`` for a canvas string drawn in the main font (no markup): characters the
        main font lacks become 〓 and are remembered."""
        if text.isascii() or all(self.main.has(c) for c in text):
            return text
        for c in text:
            if not self.main.has(c):
                self.missing.setdefault(c, [])
        if where:
            self._remember(text, where)
        return "".join(c if self.main.has(c) else MISSING_MARK for c in text)

    def _remember(self, text: str, where: str) -> None:
        for c in set(text):
            places = self.missing.get(c)
            if places is not None and where not in places and len(places) < 5:
                places.append(where)

    def missing_message(self) -> Message | None:
        """One sentence naming the font and the characters printed as 〓, or None."""
        if not self.missing:
            return None
        chars = sorted(self.missing)
        places = [p for c in chars for p in self.missing[c]]
        uniq = list(dict.fromkeys(places))[:5]
        return msg(
            "字体“{font}”缺少 {chars} 的字形，纸上印成 〓，请手写补上（见：{places}）。",
            font=self.main.family,
            chars=joined(chars, msg("、")),
            places=joined(uniq, msg("、")) if uniq else msg("无"),
        )


def make_font_set(font_file: Path | None = None, dirs: Iterable[Path] | None = None) -> FontSet:
    """The fonts to print with: ``font_file`` if given and usable, else the first usable
    system font, else STSong-Light (with :attr:`FontSet.note` saying what happened)."""
    found = candidate_files(dirs)
    problem: Message | None = None
    if font_file is not None:
        try:
            chosen = load_font_file(font_file)
            return FontSet(chosen, [p for p in found if p != Path(font_file)])
        except FontError as e:
            problem = e.args[0]
    for i, p in enumerate(found):
        try:
            face = load_font_file(p)
        except FontError:
            continue
        note = (
            None
            if problem is None
            else msg("{problem}改用系统字体“{font}”。", problem=problem, font=face.family)
        )
        return FontSet(face, found[i + 1 :], note)
    fallback = msg(
        "没有找到可嵌入的中文 TrueType 字体，改用内置的 STSong-Light（不嵌入 PDF，"
        "换一台电脑打开或打印时字形可能不同）；可在“设置”里指定字体文件，"
        "或安装微软雅黑、宋体或文泉驿微米黑。"
    )
    if problem is not None:
        fallback = msg("{problem}{fallback}", problem=problem, fallback=fallback)
    return FontSet(_builtin(), found, fallback)
