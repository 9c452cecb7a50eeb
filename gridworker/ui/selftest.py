"""The Qt half of `gridworker --self-test` (gridworker/selftest.py): translations, main window.

Kept here because only gridworker/ui imports Qt. Each check raises with what is wrong, or
returns a few words on what it found.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication

from gridworker.ui.app import build_application, open_main_window, read_identity
from gridworker.ui.i18n import EN_QM_FILE, QM_FILE

WINDOW_TIMEOUT_MS = 20_000


def check_translations() -> str:
    """Both of our catalogues and Qt's own Chinese one load and hold translations."""
    build_application()
    catalogues = {"zh_CN": str(QM_FILE), "en": str(EN_QM_FILE)}
    for name, path in catalogues.items():
        t = QTranslator()
        if not t.load(path) or t.isEmpty():
            raise RuntimeError(f"the {name} translation {path} does not load")
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt.load("qtbase_zh_CN", qt_dir):  # 确定/取消 on standard buttons
        raise RuntimeError(f"Qt's qtbase_zh_CN translation is not in {qt_dir}")
    return "zh_CN, en, qtbase_zh_CN"


def check_main_window(db: Path, residents: int) -> str:
    """Open the main window on ``db``, wait for its roster to list ``residents``, close it."""
    app = build_application()
    identity, micro_grid_name = read_identity(db)
    if identity is None:
        raise RuntimeError(f"{db} is not set up")
    window = open_main_window(db, identity, micro_grid_name)
    try:
        loop = QEventLoop()
        window.roster.ids_loaded.connect(lambda _n: loop.quit())
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(WINDOW_TIMEOUT_MS)
        window.show()
        if timer.isActive():  # the list may already be there
            loop.exec()
        if not timer.isActive():
            raise RuntimeError(f"the roster did not load within {WINDOW_TIMEOUT_MS // 1000} s")
        timer.stop()
        listed = window.roster.model.rowCount()
        if listed != residents:
            raise RuntimeError(f"the roster lists {listed} residents, expected {residents}")
        if window.grab().isNull():
            raise RuntimeError("the window could not be drawn")
        screens = [window.nav.item(i).text() for i in range(window.nav.count())]
        if "花名册" not in "".join(screens):  # the Chinese interface is the default
            raise RuntimeError(f"the window is not in Chinese: {screens!r}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"{QGuiApplication.platformName()}, {listed} rows"
