"""The screens' read queries (pure SQLite): ordering, filters, rows, counts; and the
house rule that the screens themselves hold no SQL."""

from __future__ import annotations

import re
from pathlib import Path

import gridworker.ui
from gridworker.store import queries
from gridworker.store.queries import ResidentFilter
from gridworker.store.roster import (
    HouseholdInput,
    ResidentInput,
    add_household,
    add_resident,
    set_status,
    update_resident,
)
from gridworker.store.store import Store
from gridworker.ui.worker import DbRunner


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


# -- the screens hold no SQL ----------------------------------------------------------

UI = Path(gridworker.ui.__file__).parent
SQL = re.compile(
    r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA|CREATE\s+TABLE)\b"
    r"|\.execute(many|script)?\("
    r"|\.conn\b"
)


def test_the_ui_holds_no_sql() -> None:
    """House rule: the screens call named reads in store/ through the database thread;
    they never write SQL or touch the connection."""
    found = [
        f"{path.relative_to(UI.parent)}:{n}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL.search(line)
    ]
    assert found == []
    assert not hasattr(DbRunner, "query")  # no job is handed the raw connection


def test_the_scan_would_see_sql() -> None:
    for line in (
        'conn.execute("SELECT id FROM resident")',
        "store.conn",
        "rows = db.executemany(sql, params)",
        '"UPDATE household SET phone = ?"',
    ):
        assert SQL.search(line), line
    assert not SQL.search("self.runner.run(lambda store, _ctx: queries.household_of(store, rid))")


def test_the_screens_named_reads(worker_store: Store) -> None:
    ids = _fill(worker_store)
    mg = worker_store.identity.micro_grid_id
    everyone = ResidentFilter(micro_grid_id=mg)
    assert queries.roster_list(worker_store, "", everyone) == [
        ids["李四"],
        ids["王五"],
        ids["张三"],
    ]
    assert queries.roster_list(worker_store, "张三", everyone) == [ids["张三"]]
    by_name = queries.roster_list(worker_store, "1234", everyone, sort="name", descending=True)
    assert by_name == [ids["张三"], ids["王五"], ids["李四"]]  # zhang, wang, li
    assert set(queries.roster_rows(worker_store, [ids["张三"]])) == {ids["张三"]}

    figures = queries.status_figures(worker_store, mg)
    assert (figures.counts.households, figures.counts.residents) == (3, 3)
    assert figures.last_exported is None and figures.last_imported is None

    choices = queries.filter_choices(worker_store, mg)
    assert choices.estates == ["锦华苑"] and [n for _, n in choices.micro_grids] == ["第三微网格"]
    assert queries.estate_choices(worker_store) == ["锦华苑"]
    assert queries.building_choices(worker_store, "锦华苑") == ["2栋", "10栋"]
    assert queries.community_micro_grids(worker_store) == choices.micro_grids

    home = queries.household_of(worker_store, ids["张三"])
    assert home is not None and queries.household_of(worker_store, "no-such-id") is None
    view = queries.household_view(worker_store, home)
    assert view is not None and view.member_ids == [ids["张三"]]
    assert view.household.address == "锦华苑10栋1单元101" and view.history
    assert queries.household_view(worker_store, "no-such-id") is None

    form = queries.household_form(worker_store, home, mg)
    assert form.current is not None and form.current["room"] == "101"
    assert form.head is None  # no one there is 本人
    update_resident(worker_store, ids["张三"], {"relation": "本人"})
    assert queries.household_form(worker_store, home, mg).head == "张三"
    new = queries.household_form(worker_store, None, mg)
    assert new.current is None and new.estates == ["锦华苑"]


def test_data_version_counts_other_programs_commits_only(worker_store: Store) -> None:
    before = queries.data_version(worker_store)
    _fill(worker_store)
    assert queries.data_version(worker_store) == before  # our own writes
    assert worker_store.path is not None
    with Store.open(worker_store.path) as other:
        other.set_meta("note", "x")
        other.conn.commit()
    assert queries.data_version(worker_store) != before
