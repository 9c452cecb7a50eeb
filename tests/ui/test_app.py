"""The window as a whole: language, text size, remembered choices, first run, models."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.roster.importer import RowProblem
from gridworker.store.store import Store
from gridworker.ui import preferences
from gridworker.ui.app import build_application
from gridworker.ui.i18n import QM_FILE, TS_FILE
from gridworker.ui.main_window import SCREENS, MainWindow
from gridworker.ui.roster.import_dialog import ProblemTableModel
from gridworker.ui.roster.model import PAGE, ResidentTableModel
from gridworker.ui.setup_dialog import SetupDialog


def _nav_texts(win: MainWindow) -> list[str]:
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def test_chinese_by_default_and_english_after_switching(
    window: MainWindow, open_window: OpenWindow, demo_db: Path
) -> None:
    assert _nav_texts(window) == [
        "今日工作",
        "居民花名册",
        "走访记录",
        "燃气安全",
        "三色关爱",
        "同步",
        "打印",
        "设置",
    ]
    assert "尚未同步" in window.sync_label.text()
    screen = window.settings_screen
    assert "立即" in screen.language_note.text()  # no restart needed (test_language_switch)
    screen.english.setChecked(True)
    assert preferences.language() == "en"
    window.close()  # before the window was redrawn: the next start is in English

    english = open_window(demo_db)  # the app started again
    try:
        assert _nav_texts(english)[1] == "Residents"
        assert english.roster.search.placeholderText().startswith("Search")
        assert english.sync_label.text() == "Not synced yet"
    finally:
        english.close()
        preferences.set_language("zh_CN")
        build_application()


def test_every_ui_string_has_a_chinese_translation() -> None:
    text = TS_FILE.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    # The compiled .qm must hold what the .ts says (content, not mtimes: a fresh clone
    # gives both files the checkout time).
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    stale = []
    empty = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = message.findall("translation/numerusform")
                if not forms or not all((f.text or "").strip() for f in forms):
                    empty.append((name, message.findtext("source")))
                continue
            source = message.findtext("source") or ""
            wanted = message.findtext("translation") or ""
            comment = message.findtext("comment")
            if translator.translate(name, source, comment) != wanted:
                stale.append((name, source))
    assert stale == [], "run: uv run python -m gridworker.ui.i18n build"
    assert empty == []  # a plural form left empty shows the English


def test_larger_text_applies_at_once(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.font().pointSize() == preferences.FONT_POINTS["normal"] >= 11
    window.settings_screen.large_text.setChecked(True)
    try:
        assert app.font().pointSize() == preferences.FONT_POINTS["large"] >= 14
        assert preferences.text_size() == "large"
    finally:
        window.settings_screen.normal_text.setChecked(True)
    assert app.font().pointSize() == preferences.FONT_POINTS["normal"]


def test_geometry_and_screen_are_remembered(
    qtbot: QtBot, window: MainWindow, open_window: OpenWindow, demo_db: Path
) -> None:
    window.showNormal()
    window.resize(window.minimumSizeHint().width() + 40, 520)
    qtbot.wait(50)
    size = window.size()
    window.show_screen("gas")
    window.close()
    again = open_window(demo_db)
    try:
        assert again.current_screen() == "gas"
        # the offscreen test screen is 800 px wide, so only the height is free to differ
        assert again.height() == size.height() != 800
    finally:
        again.close()


def test_shortcuts_reach_their_screens(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("today")
    window.find_action.trigger()
    assert window.current_screen() == "roster"
    window.export_bundle_action.trigger()
    assert window.current_screen() == "sync"
    window.print_action.trigger()
    assert window.current_screen() == "print"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.export_bundle_action.shortcut().toString() == "Ctrl+E"
    assert set(window.screens) == set(SCREENS)


def test_status_bar_shows_installation_and_counts(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: "户" in window.counts_label.text(), timeout=5_000)
    assert "网格员" in window.install_label.text()
    assert window.identity.community in window.install_label.text()
    assert "40 户" in window.counts_label.text()


def test_resident_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    model = ResidentTableModel(window.runner, parent=window)
    qtmodeltester.check(model)  # empty
    ids = window.roster.model.ids()
    with qtbot.waitSignal(model.page_loaded, timeout=5_000):
        model.set_ids(ids)
        model.data(model.index(0, 0))
    qtmodeltester.check(model)
    assert model.loaded_row(0) is not None
    # a row past the first page is fetched on demand only
    if len(ids) > PAGE:
        assert model.loaded_row(PAGE) is None


def test_problem_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ProblemTableModel(
        [RowProblem(3, "身份证号", "校验位错误"), RowProblem(9, "姓名", "空")]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0)) == "9"


def test_first_run_creates_a_worker_installation(qtbot: QtBot, tmp_path: Path) -> None:
    build_application()
    path = tmp_path / "mine.sqlite3"
    dialog = SetupDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled() is False
    dialog.community.setText("致强社区")
    dialog.user.setText("赵红")
    assert not dialog.ok.isEnabled()  # a worker needs a micro-grid
    dialog.micro_grid.setText("第三微网格")
    dialog.ok.click()
    assert dialog.db_path == path
    with Store.open(path) as store:
        assert store.identity.role == "worker"
        assert store.identity.user == "赵红"


class _Emitter(QObject):
    ping = Signal(int)


def test_emitting_many_signals_keeps_true_alive() -> None:
    e = _Emitter()
    e.ping.connect(lambda _n: None)
    before = sys.getrefcount(True)
    for i in range(2000):
        e.ping.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50


def test_the_demo_screens_are_the_side_bar_pages_and_the_household_page() -> None:
    from gridworker.commands.setup import START_SCREENS

    assert set(START_SCREENS) == {*SCREENS, "household"}


def test_opening_on_a_screen(qtbot: QtBot, window: MainWindow) -> None:
    window.open_on("sync")
    assert window.current_screen() == "sync"
    with qtbot.waitSignal(window.roster.household_page.loaded, timeout=10_000):
        window.open_on("household")
    assert window.current_screen() == "roster"
    assert window.roster.stack.currentWidget() is window.roster.household_page
    assert window.roster.household_page.view is not None


def test_a_closed_window_repaints_without_asking_the_stopped_database(
    window: MainWindow,
) -> None:
    model = window.roster.model
    window.close()  # stops the database thread
    model.set_ids(["0190aaaa-0000-7000-8000-000000000000"])
    assert model.data(model.index(0, 0)) == "…"  # a late repaint: no error, no job
