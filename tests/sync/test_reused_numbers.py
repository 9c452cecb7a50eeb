"""Two operations of one file under the same number — (device, seq) or hlc — are refused,
naming the later of the two: a device that reused its numbers would otherwise lose an edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_bundles.make_corpus import DEV, _bytes, _resealed, base_doc
from sync_helpers import Site, dump

from gridworker.sync import import_bundles


@pytest.mark.parametrize("taken", ["seq", "hlc"])
def test_a_number_used_twice_in_one_file_is_refused(site: Site, tmp_path: Path, taken: str) -> None:
    doc = base_doc()
    doc["ops"][2][taken] = doc["ops"][1][taken]  # the resident takes the household's
    path = tmp_path / f"twice-{taken}.gwbundle.json"
    path.write_bytes(_bytes(_resealed(doc)))
    before = dump(site.office)
    [f] = import_bundles(site.office, [path]).files
    seq = doc["ops"][2]["seq"]
    assert not f.applied
    assert f"里有两条不同的操作用了同一个编号（设备 {DEV} 第 {seq} 号）" in f.message
    assert dump(site.office) == before
