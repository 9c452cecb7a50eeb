"""Stored vocabulary (男, 本人, 户籍, 在住, group tags) reads in the interface's language,
while what is stored stays Chinese; the relation list offers 儿媳, 女婿 and the other
detailed relations; an old 15-digit ID converts with one click."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from windows import OpenWindow, interface

from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.resident_dialog import ResidentDialog

Loaded = Callable[[MainWindow], None]


@pytest.fixture
def english() -> Iterator[None]:
    with interface(language="en"):
        yield


def _column(win: MainWindow, key: str) -> int:
    model = win.roster.model
    return [model.column_key(c) for c in range(model.columnCount())].index(key)


@pytest.mark.usefixtures("english")
def test_the_english_roster_shows_vocabulary_in_english(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path, rows_loaded: Loaded
) -> None:
    win = open_window(demo_db)
    try:
        rows_loaded(win)
        model = win.roster.model
        seen: dict[str, set[str]] = {}
        for key in ("sex", "relation", "population_type", "status", "tags"):
            col = _column(win, key)
            seen[key] = {
                str(model.data(model.index(r, col)) or "") for r in range(model.rowCount())
            }
        assert seen["sex"] <= {"M", "F", ""}
        assert "Head" in seen["relation"] and "本人" not in seen["relation"]
        assert "Registered" in seen["population_type"]
        assert seen["status"] == {"Living here"}
        assert not any("独居老人" in t or "高龄" in t for t in seen["tags"])
        tags = win.roster.tag_filter
        assert [tags.itemText(i) for i in range(1, 4)] == [
            "Elderly, living alone",
            "Elderly, empty nest",
            "Aged 80+",
        ]
        assert tags.itemData(1) == "独居老人"  # what the filter asks for stays stored
    finally:
        win.close()


def test_the_chinese_roster_shows_what_is_stored(
    qtbot: QtBot, window: MainWindow, rows_loaded: Loaded
) -> None:
    rows_loaded(window)
    model = window.roster.model
    col = _column(window, "relation")
    assert "本人" in {model.data(model.index(r, col)) for r in range(model.rowCount())}


def _household(db: Path) -> str:
    return str(sqlite3.connect(db).execute("SELECT id FROM household LIMIT 1").fetchone()[0])


@pytest.mark.usefixtures("english")
def test_the_english_form_names_words_in_english_and_stores_them_in_chinese(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path
) -> None:
    win = open_window(demo_db)
    try:
        d = ResidentDialog(win.runner, _household(demo_db), None, win)
        qtbot.addWidget(d)
        d.name.setText("王小红")
        rel = d.relation
        i = rel.findData("儿媳")
        assert rel.itemText(i).strip() == "Daughter-in-law"
        rel.setCurrentIndex(i)
        d.population_type.setCurrentIndex(d.population_type.findData("流动"))
        assert d.population_type.currentText() == "Migrant"
        d.ethnicity.setCurrentText("Hui")
        texts = {b.text(): tag for tag, b in d.tag_boxes.items()}
        assert texts["Left-behind child"] == "留守儿童"
        d.tag_boxes["留守儿童"].setChecked(True)
        with qtbot.waitSignal(d.saved, timeout=10_000) as saved:
            d.save_button.click()
        row = (
            sqlite3.connect(demo_db)
            .execute(
                "SELECT relation, population_type, ethnicity, tags FROM resident WHERE id = ?",
                (saved.args[0],),
            )
            .fetchone()
        )
        assert row == ("儿媳", "流动", "回族", '["留守儿童"]')
    finally:
        win.close()


def test_detailed_relations_are_offered_under_their_category(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    d = ResidentDialog(window.runner, _household(demo_db), None, window)
    qtbot.addWidget(d)
    words = [d.relation.itemData(i) for i in range(d.relation.count())]
    for w in ("儿媳", "女婿", "公公", "婆婆", "岳父", "岳母", "外祖母", "孙媳妇", "嫂", "侄子"):
        assert w in words
    assert words.index("女婿") == words.index("子") + 1
    assert d.relation.itemText(words.index("儿媳")).strip() == "儿媳"


def test_an_old_15_digit_id_converts_with_one_click(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    d = ResidentDialog(window.runner, _household(demo_db), None, window)
    qtbot.addWidget(d)
    d.show()
    d.name.setText("刘大勇")
    d.id_number.setText("110105491231002")
    d.name.setFocus()
    d.validate()
    assert not d.save_button.isEnabled()
    assert d.upgrade_id.isVisible() and "11010519491231002X" in d.upgrade_id.text()
    qtbot.mouseClick(d.upgrade_id, Qt.MouseButton.LeftButton)
    assert d.id_number.text() == "11010519491231002X"
    assert d.save_button.isEnabled() and not d.upgrade_id.isVisible()
