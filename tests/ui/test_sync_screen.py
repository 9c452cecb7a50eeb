"""The 同步 screen: export to a drive, import with a preview, the conflicts list."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.store.store import Store
from gridworker.sync import BundleError, ExportResult, export_bundle, import_bundles
from gridworker.ui.main_window import MainWindow
from gridworker.ui.sync import screen as sync_screen
from gridworker.ui.sync.views import PreviewItem


def _open_on_sync(qtbot: QtBot, open_window: OpenWindow, db: Path) -> MainWindow:
    win = open_window(db)
    with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
        win.show_screen("sync")
    return win


@pytest.fixture
def office_db(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    with Store.open(path) as s:
        s.init_installation("office", "致强社区", "王主任")
    return path


@pytest.fixture
def office(qtbot: QtBot, open_window: OpenWindow, office_db: Path) -> MainWindow:
    return _open_on_sync(qtbot, open_window, office_db)


def _count(db: Path, table: str) -> int:
    return int(sqlite3.connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _dump(db: Path) -> list[str]:
    return list(sqlite3.connect(db).iterdump())


def _export(qtbot: QtBot, win: MainWindow, folder: Path) -> ExportResult:
    screen = win.sync
    folder.mkdir(exist_ok=True)
    screen.add_folder(folder)
    with qtbot.waitSignal(screen.exported, timeout=10_000) as blocker:
        screen.export_button.click()
    result = blocker.args[0]
    assert isinstance(result, ExportResult)
    return result


def _a_stick(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """``stick`` is a removable drive (a USB stick), as the system would say."""
    monkeypatch.setattr(sync_screen, "on_removable_drive", lambda p: p == stick)


def test_export_writes_a_bundle_and_then_says_safe_to_remove(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(window.sync.refreshed, timeout=10_000):
        window.show_screen("sync")
    stick = tmp_path / "stick"
    _a_stick(monkeypatch, stick)
    assert "拔出" not in window.sync.export_result.text()
    result = _export(qtbot, window, stick)
    files = list(stick.glob("*.gwbundle.json"))
    assert files == [result.path]
    assert result.op_count == _count(window.db_path, "ops") > 0
    assert "可以安全拔出U盘" in window.sync.export_result.text()
    assert result.path.name in window.sync.export_result.text()
    # the history tab lists the bundle just sent
    qtbot.waitUntil(lambda: window.sync.history.rowCount() == 1, timeout=5_000)
    assert window.sync.history.item(0, 1).text() == "发出"


def test_a_failed_export_shows_its_sentence_and_never_safe_to_remove(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "U盘已满，数据包 x.gwbundle.json 没有写入；请删掉一些文件或换一个U盘。"

    def full(*_a: object, **_k: object) -> ExportResult:
        raise BundleError(sentence)

    monkeypatch.setattr(sync_screen, "export_bundle", full)
    window.show_screen("sync")
    window.sync.add_folder(tmp_path)
    with qtbot.waitSignal(window.sync.export_failed, timeout=10_000) as blocker:
        window.sync.export_button.click()
    assert blocker.args == [sentence]
    assert window.sync.export_result.text() == sentence
    assert "拔出" not in window.sync.export_result.text()
    assert window.sync.export_button.isEnabled()


def test_the_office_previews_then_imports_a_worker_bundle(
    qtbot: QtBot, window: MainWindow, office: MainWindow, office_db: Path, tmp_path: Path
) -> None:
    bundle = _export(qtbot, window, tmp_path / "stick").path
    screen = office.sync
    with qtbot.waitSignal(screen.previewed, timeout=10_000) as blocker:
        screen.preview_files([bundle.parent])  # office mode: the whole folder of the stick
    items: list[PreviewItem] = blocker.args[0]
    assert [(i.path, i.ok) for i in items] == [(bundle, True)]
    dialog = screen.preview_dialog
    assert dialog is not None
    assert "赵红" in dialog.text.toPlainText()
    assert "新增居民" in dialog.text.toPlainText()
    assert _count(office_db, "resident") == 0  # the preview wrote nothing
    with qtbot.waitSignal(screen.imported, timeout=10_000):
        dialog.import_button.click()
    residents = _count(window.db_path, "resident")
    assert _count(office_db, "resident") == residents > 0
    summary = screen.summary_dialog
    assert summary is not None
    text = summary.text.toPlainText()
    assert "赵红（第三微网格）" in text
    assert f"新修改 {_count(window.db_path, 'ops')} 条" in text
    assert f"新修改 {_count(window.db_path, 'ops')} 条" in screen.import_result.text()
    # the status tab now shows when 第三微网格 was last heard from, without a warning
    qtbot.waitUntil(lambda: screen.status_view.rowCount() == 1, timeout=5_000)
    assert screen.status_view.item(0, 0).text() == "第三微网格"
    assert screen.status_view.warned_rows() == []


def test_a_corrupt_bundle_shows_why_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, office: MainWindow, office_db: Path, tmp_path: Path
) -> None:
    good = _export(qtbot, window, tmp_path / "stick").path
    bad = tmp_path / "stick" / "坏的.gwbundle.json"
    bad.write_bytes(good.read_bytes()[:-200])  # truncated: the stick was pulled too early
    before = _dump(office_db)
    screen = office.sync
    with qtbot.waitSignal(screen.previewed, timeout=10_000) as blocker:
        screen.preview_files([bad])
    (item,) = blocker.args[0]
    assert not item.ok
    assert "坏的.gwbundle.json" in item.text
    dialog = screen.preview_dialog
    assert dialog is not None
    assert item.text in dialog.text.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    # importing it anyway is refused with the same sentence, and nothing is written
    with qtbot.waitSignal(screen.imported, timeout=10_000) as done:
        screen.import_files([bad])
    summary = done.args[0]
    assert not summary.ok
    assert [f.message for f in summary.refused] == [item.text]
    assert "1 个没有导入" in screen.import_result.text()
    assert screen.summary_dialog is not None
    assert item.text in screen.summary_dialog.text.toPlainText()
    assert _dump(office_db) == before


def _conflicted_office(tmp_path: Path, worker_db: Path, office_db: Path) -> tuple[str, str, str]:
    """Worker and office change the same phone number without seeing each other's edit."""
    with Store.open(worker_db) as worker, Store.open(office_db) as office:
        first = export_bundle(worker, tmp_path / "first.gwbundle.json")
        assert import_bundles(office, [first.path]).ok
        rid, name = worker.conn.execute("SELECT id, name FROM resident LIMIT 1").fetchone()
        office.update("resident", rid, {"phone": "13900000001"})
        worker.update("resident", rid, {"phone": "13900000002"})
        second = export_bundle(worker, tmp_path / "second.gwbundle.json")
        summary = import_bundles(office, [second.path])
        assert summary.ok and summary.files[0].conflicts == 1
    return str(rid), str(name), "13900000001"


def test_a_conflict_is_listed_and_resolving_it_removes_it(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path, office_db: Path, tmp_path: Path
) -> None:
    rid, name, _office_value = _conflicted_office(tmp_path, demo_db, office_db)
    win = _open_on_sync(qtbot, open_window, office_db)
    try:
        view = win.sync.conflicts
        assert view.table.rowCount() == 1
        assert name in view.table.item(0, 0).text()
        assert view.table.item(0, 1).text() == "联系电话"
        cells = view.table.item(0, 2).text() + view.table.item(0, 3).text()
        assert "13900000001" in cells and "13900000002" in cells
        assert win.sync.tabs.tabText(0) == "冲突 (1)"
        other = view.conflicts[0].other_value
        assert view.use_other.isEnabled()
        with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
            view.use_other.click()
        assert view.table.rowCount() == 0
        assert not view.use_other.isEnabled()
        assert win.sync.tabs.tabText(0) == "冲突"
        phone = sqlite3.connect(office_db).execute(
            "SELECT phone FROM resident WHERE id = ?", (rid,)
        )
        assert phone.fetchone()[0] == other
    finally:
        win.close()


def test_the_office_exports_every_micro_grid_at_once(
    qtbot: QtBot,
    open_window: OpenWindow,
    office_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store.open(office_db) as s:
        for name in ("第一微网格", "第二微网格"):
            s.ensure_micro_grid(name)
    win = _open_on_sync(qtbot, open_window, office_db)
    try:
        screen = win.sync
        names = [screen.micro_grid.itemText(i) for i in range(screen.micro_grid.count())]
        assert names[1:] == ["第一微网格", "第二微网格"]
        assert screen.micro_grid.currentData() == sync_screen.ALL_GRIDS
        stick = tmp_path / "stick"
        stick.mkdir()
        _a_stick(monkeypatch, stick)
        screen.add_folder(stick)
        with qtbot.waitSignal(screen.exported, timeout=10_000) as blocker:
            screen.export_button.click()
        results = blocker.args[0]
        assert sorted(r.micro_grid_name for r in results) == ["第一微网格", "第二微网格"]
        assert sorted(stick.iterdir()) == sorted(r.path for r in results)
        assert all("社区回传" in r.path.name for r in results)
        assert "可以安全拔出U盘" in screen.export_result.text()
    finally:
        win.close()


def test_usb_sticks_are_told_apart_from_system_folders() -> None:
    assert sync_screen.looks_removable("/media/zhaohong/KINGSTON")
    assert sync_screen.looks_removable("/run/media/zhaohong/U盘")
    assert not sync_screen.looks_removable("/")
    assert not sync_screen.looks_removable("/home/zhaohong")


def test_times_are_shown_as_friendly_local_time_never_raw_utc(
    qtbot: QtBot, window: MainWindow, office: MainWindow, tmp_path: Path
) -> None:
    result = _export(qtbot, window, tmp_path / "stick")
    # the status bar: "上次导出同步包 今天 14:05", not "2026-…T06:05:00Z"
    qtbot.waitUntil(lambda: "今天" in window.sync_label.text(), timeout=5_000)
    assert "T" not in window.sync_label.text() and "Z" not in window.sync_label.text()
    # the history of bundles sent (read when the screen is shown)
    window.show_screen("sync")
    qtbot.waitUntil(lambda: window.sync.history.rowCount() == 1, timeout=5_000)
    assert window.sync.history.item(0, 0).text().startswith("今天 ")
    assert window.sync.history.item(0, 2).text() == "网格员上报"
    # the office's preview of the bundle says when it was made, in local time
    with qtbot.waitSignal(office.sync.previewed, timeout=10_000):
        office.sync.preview_files([result.path])
    dialog = office.sync.preview_dialog
    assert dialog is not None
    text = dialog.text.toPlainText()
    assert "生成于 今天 " in text
    created = json.loads(result.path.read_text(encoding="utf-8"))["manifest"]["created"]
    assert created not in text and "Z" not in text.splitlines()[0]
    dialog.reject()


def test_resolving_a_conflict_says_what_was_kept(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path, office_db: Path, tmp_path: Path
) -> None:
    _rid, name, _office_value = _conflicted_office(tmp_path, demo_db, office_db)
    win = _open_on_sync(qtbot, open_window, office_db)
    try:
        view = win.sync.conflicts
        assert not view.feedback.isVisible()
        current = view.conflicts[0].current_value
        with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
            view.keep_current.click()
        said = view.feedback.text()
        assert view.feedback.isVisible()
        assert name in said and "联系电话" in said and str(current) in said
        assert "下一个数据包" in said
    finally:
        win.close()


def test_the_status_tab_says_in_plain_words_what_the_other_side_lacks(
    office: MainWindow,
) -> None:
    view = office.sync.status_view
    headers = [view.horizontalHeaderItem(c).text() for c in range(view.columnCount())]
    assert "网格员还没收到的修改" in headers
    assert not any("确认" in h for h in headers)
