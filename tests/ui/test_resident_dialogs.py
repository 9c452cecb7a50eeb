"""Add/edit dialogs: inline ID checks block saving, duplicates are asked about, statuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.household_dialog import HouseholdDialog
from gridworker.ui.roster.resident_dialog import ResidentDialog, StatusDialog


def _household(db: Path) -> str:
    return str(sqlite3.connect(db).execute("SELECT id FROM household LIMIT 1").fetchone()[0])


def _residents(db: Path) -> int:
    return int(sqlite3.connect(db).execute("SELECT count(*) FROM resident").fetchone()[0])


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, demo_db: Path) -> ResidentDialog:
    d = ResidentDialog(window.runner, _household(demo_db), None, window)
    qtbot.addWidget(d)
    d.show()
    return d


def test_bad_id_shows_its_error_and_blocks_saving(
    qtbot: QtBot, dialog: ResidentDialog, demo_db: Path
) -> None:
    dialog.name.setText("测试人")
    assert dialog.save_button.isEnabled()
    dialog.id_number.setText("110105194912310021")  # checksum should be X
    assert not dialog.save_button.isEnabled()
    assert dialog.id_msg.isVisible()
    assert "校验" in dialog.id_msg.text()
    before = _residents(demo_db)
    dialog.save()  # refused while the ID is wrong
    qtbot.wait(200)
    assert _residents(demo_db) == before and dialog.isVisible()

    dialog.id_number.setText("11010519491231002x")
    assert dialog.save_button.isEnabled()
    assert "1949-12-31" in dialog.id_msg.text() and "女" in dialog.id_msg.text()
    assert not dialog.sex.isEnabled() and dialog.sex.currentData() == "女"
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
        dialog.save_button.click()
    row = (
        sqlite3.connect(demo_db)
        .execute(
            "SELECT name, id_number, sex, birth_date FROM resident WHERE id = ?", (saved.args[0],)
        )
        .fetchone()
    )
    assert row == ("测试人", "11010519491231002X", "女", "1949-12-31")


def test_bad_phone_blocks_saving(dialog: ResidentDialog) -> None:
    dialog.name.setText("测试人")
    dialog.phone.setText("1380000")
    assert not dialog.save_button.isEnabled()
    assert dialog.phone_msg.isVisible() and dialog.phone_msg.text()
    dialog.phone.setText("13800001234")
    assert dialog.save_button.isEnabled() and not dialog.phone_msg.isVisible()


def test_likely_duplicate_is_asked_about_before_saving(
    qtbot: QtBot, dialog: ResidentDialog, demo_db: Path
) -> None:
    existing_id = (
        sqlite3.connect(demo_db)
        .execute("SELECT id_number FROM resident WHERE id_number IS NOT NULL LIMIT 1")
        .fetchone()[0]
    )
    before = _residents(demo_db)
    dialog.name.setText("另一个人")
    dialog.id_number.setText(existing_id)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.duplicate_box is not None, timeout=5_000)
    box = dialog.duplicate_box
    assert box is not None and "疑似" in box.text()
    assert _residents(demo_db) == before  # nothing written before the person decides
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        box.button(QMessageBox.StandardButton.Save).click()
    assert _residents(demo_db) == before + 1


def test_moving_out_is_a_status_with_a_date(
    qtbot: QtBot, window: MainWindow, demo_db: Path
) -> None:
    conn = sqlite3.connect(demo_db)
    rid, name = conn.execute(
        "SELECT id, name FROM resident WHERE status = '在住' LIMIT 1"
    ).fetchone()
    d = StatusDialog(window.runner, rid, name, "迁出", window)
    qtbot.addWidget(d)
    assert name in d.findChildren(type(d.message))[0].text()
    with qtbot.waitSignal(d.saved, timeout=5_000):
        d.save()
    status, date = conn.execute(
        "SELECT status, status_date FROM resident WHERE id = ?", (rid,)
    ).fetchone()
    assert status == "迁出" and date == d.date.date().toString("yyyy-MM-dd")


def test_new_household_then_first_member(qtbot: QtBot, window: MainWindow, demo_db: Path) -> None:
    d = HouseholdDialog(window.runner, window.identity, None, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.estate.count() > 0, timeout=5_000)
    assert not d.save_button.isEnabled()  # estate and room missing
    d.estate.setCurrentText("新建小区")
    d.fields["building"].setText("9栋")
    d.fields["room"].setText("901")
    d.fields["phone"].setText("12")
    assert not d.save_button.isEnabled() and d.phone_msg.isVisible()
    d.fields["phone"].setText("")
    assert d.save_button.isEnabled()
    with qtbot.waitSignal(d.saved, timeout=5_000) as saved:
        d.save_button.click()
    row = (
        sqlite3.connect(demo_db)
        .execute("SELECT estate, building, room FROM household WHERE id = ?", (saved.args[0],))
        .fetchone()
    )
    assert row == ("新建小区", "9栋", "901")


def test_member_born_before_id_cards_can_be_added_without_one(
    qtbot: QtBot, dialog: ResidentDialog, demo_db: Path
) -> None:
    dialog.name.setText("无证老人")
    dialog.birth_date.setText("1930-13-01")
    assert not dialog.save_button.isEnabled() and dialog.birth_msg.isVisible()
    dialog.birth_date.setText("1930-02-01")
    dialog.sex.setCurrentIndex(dialog.sex.findData("男"))
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
        dialog.save()
    row = (
        sqlite3.connect(demo_db)
        .execute("SELECT sex, birth_date, id_number FROM resident WHERE id = ?", (saved.args[0],))
        .fetchone()
    )
    assert row == ("男", "1930-02-01", None)
