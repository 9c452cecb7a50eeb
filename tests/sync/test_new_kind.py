"""A new kind of record is one spec and one migration: nothing generic changes.

The test-only kind of tests/kind_for_tests.py (a spec, and its table made as its migration
would) goes through everything a real one will: the write path with typed values and
sets, voiding, bundles both ways with the schema's checks, merge and conflicts, moves,
snapshots, history sentences and conflict labels.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from kind_for_tests import TEST_VISIT, add_table
from sync_helpers import Site

from gridworker.store.entities import EntitySpec
from gridworker.store.history import history
from gridworker.store.snapshot import snapshot, snapshot_text
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles, list_conflicts
from gridworker.sync.bundle import canonical, manifest_sha256, ops_sha256
from gridworker.sync.setup import init_from_bundle


def _worker(site: Site, name: str, mg_name: str) -> Store:
    """A laptop set up from the office, its database made (with the kind's table) first."""
    db = site.folder / f"{name}.sqlite3"
    add_table(Store.open(db)).close()
    setup = export_bundle(
        site.office, site.folder / f"setup-{name}.gwbundle.json", micro_grid=mg_name, setup=True
    )
    init_from_bundle(db, setup.path, name)
    return Store.open(db)


def _people(s: Store) -> tuple[str, list[str]]:
    h = s.conn.execute("SELECT id FROM household WHERE room = '101'").fetchone()[0]
    people = [r[0] for r in s.conn.execute("SELECT id FROM resident WHERE household_id = ?", (h,))]
    return h, sorted(people)


@pytest.fixture
def office(site: Site, visit_kind: EntitySpec) -> Store:
    return add_table(site.office)


def test_a_kind_known_only_to_its_spec_syncs_end_to_end(site: Site, office: Store) -> None:
    w = _worker(site, "w1", "第一微网格")
    h, (first, second) = _people(w)

    # The write path: typed values, a set of links besides the parent, a set of texts.
    v = w.create(
        "test_visit",
        {
            "household_id": h,
            "visited_on": "2026-03-01",
            "recorded_at": "2026-03-01T08:30:00Z",
            "minutes": 25,
            "temperature": 36.6,
            "in_person": True,
            "residents_met": [first],
            "topics": ["用药"],
            "notes": "精神不错",
        },
    )
    w.update("test_visit", v, {"residents_met": [first, second], "minutes": 30})
    site.send(w, office, "up1")
    assert office.get("test_visit", v) == w.get("test_visit", v)
    assert office.get("test_visit", v)["in_person"] is True  # type: ignore[index]

    # Concurrent edits: the note conflicts, the topics merge element by element.
    w.update("test_visit", v, {"notes": "血压偏高", "topics": ["用药", "买菜"]})
    office.update("test_visit", v, {"notes": "已联系家属", "topics": ["用药", "理发"]})
    site.send(w, office, "up2")
    site.send(office, w, "down1", micro_grid="第一微网格")
    for s in (w, office):
        row = s.get("test_visit", v)
        assert row is not None and row["topics"] == ["买菜", "理发", "用药"]
        [c] = list_conflicts(s)
        assert (c.entity_label, c.field_label) == ("测试走访", "情况")
        assert c.record.startswith("2026-03-01 ") and c.record.endswith("（致强小区 1栋 101）")
    office.resolve_conflict(list_conflicts(office)[0].id, keep="other")

    # Voiding travels like any edit.
    office.void("test_visit", v, "录入了两次")
    site.send(office, w, "down2", micro_grid="第一微网格")
    assert w.open_conflicts() == []
    live = f"SELECT id FROM test_visit t WHERE {TEST_VISIT.live_sql('t')}"
    assert w.conn.execute(live).fetchall() == []
    assert snapshot_text(w) == snapshot_text(office, site.mg_a)
    assert [r["id"] for r in snapshot(w)["test_visit"]] == [v]

    # History reads as sentences in the kind's own words.
    lines = [e.describe() for e in history(w.conn, [v])]
    assert lines[-1].startswith("新建测试走访：所在户=")
    assert "见到的人" in lines[-1] and "时长（分钟）=25" in lines[-1] and "入户=是" in lines[-1]
    assert "修改测试走访：谈到的事 +买菜；情况 精神不错 → 血压偏高" in lines
    assert lines[0] == "修改测试走访：已作废 （空） → 是；作废原因 （空） → 录入了两次"


def test_records_of_the_new_kind_follow_their_household_between_micro_grids(
    site: Site, office: Store
) -> None:
    a = _worker(site, "wa", "第一微网格")
    h, (first, _) = _people(a)
    v = a.create("test_visit", {"household_id": h, "visited_on": "2026-03-01"})
    site.send(a, office, "up")
    office.update("household", h, {"micro_grid_id": site.mg_b})  # the office redraws
    site.send(office, a, "down", micro_grid="第一微网格")
    assert snapshot_text(a) == snapshot_text(office, site.mg_a)
    assert snapshot(a)["test_visit"] == []
    b = _worker(site, "wb", "第二微网格")  # the household's new micro-grid gets its visits
    assert b.get("test_visit", v) == office.get("test_visit", v)
    assert snapshot_text(b) == snapshot_text(office, site.mg_b)
    assert first in {r["id"] for r in snapshot(b)["resident"]}


def _bundle_with(site: Site, office: Store, change: dict[str, Any]) -> Path:
    """A worker bundle with one visit, one of whose fields is replaced by ``change``."""
    w = _worker(site, "wx", "第一微网格")
    h, _ = _people(w)
    w.create("test_visit", {"household_id": h, "visited_on": "2026-03-01", "minutes": 5})
    path = site.folder / "x.gwbundle.json"
    export_bundle(w, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    op = next(o for o in doc["ops"] if o["entity"] == "test_visit")
    op["fields"].update(change)
    m = doc["manifest"]
    m["ops_sha256"] = ops_sha256([canonical(o) for o in doc["ops"]])
    m["manifest_sha256"] = manifest_sha256({k: x for k, x in m.items() if k != "manifest_sha256"})
    bad = site.folder / "bad.gwbundle.json"
    bad.write_text(json.dumps(copy.deepcopy(doc), ensure_ascii=False), encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"minutes": "25"}, "fields.minutes 应为整数或null"),
        ({"in_person": 1}, "fields.in_person 应为true/false或null"),
        ({"visited_on": "2026-02-30"}, "的“走访日期”不是有效的日期"),
        ({"topics[用药]": "yes"}, "fields.topics[用药] 应为true/false"),
        ({"colour": "red"}, "有本程序不认识的字段 colour"),
    ],
)
def test_the_bundle_check_knows_the_new_kind_s_fields(
    site: Site, office: Store, change: dict[str, Any], words: str
) -> None:
    path = _bundle_with(site, office, change)
    before = office.conn.execute("SELECT count(*) FROM ops").fetchone()[0]
    [f] = import_bundles(office, [path]).files
    assert not f.applied and words in f.message, f.message
    assert office.conn.execute("SELECT count(*) FROM ops").fetchone()[0] == before
