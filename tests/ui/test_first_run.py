"""First run of an installed copy: the data folder checked before anything is created, the
demo offered (and the only choice when nothing can be kept), set-up from the office's bundle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gridworker.cli import main
from gridworker.data_folder import data_folder_problem
from gridworker.store.store import Store
from gridworker.sync import export_bundle
from gridworker.ui import app as app_module
from gridworker.ui.app import app_icon, build_application
from gridworker.ui.setup_dialog import SetupDialog


def _unwritable(tmp_path: Path) -> Path:
    """A database path whose folder cannot be created (a file is in the way; works as root)."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    return blocker / "gridworker" / "gridworker.sqlite3"


def test_the_data_folder_is_created_and_checked(tmp_path: Path) -> None:
    db = tmp_path / "new" / "deeper" / "gridworker.sqlite3"
    assert data_folder_problem(db) is None
    assert db.parent.is_dir() and list(db.parent.iterdir()) == []  # the probe is gone
    problem = data_folder_problem(_unwritable(tmp_path))
    assert problem is not None
    assert problem.startswith(f"无法在 {tmp_path / 'data' / 'gridworker'} 保存数据")
    assert "GRIDWORKER_DB" in problem


def test_an_unwritable_data_folder_is_said_and_only_the_demo_offered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    build_application()
    db = _unwritable(tmp_path)
    problem = data_folder_problem(db)
    assert problem is not None
    dialog = SetupDialog(db, problem=problem)
    qtbot.addWidget(dialog)
    assert dialog.folder_problem.isVisibleTo(dialog)
    assert dialog.folder_problem.text().startswith("无法在")
    assert not any(b.isEnabled() for b in (dialog.worker, dialog.office, dialog.from_bundle))
    assert dialog.demo.isChecked() and dialog.ok.isEnabled()
    dialog.ok.click()
    assert dialog.db_path is not None and dialog.db_path.parent != db.parent
    with Store.open(dialog.db_path) as store:
        assert store.initialised


def test_the_demo_is_offered_on_a_normal_first_run(qtbot: QtBot, tmp_path: Path) -> None:
    build_application()
    dialog = SetupDialog(tmp_path / "gridworker.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.worker.isChecked()
    assert dialog.demo.isEnabled() and "示范" in dialog.demo.text()
    assert not dialog.folder_problem.isVisibleTo(dialog)


def test_a_new_laptop_is_set_up_from_the_offices_bundle(
    qtbot: QtBot, tmp_path: Path, office_store: Store
) -> None:
    office_store.ensure_micro_grid("第三微网格")
    setup = export_bundle(office_store, tmp_path / "stick", micro_grid="第三微网格", setup=True)
    build_application()
    db = tmp_path / "laptop" / "gridworker.sqlite3"
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.from_bundle.setChecked(True)
    assert not dialog.community.isVisibleTo(dialog) and dialog.bundle.isVisibleTo(dialog)
    assert not dialog.ok.isEnabled()
    dialog.bundle.setText(str(tmp_path / "nothing.gwbundle.json"))
    dialog.user.setText("赵红")
    dialog.ok.click()  # a file that is not there: said, nothing created
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text()
    assert not db.exists()
    dialog.bundle.setText(str(setup.path))
    dialog.ok.click()
    assert dialog.db_path == db
    with Store.open(db) as store:
        ident = store.identity
        assert (ident.role, ident.community, ident.user) == ("worker", "致强社区", "赵红")


def test_run_app_checks_the_folder_before_creating_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _unwritable(tmp_path)
    seen: list[str | None] = []

    def fake_exec(self: SetupDialog) -> int:
        seen.append(self.folder_problem.text() or None)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SetupDialog, "exec", fake_exec)
    assert app_module.run_app(db) == 0
    assert seen and seen[0] is not None and seen[0].startswith("无法在")


def test_an_existing_database_in_a_folder_it_cannot_write_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only data opens read-only (the store says why edits are refused), not refused."""
    db = tmp_path / "gridworker.sqlite3"
    with Store.open(db) as store:
        store.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    monkeypatch.setattr(app_module, "data_folder_problem", lambda p: "无法在 某处 保存数据：只读")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    opened: list[Path] = []

    class _Window:
        def show(self) -> None:
            pass

    def fake_open(path: Path, identity: object, mg: str) -> _Window:
        opened.append(path)
        return _Window()

    monkeypatch.setattr(app_module, "open_main_window", fake_open)
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    assert app_module.run_app(db) == 0
    assert opened == [db] and shown == []


def test_init_names_an_unwritable_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _unwritable(tmp_path)
    code = main(
        ["--db", str(db), "init", "--community", "致强社区", "--user", "王主任", "--role", "office"]
    )
    assert code == 1
    assert "无法在" in capsys.readouterr().err


def test_the_app_has_its_icon() -> None:
    build_application()
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_the_set_up_bundle_is_chosen_from_a_list_naming_its_sender(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gridworker.ui.sync import screen as sync_screen

    stick = tmp_path / "stick"
    stick.mkdir()
    with Store.open(tmp_path / "office.sqlite3") as s:
        s.init_installation("office", "致强社区", "王主任")
        s.ensure_micro_grid("第一微网格")
        made = export_bundle(s, stick, micro_grid="第一微网格", setup=True)
    drive = sync_screen.Drive("U盘", stick, True)
    monkeypatch.setattr("gridworker.ui.setup_dialog.removable_drives", lambda: [drive])
    dialog = SetupDialog(tmp_path / "new" / "gridworker.sqlite3")
    qtbot.addWidget(dialog)
    dialog.from_bundle.setChecked(True)
    dialog.choose_bundle.click()
    picker = dialog.picker
    qtbot.waitUntil(lambda: picker.table.rowCount() == 1, timeout=5_000)
    assert picker.table.item(0, 0).text() == "王主任"
    picker.import_button.click()
    assert dialog.bundle.text() == str(made.path)
