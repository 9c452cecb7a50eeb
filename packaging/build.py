"""Build the installable GridWorker: dist/GridWorker/ and one archive to hand to the office.

    uv run python packaging/build.py

Runs PyInstaller on packaging/gridworker.spec (a one-folder build), adds the desktop
integration files and docs/install.md, and packs the folder as
dist/GridWorker-<version>-<platform>.zip (Windows) or .tar.gz (Linux), printing the sizes.
Build on the system you ship for (PyInstaller does not cross-compile): the Windows archive
on Windows, the Linux one on the oldest Linux you support (the app carries that system's
libraries).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "gridworker.spec"
APP = "GridWorker"


def read_version() -> str:
    """The version in pyproject.toml (the one place it is written)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def platform_tag() -> str:
    """linux-x86_64, windows-x64, windows-arm64, macos-arm64 … for the archive's name."""
    plat = sysconfig.get_platform()  # linux-x86_64, win-amd64, macosx-11.0-arm64
    if plat.startswith("win"):
        return {"win32": "windows-x86", "win-amd64": "windows-x64"}.get(
            plat, plat.replace("win-", "windows-")
        )
    if plat.startswith("macosx"):
        return "macos-" + plat.rsplit("-", 1)[-1]
    return plat


def archive_name(version: str, tag: str) -> str:
    ext = ".zip" if tag.startswith("windows") else ".tar.gz"
    return f"{APP}-{version}-{tag}{ext}"


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder`` (symbolic links count as the link, not the target)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def add_extras(app_dir: Path) -> None:
    """Files beside the program: how to install, and on Linux the menu shortcut."""
    shutil.copy2(ROOT / "docs" / "install.md", app_dir / "install.md")
    if sys.platform.startswith("linux"):
        for name in ("gridworker.desktop", "install-shortcut.sh"):
            shutil.copy2(HERE / "linux" / name, app_dir / name)
        (app_dir / "install-shortcut.sh").chmod(0o755)


def make_archive(app_dir: Path, out: Path) -> Path:
    """The folder packed as one file whose top level is GridWorker/."""
    out.unlink(missing_ok=True)
    if out.name.endswith(".zip"):
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for path in sorted(app_dir.rglob("*")):
                z.write(path, Path(APP, path.relative_to(app_dir)))
    else:
        with tarfile.open(out, "w:gz", compresslevel=9) as t:
            t.add(app_dir, arcname=APP)  # keeps executable bits and the library symlinks
    return out


def build(dist: Path, work: Path, archive: bool = True) -> tuple[Path, Path | None]:
    """PyInstaller, extras, archive; returns the app folder and the archive."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    app_dir = dist / APP
    add_extras(app_dir)
    if not archive:
        return app_dir, None
    return app_dir, make_archive(app_dir, dist / archive_name(read_version(), platform_tag()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    parser.add_argument("--no-archive", action="store_true", help="only dist/GridWorker/")
    args = parser.parse_args(argv)
    start = time.monotonic()
    app_dir, packed = build(args.dist.resolve(), args.work.resolve(), archive=not args.no_archive)
    took = time.monotonic() - start
    print(f"GridWorker {read_version()}: {app_dir} ({megabytes(folder_size(app_dir))})")
    if packed is not None:
        print(f"archive: {packed} ({megabytes(packed.stat().st_size)})")
    print(f"built in {took:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
