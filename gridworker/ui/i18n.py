"""Translations: UI strings are written in English and shown in Simplified Chinese by default.

Two catalogues, both edited with Qt Linguist or by hand, compiled ``.qm`` files shipped:

* ``gridworker/resources/translations/gridworker_zh_CN.ts``: the interface's English ``tr()`` strings
  in Chinese (loaded unless English is chosen);
* ``gridworker/resources/translations/gridworker_en.ts``: the lower layers' Chinese sentences
  (``msg("…")`` templates, :mod:`gridworker.core.messages`) in English, context
  "Messages" (loaded only when English is chosen).

After changing UI strings or messages run::

    uv run python -m gridworker.ui.i18n update   # pyside6-lupdate: new strings into the .ts files
    uv run python -m gridworker.ui.i18n build    # pyside6-lrelease: .ts -> .qm

``update`` finds the ``msg()`` templates by reading the source (outside gridworker/ui) and
adds the new ones to ``gridworker_en.ts`` as unfinished, dropping those no longer used.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gridworker.resources import resource_path

TRANSLATIONS = resource_path("translations")
TS_FILE = TRANSLATIONS / "gridworker_zh_CN.ts"
QM_FILE = TRANSLATIONS / "gridworker_zh_CN.qm"
EN_TS_FILE = TRANSLATIONS / "gridworker_en.ts"
EN_QM_FILE = TRANSLATIONS / "gridworker_en.qm"
UI_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = UI_DIR.parent
MESSAGES_CONTEXT = "Messages"

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
"""Labels of Qt 6's own file dialog (shown on Linux) that Qt's qtbase_zh_CN catalogue
translates only in their older wording: translated in ours, which Qt also consults."""


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own Chinese catalogues unless English was chosen.

    Returns the installed translators (keep them alive as long as the app).
    """
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        messages = QTranslator(app)  # the lower layers' Chinese sentences in English
        if messages.load(str(EN_QM_FILE)):
            app.installTranslator(messages)
            return [messages]
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


def _msg_calls(tree: ast.AST) -> list[ast.Call]:
    def is_msg(f: ast.expr) -> bool:
        return (isinstance(f, ast.Name) and f.id == "msg") or (
            isinstance(f, ast.Attribute) and f.attr == "msg"
        )

    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and is_msg(n.func)]


def message_templates(root: Path = PACKAGE_DIR) -> dict[str, list[str]]:
    """Every ``msg("…")`` template in the package outside ui/, with where it is used.

    Raises ValueError for a ``msg()`` call whose template is not a string literal (it could
    not be collected, so it could not be translated).
    """
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if UI_DIR in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for call in _msg_calls(tree):
            where = f"{path.relative_to(root.parent).as_posix()}:{call.lineno}"
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                raise ValueError(f"{where}: msg() needs a string literal as its template")
            found.setdefault(first.value, []).append(where)
    return found


def update() -> None:
    """Extract UI strings from gridworker/ui into the zh_CN .ts and msg() templates into the
    en .ts (existing translations are kept, strings no longer used are dropped)."""
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(TS_FILE),
        ],
        check=True,
    )
    update_messages()


def update_messages() -> None:
    """The msg() templates into gridworker_en.ts (context "Messages")."""
    lupdate = _tool("pyside6-lupdate")
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "messages.py"  # the templates in a form lupdate reads
        listing.write_text(
            "".join(
                f"QT_TRANSLATE_NOOP({MESSAGES_CONTEXT!r}, {json.dumps(t, ensure_ascii=False)})\n"
                for t in sorted(message_templates())
            ),
            encoding="utf-8",
        )
        subprocess.run(
            [
                lupdate,
                str(listing),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "zh_CN",
                "-target-language",
                "en",
                "-ts",
                str(EN_TS_FILE),
            ],
            check=True,
        )


def build() -> None:
    """Compile the .ts files into the .qm files the app loads."""
    lrelease = _tool("pyside6-lrelease")
    subprocess.run([lrelease, str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    subprocess.run([lrelease, str(EN_TS_FILE), "-qm", str(EN_QM_FILE)], check=True)


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
