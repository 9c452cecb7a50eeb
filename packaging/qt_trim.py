"""Which parts of Qt the frozen app ships: the modules and plugins it uses, nothing else.

PyInstaller's Qt hooks collect every plugin of each plugin type a module may use and every
language of Qt's own translations. Most of that is dead weight for a widgets app that runs
on an X11/Wayland or Windows desktop and speaks Chinese or English, and some of it pulls
in whole system libraries (the GTK theme plugin brings cairo, pango, atk, gdk-pixbuf…).
`install` narrows the hooks' choice before the analysis, so what is left out is never
analysed for its own dependencies. The spec (gridworker.spec) calls it; the tests check
the rules on names.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

# Qt modules the app never imports, kept out even if something refers to them.
EXCLUDED_MODULES = (
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuick3D",
    "QtQuickControls2",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebChannel",
    "QtWebSockets",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtSql",
    "QtTest",
    "QtDesigner",
    "QtUiTools",
    "QtHelp",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtCharts",
    "QtDataVisualization",
    "Qt3DCore",
    "QtBluetooth",
    "QtPositioning",
    "QtSerialPort",
    "QtConcurrent",
    "QtXml",
)

# Plugin types (folders under Qt's plugins/) the app has no use for.
DROPPED_PLUGIN_TYPES = frozenset(
    {
        "egldeviceintegrations",  # eglfs on bare framebuffers (kiosks, embedded boards)
        "generic",  # evdev/tuio input without a window system
        "networkinformation",  # QtNetwork
        "tls",  # QtNetwork
        "sqldrivers",  # we use Python's sqlite3, not QtSql
        "qmltooling",
        "qmllint",
        "designer",
        "wayland-graphics-integration-server",  # for compositors, not clients
    }
)

# Within a plugin type, only these (base names without lib…, .so/.dll/.dylib); the other
# plugin types are kept whole (input methods for Chinese: ibus, compose; print support…).
KEPT_PLUGINS: dict[str, frozenset[str]] = {
    # X11, Wayland, Windows, macOS desktops; offscreen for --self-test without a display.
    "platforms": frozenset({"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen", "qminimal"}),
    # Desktop portal only: the GTK3 theme plugin drags GTK's whole stack into the bundle.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # PNG is built into Qt; SVG and ICO for icons.
    "imageformats": frozenset({"qsvg", "qico"}),
}

# Qt's own translations: only the Chinese of the standard dialogs and buttons.
KEPT_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm"})

# Large files some hooks collect that a widgets app never loads.
DROPPED_BINARIES = frozenset({"opengl32sw.dll"})  # Qt's software OpenGL for Windows (~20 MB)

_PLUGIN_SUFFIXES = (".so", ".dll", ".dylib")


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqcocoa.dylib`` → ``qxcb`` / ``qcocoa``."""
    name = PurePath(filename).name
    for suffix in _PLUGIN_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.startswith("lib"):
        name = name[3:]
    return name


def keep_plugin(plugin_type: str, filename: str) -> bool:
    """Whether a Qt plugin file of that type goes into the app."""
    if plugin_type in DROPPED_PLUGIN_TYPES:
        return False
    kept = KEPT_PLUGINS.get(plugin_type)
    return kept is None or plugin_name(filename) in kept


def keep_translation(filename: str) -> bool:
    return PurePath(filename).name in KEPT_TRANSLATIONS


def keep_module(module: str) -> bool:
    """``PySide6.QtQuick`` → False."""
    return module.rsplit(".", 1)[-1] not in EXCLUDED_MODULES


def excluded_imports(namespace: str = "PySide6") -> list[str]:
    """Analysis(excludes=…): the unused Qt modules, and Python packages we never use."""
    return [f"{namespace}.{m}" for m in EXCLUDED_MODULES] + [
        "tkinter",
        "PIL.ImageTk",  # Pillow comes with reportlab; its Tk binding is never used
        "PIL._imagingtk",
        "numpy",
        "IPython",
        "pytest",
    ]


def keep_binary(dest: str) -> bool:
    """For the analysed binaries: drops DROPPED_BINARIES and any unwanted Qt library."""
    name = PurePath(dest).name
    return name not in DROPPED_BINARIES and not UNWANTED_LIBRARY.match(name.lower())


# Qt libraries that must never be in the app: a hook that went wide (QtQuick via QtQml,
# QtNetwork via a plugin) shows up here, and the build test looks for them too.
UNWANTED_LIBRARY = re.compile(r"(lib)?qt6?(webengine|quick|qml|network|multimedia)")


def install() -> None:
    """Narrow PyInstaller's Qt hooks to the modules, plugins and translations above."""
    from PyInstaller.utils.hooks import qt

    info_class: Any = qt.QtLibraryInfo
    original = info_class.collect_module
    if getattr(original, "gridworker_trimmed", False):
        return

    def collect_module(self: Any, module_name: str) -> tuple[list[str], list[Any], list[Any]]:
        hiddenimports, binaries, datas = original(self, module_name)
        hiddenimports = [m for m in hiddenimports if keep_module(m)]
        binaries = [(src, dst) for src, dst in binaries if keep_plugin(PurePath(dst).name, src)]
        datas = [(src, dst) for src, dst in datas if keep_translation(src)]
        return hiddenimports, binaries, datas

    collect_module.gridworker_trimmed = True  # type: ignore[attr-defined]
    info_class.collect_module = collect_module
