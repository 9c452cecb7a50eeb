"""Importing several bundles at once: the write-ahead log is copied back once, at the end."""

from __future__ import annotations

from sync_helpers import Site, add_household

from gridworker.sync import export_bundle, import_bundles


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
