"""The USB stick as a worker meets it: only a removable drive is "safe to remove", a stick
plugged in later is found when the screen shows or Ctrl+E is pressed, the message says
where the file went, and the bundle chooser shows who sent each bundle and when."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gridworker.store.store import Store
from gridworker.sync import ExportResult, export_bundle
from gridworker.sync.setup import init_from_bundle
from gridworker.ui.main_window import MainWindow
from gridworker.ui.sync import screen as sync_screen
from gridworker.ui.sync.picker import BundlePicker


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick, not yet plugged in: ``plug(stick)`` makes the system see it."""
    path = tmp_path / "KINGSTON"
    path.mkdir()
    monkeypatch.setattr(sync_screen, "removable_drives", lambda: [])
    monkeypatch.setattr(sync_screen, "on_removable_drive", lambda p: p == path or path in p.parents)
    return path


def _plug(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    drive = sync_screen.Drive(f"KINGSTON ({stick})", stick, True)
    monkeypatch.setattr(sync_screen, "removable_drives", lambda: [drive])


def _export(qtbot: QtBot, win: MainWindow) -> ExportResult:
    with qtbot.waitSignal(win.sync.exported, timeout=10_000) as done:
        win.export_bundle()  # Ctrl+E
    result = done.args[0]
    assert isinstance(result, ExportResult)
    return result


def _close_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w.metaObject().className() == "QMessageBox":
            w.close()


def test_a_folder_is_never_called_a_usb_drive(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, stick: Path
) -> None:
    folder = tmp_path / "文档"
    folder.mkdir()
    window.show_screen("sync")
    window.sync.add_folder(folder)
    result = _export(qtbot, window)
    said = window.sync.export_result.text()
    assert result.path.parent == folder
    assert "拔出" not in said
    assert str(folder) in said and result.path.name in said
    assert "不是U盘" in said
    _close_boxes()


def test_a_stick_gets_the_safe_to_remove_sentence(
    qtbot: QtBot, window: MainWindow, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plug(monkeypatch, stick)
    result = _export(qtbot, window)
    assert result.path.parent == stick
    said = window.sync.export_result.text()
    assert "可以安全拔出U盘" in said and "KINGSTON" in said
    _close_boxes()


def test_a_stick_plugged_in_later_is_found_by_ctrl_e(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "文档"
    folder.mkdir()
    window.show_screen("sync")
    window.sync.add_folder(folder)
    assert _export(qtbot, window).path.parent == folder
    _close_boxes()
    window.show_screen("roster")
    _plug(monkeypatch, stick)  # the worker plugs the stick in and presses Ctrl+E
    result = _export(qtbot, window)
    assert result.path.parent == stick
    assert "可以安全拔出U盘" in window.sync.export_result.text()
    _close_boxes()


def test_the_bundle_chooser_shows_who_sent_each_bundle_and_when(
    qtbot: QtBot, window: MainWindow, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plug(monkeypatch, stick)
    result = _export(qtbot, window)
    _close_boxes()
    (stick / "别的东西.gwbundle.json").write_text("不是数据包", encoding="utf-8")
    picker = BundlePicker(window.runner, stick, window)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.listed, timeout=10_000):
        picker.open()
    table = picker.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:3] == ["发送人", "类型", "微网格"] and "生成时间" in headers
    rows = {table.item(r, headers.index("文件")).text(): r for r in range(table.rowCount())}
    row = rows[result.path.name]
    assert table.item(row, 0).text() == "赵红"
    assert table.item(row, 1).text() == "网格员上报"
    assert table.item(row, headers.index("生成时间")).text().startswith("今天 ")
    assert table.item(rows["别的东西.gwbundle.json"], 0).text() == ""  # listed, unread
    # nothing is chosen until a row is: then the chosen files come back
    assert not picker.import_button.isEnabled()
    table.selectRow(row)
    with qtbot.waitSignal(picker.chosen, timeout=5_000) as chosen:
        picker.import_button.click()
    assert chosen.args[0] == [result.path]


def test_the_office_makes_a_set_up_bundle_for_a_new_laptop(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office_db = tmp_path / "office.sqlite3"
    with Store.open(office_db) as s:
        s.init_installation("office", "致强社区", "王主任")
        mg = s.ensure_micro_grid("第一微网格")
        s.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
    win = open_window(office_db)
    try:
        screen = win.sync
        with qtbot.waitSignal(screen.refreshed, timeout=10_000):
            win.show_screen("sync")
        _plug(monkeypatch, stick)
        # every micro-grid is chosen: a set-up bundle is for one laptop, so it asks which
        assert screen.micro_grid.currentData() == sync_screen.ALL_GRIDS
        screen.setup_button.click()
        assert "微网格" in screen.export_result.text() and not list(stick.iterdir())
        _close_boxes()
        screen.micro_grid.setCurrentIndex(screen.micro_grid.findData(mg))
        with qtbot.waitSignal(screen.exported, timeout=10_000) as done:
            screen.setup_button.click()
        result = done.args[0]
        assert result.kind == "setup" and result.path.parent == stick
        said = screen.export_result.text()
        assert "配置包" in said and "可以安全拔出U盘" in said
        _close_boxes()
    finally:
        win.close()
    laptop = tmp_path / "laptop.sqlite3"
    ident = init_from_bundle(laptop, result.path, "赵红")
    assert ident.micro_grid_id == mg and ident.role == "worker"


def test_the_first_run_dialog_lists_the_set_up_bundles_with_their_sender(
    qtbot: QtBot, tmp_path: Path
) -> None:
    office_db = tmp_path / "office.sqlite3"
    stick = tmp_path / "stick"
    stick.mkdir()
    with Store.open(office_db) as s:
        s.init_installation("office", "致强社区", "王主任")
        s.ensure_micro_grid("第一微网格")
        made = export_bundle(s, stick, micro_grid="第一微网格", setup=True)
    picker = BundlePicker(None, stick)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.listed, timeout=5_000):
        picker.open()
    assert picker.table.item(0, 0).text() == "王主任"
    assert picker.table.item(0, 1).text() == "配置包"
    assert picker.selected() == [made.path]  # the only one: already chosen
