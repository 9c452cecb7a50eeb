"""Reading the cells of a roster file: .xlsx through openpyxl, .csv in whatever encoding.

Chinese Excel saves CSV in GBK/GB18030, newer versions in UTF-8 with a BOM, and
hand-made files come without one; the encoding is detected, never asked for. Cells keep
their Python type (an xlsx number stays a number) so the importer can tell an ID number
Excel has turned into a float from one typed as text.

Cells are read as a person sees them in Excel: a cell covered by a merged range shows its
top-left value (offices merge a household's address over its members' rows), and the
marks people type to keep a value as text (``'13800000005``, ``="510104…"``) are dropped.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast
from xml.etree import ElementTree

from gridworker.core.messages import msg
from gridworker.store.roster import RosterError

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None
Row = tuple[Cell, ...]
MergedRange = tuple[int, int, int, int]
"""First row, first column, last row, last column of a merged range (1-based)."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
PEEK_ROWS = 50
"""Rows read of a worksheet that is not imported: enough to find a header row in it."""

T = TypeVar("T")


@dataclass
class Sheet:
    """The rows of one worksheet (or a CSV file); ``rows[i]`` is spreadsheet row i+1."""

    name: str
    rows: list[Row]
    encoding: str | None = None
    hidden: bool = False


@dataclass
class Chosen(Generic[T]):
    """The worksheet of a file that will be imported, and what the others hold.

    ``others`` are the worksheets not chosen, in workbook order; those read after the
    chosen one hold only their first rows (at least :data:`PEEK_ROWS`, and up to their
    first non-blank row), enough to tell whether they hold anything.
    """

    sheet: Sheet | None  # the first sheet ``choose`` accepted, None if none
    found: T | None  # what ``choose`` returned for it
    first: Sheet | None  # the first sheet looked at (None: the workbook has no worksheet)
    names: list[str] = field(default_factory=list)  # every worksheet, in workbook order
    others: list[Sheet] = field(default_factory=list)


# ------------------------------------------------------------------- text marks


_MARKS = ("'", "=")


def text_as_typed(text: str) -> str:
    """A cell's text without the mark that made Excel keep it as text.

    One leading apostrophe is Excel's text marker (and what our CSV export writes before
    = + - @ against formula injection): exactly one is dropped, so "'" reads as empty and
    "''x" as "'x". ``="…"`` (a formula giving the text, how CSVs keep ID numbers intact)
    reads as the text in it; any other formula is left as it is.
    """
    first = text[:1]
    if first == "'":
        return text[1:]
    if first == "=" and len(text) >= 3 and text[1] == '"' and text[-1] == '"':
        inner = text[2:-1]
        if '"' not in inner.replace('""', ""):  # one string literal, quotes doubled inside
            return inner.replace('""', '"')
    return text


def _as_typed_csv(rows: list[tuple[str, ...]]) -> None:
    """Drop the text marks of the CSV rows that may have one, in place.

    Full CSV rows go into the planner without conversion, so this is where the marks go;
    one join per row finds the few rows that need the cell-by-cell pass.
    """
    for i, r in enumerate(rows):
        joined = "".join(r)
        if "'" in joined or "=" in joined:
            rows[i] = tuple([text_as_typed(c) for c in r])


def _as_typed_xlsx(values: Iterable[Cell]) -> Row:
    """An xlsx row with its text cells' marks dropped (some tools write them literally)."""
    row = values if isinstance(values, tuple) else tuple(values)
    for v in row:
        if isinstance(v, str) and v[:1] in _MARKS:
            return tuple([text_as_typed(c) if isinstance(c, str) else c for c in row])
    return row


# ------------------------------------------------------------------------- CSV


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    GB18030 is a superset of GBK and GB2312, so it reads what any Chinese Excel wrote.
    Returns the text and the name of the encoding that was used.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8-BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as e:
        raise RosterError(
            msg(
                "无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030，第 {byte} 字节出错）。"
                "请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。",
                byte=e.start,
            )
        ) from None


def _delimiter(text: str) -> str:
    """The separator Excel used: comma normally, tab for "Unicode text", semicolon rarely."""
    sample = text[:20000]
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(path: Path) -> Sheet:
    """All records of a CSV file as rows of text (row numbers as Excel would show them)."""
    text, encoding = decode_text(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        texts = [tuple(r) for r in reader]
    except csv.Error as e:
        raise RosterError(
            msg("CSV 文件格式有误（第 {line} 行）：{error}", line=reader.line_num, error=e)
        ) from None
    if "'" in text or "=" in text:  # else no cell can start with a mark (the usual case)
        _as_typed_csv(texts)
    return Sheet(path.name, cast("list[Row]", texts), encoding)


# ------------------------------------------------------------------------ xlsx

_MERGE_TAG = b"mergeCell"
_MERGE_RE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']"
    rb"([A-Za-z]{1,3})([0-9]+)(?::([A-Za-z]{1,3})([0-9]+))?[\"']"
)
_CHUNK = 1 << 20


def read_merged_ranges(archive: zipfile.ZipFile, member: str) -> list[MergedRange]:
    """The merged ranges of a worksheet, read from the ``<mergeCells>`` of its XML part.

    openpyxl's read-only mode does not report them. They follow all the rows, so the
    part is streamed through once more: only decompression, about 1 % of reading the rows.
    """
    from openpyxl.utils import column_index_from_string

    tail = b""
    found: bytearray | None = None
    with archive.open(member) as f:
        while chunk := f.read(_CHUNK):
            if found is not None:
                found += chunk
            elif _MERGE_TAG in chunk or _MERGE_TAG in tail + chunk[: len(_MERGE_TAG)]:
                found = bytearray(tail + chunk)  # the tail keeps the tag's "<prefix:"
            else:
                tail = chunk[-64:]
    ranges: list[MergedRange] = []
    for m in _MERGE_RE.finditer(found or b""):
        c1, r1 = column_index_from_string(m[1].decode().upper()), int(m[2])
        c2 = column_index_from_string(m[3].decode().upper()) if m[3] else c1
        r2 = int(m[4]) if m[4] else r1
        ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return ranges


def fill_merged(rows: list[Row], ranges: Iterable[MergedRange]) -> None:
    """Give every cell of a merged range the value of its top-left cell, in place.

    A row with nothing of its own stays blank: forms merge a household's address over
    spare rows left empty for more members. Ranges past the last row add no rows, nor
    past the widest row columns (they have no header, and "A1:XFD1" would be 16,384 cells).
    """
    n = len(rows)
    width = max(map(len, rows), default=0)
    edits: dict[int, list[Cell]] = {}
    own_blank: dict[int, bool] = {}
    for r1, c1, r2, last in ranges:
        c2 = min(last, width)
        if r1 > n or c1 > c2:
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 <= len(top) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        for i in range(r1 - 1, min(r2, n)):
            if i != r1 - 1:
                blank = own_blank.get(i)
                if blank is None:
                    blank = own_blank[i] = is_blank(rows[i])
                if blank:
                    continue
            cells = edits.get(i)
            if cells is None:
                cells = edits[i] = list(rows[i])
            if len(cells) < c2:
                cells.extend([None] * (c2 - len(cells)))
            cells[c1 - 1 : c2] = [value] * (c2 - c1 + 1)
    for i, cells in edits.items():
        rows[i] = tuple(cells)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _worksheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → its XML part in the zip, as the workbook's relationships say.

    Anything unexpected gives an empty mapping: the rows are still read, without merges.
    """
    try:
        book = "xl/workbook.xml"
        for rel in ElementTree.fromstring(archive.read("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
        folder, name = posixpath.split(book)
        rels = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        parts: dict[str, str] = {}
        for el in ElementTree.fromstring(archive.read(book)).iter():
            if _local(el.tag) != "sheet":
                continue
            rid = next(
                (v for k, v in el.attrib.items() if k.startswith("{") and _local(k) == "id"), None
            )
            target = targets.get(rid)
            if target:
                path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                parts[el.get("name", "")] = posixpath.normpath(path)
        return parts
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return {}


def _read_worksheet(
    ws: Any, archive: zipfile.ZipFile | None, part: str | None, *, peek: bool
) -> Sheet:
    """One worksheet's rows as shown in Excel; ``peek``: only its first rows, no merges."""
    ws.reset_dimensions()  # some writers record a wrong size; read what is there
    hidden = getattr(ws, "sheet_state", "visible") != "visible"
    if peek:
        rows: list[Row] = []
        seen = False
        for values in ws.iter_rows(values_only=True):
            row = _as_typed_xlsx(values)
            rows.append(row)
            seen = seen or not is_blank(row)
            if seen and len(rows) >= PEEK_ROWS:
                break
        return Sheet(ws.title, rows, hidden=hidden)
    rows = [_as_typed_xlsx(r) for r in ws.iter_rows(values_only=True)]
    if archive is not None and part is not None:
        # openpyxl has read the rows; the merges are not worth refusing the file for.
        with contextlib.suppress(KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error):
            fill_merged(rows, read_merged_ranges(archive, part))
    return Sheet(ws.title, rows, hidden=hidden)


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for damaged or foreign files
        raise RosterError(
            msg("无法读取 Excel 文件 {file}：{error}", file=path.name, error=e)
        ) from None


def _choose_xlsx(path: Path, choose: Callable[[Sheet], T | None]) -> Chosen[T]:
    """Worksheets read in full, the active one first, until ``choose`` accepts one; then a
    glance at the rest. ``data_only=True`` gives the values Excel last calculated."""
    wb = _open_workbook(path)
    try:
        worksheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]  # no charts
        names = [ws.title for ws in worksheets]
        ordered = list(worksheets)
        active = wb.active
        if active in ordered:
            ordered.remove(active)
            ordered.insert(0, active)
        with zipfile.ZipFile(path) as archive:
            parts = _worksheet_parts(archive)
            chosen: Chosen[T] = Chosen(None, None, None, names)
            for ws in ordered:
                sheet = _read_worksheet(
                    ws, archive, parts.get(ws.title), peek=chosen.sheet is not None
                )
                if chosen.first is None:
                    chosen.first = sheet
                if chosen.sheet is None:
                    found = choose(sheet)
                    if found is not None:
                        chosen.sheet, chosen.found = sheet, found
                        continue
                chosen.others.append(sheet)
    finally:
        wb.close()
    chosen.others.sort(key=lambda s: names.index(s.name))
    return chosen


def choose_sheet(path: Path, choose: Callable[[Sheet], T | None]) -> Chosen[T]:
    """The sheet of a roster file to import: the first that ``choose`` accepts (returns
    something for), the workbook's active worksheet first; and what the others hold."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise RosterError(msg("找不到文件：{path}", path=path))
    if suffix in XLSX_SUFFIXES:
        return _choose_xlsx(path, choose)
    if suffix in CSV_SUFFIXES:
        sheet = read_csv(path)
        found = choose(sheet)
        return Chosen(sheet if found is not None else None, found, sheet, [sheet.name])
    if suffix == ".xls":
        raise RosterError(msg("不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 后再导入。"))
    raise RosterError(
        msg("只能导入 .xlsx 或 .csv 文件，不能导入“{what}”。", what=path.suffix or path.name)
    )


def iter_sheets(path: Path) -> Iterator[Sheet]:
    """Every sheet of a roster file read in full, in workbook order."""
    yield from choose_sheet(path, lambda sheet: None).others


def cell_text(value: Cell) -> str:
    """A cell as the text a person sees in Excel (whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if abs(value) >= 1e15:
            return f"{value:.6G}"  # how Excel's General format shows it: 5.10104E+17
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def is_blank(row: Row) -> bool:
    """True for a row with nothing but empty cells and whitespace."""
    for v in row:
        if v is None:
            continue
        if isinstance(v, str) and not v.strip():
            continue
        return False
    return True
