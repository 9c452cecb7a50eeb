"""The same people entered twice, on two devices: found when they meet, listed, merged (#10).

The issue's case: a worker who set up her laptop without the office's set-up bundle
imports the same spreadsheet the office imported; after her bundle the office held
twice the residents and said 0 conflicts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from kind_for_tests import add_table
from sync_helpers import COMMUNITY, Site, add_household

from gridworker.cli import main
from gridworker.core.idcard import make_id
from gridworker.store.duplicates import find_duplicates, listing, merge, unfinished
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store
from gridworker.sync import export_bundle, import_bundles

GRID = "第一微网格"
HEADER = ["序号", "小区名称", "楼栋号", "单元号", "门牌号", "姓名", "性别", "与户主关系",
          "公民身份号码", "联系方式", "人员类别", "备注"]  # fmt: skip


def pid(year: int, seq: int) -> str:
    return make_id("510104", dt.date(year, 3, 1), seq)


def family_rows() -> list[list[object]]:
    """Two households, five people (as the office's spreadsheet has them)."""
    return [
        [1, "致强小区", "1栋", "1单元", "101", "张静华", "男", "户主", pid(1950, 11), "13800138001", "高龄", ""],
        [2, "致强小区", "1栋", "1单元", "101", "李秀英", "女", "配偶", pid(1952, 12), "13800138002", "", ""],
        [3, "致强小区", "1栋", "1单元", "101", "张小明", "男", "儿子", pid(1980, 13), "", "", "在外地"],
        [4, "致强小区", "1栋", "2单元", "202", "王芳", "女", "户主", pid(1975, 14), "028-85123456", "低保", ""],
        [5, "致强小区", "1栋", "2单元", "202", "刘强", "男", "子", pid(2001, 15), "13900139000", "", ""],
    ]  # fmt: skip


def _sheet(path: Path, office: bool) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([*HEADER, "微网格"] if office else HEADER)
        for row in family_rows():
            w.writerow([*row, GRID] if office else row)
    return path


def _live(s: Store, table: str) -> int:
    return int(
        s.conn.execute(f"SELECT count(*) FROM {table} WHERE merged_into IS NULL").fetchone()[0]
    )


def test_the_same_spreadsheet_imported_on_two_devices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop = tmp_path / "office.sqlite3", tmp_path / "w.sqlite3"

    def gw(db: Path, *args: str) -> str:
        code = main(["--db", str(db), *args])
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out

    gw(office, "init", "--role", "office", "--community", COMMUNITY, "--user", "王主任")
    gw(office, "roster", "import", str(_sheet(tmp_path / "office.csv", office=True)))
    gw(laptop, "init", "--role", "worker", "--community", COMMUNITY, "--user", "赵红",
       "--micro-grid", GRID)  # fmt: skip
    gw(laptop, "roster", "import", str(_sheet(tmp_path / "w.csv", office=False)))
    gw(laptop, "bundle", "export", "--out", str(tmp_path / "up.gwbundle.json"))
    summary = json.loads(
        gw(office, "bundle", "import", "--json", str(tmp_path / "up.gwbundle.json"))
    )
    [f] = summary["files"]
    assert f["duplicates"] == 5 + 2  # five people, two households, each entered twice
    pairs = json.loads(gw(office, "duplicates", "--json"))
    assert {p["entity"] for p in pairs} == {"resident", "household"} and len(pairs) == 7
    assert all(p["keep"] != p["other"] and p["reason"] for p in pairs)
    # Households first: their residents then share a household, and the people pairs stay.
    for p in sorted(pairs, key=lambda p: p["entity"]):
        gw(office, "duplicates", "merge", p["keep"], p["other"])
    assert json.loads(gw(office, "duplicates", "--json")) == []
    with Store.open(office) as s:
        assert _live(s, "resident") == 5 and _live(s, "household") == 2
        # Nobody lives in a merged household any more.
        assert (
            s.conn.execute(
                "SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id"
                " WHERE h.merged_into IS NOT NULL"
            ).fetchone()[0]
            == 0
        )
    gw(
        office,
        "bundle",
        "export",
        "--micro-grid",
        GRID,
        "--out",
        str(tmp_path / "down.gwbundle.json"),
    )
    gw(laptop, "bundle", "import", str(tmp_path / "down.gwbundle.json"))
    with Store.open(office) as o, Store.open(laptop) as w:
        (mg,) = o.conn.execute("SELECT id FROM micro_grid WHERE name = ?", (GRID,)).fetchone()
        assert snapshot_text(o, mg) == snapshot_text(w)
        assert _live(w, "resident") == 5
        assert listing(w.conn) == []


def test_a_merge_moves_every_pointer_of_every_kind(site: Site, visit_kind: object) -> None:
    """Generic over the registry: a test-only kind (visits with a set of residents met)."""
    o = add_table(site.office)
    _h, [a] = add_household(o, site.mg_a, "301", ["周敏"])
    h2, [b] = add_household(o, site.mg_a, "302", ["周敏"])
    for r in (a, b):
        o.update("resident", r, {"id_number": "110101199003070011"})
    v = o.create("test_visit", {"household_id": h2, "residents_met": [b], "notes": "上门"})
    assert [(p.keep, p.other) for p in find_duplicates(o.conn) if p.entity == "resident"] == [
        (a, b)
    ]
    merge(o, "resident", a, b)
    assert o.get("test_visit", v)["residents_met"] == [a]  # type: ignore[index]
    assert o.get("resident", b)["merged_into"] == a  # type: ignore[index]
    assert find_duplicates(o.conn) == [] and unfinished(o.conn) == []


def test_an_edit_of_the_merged_record_made_elsewhere_is_carried_over(site: Site) -> None:
    """The laptop had not seen the merge: its edit is kept, listed, and carried over."""
    o = site.office
    _h, [a, b] = add_household(o, site.mg_a, "401", ["吴刚", "吴刚"])
    w = site.setup_worker("w1", "赵红")
    merge(o, "resident", a, b)
    w.update("resident", b, {"phone": "13912345678"})  # on the laptop, meanwhile
    site.send(w, site.office, "up")
    [p] = unfinished(o.conn)
    assert (p.keep, p.other, p.merged) == (a, b, True) and "修改" in p.reason
    merge(o, "resident", a, b)
    assert o.get("resident", a)["phone"] == "13912345678"  # type: ignore[index]
    assert unfinished(o.conn) == []
    site.send(o, w, "down", micro_grid=GRID)
    assert snapshot_text(w) == snapshot_text(o, site.mg_a)
    w.close()


def test_merged_each_way_round_on_two_devices_is_listed_and_settled(site: Site) -> None:
    o = site.office
    _h, [a, b] = add_household(o, site.mg_a, "501", ["郑洁", "郑洁"])
    w = site.setup_worker("w1", "赵红")
    merge(o, "resident", a, b)
    merge(w, "resident", b, a)
    site.send(w, o, "up")
    site.send(o, w, "down", micro_grid=GRID)
    [p] = unfinished(o.conn)
    assert (p.keep, p.other) == (min(a, b), max(a, b))
    merge(o, "resident", p.keep, p.other)
    site.send(o, w, "down2", micro_grid=GRID)
    assert unfinished(w.conn) == [] == unfinished(o.conn)
    assert snapshot_text(w) == snapshot_text(o, site.mg_a)
    w.close()


def test_a_new_record_made_in_the_merged_household_is_moved_by_merging_again(site: Site) -> None:
    o = site.office
    h1 = add_household(o, site.mg_a, "601", [])[0]
    w = site.setup_worker("w1", "赵红")
    h2 = add_household(w, site.mg_a, "601", [])[0]
    site.send(w, o, "up")
    [p] = [p for p in find_duplicates(o.conn) if p.entity == "household"]
    merge(o, "household", p.keep, p.other)
    late = w.create("resident", {"household_id": h2, "name": "新生儿"})
    site.send(w, o, "up2")
    [u] = unfinished(o.conn)
    assert "指向" in u.reason
    merge(o, "household", u.keep, u.other)
    assert o.get("resident", late)["household_id"] == u.keep == min(h1, h2)  # type: ignore[index]
    w.close()


def test_merge_refuses_what_it_cannot_do(site: Site) -> None:
    o = site.office
    _h, [a] = add_household(o, site.mg_a, "701", ["甲"])
    with pytest.raises(Exception, match="同一条记录"):
        merge(o, "resident", a, a)
    with pytest.raises(Exception, match="不能合并"):
        merge(o, "micro_grid", site.mg_a, site.mg_b)


def test_imports_in_any_order_find_and_merge_the_same(site: Site, tmp_path: Path) -> None:
    """Two laptops entered the same person; the office imports their bundles either way
    round, merges, and both laptops end with the office's records."""
    w1 = site.setup_worker("w1", "赵红")
    w2 = site.setup_worker("w2", "钱敏")
    for w in (w1, w2):
        h = add_household(w, site.mg_a, "801", [])[0]
        w.create("resident", {"household_id": h, "name": "孙立", "id_number": "110101198001010017"})
    b1 = export_bundle(w1, tmp_path / "b1.gwbundle.json").path
    b2 = export_bundle(w2, tmp_path / "b2.gwbundle.json").path
    s = import_bundles(site.office, [b2, b1])
    assert [f.duplicates for f in s.files] == [0, 2]
    for p in sorted(find_duplicates(site.office.conn), key=lambda p: p.entity):
        merge(site.office, p.entity, p.keep, p.other)
    for w in (w1, w2):
        site.send(site.office, w, f"down-{w.identity.user}", micro_grid=GRID)
        site.send(w, site.office, f"up-{w.identity.user}")
    for w in (w1, w2):
        site.send(site.office, w, f"down2-{w.identity.user}", micro_grid=GRID)
        assert snapshot_text(w) == snapshot_text(site.office, site.mg_a)
        assert listing(w.conn) == []
        w.close()


def test_a_file_counts_the_pairs_of_each_rule_it_makes(site: Site, tmp_path: Path) -> None:
    """The same name and birth date in one household is a pair without any ID number; the
    same name alone (no birth date, no ID number) is none: a file counts what it made."""
    w = site.setup_worker("w1", "赵红")
    h = add_household(w, site.mg_a, "901", [])[0]
    w.create("resident", {"household_id": h, "name": "孙立", "birth_date": "1980-01-01"})
    w.create("resident", {"household_id": h, "name": "孙立", "birth_date": "1980-01-01"})
    w.create("resident", {"household_id": h, "name": "周敏"})
    w.create("resident", {"household_id": h, "name": "周敏"})
    w.create("resident", {"household_id": h, "name": "吴涛", "id_number": pid(1990, 21)})
    other = add_household(w, site.mg_a, "902", [])[0]
    w.create("resident", {"household_id": other, "name": "吴涛", "id_number": pid(1990, 21)})
    s = import_bundles(site.office, [export_bundle(w, tmp_path / "b.gwbundle.json").path])
    assert [f.duplicates for f in s.files] == [2]
