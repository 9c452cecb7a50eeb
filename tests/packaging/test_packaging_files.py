"""The parts of packaging/ that can be checked without building: version, names, Qt trimming
rules, the Windows version resource, icons, the Linux shortcut, the archive."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import types
from pathlib import Path

import pytest
from packaging_scripts import load

import gridworker
from gridworker import resources

build = load("build")
make_icons = load("make_icons")
qt_trim = load("qt_trim")
windows_version = load("windows_version")

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_one_version_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert build.read_version() == pyproject["project"]["version"] == gridworker.__version__


def test_the_archive_is_named_with_version_and_platform() -> None:
    assert build.archive_name("0.1.0", "linux-x86_64") == "GridWorker-0.1.0-linux-x86_64.tar.gz"
    assert build.archive_name("0.1.0", "windows-x64") == "GridWorker-0.1.0-windows-x64.zip"
    tag = build.platform_tag()
    assert tag.split("-")[0] in {"linux", "windows", "macos"} and " " not in tag


def test_the_archive_keeps_the_folder_the_program_bits_and_the_links(tmp_path: Path) -> None:
    app = tmp_path / "GridWorker"
    (app / "_internal").mkdir(parents=True)
    program = app / "GridWorker"
    program.write_bytes(b"\x7fELF")
    program.chmod(0o755)
    (app / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    packed = build.make_archive(app, tmp_path / "GridWorker-0.1.0-linux-x86_64.tar.gz")
    with tarfile.open(packed) as t:
        members = {m.name: m for m in t.getmembers()}
    assert members["GridWorker/GridWorker"].mode & 0o111
    assert members["GridWorker/_internal/libQt6Core.so.6"].issym()
    assert all(name.split("/")[0] == "GridWorker" for name in members)
    assert build.folder_size(app) == 4


@pytest.mark.parametrize(
    ("kind", "filename", "kept"),
    [
        ("platforms", "libqxcb.so", True),
        ("platforms", "libqwayland.so", True),
        ("platforms", "qwindows.dll", True),
        ("platforms", "libqoffscreen.so", True),  # --self-test without a display
        ("platforms", "libqeglfs.so", False),
        ("platforms", "libqvnc.so", False),
        ("platformthemes", "libqgtk3.so", False),  # would bring GTK's libraries
        ("platformthemes", "libqxdgdesktopportal.so", True),
        ("platforminputcontexts", "libibusplatforminputcontextplugin.so", True),  # 拼音输入
        ("platforminputcontexts", "libcomposeplatforminputcontextplugin.so", True),
        ("imageformats", "libqsvg.so", True),
        ("imageformats", "libqtiff.so", False),
        ("tls", "libqopensslbackend.so", False),
        ("networkinformation", "libqnetworkmanager.so", False),
        ("egldeviceintegrations", "libqeglfs-kms-integration.so", False),
        ("printsupport", "libcupsprintersupport.so", True),
        ("xcbglintegrations", "libqxcb-glx-integration.so", True),
    ],
)
def test_qt_plugins_kept_and_dropped(kind: str, filename: str, kept: bool) -> None:
    assert qt_trim.keep_plugin(kind, filename) is kept


def test_qt_translations_modules_and_libraries_trimmed() -> None:
    assert qt_trim.keep_translation("/x/translations/qtbase_zh_CN.qm")
    assert not qt_trim.keep_translation("/x/translations/qtbase_de.qm")
    assert not qt_trim.keep_translation("/x/translations/qtmultimedia_zh_CN.qm")
    assert not qt_trim.keep_module("PySide6.QtQuick")
    assert qt_trim.keep_module("PySide6.QtWidgets")
    excluded = qt_trim.excluded_imports()
    assert "PySide6.QtWebEngineCore" in excluded and "PySide6.QtNetwork" in excluded
    for name in ("libQt6Quick.so.6", "Qt6WebEngineCore.dll", "libQt6Qml.so.6", "opengl32sw.dll"):
        assert not qt_trim.keep_binary(f"PySide6/Qt/lib/{name}"), name
    for name in ("libQt6Widgets.so.6", "Qt6Gui.dll", "libicudata.so.73", "libQt6Svg.so.6"):
        assert qt_trim.keep_binary(f"PySide6/Qt/lib/{name}"), name


def test_windows_version_resource(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert windows_version.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert windows_version.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    assert windows_version.version_tuple("2.0rc1+local") == (2, 0, 1, 0)
    with pytest.raises(ValueError):
        windows_version.version_tuple("dev")
    # PyInstaller's versioninfo needs pefile only to write into an .exe (Windows).
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    info = windows_version.version_info("0.1.0", "GridWorker", "网格员工作台 GridWorker")
    # The text form is what PyInstaller reads back (its binary form needs Windows' longs).
    version_file = tmp_path / "version.txt"
    version_file.write_text(str(info), encoding="utf-8")
    text = str(load_version_info_from_text_file(str(version_file)))
    assert text == str(info)
    assert "filevers=(0, 1, 0, 0)" in text
    for expected in (
        "'ProductVersion', '0.1.0'",
        "'OriginalFilename', 'GridWorker.exe'",
        "网格员工作台",
    ):
        assert expected in text
    assert "[2052, 1200]" in text  # 0x0804 Chinese (PRC), Unicode


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_in_the_sizes_each_platform_wants() -> None:
    for size in make_icons.PNG_SIZES:
        png = resources.read_bytes("icons", f"gridworker-{size}.png")
        assert _png_size(png) == (size, size)
    ico = (PACKAGING / "windows" / "gridworker.ico").read_bytes()
    assert make_icons.ico_sizes(ico) == sorted(make_icons.ICO_SIZES)
    assert make_icons.ico_sizes(make_icons.ico_bytes({16: b"a", 256: b"b"})) == [16, 256]


def test_the_desktop_entry() -> None:
    entry = configparser.RawConfigParser()
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "gridworker.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application"
    assert d["Name[zh_CN]"] == "网格员工作台"
    assert d["Exec"] == "@EXEC@"  # filled in by install-shortcut.sh
    assert d["Icon"] == "gridworker"
    assert d["Categories"].endswith(";")
    validate = shutil.which("desktop-file-validate")
    if validate:
        subprocess.run([validate, str(PACKAGING / "linux" / "gridworker.desktop")], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="a Linux shell script")
def test_install_shortcut_puts_the_app_in_the_menu_and_takes_it_out(tmp_path: Path) -> None:
    app = tmp_path / "My Apps" / "GridWorker"  # a space in the path
    icons = app / "_internal" / "gridworker" / "resources" / "icons"
    icons.mkdir(parents=True)
    shutil.copytree(resources.resource_path("icons"), icons, dirs_exist_ok=True)
    for name in ("gridworker.desktop", "install-shortcut.sh"):
        shutil.copy2(PACKAGING / "linux" / name, app / name)
    program = app / "GridWorker"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    subprocess.run([str(app / "install-shortcut.sh")], env=env, check=True, capture_output=True)
    menu = home / ".local" / "share" / "applications" / "gridworker.desktop"
    text = menu.read_text(encoding="utf-8")
    assert f'Exec="{program}"\n' in text
    assert (home / "Desktop" / "gridworker.desktop").read_text(encoding="utf-8") == text
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    assert _png_size((hicolor / "48x48" / "apps" / "gridworker.png").read_bytes()) == (48, 48)
    subprocess.run(
        [str(app / "install-shortcut.sh"), "--remove"], env=env, check=True, capture_output=True
    )
    assert not menu.exists()
    assert not (hicolor / "48x48" / "apps" / "gridworker.png").exists()
