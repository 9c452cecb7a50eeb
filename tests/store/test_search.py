"""Roster search through the real write path: names, pinyin, addresses, number tails.

Records are written with Store.create/update/apply_ops only; the index must follow every
write (local edits, household address changes, operations from another device).
"""

from __future__ import annotations

import pytest

from gridworker.core.ids import uuid7
from gridworker.store import search_index
from gridworker.store.ops import Op
from gridworker.store.search import count_matches, parse_query, search_residents, search_rows
from gridworker.store.store import Change, Store

ZHAO_ID = "11010519491231002X"
ZHAO_PHONE = "13812345678"


def _household(s: Store, estate: str, building: str, unit: str, room: str) -> str:
    mg = s.identity.micro_grid_id or s.ensure_micro_grid("第三微网格")
    return s.create(
        "household",
        {"micro_grid_id": mg, "estate": estate, "building": building, "unit": unit, "room": room},
    )


@pytest.fixture
def roster(worker_store: Store) -> dict[str, str]:
    """A small roster: 赵红 in 锦华苑3栋2单元301, and neighbours that must not match."""
    s = worker_store
    h1 = _household(s, "锦华苑", "3栋", "2单元", "301")
    h2 = _household(s, "锦华苑", "13栋", "2单元", "1302")
    h3 = _household(s, "致强小区", "1栋", "1单元", "101")
    ids = {
        "赵红": s.create(
            "resident",
            {"household_id": h1, "name": "赵红", "id_number": ZHAO_ID, "phone": ZHAO_PHONE},
        ),
        "赵红梅": s.create(
            "resident",
            {"household_id": h2, "name": "赵红梅", "id_number": "510104198001010011"},
        ),
        "张华": s.create(
            "resident",
            {"household_id": h3, "name": "张华", "phone": "13900000001", "tags": ["高龄"]},
        ),
        "单丽": s.create(
            "resident", {"household_id": h3, "name": "单丽", "status": "迁出", "tags": ["独居"]}
        ),
    }
    ids["h1"], ids["h2"], ids["h3"] = h1, h2, h3
    return ids


def _names(s: Store, query: str, **kw: object) -> list[str]:
    return [r["name"] for r in search_rows(s.conn, query, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    ["赵红", "赵", "红", "zh", "zhaoh", "zhaohong", "ZHAOHONG", "ｚｈａｏ", "ＺＨ", "3栋2单元",
     "锦华苑3栋", "301", "002x", "002X", "5678", "１３８１２３", "赵 3栋", "zhao 301"],
)  # fmt: skip
def test_zhao_hong_is_found(worker_store: Store, roster: dict[str, str], query: str) -> None:
    assert roster["赵红"] in search_residents(worker_store.conn, query)


@pytest.mark.parametrize(
    "query", ["李", "wang", "13栋", "4栋", "9999", "zhaohongx", "赵 13栋", "zhao 1302x"]
)
def test_zhao_hong_is_not_found_by_unrelated_text(
    worker_store: Store, roster: dict[str, str], query: str
) -> None:
    assert roster["赵红"] not in search_residents(worker_store.conn, query)


def test_address_number_matches_whole_numbers_only(
    worker_store: Store, roster: dict[str, str]
) -> None:
    assert _names(worker_store, "3栋2单元") == ["赵红"]
    assert _names(worker_store, "13栋") == ["赵红梅"]
    assert sorted(_names(worker_store, "2单元")) == ["赵红", "赵红梅"]


def test_id_and_phone_tails_match_the_end_only(worker_store: Store, roster: dict[str, str]) -> None:
    assert _names(worker_store, ZHAO_ID[-4:]) == ["赵红"]
    assert _names(worker_store, ZHAO_PHONE[-4:]) == ["赵红"]
    # "1231" is inside 赵红's ID (birth date) but not at its end.
    assert _names(worker_store, "1231") == []
    # A long run of digits is matched anywhere in an ID or phone.
    assert _names(worker_store, "19491231") == ["赵红"]
    assert _names(worker_store, ZHAO_ID) == ["赵红"]


def test_part_of_an_estate_name_is_found(worker_store: Store, roster: dict[str, str]) -> None:
    """Regression: "南苑" found nobody in 致强南苑 (only "致强" did). People type the
    distinctive part of an estate's name; a 1–2 character query matches word starts,
    so the estate's later characters start words, as a name's do."""
    s = worker_store
    h = _household(s, "致强南苑", "3栋", "2单元", "301")
    h13 = _household(s, "致强南苑", "13栋", "1单元", "1301")
    li = s.create("resident", {"household_id": h, "name": "李四"})
    wang = s.create("resident", {"household_id": h13, "name": "王五"})
    c = s.conn
    for query in ("南苑", "南", "苑", "强南", "致强南苑"):
        assert li in search_residents(c, query), query
    assert sorted(search_residents(c, "南苑")) == sorted([li, wang])
    assert search_residents(c, "南苑 3栋") == [li]
    assert search_residents(c, "南苑 13栋") == [wang]
    assert search_residents(c, "苑 3栋") == [li, roster["赵红"]]  # 致 < 锦
    # Building and unit numbers still match whole: 3栋 is not 13栋.
    assert roster["赵红梅"] not in search_residents(c, "3栋")
    assert wang not in search_residents(c, "3栋")
    assert search_residents(c, "1单元1301") == [wang]


def test_digits_inside_an_estate_name_start_no_words(worker_store: Store) -> None:
    """An estate's later characters start words, but not from inside a number: "3号"
    must not find 13号院, as 3栋 does not find 13栋."""
    s = worker_store
    h = _household(s, "13号院", "1栋", "1单元", "101")
    r = s.create("resident", {"household_id": h, "name": "李四"})
    assert search_residents(s.conn, "号院") == [r]
    assert search_residents(s.conn, "13号") == [r]
    assert search_residents(s.conn, "3号") == []


@pytest.mark.parametrize(
    "query",
    ["138-1234-5678", "138 1234 5678", "138－1234－5678", "１３８ １２３４ ５６７８",
     "138 - 1234 - 5678", "1234-5678", "110105-19491231-002X", "110105 19491231 002x",
     "110105-1949", "赵 138-1234-5678", "赵 138 1234 5678", "138—1234—5678"],
)  # fmt: skip
def test_numbers_typed_with_separators_are_found(
    worker_store: Store, roster: dict[str, str], query: str
) -> None:
    """Regression: a phone or ID typed in groups (138-4484-7389, 138 4484 7389) found
    nothing: it is searched as its digits."""
    assert search_residents(worker_store.conn, query) == [roster["赵红"]]


def test_digit_groups_separated_by_spaces_still_match_term_by_term(
    worker_store: Store, roster: dict[str, str]
) -> None:
    """Fewer than six digits in all are no phone or ID: "2 301" is still the start of an
    address part and a room number, each of which must match. Six or more may be either
    a number in groups or numbers that each must match ("5678 301": a phone tail and a
    room), so a space-separated run is searched both ways; a dash only joins."""
    c = worker_store.conn
    assert search_residents(c, "2 301") == [roster["赵红"]]
    assert search_residents(c, "2 1302") == [roster["赵红梅"]]
    assert search_residents(c, "2 401") == []
    assert search_residents(c, "5678 301") == [roster["赵红"]]
    assert search_residents(c, "301 002x") == [roster["赵红"]]
    assert search_residents(c, "5678 1302") == []
    assert search_residents(c, "5678-301") == []
    q = parse_query("138-1234-5678")
    assert q is not None and q == parse_query("13812345678")


def test_exact_name_ranks_first_then_address(worker_store: Store, roster: dict[str, str]) -> None:
    assert _names(worker_store, "赵红") == ["赵红", "赵红梅"]
    assert _names(worker_store, "zhaohongmei") == ["赵红梅"]
    # zh: 赵红 and 张华 have exactly these initials; 赵红梅 (zhm) only starts with them.
    assert _names(worker_store, "zh")[-1] == "赵红梅"
    assert set(_names(worker_store, "zh")[:2]) == {"赵红", "张华"}


def test_polyphonic_surname(worker_store: Store, roster: dict[str, str]) -> None:
    assert _names(worker_store, "shanli") == ["单丽"]
    assert _names(worker_store, "danli") == ["单丽"]
    assert _names(worker_store, "sl") == ["单丽"]


def test_moved_out_residents_stay_searchable_and_filters_apply(
    worker_store: Store, roster: dict[str, str]
) -> None:
    c = worker_store.conn
    assert search_residents(c, "单丽") == [roster["单丽"]]
    assert search_residents(c, "单丽", statuses=["在住"]) == []
    assert search_residents(c, "单丽", statuses=["迁出", "死亡"]) == [roster["单丽"]]
    assert sorted(_names(worker_store, "", tag="高龄")) == ["张华"]
    assert _names(worker_store, "赵", estate="锦华苑", building="13栋") == ["赵红梅"]
    mg = worker_store.identity.micro_grid_id
    assert len(search_residents(c, "", micro_grid_id=mg)) == 4
    assert search_residents(c, "赵", micro_grid_id="另一个微网格") == []
    assert count_matches(c, "赵") == 2
    assert count_matches(c, "", statuses=["在住"]) == 3
    assert count_matches(c, "zh", tag="高龄") == 1


def test_empty_query_lists_everyone_in_address_order(
    worker_store: Store, roster: dict[str, str]
) -> None:
    # Estates by code point (致 < 锦), 3栋 before 13栋 (numbers compare as numbers),
    # names last.
    assert _names(worker_store, "   ") == ["单丽", "张华", "赵红", "赵红梅"]
    assert len(search_residents(worker_store.conn, "", limit=2)) == 2


def test_limit(worker_store: Store, roster: dict[str, str]) -> None:
    assert len(search_residents(worker_store.conn, "zh", limit=1)) == 1
    assert len(search_residents(worker_store.conn, "zh", limit=None)) == 3


def test_rows_carry_full_record_and_address(worker_store: Store, roster: dict[str, str]) -> None:
    (row,) = search_rows(worker_store.conn, "zhaohong", limit=1)
    assert row["id"] == roster["赵红"]
    assert row["id_number"] == ZHAO_ID
    assert row["phone"] == ZHAO_PHONE
    assert row["address"] == "锦华苑3栋2单元301"
    assert row["tags"] == []


def test_rename_updates_the_index(worker_store: Store, roster: dict[str, str]) -> None:
    worker_store.update("resident", roster["赵红"], {"name": "钱芳"})
    c = worker_store.conn
    assert roster["赵红"] not in search_residents(c, "赵红")
    assert roster["赵红"] not in search_residents(c, "zhaoh")
    assert search_residents(c, "qianfang") == [roster["赵红"]]
    assert search_residents(c, "钱") == [roster["赵红"]]


def test_household_address_change_reindexes_its_residents(
    worker_store: Store, roster: dict[str, str]
) -> None:
    worker_store.update("household", roster["h1"], {"building": "7栋", "room": "502"})
    c = worker_store.conn
    assert search_residents(c, "3栋2单元") == []
    assert search_residents(c, "7栋2单元502") == [roster["赵红"]]
    assert search_residents(c, "赵 7栋") == [roster["赵红"]]


def test_moving_to_another_household_reindexes(worker_store: Store, roster: dict[str, str]) -> None:
    worker_store.update("resident", roster["赵红"], {"household_id": roster["h3"]})
    assert search_residents(worker_store.conn, "致强 赵红") == [roster["赵红"]]
    assert search_residents(worker_store.conn, "锦华苑 赵红") == [roster["赵红梅"]]


def test_query_cannot_forge_markers(worker_store: Store, roster: dict[str, str]) -> None:
    c = worker_store.conn
    assert search_residents(c, "||赵红|") == search_residents(c, "赵红")
    assert search_residents(c, '"赵"') == []  # quotes are text, not FTS syntax
    assert search_residents(c, "| \x1e") == search_residents(c, "")
    assert search_residents(c, "AND OR NOT ( *") == []


@pytest.mark.parametrize("grid", [False, True])
def test_both_query_plans_give_the_same_results(
    worker_store: Store, roster: dict[str, str], monkeypatch: pytest.MonkeyPatch, grid: bool
) -> None:
    """Few hits are sorted, many are found by walking the address order: same answers.

    Everyone is in the worker's micro-grid, so filtering by it (which always walks the
    micro-grid's address order) must not change the answers either.
    """
    from gridworker.store import search

    c = worker_store.conn
    mg = worker_store.identity.micro_grid_id if grid else None
    queries = ["赵", "zh", "赵红", "2单元", "1", "5678", "zh 锦华苑", "红"]
    for limit in (1, 2, 200):
        monkeypatch.setattr(search, "_SCAN_FACTOR", 10**9)  # always join
        joined = {q: search_residents(c, q, limit=limit) for q in queries}
        monkeypatch.setattr(search, "_SCAN_FACTOR", 0)  # always scan
        scanned = {q: search_residents(c, q, limit=limit, micro_grid_id=mg) for q in queries}
        assert scanned == joined
    assert joined["赵红"] == [roster["赵红"], roster["赵红梅"]]


def test_parse_query_shapes() -> None:
    assert parse_query("") is None
    assert parse_query("  ") is None
    q = parse_query("赵 1234")
    assert q is not None and "AND" in q.fts and q.exact is not None


def _all_ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def test_imported_operations_update_the_index() -> None:
    office = Store.open(":memory:")
    office.init_installation("office", "致强社区", "王主任")
    worker = Store.open(":memory:")
    worker.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    try:
        mg = worker.identity.micro_grid_id
        h = worker.create(
            "household",
            {
                "micro_grid_id": mg,
                "estate": "锦华苑",
                "building": "3栋",
                "unit": "2单元",
                "room": "301",
            },
        )
        r = worker.create("resident", {"household_id": h, "name": "赵红", "phone": ZHAO_PHONE})
        office.apply_ops(_all_ops(worker))
        assert search_residents(office.conn, "zhaoh") == [r]
        assert search_residents(office.conn, "3栋2单元") == [r]

        # Edits made on the worker's laptop reach the office's index too.
        seen = {op.op_id for op in _all_ops(office)}
        worker.write(
            [
                Change("resident", {"name": "赵虹"}, entity_id=r),
                Change("household", {"building": "5栋"}, entity_id=h),
            ]
        )
        office.apply_ops([op for op in _all_ops(worker) if op.op_id not in seen])
        assert search_residents(office.conn, "赵虹") == [r]
        assert search_residents(office.conn, "赵红") == []
        assert search_residents(office.conn, "3栋") == []
        assert search_residents(office.conn, "5栋2单元") == [r]
        # Applying the same operations again changes nothing.
        office.apply_ops(_all_ops(worker))
        assert count_matches(office.conn, "") == 1
    finally:
        office.close()
        worker.close()


def test_rebuild_gives_the_same_results(worker_store: Store, roster: dict[str, str]) -> None:
    c = worker_store.conn
    queries = ["赵", "zh", "3栋2单元", "5678", "", "shanli"]
    before = {q: search_residents(c, q) for q in queries}
    with worker_store.transaction():
        assert search_index.rebuild(c) == 4
    assert {q: search_residents(c, q) for q in queries} == before


def test_migration_indexes_residents_written_before_search_existed(tmp_path: object) -> None:
    """A file at schema 1 with residents gets them indexed when upgraded."""
    import sqlite3
    from pathlib import Path

    from gridworker.store.db import APP_ID
    from gridworker.store.migrations import all_migrations

    path = Path(str(tmp_path)) / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    all_migrations()[0].upgrade(conn)
    conn.execute("INSERT INTO household (id, estate, building) VALUES ('h', '锦华苑', '3栋')")
    conn.execute("INSERT INTO resident (id, household_id, name) VALUES ('r', 'h', '赵红')")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()
    s = Store.open(path)
    try:
        assert search_residents(s.conn, "zhaohong 3栋") == ["r"]
    finally:
        s.close()


def test_migration_rebuilds_entries_written_without_estate_start_words(
    tmp_path: object,
) -> None:
    """A file at schema 4 holds entries written before an estate's later characters
    started words: upgraded, "南苑" finds the residents of 致强南苑."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "v4.sqlite3"
    s = Store.open(path)
    s.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    h = _household(s, "致强南苑", "3栋", "2单元", "301")
    r = s.create("resident", {"household_id": h, "name": "李四"})
    (words,) = s.conn.execute("SELECT words FROM search_fts").fetchone()
    estate_starts = " ||强南 ||南苑 ||苑"
    assert estate_starts in words
    with s.transaction():  # the entry as version 4 wrote it
        s.conn.execute("UPDATE search_fts SET words = ?", (words.replace(estate_starts, ""),))
        for table in _tables_after(5):  # and no tables of migrations after 5
            s.conn.execute(f"DROP TABLE {table}")
    s.conn.execute("PRAGMA user_version = 4")
    assert search_residents(s.conn, "南苑") == []
    s.close()
    s = Store.open(path)
    try:
        assert search_residents(s.conn, "南苑") == [r]
        assert search_residents(s.conn, "lisi 3栋") == [r]
    finally:
        s.close()


def _tables_after(version: int) -> list[str]:
    """The tables migrations after ``version`` create (to make a file of that version)."""
    import sqlite3

    from gridworker.store.migrations import all_migrations

    def tables(upto: int | None) -> set[str]:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        for m in all_migrations()[:upto]:
            m.upgrade(conn)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.close()
        return names

    return sorted(tables(None) - tables(version))


def _search_command(store: Store, *argv: str) -> int:
    """Run `gridworker roster search ARGV…` against ``store``'s file, as the CLI parses it."""
    import argparse

    from gridworker.commands.roster_search import add_search_action

    assert store.path is not None
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    actions = parser.add_subparsers().add_parser("roster").add_subparsers()
    add_search_action(actions)
    args = parser.parse_args(["--db", str(store.path), "roster", "search", *argv])
    return int(args.handler(args))


def test_roster_search_command_masks_numbers_and_json_is_full(
    worker_store: Store, roster: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    def run(*argv: str) -> int:
        return _search_command(worker_store, *argv)

    assert run("zhaoh") == 0
    out = capsys.readouterr().out
    assert "赵红" in out and "锦华苑3栋2单元301" in out
    assert "110105********002X" in out and "138****5678" in out
    assert ZHAO_ID not in out and ZHAO_PHONE not in out
    # A worker's laptop holds one micro-grid: the list does not repeat its name.
    assert "第三微网格" not in out
    assert run("zhaohong", "--json", "--limit", "1") == 0  # the exact match comes first
    (record,) = json.loads(capsys.readouterr().out)
    assert record["id_number"] == ZHAO_ID and record["phone"] == ZHAO_PHONE
    assert record["micro_grid"] == "第三微网格"
    assert run("钱多多") == 1
    assert "没有找到" in capsys.readouterr().out


def test_roster_search_command_takes_several_words_without_quotes(
    worker_store: Store, roster: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: `roster search 3栋 2单元` failed with "unrecognized arguments: 2单元"."""
    assert _search_command(worker_store, "3栋", "2单元") == 0
    out = capsys.readouterr().out
    assert "赵红" in out and "赵红梅" not in out
    assert _search_command(worker_store, "138", "1234", "5678", "--limit", "5") == 0
    assert "赵红" in capsys.readouterr().out
    assert _search_command(worker_store, "钱", "多多") == 1
    assert "“钱 多多”" in capsys.readouterr().out


def test_office_search_shows_the_micro_grid(
    office_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: the office holds every micro-grid, and the same address can exist in
    two of them; the list and --json showed no micro-grid to tell them apart."""
    import json

    s = office_store
    for grid, name in (("第三微网格", "李四"), ("第四微网格", "孙七")):
        mg = s.ensure_micro_grid(grid)
        h = s.create(
            "household",
            {"micro_grid_id": mg, "estate": "锦华苑", "building": "3栋", "unit": "2单元",
             "room": "301"},
        )  # fmt: skip
        s.create("resident", {"household_id": h, "name": name})
    s.create("resident", {"name": "周军"})  # no household yet
    rows = {r["name"]: r for r in search_rows(s.conn, "")}
    assert rows["李四"]["micro_grid"] == "第三微网格"
    assert rows["孙七"]["micro_grid"] == "第四微网格"
    assert rows["周军"]["micro_grid"] is None

    assert _search_command(s, "3栋2单元301") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("李四" in line and "第三微网格" in line for line in lines)
    assert any("孙七" in line and "第四微网格" in line for line in lines)
    assert _search_command(s, "孙七", "--json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["micro_grid"] == "第四微网格"
    assert _search_command(s, "zhoujun") == 0
    assert "周军" in capsys.readouterr().out


def _entries(s: Store) -> dict[str, tuple[int, str]]:
    """resident id → (rid, FTS words) as the index holds them."""
    return {
        r[0]: (r[1], r[2])
        for r in s.conn.execute(
            "SELECT d.resident_id, d.rid, f.words FROM search_doc d "
            "JOIN search_fts f ON f.rowid = d.rid"
        )
    }


def test_reindexing_the_newest_entry_together_with_a_new_resident(
    worker_store: Store, roster: dict[str, str]
) -> None:
    """Regression: the resident holding the largest rid, re-indexed in one write with a
    new resident, kept its rid while the new one was given the same (UNIQUE failed)."""
    s = worker_store
    newest = max(_entries(s).items(), key=lambda e: e[1][0])[0]
    [_, created] = s.write(
        [
            Change("resident", {"name": "孙丽"}, entity_id=newest),
            Change("resident", {"household_id": roster["h1"], "name": "周军"}, new=True),
        ]
    )
    entries = _entries(s)
    assert len({rid for rid, _ in entries.values()}) == len(entries) == 5
    assert search_residents(s.conn, "sunli") == [newest]
    assert search_residents(s.conn, "zhoujun") == [created.entity_id]


def test_a_bulk_write_indexes_each_new_resident_once(worker_store: Store) -> None:
    """Households and their residents created together: one entry per resident."""
    s = worker_store
    mg = s.identity.micro_grid_id
    changes: list[Change] = []
    for i in range(30):
        h = uuid7()
        address = {"estate": "锦华苑", "building": f"{i}栋", "room": "101"}
        changes.append(Change("household", {"micro_grid_id": mg, **address}, h, new=True))
        for name in ("赵红", "钱芳"):
            changes.append(Change("resident", {"household_id": h, "name": name}, new=True))
    s.write(changes)
    entries = _entries(s)
    assert len(entries) == 60
    assert sorted(rid for rid, _ in entries.values()) == list(range(1, 61))
    assert count_matches(s.conn, "qianfang") == 30
    assert len(search_residents(s.conn, "12栋 zhaohong")) == 1


def test_unchanged_entries_are_kept_and_changed_ones_rewritten(
    worker_store: Store, roster: dict[str, str]
) -> None:
    s = worker_store
    before = _entries(s)
    # The household's phone is not searched: its residents' entries stay as they were.
    s.update("household", roster["h1"], {"phone": "13900001111"})
    s.update("resident", roster["赵红"], {"tags": ["高龄"]})
    assert _entries(s) == before
    assert search_residents(s.conn, "赵", tag="高龄") == [roster["赵红"]]
    s.update("household", roster["h1"], {"room": "302"})
    after = _entries(s)
    assert after[roster["赵红"]][0] == before[roster["赵红"]][0]  # same rid, new words
    assert after[roster["赵红"]][1] != before[roster["赵红"]][1]
    assert search_residents(s.conn, "2单元302") == [roster["赵红"]]
    assert {k: v for k, v in after.items() if k != roster["赵红"]} == {
        k: v for k, v in before.items() if k != roster["赵红"]
    }


def test_new_residents_are_indexed_as_a_rebuild_indexes_them(
    worker_store: Store, roster: dict[str, str]
) -> None:
    """A write indexes its new residents from the rows it inserted, not by reading them
    back: households stored before, made in the same write, changed later in the write,
    and a new resident edited again in the same write all end up as a rebuild has them."""
    s = worker_store
    mg = s.identity.micro_grid_id
    h_new = uuid7()
    r_edited = uuid7()
    s.write(
        [
            Change(
                "resident",
                {"household_id": roster["h1"], "name": "钱芳", "tags": ["高龄"]},
                new=True,
            ),
            Change(
                "household",
                {"micro_grid_id": mg, "estate": "万科城", "building": "7栋", "room": "702"},
                h_new,
                new=True,
            ),
            Change(
                "resident",
                {"household_id": h_new, "name": "孙丽", "id_number": "510104198001010011 "},
                new=True,
            ),
            Change("resident", {"household_id": h_new, "name": "周军"}, r_edited, new=True),
            Change("resident", {"name": "周俊", "phone": "13900000002"}, entity_id=r_edited),
            Change("household", {"room": "1302"}, entity_id=roster["h3"]),
            Change("resident", {"household_id": roster["h3"], "name": "李  明"}, new=True),
        ]
    )
    written = _entries(s)
    docs = sorted(s.conn.execute("SELECT * FROM search_doc").fetchall(), key=lambda r: r[1])
    assert len(written) == 8
    assert search_residents(s.conn, "zhoujun 7栋 5678") == []
    assert search_residents(s.conn, "zhoujun 7栋 0002") == [r_edited]
    # 赵红梅 lives in 1302; 张华, 单丽 and the new 李明 moved there with their household.
    assert len(search_residents(s.conn, "1302")) == 4
    with s.transaction():
        search_index.rebuild(s.conn)
    rebuilt = _entries(s)
    assert {k: w for k, (_, w) in rebuilt.items()} == {k: w for k, (_, w) in written.items()}
    assert [tuple(r)[1:] for r in docs] == [
        tuple(r)[1:]
        for r in sorted(s.conn.execute("SELECT * FROM search_doc").fetchall(), key=lambda r: r[1])
    ]


def test_a_worker_lists_only_its_own_micro_grid(
    worker_store: Store, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA found: residents the office moved to another micro-grid were still found by the
    old worker's `roster search` and written by its `roster export` (full ID numbers)."""
    from pathlib import Path

    from gridworker.roster.exporter import export_roster

    s = worker_store
    mine = s.identity.micro_grid_id
    stay = s.create(
        "household", {"micro_grid_id": mine, "estate": "锦华苑", "building": "3栋", "room": "301"}
    )
    gone = s.create(
        "household", {"micro_grid_id": mine, "estate": "锦华苑", "building": "3栋", "room": "302"}
    )
    s.create("resident", {"household_id": stay, "name": "李四"})
    s.create("resident", {"household_id": gone, "name": "孙七"})
    elsewhere = "0" * 32
    s.conn.execute(
        "INSERT INTO micro_grid (id, name, community) VALUES (?, '第九微网格', '致强社区')",
        (elsewhere,),
    )
    s.conn.execute("UPDATE household SET micro_grid_id = ? WHERE id = ?", (elsewhere, gone))
    search_index.reindex(s.conn, "household", [gone])  # as an office bundle moving it does

    assert _search_command(s, "锦华苑") == 0
    out = capsys.readouterr().out
    assert "李四" in out and "孙七" not in out
    sheet = Path(str(tmp_path)) / "w.csv"
    assert export_roster(s, sheet).rows == 1
    assert "孙七" not in sheet.read_text(encoding="utf-8-sig")
