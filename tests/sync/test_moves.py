"""The office moves a household to another micro-grid: both workers follow, nothing is lost.

The household's whole history goes to the micro-grid it joins (its worker has never seen
it); the micro-grid it leaves learns that it left, and stops holding it.
"""

from __future__ import annotations

from sync_helpers import Site

from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles, list_conflicts


def _home_101(site: Site) -> str:
    return str(
        site.office.conn.execute("SELECT id FROM household WHERE room = '101'").fetchone()[0]
    )


def _deliver(site: Site, worker: Store, mg_name: str, tag: str) -> None:
    path = site.folder / f"{tag}.gwbundle.json"
    export_bundle(site.office, path, micro_grid=mg_name)
    summary = import_bundles(worker, [path])
    assert summary.ok, [f.message for f in summary.files]


def test_a_household_moved_by_the_office_reaches_its_new_worker_whole(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱敏", "第二微网格")
    home = _home_101(site)
    site.office.update("household", home, {"micro_grid_id": site.mg_b})
    _deliver(site, b, "第二微网格", "to-b")
    _deliver(site, a, "第一微网格", "to-a")
    names_b = {r[0] for r in b.conn.execute("SELECT name FROM resident")}
    assert {"张静华", "李建国"} <= names_b
    assert snapshot_text(b) == snapshot_text(site.office, site.mg_b)
    assert snapshot_text(a) == snapshot_text(site.office, site.mg_a)
    assert "张静华" not in snapshot_text(a)
    a.close()
    b.close()


def test_edits_made_on_the_old_grid_before_it_learned_of_the_move_are_kept(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱敏", "第二微网格")
    home = _home_101(site)
    person = str(a.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0])
    a.update("resident", person, {"phone": "13811112222"})  # made before the move reaches a
    site.office.update("household", home, {"micro_grid_id": site.mg_b})
    site.send(a, site.office, "a-up")
    _deliver(site, b, "第二微网格", "to-b")
    _deliver(site, a, "第一微网格", "to-a")
    assert b.get("resident", person)["phone"] == "13811112222"  # type: ignore[index]
    assert snapshot_text(b) == snapshot_text(site.office, site.mg_b)
    assert snapshot_text(a) == snapshot_text(site.office, site.mg_a)
    # and the new worker's later edits flow back to the office as usual
    b.update("resident", person, {"notes": "已迁入第二微网格"})
    site.send(b, site.office, "b-up")
    assert site.office.get("resident", person)["notes"] == "已迁入第二微网格"  # type: ignore[index]
    a.close()
    b.close()


def test_a_resident_moved_to_a_household_of_another_grid_follows(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱敏", "第二微网格")
    person = str(
        site.office.conn.execute("SELECT id FROM resident WHERE name = '李建国'").fetchone()[0]
    )
    home_b = str(
        site.office.conn.execute("SELECT id FROM household WHERE room = '201'").fetchone()[0]
    )
    site.office.update("resident", person, {"household_id": home_b})
    _deliver(site, b, "第二微网格", "to-b")
    _deliver(site, a, "第一微网格", "to-a")
    assert b.get("resident", person) is not None
    assert snapshot_text(b) == snapshot_text(site.office, site.mg_b)
    assert snapshot_text(a) == snapshot_text(site.office, site.mg_a)
    a.close()
    b.close()


def test_a_conflict_on_a_moved_household_is_listed_where_it_now_belongs(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱敏", "第二微网格")
    person = str(a.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0])
    a.update("resident", person, {"phone": "13811112222"})
    site.office.update("resident", person, {"phone": "13933334444"})  # concurrent
    site.send(a, site.office, "a-up")
    _deliver(site, a, "第一微网格", "to-a-1")
    assert [c.entity_id for c in list_conflicts(a)] == [person]
    site.office.update("household", _home_101(site), {"micro_grid_id": site.mg_b})
    _deliver(site, a, "第一微网格", "to-a-2")
    _deliver(site, b, "第二微网格", "to-b")
    assert list_conflicts(a) == []
    assert [c.entity_id for c in list_conflicts(b)] == [person]
    assert [c.entity_id for c in list_conflicts(site.office)] == [person]
    a.close()
    b.close()


def test_a_renamed_micro_grid_can_still_set_up_a_laptop(site: Site) -> None:
    """Its id was made from its first name; the set-up takes the id from the bundle."""
    site.office.update("micro_grid", site.mg_a, {"name": "锦华第一微网格"})
    w = site.setup_worker("w", "赵红", "锦华第一微网格")
    assert w.identity.micro_grid_id == site.mg_a
    assert snapshot_text(w) == snapshot_text(site.office, site.mg_a)
    assert w.conn.execute("SELECT count(*) FROM micro_grid").fetchone()[0] == 1
    w.close()


def test_a_renamed_micro_grid_is_found_by_its_new_name_and_its_old_name_is_free(
    site: Site,
) -> None:
    site.office.update("micro_grid", site.mg_a, {"name": "锦华第一微网格"})
    assert site.office.ensure_micro_grid("锦华第一微网格") == site.mg_a
    fresh = site.office.ensure_micro_grid("第一微网格")
    assert fresh != site.mg_a
    names = dict(site.office.conn.execute("SELECT id, name FROM micro_grid").fetchall())
    assert names[site.mg_a] == "锦华第一微网格" and names[fresh] == "第一微网格"


def _made_in_b_moved_to_a(site: Site) -> tuple[str, str]:
    """A household of 第二微网格 (with a person made there) the office moves to 第一微网格."""
    home = str(
        site.office.conn.execute("SELECT id FROM household WHERE room = '201'").fetchone()[0]
    )
    person = str(
        site.office.conn.execute(
            "SELECT id FROM resident WHERE household_id = ? ORDER BY id LIMIT 1", (home,)
        ).fetchone()[0]
    )
    site.office.update("household", home, {"micro_grid_id": site.mg_a})
    return home, person


def test_a_person_who_came_with_a_household_and_then_moved_on_leaves_the_old_grid(
    site: Site,
) -> None:
    """The person's own operations never ran in 第一微网格 (they came with the household),
    yet the worker there held them: the move away must reach that worker too."""
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱敏", "第二微网格")
    _home, person = _made_in_b_moved_to_a(site)
    _deliver(site, a, "第一微网格", "to-a-1")
    assert a.get("resident", person) is not None  # the household's whole history came
    elsewhere = site.office.create(
        "household", {"micro_grid_id": site.mg_b, "estate": "致强小区", "room": "301"}
    )
    site.office.update("resident", person, {"household_id": elsewhere})
    _deliver(site, a, "第一微网格", "to-a-2")
    _deliver(site, b, "第二微网格", "to-b")
    assert snapshot_text(a) == snapshot_text(site.office, site.mg_a)
    assert snapshot_text(b) == snapshot_text(site.office, site.mg_b)
    a.close()
    b.close()


def test_a_person_who_came_and_went_before_any_stick_is_taken_without_a_refusal(
    site: Site,
) -> None:
    """The office moved the household in and the person out again before it exported: the
    worker never held that person, and takes the move away as a record that left."""
    a = site.setup_worker("a", "赵红", "第一微网格")
    _home, person = _made_in_b_moved_to_a(site)
    elsewhere = site.office.create(
        "household", {"micro_grid_id": site.mg_b, "estate": "致强小区", "room": "301"}
    )
    site.office.update("resident", person, {"household_id": elsewhere})
    _deliver(site, a, "第一微网格", "to-a")
    assert snapshot_text(a) == snapshot_text(site.office, site.mg_a)
    a.close()
