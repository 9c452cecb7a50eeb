"""The gas screen, the inspection form (keyboard only), the recheck form and the household
page's gas tabs, on the demo database."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from windows import DbCall

from gridworker.core.gas_rules import ABSENT, DONE, FIXED, HAZARD, OK, PENDING
from gridworker.store import gas, gas_queries
from gridworker.store.gas_queries import HazardFilter, InspectionFilter
from gridworker.store.store import Store
from gridworker.ui.gas.hazard_panel import RECHECK, StepDialog
from gridworker.ui.gas.inspection_form import InspectionDialog
from gridworker.ui.gas.screen import DUE, HAZARDS, INSPECTIONS, MONTH
from gridworker.ui.main_window import MainWindow


def _never_inspected(store: Store) -> str:
    [row] = [
        r
        for r in gas_queries.due_rows(store, date.today())
        if r.last_done is None and r.failed_on is None
    ][:1]
    return row.place.household_id


def _form(qtbot: QtBot, window: MainWindow, household_id: str) -> InspectionDialog:
    window.show_screen("gas")
    dialog = window.gas.inspect(household_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.form is not None, timeout=10_000)
    dialog.items.setFocus()
    return dialog


def _keys(qtbot: QtBot, dialog: InspectionDialog, keys: str) -> None:
    for k in keys:
        qtbot.keyClick(dialog.items, k)


def test_an_inspection_is_recorded_from_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    household = db_call(_never_inspected)
    dialog = _form(qtbot, window, household)
    codes = [r.item.code for r in dialog.rows]
    # 1 leak OK, 1 hose_type OK, 2 hose_state hazard, G graver, Enter: the note, Enter back.
    _keys(qtbot, dialog, "112")
    assert dialog.current == 2 and dialog.rows[2].answer() == HAZARD
    assert not dialog.stop_banner.isVisible() or dialog.stop_banner.isHidden()
    qtbot.keyClick(dialog.items, Qt.Key.Key_G)
    assert dialog.rows[2].grade() == "重大" and dialog.stop_banner.isVisibleTo(dialog)
    assert "关闭燃气阀门" in dialog.stop_banner.text()
    qtbot.keyClick(dialog.items, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.rows[2].note
    dialog.rows[2].note.insert("软管在卧室内")  # (Chinese comes from the input method)
    qtbot.keyClick(dialog.rows[2].note, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.items and dialog.current == 3
    _keys(qtbot, dialog, "3")  # stove: not applicable
    qtbot.keyClick(dialog.items, Qt.Key.Key_A)  # every other item OK
    assert all(r.answer() is not None for r in dialog.rows)
    # Ctrl+S: the stop-use warning first; nothing is written before the household was told.
    qtbot.keyClick(dialog.items, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.stop_box is not None, timeout=5_000)
    box = dialog.stop_box
    assert box is not None and "关闭燃气阀门" in box.informativeText()
    assert (
        db_call(lambda s: gas_queries.inspection_rows(s, InspectionFilter(household_id=household)))
        == []
    )
    told = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        told.click()
    inspection = saved.args[0].id  # type: ignore[index]
    detail = db_call(lambda s: gas_queries.inspection_detail(s, inspection))
    answers = {i.code: (i.answer, i.note, i.grade) for i in detail.items}
    assert answers[codes[2]] == (HAZARD, "软管在卧室内", "重大")
    assert answers[codes[3]][0] == "不适用" and answers[codes[0]][0] == OK
    assert detail.row.outcome == DONE and detail.row.inspector == window.identity.user


def test_saving_with_items_missing_says_which_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    household = db_call(_never_inspected)
    dialog = _form(qtbot, window, household)
    _keys(qtbot, dialog, "1111")
    qtbot.keyClick(dialog.items, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.isVisibleTo(dialog)
    assert "还缺 12 项" in dialog.error.text() and dialog.rows[4].item.label in dialog.error.text()
    assert dialog.current == 4  # the first missing item, marked
    assert dialog.stop_box is None
    assert (
        db_call(lambda s: gas_queries.inspection_rows(s, InspectionFilter(household_id=household)))
        == []
    )
    dialog.reject()


def test_nobody_home_is_one_key_and_a_save(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    household = db_call(_never_inspected)
    dialog = _form(qtbot, window, household)
    qtbot.keyClick(dialog.items, Qt.Key.Key_F3)
    assert dialog.outcome() == ABSENT and not dialog.item_scroll.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.items, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [row] = db_call(
        lambda s: gas_queries.inspection_rows(s, InspectionFilter(household_id=household))
    )
    assert row.outcome == ABSENT


def _hazards_listed(qtbot: QtBot, window: MainWindow) -> None:
    window.show_screen("gas")
    screen = window.gas
    if screen.tabs.currentIndex() != HAZARDS:
        with qtbot.waitSignal(screen.refreshed, timeout=10_000):
            screen.tabs.setCurrentIndex(HAZARDS)
    qtbot.waitUntil(lambda: screen.hazard_model.rowCount() > 0, timeout=10_000)


def test_the_recheck_form_from_the_list_with_keys(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _hazards_listed(qtbot, window)
    screen = window.gas
    pending = [i for i, z in enumerate(screen.hazard_model.rows) if z.status == PENDING]
    row = pending[0]
    hazard = screen.hazard_model.rows[row]
    with qtbot.waitSignal(screen.panel.loaded, timeout=10_000):
        screen.hazard_table.selectRow(row)
    qtbot.waitUntil(
        lambda: screen.panel.detail is not None and screen.panel.detail.row.id == hazard.id
    )
    screen.hazard_table.setFocus()
    qtbot.keyClick(screen.hazard_table, Qt.Key.Key_R)
    dialog = next(d for d in screen.panel.findChildren(StepDialog) if d.isVisible())
    assert dialog.action == RECHECK and dialog.focusWidget() is dialog.passed
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.still.isChecked() and dialog.new_deadline.isEnabled()
    expected = date.today() + timedelta(days=screen.panel.detail.grade_days or 7)  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    state = db_call(lambda s: gas.hazard_now(s, hazard.id))
    assert state.status == PENDING and state.deadline == expected and state.failed_rechecks >= 1


def test_counts_open_their_lists_and_every_tab_reads(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    _hazards_listed(qtbot, window)
    screen = window.gas
    qtbot.waitUntil(lambda: screen.counts is not None, timeout=10_000)
    counts = screen.counts
    assert counts is not None and counts.overdue > 0 and counts.due > 0
    assert str(counts.overdue) in screen.chips["overdue"].text()
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.chips["overdue"].click()
    assert screen.hazard_model.rowCount() == counts.overdue
    assert all(z.overdue_days > 0 for z in screen.hazard_model.rows)
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.chips["recheck"].click()
    assert all(z.status == FIXED for z in screen.hazard_model.rows)
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.chips["refused"].click()
    assert screen.hazard_model.rowCount() == counts.refused > 0  # the demo has a second notice
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.chips["due"].click()
    assert screen.tabs.currentIndex() == DUE and screen.due_model.rowCount() == counts.due
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.tabs.setCurrentIndex(INSPECTIONS)
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.period.setCurrentIndex(screen.period.findData("all"))
    done = db_call(lambda s: gas_queries.inspection_rows(s, InspectionFilter()))
    assert screen.inspection_model.rowCount() == len(done) > 0
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.tabs.setCurrentIndex(MONTH)
    assert screen.month_table.rowCount() == 1 and screen.chart.bars
    assert screen.month_table.item(0, 0).text() == window.micro_grid_name


def test_a_grade_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    _hazards_listed(qtbot, window)
    screen = window.gas
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.hazard_view.setCurrentIndex(screen.hazard_view.findData("all"))
    every = screen.hazard_model.rowCount()
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.grade.setCurrentIndex(screen.grade.findData("重大"))
    assert 0 < screen.hazard_model.rowCount() < every
    assert {z.grade for z in screen.hazard_model.rows} == {"重大"}


def test_print_notice_from_the_panel_goes_to_the_print_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    _hazards_listed(qtbot, window)
    screen = window.gas
    qtbot.waitUntil(lambda: screen.panel.detail is not None, timeout=10_000)
    with qtbot.waitSignal(window.print_screen.pdf_ready, timeout=30_000) as ready:
        screen.panel.notice_button.click()
    assert window.current_screen() == "print"
    assert window.print_screen.kind.currentData() == "notice" and ready.args == [1]


def test_the_household_page_shows_its_inspections_and_hazards(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    rows = db_call(lambda s: gas_queries.hazard_rows(s, HazardFilter(view="open"), date.today()))
    household = rows[0].place.household_id
    page = window.roster.household_page
    tabs = page.gas_tabs
    with qtbot.waitSignal(tabs.loaded, timeout=10_000):
        window.open_household(household)
    assert tabs.inspection_model.rowCount() >= 1
    assert tabs.hazard_model.rowCount() >= 1
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert any(t.startswith("燃气检查（") for t in titles) and any("未了结" in t for t in titles)
    qtbot.waitUntil(lambda: tabs.inspection_view.items.topLevelItemCount() >= 16, timeout=10_000)
    qtbot.waitUntil(lambda: tabs.panel.detail is not None, timeout=10_000)
    assert tabs.panel.history.topLevelItemCount() >= 1
    # A scanned paper sheet of this household offers its inspection, dated as the sheet.
    printed = date.today() - timedelta(days=2)
    window.roster.open_paper_sheet(household, printed)
    assert tabs.offer.isVisibleTo(page)
    opened: list[InspectionDialog] = []
    tabs.form_opened.connect(opened.append)
    tabs.offer_button.click()
    [dialog] = opened
    qtbot.addWidget(dialog)
    d = dialog.date.date()
    assert date(d.year(), d.month(), d.day()) == printed and dialog.household_id == household
    dialog.reject()
