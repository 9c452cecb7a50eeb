"""Bundles between an office and workers: what travels, idempotency, set-up, conflicts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sync_helpers import Site, add_household, dump, ops_count

from gridworker.cli import main
from gridworker.core.progress import Callbacks
from gridworker.store.ops import Op
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.sync import (
    export_all_micro_grids,
    export_bundle,
    import_bundles,
    list_conflicts,
    preview_bundle,
    sync_status,
)
from gridworker.sync.bundle import canonical, read_bundle
from gridworker.sync.errors import BundleError
from gridworker.sync.export import _OP_TEXT_SQL, _sqlite_quotes_as_python, op_text


def test_setup_bundle_makes_a_ready_worker_with_a_new_device(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    assert w.identity.role == "worker"
    assert w.identity.device_id != site.office.identity.device_id
    assert w.identity.micro_grid_id == site.mg_a
    assert w.identity.community == "致强社区"
    assert snapshot_text(w) == snapshot_text(site.office, site.mg_a)
    assert ops_count(w) == 4  # the micro-grid, the household, two people — not the other grid
    # Ready to work: a new edit gets a later clock than everything received.
    _h, [p] = add_household(w, site.mg_a, "102", ["周敏"])
    assert w.conn.execute("SELECT max(hlc) FROM ops").fetchone()[0].endswith(w.identity.device_id)
    site.send(w, site.office, "w1-up")
    assert site.office.get("resident", p) == w.get("resident", p)
    w.close()


def test_round_trip_converges_and_acknowledgements_shrink_bundles(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    _h, [_p] = add_household(w, site.mg_a, "102", ["周敏"])
    up = site.folder / "up.gwbundle.json"
    r = export_bundle(w, up)
    assert r.op_count == 2  # the worker's own edits: the office acknowledged the rest at set-up
    import_bundles(site.office, [up])
    resident_a = site.office.conn.execute(
        "SELECT id FROM resident WHERE name = '张静华'"
    ).fetchone()[0]
    site.office.update("resident", resident_a, {"phone": "13800000001"})
    down = site.folder / "down.gwbundle.json"
    r2 = export_bundle(site.office, down, micro_grid="第一微网格")
    assert r2.op_count == 1  # only what the worker lacks: not its own ops, not the other grid
    import_bundles(w, [down])
    assert snapshot_text(w) == snapshot_text(site.office, site.mg_a)
    # Both sides now acknowledged everything: the next bundles carry nothing.
    assert export_bundle(w, site.folder / "up2.gwbundle.json").op_count == 0
    import_bundles(site.office, [site.folder / "up2.gwbundle.json"])
    assert (
        export_bundle(
            site.office, site.folder / "d2.gwbundle.json", micro_grid="第一微网格"
        ).op_count
        == 0
    )
    w.close()


def test_lost_stick_costs_nothing(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    _, [p] = add_household(w, site.mg_a, "102", ["周敏"])
    export_bundle(w, site.folder / "lost.gwbundle.json")  # never imported
    w.update("resident", p, {"phone": "13900000000"})
    site.send(w, site.office, "second")
    assert site.office.get("resident", p) == w.get("resident", p)
    w.close()


def test_same_bundle_twice_and_older_after_newer_change_nothing(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    _, [p] = add_household(w, site.mg_a, "102", ["周敏"])
    old = site.folder / "old.gwbundle.json"
    export_bundle(w, old)
    w.update("resident", p, {"notes": "独居"})
    new = site.folder / "new.gwbundle.json"
    export_bundle(w, new)
    first = import_bundles(site.office, [new])
    assert first.ok and first.files[0].new == 3
    before = (snapshot_text(site.office), ops_count(site.office), site.office.open_conflicts())
    again = import_bundles(site.office, [new, old])
    assert again.ok
    assert [f.new for f in again.files] == [0, 0]
    assert again.files[0].already_imported and not again.files[1].already_imported
    after = (snapshot_text(site.office), ops_count(site.office), site.office.open_conflicts())
    assert after == before
    assert site.office.get("resident", p)["notes"] == "独居"  # type: ignore[index]
    w.close()


def test_concurrent_edits_become_conflicts_listed_and_resolvable_by_cli(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    rid = site.office.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0]
    w.update("resident", rid, {"phone": "13800000001"})
    site.office.update("resident", rid, {"phone": "13800000002"})  # later: wins
    site.send(w, site.office, "up")
    site.send(site.office, w, "down", micro_grid="第一微网格")
    for s in (site.office, w):
        assert s.get("resident", rid)["phone"] == "13800000002"  # type: ignore[index]
        [c] = list_conflicts(s)
        assert (c.entity_label, c.field_label, c.record) == (
            "居民",
            "联系电话",
            "张静华（致强小区 1栋 101）",
        )
        assert (c.current_value, c.current_user) == ("13800000002", "王主任")
        assert (c.other_value, c.other_user) == ("13800000001", "赵红")
    out = site.folder / "conflicts.json"
    w_db = str(w.path)
    w.close()
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["--db", w_db, "conflicts", "--json"]) == 0
    [item] = json.loads(buf.getvalue())
    assert item["other"]["value"] == "13800000001" and item["field_label"] == "联系电话"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", w_db, "conflicts", "resolve", str(item["id"]), "--keep", "other"]) == 0
    w = Store.open(w_db)
    assert w.open_conflicts() == []
    site.send(w, site.office, "resolution")
    assert site.office.open_conflicts() == []
    assert site.office.get("resident", rid)["phone"] == "13800000001"  # type: ignore[index]
    out.unlink(missing_ok=True)
    w.close()


def test_replacement_laptop_gets_what_the_old_one_already_acknowledged(site: Site) -> None:
    old = site.setup_worker("old", "赵红")
    new = site.setup_worker("new", "赵红")  # set up before the office's next edit
    rid = site.office.conn.execute("SELECT id FROM resident WHERE name = '李建国'").fetchone()[0]
    site.office.update("resident", rid, {"notes": "搬来照顾母亲"})
    site.send(site.office, old, "to-old", micro_grid="第一微网格")
    site.send(old, site.office, "old-ack")  # the office now knows the old laptop holds it
    down = site.folder / "to-new.gwbundle.json"
    assert export_bundle(site.office, down, micro_grid="第一微网格").op_count >= 1
    import_bundles(new, [down])
    assert snapshot_text(new) == snapshot_text(site.office, site.mg_a)
    old.close()
    new.close()


def test_preview_writes_nothing_and_says_what_would_change(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    add_household(w, site.mg_a, "102", ["周敏", "周杰"])
    up = site.folder / "up.gwbundle.json"
    export_bundle(w, up)
    before = dump(site.office)
    pv = preview_bundle(site.office, up)
    assert dump(site.office) == before
    assert (pv.new_ops, pv.held_ops, pv.op_count) == (3, 0, 3)
    assert pv.records_added == {"household": 1, "resident": 2}
    assert "新增居民 2 个" in pv.describe()
    w.close()


def test_office_imports_many_with_one_summary_per_sender(site: Site) -> None:
    w1 = site.setup_worker("w1", "赵红", "第一微网格")
    w2 = site.setup_worker("w2", "钱明", "第二微网格")
    add_household(w1, site.mg_a, "102", ["周敏"])
    add_household(w2, site.mg_b, "202", ["吴芳", "郑强"])
    inbox = site.folder / "inbox"
    inbox.mkdir()
    export_bundle(w1, inbox)
    export_bundle(w2, inbox)
    (inbox / "broken.gwbundle.json").write_text('{"manifest": {', encoding="utf-8")
    summary = import_bundles(site.office, [inbox])
    assert not summary.ok
    assert [f.applied for f in summary.files].count(True) == 2
    [bad] = summary.refused
    assert "broken.gwbundle.json" in bad.message and "截断" in bad.message
    totals = {t.sender_user: (t.new, t.held) for t in summary.by_sender().values()}
    assert totals == {"赵红": (2, 0), "钱明": (3, 0)}
    assert main(["--db", str(site.office.path), "bundle", "import", str(inbox)]) == 1
    (inbox / "broken.gwbundle.json").unlink()
    assert main(["--db", str(site.office.path), "bundle", "import", str(inbox)]) == 0
    w1.close()
    w2.close()


def test_export_for_all_micro_grids_names_files_clearly(site: Site) -> None:
    out = site.folder / "stick"
    out.mkdir()
    results = export_all_micro_grids(site.office, out)
    names = sorted(p.name for p in out.iterdir())
    assert len(results) == 2 and len(names) == 2
    day = datetime.now().strftime("%Y%m%d")
    assert f"致强社区-第一微网格-社区回传-{day}.gwbundle.json" in names
    for r in results:
        b = read_bundle(r.path)
        assert b.manifest.kind == "office" and b.manifest.op_count == r.op_count


def test_gzip_bundle_is_detected_on_read(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    add_household(w, site.mg_a, "102", ["周敏"])
    path = site.folder / "zipped.gwbundle.json"
    export_bundle(w, path, compress=True)
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    assert import_bundles(site.office, [path]).files[0].new == 2
    w.close()


def test_sync_status_counts_unacknowledged_and_warns_after_30_days(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    st = {s.name: s for s in sync_status(site.office)}
    assert st["第二微网格"].warning is not None and st["第二微网格"].last_received_at is None
    assert st["第二微网格"].unacked_ops == 4  # nobody acknowledged anything of that grid
    assert st["第一微网格"].unacked_ops == 0  # the set-up bundle carried everything
    site.send(w, site.office, "up")
    rid = site.office.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0]
    site.office.update("resident", rid, {"notes": "新备注"})
    st = {s.name: s for s in sync_status(site.office)}
    assert st["第一微网格"].unacked_ops == 1 and st["第一微网格"].peers == ("赵红",)
    assert st["第一微网格"].warning is None and st["第一微网格"].days_silent == 0
    later = datetime.now(UTC) + timedelta(days=31)
    st = {s.name: s for s in sync_status(site.office, now=later)}
    assert st["第一微网格"].days_silent == 31 and "31 天" in (st["第一微网格"].warning or "")
    [mine] = sync_status(w)
    assert mine.unacked_ops == 0 and mine.peers == ("王主任",)  # the set-up bundle counts as heard
    w.close()


def test_op_text_is_the_canonical_json_of_the_op(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    rid = w.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    w.update("resident", rid, {"tags": ["高龄", "独居老人"], "notes": 'say "hi"\n'})
    site.send(w, site.office, "up")
    [c] = [w.update("resident", rid, {"notes": "x"})]
    assert c is not None
    cols = "op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base, merged, micro_grid_id, wall"
    walls = 0
    for s in (w, site.office):
        for r in s.conn.execute(f"SELECT {cols}, received_at, {_OP_TEXT_SQL} FROM ops"):
            assert op_text(tuple(r)[:12]) == canonical(Op.from_row(r).to_json())
            assert r[13] == canonical(Op.from_row(r).to_json()).encode("utf-8")
            walls += r["wall"] is not None
    assert walls  # the edits' own times travel (and old operations have none)
    w.close()


def test_sqlite_builds_the_canonical_text_of_any_operation(tmp_path: Path) -> None:
    """Exports take each operation's text from SQLite's json_quote: the same escapes as
    Python's canonical JSON for every character a stored text may hold (the write path
    and the bundle check keep control characters out, but a text must never come out
    differently from its checksum), and empty maps left out as Op.to_json does."""
    s = Store.open(tmp_path / "db.sqlite3")
    assert _sqlite_quotes_as_python(s.conn)
    users = ['say "hi" \\ back', "".join(map(chr, range(1, 0x80))), "赵红\u2028😀", "\x00x"]
    cols = "op_id, device_id, seq, hlc, user_name, entity, entity_id, fields, base, merged"
    for i, user in enumerate(users):
        for base, merged, mg, wall in (
            (None, None, None, None),
            ("{}", "{}", "mg", 1765000000123),
            ('{"a":"h"}', '{"a":["h"]}', None, 0),
        ):
            s.conn.execute(
                f"INSERT INTO ops ({cols}, micro_grid_id, wall) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    f"op{i}{base}{mg}",
                    "dev",
                    1000 * i + len(base or "") + len(mg or ""),
                    "h",
                    user,
                    "resident",
                    "r1",
                    '{"a":"中\\n"}',
                    base,
                    merged,
                    mg,
                    wall,
                ),
            )
    q = f"SELECT {cols}, micro_grid_id, wall, received_at, {_OP_TEXT_SQL} FROM ops"
    for r in s.conn.execute(q):
        want = canonical(Op.from_row(r).to_json())
        assert op_text(tuple(r)[:12]) == want
        assert r[13] == want.encode("utf-8")
    s.close()


def test_import_can_be_cancelled_and_the_file_is_rolled_back(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    add_household(w, site.mg_a, "102", ["周敏"])
    up = site.folder / "up.gwbundle.json"
    export_bundle(w, up)
    before = snapshot_text(site.office)
    summary = import_bundles(
        site.office,
        [up, up],
        progress=Callbacks(lambda *a: calls.append(a), lambda: len(calls) > 0),
    )
    assert summary.cancelled and not summary.ok
    assert snapshot_text(site.office) == before
    w.close()


calls: list[object] = []


def test_worker_cannot_make_setup_bundles_and_office_needs_a_micro_grid(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    with pytest.raises(BundleError, match="配置包只能在社区电脑上生成"):
        export_bundle(w, site.folder / "x.gwbundle.json", setup=True)
    with pytest.raises(BundleError, match="要指定微网格"):
        export_bundle(site.office, site.folder / "x.gwbundle.json")
    with pytest.raises(BundleError, match="没有名为「第九微网格」的微网格"):
        export_bundle(site.office, site.folder / "x.gwbundle.json", micro_grid="第九微网格")
    assert not (site.folder / "x.gwbundle.json").exists()
    w.close()


def test_init_from_bundle_refuses_a_non_setup_bundle_and_leaves_no_file(
    site: Site, tmp_path: Path
) -> None:
    down = site.folder / "down.gwbundle.json"
    export_bundle(site.office, down, micro_grid="第一微网格")
    db = tmp_path / "new.sqlite3"
    with pytest.raises(BundleError, match="不是配置包"):
        from gridworker.sync.setup import init_from_bundle

        init_from_bundle(db, down, "赵红")
    assert not db.exists()


def test_a_worker_importing_the_shared_stick_skips_what_is_for_others(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA found: the office writes every micro-grid's bundle to one stick and each worker
    imports the folder; the other micro-grids' bundles (and the worker's own export) were
    errors, so every such import "failed" with exit 1."""
    worker = site.setup_worker("wa", "赵红")
    stick = site.folder / "stick"
    stick.mkdir()
    add_household(site.office, site.mg_a, "102", ["孙七"])
    export_all_micro_grids(site.office, stick)
    export_bundle(worker, stick / "赵红-回传.gwbundle.json")
    summary = import_bundles(worker, [stick])
    assert summary.ok and [f.path.name for f in summary.refused] == []
    assert sorted(f.applied for f in summary.files) == [False, False, True]
    assert len(summary.skipped) == 2
    assert any("孙七" in line for line in dump(worker))

    assert worker.path is not None
    capsys.readouterr()
    assert main(["--db", str(worker.path), "bundle", "import", str(stick)]) == 0
    out, err = capsys.readouterr()
    assert "跳过 2 个" in out and err == ""

    # Named one by one, a file for someone else is still refused.
    other = next(f.path for f in summary.skipped if "第二微网格" in f.path.name)
    assert not import_bundles(worker, [other]).ok


def test_the_import_counts_only_conflicts_left_open(site: Site) -> None:
    """QA found: a bundle carrying a conflict and its resolution reported "冲突 1 处" while
    `conflicts` listed none."""
    w1 = site.setup_worker("w1", "赵红")
    w2 = site.setup_worker("w2", "钱多")  # a second laptop of the same micro-grid
    rid = site.office.conn.execute("SELECT id FROM resident WHERE name = '张静华'").fetchone()[0]
    w1.update("resident", rid, {"phone": "13800000001"})
    site.office.update("resident", rid, {"phone": "13800000002"})
    site.send(w1, site.office, "up")
    [c] = site.office.open_conflicts()
    site.office.resolve_conflict(c["id"], "other")
    path = site.folder / "down.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格")
    summary = import_bundles(w2, [path])
    assert summary.ok and w2.open_conflicts() == []
    assert summary.files[0].conflicts == 0
