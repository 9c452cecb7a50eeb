"""UI fixtures: a private settings file, a small demo database, a main window on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gridworker.demo import build_demo
from gridworker.store.store import Store
from gridworker.ui.app import build_application, open_main_window, read_identity
from gridworker.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own QSettings file, never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("GRIDWORKER_SETTINGS", str(path))
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 40-household worker demo, built once and copied per test."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with Store.open(path) as store:
        build_demo(store, households=40, seed=3)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(demo_template.read_bytes())
    return path


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path) -> Iterator[MainWindow]:
    """The main window on the demo database, with its first roster list loaded."""
    build_application()
    identity, mg = read_identity(demo_db)
    assert identity is not None
    win = open_main_window(demo_db, identity, mg)
    with qtbot.waitSignal(win.roster.ids_loaded, timeout=10_000):
        win.show()
    yield win
    win.close()


@pytest.fixture
def rows_loaded(qtbot: QtBot) -> Callable[[MainWindow], None]:
    """Waits until every listed row of a window's roster table has its data."""
    return lambda win: _wait_rows_loaded(qtbot, win)


def _wait_rows_loaded(qtbot: QtBot, win: MainWindow) -> None:
    model = win.roster.model

    def loaded() -> None:
        n = model.rowCount()
        for r in range(n):
            model.data(model.index(r, 0))  # requests the page if needed
        assert all(model.loaded_row(r) is not None for r in range(n))

    qtbot.waitUntil(loaded, timeout=10_000)
