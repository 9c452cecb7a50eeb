"""Writing the roster to .xlsx/.csv with the headers the importer reads, and the blank template.

An exported file imports back unchanged (same headers, stored spellings, ID numbers as
text so Excel cannot turn them into 5.10104E+17). Files are written to a temporary name
and renamed, so a crash never leaves half a roster under the real name.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridworker.core.messages import Message, joined, msg
from gridworker.core.people import (
    ETHNICITIES,
    HOUSE_USES,
    POPULATION_TYPES,
    RELATIONS,
    SPECIAL_TAGS,
    STATUSES,
    format_tags,
)
from gridworker.roster.headers import Column, export_columns
from gridworker.store.entities import HOUSEHOLD, RESIDENT
from gridworker.store.merge import from_db
from gridworker.store.roster import RELATION_ORDER, RosterError
from gridworker.store.store import Store

__all__ = ["EXCEL_CELL_LIMIT", "RosterExport", "export_roster", "roster_rows", "write_template"]

EXCEL_CELL_LIMIT = 32_767
"""The most characters an Excel cell holds; longer text is cut to this on an .xlsx export."""


@dataclass(frozen=True)
class RosterExport:
    """What an export wrote: the number of residents, and the cells Excel's limit cut."""

    rows: int
    cut: tuple[Message, ...] = ()  # "name（column）" of each text cut to EXCEL_CELL_LIMIT

    def warning(self) -> Message | None:
        """The sentence to show when text was cut (None when nothing was)."""
        if not self.cut:
            return None
        return msg(
            "有 {count} 处内容超过 Excel 每格 {limit} 个字的上限，表格里只有前 {limit} 个字："
            "{where}。完整的内容仍在程序里；用这个表格导入时，截短的内容不会被当作修改。",
            count=len(self.cut),
            limit=EXCEL_CELL_LIMIT,
            where=joined(self.cut, msg("、")),
        )


TEXT_FIELDS = frozenset({"id_number", "phone", "room", "building", "unit"})
"""Columns written as text cells: numbers there are identifiers, not quantities."""

WIDTHS = {
    "micro_grid": 12,
    "estate": 14,
    "building": 8,
    "unit": 8,
    "room": 8,
    "head_name": 10,
    "house_use": 10,
    "residency": 10,
    "name": 10,
    "sex": 6,
    "birth_date": 12,
    "ethnicity": 8,
    "id_number": 22,
    "phone": 16,
    "relation": 10,
    "population_type": 10,
    "tags": 20,
    "status": 8,
    "status_date": 12,
    "notes": 24,
}

_NUM_RE = re.compile(r"(\d+)")


def _natural(text: object) -> tuple[Any, ...]:
    """Sort key that puts 2栋 before 10栋 and 301 before 1201."""
    parts = _NUM_RE.split(str(text or ""))
    return tuple(int(p) if p.isdigit() else p for p in parts)


def roster_rows(store: Store, only: Collection[str] | None = None) -> Iterator[dict[str, str]]:
    """Every resident (or those whose ids are in ``only``: the app's current search and
    filters) as one sheet row {field: text}, ordered by micro-grid and address.

    Households are listed by natural address order, members head first. Households
    without residents have no row (the sheet is one row per person).
    """
    conn = store.conn
    mg_names = {r["id"]: r["name"] or "" for r in conn.execute("SELECT id, name FROM micro_grid")}
    hcols = ", ".join(HOUSEHOLD.field_names)
    ident = store.identity
    # A worker exports its own micro-grid: records the office moved elsewhere stay on the
    # laptop for the sync history but are no longer its residents.
    own = ident.micro_grid_id if ident.role == "worker" else None
    households = {
        r["id"]: {f: r[f] for f in HOUSEHOLD.field_names}
        for r in conn.execute(f"SELECT id, {hcols} FROM household")
        if own is None or r["micro_grid_id"] in (own, None)
    }
    rcols = ", ".join(RESIDENT.field_names)
    members: dict[str, list[dict[str, Any]]] = {}
    wanted = None if only is None else set(only)
    for r in conn.execute(f"SELECT id, {rcols} FROM resident"):
        if wanted is not None and r["id"] not in wanted:
            continue
        members.setdefault(r["household_id"], []).append(
            {f: from_db(RESIDENT, f, r[f]) for f in RESIDENT.field_names}
        )

    def hh_key(hid: str) -> tuple[Any, ...]:
        h = households[hid]
        return (
            _natural(mg_names.get(h["micro_grid_id"], "")),
            _natural(h["estate"]),
            _natural(h["building"]),
            _natural(h["unit"]),
            _natural(h["room"]),
            hid,
        )

    for hid in sorted((h for h in members if h in households), key=hh_key):
        h = households[hid]
        people = sorted(
            members[hid],
            key=lambda m: (
                RELATION_ORDER.get(str(m["relation"]), 99),
                str(m["birth_date"] or "9999"),
                str(m["name"] or ""),
            ),
        )
        for m in people:
            row = {
                "micro_grid": mg_names.get(h["micro_grid_id"], ""),
                **{f: h[f] or "" for f in ("estate", "building", "unit", "room")},
                **{f: h[f] or "" for f in ("head_name", "house_use", "residency")},
            }
            for f in RESIDENT.field_names:
                if f == "household_id":
                    continue
                v = m[f]
                row[f] = format_tags(v) if f == "tags" else ("" if v is None else str(v))
            yield row


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gw-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterError(
            msg("只能导出为 .xlsx 或 .csv 文件，不能是“{what}”。", what=path.suffix or path.name)
        )
    return suffix


def export_roster(
    store: Store, path: Path | str, only: Collection[str] | None = None
) -> RosterExport:
    """Write every resident (or those in ``only``) to ``path`` (.xlsx or .csv by suffix);
    says how many, and which texts an .xlsx had to cut at Excel's cell limit
    (:meth:`RosterExport.warning`).

    The headers are the importer's standard names (with 微网格 in an office), the CSV is
    UTF-8 with BOM so Excel shows the Chinese, and ID numbers are text cells.
    """
    path = Path(path)
    suffix = _check_suffix(path)
    columns = export_columns(office=store.identity.role == "office")
    rows = list(roster_rows(store, only))
    if suffix == ".csv":
        _atomic(path, lambda tmp: _write_csv(tmp, columns, rows))
        return RosterExport(len(rows))
    _atomic(path, lambda tmp: _write_xlsx(tmp, columns, rows))
    cut = tuple(
        msg("{name}（{column}）", name=row.get("name", ""), column=c.header)
        for row in rows
        for c in columns
        if len(row.get(c.field, "") or "") > EXCEL_CELL_LIMIT
    )
    return RosterExport(len(rows), cut)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
"""What makes Excel read a cell as a formula: such text is written with a leading "'"."""


def _csv_cell(value: str) -> str:
    """A CSV cell Excel will show as the text it is (no formula injection).

    The apostrophe is Excel's own "this is text" mark; the roster reader drops it again,
    so an export re-imports unchanged.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _write_csv(path: Path, columns: list[Column], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([c.header for c in columns])
        for row in rows:
            w.writerow([_csv_cell(row.get(c.field, "") or "") for c in columns])


def _write_xlsx(
    path: Path, columns: list[Column], rows: list[dict[str, str]], *, template: bool = False
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    for i, c in enumerate(columns, start=1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = WIDTHS.get(c.field, 10)
        if c.field in TEXT_FIELDS:
            dim.number_format = "@"  # new cells typed in this column stay text
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    header = []
    for c in columns:
        cell = WriteOnlyCell(ws, value=c.header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)
    text_cols = [c.field in TEXT_FIELDS for c in columns]
    for row in rows:
        out: list[Any] = []
        for c, is_text in zip(columns, text_cols, strict=True):
            value = row.get(c.field, "") or None
            if value is not None and (is_text or value.startswith(("=", "'"))):
                if value.startswith("'"):
                    value = "'" + value  # the reader drops one leading "'" (Excel's text mark)
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
                cell.number_format = "@"
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
    if template:
        _write_help(wb.create_sheet("填写说明"), columns)
    wb.save(path)


def _write_help(ws: Any, columns: list[Column]) -> None:
    """The second sheet of the template: what each column takes."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    allowed = {
        "house_use": "、".join(HOUSE_USES),
        "relation": "、".join(RELATIONS)
        + "，或具体关系：儿媳、女婿、父亲、母亲、公公、外祖母、嫂等（户主、儿子、妈妈等常用说法也能识别）",
        "population_type": "、".join(POPULATION_TYPES),
        "tags": "、".join(SPECIAL_TAGS) + "（多个用顿号、逗号分隔）",
        "status": "、".join(STATUSES) + "（不填即为在住）",
        "ethnicity": "56个民族，如 " + "、".join(ETHNICITIES[:5]) + "……（可简写为 汉）",
        "sex": "男、女（可不填：按身份证号自动得出；填了必须与身份证号一致）",
        "birth_date": "如 1990-01-02（可不填：按身份证号自动得出）",
        "status_date": "迁出或死亡的日期，如 2024-05-01",
        "id_number": "18位公民身份号码，末位可为X；请保持本列为文本格式，否则 Excel 会把号码改坏",
        "phone": "手机号11位，座机请带区号，如 028-85123456",
        "micro_grid": "所属微网格名称（社区导入时每行必填，首次出现时自动建立）",
        "estate": "必填",
        "room": "必填",
        "name": "必填",
        "head_name": "可不填：与户主关系为“本人/户主”的那一行即为户主",
    }
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 90
    bold = Font(bold=True)
    title = WriteOnlyCell(ws, value="填写说明")
    title.font = bold
    ws.append([title])
    ws.append(
        [
            "",
            "表头行可以改写为常见说法（如 公民身份号码、联系方式、小区名称）；表头上方可以有标题行。",
        ]
    )
    ws.append(["", "空白单元格不会清除已登记的信息；要清除某项，请在程序中修改该居民。"])
    ws.append([])
    for c in columns:
        name = WriteOnlyCell(ws, value=c.header)
        name.font = bold
        ws.append([name, allowed.get(c.field, c.hint)])


def write_template(path: Path | str, *, office: bool = False) -> None:
    """Write an empty roster sheet with the expected headers and a sheet of instructions.

    ``office=True`` adds the 微网格 column an office import needs.
    """
    path = Path(path)
    if _check_suffix(path) == ".csv":
        _atomic(path, lambda tmp: _write_csv(tmp, export_columns(office=office), []))
        return
    _atomic(path, lambda tmp: _write_xlsx(tmp, export_columns(office=office), [], template=True))
