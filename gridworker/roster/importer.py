"""Importing an office's roster sheet: plan everything first, then write it in one go.

:func:`plan_import` reads and validates the whole sheet without writing anything and
says what would happen: residents new / updated / unchanged, and every problem with its
spreadsheet row and the sheet's own column name. :func:`apply_import` writes the plan in
one transaction through the one write path; by default a sheet with any problem writes
nothing (all-or-nothing), and cancelling or any error rolls everything back.

Re-importing updates in place. A resident is matched by ID number (anywhere in the
roster), or — when the row has no ID number — by name within the same household; a
household by its normalised address. Only fields that really change produce operations,
so importing the same sheet twice changes nothing the second time.

An EMPTY CELL NEVER CLEARS A VALUE. Offices export partial sheets (no phone column, a
blank where a phone is unknown to them); wiping stored values with blanks is how rosters
lose data. To clear a value, edit the resident in the app.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from gridworker.core.duplicates import find_duplicates
from gridworker.core.file_errors import file_problem
from gridworker.core.gcpause import gc_paused
from gridworker.core.ids import micro_grid_id as make_micro_grid_id
from gridworker.core.ids import uuid7
from gridworker.core.messages import LIST_SEPARATOR, Message, joined, msg
from gridworker.core.people import norm_relation
from gridworker.core.progress import QUIET, Progress, check
from gridworker.core.roster_rules import (
    HEAD,
    address_key,
    check_household,
    check_resident,
    diff_values,
    head_name_problem,
    is_living_head,
    new_resident_values,
    second_head_problem,
)
from gridworker.core.textnorm import norm_key, norm_text
from gridworker.roster.exporter import EXCEL_CELL_LIMIT
from gridworker.roster.headers import BY_FIELD, HeaderMatch, find_header
from gridworker.roster.sheets import Cell, Row, Sheet, cell_text, choose_sheet, is_blank
from gridworker.store.entities import HOUSEHOLD, RESIDENT
from gridworker.store.merge import from_db
from gridworker.store.ops import Value
from gridworker.store.roster import RESIDENT_FIELDS, RosterError, person_key
from gridworker.store.store import Change, Store

__all__ = [
    "ImportPlan",
    "ImportRefused",
    "ImportResult",
    "RejectedRow",
    "RowProblem",
    "apply_import",
    "plan_import",
    "write_errors_csv",
]

REQUIRED = ("name", "estate", "room")
HOUSEHOLD_SHEET_FIELDS = ("head_name", "house_use", "residency")
BATCH = 5000  # changes per Store.write call: progress and cancel granularity
CHECK_EVERY = 1000  # rows between progress reports / cancel checks while planning
_CANCELLED = msg("导入已取消，没有写入任何数据。")


class ImportRefused(RosterError):
    """The sheet has problems and the import is all-or-nothing; nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(
            msg(
                "表格中有 {rows} 行有问题，没有写入任何数据。"
                "请改正后重新导入，或选择只导入没有问题的行。",
                rows=plan.invalid,
            )
        )
        self.plan = plan


@dataclass(frozen=True)
class RowProblem:
    """One problem: 1-based spreadsheet row, the sheet's own column header, Chinese reason."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return self.text()

    def text(self) -> Message:
        """The whole sentence: "第 N 行，列「…」：reason"."""
        return msg(
            "第 {row} 行，列「{column}」：{reason}",
            row=self.row,
            column=self.column,
            reason=self.message,
        )


@dataclass
class RejectedRow:
    """A row that will not be imported: its cells as shown and why."""

    row: int
    cells: list[str]
    problems: list[RowProblem]


@dataclass
class ImportPlan:
    """What importing a sheet would do; nothing has been written yet."""

    path: Path
    sheet: str
    encoding: str | None
    header_row: int
    headers: list[str]
    columns: dict[str, str]  # field -> the sheet's header text
    ignored_columns: list[str]
    rows: int = 0  # data rows read (blank rows not counted)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    households_new: int = 0
    households_updated: int = 0
    micro_grids: list[str] = field(default_factory=list)  # to create on first use
    rejected: list[RejectedRow] = field(default_factory=list)
    household_changes: list[Change] = field(default_factory=list)
    resident_changes: list[Change] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)  # every worksheet of the file
    unread_sheets: list[str] = field(default_factory=list)  # others with content, not read

    @property
    def invalid(self) -> int:
        return len(self.rejected)

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rejected for p in r.problems]

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> Message:
        return msg(
            "新增 {new} 人 / 更新 {updated} 人 / 未变 {unchanged} 人 / 有问题 {invalid} 行",
            new=self.new,
            updated=self.updated,
            unchanged=self.unchanged,
            invalid=self.invalid,
        )

    def sheet_note(self) -> Message | None:
        """Which worksheet was read, when the workbook has several (None otherwise)."""
        if len(self.sheet_names) < 2:
            return None
        return msg(
            "读取的是工作表「{sheet}」（文件中共有 {count} 个工作表）。",
            sheet=self.sheet,
            count=len(self.sheet_names),
        )

    def unread_warning(self) -> Message | None:
        """Other worksheets hold data that this import leaves out: say so, never silently."""
        if not self.unread_sheets:
            return None
        return msg(
            "注意：工作表 {sheets} 中也有内容，没有导入。每次只导入一个工作表；"
            "要导入其中的某一个，请在 Excel 中切换到它、保存，再导入一次。",
            sheets=joined(self.unread_sheets, LIST_SEPARATOR),
        )


@dataclass
class ImportResult:
    """What an applied import wrote."""

    created: int
    updated: int
    unchanged: int
    skipped: int
    households_created: int
    households_updated: int
    ops: int

    def summary(self) -> Message:
        return msg(
            "新增 {created} 人 / 更新 {updated} 人 / 未变 {unchanged} 人 / "
            "跳过有问题的 {skipped} 行（新建 {households_created} 户，"
            "更新 {households_updated} 户）",
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
            households_created=self.households_created,
            households_updated=self.households_updated,
        )


_REQUIRED_ADDRESS = (("estate", msg("小区为空")), ("room", msg("房号为空")))
"""Checked on every row: made once (a message costs as much as a dict lookup or two)."""

# Names repeat over a roster; the repeated-header check looks at every row's name.
_norm_key_cached = lru_cache(maxsize=65536)(norm_key)


# --------------------------------------------------------------------------- planning


@dataclass
class _Household:
    id: str
    new: bool
    current: dict[str, Value]  # stored values ({} for a new household)
    address: dict[str, Value]  # as first written in the sheet (new households)
    sheet: dict[str, Value] = field(default_factory=dict)  # head_name, house_use, residency
    sheet_rows: dict[str, int] = field(default_factory=dict)  # field -> row that set it
    head_row: int | None = None
    used: bool = False
    # The accepted rows (row number, cells, what they added to the plan): withdrawn when
    # the row of the head their relations refer to is refused.
    rows: list[_Accepted] = field(default_factory=list)


@dataclass(frozen=True)
class _Accepted:
    number: int
    cells: Row
    counted: str  # "new" | "updated" | "unchanged"
    change: Change | None


_CheckedHousehold = tuple[
    dict[str, Value], list[tuple[str, str]], tuple[str, ...], dict[str, Value]
]


_TEMPLATE_HELP_SHEET = "填写说明"
"""The instructions sheet of our own template (exporter.write_template): not roster data."""


def _open_sheet(path: Path) -> tuple[Sheet, HeaderMatch, list[str], list[str]]:
    """The sheet to import and its header; every worksheet's name; and the other visible
    worksheets that hold something (hidden ones keep a template's drop-down lists)."""
    chosen = choose_sheet(path, lambda sheet: find_header(sheet.rows))
    if chosen.sheet is not None and chosen.found is not None:
        unread = [
            s.name
            for s in chosen.others
            if not s.hidden
            and not all(is_blank(r) for r in s.rows)
            and not (s.name == _TEMPLATE_HELP_SHEET and find_header(s.rows) is None)
        ]
        return chosen.sheet, chosen.found, chosen.names, unread
    first = chosen.first
    if first is None or not any(not is_blank(r) for r in first.rows):
        raise RosterError(msg("文件 {file} 是空的，没有可导入的内容。", file=path.name))
    raise RosterError(
        msg(
            "在 {file} 的前 50 行中没有找到表头行（需要一行同时含有「姓名」和「小区」「房号」等列名）。",
            file=path.name,
        )
    )


def _check_columns(header: HeaderMatch, office: bool) -> None:
    required = [*REQUIRED, "micro_grid"] if office else list(REQUIRED)
    missing = [BY_FIELD[f].header for f in required if f not in header.fields]
    if missing:
        texts = [t for t in header.texts if t]
        found = joined(texts, msg("、")) if texts else msg("（无）")
        extra = (
            msg("（社区导入时每行都要写明所属微网格）")
            if "micro_grid" in missing and office
            else ""
        )
        raise RosterError(
            msg(
                "表格缺少必需的列：{missing}{extra}。在第 {row} 行找到的列是：{found}。",
                missing=joined(missing, msg("、")),
                extra=extra,
                row=header.row,
                found=found,
            )
        )


def _getter(indexes: list[int]) -> Callable[[Row], tuple[str, ...]]:
    """A function taking the cells at ``indexes`` of an all-text row, as a tuple."""
    if len(indexes) == 1:
        only = indexes[0]
        return lambda cells: (str(cells[only]),)
    return itemgetter(*indexes)


class _Planner:
    """State of one planning pass: what the store holds and what the sheet said so far."""

    def __init__(self, store: Store, header: HeaderMatch, plan: ImportPlan) -> None:
        self.store = store
        self.header = header
        self.plan = plan
        ident = store.identity
        self.office = ident.role == "office"
        self.community = ident.community
        self.own_mg = ident.micro_grid_id
        conn = store.conn
        self.mg_names: dict[str, str] = {
            r["id"]: r["name"] or "" for r in conn.execute("SELECT id, name FROM micro_grid")
        }
        self.own_mg_name = self.mg_names.get(self.own_mg or "", "")
        self.mg_by_name: dict[str, str] = {}
        for mg_id, mg_name in sorted(self.mg_names.items()):
            self.mg_by_name.setdefault(_squeezed(mg_name), mg_id)
        # Preload households and residents once: no per-row queries.
        self.households: dict[tuple[str, ...], _Household] = {}
        self.household_by_id: dict[str, _Household] = {}
        hcols = ", ".join(HOUSEHOLD.field_names)
        for r in conn.execute(f"SELECT id, {hcols} FROM household"):
            current: dict[str, Value] = {f: r[f] for f in HOUSEHOLD.field_names}
            key = address_key(r["micro_grid_id"], r["estate"], r["building"], r["unit"], r["room"])
            h = _Household(r["id"], False, current, {})
            self.households.setdefault(key, h)
            self.household_by_id[r["id"]] = h
        self.residents: dict[str, dict[str, Value]] = {}
        self.by_id_number: dict[str, str] = {}
        self.by_name: dict[tuple[str, str], list[str]] = {}
        rcols = ", ".join(RESIDENT.field_names)
        for r in conn.execute(f"SELECT id, {rcols} FROM resident ORDER BY id"):
            values = {f: from_db(RESIDENT, f, r[f]) for f in RESIDENT.field_names}
            rid = r["id"]
            self.residents[rid] = values
            if r["id_number"]:
                self.by_id_number.setdefault(r["id_number"], rid)
            self.by_name.setdefault((r["household_id"] or "", r["name"] or ""), []).append(rid)
        # What the sheet said so far (for duplicates within the file).
        self.seen_ids: dict[str, int] = {}
        self.seen_names: dict[tuple[tuple[str, ...], str], tuple[int, bool]] = {}
        self.matched: dict[str, int] = {}
        # Stored heads (本人, living here) by household, made when first needed; heads the
        # sheet gives another relation; each ID number's relation in the sheet.
        self.stored_heads: dict[str, list[str]] | None = None
        self.released_heads: set[str] = set()
        self.sheet_relations: dict[str, str] = {}
        self.data: Sequence[Row] | None = None  # the rows, until sheet_relations is read
        # Households whose head's row was refused: address key -> (row, name).
        self.refused_heads: dict[tuple[str, ...], tuple[int, str]] = {}
        self.new_mgs: dict[str, str] = {}
        cols = header.fields
        self.res_cols = [(f, cols[f]) for f in RESIDENT_FIELDS if f in cols]
        self.hh_cols = [
            (f, cols[f])
            for f in ("estate", "building", "unit", "room", *HOUSEHOLD_SHEET_FIELDS)
            if f in cols
        ]
        self.hh_fields = [f for f, _ in self.hh_cols]
        # CSV cells are all text: full rows take their values straight from the tuple.
        self.all_text = plan.encoding is not None
        self.res_fields = [f for f, _ in self.res_cols]
        self.res_get = _getter([i for _, i in self.res_cols])
        self.hh_get = _getter([i for _, i in self.hh_cols])
        self.width = 1 + max(i for _, i in (*self.res_cols, *self.hh_cols))
        # Household cell texts -> (values, problems, address key without micro-grid,
        # the household facts the sheet states); read-only once made.
        self.hh_checked: dict[tuple[str, ...], _CheckedHousehold] = {}
        self.mg_col = cols.get("micro_grid")
        self.name_header = norm_key(header.texts[cols["name"]])
        self.column = {f: header.column_name(f) for f in cols}

    def col(self, f: str) -> str:
        return self.column.get(f) or BY_FIELD[f].header

    def row(self, number: int, cells: Row) -> None:
        """Validate one data row and add it to the plan (or to the rejected rows)."""
        n = len(cells)
        problems: list[RowProblem] = []

        def problem(f: str, message: str) -> None:
            problems.append(RowProblem(number, self.col(f), message))

        raw: dict[str, object]
        htexts: tuple[str, ...]
        if self.all_text and n >= self.width:
            # A full CSV row: every cell is already its text, nothing to convert.
            raw = dict(zip(self.res_fields, self.res_get(cells), strict=True))
            htexts = self.hh_get(cells)
        else:
            raw = self._raw_resident(cells, problem)
            htexts = tuple([cell_text(cells[i] if i < n else None) for _, i in self.hh_cols])
            for f, i in self.hh_cols:
                if i < n and isinstance(cells[i], dt.date | dt.time):
                    problem(
                        f,
                        msg(
                            "{column}被 Excel 转成了日期（{shown}），请把该列设为文本后重新填写",
                            column=BY_FIELD[f].header,
                            shown=cell_text(cells[i]),
                        ),
                    )
        checked_resident = check_resident(raw)
        values = checked_resident.values
        for f, text in checked_resident.problems:
            problem(f, text)
        checked = self.hh_checked.get(htexts)
        if checked is None:
            checked = self._check_household(htexts)
        hvalues, hh_problems, place, sheet_values = checked
        for f, text in hh_problems:
            problem(f, text)
        if "name" not in values and not any(p.column == self.col("name") for p in problems):
            problem("name", msg("姓名为空"))
        for f, empty in _REQUIRED_ADDRESS:
            if f not in hvalues:
                problem(f, empty)

        mg, mg_text = self._micro_grid(cells, problem)
        name = str(values.get("name") or "")
        id_number = values.get("id_number")
        key = (mg or "", *place)
        # Duplicates within the file (checked even on rows with other problems).
        if isinstance(id_number, str):
            first = self.seen_ids.setdefault(id_number, number)
            if first != number:
                problem("id_number", msg("与第 {row} 行身份证号重复", row=first))
        if name and mg is not None:
            seen = self.seen_names.get((key, name))
            if seen is None:
                self.seen_names[(key, name)] = (number, id_number is not None)
            elif not (seen[1] and id_number is not None):
                problem(
                    "name",
                    msg("与第 {row} 行同户同名，无法区分是否同一人，请填写身份证号", row=seen[0]),
                )

        if problems or mg is None:
            if is_living_head(values.get("relation"), values.get("status")):
                self.refused_heads.setdefault(key, (number, name))
            self._reject(number, cells, problems)
            return

        household = self.households.get(key)
        if household is None:
            address: dict[str, Value] = {
                f: hvalues.get(f) for f in ("estate", "building", "unit", "room")
            }
            household = _Household(uuid7(), True, {}, {"micro_grid_id": mg, **address})
        # Household facts must agree across the rows of one household.
        for f, sv in sheet_values.items():
            if f in household.sheet and household.sheet[f] != sv:
                problem(
                    f,
                    msg(
                        "同一户第 {row} 行写的{column}是“{there}”，这里却是“{here}”",
                        row=household.sheet_rows[f],
                        column=BY_FIELD[f].header,
                        there=household.sheet[f],
                        here=sv,
                    ),
                )
        rid, current = self._match(household, values, name, number, problem)
        stored = current or {}
        is_head = is_living_head(
            values.get("relation", stored.get("relation")),
            values.get("status", stored.get("status")),
        )
        if is_head and household.head_row is not None:
            problem("relation", msg("同一户已有户主（第 {row} 行）", row=household.head_row))
        if is_head and not household.new:
            self._check_stored_head(household.id, rid, problem)
        # The household's 户主 name is its head's: as the sheet states it on any row.
        stated = sheet_values.get("head_name", household.sheet.get("head_name"))
        if stated is not None and household.head_row is None:
            head = name if is_head else self._stored_head_name(household, rid)
            why = None if head is None else head_name_problem(stated, head)
            if why is not None:
                problem("head_name", why)
        if problems:
            if is_head and household.head_row is None:
                self.refused_heads.setdefault(key, (number, name))
            self._reject(number, cells, problems)
            return
        if rid is not None and not is_head:
            self.released_heads.add(rid)

        # Accepted: record it.
        if household.new and not household.used:
            self.households[key] = household
            self.household_by_id[household.id] = household
        household.used = True
        for f, sv in sheet_values.items():
            if f not in household.sheet:
                household.sheet[f] = sv
                household.sheet_rows[f] = number
        if is_head:
            household.head_row = number
            if "head_name" not in household.sheet:
                household.sheet["head_name"] = name
                household.sheet_rows["head_name"] = number
        if self.office and mg not in self.mg_names:
            self.new_mgs.setdefault(mg, mg_text)
        values["household_id"] = household.id
        change: Change | None = None
        if rid is None:
            values = new_resident_values(values)
            rid = uuid7()
            change = Change("resident", values, entity_id=rid, new=True)
            self.plan.resident_changes.append(change)
            self.plan.new += 1
            counted = "new"
            self.by_name.setdefault((household.id, name), []).append(rid)
        else:
            assert current is not None
            changed = _not_cut(current, diff_values(current, values))
            if changed:
                change = Change("resident", changed, entity_id=rid)
                self.plan.resident_changes.append(change)
                self.plan.updated += 1
                counted = "updated"
            else:
                self.plan.unchanged += 1
                counted = "unchanged"
            self.matched[rid] = number
        household.rows.append(_Accepted(number, cells, counted, change))

    def prescan(self, data: Sequence[Row]) -> None:
        """Keep the sheet's rows for :meth:`_sheet_relations`, read when a stored head is
        first looked at: an import into an empty roster never needs it."""
        self.data = data

    def _sheet_relations(self) -> dict[str, str]:
        """Each ID number's relation in the sheet, so a head changed anywhere in it (before
        or after the row naming the new head) is known when the new head is checked."""
        if self.data is not None:
            self._prescan(self.data)
            self.data = None
        return self.sheet_relations

    def _prescan(self, data: Sequence[Row]) -> None:
        id_col, rel_col = self.header.fields.get("id_number"), self.header.fields.get("relation")
        if id_col is None or rel_col is None:
            return
        for cells in data:
            if max(id_col, rel_col) < len(cells):
                number = cell_text(cells[id_col]).strip().upper()
                if number:
                    try:
                        self.sheet_relations[number] = norm_relation(cell_text(cells[rel_col]))
                    except ValueError:
                        continue  # an unknown word: its own row reports it

    def _stored_heads(self, household_id: str, rid: str | None) -> list[dict[str, Value]]:
        """The household's stored heads (本人, living here) the sheet leaves heads: not the
        row's own resident, nor one the sheet gives another relation (anywhere in it)."""
        if self.stored_heads is None:
            self.stored_heads = {}
            for r, v in self.residents.items():
                if is_living_head(v.get("relation"), v.get("status")):
                    self.stored_heads.setdefault(str(v.get("household_id") or ""), []).append(r)
        out = []
        relations = self._sheet_relations() if self.stored_heads.get(household_id) else {}
        for head in self.stored_heads.get(household_id, []):
            if head == rid or head in self.released_heads:
                continue
            stored = self.residents[head]
            number = stored.get("id_number")
            if isinstance(number, str) and relations.get(number, HEAD) != HEAD:
                continue
            out.append(stored)
        return out

    def _check_stored_head(
        self, household_id: str, rid: str | None, problem: Callable[[str, str], None]
    ) -> None:
        """A household keeps one head: a new 本人 needs the stored one changed in the sheet."""
        for stored in self._stored_heads(household_id, rid)[:1]:
            problem("relation", second_head_problem(str(stored.get("name") or ""), in_sheet=True))

    def _stored_head_name(self, household: _Household, rid: str | None) -> str | None:
        """The name of the household's stored head that stays head, if any."""
        if household.new:
            return None
        heads = self._stored_heads(household.id, rid)
        return str(heads[0].get("name") or "") if heads else None

    def _raw_resident(self, cells: Row, problem: Callable[[str, str], None]) -> dict[str, object]:
        """The resident cells of a spreadsheet row as values for check_resident."""
        n = len(cells)
        raw: dict[str, object] = {}
        for f, i in self.res_cols:
            v: Cell = cells[i] if i < n else None
            if v.__class__ is str:
                raw[f] = v
                continue
            if f == "name" and v is not None:
                problem("name", msg("姓名不能是数字、日期或是/否（{shown}）", shown=cell_text(v)))
                continue
            if f == "id_number" and isinstance(v, int | float) and not isinstance(v, bool):
                if isinstance(v, int) and len(str(abs(v))) <= 15:
                    v = str(v)  # exact: report it as a 15-digit (or short) number
                else:
                    problem(
                        "id_number",
                        msg(
                            "身份证号被 Excel 转成了数字（{shown}），后几位已丢失，"
                            "请把该列设为文本后重新填写",
                            shown=cell_text(v),
                        ),
                    )
                    continue
            if f in ("birth_date", "status_date") and not isinstance(v, str):
                raw[f] = v
            else:
                raw[f] = cell_text(v)
        return raw

    def _check_household(self, texts: tuple[str, ...]) -> _CheckedHousehold:
        """Check a row's household cells once per distinct set: every member repeats them."""
        hvalues, problems = check_household(dict(zip(self.hh_fields, texts, strict=True)))
        address = address_key(
            None,
            hvalues.get("estate"),
            hvalues.get("building"),
            hvalues.get("unit"),
            hvalues.get("room"),
        )[1:]
        sheet_values = {f: hvalues[f] for f in HOUSEHOLD_SHEET_FIELDS if f in hvalues}
        checked = (hvalues, problems, address, sheet_values)
        self.hh_checked[texts] = checked
        return checked

    def _micro_grid(
        self, cells: Row, problem: Callable[[str, str], None]
    ) -> tuple[str | None, str]:
        """The row's micro-grid id (None if refused) and its name as written."""
        text = ""
        if self.mg_col is not None and self.mg_col < len(cells):
            text = norm_text(cell_text(cells[self.mg_col]))
        if not self.office:
            if text and _squeezed(text).casefold() != _squeezed(self.own_mg_name).casefold():
                problem(
                    "micro_grid",
                    msg(
                        "这一行属于微网格「{theirs}」，本机只管理「{ours}」，不能导入",
                        theirs=text,
                        ours=self.own_mg_name,
                    ),
                )
                return None, text
            return self.own_mg, text
        if not text:
            problem("micro_grid", msg("请填写所属微网格"))
            return None, text
        text = _squeezed(text)
        return self._micro_grid_named(text), text

    def _micro_grid_named(self, name: str) -> str:
        """The id of the micro-grid now called ``name``, as Store.ensure_micro_grid finds
        or makes it: a renamed micro-grid is found by its new name, and a new one does
        not take over the id a renamed one was given for its old name."""
        found = self.mg_by_name.get(_squeezed(name))
        if found is not None:
            return found
        attempt = 0
        mg = make_micro_grid_id(self.community, name)
        while mg in self.mg_names:
            attempt += 1
            mg = make_micro_grid_id(self.community, name, attempt)
        return mg

    def _match(
        self,
        household: _Household,
        values: dict[str, Value],
        name: str,
        number: int,
        problem: Callable[[str, str], None],
    ) -> tuple[str | None, dict[str, Value] | None]:
        """The existing resident this row describes (id and stored values), if any."""
        id_number = values.get("id_number")
        rid: str | None = None
        if isinstance(id_number, str):
            rid = self.by_id_number.get(id_number)
        if rid is None and not household.new:
            candidates = self.by_name.get((household.id, name), [])
            candidates = [c for c in candidates if c in self.residents]
            if id_number is not None:
                same_name = candidates
                candidates = [c for c in candidates if not self.residents[c].get("id_number")]
                if not candidates and same_name:
                    me = person_key("", household.id, values)
                    others = [person_key(c, household.id, self.residents[c]) for c in same_name]
                    if find_duplicates(me, others):
                        problem(
                            "id_number",
                            msg(
                                "同户已登记同名同出生日期的{name}，但身份证号不同，请核对",
                                name=name,
                            ),
                        )
            if len(candidates) > 1:
                problem(
                    "name",
                    msg(
                        "同户已登记了 {count} 位{name}，无法确定是哪一位，请填写身份证号",
                        count=len(candidates),
                        name=name,
                    ),
                )
                return None, None
            rid = candidates[0] if candidates else None
        if rid is None:
            return None, None
        if rid in self.matched:
            problem("name", msg("与第 {row} 行是同一人", row=self.matched[rid]))
            return None, None
        current = self.residents[rid]
        stored_id = current.get("id_number")
        if stored_id and id_number is None:
            for f in ("sex", "birth_date"):
                if f in values and values[f] != current.get(f):
                    problem(
                        f,
                        msg(
                            "与已登记的身份证号不符（身份证号显示为{shown}）", shown=current.get(f)
                        ),
                    )
        return rid, current

    def _reject(self, number: int, cells: Row, problems: list[RowProblem]) -> None:
        if not problems:  # a micro-grid refusal always adds one; keep the invariant
            problems.append(RowProblem(number, "", msg("无法导入")))
        self.plan.rejected.append(RejectedRow(number, [cell_text(c) for c in cells], problems))

    def withdraw_headless(self) -> None:
        """Refuse the rows of a household whose head's row was refused: their relations
        are to that head, so they are neither attached to another head (the one stored)
        nor left in a household without one. Not when the refused row is the stored head
        himself (he stays head)."""
        dropped: set[int] = set()
        for key, (head_row, head_name) in self.refused_heads.items():
            h = self.households.get(key)
            if h is None or not h.rows or h.head_row is not None:
                continue
            if self._stored_head_name(h, None) == head_name:
                continue
            why = msg(
                "同户的户主{name}（第 {row} 行）有问题没有导入，这一行的与户主关系无从对应，"
                "也没有导入；改好第 {row} 行后再一起导入",
                name=head_name,
                row=head_row,
            )
            for a in h.rows:
                setattr(self.plan, a.counted, getattr(self.plan, a.counted) - 1)
                if a.change is not None:
                    dropped.add(id(a.change))
                self._reject(a.number, a.cells, [RowProblem(a.number, self.col("relation"), why)])
            h.rows.clear()
            h.used = False
        if dropped:
            self.plan.resident_changes = [
                c for c in self.plan.resident_changes if id(c) not in dropped
            ]
            self.plan.rejected.sort(key=lambda r: r.row)

    def finish(self) -> None:
        """Turn the households the accepted rows used into changes."""
        self.withdraw_headless()
        plan = self.plan
        plan.micro_grids = list(self.new_mgs.values())
        for h in self.household_by_id.values():
            if not h.used:
                continue
            if h.new:
                values = {**h.address, **h.sheet}
                plan.household_changes.append(Change("household", values, entity_id=h.id, new=True))
                plan.households_new += 1
            else:
                changed = _not_cut(h.current, diff_values(h.current, h.sheet))
                if changed:
                    plan.household_changes.append(Change("household", changed, entity_id=h.id))
                    plan.households_updated += 1


def _not_cut(current: Mapping[str, Value], changed: dict[str, Value]) -> dict[str, Value]:
    """``changed`` without the texts Excel cut at its cell limit.

    A stored text longer than 32,767 characters (a long note) comes back from an .xlsx
    as its first 32,767: that is the sheet's limit, not an edit, and must not replace
    the whole text (nor sync as a change).
    """
    for f, v in list(changed.items()):
        old = current.get(f)
        if (
            isinstance(v, str)
            and isinstance(old, str)
            and len(old) > EXCEL_CELL_LIMIT >= len(v) >= EXCEL_CELL_LIMIT - 2
            and old.startswith(v)
        ):
            del changed[f]
    return changed


def _squeezed(name: str) -> str:
    """A micro-grid name without the stray spaces typed into Chinese names ("第三 微网格"):
    one micro-grid however its name was spaced, as a worker installation already treats it."""
    name = norm_text(name)
    return name if name.isascii() else "".join(name.split())


def plan_import(
    store: Store,
    path: Path | str,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read and check a whole roster sheet and say what importing it would do.

    Writes nothing. Raises :class:`RosterError` when the file cannot be used at all
    (unreadable, no header row, required columns missing) and :class:`Cancelled` when
    ``progress`` says the person cancelled. Row problems are collected in the plan.
    """
    with gc_paused():
        return _plan(store, Path(path), progress or QUIET)


def _plan(store: Store, path: Path, progress: Progress) -> ImportPlan:
    sheet, header, sheet_names, unread_sheets = _open_sheet(path)
    office = store.identity.role == "office"
    _check_columns(header, office)
    plan = ImportPlan(
        path=path,
        sheet=sheet.name,
        encoding=sheet.encoding,
        header_row=header.row,
        headers=header.texts,
        columns={f: header.column_name(f) for f in header.fields},
        ignored_columns=header.ignored,
        sheet_names=sheet_names,
        unread_sheets=unread_sheets,
    )
    planner = _Planner(store, header, plan)
    data = sheet.rows[header.row :]
    planner.prescan(data)
    total = len(data)
    name_col = header.fields["name"]
    for i, cells in enumerate(data):
        if i % CHECK_EVERY == 0:
            check(progress, _CANCELLED)
            progress.report(i, total)
        if is_blank(cells):
            continue
        if (
            name_col < len(cells)
            and _norm_key_cached(cell_text(cells[name_col])) == planner.name_header
        ):
            continue  # the header repeated (sheets printed over several pages)
        plan.rows += 1
        planner.row(header.row + 1 + i, cells)
    planner.finish()
    progress.report(total, total)
    return plan


# --------------------------------------------------------------------------- applying


def _batches(changes: Sequence[Change], size: int) -> Iterator[Sequence[Change]]:
    for i in range(0, len(changes), size):
        yield changes[i : i + size]


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write a planned import in one transaction; all of it or nothing.

    With problems in the plan nothing is written (:class:`ImportRefused`) unless
    ``skip_invalid``, which writes the valid rows only. Cancelling or any error rolls
    the whole import back. Households are written before residents so each resident's
    operation is routed to its micro-grid.
    """
    if plan.rejected and not skip_invalid:
        raise ImportRefused(plan)
    total = len(plan.household_changes) + len(plan.resident_changes)
    done = 0
    ops = 0
    progress = progress or QUIET
    progress.report(0, total)
    if total == 0 and not plan.micro_grids:
        # Nothing to write: no transaction, so a read-only database can take the same sheet.
        return ImportResult(0, 0, plan.unchanged, plan.invalid, 0, 0, 0)
    with gc_paused(), store.transaction():
        for name in plan.micro_grids:
            store.ensure_micro_grid(name)
        for changes in (plan.household_changes, plan.resident_changes):
            for batch in _batches(changes, BATCH):
                check(progress, _CANCELLED)
                ops += len(store.write(batch))
                done += len(batch)
                progress.report(done, total)
    return ImportResult(
        created=plan.new,
        updated=plan.updated,
        unchanged=plan.unchanged,
        skipped=plan.invalid,
        households_created=plan.households_new,
        households_updated=plan.households_updated,
        ops=ops,
    )


def write_errors_csv(plan: ImportPlan, path: Path | str) -> Path:
    """Write the rejected rows with their reasons, for fixing in Excel.

    UTF-8 with BOM (Excel opens it without garbling Chinese); the sheet's own columns,
    then 行号 (the row in the original sheet) and 问题. Written atomically.
    """
    path = Path(path)
    width = len(plan.headers)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gw-", suffix=".csv", dir=path.parent)
    except OSError as e:
        raise _errors_file_error(e, path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([*plan.headers, "行号", "问题"])
            for r in plan.rejected:
                cells = (r.cells + [""] * width)[:width]
                reasons = "；".join(f"{p.column}：{p.message}" for p in r.problems)
                w.writerow([*cells, r.row, reasons])
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise _errors_file_error(e, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _errors_file_error(e: OSError, path: Path) -> RosterError:
    """Names the file the person asked for, never our hidden temporary one."""
    why = file_problem(e, path.parent if e.errno == errno.ENOENT else path)
    if path.is_dir():
        why = msg("{path} 是一个文件夹，不是文件", path=path)
    return RosterError(msg("问题行文件 {path} 没有写成：{why}。", path=path, why=why))
