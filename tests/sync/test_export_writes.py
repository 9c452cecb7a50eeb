"""Export writes atomically and verifies; a full or read-only drive is a clear error."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from sync_helpers import Site

from gridworker.core.progress import Callbacks
from gridworker.sync import bundle as bundle_module
from gridworker.sync import export_bundle
from gridworker.sync.bundle import read_bundle as read_bundle_for_tests
from gridworker.sync.errors import BundleError


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_full_drive_leaves_no_partial_file(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = site.folder / "stick"
    stick.mkdir()
    real_write = os.write

    def half_then_full(fd: int, data: bytes | memoryview) -> int:
        if len(data) > 10:
            real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(BundleError) as e:
        export_bundle(site.office, stick / "a.gwbundle.json", micro_grid="第一微网格")
    monkeypatch.undo()
    assert "空间不足" in str(e.value) and "a.gwbundle.json" in str(e.value)
    assert _listing(stick) == []
    assert site.office.conn.execute("SELECT count(*) FROM bundle_log").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EROFS, "只读"), (errno.EACCES, "没有权限写入"), (errno.ENOENT, "不存在")],
)
def test_unwritable_folder_is_a_clear_error(
    site: Site, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    stick = site.folder / "stick"
    stick.mkdir()
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, *a: int) -> int:
        if str(path).startswith(str(stick)) and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(BundleError, match=words):
        export_bundle(site.office, stick / "a.gwbundle.json", micro_grid="第一微网格")
    monkeypatch.undo()
    assert _listing(stick) == []


def test_a_failed_fsync_leaves_the_old_file_untouched(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = site.folder / "a.gwbundle.json"
    export_bundle(site.office, target, micro_grid="第一微网格")
    old = target.read_bytes()

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(BundleError, match="出错"):
        export_bundle(site.office, target, micro_grid="第一微网格")
    monkeypatch.undo()
    assert target.read_bytes() == old
    assert _listing(site.folder).count("a.gwbundle.json") == 1
    assert not [n for n in _listing(site.folder) if n.endswith(".tmp")]


def test_read_back_mismatch_is_reported_and_the_file_removed(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = site.folder / "a.gwbundle.json"
    real = Path.read_bytes

    def corrupt(self: Path) -> bytes:
        data = real(self)
        return data[:-2] + b"!!" if self == target else data

    monkeypatch.setattr(Path, "read_bytes", corrupt)
    with pytest.raises(BundleError, match="读回校验不一致"):
        export_bundle(site.office, target, micro_grid="第一微网格")
    monkeypatch.undo()
    assert not target.exists()


def test_written_bundle_verifies_and_progress_is_reported(site: Site) -> None:
    steps: list[tuple[int, int, str]] = []
    r = export_bundle(
        site.office,
        site.folder,
        micro_grid="第一微网格",
        progress=Callbacks(lambda *a: steps.append(a)),
    )
    b = read_bundle_for_tests(r.path)
    assert b.manifest.op_count == r.op_count == 4
    assert steps[-1][0] == steps[-1][1] and "安全拔出" in steps[-1][2]
    assert bundle_module.SUFFIX in r.path.name
