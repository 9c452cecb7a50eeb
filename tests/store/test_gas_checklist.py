"""The shipped gas checklist template and its loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gridworker.core.gas_checklist import ChecklistError, parse_checklist
from gridworker.store.policies import checklist_file, load_checklist


def test_shipped_template_has_the_common_items_and_grade_policy() -> None:
    c = load_checklist()
    assert c.version >= 1 and c.answers == ("合格", "隐患", "不适用")
    codes = [i.code for i in c.items]
    assert len(codes) == len(set(codes)) == 16
    assert codes[0] == "leak" and "alarm" in codes
    assert c.item("leak").grade == "重大" and c.item("alarm").grade == "提示"
    assert c.item("heater_flue").grade_note
    assert [g.grade for g in c.grades] == ["重大", "一般", "提示"]
    major, ordinary, advice = c.grades
    assert (major.deadline_days, major.stop_use, major.notice) == (7, True, True)
    assert (ordinary.deadline_days, ordinary.reminder_days, ordinary.stop_use) == (30, 15, False)
    assert advice.deadline_days is None and not advice.notice
    assert c.inspection_interval_months == 12


def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads(checklist_file().read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"format": "other"}, "不是燃气安全检查表"),
        ({"version": "1"}, "版本号"),
        ({"items": []}, "没有任何检查项"),
        ({"grades": []}, "三个等级"),
    ],
)
def test_bad_templates_are_refused_by_name(change: dict[str, object], words: str) -> None:
    with pytest.raises(ChecklistError, match=words):
        parse_checklist({**_data(), **change})


def test_a_bad_item_names_its_place() -> None:
    data = _data()
    items = list(data["items"])  # type: ignore[call-overload]
    items[2] = {**items[2], "grade": "严重"}
    with pytest.raises(ChecklistError, match=r"items\[2\]"):
        parse_checklist({**data, "items": items})
    items[2] = dict(items[1])
    with pytest.raises(ChecklistError, match="hose_type"):
        parse_checklist({**data, "items": items})


def test_a_file_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "checklist.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ChecklistError, match="不是有效的 JSON"):
        load_checklist(bad)
