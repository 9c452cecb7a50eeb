"""Every bad bundle is refused with one clear sentence naming the file, exit 1, nothing written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from bad_bundles.make_corpus import base_doc, build
from sync_helpers import Site, add_household, dump

from gridworker.cli import main
from gridworker.store.entities import ENTITIES
from gridworker.sync import export_bundle, import_bundles, preview_bundle
from gridworker.sync import importer as importer_module
from gridworker.sync.bundle import canonical, manifest_sha256, ops_sha256, read_bundle
from gridworker.sync.errors import BundleError
from gridworker.sync.schema import SUPPORTED, bundle_checker, bundle_schema, compile_schema
from gridworker.sync.setup import init_from_bundle

CORPUS = Path(__file__).parent / "bad_bundles"
EXPECTED: dict[str, str] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def _one_sentence(message: str, file_name: str) -> None:
    assert file_name in message
    assert "\n" not in message.strip()
    assert message.strip().endswith("。") and message.count("。") == 1, message


def test_committed_corpus_is_what_the_generator_makes(tmp_path: Path) -> None:
    expected = build(tmp_path)
    assert expected == EXPECTED
    for name in expected:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_the_unbroken_bundle_of_the_corpus_is_accepted(site: Site) -> None:
    path = site.folder / "good.gwbundle.json"
    path.write_text(json.dumps(base_doc(), ensure_ascii=False), encoding="utf-8")
    summary = import_bundles(site.office, [path])
    assert summary.ok and summary.files[0].new == 3


def _sealed(doc: dict[str, object], path: Path) -> Path:
    m = doc["manifest"]
    assert isinstance(m, dict)
    m.pop("manifest_sha256", None)
    m["manifest_sha256"] = manifest_sha256(m)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_version_1_bundle_with_whole_lists_is_still_read(site: Site) -> None:
    """Bundles of the earlier format (a set field as a whole list) keep importing."""
    doc = base_doc()
    doc["manifest"]["format_version"] = 1
    assert doc["ops"][2]["fields"]["tags"] == ["高龄"]
    summary = import_bundles(site.office, [_sealed(doc, site.folder / "v1.gwbundle.json")])
    assert summary.ok and summary.files[0].new == 3
    tags = site.office.conn.execute(
        "SELECT tags FROM resident WHERE id = ?", (doc["ops"][2]["entity_id"],)
    ).fetchone()[0]
    assert json.loads(tags) == ["高龄"]


def test_a_bundle_of_a_newer_format_is_refused_untouched_in_one_sentence(site: Site) -> None:
    doc = base_doc()
    doc["manifest"]["format_version"] = 3
    doc["ops"][2]["fields"]["care_colour"] = {"anything": "a newer app may write"}
    path = _sealed(doc, site.folder / "v3.gwbundle.json")
    before = dump(site.office)
    [f] = import_bundles(site.office, [path]).files
    assert not f.applied
    assert f.message == (
        "数据包 v3.gwbundle.json 由较新版本的程序生成（格式版本 3，本程序只认识到 2），"
        "请先升级本程序，没有导入。"
    )
    assert dump(site.office) == before
    assert not (site.office.path.parent / "backups").exists()  # refused before any work


def test_nan_and_infinity_are_not_json(site: Site) -> None:
    doc = base_doc()
    text = json.dumps(doc, ensure_ascii=False).replace('"陈桂兰"', "NaN")
    path = site.folder / "nan.gwbundle.json"
    path.write_text(text, encoding="utf-8")
    [f] = import_bundles(site.office, [path]).files
    assert not f.applied and "含有 NaN" in f.message, f.message
    _one_sentence(f.message, path.name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_bundle_is_refused(name: str, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / name
    before = dump(site.office)
    code = main(["--db", str(site.office.path), "bundle", "import", str(path)])
    _out, err = capsys.readouterr()
    assert code == 1
    [line] = [x for x in err.splitlines() if x.strip()]
    assert EXPECTED[name] in line
    _one_sentence(line, name)
    assert dump(site.office) == before
    with pytest.raises(BundleError) as e:
        preview_bundle(site.office, path)
    assert EXPECTED[name] in str(e.value)
    assert dump(site.office) == before


def test_init_from_a_bad_bundle_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite3"
    with pytest.raises(BundleError, match="校验和不符"):
        init_from_bundle(db, CORPUS / "checksum_mismatch.gwbundle.json", "赵红")
    assert not db.exists()


# -- cases that depend on who imports -----------------------------------------------------


def _refused_at(store_path: Path, bundle: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--db", str(store_path), "bundle", "import", str(bundle)])
    err = capsys.readouterr().err.strip()
    assert code == 1
    _one_sentence(err, bundle.name)
    return err


def test_worker_refuses_bundles_not_meant_for_it(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    w = site.setup_worker("w1", "赵红", "第一微网格")
    w2 = site.setup_worker("w2", "钱明", "第二微网格")
    before = dump(w)
    other_grid = site.folder / "for-b.gwbundle.json"
    export_bundle(site.office, other_grid, micro_grid="第二微网格")
    assert "是发给「第二微网格」的，本机负责「第一微网格」" in _refused_at(
        w.path, other_grid, capsys
    )  # type: ignore[arg-type]
    peer = site.folder / "w2.gwbundle.json"
    export_bundle(w2, peer)
    assert "是网格员 钱明 发给社区的，应在社区电脑上导入" in _refused_at(w.path, peer, capsys)  # type: ignore[arg-type]
    own = site.folder / "own.gwbundle.json"
    export_bundle(w, own)
    before = dump(w)
    assert "是本机自己导出的" in _refused_at(w.path, own, capsys)  # type: ignore[arg-type]
    assert dump(w) == before
    w.close()
    w2.close()


def test_worker_refuses_an_office_bundle_smuggling_another_grids_data(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    w = site.setup_worker("w1", "赵红", "第一微网格")
    path = site.folder / "down.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格", setup=True)
    doc = json.loads(path.read_text(encoding="utf-8"))
    foreign = next(
        iter(site.office.conn.execute("SELECT * FROM ops WHERE micro_grid_id = ?", (site.mg_b,)))
    )
    from gridworker.store.ops import Op

    doc["ops"].append(Op.from_row(foreign).to_json())
    doc["manifest"]["op_count"] = len(doc["ops"])
    doc["manifest"]["ops_sha256"] = ops_sha256([canonical(o) for o in doc["ops"]])
    doc["manifest"]["bundle_id"] += "0"
    doc["manifest"]["manifest_sha256"] = manifest_sha256(doc["manifest"])
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = dump(w)
    assert "不属于本微网格" in _refused_at(w.path, path, capsys)  # type: ignore[arg-type]
    assert dump(w) == before
    w.close()


def test_a_reused_op_number_is_refused_instead_of_silently_dropped(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop restored from an old backup numbers new edits like ones already sent,
    where no device records could be kept to notice the restore (a data folder that
    cannot be written): the office refuses rather than take them for ones it holds."""
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("GRIDWORKER_DEVICE_RECORDS", str(tmp_path / "not-a-folder" / "x"))
    w = site.setup_worker("w1", "赵红")
    backup = tmp_path / "restore.sqlite3"
    w.conn.execute("VACUUM INTO ?", (str(backup),))
    add_household(w, site.mg_a, "102", ["周敏"])
    site.send(w, site.office, "before-restore")
    db = w.path
    w.close()
    assert db is not None
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    backup.rename(db)
    from gridworker.store.store import Store

    w = Store.open(db)
    add_household(w, site.mg_a, "103", ["孙丽"])  # same seqs as the edits already sent
    path = site.folder / "after-restore.gwbundle.json"
    export_bundle(w, path)
    before = dump(site.office)
    assert "编号相同" in _refused_at(site.office.path, path, capsys)  # type: ignore[arg-type]
    assert dump(site.office) == before
    w.close()


def test_missing_reference_caught_at_commit_is_still_one_clear_sentence(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the pre-check ever missed a reference, the deferred foreign key refuses it cleanly."""
    monkeypatch.setattr(importer_module, "_check_references", lambda *a: None)
    before = dump(site.office)
    [f] = import_bundles(site.office, [CORPUS / "missing_household.gwbundle.json"]).files
    assert not f.applied and "引用了不存在的记录" in f.message
    _one_sentence(f.message, "missing_household.gwbundle.json")
    assert dump(site.office) == before


# -- the schema file and the checker ---------------------------------------------------------


def _keywords(schema: object) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        for k, v in schema.items():
            found.add(k)
            if k in ("properties", "patternProperties", "$defs"):
                for sub in v.values():
                    found |= _keywords(sub)
            elif k == "allOf":
                for sub in v:
                    found |= _keywords(sub)
            elif k not in ("enum", "const", "required"):
                found |= _keywords(v)
    return found


def test_schema_uses_only_what_the_checker_enforces() -> None:
    schema = bundle_schema()
    assert _keywords(schema) <= SUPPORTED
    compile_schema(schema)
    op = schema["$defs"]["op"]
    assert set(op["properties"]["entity"]["enum"]) == set(ENTITIES)
    bad = dict(schema, contains={"type": "string"})
    with pytest.raises(ValueError, match="unsupported"):
        compile_schema(bad)


def test_schema_names_match_what_the_app_writes(site: Site) -> None:
    w = site.setup_worker("w1", "赵红")
    rid = w.conn.execute("SELECT id FROM resident LIMIT 1").fetchone()[0]
    w.update("resident", rid, {"name": "改过"})
    path = site.folder / "up.gwbundle.json"
    export_bundle(w, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    bundle_checker()(doc)  # what the app writes passes the published schema
    schema = bundle_schema()["$defs"]
    assert set(doc["manifest"]) <= set(schema["manifest"]["properties"])
    assert set(schema["manifest"]["required"]) <= set(doc["manifest"])
    op_keys = {k for o in doc["ops"] for k in o}
    assert "base" in op_keys  # an update was sent
    assert op_keys | {"merged"} == set(schema["op"]["properties"])
    assert read_bundle(path).manifest.op_count == len(doc["ops"])
    w.close()


def test_foreign_key_error_message_for_other_integrity_errors() -> None:
    e = importer_module._foreign_key_error(
        Path("x.gwbundle.json"), sqlite3.IntegrityError("UNIQUE")
    )
    _one_sentence(str(e), "x.gwbundle.json")
