"""The shipped files are found one way (gridworker.resources) in a checkout and in an
installed wheel; the frozen app is checked by test_frozen_build.py."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import gridworker
from gridworker import resources
from gridworker.sync.schema import SCHEMA_PATH
from gridworker.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gridworker"


def test_resources_are_inside_the_package_and_read_through_the_resolver() -> None:
    assert resources.root() == Path(gridworker.__file__).parent / "resources"
    shipped = set(resources.shipped_files())
    assert {
        "bundle.schema.json",
        "translations/gridworker_zh_CN.qm",
        "translations/gridworker_en.qm",
        "icons/gridworker.svg",
        "icons/gridworker-256.png",
    } <= shipped
    assert not any(name.endswith((".py", ".pyc")) for name in shipped)
    assert resources.read_text("bundle.schema.json").startswith("{")
    assert resources.read_bytes("icons", "gridworker-16.png").startswith(b"\x89PNG")
    # The readers use it: the schema and the catalogues are where the resolver says.
    assert resources.resource_path("bundle.schema.json") == SCHEMA_PATH
    assert resources.resource_path("translations", "gridworker_en.qm") == i18n.EN_QM_FILE
    with pytest.raises(FileNotFoundError):
        resources.read_text("no-such-file.json")


def _names_resources(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (node.value == "resources" or node.value.startswith(("resources/", "resources\\")))
    )


def _resource_paths_built_by_hand(path: Path) -> list[int]:
    """Lines that build a path through a folder called resources (``x / "resources"``,
    ``Path(…, "resources")``, ``os.path.join(…, "resources", …)``)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            if _names_resources(node.left) or _names_resources(node.right):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name in {"Path", "PurePath", "join", "joinpath"} and any(
                _names_resources(a) for a in node.args
            ):
                lines.append(node.lineno)
    return lines


def test_no_module_finds_shipped_files_by_walking_up_from_its_own_file() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}:{line}"
        for p in PACKAGE.rglob("*.py")
        for line in _resource_paths_built_by_hand(p)
    ]
    assert offenders == [], "read shipped files with gridworker.resources.resource_path()"


def _uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv")
    if not found:
        pytest.skip("uv is not available to build the wheel")
    return found


def test_an_installed_wheel_carries_and_finds_every_resource(tmp_path: Path) -> None:
    uv = _uv()
    out = tmp_path / "wheel"
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("gridworker-*.whl")
    with zipfile.ZipFile(wheel) as z:
        in_wheel = {
            n.removeprefix("gridworker/resources/")
            for n in z.namelist()
            if n.startswith("gridworker/resources/") and not n.endswith(".py")
        }
        assert "gridworker/resources/__init__.py" in z.namelist()
        z.extractall(tmp_path / "site")
    expected = set(resources.shipped_files())
    assert in_wheel == expected
    # Imported from the installed copy, the resolver points into it and reads every file.
    code = (
        "import gridworker.resources as r, sys\n"
        "names = list(r.shipped_files())\n"
        "assert all(r.resource_path(*n.split('/')).is_file() for n in names)\n"
        "print(r.root()); print(len(names))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=tmp_path,  # not the checkout, whose gridworker/ would be imported first
        capture_output=True,
        text=True,
        check=True,
    )
    where, count = result.stdout.split()
    assert Path(where) == tmp_path / "site" / "gridworker" / "resources"
    assert int(count) == len(expected)
