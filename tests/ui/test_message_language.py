"""The lower layers' sentences (refused bundles, bad roster rows, bad ID numbers, history)
follow the interface's language: English when English is chosen, the same Chinese as the
command line otherwise."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from windows import OpenWindow, interface

from gridworker.core.idcard import IdError, parse_id
from gridworker.core.messages import message_of, msg
from gridworker.store.store import Store
from gridworker.sync import BundleError, export_bundle
from gridworker.sync.bundle import check_document, read_bundle
from gridworker.ui import preferences
from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.import_dialog import ImportDialog
from gridworker.ui.roster.resident_dialog import ResidentDialog
from gridworker.ui.wording import display
from gridworker.ui.worker import JobContext

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]")
BAD_ID = "110105194912310021"  # the check character should be X
CHECKSUM_ZH = "身份证号校验位错误：应为 X，实为 1"
CHECKSUM_EN = "The ID number's check digit is wrong: it should be X, not 1"


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[preferences.Language]:
    lang: preferences.Language = request.param
    with interface(language=lang):
        yield lang


@pytest.fixture
def win(language: preferences.Language, open_window: OpenWindow, demo_db: Path) -> MainWindow:
    return open_window(demo_db)


def test_a_refused_bundle_is_explained_in_the_interface_language(
    qtbot: QtBot,
    language: preferences.Language,
    open_window: OpenWindow,
    demo_db: Path,
    tmp_path: Path,
) -> None:
    office_db = tmp_path / "office.sqlite3"
    with Store.open(office_db) as s:
        s.init_installation("office", "致强社区", "王主任")
    with Store.open(demo_db) as worker:
        good = export_bundle(worker, tmp_path / "good.gwbundle.json").path
    text = good.read_text(encoding="utf-8")
    at = text.index('"name":"', text.index('"ops"')) + len('"name":"')
    bad = tmp_path / "坏的.gwbundle.json"
    bad.write_text(text[:at] + "改" + text[at:], encoding="utf-8")  # changed by hand
    with pytest.raises(BundleError) as refused:
        read_bundle(bad)
    chinese = str(refused.value)  # what the command line prints
    assert chinese == "数据包 坏的.gwbundle.json 的校验和不符，内容已损坏或被改动过，没有导入。"
    english = (
        "Bundle 坏的.gwbundle.json was not imported: its checksum does not match; "
        "the content is damaged or was changed."
    )
    expected = english if language == "en" else chinese

    office = open_window(office_db)
    try:
        with qtbot.waitSignal(office.sync.refreshed, timeout=10_000):
            office.show_screen("sync")
        screen = office.sync
        with qtbot.waitSignal(screen.previewed, timeout=10_000) as previewed:
            screen.preview_files([bad])
        (item,) = previewed.args[0]
        assert item.text == expected
        assert screen.preview_dialog is not None
        assert expected in screen.preview_dialog.text.toPlainText()
        screen.preview_dialog.reject()
        with qtbot.waitSignal(screen.imported, timeout=10_000) as imported:
            screen.import_files([bad])
        assert [f.message for f in imported.args[0].refused] == [chinese]  # data stays Chinese
        assert screen.summary_dialog is not None
        shown = screen.summary_dialog.text.toPlainText()
        assert expected in shown
        if language == "en":
            assert not CJK.search(shown.replace("坏的", ""))
    finally:
        office.close()


def test_a_bad_roster_row_is_explained_in_the_interface_language(
    qtbot: QtBot, win: MainWindow, language: preferences.Language, tmp_path: Path
) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_text(
        "小区,楼栋,单元,房号,姓名,身份证号,联系电话\n"
        f"导入小区,1栋,1单元,102,乙二,{BAD_ID},13800005678\n"
        "导入小区,1栋,1单元,103,丙三,,2345\n",
        encoding="utf-8-sig",
    )
    dialog = ImportDialog(win.runner, win.roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.plan_file(sheet)
    model = dialog.problems.model()
    rows = [tuple(model.data(model.index(r, c)) for c in range(3)) for r in range(model.rowCount())]
    if language == "en":
        assert rows == [
            ("2", "身份证号", CHECKSUM_EN),  # the column is the sheet's own header
            (
                "3",
                "联系电话",
                "The phone number has the wrong number of digits (4): 2345; a mobile "
                "number has 11 digits, a landline has an area code or 7–8 digits",
            ),
        ]
    else:
        assert rows == [
            ("2", "身份证号", CHECKSUM_ZH),
            (
                "3",
                "联系电话",
                "电话号码位数不对（实为4位）：2345；手机号应为11位，座机应带区号或为7–8位",
            ),
        ]


def test_a_bad_id_in_the_resident_dialog_is_explained_in_the_interface_language(
    qtbot: QtBot, win: MainWindow, language: preferences.Language, demo_db: Path
) -> None:
    household = str(sqlite3.connect(demo_db).execute("SELECT id FROM household").fetchone()[0])
    dialog = ResidentDialog(win.runner, household, None, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("测试人")
    dialog.id_number.setText(BAD_ID)
    assert not dialog.save_button.isEnabled()
    with pytest.raises(IdError) as e:
        parse_id(BAD_ID)
    assert str(e.value) == CHECKSUM_ZH
    assert dialog.id_msg.text() == (CHECKSUM_EN if language == "en" else CHECKSUM_ZH)


def test_the_change_history_reads_in_the_interface_language(
    qtbot: QtBot, win: MainWindow, language: preferences.Language
) -> None:
    with qtbot.waitSignal(win.roster.household_page.loaded, timeout=10_000):
        win.open_on("household")
    tree = win.roster.household_page.history_tree
    lines = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert lines
    if language == "en":
        assert all(line.startswith(("New ", "Changed ")) for line in lines), lines
        assert any("Name=" in line for line in lines)
    else:
        assert all(line.startswith(("新建", "修改")) for line in lines), lines
        assert any("姓名=" in line for line in lines)


def test_a_refused_spreadsheet_is_explained_in_the_interface_language(
    qtbot: QtBot, win: MainWindow, language: preferences.Language, tmp_path: Path
) -> None:
    old = tmp_path / "花名册.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    dialog = ImportDialog(win.runner, win.roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_with_error, timeout=10_000) as failed:
        dialog.plan_file(old)
    assert failed.args[0] == (
        "Old .xls files are not supported: save the file as .xlsx in Excel, then import it."
        if language == "en"
        else "不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 后再导入。"
    )


def test_a_likely_duplicate_is_asked_about_in_the_interface_language(
    qtbot: QtBot, win: MainWindow, language: preferences.Language, demo_db: Path
) -> None:
    conn = sqlite3.connect(demo_db)
    household = str(conn.execute("SELECT id FROM household").fetchone()[0])
    name, id_number = conn.execute(
        "SELECT name, id_number FROM resident WHERE id_number IS NOT NULL ORDER BY id"
    ).fetchone()
    dialog = ResidentDialog(win.runner, household, None, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("另一个人")
    dialog.id_number.setText(id_number)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.duplicate_box is not None, timeout=5_000)
    assert dialog.duplicate_box is not None
    first = dialog.duplicate_box.text().split("\n")[0]
    if language == "en":
        assert (
            first == f"The roster already has what may be the same person: {name} (same ID number)."
        )
    else:
        assert first == f"花名册中已有疑似同一人：{name}（身份证号相同）。"
    dialog.duplicate_box.close()


def test_progress_from_the_lower_layers_is_reported_in_the_interface_language(
    language: preferences.Language,
) -> None:
    reported: list[str] = []
    ctx = JobContext(1, threading.Event(), lambda _id, _done, _total, text: reported.append(text))
    ctx.report(0, 1, msg("正在写入 {file}…", file="甲.gwbundle.json"))
    ctx.report(1, 1, "plain text")
    first = "Writing 甲.gwbundle.json…" if language == "en" else "正在写入 甲.gwbundle.json…"
    assert reported == [first, "plain text"]


def test_a_bundle_breaking_the_format_says_where_and_why_in_the_interface_language(
    language: preferences.Language,
) -> None:
    doc = {"manifest": {"format": "gridworker-bundle", "format_version": 1}, "ops": []}
    with pytest.raises(BundleError) as refused:
        check_document(Path("甲.gwbundle.json"), doc)
    assert str(refused.value) == (
        "数据包 甲.gwbundle.json 不符合数据包格式规范：manifest 缺少必填项 bundle_id，没有导入。"
    )
    assert display(message_of(refused.value)) == (
        "Bundle 甲.gwbundle.json was not imported: it does not follow the bundle format at "
        "manifest: the required item bundle_id is missing."
        if language == "en"
        else str(refused.value)
    )
