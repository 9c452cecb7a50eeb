"""Registering a household and its people as a worker does it: the new head is prefilled,
the header follows the head's corrected phone, and the history names whose record changed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windows import DbCall

from gridworker.store.roster import household_head, update_resident
from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.household_dialog import HouseholdDialog
from gridworker.ui.roster.household_page import HouseholdPage
from gridworker.ui.roster.resident_dialog import ResidentDialog


def _open(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.roster.household_page.loaded, timeout=10_000):
        window.open_on("household")


def _settled(qtbot: QtBot, page: HouseholdPage) -> None:
    """The page as the database is now: a reload supersedes any still on its way."""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()


def _dialogs(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_a_new_household_prefills_its_own_head_not_the_one_opened_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(qtbot, window)  # a household is open: its head is the page's
    earlier = window.roster.household_page.fact_labels["head"].text()
    assert earlier
    window.roster.show_list()
    window.roster.new_item()
    qtbot.waitUntil(lambda: bool(_dialogs(HouseholdDialog)), timeout=5_000)
    hd = _dialogs(HouseholdDialog)[0]
    qtbot.waitUntil(lambda: hd.estate.count() > 0, timeout=5_000)
    hd.estate.setCurrentText("锦华苑")
    hd.fields["room"].setText("901")
    hd.fields["head_name"].setText("刘大勇")
    hd.save_button.click()
    qtbot.waitUntil(lambda: bool(_dialogs(ResidentDialog)), timeout=10_000)
    rd = _dialogs(ResidentDialog)[0]
    assert rd.name.text() == "刘大勇" != earlier
    assert rd.relation.currentData() == "本人"
    assert rd.household_id == window.roster.household_page.household_id
    rd.reject()


def test_the_header_follows_the_heads_corrected_phone(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _open(qtbot, window)
    page = window.roster.household_page
    hid = str(page.household_id)
    head = db_call(lambda s: household_head(s, hid))
    assert head is not None
    # the household's number is the head's, as in most rosters
    db_call(lambda s: s.update("household", hid, {"phone": "13800001111"}))
    db_call(lambda s: update_resident(s, head.id, {"phone": "13800001111"}))
    _settled(qtbot, page)
    assert page.fact_labels["phone"].text() == "13800001111"
    db_call(lambda s: update_resident(s, head.id, {"phone": "13912345678"}))
    _settled(qtbot, page)
    assert page.fact_labels["phone"].text() == "13912345678"
    # the household's own number, when it is not the head's, stays as it is
    db_call(lambda s: s.update("household", hid, {"phone": "02888886666"}))
    db_call(lambda s: update_resident(s, head.id, {"phone": "13700001234"}))
    _settled(qtbot, page)
    assert page.fact_labels["phone"].text() == "02888886666"


def test_the_history_says_whose_record_changed(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _open(qtbot, window)
    page = window.roster.household_page
    hid = str(page.household_id)
    head = db_call(lambda s: household_head(s, hid))
    assert head is not None
    db_call(lambda s: update_resident(s, head.id, {"phone": "13912345678"}))
    _settled(qtbot, page)
    lines = [page.history_tree.topLevelItem(i).text(2) for i in range(3)]
    mine = [t for t in lines if t.startswith(f"修改居民 {head.name}：联系电话 ")]
    assert mine and mine[0].endswith("→ 13912345678")


def test_the_new_household_form_does_not_jump_as_its_hints_come_and_go(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = HouseholdDialog(window.runner, window.identity, None, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.estate.count() > 0, timeout=5_000)
    tops = {k: e.geometry().top() for k, e in d.fields.items()}
    d.fields["phone"].setText("1380000")  # the phone's hint line appears
    assert d.phone_msg.isVisible()
    d.estate.setCurrentText("锦华苑")
    d.fields["room"].setText("901")  # the "please fill in" line goes
    d.fields["phone"].setText("13800001234")  # and the phone's goes too
    qtbot.wait(50)
    assert {k: e.geometry().top() for k, e in d.fields.items()} == tops


def test_the_window_title_leaves_the_app_name_to_the_system(window: MainWindow) -> None:
    """Qt adds the application's name to every window title: the window names its place."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.applicationDisplayName() == "网格员工作台"
    assert app.applicationDisplayName() not in window.windowTitle()
    assert window.windowTitle() == "致强社区 · 第三微网格"


def test_moving_out_records_where_to_and_why(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    from gridworker.ui.roster.resident_dialog import StatusDialog

    _open(qtbot, window)
    page = window.roster.household_page
    rid = page.members_model.ids()[-1]
    db_call(lambda s: update_resident(s, rid, {"notes": "腿脚不便"}))
    d = StatusDialog(window.runner, rid, "某人", "迁出", page)
    qtbot.addWidget(d)
    assert d.moved_to.isVisible() or not d.isVisible()
    d.moved_to.setText("成都市武侯区")
    d.reason.setCurrentText("投靠子女")
    with qtbot.waitSignal(d.saved, timeout=10_000):
        d.save()
    stored = db_call(lambda s: s.get("resident", rid))
    assert stored["status"] == "迁出"
    notes = str(stored["notes"])
    assert notes.startswith("腿脚不便\n")  # what was noted before stays
    assert "迁往成都市武侯区" in notes and "原因：投靠子女" in notes
    _settled(qtbot, page)
    assert "迁往成都市武侯区" in page.history_tree.topLevelItem(0).text(2)


def test_a_death_asks_no_destination(qtbot: QtBot, window: MainWindow) -> None:
    from gridworker.ui.roster.resident_dialog import StatusDialog

    d = StatusDialog(window.runner, "x", "某人", "死亡", window)
    qtbot.addWidget(d)
    d.show()
    assert not d.moved_to.isVisible() and not d.reason.isVisible()
