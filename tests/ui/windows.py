"""Types the UI tests share with their fixtures (conftest.py holds the fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gridworker.store.store import Store
from gridworker.ui.main_window import MainWindow

OpenWindow = Callable[[Path], MainWindow]
"""The ``open_window`` fixture: the main window on a database, shown and loaded."""

DbCall = Callable[[Callable[[Store], Any]], Any]
"""The ``db_call`` fixture: runs a function on the window's database thread, waits."""
