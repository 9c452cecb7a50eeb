"""Translations: UI strings are written in English and shown in Simplified Chinese by default.

Sources are ``resources/translations/gridworker_zh_CN.ts`` (edit with Qt Linguist or by
hand); the compiled ``.qm`` beside it is shipped. After changing UI strings run::

    uv run python -m gridworker.ui.i18n update   # pyside6-lupdate: new strings into the .ts
    uv run python -m gridworker.ui.i18n build    # pyside6-lrelease: .ts -> .qm
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "gridworker_zh_CN.ts"
QM_FILE = TRANSLATIONS / "gridworker_zh_CN.qm"
UI_DIR = Path(__file__).resolve().parent


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own Chinese catalogues unless English was chosen.

    Returns the installed translators (keep them alive as long as the app).
    """
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(QM_FILE)):
        app.installTranslator(ours)
        installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load("qtbase_zh_CN", qt_dir):  # standard buttons: 确定/取消…
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: run this inside the project's environment (uv run).")
    return found


def update() -> None:
    """Extract UI strings from gridworker/ui into the .ts (existing translations are kept)."""
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS_FILE)], check=True
    )


def build() -> None:
    """Compile the .ts into the .qm the app loads."""
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True)


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["build"]:
        build()
    else:
        print("usage: python -m gridworker.ui.i18n update|build", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
