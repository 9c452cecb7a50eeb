"""A note longer than an Excel cell holds: the export warns, the import never takes the cut
text as an edit (#10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.roster.exporter import EXCEL_CELL_LIMIT, export_roster
from gridworker.roster.importer import apply_import, plan_import
from gridworker.store.store import Store

LONG = ("入户走访记录：老人独居，子女在外地。" * 3000)[: EXCEL_CELL_LIMIT + 5000]


def _worker_with_a_long_note(store: Store) -> str:
    mg = store.identity.micro_grid_id
    h = store.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
    return store.create("resident", {"household_id": h, "name": "张静华", "notes": LONG})


def test_an_xlsx_export_says_which_texts_excel_cuts(worker_store: Store, tmp_path: Path) -> None:
    _worker_with_a_long_note(worker_store)
    done = export_roster(worker_store, tmp_path / "r.xlsx")
    assert done.rows == 1
    warning = done.warning()
    assert warning is not None
    assert "32767" in warning and "张静华（备注）" in warning
    assert export_roster(worker_store, tmp_path / "r.csv").warning() is None  # CSV holds it


def test_importing_the_cut_sheet_back_changes_nothing(worker_store: Store, tmp_path: Path) -> None:
    rid = _worker_with_a_long_note(worker_store)
    sheet = tmp_path / "r.xlsx"
    export_roster(worker_store, sheet)
    ops_before = worker_store.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    plan = plan_import(worker_store, sheet)
    assert (plan.updated, plan.unchanged) == (0, 1)
    apply_import(worker_store, plan)
    assert worker_store.conn.execute("SELECT count(*) FROM ops").fetchone()[0] == ops_before
    row = worker_store.get("resident", rid)
    assert row is not None and row["notes"] == LONG


def test_a_real_edit_of_a_long_note_still_counts(worker_store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rid = _worker_with_a_long_note(worker_store)
    sheet = tmp_path / "r.xlsx"
    export_roster(worker_store, sheet)
    wb = load_workbook(sheet)
    ws = wb.active
    assert ws is not None
    col = [c.value for c in ws[1]].index("备注") + 1
    ws.cell(row=2, column=col, value="已搬去女儿家住。")
    wb.save(sheet)
    apply_import(worker_store, plan_import(worker_store, sheet))
    row = worker_store.get("resident", rid)
    assert row is not None and row["notes"] == "已搬去女儿家住。"


def test_the_command_line_prints_the_warning(
    worker_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _worker_with_a_long_note(worker_store)
    assert worker_store.path is not None
    out = tmp_path / "r.xlsx"
    assert main(["--db", str(worker_store.path), "roster", "export", str(out)]) == 0
    captured = capsys.readouterr()
    assert "已导出 1 名居民" in captured.out
    assert "超过 Excel 每格" in captured.err
