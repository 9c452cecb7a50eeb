"""Importing a roster sheet from the UI: preview first; a bad row means nothing is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot
from windows import planned

from gridworker.ui.main_window import MainWindow
from gridworker.ui.roster.import_dialog import ImportDialog

GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # wrong check character


def _sheet(tmp_path: Path, second_id: str) -> Path:
    path = tmp_path / "名单.csv"
    path.write_text(
        "小区,楼栋,单元,房号,姓名,身份证号,联系电话\n"
        f"导入小区,1栋,1单元,101,甲一,{GOOD_ID},13800001234\n"
        f"导入小区,1栋,1单元,102,乙二,{second_id},13800005678\n",
        encoding="utf-8-sig",
    )
    return path


def _counts(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    return (
        conn.execute("SELECT count(*) FROM resident").fetchone()[0],
        conn.execute("SELECT count(*) FROM ops").fetchone()[0],
    )


def test_a_bad_row_is_shown_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow, demo_db: Path, tmp_path: Path
) -> None:
    before = _counts(demo_db)
    dialog = planned(qtbot, window, _sheet(tmp_path, BAD_ID))
    assert dialog.figure_labels["new"].text() == "1"
    assert dialog.figure_labels["invalid"].text() == "1"
    model = dialog.problems.model()
    assert model.rowCount() >= 1
    assert model.data(model.index(0, 0)) == "3"  # spreadsheet row of 乙二
    assert model.data(model.index(0, 1)) == "身份证号"
    assert "校验" in model.data(model.index(0, 2))
    assert not dialog.import_button.isEnabled()
    dialog.apply()
    qtbot.wait(300)
    assert _counts(demo_db) == before

    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert _counts(demo_db)[0] == before[0] + 1
    names = {r[0] for r in sqlite3.connect(demo_db).execute("SELECT name FROM resident")}
    assert "甲一" in names and "乙二" not in names


def test_a_clean_sheet_imports_after_confirming(
    qtbot: QtBot, window: MainWindow, demo_db: Path, tmp_path: Path
) -> None:
    before = _counts(demo_db)
    dialog = planned(qtbot, window, _sheet(tmp_path, "110105200001010016"))
    assert dialog.figure_labels["new"].text() == "2"
    assert not dialog.problems.isVisible()
    assert _counts(demo_db) == before  # the preview wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert _counts(demo_db)[0] == before[0] + 2


def test_an_unreadable_file_is_reported(
    qtbot: QtBot, window: MainWindow, demo_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("这不是花名册\n", encoding="utf-8")
    dialog = ImportDialog(window.runner, window.roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_with_error, timeout=10_000) as failed:
        dialog.plan_file(path)
    assert failed.args[0]
    assert dialog.plan is None


def test_a_family_whose_head_row_is_refused_is_shown_waiting_for_it(
    qtbot: QtBot, window: MainWindow, demo_db: Path, tmp_path: Path
) -> None:
    """Skipping the head's row (an old 15-digit ID) never attaches the family elsewhere."""
    conn = sqlite3.connect(demo_db)
    estate, building, unit, room = conn.execute(
        "SELECT estate, building, unit, room FROM household h WHERE EXISTS (SELECT 1 FROM "
        "resident r WHERE r.household_id = h.id AND r.relation = '本人') LIMIT 1"
    ).fetchone()
    path = tmp_path / "刘家.csv"
    path.write_text(
        "小区,楼栋,单元,房号,姓名,身份证号,与户主关系\n"
        f"{estate},{building},{unit},{room},刘大勇,110105491231002,本人\n"
        f"{estate},{building},{unit},{room},刘老汉,110105192001010019,父亲\n",
        encoding="utf-8-sig",
    )
    before = _counts(demo_db)
    dialog = planned(qtbot, window, path)
    assert dialog.figure_labels["invalid"].text() == "2"
    model = dialog.problems.model()
    waiting = model.data(model.index(1, 2))
    assert model.data(model.index(1, 0)) == "3" and "刘大勇（第 2 行）" in waiting
    dialog.skip_invalid.setChecked(True)
    assert not dialog.import_button.isEnabled()  # nothing is left to import
    assert _counts(demo_db) == before


def test_the_english_preview_of_a_csv_file_reads_as_english(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Problems start with a capital letter, and a CSV file is a file, not a "sheet"."""
    from windows import interface

    path = tmp_path / "a.csv"
    path.write_text(
        "小区,楼栋,单元,房号,姓名,身份证号\n锦华苑,1栋,1单元,101,,11010519491231002X\n",
        encoding="utf-8-sig",
    )
    with interface(language="en"):
        dialog = planned(qtbot, window, path)
        assert "sheet" not in dialog.file_label.text().lower()
        assert "a.csv" in dialog.file_label.text()
        model = dialog.problems.model()
        texts = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
        assert texts and all(t[:1].isupper() for t in texts), texts
        assert "sheet" not in dialog.message.text().lower()
