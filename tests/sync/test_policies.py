"""The office's rule documents: set once for the community, carried to every micro-grid."""

from __future__ import annotations

import json

import pytest
from sync_helpers import Site

from gridworker.store.errors import ValidationError
from gridworker.store.policies import (
    care_policy,
    checklist,
    in_force,
    policy_versions,
    record_in_force,
    set_policy,
)
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store


def _care_doc(store: Store, version: int, red_days: int) -> str:
    doc = care_policy(store).to_json()
    doc["version"] = version
    doc["colours"]["red"]["interval_days"] = red_days
    return json.dumps(doc, ensure_ascii=False)


def test_without_the_office_the_shipped_rules_are_in_force(site: Site) -> None:
    v = in_force(site.office, "care")
    assert v.shipped and v.version == 1
    assert care_policy(site.office).colours["red"].interval_days == 7
    assert checklist(site.office).version == in_force(site.office, "gas_checklist").version


def test_the_offices_policy_reaches_every_micro_grid_and_wins(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    b = site.setup_worker("b", "钱芳", "第二微网格")
    set_policy(site.office, "care", _care_doc(site.office, 2, 3), note="红色每3天")
    site.send(site.office, a, "to-a", micro_grid="第一微网格")
    site.send(site.office, b, "to-b", micro_grid="第二微网格")
    for worker in (a, b):
        assert care_policy(worker).colours["red"].interval_days == 3
        assert [v.version for v in policy_versions(worker, "care")] == [2]
        assert policy_versions(worker, "care")[0].note == "红色每3天"
    # and back: the worker's bundle does not disturb the office's record
    site.send(a, site.office, "from-a")
    assert care_policy(site.office).colours["red"].interval_days == 3
    assert snapshot_text(a).count('"kind": "care"') == 1
    a.close()
    b.close()


def test_every_version_is_kept_so_old_records_read_right(site: Site) -> None:
    set_policy(site.office, "care", _care_doc(site.office, 2, 5))
    set_policy(site.office, "care", _care_doc(site.office, 3, 4))
    assert [v.version for v in policy_versions(site.office, "care")] == [3, 2]
    assert care_policy(site.office).colours["red"].interval_days == 4


def test_a_worker_cannot_set_the_communitys_rules(site: Site) -> None:
    a = site.setup_worker("a", "赵红")
    with pytest.raises(ValidationError, match="只有社区电脑"):
        set_policy(a, "care", _care_doc(a, 2, 3))
    a.close()


def test_a_policy_must_be_newer_and_readable(site: Site) -> None:
    with pytest.raises(ValidationError, match="版本号应大于"):
        set_policy(
            site.office,
            "care",
            _care_doc(site.office, 1, 3),
        )
    set_policy(site.office, "care", _care_doc(site.office, 2, 3))
    with pytest.raises(ValidationError, match="版本号应大于"):
        set_policy(site.office, "care", _care_doc(site.office, 2, 5))
    with pytest.raises(ValidationError, match="JSON"):
        set_policy(site.office, "care", "{broken")
    bad = json.loads(_care_doc(site.office, 3, 3))
    bad["colours"]["red"]["counting_methods"] = ["到访不遇"]
    with pytest.raises(ValidationError, match="到访不遇"):
        set_policy(site.office, "care", json.dumps(bad, ensure_ascii=False))
    assert care_policy(site.office).colours["red"].interval_days == 3


def test_recording_the_shipped_version_on_two_devices_makes_one_record(site: Site) -> None:
    a = site.setup_worker("a", "赵红")
    record_in_force(a, "gas_checklist")
    record_in_force(site.office, "gas_checklist")
    record_in_force(site.office, "gas_checklist")  # again: nothing new
    site.send(a, site.office, "from-a")
    site.send(site.office, a, "to-a", micro_grid="第一微网格")
    for s in (a, site.office):
        rows = s.conn.execute("SELECT count(*) FROM policy WHERE kind = 'gas_checklist'").fetchone()
        assert rows[0] == 1
        assert not s.open_conflicts()
    a.close()
