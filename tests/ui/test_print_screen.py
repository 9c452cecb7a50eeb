"""打印 in the app: preview, print (to a PDF printer), save; "print this"; scanned codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from gridworker.core.sheet_code import sheet_code
from gridworker.printing.fonts import candidate_files
from gridworker.store import print_data
from gridworker.store.print_data import SheetScope
from gridworker.store.store import Store
from gridworker.ui import preferences
from gridworker.ui.main_window import MainWindow
from gridworker.ui.printing.paper_sheet import PaperSheetDialog


def _households(db: Path) -> list[str]:
    with Store.open(db) as store:
        scope = SheetScope(micro_grid_id=store.identity.micro_grid_id)
        return print_data.sheet_household_ids(store, scope)


def test_preview_print_and_save_the_micro_grids_sheets(
    qtbot: QtBot, window: MainWindow, demo_db: Path, tmp_path: Path
) -> None:
    screen = window.print_screen
    window.show_screen("print")
    with qtbot.waitSignal(screen.pdf_ready, timeout=60_000) as ready:
        screen.make_preview()
    pages = ready.args[0]
    assert pages == len(_households(demo_db))
    assert screen.preview.pages() == pages
    qtbot.waitUntil(lambda: 0 in screen.preview.drawn_pages(), timeout=5_000)
    assert pages - 1 not in screen.preview.drawn_pages()  # pages out of view wait
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(2, 3)
    with qtbot.waitSignal(screen.printed, timeout=60_000) as printed:
        screen.print_to(printer)
    assert printed.args == [2]
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    target = tmp_path / "saved"
    with qtbot.waitSignal(screen.saved, timeout=10_000) as saved:
        screen.save_to(target)
    assert saved.args == [str(tmp_path / "saved.pdf")]
    assert len(PdfReader(tmp_path / "saved.pdf").pages) == pages
    folder = screen.folder
    assert any(folder.iterdir())
    window.close()  # the previewed file is closed and the temporary folder removed
    assert screen.preview.pages() == 0 and not folder.exists()


def test_print_this_household_from_its_page(qtbot: QtBot, window: MainWindow) -> None:
    roster = window.roster
    with qtbot.waitSignal(roster.household_page.loaded, timeout=10_000):
        window.open_on("household")
    with qtbot.waitSignal(window.print_screen.pdf_ready, timeout=30_000) as ready:
        roster.household_page.print_button.click()
    assert window.current_screen() == "print"
    assert ready.args == [1]
    assert window.print_screen.request().household_ids == (roster.household_page.household_id,)


def test_a_scanned_code_in_the_search_box_opens_the_household(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    hid = _households(demo_db)[5]
    roster = window.roster
    with (
        qtbot.waitSignal(roster.household_page.loaded, timeout=10_000),
        qtbot.waitSignal(roster.paper_sheet_opened, timeout=10_000) as opened,
    ):
        qtbot.keyClicks(roster.search, sheet_code(hid, date(2025, 6, 3)))
    assert opened.args == [hid, date(2025, 6, 3)]
    assert roster.stack.currentWidget() is roster.household_page
    assert roster.household_page.household_id == hid
    assert roster.search.text() == ""


def test_paper_sheet_dialog_finds_the_household_or_says_why_not(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    dialog = PaperSheetDialog(window.runner, window)
    qtbot.addWidget(dialog)
    dialog.code.setText("赵红")
    dialog.code.returnPressed.emit()
    assert "not the code" in dialog.problem.text() or "不是" in dialog.problem.text()
    dialog.code.setText(sheet_code("f" * 32, date(2025, 6, 3)))
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=5_000)
    hid = _households(demo_db)[0]
    with qtbot.waitSignal(dialog.sheet_found, timeout=5_000) as found:
        dialog.code.setText(sheet_code(hid, date(2025, 6, 3)))
    assert found.args[0] == hid


def test_settings_refuse_a_file_that_is_no_font(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bogus = tmp_path / "x.ttf"
    bogus.write_bytes(b"nope")
    window.settings_screen.set_print_font(bogus)
    assert preferences.print_font() is None
    wqy = next((p for p in candidate_files() if p.name == "wqy-microhei.ttc"), None)
    if wqy is None:
        pytest.skip("WenQuanYi Micro Hei is not installed")
    with qtbot.waitSignal(window.settings_screen.print_font_changed, timeout=5_000):
        window.settings_screen.set_print_font(wqy)
    assert preferences.print_font() == wqy
    qtbot.waitUntil(lambda: "WenQuanYi" in window.print_screen.font_label.text(), timeout=5_000)


def test_print_the_selected_rows_households(
    qtbot: QtBot, window: MainWindow, rows_loaded: Callable[[MainWindow], None]
) -> None:
    roster = window.roster
    rows_loaded(window)
    table = roster.table
    table.selectRow(0)
    table.selectionModel().select(
        roster.model.index(3, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    expected = list(
        dict.fromkeys(
            r.household_id for r in (roster.model.loaded_row(0), roster.model.loaded_row(3)) if r
        )
    )
    with qtbot.waitSignal(window.print_screen.pdf_ready, timeout=30_000) as ready:
        roster.print_selected()
    assert window.print_screen.request().household_ids == tuple(expected)
    assert ready.args == [len(expected)]
