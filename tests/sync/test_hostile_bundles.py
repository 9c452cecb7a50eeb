"""Bundles that are damaged or crafted beyond what the format allows: each is one clear
refusal naming the file, nothing is imported, and the database keeps working.

(The simple cases — a wrong type, a control character, a far-future hlc — are in the
corpus of tests/sync/bad_bundles; these need a live office, a worker or the file system.)
"""

from __future__ import annotations

import copy
import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from bad_bundles.make_corpus import DEV, base_doc
from sync_helpers import Site, add_household, dump

from gridworker.cli import main
from gridworker.core.hlc import MAX_MS, Clock, Timestamp
from gridworker.store.entities import ENTITIES
from gridworker.store.store import Store
from gridworker.sync import bundle as bundle_module
from gridworker.sync import export_bundle, import_bundles, preview_bundle
from gridworker.sync.bundle import canonical, manifest_sha256, ops_sha256, read_bundle
from gridworker.sync.errors import BundleError
from gridworker.sync.schema import bundle_schema
from gridworker.sync.setup import init_from_bundle


def _one_sentence(message: str, file_name: str) -> None:
    assert file_name in message, message
    assert "\n" not in message.strip()
    assert message.strip().endswith("。") and message.count("。") == 1, message


def _write(path: Path, doc: dict[str, Any], *, seal: bool = True) -> Path:
    """The document as a file, op count and checksums made to match (a crafted file)."""
    m = doc["manifest"]
    m["op_count"] = len(doc["ops"])
    m["ops_sha256"] = ops_sha256([canonical(o) for o in doc["ops"]])
    m.pop("manifest_sha256", None)
    if seal:
        m["manifest_sha256"] = manifest_sha256(m)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _refused(store: Store, path: Path, words: str) -> str:
    before = dump(store)
    [f] = import_bundles(store, [path]).files
    assert not f.applied, f.message
    assert words in f.message, f.message
    _one_sentence(f.message, path.name)
    assert dump(store) == before
    with pytest.raises(BundleError, match=words):
        preview_bundle(store, path)
    assert dump(store) == before
    return f.message


# -- 1. values of the wrong type never reach the database ----------------------------------


def test_a_refused_value_leaves_snapshot_and_search_working(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = base_doc()
    doc["ops"][2]["fields"]["tags"] = 5
    path = _write(site.folder / "tags.gwbundle.json", doc)
    _refused(site.office, path, "应为列表或null")
    db = str(site.office.path)
    assert main(["--db", db, "snapshot"]) == 0
    assert main(["--db", db, "roster", "search", "张"]) == 0
    capsys.readouterr()


def test_the_schema_types_each_field_as_the_entity_specs_declare() -> None:
    """The schema checks value types per entity and field, as the specs declare them
    (tests/store/test_registry.py holds every spec to the schema in detail)."""
    defs = bundle_schema()["$defs"]
    for s in ENTITIES.values():
        fields = defs[f"fields_{s.name}"]
        assert set(fields["properties"]) == set(s.field_names)
        assert fields["additionalProperties"] is False
        for f in s.fields:
            if f.kind == "text":
                assert fields["properties"][f.name] == {"$ref": "#/$defs/value_text"}
    assert defs["value_text"] == {"type": ["string", "null"]}


def test_tab_line_breaks_emoji_and_null_values_are_accepted(site: Site) -> None:
    """Only control characters other than tab and line breaks are refused; an escaped
    surrogate PAIR is an ordinary character (another program's ensure_ascii output)."""
    doc = base_doc()
    doc["ops"][2]["fields"].update(
        {"notes": "第一行\r\n第二行\t完 😀", "phone": None, "tags": ["高龄"]}
    )
    m = doc["manifest"]
    m["ops_sha256"] = ops_sha256([canonical(o) for o in doc["ops"]])
    m["manifest_sha256"] = manifest_sha256(m)
    path = site.folder / "ok.gwbundle.json"
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="ascii")
    assert "\\ud83d\\ude00" in path.read_text(encoding="ascii")
    summary = import_bundles(site.office, [path])
    assert summary.ok, summary.files[0].message
    notes = site.office.conn.execute(
        "SELECT notes FROM resident WHERE id = ?", (doc["ops"][2]["entity_id"],)
    ).fetchone()[0]
    assert notes == "第一行\r\n第二行\t完 😀"


# -- 2. far-future clocks -----------------------------------------------------------------------


def _retimed(doc: dict[str, Any], ms: int) -> dict[str, Any]:
    for i, op in enumerate(doc["ops"]):
        op["hlc"] = f"{ms + i:013d}-0000-{DEV}"
    return doc


def test_a_laptop_clock_years_ahead_still_syncs_and_the_office_keeps_working(
    site: Site,
) -> None:
    ahead = 1_956_528_000_000  # 2032-01-01: a laptop set six years ahead
    path = _write(site.folder / "ahead.gwbundle.json", _retimed(base_doc(), ahead))
    assert import_bundles(site.office, [path]).ok
    rid = site.office.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    op = site.office.update("resident", rid, {"notes": "办公室随后修改"})
    assert op is not None and op.hlc > f"{ahead:013d}"


def test_the_latest_accepted_hlc_cannot_break_the_office_clock(site: Site) -> None:
    doc = base_doc()
    for i, op in enumerate(doc["ops"]):
        op["hlc"] = f"{MAX_MS:013d}-{9997 + i:04d}-{DEV}"
    path = _write(site.folder / "edge.gwbundle.json", doc)
    assert import_bundles(site.office, [path]).ok
    rid = site.office.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    for n in range(3):
        site.office.update("resident", rid, {"notes": f"第{n}次"})
    db = site.office.path
    assert db is not None
    site.office.close()
    again = Store.open(db)  # the clock read back from the database still parses
    add_household(again, site.mg_a, "909", ["新人"])
    site.office = again


def test_a_far_future_hlc_is_refused_and_the_office_clock_untouched(site: Site) -> None:
    doc = _retimed(base_doc(), 9_999_999_999_990)
    path = _write(site.folder / "future.gwbundle.json", doc)
    _refused(site.office, path, "晚于允许的 2200 年")
    rid = site.office.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    op = site.office.update("resident", rid, {"notes": "之后的修改"})
    assert op is not None and Timestamp.parse(op.hlc).ms < MAX_MS


def test_clock_readings_past_the_bound_are_clamped_and_never_overflow() -> None:
    """A system clock set centuries ahead must not write a timestamp the format cannot hold."""
    c = Clock("dev", now=lambda: 99_999_999_999_999)
    stamps = [c.tick() for _ in range(20_005)]
    assert all(Timestamp.parse(s).ms <= MAX_MS + 2 for s in stamps)
    assert stamps == sorted(stamps)
    with pytest.raises(ValueError):
        Clock("dev").observe(f"{MAX_MS + 10**9:013d}-0000-other")


# -- 3. files too deep or too big -----------------------------------------------------------------


def test_deep_nesting_is_refused_by_init_from_bundle_too(tmp_path: Path) -> None:
    path = tmp_path / "deep.gwbundle.json"
    path.write_bytes(b"[" * 100000 + b"]" * 100000)
    db = tmp_path / "w.sqlite3"
    with pytest.raises(BundleError, match="嵌套层数太多") as e:
        init_from_bundle(db, path, "赵红")
    _one_sentence(str(e.value), path.name)
    assert not db.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = site.folder / "big.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格")
    size = path.stat().st_size
    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_BYTES", size - 1)

    def no_reading(*a: object, **k: object) -> bytes:
        raise AssertionError("read although too big")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(BundleError, match="超过数据包上限") as e:
        read_bundle(path)
    _one_sentence(str(e.value), path.name)


def test_a_gzip_bomb_is_refused_without_unpacking_it_whole(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_BYTES", 1_000_000)
    path = site.folder / "bomb.gwbundle.json"
    path.write_bytes(gzip.compress(b" " * 5_000_000))
    assert path.stat().st_size < 1_000_000
    with pytest.raises(BundleError, match="解压后超过数据包上限") as e:
        read_bundle(path)
    _one_sentence(str(e.value), path.name)


def test_running_out_of_memory_is_a_refusal(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    path = site.folder / "a.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格")

    def no_memory(*a: object, **k: object) -> object:
        raise MemoryError

    monkeypatch.setattr(bundle_module.json, "loads", no_memory)
    with pytest.raises(BundleError, match="内存不足") as e:
        read_bundle(path)
    _one_sentence(str(e.value), path.name)


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.gwbundle.json"
    os.mkfifo(fifo)
    with pytest.raises(BundleError, match="不是普通文件") as e:
        read_bundle(fifo)
    _one_sentence(str(e.value), fifo.name)


# -- 4. a damaged version vector ------------------------------------------------------------------


def _worker_bundle(site: Site, w: Store) -> tuple[Path, dict[str, Any]]:
    rid = w.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    w.update("resident", rid, {"phone": "13900000000"})
    path = site.folder / "up.gwbundle.json"
    export_bundle(w, path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _inflate_office_range(doc: dict[str, Any], office_device: str) -> int:
    ranges = doc["manifest"]["version_vector"][office_device]
    ranges[-1][1] += 80
    return int(ranges[-1][1])


def test_a_flipped_digit_in_the_vector_breaks_the_manifest_checksum(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    path, doc = _worker_bundle(site, w)
    assert doc["manifest"]["manifest_sha256"] == manifest_sha256(doc["manifest"])
    _inflate_office_range(doc, site.office.identity.device_id)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    _refused(site.office, path, "清单校验和不符")
    w.close()


@pytest.mark.parametrize("sealed", [True, False], ids=["resealed", "older-writer"])
def test_a_vector_claiming_more_of_our_ops_than_we_ever_made_is_refused(
    site: Site, sealed: bool
) -> None:
    """Without the check the office would think the laptop holds office edits it never
    got, and never send them."""
    w = site.setup_worker("w1", "赵红")
    path, doc = _worker_bundle(site, w)
    office = site.office.identity.device_id
    last = int(site.office.conn.execute("SELECT max(seq) FROM ops").fetchone()[0])
    claimed = _inflate_office_range(doc, office)
    _write(path, doc, seal=sealed)
    message = _refused(site.office, path, f"本机第 {claimed} 号操作")
    assert f"只发出到第 {last} 号" in message
    w.close()


def test_a_worker_refuses_an_office_vector_claiming_its_unmade_ops(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    site.send(w, site.office, "first")
    down = site.folder / "down.gwbundle.json"
    export_bundle(site.office, down, micro_grid="第一微网格")
    doc = json.loads(down.read_text(encoding="utf-8"))
    doc["manifest"]["version_vector"][w.identity.device_id] = [[1, 500]]
    _write(down, doc)
    _refused(w, down, "本机第 500 号操作")
    w.close()


def test_a_bundle_of_an_older_writer_without_manifest_checksum_is_accepted(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    path, doc = _worker_bundle(site, w)
    del doc["manifest"]["manifest_sha256"]
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    assert import_bundles(site.office, [path]).ok
    w.close()


def test_the_manifest_checksum_covers_every_manifest_field(site: Site) -> None:
    path = site.folder / "a.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格")
    doc = json.loads(path.read_text(encoding="utf-8"))
    for key in ("created", "micro_grid_name", "op_count"):
        d = copy.deepcopy(doc)
        d["manifest"][key] = d["manifest"][key] + (1 if key == "op_count" else "x")
        assert manifest_sha256(d["manifest"]) != doc["manifest"]["manifest_sha256"]


# -- 5. where an export may be written --------------------------------------------------------------


def test_export_into_a_missing_folder_given_with_a_slash_is_refused(site: Site) -> None:
    missing = site.folder / "nosuchdir"
    with pytest.raises(BundleError, match="不存在") as e:
        export_bundle(site.office, str(missing) + os.sep, micro_grid="第一微网格")
    assert "nosuchdir" in str(e.value)
    assert not missing.exists()
    assert site.office.conn.execute("SELECT count(*) FROM bundle_log").fetchone()[0] == 0


def test_cli_export_into_a_missing_folder_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = site.folder / "nosuchdir"
    code = main(
        [
            "--db",
            str(site.office.path),
            "bundle",
            "export",
            "--micro-grid",
            "第一微网格",
            "--out",
            str(missing) + "/",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1, out
    assert "不存在" in err and "可以安全拔出" not in out
    assert not missing.exists()


def test_export_onto_something_that_is_not_a_regular_file_is_refused(site: Site) -> None:
    fifo = site.folder / "pipe.gwbundle.json"
    os.mkfifo(fifo)
    with pytest.raises(BundleError, match="不是普通文件"):
        export_bundle(site.office, fifo, micro_grid="第一微网格")
    assert fifo.is_fifo()
    assert site.office.conn.execute("SELECT count(*) FROM bundle_log").fetchone()[0] == 0
