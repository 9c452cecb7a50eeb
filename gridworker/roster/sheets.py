"""Reading the cells of a roster file: .xlsx through openpyxl, .csv in whatever encoding.

Chinese Excel saves CSV in GBK/GB18030, newer versions in UTF-8 with a BOM, and
hand-made files come without one; the encoding is detected, never asked for. Cells keep
their Python type (an xlsx number stays a number) so the importer can tell an ID number
Excel has turned into a float from one typed as text.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gridworker.core.messages import msg
from gridworker.store.roster import RosterError

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None
Row = tuple[Cell, ...]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")


@dataclass
class Sheet:
    """The rows of one worksheet (or a CSV file); ``rows[i]`` is spreadsheet row i+1."""

    name: str
    rows: list[Row]
    encoding: str | None = None


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
        rows: list[Row] = [tuple(r) for r in reader]
    except csv.Error as e:
        raise RosterError(
            msg("CSV 文件格式有误（第 {line} 行）：{error}", line=reader.line_num, error=e)
        ) from None
    return Sheet(path.name, rows, encoding)


def iter_xlsx(path: Path) -> Iterator[Sheet]:
    """The worksheets of a workbook, the active one first, read as cached values.

    ``data_only=True`` gives the values Excel last calculated instead of formulas.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for damaged or foreign files
        raise RosterError(
            msg("无法读取 Excel 文件 {file}：{error}", file=path.name, error=e)
        ) from None
    try:
        sheets = list(wb.worksheets)
        active = wb.active
        if active in sheets:
            sheets.remove(active)
            sheets.insert(0, active)
        for ws in sheets:
            if not hasattr(ws, "iter_rows"):
                continue  # a chart sheet
            ws.reset_dimensions()  # some writers record a wrong size; read what is there
            rows: list[Row] = [tuple(r) for r in ws.iter_rows(values_only=True)]
            yield Sheet(ws.title, rows)
    finally:
        wb.close()


def iter_sheets(path: Path) -> Iterator[Sheet]:
    """The sheets of a roster file, chosen by its suffix."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise RosterError(msg("找不到文件：{path}", path=path))
    if suffix in XLSX_SUFFIXES:
        yield from iter_xlsx(path)
    elif suffix in CSV_SUFFIXES:
        yield read_csv(path)
    elif suffix == ".xls":
        raise RosterError(msg("不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 后再导入。"))
    else:
        raise RosterError(
            msg("只能导入 .xlsx 或 .csv 文件，不能导入“{what}”。", what=path.suffix or path.name)
        )


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
