"""The files GridWorker ships (translations, bundle schema, policies, templates, icons).

They live in this package folder, so one resolver finds them the same way in a development
checkout, in an installed wheel and in the frozen (PyInstaller) app: ``importlib.resources``
on this package. Every module reads its shipped files through :func:`resource_path` or
:func:`read_text`, never by walking up from its own ``__file__``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path


def root() -> Path:
    """The folder holding the shipped files (always a real folder: we are never zipped)."""
    found = files(__name__)
    if not isinstance(found, Path):  # a zip import would need as_file(); we ship folders
        raise RuntimeError(f"gridworker resources are not in a folder: {found!r}")
    return found


def resource_path(*parts: str) -> Path:
    """A shipped file or folder, e.g. ``resource_path("translations", "gridworker_en.qm")``.

    The path is not checked: reading a missing file raises FileNotFoundError naming it.
    """
    return root().joinpath(*parts)


def read_text(*parts: str) -> str:
    """A shipped text file, read as UTF-8."""
    return resource_path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource_path(*parts).read_bytes()


def shipped_files() -> Iterator[str]:
    """Every shipped data file as a relative POSIX path (for the self-test and the builds)."""
    base = root()
    for path in sorted(base.rglob("*")):
        if (
            path.is_file()
            and path.suffix not in {".py", ".pyc"}
            and "__pycache__" not in path.parts
        ):
            yield path.relative_to(base).as_posix()
