"""Residents received in a bundle are searchable exactly as a full re-index has them.

Applying indexes records the batch created from the rows it inserted (no read-back),
and everything else from the tables; both must give the entries a rebuild gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sync_helpers import Site

from gridworker.store import search_index
from gridworker.store.search import search_residents
from gridworker.store.store import Change, Store
from gridworker.sync import export_bundle, import_bundles
from gridworker.sync import importer as importer_module


def _entries(s: Store) -> dict[str, tuple[Any, ...]]:
    """Resident id → (its FTS words, its search_doc columns but the rid)."""
    out = {}
    for r in s.conn.execute(
        "SELECT d.*, f.words FROM search_doc d JOIN search_fts f ON f.rowid = d.rid"
    ):
        row = tuple(r)
        out[r["resident_id"]] = (
            row[-1],
            tuple(x for k, x in zip(r.keys(), row, strict=True) if k not in ("rid", "words")),
        )
    return out


def test_an_office_import_indexes_as_a_rebuild_does(site: Site) -> None:
    w = site.setup_worker("w", "赵红", "第一微网格")
    mg = w.identity.micro_grid_id
    home = str(w.conn.execute("SELECT id FROM household WHERE room = '101'").fetchone()[0])
    person = str(w.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0])
    ops = w.write(
        [
            Change("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "702"}, new=True),
        ]
    )
    new_home = ops[0].entity_id
    made = w.write(
        [
            Change(
                "resident",
                {"household_id": new_home, "name": "孙丽", "phone": "13912345678"},
                new=True,
            ),
            Change("resident", {"household_id": new_home, "name": "周军"}, new=True),
            Change("resident", {"household_id": home, "name": "钱芳", "tags": ["高龄"]}, new=True),
        ]
    )
    w.update("resident", made[1].entity_id, {"name": "周俊"})  # renamed after it was made
    w.update("household", home, {"room": "1101"})  # moves the old members' address
    w.update("resident", person, {"phone": "13800005678"})
    path = site.folder / "up.gwbundle.json"
    export_bundle(w, path)
    assert import_bundles(site.office, [path]).ok
    o = site.office
    assert search_residents(o.conn, "zhoujun 锦华苑702") == [made[1].entity_id]
    assert search_residents(o.conn, "5678 1101") == [person]
    imported = _entries(o)
    with o.transaction():
        search_index.rebuild(o.conn)
    assert _entries(o) == imported
    w.close()


def test_a_many_file_import_indexes_once_at_the_end_as_a_rebuild_does(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index takes the residents of every file of an import at its end: a
    record made by one file and changed by a later one is indexed as it ends up, and a
    file rolled back leaves nothing in the index."""
    w = site.setup_worker("w", "赵红", "第一微网格")
    mg = w.identity.micro_grid_id
    [home] = w.write([Change("household", {"micro_grid_id": mg, "room": "702"}, new=True)])
    made = w.write(
        [
            Change("resident", {"household_id": home.entity_id, "name": "孙丽"}, new=True),
            Change("resident", {"household_id": home.entity_id, "name": "周军"}, new=True),
        ]
    )
    first = site.folder / "1.gwbundle.json"
    export_bundle(w, first)
    w.update("resident", made[1].entity_id, {"name": "周俊"})
    w.update("household", home.entity_id, {"room": "1101"})
    second = site.folder / "2.gwbundle.json"
    export_bundle(w, second)
    bad = Path(__file__).parent / "bad_bundles" / "missing_household.gwbundle.json"
    monkeypatch.setattr(importer_module, "_check_references", lambda *a: None)
    summary = import_bundles(site.office, [first, bad, second])
    assert [f.applied for f in summary.files] == [True, False, True]
    o = site.office
    assert search_residents(o.conn, "zhoujun 1101") == [made[1].entity_id]
    assert search_residents(o.conn, "周军") == []
    imported = _entries(o)
    assert set(imported) == {r[0] for r in o.conn.execute("SELECT id FROM resident")}
    with o.transaction():
        search_index.rebuild(o.conn)
    assert _entries(o) == imported
    w.close()
