"""Voiding a record entered by mistake: an ordinary, synced edit that can be taken back."""

from __future__ import annotations

import pytest
from kind_for_tests import TEST_VISIT, add_table

from gridworker.store.entities import EntitySpec
from gridworker.store.errors import ValidationError
from gridworker.store.history import history
from gridworker.store.ops import Op
from gridworker.store.store import Store
from gridworker.store.titles import record_title


@pytest.fixture
def store(worker_store: Store, visit_kind: EntitySpec) -> Store:
    return add_table(worker_store)


def _visit(s: Store, notes: str) -> str:
    h = s.create("household", {"micro_grid_id": s.identity.micro_grid_id, "room": "101"})
    return s.create("test_visit", {"household_id": h, "visited_on": "2026-03-01", "notes": notes})


def _live(s: Store) -> list[str]:
    sql = f"SELECT notes FROM test_visit v WHERE {TEST_VISIT.live_sql('v')} ORDER BY notes"
    return [r[0] for r in s.conn.execute(sql)]


def test_a_voided_record_is_left_out_and_can_be_taken_back(store: Store) -> None:
    keep, wrong = _visit(store, "精神不错"), _visit(store, "录错了户")
    assert _live(store) == ["录错了户", "精神不错"]
    op = store.void("test_visit", wrong, "录错了户")
    assert op is not None and op.fields == {"voided": True, "void_reason": "录错了户"}
    assert _live(store) == ["精神不错"]
    assert record_title(store.conn, "test_visit", wrong) == "2026-03-01 录错了户（101）（已作废）"
    assert history(store.conn, [wrong])[0].describe() == (
        "修改测试走访：已作废 （空） → 是；作废原因 （空） → 录错了户"
    )
    store.unvoid("test_visit", wrong)
    assert _live(store) == ["录错了户", "精神不错"]
    assert store.get("test_visit", keep)["voided"] is None  # type: ignore[index]


def test_voiding_syncs_like_any_edit(store: Store, office_store: Store) -> None:
    add_table(office_store)
    wrong = _visit(store, "录错了户")
    store.void("test_visit", wrong, "重复录入")
    office_store.apply_ops([Op.from_row(r) for r in store.conn.execute("SELECT * FROM ops")])
    assert _live(office_store) == []
    assert office_store.get("test_visit", wrong)["void_reason"] == "重复录入"  # type: ignore[index]


def test_a_reason_is_needed_and_the_roster_is_not_voided(store: Store) -> None:
    wrong = _visit(store, "录错了户")
    with pytest.raises(ValidationError, match="原因"):
        store.void("test_visit", wrong, " ")
    h = store.conn.execute("SELECT id FROM household").fetchone()[0]
    with pytest.raises(ValidationError, match="户不能作废"):  # 迁出 and 死亡 are statuses
        store.void("household", h, "搬走了")
