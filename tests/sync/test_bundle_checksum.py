"""The ops checksum: taken from the file's own bytes when laid out as we write it,
re-encoded from the parsed operations otherwise; a changed byte is caught either way."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from sync_helpers import Site

from gridworker.sync import bundle, export_bundle
from gridworker.sync.bundle import read_bundle
from gridworker.sync.errors import BundleError


def _exported(site: Site) -> Path:
    path = site.folder / "a.gwbundle.json"
    export_bundle(site.office, path, micro_grid="第一微网格")
    return path


def test_our_layout_is_verified_from_the_bytes_without_re_encoding(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _exported(site)

    def no_canonical(value: object) -> str:
        raise AssertionError("re-encoded although the file is in the app's own layout")

    monkeypatch.setattr(bundle, "canonical", no_canonical)
    b = read_bundle(path)
    assert len(b.ops) == b.manifest.op_count > 0


def test_a_hand_edit_in_our_layout_is_refused(site: Site) -> None:
    path = _exported(site)
    text = path.read_text(encoding="utf-8")
    assert "张静华" in text
    path.write_text(text.replace("张静华", "张静花", 1), encoding="utf-8")
    with pytest.raises(BundleError, match="校验和不符"):
        read_bundle(path)


def test_another_programs_layout_is_accepted_by_re_encoding(site: Site) -> None:
    """Another system may write the same document indented, keys in any order, gzipped."""
    path = _exported(site)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc = {"ops": [dict(reversed(list(o.items()))) for o in doc["ops"]], **doc}
    other = site.folder / "other.gwbundle.json.gz"
    other.write_bytes(gzip.compress(json.dumps(doc, indent=4).encode("ascii")))
    assert read_bundle(other).manifest.ops_sha256 == read_bundle(path).manifest.ops_sha256


def test_our_layout_with_a_changed_op_but_a_stale_checksum_is_refused_gzipped(
    site: Site,
) -> None:
    path = _exported(site)
    data = path.read_bytes()
    i = data.index(b'"name":"')
    edited = data[:i] + data[i:].replace("张静华".encode(), "李静华".encode(), 1)
    assert edited != data
    path.write_bytes(gzip.compress(edited))
    with pytest.raises(BundleError, match="校验和不符"):
        read_bundle(path)
