"""The window fits an ordinary laptop: 1280 wide by default, 1366×768, large text, English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from windows import OpenWindow, interface

from gridworker.demo import build_demo
from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    with Store.open(path) as store:
        build_demo(store, households=70, seed=5, role="office", user="王主任")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(params=["worker", "office"])
def db(request: pytest.FixtureRequest, tmp_path: Path, demo_db: Path) -> Path:
    if request.param == "worker":
        return demo_db
    template: Path = request.getfixturevalue("office_template")
    path = tmp_path / "office.sqlite3"
    path.write_bytes(template.read_bytes())
    return path


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    with interface(language=request.param):
        yield request.param


@pytest.fixture(params=["normal", "large"])
def text_size(request: pytest.FixtureRequest) -> Iterator[str]:
    with interface(text_size=request.param):
        yield request.param


@pytest.mark.usefixtures("language", "text_size")
def test_the_roster_fits_a_1280_window_without_sideways_scrolling(
    qtbot: QtBot, open_window: OpenWindow, db: Path
) -> None:
    win = open_window(db)
    try:
        assert win.minimumSizeHint().width() <= 1280  # nothing forces the window wider
        win.showNormal()
        win.resize(1280, 800)
        win.show_screen("roster")
        table = win.roster.table
        qtbot.waitUntil(lambda: win.width() == 1280, timeout=5_000)
        qtbot.wait(50)
        header = table.horizontalHeader()
        used = sum(header.sectionSize(c) for c in range(header.count()))
        assert used <= table.viewport().width()
        assert not table.horizontalScrollBar().isVisible()
        # the name and the ID number are never squeezed below their content
        fm = table.fontMetrics()
        assert header.sectionSize(0) >= fm.horizontalAdvance("欧阳小明")
        assert header.sectionSize(3) >= fm.horizontalAdvance("510104********123X")
        # the status bar's parts all stay inside the window
        for label in (win.install_label, win.sync_label, win.counts_label):
            assert label.geometry().right() <= win.statusBar().width()
    finally:
        win.close()


def test_columns_refit_when_the_window_narrows(qtbot: QtBot, window: MainWindow) -> None:
    window.showNormal()
    window.resize(1600, 800)
    qtbot.wait(50)
    wide = window.roster.table.columnWidth(5)  # the address
    # between the columns' least and comfortable widths (both depend on the fonts installed)
    table = window.roster.table
    widths = {c: w for c, w in window.roster._widths.items() if not table.isColumnHidden(c)}
    comfortable = sum(w for w, _ in widths.values())
    least = sum(least for _, least in widths.values())
    frame = window.width() - window.roster.table.viewport().width()
    window.resize(frame + (comfortable + least) // 2, 800)
    qtbot.waitUntil(lambda: window.roster.table.columnWidth(5) < wide, timeout=5_000)
    header = window.roster.table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= window.roster.table.viewport().width()
    assert window.roster.table.model().data(
        window.roster.table.model().index(0, 5), Qt.ItemDataRole.ToolTipRole
    )  # the whole address stays readable in the tooltip
