"""The roster list tells a newcomer what it hides and what to do: a search the status
filter empties, an empty roster, the keyboard from the search box into the results."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow

Loaded = Callable[[MainWindow], None]


def _type(edit: QLineEdit, text: str) -> None:
    for ch in text:
        edit.insert(ch)


def _unique_name(db: Path, status: str) -> str:
    conn = sqlite3.connect(db)
    return str(
        conn.execute(
            "SELECT name FROM resident r WHERE status = ? AND NOT EXISTS (SELECT 1 FROM "
            "resident o WHERE o.name = r.name AND o.id != r.id) LIMIT 1",
            (status,),
        ).fetchone()[0]
    )


def test_a_search_the_status_filter_empties_says_who_it_hides(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    roster = window.roster
    name = _unique_name(demo_db, "迁出")
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        _type(roster.search, name)
    assert roster.model.rowCount() == 0
    qtbot.waitUntil(lambda: roster.hidden_hint.isVisible(), timeout=5_000)
    assert "1" in roster.hidden_hint.text() and "迁出" in roster.hidden_hint.text()
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.hidden_hint.click()  # show them
    assert roster.status_filter.currentData() is None
    assert roster.model.rowCount() == 1
    assert not roster.hidden_hint.isVisible()


def test_a_search_that_finds_everyone_shows_no_hint(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    roster = window.roster
    name = _unique_name(demo_db, "在住")
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        _type(roster.search, name)
    assert roster.model.rowCount() == 1
    assert not roster.hidden_hint.isVisible()


def test_down_and_enter_move_from_the_search_box_into_the_results(
    qtbot: QtBot, window: MainWindow, demo_db: Path, rows_loaded: Loaded
) -> None:
    roster = window.roster
    window.find_resident()
    name = _unique_name(demo_db, "在住")
    _type(roster.search, name)
    page = roster.household_page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(roster.search, Qt.Key.Key_Return)  # one match: its household opens
    assert roster.stack.currentWidget() is page

    window.find_resident()
    roster.search.clear()
    qtbot.waitUntil(lambda: roster.model.rowCount() > 1, timeout=5_000)
    qtbot.keyClick(roster.search, Qt.Key.Key_Down)
    assert roster.table.hasFocus()
    assert roster.table.currentIndex().row() == 0
    assert roster.table.selectionModel().isRowSelected(0)


def test_an_empty_roster_says_what_to_do_first(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    win = open_window(db)
    roster = win.roster
    assert roster.empty_state.isVisible() and not roster.table.isVisible()
    text = roster.empty_text.text()
    assert "导入" in text and "新建住户" in text
    assert roster.empty_import.isVisible() and roster.empty_new.isVisible()
    # a search or a filter that finds nobody is not an empty roster
    roster.status_filter.setCurrentIndex(roster.status_filter.findData("迁出"))
    qtbot.wait(300)
    assert roster.empty_state.isVisible()  # nobody at all yet, whatever the filter
    win.close()


def test_the_empty_state_leaves_once_someone_is_registered(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    with Store.open(db) as s:
        s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    win = open_window(db)
    roster = win.roster
    assert roster.empty_state.isVisible()
    from gridworker.store.roster import HouseholdInput, ResidentInput, add_household, add_resident

    def register(store: Store) -> None:
        hid = add_household(store, HouseholdInput(estate="锦华苑", room="101"))
        add_resident(store, hid, ResidentInput(name="刘大勇", relation="本人"))

    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        win.runner.run(lambda store, _ctx: register(store))
    qtbot.waitUntil(lambda: roster.table.isVisible(), timeout=5_000)
    assert not roster.empty_state.isVisible()
    win.close()


def test_the_status_column_shows_only_when_every_status_is_listed(
    qtbot: QtBot, window: MainWindow
) -> None:
    roster = window.roster
    col = roster.model.column_keys().index("status")
    assert roster.table.isColumnHidden(col)  # 在住 only: the filter says it
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.show_every_status()
    assert not roster.table.isColumnHidden(col)


def test_the_roster_export_can_be_limited_to_the_search_and_filters(
    qtbot: QtBot,
    window: MainWindow,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    roster = window.roster
    qtbot.waitUntil(lambda: roster.estate_filter.count() > 1, timeout=5_000)
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.estate_filter.setCurrentIndex(1)
    listed = roster.model.rowCount()
    everyone = sqlite3.connect(demo_db).execute("SELECT count(*) FROM resident").fetchone()[0]
    assert 0 < listed < everyone
    target = tmp_path / "部分.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    roster.export_roster()
    box = roster.export_choice
    assert box is not None and str(listed) in box.text()
    with qtbot.waitSignal(roster.roster_exported, timeout=10_000):
        roster.export_only_listed.click()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == listed
    # everyone, when the person says so
    with qtbot.waitSignal(roster.roster_exported, timeout=10_000):
        roster.export_roster()
        roster.export_everyone.click()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == everyone
