"""今日工作, the visit form, 走访记录, 三色关爱 and the household page's visit and need tabs,
driven as a person would: on the demo database, in Chinese and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windows import DbCall, OpenWindow, interface

from gridworker.core.worklist import WorkItem
from gridworker.store import care, needs, visits
from gridworker.store.store import Store
from gridworker.store.worklist import worklist
from gridworker.ui.care.flag_dialog import FlagDialog
from gridworker.ui.main_window import MainWindow
from gridworker.ui.visits.need_dialogs import NeedDialog, NeedStepDialog
from gridworker.ui.visits.visit_dialog import VisitDialog

TODAY = date.today()


def _today(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.today.loaded, timeout=10_000):
        window.show_screen("today")
        window.today.reload()


def _open_form(qtbot: QtBot, window: MainWindow, row: int) -> VisitDialog:
    table = window.today.table
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = window.today.last_dialog
    assert isinstance(dialog, VisitDialog)
    qtbot.waitUntil(lambda: dialog.form is not None, timeout=10_000)
    return dialog


def test_the_work_list_shows_the_most_urgent_first_with_counts(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _today(qtbot, window)
    items: list[WorkItem] = db_call(lambda s: worklist(s, TODAY))
    model = window.today.model
    assert [r.item for r in model.rows] == items and items
    assert items[0].kind == "care_red_overdue"  # the demo leaves some red overdue
    counts = window.today.counts.text()
    assert "红色关爱逾期" in counts and f"全部\u00a0{len(items)}" in counts
    first = model.index(0, 3)
    assert "逾期" in str(model.data(first))
    # The counts narrow the list to one kind, and back.
    window.today.show_kind("care_red_overdue")
    assert {r.item.kind for r in model.rows} == {"care_red_overdue"}
    window.today.show_kind(None)
    assert len(model.rows) == len(items)


def test_the_date_picker_plans_another_day(qtbot: QtBot, window: MainWindow) -> None:
    _today(qtbot, window)
    now = len(window.today.model.rows)
    with qtbot.waitSignal(window.today.loaded, timeout=10_000):
        window.today.set_day(TODAY + timedelta(days=45))
    assert len(window.today.model.rows) > now  # more falls due by then
    assert not window.today._following_today
    with qtbot.waitSignal(window.today.loaded, timeout=10_000):
        window.today.go_today()
    assert len(window.today.model.rows) == now


def test_enter_opens_the_visit_form_and_ctrl_enter_records_it(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _today(qtbot, window)
    entry = window.today.model.rows[0]
    dialog = _open_form(qtbot, window, 0)
    assert dialog.household_id == entry.item.household_id
    assert dialog.method() == "入户" and dialog.purposes["关爱探访"].isChecked()
    assert all(box.isChecked() for box in dialog.met.values())  # every member living there
    assert entry.item.resident_id in dialog.met
    assert dialog.visitors.text() == window.identity.user
    dialog.situation.setPlainText("老人精神不错，血压正常。")  # (QTest cannot type Chinese)
    dialog.blood_pressure.setText("128/82")
    with qtbot.waitSignal(window.today.loaded, timeout=10_000):
        qtbot.keyClick(dialog.situation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    found = db_call(lambda s: visits.household_visits(s, entry.item.household_id))
    assert found[0].situation == "老人精神不错，血压正常。" and found[0].visited_on == TODAY
    # The resident's red entry left the list.
    still = [
        r.item for r in window.today.model.rows if r.item.resident_id == entry.item.resident_id
    ]
    assert all(i.kind not in ("care_red_overdue", "care_red_due") for i in still)


def test_the_form_refuses_bad_values_in_one_sentence_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _today(qtbot, window)
    dialog = _open_form(qtbot, window, 0)
    before = db_call(lambda s: s.conn.execute("SELECT count(*) FROM visit").fetchone()[0])
    dialog.blood_pressure.setText("80/120")
    dialog.save()
    assert "血压 80/120 不合常理" in dialog.message.text() and dialog.isVisible()
    dialog.blood_pressure.clear()
    for box in dialog.purposes.values():
        box.setChecked(False)
    dialog.save()  # refused by the store, on the database thread
    qtbot.waitUntil(lambda: "至少选一项走访事由" in dialog.message.text(), timeout=10_000)
    assert db_call(lambda s: s.conn.execute("SELECT count(*) FROM visit").fetchone()[0]) == before
    dialog.reject()


def test_nobody_home_meets_nobody_and_a_need_goes_with_the_visit(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _today(qtbot, window)
    dialog = _open_form(qtbot, window, 0)
    hid = dialog.household_id
    dialog.set_method("到访不遇")
    assert not any(box.isEnabled() for box in dialog.met.values())
    line = dialog.add_need("楼道灯坏了")
    line.category.setCurrentIndex(line.category.findData("物业维修"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    [v] = [r for r in db_call(lambda s: visits.household_visits(s, hid)) if r.id == saved.args[0]]
    assert v.method == "到访不遇"
    assert v.met == () and v.needs == 1
    rows = db_call(lambda s: needs.need_rows(s, household_id=hid))
    assert any(r.text == "楼道灯坏了" and r.category == "物业维修" for r in rows)


def test_a_need_past_its_deadline_opens_with_its_next_step(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _today(qtbot, window)
    rows = window.today.model.rows
    row = next(i for i, r in enumerate(rows) if r.item.kind == "need_overdue")
    nid = rows[row].item.record_id
    window.today.open_entry(row)
    dialog = window.today.last_dialog
    assert isinstance(dialog, NeedDialog)
    qtbot.waitUntil(lambda: dialog.row is not None, timeout=10_000)
    assert dialog.row is not None and dialog.row.status == "已上报"
    assert dialog.step_buttons["feedback"].isVisibleTo(dialog)
    assert not dialog.step_buttons["solve"].isVisibleTo(dialog)
    assert not dialog.step_buttons["revisit"].isVisibleTo(dialog)
    dialog.take_step("feedback")
    [step_dialog] = dialog.findChildren(NeedStepDialog)
    step_dialog.text.setText("已安排物业维修")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        step_dialog.save()
    assert dialog.row is not None and dialog.row.status == "已反馈"
    assert dialog.step_buttons["revisit"].isVisibleTo(dialog)
    row_now = db_call(lambda s: needs.need_row(s, nid))
    assert row_now.result == "已安排物业维修"


def test_the_care_list_hides_sensitive_details_until_asked(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    tab = window.care.flags
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        window.show_screen("care")
        tab.reload()
    flags = db_call(lambda s: care.flag_rows(s, s.identity.micro_grid_id))
    model = tab.model
    assert len(model.rows) == len(flags) > 0
    sensitive = next(
        i
        for i, r in enumerate(model.rows)
        if any(t in ("低保", "失能", "重病", "残疾人", "失智") for t in r.categories)
    )
    col = model.columns.index("categories")
    hidden = str(model.data(model.index(sensitive, col)))
    assert "低保" not in hidden and "重病" not in hidden and "另有" in hidden
    assert tab.table.isColumnHidden(model.columns.index("reason"))
    tab.sensitive.setChecked(True)
    shown = str(model.data(model.index(sensitive, col)))
    assert any(t in shown for t in ("低保", "失能", "重病", "残疾人", "失智"))
    assert not tab.table.isColumnHidden(model.columns.index("reason"))
    # Sorted by colour: red first.
    tab.table.sortByColumn(model.columns.index("colour"), Qt.SortOrder.AscendingOrder)
    first = tab.proxy.mapToSource(tab.proxy.index(0, 0)).row()
    assert model.rows[first].colour == "red"
    tab.colour.setCurrentIndex(tab.colour.findData("green"))
    assert tab.proxy.rowCount() == sum(1 for r in flags if r.colour == "green")


def test_a_flag_set_from_a_members_row_reaches_the_list(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    rid, name = db_call(
        lambda s: s.conn.execute(
            "SELECT r.id, r.name FROM resident r LEFT JOIN care_flag f ON f.resident_id = r.id "
            "WHERE f.id IS NULL AND r.status = '在住' ORDER BY r.id LIMIT 1"
        ).fetchone()
    )
    care = window.care  # made on first use: its first load comes before the flag
    with qtbot.waitSignal(care.flags.loaded, timeout=10_000):
        pass
    dialog = FlagDialog(window.runner, rid, window)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.open()
    assert name in dialog.heading.text() and dialog.colour() is None
    dialog.set_colour("yellow")
    dialog.reason.setText("独居，行动不便")
    dialog.categories["独居老人"].setChecked(True)
    assert dialog.review_on.date().toPython() == TODAY + timedelta(days=180)
    with qtbot.waitSignal(window.care.flags.loaded, timeout=10_000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [row] = [r for r in window.care.flags.model.rows if r.resident_id == rid]
    assert row.colour == "yellow" and "独居老人" in row.categories and row.due == TODAY


def test_the_household_page_lists_its_visits_and_needs(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    hid = db_call(
        lambda s: s.conn.execute(
            "SELECT household_id FROM need GROUP BY household_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    )
    page = window.roster.household_page
    with qtbot.waitSignal(page.needs_tab.counted, timeout=10_000):
        window.open_household(hid)
    visits_held = db_call(lambda s: visits.household_visits(s, hid))
    qtbot.waitUntil(
        lambda: page.visits_tab.list.topLevelItemCount() == len(visits_held), timeout=10_000
    )
    assert page.needs_tab.list.topLevelItemCount() >= 1
    assert f"{len(visits_held)}）" in page.tabs.tabText(page.tabs.indexOf(page.visits_tab))
    page.visits_tab.new_visit()
    assert isinstance(page.visits_tab.dialog, VisitDialog)
    assert page.visits_tab.dialog.household_id == hid
    page.visits_tab.dialog.reject()


def test_a_scanned_sheet_opens_the_visit_form_with_its_date(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    hid = db_call(lambda s: s.conn.execute("SELECT id FROM household LIMIT 1").fetchone()[0])
    printed = TODAY - timedelta(days=3)
    window.roster.open_paper_sheet(hid, printed)
    dialog = window.paper_visit_dialog
    assert dialog.household_id == hid
    assert dialog.day.date().toPython() == printed
    dialog.reject()


def test_the_visit_log_filters_and_shows_a_visit_whole(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    tab = window.visits.visits
    window.show_screen("visits")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.method.setCurrentIndex(tab.method.findData("到访不遇"))
    assert tab.rows and all(r.method == "到访不遇" for r in tab.rows)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.method.setCurrentIndex(0)
    qtbot.waitUntil(
        lambda: "走访情况" in tab.detail.toPlainText() or "住户" in tab.detail.toPlainText(),
        timeout=10_000,
    )
    needs_tab = window.visits.needs
    with qtbot.waitSignal(needs_tab.loaded, timeout=10_000):
        needs_tab.which.setCurrentIndex(needs_tab.which.findData("overdue"))
    assert all(r.steps.is_overdue(TODAY) for r in needs_tab.rows)


def test_the_month_tab_draws_its_bars(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.care.month
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        window.show_screen("care")
        window.care.tabs.setCurrentWidget(tab)
        tab.reload()
    assert tab.figures is not None and tab.figures.visits > 0
    assert [b.label for b in tab.coverage.bars] == ["红色", "黄色", "绿色"]
    assert tab.coverage.grab().width() > 0


def test_print_the_week_from_the_work_list(qtbot: QtBot, window: MainWindow) -> None:
    _today(qtbot, window)
    with qtbot.waitSignal(window.print_screen.pdf_ready, timeout=60_000) as ready:
        window.today.print_button.click()
    assert ready.args[0] >= 1
    assert window.current_screen() == "print"
    assert window.print_screen.request().kind == "worklist"


@pytest.fixture
def english_window(open_window: OpenWindow, demo_db: Path) -> Iterator[MainWindow]:
    with interface(language="en"):
        win = open_window(demo_db)
        yield win
        win.close()


def test_the_english_interface_names_kinds_methods_and_reasons_in_english(
    qtbot: QtBot, english_window: MainWindow
) -> None:
    window = english_window
    _today(qtbot, window)
    model = window.today.model
    assert model.data(model.index(0, 0)) == "Red care overdue"
    assert str(model.data(model.index(0, 3))).startswith("Red care: ")
    assert "Red\u00a0care\u00a0overdue" in window.today.counts.text()
    dialog = _open_form(qtbot, window, 0)
    assert dialog.methods["到访不遇"].text().endswith("Nobody home")
    assert dialog.purposes["关爱探访"].text() == "Care visit"
    dialog.blood_pressure.setText("80/120")
    dialog.save()
    assert dialog.message.text().startswith("Blood pressure 80/120 cannot be right")
    dialog.reject()
    QApplication.processEvents()


def test_the_store_refusal_reaches_the_form_in_the_interfaces_language(
    qtbot: QtBot, english_window: MainWindow
) -> None:
    window = english_window

    def kill(s: Store, _ctx: object) -> str:
        r = s.conn.execute("SELECT resident_id FROM care_flag LIMIT 1").fetchone()[0]
        s.update("resident", r, {"status": "死亡", "status_date": TODAY.isoformat()})
        return str(r)

    done: list[str] = []
    window.runner.run(kill, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    dialog = FlagDialog(window.runner, done[0], window)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.open()
    dialog.set_colour("red")
    dialog.reason.setText("x")
    dialog.save()
    qtbot.waitUntil(lambda: "no care colour can be set" in dialog.message.text(), timeout=10_000)


def test_the_english_interface_names_care_categories_in_english(
    qtbot: QtBot, english_window: MainWindow
) -> None:
    """Categories are the roster's vocabulary (独居老人 is stored): shown in English."""
    window = english_window
    tab = window.care.flags
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        window.show_screen("care")
        tab.reload()
    model = tab.model
    col = model.columns.index("categories")
    texts = [str(model.data(model.index(r, col))) for r in range(model.rowCount())]
    assert any("Elderly" in t for t in texts), texts[:5]
    assert not any(ch in "".join(texts) for ch in "独空老人"), texts[:5]
    dialog = FlagDialog(window.runner, model.rows[0].resident_id, window)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.open()
    assert dialog.categories["独居老人"].text() == "Elderly, living alone"
    dialog.reject()
    QApplication.processEvents()
