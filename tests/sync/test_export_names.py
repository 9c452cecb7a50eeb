"""A bundle written into a folder never replaces one another installation made (two
laptops with the same user name exporting the same day), and a bundle's sender and date
can be read without reading its operations (the file chooser's columns)."""

from __future__ import annotations

import gzip

from sync_helpers import Site

from gridworker.sync import export_bundle
from gridworker.sync.bundle import peek_manifest


def test_two_laptops_of_the_same_user_never_overwrite_each_other(site: Site) -> None:
    stick = site.folder / "stick"
    stick.mkdir()
    a = site.setup_worker("a", "赵红")
    b = site.setup_worker("b", "赵红")  # a replaced laptop, or a colleague of that name
    first = export_bundle(a, stick)
    kept = first.path.read_bytes()
    second = export_bundle(b, stick)
    assert second.path != first.path and second.path.parent == stick
    assert first.path.read_bytes() == kept  # the other laptop's bundle is untouched
    assert second.path.name.endswith("-2.gwbundle.json")
    assert sorted(p.name for p in stick.iterdir()) == sorted([first.path.name, second.path.name])
    # a third laptop takes the next free name
    c = site.setup_worker("c", "赵红")
    assert export_bundle(c, stick).path.name.endswith("-3.gwbundle.json")
    for s in (a, b, c):
        s.close()


def test_an_installation_replaces_its_own_bundle_of_the_day(site: Site) -> None:
    stick = site.folder / "stick"
    stick.mkdir()
    w = site.setup_worker("w", "赵红")
    first = export_bundle(w, stick)
    again = export_bundle(w, stick)
    assert again.path == first.path
    assert [p.name for p in stick.iterdir()] == [first.path.name]
    w.close()


def test_a_file_that_is_no_bundle_of_ours_is_not_replaced(site: Site) -> None:
    stick = site.folder / "stick"
    stick.mkdir()
    w = site.setup_worker("w", "赵红")
    name = export_bundle(w, stick).path.name
    for p in stick.iterdir():
        p.unlink()
    (stick / name).write_text("somebody's notes", encoding="utf-8")
    written = export_bundle(w, stick)
    assert written.path.name != name
    assert (stick / name).read_text(encoding="utf-8") == "somebody's notes"
    w.close()


def test_the_manifest_is_read_without_the_operations(site: Site) -> None:
    w = site.setup_worker("w", "赵红")
    plain = export_bundle(w, site.folder / "plain.gwbundle.json")
    packed = export_bundle(w, site.folder / "packed.gwbundle.json.gz", compress=True)
    for result in (plain, packed):
        m = peek_manifest(result.path)
        assert m is not None
        assert (m.sender_user, m.kind, m.micro_grid_name) == ("赵红", "worker", "第一微网格")
        assert m.sender_device == w.identity.device_id
        assert m.created == result.created and m.op_count == result.op_count
    assert gzip.decompress(packed.path.read_bytes()).startswith(b"{")
    (site.folder / "x.gwbundle.json").write_text("not json", encoding="utf-8")
    assert peek_manifest(site.folder / "x.gwbundle.json") is None
    assert peek_manifest(site.folder / "missing.gwbundle.json") is None
    w.close()
