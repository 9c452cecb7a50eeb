"""The 疑似重复 tab of the 同步 screen: pairs listed beside the conflicts, merged by a click."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow


@pytest.fixture
def office_with_twins(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    with Store.open(path) as s:
        s.init_installation("office", "致强社区", "王主任")
        mg = s.ensure_micro_grid("第一微网格")
        for _ in range(2):  # as two laptops would have entered them
            h = s.create("household", {"micro_grid_id": mg, "estate": "致强小区", "room": "101"})
            s.create(
                "resident", {"household_id": h, "name": "张静华", "id_number": "110101195001010011"}
            )
    return path


def test_the_tab_lists_the_pairs_and_merges_the_chosen_one(
    qtbot: QtBot, open_window: OpenWindow, office_with_twins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    win: MainWindow = open_window(office_with_twins)
    win.show_screen("sync")
    tab = win.sync.duplicates
    qtbot.waitUntil(lambda: len(tab.pairs) == 2, timeout=10_000)
    assert "2" in win.sync.tabs.tabText(win.sync.tabs.indexOf(tab))
    assert {p.entity for p in tab.pairs} == {"household", "resident"}
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.table.selectRow([p.entity for p in tab.pairs].index("household"))
    tab.merge_button.click()
    qtbot.waitUntil(lambda: [p.entity for p in tab.pairs] == ["resident"], timeout=10_000)
    tab.merge_button.click()
    qtbot.waitUntil(lambda: tab.pairs == [] and tab.empty.isVisibleTo(tab), timeout=10_000)
