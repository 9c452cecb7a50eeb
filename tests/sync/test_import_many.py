"""Importing several bundles at once: the write-ahead log is copied back once, at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import Site, add_household

from gridworker.core.progress import Callbacks
from gridworker.sync import export_bundle, import_bundles
from gridworker.sync import importer as importer_module


def _two_worker_bundles(site: Site) -> list[str]:
    paths = []
    for name, mg in (("a", "第一微网格"), ("b", "第二微网格")):
        w = site.setup_worker(name, f"网格员{name}", mg)
        add_household(w, w.identity.micro_grid_id or "", "3" + name, ["陈桂芳"])
        p = site.folder / f"{name}.gwbundle.json"
        export_bundle(w, p)
        w.close()
        paths.append(str(p))
    return paths


def test_automatic_checkpoints_are_restored_after_an_import(site: Site) -> None:
    conn = site.office.conn
    conn.execute("PRAGMA wal_autocheckpoint = 777")
    summary = import_bundles(site.office, _two_worker_bundles(site))
    assert summary.ok
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 777


def test_an_import_inside_the_callers_transaction_does_not_try_to_checkpoint(
    site: Site,
) -> None:
    """A checkpoint inside an open transaction fails ("database table is locked")."""
    paths = _two_worker_bundles(site)
    with site.office.transaction():
        summary = import_bundles(site.office, paths)
    assert summary.ok and sum(f.new for f in summary.files) > 0
    names = {r[0] for r in site.office.conn.execute("SELECT name FROM resident")}
    assert "陈桂芳" in names


def test_one_bad_file_among_many_is_rolled_back_alone(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All files share one transaction; a file failing mid-apply leaves the others in."""
    good = _two_worker_bundles(site)
    bad = Path(__file__).parent / "bad_bundles" / "missing_household.gwbundle.json"
    # Pretend the reference pre-check missed it: the per-file parent check must catch it.
    monkeypatch.setattr(importer_module, "_check_references", lambda *a: None)
    summary = import_bundles(site.office, [good[0], bad, good[1]])
    assert [f.applied for f in summary.files] == [True, False, True]
    assert "引用了不存在的记录" in summary.files[1].message
    orphans = site.office.conn.execute(
        "SELECT count(*) FROM resident r WHERE NOT EXISTS "
        "(SELECT 1 FROM household h WHERE h.id = r.household_id)"
    ).fetchone()[0]
    assert orphans == 0
    rooms = {r[0] for r in site.office.conn.execute("SELECT room FROM household")}
    assert {"3a", "3b"} <= rooms


def test_cancelling_keeps_the_files_already_imported(site: Site) -> None:
    paths = _two_worker_bundles(site)
    seen: list[str] = []

    def progress(step: int, total: int, msg: str) -> None:
        seen.append(msg)

    summary = import_bundles(
        site.office,
        paths,
        progress=Callbacks(progress, lambda: any("正在检查 b" in m for m in seen)),
    )
    assert summary.cancelled
    assert [f.applied for f in summary.files] == [True, False]  # b cancelled while applying
    assert "已取消" in summary.files[1].message
    rooms = {r[0] for r in site.office.conn.execute("SELECT room FROM household")}
    assert "3a" in rooms and "3b" not in rooms
