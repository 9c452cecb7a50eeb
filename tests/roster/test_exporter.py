"""Exporting the roster and the template: same headers as the importer, IDs as text, round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rostersheets import HEADER, family_rows, x_id

from gridworker.roster.exporter import export_roster, write_template
from gridworker.roster.headers import export_columns, find_header
from gridworker.roster.importer import apply_import, plan_import
from gridworker.roster.sheets import read_csv
from gridworker.store.roster import RosterError
from gridworker.store.store import Store

Writer = Callable[..., Path]

PERSON_FIELDS = ("name", "id_number", "sex", "birth_date", "ethnicity", "phone", "relation",
                 "population_type", "status", "status_date", "tags", "notes")  # fmt: skip


def _people(store: Store) -> set[tuple[object, ...]]:
    """Residents with their address and micro-grid name, without device-made ids."""
    cols = ", ".join(f"r.{f}" for f in PERSON_FIELDS)
    return {
        tuple(r)
        for r in store.conn.execute(
            f"SELECT m.name, h.estate, h.building, h.unit, h.room, h.head_name, h.house_use, {cols} "
            "FROM resident r JOIN household h ON h.id = r.household_id "
            "JOIN micro_grid m ON m.id = h.micro_grid_id"
        )
    }


def _fill(store: Store, write_csv: Writer) -> None:
    rows = family_rows()
    rows[1][8] = x_id()
    rows[2][8] = ""  # a resident without an ID number
    plan = plan_import(store, write_csv(rows, name="seed.csv"))
    assert plan.problems == []
    apply_import(store, plan)


def _fresh(tmp_path: Path, name: str, role: str = "worker") -> Store:
    s = Store.open(tmp_path / name)
    if role == "worker":
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    else:
        s.init_installation("office", "致强社区", "王主任")
    return s


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_into_a_fresh_store_gives_the_same_residents(
    worker_store: Store, write_csv: Writer, tmp_path: Path, suffix: str
) -> None:
    _fill(worker_store, write_csv)
    out = tmp_path / f"export{suffix}"
    assert export_roster(worker_store, out).rows == 5
    fresh = _fresh(tmp_path, "fresh.sqlite3")
    try:
        plan = plan_import(fresh, out)
        assert plan.problems == [] and plan.new == 5
        apply_import(fresh, plan)
        assert _people(fresh) == _people(worker_store)
    finally:
        fresh.close()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_reimporting_an_export_changes_nothing(
    worker_store: Store, write_csv: Writer, tmp_path: Path, suffix: str
) -> None:
    _fill(worker_store, write_csv)
    out = tmp_path / f"export{suffix}"
    export_roster(worker_store, out)
    plan = plan_import(worker_store, out)
    assert (plan.new, plan.updated, plan.unchanged, plan.invalid) == (0, 0, 5, 0)
    assert apply_import(worker_store, plan).ops == 0


def test_office_export_names_the_micro_grid_and_round_trips(
    office_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    rows = [["第一微网格", *r] for r in family_rows()]
    rows[4][0] = "第二微网格"
    plan = plan_import(office_store, write_csv(rows, header=["微网格", *HEADER]))
    apply_import(office_store, plan)
    out = tmp_path / "office.xlsx"
    export_roster(office_store, out)
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A1"].value == "微网格"
    fresh = _fresh(tmp_path, "office2.sqlite3", role="office")
    try:
        apply_import(fresh, plan_import(fresh, out))
        assert _people(fresh) == _people(office_store)
    finally:
        fresh.close()


def test_xlsx_export_keeps_id_numbers_as_text(
    worker_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    _fill(worker_store, write_csv)
    out = tmp_path / "export.xlsx"
    export_roster(worker_store, out)
    ws = load_workbook(out).active
    assert ws is not None
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in export_columns(office=False)]
    col = headers.index("身份证号") + 1
    ids = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]
    filled = [c for c in ids if c.value is not None]
    assert len(filled) == 4
    for c in filled:
        assert isinstance(c.value, str) and len(c.value) == 18
        assert c.number_format == "@"
    assert ws.cell(row=1, column=1).font.b


def test_csv_export_has_a_bom_and_the_importer_headers(
    worker_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    _fill(worker_store, write_csv)
    out = tmp_path / "export.csv"
    export_roster(worker_store, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    sheet = read_csv(out)
    header = find_header(sheet.rows)
    assert header is not None and header.row == 1 and header.ignored == []


def test_export_replaces_atomically_and_leaves_no_temp_files(
    worker_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    _fill(worker_store, write_csv)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "roster.csv"
    out.write_text("old", encoding="utf-8")
    export_roster(worker_store, out)
    assert [p.name for p in folder.iterdir()] == ["roster.csv"]
    assert "姓名" in out.read_text(encoding="utf-8-sig")


def test_export_refuses_other_formats(worker_store: Store, tmp_path: Path) -> None:
    with pytest.raises(RosterError, match=r"\.xlsx"):
        export_roster(worker_store, tmp_path / "roster.pdf")


def test_template_has_headers_text_id_column_and_instructions(
    worker_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "template.xlsx"
    write_template(out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["花名册", "填写说明"]
    ws = wb["花名册"]
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in export_columns(office=False)]
    assert all(c.font.b for c in ws[1])
    id_letter = ws.cell(row=1, column=headers.index("身份证号") + 1).column_letter
    assert ws.column_dimensions[id_letter].number_format == "@"
    assert ws.column_dimensions[id_letter].width >= 20
    help_text = " ".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "在住" in help_text and "独居老人" in help_text
    # The empty template imports cleanly (nothing to do).
    plan = plan_import(worker_store, out)
    assert plan.problems == [] and plan.rows == 0


def test_office_template_has_the_micro_grid_column(tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    write_template(out, office=True)
    ws = load_workbook(out)["花名册"]
    assert ws["A1"].value == "微网格"


FORMULA_LIKE = ['=HYPERLINK("http://example.com","点我")', "=1+1", "@SUM(A1)", "-2+3"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_that_looks_like_a_formula_is_exported_as_text_and_round_trips(
    worker_store: Store, write_csv: Writer, tmp_path: Path, suffix: str
) -> None:
    """QA found: a note "=1+1" became a live formula in the .xlsx (formula injection), and
    re-importing it lost the note."""
    _fill(worker_store, write_csv)
    ids = [r[0] for r in worker_store.conn.execute("SELECT id FROM resident ORDER BY id")]
    for rid, note in zip(ids, FORMULA_LIKE, strict=False):
        worker_store.update("resident", rid, {"notes": note})
    out = tmp_path / f"export{suffix}"
    export_roster(worker_store, out)
    if suffix == ".xlsx":
        ws = load_workbook(out).worksheets[0]
        notes = [c for row in ws.iter_rows() for c in row if c.value in FORMULA_LIKE]
        assert len(notes) == len(FORMULA_LIKE)
        assert all(c.data_type == "s" for c in notes)
    else:
        text = out.read_text(encoding="utf-8-sig")
        assert "'=1+1" in text and "\n=1+1" not in text and ",=1+1" not in text
    plan = plan_import(worker_store, out)
    assert (plan.new, plan.updated, plan.unchanged, plan.invalid) == (0, 0, 5, 0)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_note_starting_with_an_apostrophe_round_trips(
    worker_store: Store, write_csv: Writer, tmp_path: Path, suffix: str
) -> None:
    _fill(worker_store, write_csv)
    rid = worker_store.conn.execute("SELECT id FROM resident ORDER BY id").fetchone()[0]
    worker_store.update("resident", rid, {"notes": "'88 年搬来"})
    out = tmp_path / f"export{suffix}"
    export_roster(worker_store, out)
    plan = plan_import(worker_store, out)
    assert (plan.updated, plan.unchanged, plan.invalid) == (0, 5, 0)
