"""Field and record names reach the screens from the entity specs, in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gridworker.core.messages import msg
from gridworker.store.entities import ENTITIES, field_term, record_term
from gridworker.store.history import history
from gridworker.store.store import Store
from gridworker.ui import preferences
from gridworker.ui.app import build_application
from gridworker.ui.roster.household_page import describe
from gridworker.ui.wording import display, field_name, record_name, records_name


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[preferences.Language]:
    lang: preferences.Language = request.param
    preferences.set_language(lang)
    build_application()
    yield lang
    preferences.set_language("zh_CN")
    build_application()


def test_every_field_and_kind_is_named_by_its_spec(language: preferences.Language) -> None:
    en = language == "en"
    for s in ENTITIES.values():
        assert record_name(s.name) == (s.label_en if en else s.label_zh)
        assert records_name(s.name) == (s.plural_en if en else s.label_zh)
        assert display(record_term(s.name)) == (s.label_en if en else s.label_zh)
        for f in s.fields:
            wanted = f.label_en if en else f.label_zh
            assert field_name(s.name, f.name) == wanted
            assert display(field_term(s.name, f.name)) == wanted
    assert field_name("resident", "tags[低保]") == (
        "Special groups “Minimum allowance”" if en else "人员类别「低保」"
    )
    sentence = msg("{field}不能为空。", field=field_term("micro_grid", "name"))
    assert display(sentence) == ("Name cannot be empty." if en else "名称不能为空。")


def test_history_shows_set_elements_and_hides_links(
    language: preferences.Language, worker_store: Store
) -> None:
    h = worker_store.create("household", {"micro_grid_id": worker_store.identity.micro_grid_id})
    r = worker_store.create("resident", {"household_id": h, "name": "陈桂兰", "tags": ["高龄"]})
    worker_store.update("resident", r, {"tags": ["独居老人"]})
    changed, created = history(worker_store.conn, [r])
    if language == "en":
        assert describe(changed) == (
            "Changed Resident: Special groups +Elderly, living alone −Aged 80+"
        )
        assert describe(created) == "New Resident: Name=陈桂兰; Special groups=Aged 80+"
    else:
        assert describe(changed) == "修改居民：人员类别 +独居老人 −高龄"
        assert describe(created) == "新建居民：姓名=陈桂兰；人员类别=高龄"
