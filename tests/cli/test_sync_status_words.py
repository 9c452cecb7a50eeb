"""`gridworker sync-status` in a clerk's words: local time, never raw UTC; plain words for
what the other side has not received yet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gridworker.cli import main
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles


def test_sync_status_says_local_time_and_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, worker = tmp_path / "office.sqlite3", tmp_path / "worker.sqlite3"
    with Store.open(office) as o:
        o.init_installation("office", "致强社区", "王主任")
        o.ensure_micro_grid("第三微网格")
        setup = export_bundle(
            o, tmp_path / "setup.gwbundle.json", micro_grid="第三微网格", setup=True
        )
    from gridworker.sync.setup import init_from_bundle

    init_from_bundle(worker, setup.path, "赵红")
    with Store.open(worker) as w:
        w.create(
            "household",
            {"micro_grid_id": w.identity.micro_grid_id, "estate": "锦华苑", "room": "1"},
        )
        up = export_bundle(w, tmp_path / "up.gwbundle.json")
    with Store.open(office) as o:
        assert import_bundles(o, [up.path]).ok
    capsys.readouterr()
    assert main(["--db", str(office), "sync-status"]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", out)  # no raw UTC
    assert re.search(r"最近收到 \d{4}-\d\d-\d\d \d\d:\d\d", out)
    assert "未确认" not in out and "网格员还没收到的修改" in out
    capsys.readouterr()
    assert main(["--db", str(worker), "sync-status"]) == 0
    assert "社区还没收到的修改" in capsys.readouterr().out
