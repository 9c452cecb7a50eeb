"""Set fields (a resident's 人员类别) merge element by element.

The write path takes the whole list and writes the elements added and removed; each
element has its own clock, so tags added on two laptops both survive, and only a
concurrent add and remove of the same element is a conflict for a person to decide.
Whole-list operations of format version 1 keep applying next to element edits.
"""

from __future__ import annotations

from legacy_ops import legacy_list_op

from gridworker.store.history import history
from gridworker.store.ops import Op, clock_loads
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.sync.conflicts import list_conflicts


def _ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def _three() -> tuple[Store, Store, Store, str]:
    """An office and two laptops holding one resident with the tag 高龄."""
    stores = []
    for i in range(3):
        s = Store.open(":memory:")
        if i == 0:
            s.init_installation("office", "致强社区", "王主任")
        else:
            s.init_installation("worker", "致强社区", f"网格员{i}", micro_grid="第三微网格")
        stores.append(s)
    office, a, b = stores
    mg = office.ensure_micro_grid("第三微网格")
    h = office.create("household", {"micro_grid_id": mg, "room": "101"})
    person = office.create("resident", {"household_id": h, "name": "陈桂兰", "tags": ["高龄"]})
    for s in (a, b):
        s.apply_ops(_ops(office))
    return office, a, b, person


def _exchange(*stores: Store) -> None:
    everything = [op for s in stores for op in _ops(s)]
    for s in stores:
        s.apply_ops(everything)


def _tags(s: Store, person: str) -> list[str]:
    row = s.get("resident", person)
    assert row is not None
    return row["tags"]  # type: ignore[return-value]


def test_the_write_path_writes_the_elements_added_and_removed() -> None:
    office, _a, _b, person = _three()
    op = office.update("resident", person, {"tags": ["低保", "独居老人"]})
    assert op is not None
    assert op.fields == {"tags[独居老人]": True, "tags[低保]": True, "tags[高龄]": False}
    first = office.conn.execute(
        "SELECT hlc FROM ops WHERE entity_id = ? ORDER BY hlc LIMIT 1", (person,)
    ).fetchone()[0]
    assert op.base == {"tags[高龄]": first}  # each element replaces its own clock
    # Stored in the care categories' order, whatever order it was given in.
    assert _tags(office, person) == ["独居老人", "低保"]
    # The same set in another order, with repeats and blanks, changes nothing.
    assert office.update("resident", person, {"tags": ["低保", " 独居老人", "低保", ""]}) is None


def test_tags_added_on_two_laptops_both_survive_without_a_conflict() -> None:
    office, a, b, person = _three()
    a.update("resident", person, {"tags": ["高龄", "独居老人"]})
    b.update("resident", person, {"tags": ["高龄", "低保"]})
    _exchange(office, a, b)
    _exchange(office, a, b)
    for s in (office, a, b):
        assert _tags(s, person) == ["独居老人", "高龄", "低保"]
        assert s.open_conflicts() == []
    assert len({snapshot_text(s, a.identity.micro_grid_id) for s in (office, a, b)}) == 1


def test_one_laptop_removes_a_tag_while_another_adds_one() -> None:
    office, a, b, person = _three()
    a.update("resident", person, {"tags": []})
    b.update("resident", person, {"tags": ["高龄", "低保"]})
    _exchange(office, a, b)
    for s in (office, a, b):
        assert _tags(s, person) == ["低保"]
        assert s.open_conflicts() == []


def test_a_concurrent_add_and_remove_of_one_element_is_a_conflict_naming_it() -> None:
    office, a, b, person = _three()
    a.update("resident", person, {"tags": []})  # 高龄 off…
    a.update("resident", person, {"tags": ["高龄"]})  # …and on again
    b.update("resident", person, {"tags": []})  # meanwhile b takes it off
    _exchange(office, a, b)
    [c] = list_conflicts(office)
    assert c.field == "tags[高龄]" and c.field_label == "人员类别「高龄」"
    assert c.record == "陈桂兰（101）"
    assert {c.current_value, c.other_value} == {True, False}
    winner = c.current_value
    assert (_tags(office, person) == ["高龄"]) is winner
    office.resolve_conflict(c.id, keep="other")
    assert (_tags(office, person) == ["高龄"]) is (not winner)
    _exchange(office, a, b)
    for s in (office, a, b):
        assert s.open_conflicts() == []
        assert (_tags(s, person) == ["高龄"]) is (not winner)


def test_history_shows_the_elements_added_and_removed() -> None:
    office, _a, _b, person = _three()
    office.update("resident", person, {"tags": ["独居老人"]})
    latest, first = history(office.conn, [person])
    assert latest.describe() == "修改居民：人员类别 +独居老人 −高龄"
    assert (
        first.describe()
        == "新建居民：所在户="
        + str(
            office.get("resident", person)["household_id"]  # type: ignore[index]
        )
        + "；姓名=陈桂兰；人员类别=高龄"
    )


def test_whole_list_operations_of_version_1_still_apply_element_by_element() -> None:
    """A whole list is "every element as listed" at its hlc: a later element edit wins for
    its element, a later whole list for every element it does not follow."""
    office, a, b, person = _three()
    a.update("resident", person, {"tags": ["高龄", "低保"]})  # element edit
    legacy_list_op(b, person, ["独居老人"])  # an older app's edit, later
    _exchange(office, a, b)
    for s in (office, a, b):
        assert _tags(s, person) == ["独居老人"]
    a.update("resident", person, {"tags": ["独居老人", "困境儿童"]})  # after the list
    _exchange(office, a, b)
    for s in (office, a, b):
        assert _tags(s, person) == ["独居老人", "困境儿童"]
        clock = clock_loads(
            s.conn.execute("SELECT _clock FROM resident WHERE id = ?", (person,)).fetchone()[0]
        )
        assert {"tags", "tags[高龄]", "tags[低保]", "tags[困境儿童]"} <= clock.keys()


def test_the_element_clocks_keep_removed_elements() -> None:
    """A removed element keeps its clock (a tombstone): an older add arriving late
    does not bring it back."""
    office, a, _b, person = _three()
    a.update("resident", person, {"tags": ["高龄", "低保"]})
    late = _ops(a)[-1]
    a.update("resident", person, {"tags": ["高龄"]})
    office.apply_ops([op for op in _ops(a) if op.op_id != late.op_id])
    assert _tags(office, person) == ["高龄"]
    office.apply_ops([late])
    assert _tags(office, person) == ["高龄"]
    assert office.open_conflicts() == []
