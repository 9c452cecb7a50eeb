"""The roster list: search narrows it, filters and sorting work, rows open the household."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.demo import build_demo
from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow

Loaded = Callable[[MainWindow], None]


def _type(edit: QLineEdit, text: str) -> None:
    """Type character by character (QTest cannot send Chinese key presses)."""
    for ch in text:
        edit.insert(ch)


def _names(win: MainWindow) -> list[str]:
    model = win.roster.model
    return [r.name for i in range(model.rowCount()) if (r := model.loaded_row(i)) is not None]


def test_search_narrows_the_table(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded, demo_db: Path
) -> None:
    roster = window.roster
    everyone = roster.model.rowCount()
    conn = sqlite3.connect(demo_db)
    living = conn.execute("SELECT count(*) FROM resident WHERE status = '在住'").fetchone()[0]
    assert everyone == living
    rows_loaded(window)
    target = _names(window)[5]

    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        _type(roster.search, target)
    rows_loaded(window)
    names = _names(window)
    assert 0 < len(names) < everyone
    assert target in names
    assert all(target in n for n in names)

    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.search.clear()
    assert roster.model.rowCount() == everyone


def test_search_waits_for_a_pause_in_typing(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    roster = window.roster
    calls: list[int] = []
    roster.ids_loaded.connect(calls.append)
    _type(roster.search, "王小")
    assert calls == []  # nothing queried while typing
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5_000)


def test_status_filter_lists_moved_out_people(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded, demo_db: Path
) -> None:
    roster = window.roster
    conn = sqlite3.connect(demo_db)
    moved = conn.execute("SELECT count(*) FROM resident WHERE status = '迁出'").fetchone()[0]
    assert moved > 0
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.status_filter.setCurrentIndex(roster.status_filter.findData("迁出"))
    assert roster.model.rowCount() == moved
    rows_loaded(window)
    model = roster.model
    assert {model.loaded_row(i).status for i in range(moved)} == {"迁出"}  # type: ignore[union-attr]


def test_estate_filter_and_building_choices(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    roster = window.roster
    qtbot.waitUntil(lambda: roster.estate_filter.count() > 1, timeout=5_000)
    estate = roster.estate_filter.itemData(1)
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.estate_filter.setCurrentIndex(1)
    rows_loaded(window)
    model = roster.model
    assert model.rowCount() > 0
    assert all(model.loaded_row(i).estate == estate for i in range(model.rowCount()))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: roster.building_filter.count() > 1, timeout=5_000)
    assert roster.building_filter.isEnabled()
    assert not roster.care_filter.isEnabled()
    assert roster.care_filter.toolTip()


def test_sorting_by_age_orders_birth_dates(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    roster = window.roster
    col = [roster.model.column_key(c) for c in range(roster.model.columnCount())].index("age")
    with qtbot.waitSignal(roster.ids_loaded, timeout=10_000):
        roster.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    rows_loaded(window)
    model = roster.model
    births = [model.loaded_row(i).birth_date for i in range(model.rowCount())]  # type: ignore[union-attr]
    births = [b for b in births if b]
    assert births == sorted(births)  # oldest first


def test_id_and_phone_are_masked_in_the_list(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    rows_loaded(window)
    model = window.roster.model
    keys = [model.column_key(c) for c in range(model.columnCount())]
    row = model.loaded_row(0)
    assert row is not None and row.id_number
    shown = model.data(model.index(0, keys.index("id_number")))
    assert shown != row.id_number and "*" in shown and shown[-4:] == row.id_number[-4:]


def test_double_click_opens_the_household_page(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    roster = window.roster
    rows_loaded(window)
    row = roster.model.loaded_row(0)
    assert row is not None
    page = roster.household_page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        roster._open_row(roster.model.index(0, 0))
    assert roster.stack.currentWidget() is page
    assert page.household_id == row.household_id
    assert row.address in page.title.text()
    assert row.id in page.members_model.ids()
    assert page.history_tree.topLevelItemCount() >= 1  # at least the creation of each record


def test_a_household_moved_to_another_micro_grid_leaves_the_workers_roster(
    open_window: OpenWindow, demo_db: Path
) -> None:
    """The office moved it away: it stays in the file, but the worker no longer lists it."""
    with Store.open(demo_db) as s:
        home, count = s.conn.execute(
            "SELECT household_id, count(*) FROM resident WHERE status = '在住' "
            "GROUP BY household_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        living = s.conn.execute("SELECT count(*) FROM resident WHERE status = '在住'").fetchone()[0]
        s.update("household", home, {"micro_grid_id": s.ensure_micro_grid("第九微网格")})
    win = open_window(demo_db)
    assert win.roster.model.rowCount() == living - count


def test_the_office_roster_says_which_micro_grid_each_resident_is_in(
    open_window: OpenWindow, tmp_path: Path, rows_loaded: Loaded
) -> None:
    db = tmp_path / "office.sqlite3"
    with Store.open(db) as s:
        build_demo(s, households=130, seed=5, role="office", user="王主任")
        grids = {r[0] for r in s.conn.execute("SELECT name FROM micro_grid")}
    win = open_window(db)
    try:
        model = win.roster.model
        titles = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        col = titles.index("微网格")
        rows_loaded(win)
        shown = {model.data(model.index(r, col)) for r in range(model.rowCount())}
        assert shown == grids and len(grids) > 1
    finally:
        win.close()
