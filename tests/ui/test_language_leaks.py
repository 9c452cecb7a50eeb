"""Every visible string is in the chosen language: no Chinese in the English interface and
no English in the Chinese one, apart from data (names, places) and a few loan words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from windows import OpenWindow

from gridworker.ui import preferences
from gridworker.ui.app import build_application
from gridworker.ui.main_window import SCREENS, MainWindow
from gridworker.ui.wording import device_fingerprint

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Words a Chinese interface uses as they are.
LOAN_WORDS = {"CSV", "Excel", "xlsx", "csv", "GridWorker", "English", "Ctrl", "Shift", "E", "F5"}
LOAN_WORDS |= {"PDF", "TrueType"}  # printing: the file format and the kind of font


def _texts(win: MainWindow) -> list[str]:
    """What a person can read: widget texts, titles, tabs, headers, menus, placeholders."""
    out = [win.nav.item(i).text() for i in range(win.nav.count())]
    for menu_action in win.menuBar().actions():
        out.append(menu_action.text())
        menu = menu_action.menu()
        if menu is not None:
            out.extend(a.text() for a in menu.actions() if not a.isSeparator())
    widgets: list[QWidget] = [win, *win.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLabel | QAbstractButton | QComboBox | QLineEdit):
            out.append(w.toolTip())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(min(w.count(), 5)))
        if isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out.extend(str(m.headerData(c, _horizontal()) or "") for c in range(m.columnCount()))
        if isinstance(w, QTreeWidget):
            h = w.headerItem()
            out.extend(h.text(c) for c in range(h.columnCount()))
    return [re.sub(r"<[^>]+>", " ", t) for t in out if t]  # rich text: the words only


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _data(win: MainWindow) -> list[str]:
    """Data that may appear in any language: the installation's names (stored vocabulary
    is shown in English in the English interface, so it is no exception)."""
    ident = win.identity
    return [
        ident.community,
        ident.user,
        win.micro_grid_name,
        ident.device_id,
        device_fingerprint(ident.device_id),  # hex letters ("ACD7-434C") are no words
        str(win.db_path),
        "简体中文",
        win.print_screen.font_family,  # the font's own name ("WenQuanYi Micro Hei")
    ]


def _strip_data(text: str, data: list[str]) -> str:
    for d in sorted((d for d in data if d), key=len, reverse=True):
        text = text.replace(d, "")
    return text


Opener = Callable[[preferences.Language], MainWindow]


@pytest.fixture
def opened(qtbot: QtBot, open_window: OpenWindow, demo_db: Path) -> Iterator[Opener]:
    def open_in(language: preferences.Language) -> MainWindow:
        preferences.set_language(language)
        return _open_everywhere(qtbot, open_window(demo_db))

    yield open_in
    preferences.set_language("zh_CN")
    build_application()


def _open_everywhere(qtbot: QtBot, win: MainWindow) -> MainWindow:
    with qtbot.waitSignal(win.sync.refreshed, timeout=10_000):
        win.show_screen("sync")
    for key in SCREENS:
        win.show_screen(key)
    with qtbot.waitSignal(win.roster.household_page.loaded, timeout=10_000):
        win.open_on("household")
    qtbot.waitUntil(lambda: "…" not in win.counts_label.text() and win.counts_label.text() != "")
    return win


def test_no_chinese_in_the_english_interface(opened: Opener) -> None:
    win = opened("en")
    try:
        data = _data(win)
        leaks = sorted(
            {t for t in _texts(win) if CJK.search(_strip_data(t, data))} - _known_data_texts(win)
        )
        assert leaks == [], "\n".join(leaks)
    finally:
        win.close()


def test_no_english_in_the_chinese_interface(opened: Opener) -> None:
    win = opened("zh_CN")
    try:
        leaks = sorted(
            t
            for t in set(_texts(win))
            if set(LATIN_WORD.findall(_strip_data(t, _data(win)))) - LOAN_WORDS
        )
        assert leaks == [], "\n".join(leaks)
    finally:
        win.close()


def _known_data_texts(win: MainWindow) -> set[str]:
    """Texts that are data by nature: the household page's facts and the filter choices
    filled from the roster (estates, buildings), and the window's database path."""
    page = win.roster.household_page
    out = {label.text() for label in page.fact_labels.values()}
    out.add(page.title.text())
    for combo in (win.roster.estate_filter, win.roster.building_filter):
        out.update(combo.itemText(i) for i in range(1, combo.count()))
    # The gas screen: place filters, and what a hazard or an inspection says (addresses,
    # checklist items and the inspector's notes, with the interface's words around them).
    gas = win.gas
    for combo in (gas.micro_grid, gas.estate, gas.building):
        out.update(combo.itemText(i) for i in range(1, combo.count()))
    for panel in (gas.panel, page.gas_tabs.panel):
        out.update(re.sub(r"<[^>]+>", " ", t) for t in (panel.heading.text(), panel.facts.text()))
    for view in (gas.inspection_view, page.gas_tabs.inspection_view):
        out.add(view.heading.text())
    return out


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_qts_own_dialogs_speak_chinese_in_the_chinese_interface(mode: str) -> None:
    """Qt's file dialog (as on Linux) and standard buttons, from Qt's own zh_CN catalogue
    and ours for the labels it lacks ("Look in:", "Files of type:")."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    build_application()
    d = QFileDialog(None, "选择")
    d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == "save":
        d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        d.setFileMode(QFileDialog.FileMode.Directory)
    texts = [w.text() for w in d.findChildren(QLabel)]
    texts += [b.text() for b in d.findChildren(QAbstractButton)]
    texts += [b.toolTip() for b in d.findChildren(QAbstractButton)]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    leaks = [t for t in texts if set(LATIN_WORD.findall(t)) - LOAN_WORDS]
    assert leaks == []
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert [b.text() for b in box.buttons()] == ["是(&Y)", "否(&N)"]
    d.deleteLater()
    box.deleteLater()
