"""UI fixtures: a private settings file, a small demo database, a main window on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from pytestqt.qtbot import QtBot

from gridworker.demo import build_demo
from gridworker.store.store import Store
from gridworker.ui.app import build_application, open_main_window, read_identity
from gridworker.ui.main_window import MainWindow

T = TypeVar("T")


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
def open_window(qtbot: QtBot) -> Iterator[Callable[[Path], MainWindow]]:
    """Opens the main window on a database as the app starts it (in the language and text
    size the settings hold), shown with its first roster list loaded; closed afterwards."""
    opened: list[MainWindow] = []

    def open_on(db: Path) -> MainWindow:
        build_application()
        identity, mg = read_identity(db)
        assert identity is not None
        win = open_main_window(db, identity, mg)
        opened.append(win)
        with qtbot.waitSignal(win.roster.ids_loaded, timeout=10_000):
            win.show()
        return win

    yield open_on
    for win in opened:
        while win.replaced_by is not None:  # redrawn in another language: the new one
            win = win.replaced_by
        if win.runner.running:
            win.close()


@pytest.fixture
def window(open_window: Callable[[Path], MainWindow], demo_db: Path) -> MainWindow:
    """The main window on the demo database, with its first roster list loaded."""
    return open_window(demo_db)


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


@pytest.fixture
def db_call(qtbot: QtBot, window: MainWindow) -> Callable[[Callable[[Store], T]], T]:
    """Runs ``fn(store)`` on the window's own database thread and waits for its result.

    Test data is written through the app's Store, as the screens write: a second Store
    on the same file would be another program writing behind the window's back."""

    def call(fn: Callable[[Store], T]) -> T:
        out: list[T] = []
        errors: list[str] = []
        window.runner.run(lambda store, _ctx: fn(store), out.append, errors.append)
        qtbot.waitUntil(lambda: bool(out or errors), timeout=10_000)
        assert not errors, errors
        return out[0]

    return call
