"""One "what changed" signal: every screen refreshes itself from the database thread.

No screen tells another to reload: a write anywhere (a dialog, a bundle, another program
writing to the file) reaches each screen as one ``changed`` signal it filters itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windows import DbCall, OpenWindow

from gridworker.cli import main as cli
from gridworker.core.idcard import make_id
from gridworker.store.changes import Changes
from gridworker.store.queries import status_figures
from gridworker.store.roster import ResidentInput, add_resident, update_resident
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles
from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.resident_dialog import ResidentDialog
from gridworker.ui.worker import DbRunner


def test_a_dialog_edit_refreshes_the_list_the_household_page_and_the_counts(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    with qtbot.waitSignal(window.roster.household_page.loaded, timeout=10_000):
        window.open_on("household")
    page = window.roster.household_page
    members = window.roster.household_page.members_model.rowCount()
    listed = window.roster.model.rowCount()
    qtbot.waitUntil(lambda: "户" in window.counts_label.text(), timeout=5_000)
    living = db_call(lambda s: status_figures(s, s.identity.micro_grid_id).counts.residents)

    d = ResidentDialog(window.runner, str(page.household_id), None, page)
    qtbot.addWidget(d)
    d.name.setText("新来的人")
    d.relation.setCurrentIndex(d.relation.findData("其他"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        d.save_button.click()
    assert page.members_model.rowCount() == members + 1
    qtbot.waitUntil(lambda: window.roster.model.rowCount() == listed + 1, timeout=5_000)
    qtbot.waitUntil(lambda: f"在住 {living + 1} 人" in window.counts_label.text(), timeout=5_000)


def test_a_new_screen_only_subscribes(qtbot: QtBot, window: MainWindow, db_call: DbCall) -> None:
    """Whatever writes, the signal carries the kinds and ids it touched, once per job."""
    seen: list[Changes] = []
    window.runner.changed.connect(seen.append)
    rid = db_call(lambda s: s.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0])
    db_call(lambda s: update_resident(s, rid, {"notes": "这一条改过"}))
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert [c.ids("resident") for c in seen] == [{rid}]
    assert not seen[0].touches("household") and not seen[0].conflicts
    db_call(lambda s: s.get("resident", rid))  # a read changes nothing: no signal
    assert len(seen) == 1


def test_the_signal_comes_after_the_jobs_own_callback(qtbot: QtBot, window: MainWindow) -> None:
    order: list[str] = []
    runner: DbRunner = window.runner
    runner.changed.connect(lambda _c: order.append("changed"))
    rid = window.roster.model.ids()[0]
    runner.run(
        lambda s, _ctx: update_resident(s, rid, {"notes": "顺序"}), lambda _r: order.append("done")
    )
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5_000)
    assert order == ["done", "changed"]


def test_a_bundle_import_refreshes_the_roster_and_the_conflicts(
    qtbot: QtBot, open_window: OpenWindow, demo_db: Path, tmp_path: Path
) -> None:
    office_db = tmp_path / "office.sqlite3"
    with Store.open(office_db) as office, Store.open(demo_db) as worker:
        office.init_installation("office", "致强社区", "王主任")
        first = export_bundle(worker, tmp_path / "first.gwbundle.json")
        assert import_bundles(office, [first.path]).ok
        rid = worker.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
        home = worker.conn.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
        office.update("resident", rid, {"phone": "13900000001"})
        worker.update("resident", rid, {"phone": "13900000002"})  # the same field: a conflict
        newcomer = add_resident(worker, home, ResidentInput("新搬来的", relation="其他"))
        second = export_bundle(worker, tmp_path / "second.gwbundle.json")

    win = open_window(office_db)
    with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
        win.show_screen("sync")
    assert win.sync.conflicts.table.rowCount() == 0
    assert newcomer not in win.roster.model.ids()
    with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
        win.sync.import_files([second.path])
    assert win.sync.conflicts.table.rowCount() == 1
    assert win.sync.history.rowCount() == 2
    qtbot.waitUntil(lambda: newcomer in win.roster.model.ids(), timeout=5_000)


def test_a_command_run_while_the_app_is_open_shows_when_it_is_activated(
    qtbot: QtBot, window: MainWindow, db_call: DbCall, demo_db: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "新来的.csv"
    number = make_id("510104", dt.date(1988, 8, 8), 31)
    sheet.write_text(
        f"小区,楼栋,单元,房号,姓名,与户主关系,身份证号\n命令小区,1栋,1单元,101,命令行,户主,{number}\n",
        encoding="utf-8",
    )
    listed = window.roster.model.rowCount()
    assert cli(["--db", str(demo_db), "roster", "import", str(sheet)]) == 0
    qtbot.wait(100)
    assert window.roster.model.rowCount() == listed  # not seen yet: nothing told the window

    with qtbot.waitSignal(window.roster.ids_loaded, timeout=5_000):
        window.runner.look_outside()  # what activating the window or a page does
    assert window.roster.model.rowCount() == listed + 1
    qtbot.waitUntil(lambda: "命令小区" in _estates(window), timeout=5_000)

    # The app's next own write continues after the command's numbering.
    rid = db_call(lambda s: s.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0])
    assert db_call(lambda s: update_resident(s, rid, {"notes": "命令之后"}))


def test_activating_the_window_or_a_page_looks_for_outside_writes(window: MainWindow) -> None:
    looks: list[str] = []
    window.runner.look_outside = lambda: looks.append("look")  # type: ignore[method-assign]
    window.show_screen("sync")
    window.show_screen("roster")
    assert looks == ["look", "look"]
    assert window.isActiveWindow()
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert looks == ["look", "look", "look"]


def _estates(win: MainWindow) -> list[str]:
    combo = win.roster.estate_filter
    return [combo.itemText(i) for i in range(combo.count())]
