"""Add/edit dialogs: inline ID checks block saving, duplicates are asked about, statuses."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from windows import DbCall

from gridworker.core.idcard import IdInfo, parse_id
from gridworker.store.roster import (
    HouseholdInput,
    ResidentInput,
    add_household,
    add_resident,
    get_household,
    household_members,
)
from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.household_dialog import HouseholdDialog
from gridworker.ui.roster.resident_dialog import ResidentDialog, StatusDialog


def _household(db: Path) -> str:
    return str(sqlite3.connect(db).execute("SELECT id FROM household LIMIT 1").fetchone()[0])


def _residents(db: Path) -> int:
    return int(sqlite3.connect(db).execute("SELECT count(*) FROM resident").fetchone()[0])


def _open_dialog(
    qtbot: QtBot, window: MainWindow, household_id: str, values: Any = None
) -> ResidentDialog:
    d = ResidentDialog(window.runner, household_id, values, window)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, demo_db: Path) -> ResidentDialog:
    return _open_dialog(qtbot, window, _household(demo_db))


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


# -- the rules the dialogs keep ---------------------------------------------------------


def _family(store: Store, head_name: str | None = "张三") -> tuple[str, str | None]:
    """A new household, with a head living there unless ``head_name`` is None."""
    h = add_household(store, HouseholdInput(estate="规则小区", building="1栋", room="101"))
    head = None
    if head_name is not None:
        head = add_resident(store, h, ResidentInput(head_name, relation="本人"))
    return h, head


def _last_written(db_call: DbCall, record_id: str) -> dict[str, object]:
    """The fields of the record's latest operation: what the last save really wrote."""
    fields = db_call(
        lambda s: s.conn.execute(
            "SELECT fields FROM ops WHERE entity_id = ? ORDER BY hlc DESC LIMIT 1", (record_id,)
        ).fetchone()[0]
    )
    return dict(json.loads(fields))


def test_a_second_head_is_refused_with_a_sentence(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    h, _head = db_call(_family)
    d = _open_dialog(qtbot, window, h)
    d.name.setText("李四")
    d.relation.setCurrentIndex(d.relation.findData("本人"))
    qtbot.waitUntil(lambda: "张三" in d.relation_msg.text(), timeout=5_000)
    assert not d.save_button.isEnabled()
    assert "一户只能有一位户主" in d.relation_msg.text()
    d.save()  # refused: nothing is written
    qtbot.wait(200)
    heads = db_call(
        lambda s: [m["name"] for m in household_members(s, h) if m["relation"] == "本人"]
    )
    assert heads == ["张三"] and d.isVisible()
    d.relation.setCurrentIndex(d.relation.findData("配偶"))
    assert d.save_button.isEnabled()


def test_the_head_of_household_name_follows_its_head(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    h, _ = db_call(lambda s: _family(s, None))
    d = _open_dialog(qtbot, window, h)
    d.name.setText("王五")
    d.relation.setCurrentIndex(d.relation.findData("本人"))
    with qtbot.waitSignal(d.saved, timeout=5_000) as saved:
        d.save_button.click()
    assert db_call(lambda s: get_household(s, h))["head_name"] == "王五"

    values = db_call(lambda s: s.get("resident", saved.args[0]))
    d = _open_dialog(qtbot, window, h, {"id": saved.args[0], **values})
    d.name.setText("王五一")
    with qtbot.waitSignal(d.saved, timeout=5_000):
        d.save_button.click()
    assert db_call(lambda s: get_household(s, h))["head_name"] == "王五一"


def test_editing_only_the_phone_writes_only_the_phone(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    def make(store: Store) -> str:
        h, _ = _family(store, None)
        return add_resident(store, h, ResidentInput("赵六", relation="子"))  # no 人口类型

    rid = db_call(make)
    values = db_call(lambda s: s.get("resident", rid))
    assert values["population_type"] is None and values["ethnicity"] is None
    d = _open_dialog(qtbot, window, str(values["household_id"]), {"id": rid, **values})
    d.phone.setText("13800001234")
    with qtbot.waitSignal(d.saved, timeout=5_000):
        d.save_button.click()
    assert _last_written(db_call, rid) == {"phone": "13800001234"}


def test_a_typed_id_number_is_parsed_once(
    qtbot: QtBot, dialog: ResidentDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One keystroke, one parse: the check's result carries the birth date and sex the
    dialog shows, so nothing parses the number a second time."""
    calls: list[str] = []

    def counting(raw: str, **kw: Any) -> IdInfo:
        calls.append(raw)
        return parse_id(raw, **kw)

    for module in list(sys.modules.values()):
        if (module.__name__ or "").startswith("gridworker") and getattr(
            module, "parse_id", None
        ) is parse_id:
            monkeypatch.setattr(module, "parse_id", counting)
    dialog.name.setText("测试人")
    calls.clear()
    dialog.id_number.setText("11010519491231002X")
    assert calls == ["11010519491231002X"]
    assert "1949-12-31" in dialog.id_msg.text() and dialog.sex.currentData() == "女"


def test_the_household_form_shows_the_head_it_follows_and_writes_only_edits(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    h, _head = db_call(_family)
    d = HouseholdDialog(window.runner, window.identity, h, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.fields["room"].text() == "101", timeout=5_000)
    head = d.fields["head_name"]
    assert head.text() == "张三" and head.isReadOnly() and d.head_note.isVisible()
    d.fields["phone"].setText("13800001234")
    with qtbot.waitSignal(d.saved, timeout=5_000):
        d.save_button.click()
    assert _last_written(db_call, h) == {"phone": "13800001234"}


def test_one_of_two_heads_after_sync_can_still_have_the_phone_changed(
    qtbot: QtBot, window: MainWindow, db_call: DbCall
) -> None:
    def two_heads(store: Store) -> tuple[str, str]:
        h, _ = _family(store)  # 张三 is the head …
        second = store.create("resident", {"household_id": h, "name": "李四", "relation": "本人"})
        return h, second  # … and 李四 became one on another laptop at the same time

    h, second = db_call(two_heads)
    values = db_call(lambda s: s.get("resident", second))
    d = _open_dialog(qtbot, window, h, {"id": second, **values})
    qtbot.waitUntil(lambda: d._head is not None, timeout=5_000)  # the head has been read
    d.phone.setText("13800001234")
    assert d.save_button.isEnabled() and not d.relation_msg.isVisible()
    with qtbot.waitSignal(d.saved, timeout=5_000):
        d.save_button.click()
