"""The screens' read queries (pure SQLite): ordering, filters, rows, counts."""

from __future__ import annotations

from gridworker.store import queries
from gridworker.store.queries import ResidentFilter
from gridworker.store.roster import (
    HouseholdInput,
    ResidentInput,
    add_household,
    add_resident,
    set_status,
)
from gridworker.store.store import Store


def _fill(store: Store) -> dict[str, str]:
    ids = {}
    for building, room, name, idn, tags in (
        ("10栋", "101", "张三", "11010519491231002X", ["高龄"]),
        ("2栋", "201", "李四", "110105200001010016", []),
        ("2栋", "1201", "王五", None, ["低保"]),
    ):
        hh = add_household(store, HouseholdInput("锦华苑", building, "1单元", room))
        ids[name] = add_resident(
            store, hh, ResidentInput(name, id_number=idn, tags=tags, phone="13800001234")
        )
    return ids


def test_address_order_is_numeric(worker_store: Store) -> None:
    ids = _fill(worker_store)
    got = queries.resident_ids(worker_store.conn)
    assert got == [ids["李四"], ids["王五"], ids["张三"]]  # 2栋201, 2栋1201, 10栋101
    assert queries.resident_ids(worker_store.conn, descending=True) == got[::-1]


def test_filters_and_sorting(worker_store: Store) -> None:
    ids = _fill(worker_store)
    conn = worker_store.conn
    assert queries.resident_ids(conn, ResidentFilter(tag="低保")) == [ids["王五"]]
    assert set(queries.resident_ids(conn, ResidentFilter(building="2栋"))) == {
        ids["李四"],
        ids["王五"],
    }
    set_status(worker_store, ids["李四"], "迁出", "2024-03-01")
    assert ids["李四"] not in queries.resident_ids(conn)
    assert queries.resident_ids(conn, ResidentFilter(statuses=("迁出",))) == [ids["李四"]]
    by_age = queries.resident_ids(conn, ResidentFilter(statuses=None), sort="age", descending=True)
    assert by_age[0] == ids["张三"]  # born 1949: the oldest
    only = queries.resident_ids(conn, ResidentFilter(statuses=None), only=[ids["张三"]])
    assert only == [ids["张三"]]


def test_rows_counts_and_choices(worker_store: Store) -> None:
    ids = _fill(worker_store)
    conn = worker_store.conn
    rows = queries.resident_rows(conn, list(ids.values()))
    zhang = rows[ids["张三"]]
    assert zhang.address == "锦华苑10栋1单元101"
    assert zhang.tags == ("高龄",) and zhang.sex == "女"
    set_status(worker_store, ids["王五"], "死亡", "2024-01-02")
    c = queries.counts(conn, worker_store.identity.micro_grid_id)
    assert (c.households, c.residents, c.moved_out, c.deceased) == (3, 2, 0, 1)
    assert queries.estates(conn) == ["锦华苑"]
    assert queries.buildings(conn, "锦华苑") == ["2栋", "10栋"]
    assert queries.last_sync(conn) == (None, None)
    assert queries.simple_search(conn, "李") == [ids["李四"]]
    hh = queries.household(conn, str(zhang.household_id))
    assert hh is not None and hh.micro_grid_name == "第三微网格"
    assert queries.household_member_ids(conn, str(zhang.household_id)) == [ids["张三"]]


def test_last_sync_reads_the_bundle_log(worker_store: Store) -> None:
    conn = worker_store.conn
    assert queries.last_sync(conn) == (None, None)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(bundle_log)")}
    values = {
        "bundle_id": "b1",
        "direction": "sent",
        "kind": "worker",
        "at": "2024-05-01T02:00:00Z",
    }
    values = {k: v for k, v in values.items() if k in cols}
    conn.execute(
        f"INSERT INTO bundle_log ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    assert queries.last_sync(conn) == ("2024-05-01T02:00:00Z", None)


def test_office_rows_name_their_micro_grid_and_sort_by_it_in_reading_order(
    office_store: Store,
) -> None:
    ids = {}
    for grid, name in (("第十微网格", "张三"), ("第二微网格", "李四"), ("第三微网格", "王五")):
        mg = office_store.ensure_micro_grid(grid)
        hh = add_household(
            office_store, HouseholdInput("锦华苑", "1栋", room="101", micro_grid_id=mg)
        )
        ids[name] = add_resident(office_store, hh, ResidentInput(name))
    conn = office_store.conn
    rows = queries.resident_rows(conn, list(ids.values()))
    assert rows[ids["张三"]].micro_grid_name == "第十微网格"
    by_grid = queries.resident_ids(conn, sort="micro_grid")
    assert by_grid == [ids["李四"], ids["王五"], ids["张三"]]
    assert queries.resident_ids(conn, sort="micro_grid", descending=True) == by_grid[::-1]
    # with a filter's parameters before the ORDER BY's
    assert queries.resident_ids(conn, ResidentFilter(estate="锦华苑"), sort="micro_grid") == by_grid


def test_sorting_by_name_follows_pinyin(worker_store: Store) -> None:
    ids = _fill(worker_store)  # 张三, 李四, 王五
    hh = add_household(worker_store, HouseholdInput("锦华苑", "3栋", "1单元", "301"))
    ids["安琪"] = add_resident(worker_store, hh, ResidentInput("安琪"))
    conn = worker_store.conn
    got = queries.resident_ids(conn, sort="name")
    assert got == [ids["安琪"], ids["李四"], ids["王五"], ids["张三"]]
    assert queries.resident_ids(conn, sort="name", descending=True) == got[::-1]
    assert queries.resident_ids(conn, ResidentFilter(tag="低保"), sort="name") == [ids["王五"]]
