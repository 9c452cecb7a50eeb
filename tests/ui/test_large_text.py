"""Large text (大字) on a 1366×768 laptop: room numbers stay readable, column titles and
the status bar's counts are not cut, and switching the text size applies at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from windows import OpenWindow, interface

from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.delegates import ADDRESS_PARTS_ROLE
from gridworker.ui.widgets import ElidedLabel

Loaded = Callable[[MainWindow], None]


@pytest.fixture(params=["zh_CN", "en"])
def large(request: pytest.FixtureRequest) -> Iterator[str]:
    with interface(language=request.param, text_size="large"):
        yield request.param


def _laptop(qtbot: QtBot, win: MainWindow) -> None:
    win.showNormal()
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: win.width() == 1366, timeout=5_000)
    qtbot.wait(50)


def _shown_text(win: MainWindow, row: int, col: int) -> str:
    """The text the table paints in a cell (after the delegate shortened it)."""
    table = win.roster.table
    index = win.roster.model.index(row, col)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = table.visualRect(index)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    delegate = table.itemDelegateForColumn(col) or table.itemDelegate()
    delegate.initStyleOption(option, index)
    return option.text


@pytest.mark.usefixtures("large")
def test_addresses_keep_their_room_numbers(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path, rows_loaded: Loaded
) -> None:
    win = open_window(demo_db)
    try:
        _laptop(qtbot, win)
        rows_loaded(win)
        model = win.roster.model
        col = [model.column_key(c) for c in range(model.columnCount())].index("address")
        fm = win.roster.table.fontMetrics()
        # narrower than the addresses (how much room it has depends on the fonts)
        text = str(model.data(model.index(0, col)))
        win.roster.table.setColumnWidth(col, fm.horizontalAdvance(text[:-3]) + 10)
        width = win.roster.table.columnWidth(col)
        assert fm.horizontalAdvance(model.data(model.index(0, col))) > width  # it is short
        for r in range(min(model.rowCount(), 30)):
            estate, rest = model.data(model.index(r, col), ADDRESS_PARTS_ROLE)
            shown = _shown_text(win, r, col)
            assert shown.endswith(rest), (shown, rest)  # 1栋1单元101: never cut
            assert shown.startswith(estate[:1])  # the estate gives up its middle
            assert fm.horizontalAdvance(shown) <= width
    finally:
        win.close()


@pytest.mark.usefixtures("large")
def test_column_titles_and_the_counts_are_not_cut(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path
) -> None:
    win = open_window(demo_db)
    try:
        _laptop(qtbot, win)
        header = win.roster.table.horizontalHeader()
        fm = header.fontMetrics()
        model = win.roster.model
        for c in range(model.columnCount()):
            if win.roster.table.isColumnHidden(c):
                continue
            title = str(model.headerData(c, Qt.Orientation.Horizontal))
            assert fm.horizontalAdvance(title) + 8 <= header.sectionSize(c), title
        qtbot.waitUntil(lambda: bool(win.counts_label.text()), timeout=5_000)
        counts = win.counts_label
        assert not (isinstance(counts, ElidedLabel) and counts.is_elided())
        assert counts.fontMetrics().horizontalAdvance(counts.text()) <= counts.width()
        assert counts.geometry().right() <= win.statusBar().width()
    finally:
        win.close()


def test_large_text_applies_at_once_to_the_side_bar_and_titles(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.roster.household_page.loaded, timeout=10_000):
        window.open_on("household")
    nav_width = window.nav.width()
    item_height = window.nav.sizeHintForRow(0)
    title = window.roster.household_page.title
    title_size = title.font().pointSizeF()
    window.settings_screen.large_text.setChecked(True)
    try:
        QApplication.processEvents()
        qtbot.waitUntil(lambda: title.font().pointSizeF() > title_size, timeout=5_000)
        qtbot.waitUntil(lambda: window.nav.sizeHintForRow(0) > item_height, timeout=5_000)
        assert window.nav.width() >= nav_width
        fm = window.nav.fontMetrics()
        widest = max(fm.horizontalAdvance(window.nav.item(i).text()) for i in range(8))
        assert widest + 28 <= window.nav.width()  # the item's padding on both sides
    finally:
        window.settings_screen.normal_text.setChecked(True)


@pytest.mark.usefixtures("large")
def test_the_work_list_keeps_room_for_why_and_the_room_numbers(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path
) -> None:
    """The reason is what the worker reads first; the kind's long English name must not
    take its room, and an address shortened keeps its room number."""
    win = open_window(demo_db)
    try:
        _laptop(qtbot, win)
        win.show_screen("today")
        today = win.today
        qtbot.waitUntil(lambda: today.model.rowCount() > 5, timeout=10_000)
        qtbot.wait(50)
        table = today.table
        cols = list(today.model.COLUMNS)
        viewport = table.viewport().width()
        assert table.columnWidth(cols.index("reason")) >= viewport // 4
        header = table.horizontalHeader()
        fm = header.fontMetrics()
        for c, key in enumerate(cols):
            if key in ("reason", "kind", "address"):
                continue  # these give up room; their whole text is in the tooltip
            title = str(today.model.headerData(c, Qt.Orientation.Horizontal))
            assert fm.horizontalAdvance(title) + 8 <= header.sectionSize(c), title
        col = cols.index("address")
        for r in range(min(today.model.rowCount(), 20)):
            _estate, rest = today.model.data(today.model.index(r, col), ADDRESS_PARTS_ROLE)
            index = today.model.index(r, col)
            option = QStyleOptionViewItem()
            option.initFrom(table.viewport())
            option.rect = table.visualRect(index)
            option.font = table.font()
            option.fontMetrics = table.fontMetrics()
            delegate = table.itemDelegateForColumn(col) or table.itemDelegate()
            delegate.initStyleOption(option, index)
            assert option.text.endswith(rest), (option.text, rest, table.columnWidth(col), viewport)
    finally:
        win.close()


@pytest.mark.usefixtures("large")
def test_the_print_screen_shows_whole_document_names(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path
) -> None:
    """The document chooser is as wide as its longest name (English ones are long)."""
    win = open_window(demo_db)
    try:
        _laptop(qtbot, win)
        win.show_screen("print")
        qtbot.wait(50)
        kind = win.print_screen.kind
        fm = kind.fontMetrics()
        longest = max(fm.horizontalAdvance(kind.itemText(i)) for i in range(kind.count()))
        assert kind.width() >= longest + 16, (kind.width(), longest)
    finally:
        win.close()


def test_every_screens_title_follows_the_text_size_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Each side-bar screen's title grows when 大字 is switched on (they set a fixed font
    when made, so only a restart showed the new size)."""
    titles = {
        key: window.page(key).findChild(QLabel, "screenTitle")
        for key in ("today", "visits", "gas", "care", "print")
    }
    assert all(t is not None for t in titles.values()), titles
    before = {key: t.font().pointSizeF() for key, t in titles.items()}
    window.settings_screen.large_text.setChecked(True)
    try:
        QApplication.processEvents()
        qtbot.waitUntil(
            lambda: all(t.font().pointSizeF() > before[k] for k, t in titles.items()),
            timeout=5_000,
        )
    finally:
        window.settings_screen.normal_text.setChecked(True)
