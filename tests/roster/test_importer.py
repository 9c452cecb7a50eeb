"""Importing office roster sheets: messy input, all-or-nothing, re-import in place."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rostersheets import HEADER, family_rows, pid, x_id

from gridworker.core.progress import Callbacks, Cancelled
from gridworker.roster.importer import (
    ImportPlan,
    ImportRefused,
    apply_import,
    plan_import,
    write_errors_csv,
)
from gridworker.store.roster import RosterError
from gridworker.store.store import Store

Writer = Callable[..., Path]
SAMPLES = Path("/work/shared/samples")


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _import(store: Store, path: Path) -> None:
    plan = plan_import(store, path)
    assert plan.problems == []
    apply_import(store, plan)


def _resident(store: Store, name: str) -> dict[str, object]:
    row = store.conn.execute("SELECT * FROM resident WHERE name = ?", (name,)).fetchone()
    assert row is not None, name
    return dict(row)


def test_messy_xlsx_is_read_and_normalised(worker_store: Store, write_xlsx: Writer) -> None:
    rows = family_rows()
    lower_x = x_id()
    rows[1][8] = lower_x.lower()  # lower-case x
    rows[2][5] = "  张 小明　"  # stray and ideographic spaces
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    rows[0][9] = "13800138001".translate(full_width)
    rows[3][8] = pid(1975, 14).translate(full_width)
    rows.insert(3, [None] * len(HEADER))  # a blank row in the middle
    plan = plan_import(worker_store, write_xlsx(rows))
    assert plan.problems == []
    assert plan.header_row == 4
    assert (plan.new, plan.updated, plan.unchanged, plan.invalid) == (5, 0, 0, 0)
    assert plan.households_new == 2
    assert plan.columns["id_number"] == "公民身份号码"
    assert _count(worker_store, "resident") == 0  # planning writes nothing
    apply_import(worker_store, plan)

    assert _resident(worker_store, "李秀英")["id_number"] == lower_x
    assert _resident(worker_store, "张小明")["relation"] == "子"
    zhang = _resident(worker_store, "张静华")
    assert zhang["phone"] == "13800138001"
    assert zhang["birth_date"] == "1950-03-01" and zhang["sex"] == "男"
    assert json.loads(str(zhang["tags"])) == ["高龄"]
    assert _resident(worker_store, "王芳")["id_number"] == pid(1975, 14)
    heads = {
        r["room"]: r["head_name"]
        for r in worker_store.conn.execute("SELECT room, head_name FROM household")
    }
    assert heads == {"101": "张静华", "202": "王芳"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(
    worker_store: Store, write_csv: Writer, encoding: str
) -> None:
    plan = plan_import(worker_store, write_csv(family_rows(), encoding=encoding))
    assert plan.problems == []
    assert plan.new == 5
    assert plan.header_row == 3
    apply_import(worker_store, plan)
    assert _resident(worker_store, "李秀英")["relation"] == "配偶"


def test_excel_number_ids_are_reported_never_imported(
    worker_store: Store, write_xlsx: Writer
) -> None:
    rows = family_rows()
    good = str(rows[0][8])
    rows[0][8] = float(good)  # a float cell: digits already lost
    rows[1][8] = int(str(rows[1][8])[:15] + "000")  # an 18-digit number cell
    rows[2][8] = "5.10104E+17"  # scientific text
    rows[3][8] = str(rows[3][8])[:15] + "000"  # zeroed tail as text
    if rows[3][8] == pid(1975, 14):  # pragma: no cover - the checksum happens to match
        pytest.skip("zeroed number still valid")
    plan = plan_import(worker_store, write_xlsx(rows))
    by_row = {p.row: p for p in plan.problems}
    assert sorted(by_row) == [5, 6, 7, 8, 9]
    for p in (by_row[r] for r in (5, 6, 7, 8)):
        assert p.column == "公民身份号码"
        assert "Excel" in p.message
    assert "王芳（第 8 行）" in by_row[9].message  # 刘强's head is 王芳, refused
    assert plan.new == 0
    with pytest.raises(ImportRefused):
        apply_import(worker_store, plan)
    assert _count(worker_store, "resident") == 0


def test_every_problem_is_reported_with_row_and_column(
    worker_store: Store, write_csv: Writer
) -> None:
    rows = family_rows()
    wrong = str(rows[1][8])
    rows[1][8] = wrong[:17] + ("1" if wrong[17] != "1" else "2")  # wrong check digit
    rows[2][6] = "女"  # contradicts the (male) ID number
    rows[3][9] = "12345"  # bad phone
    rows[4][8] = "510113650725922"  # old 15-digit number
    plan = plan_import(worker_store, write_csv(rows))
    problems = {(p.row, p.column): p.message for p in plan.problems}
    # Title at 1-2, header at 3: data rows are 4..8.
    assert set(problems) == {(5, "公民身份号码"), (6, "性别"), (7, "联系方式"), (8, "公民身份号码")}
    assert "校验位" in problems[(5, "公民身份号码")]
    assert "510113196507259228" in problems[(8, "公民身份号码")]
    assert str(plan.problems[0]).startswith("第 5 行，列「公民身份号码」：")
    assert plan.invalid == 4 and plan.new == 1


def test_default_is_all_or_nothing(worker_store: Store, write_csv: Writer) -> None:
    rows = family_rows()
    rows[4][9] = "999"
    plan = plan_import(worker_store, write_csv(rows))
    ops_before = _count(worker_store, "ops")
    with pytest.raises(ImportRefused) as e:
        apply_import(worker_store, plan)
    assert "1 行" in str(e.value)
    assert _count(worker_store, "ops") == ops_before
    assert _count(worker_store, "household") == 0


def test_skip_invalid_writes_valid_rows_and_an_errors_file(
    worker_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    rows = family_rows()
    rows[4][9] = "999"
    plan = plan_import(worker_store, write_csv(rows))
    result = apply_import(worker_store, plan, skip_invalid=True)
    assert (result.created, result.skipped) == (4, 1)
    assert _count(worker_store, "resident") == 4
    out = write_errors_csv(plan, tmp_path / "errors.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0] == [*HEADER, "行号", "问题"]
    assert len(table) == 2
    assert table[1][5] == "刘强" and table[1][12] == "8"
    assert "联系方式" in table[1][13]


def test_reimporting_the_same_file_changes_nothing(worker_store: Store, write_xlsx: Writer) -> None:
    path = write_xlsx(family_rows())
    _import(worker_store, path)
    ops = _count(worker_store, "ops")
    plan = plan_import(worker_store, path)
    assert (plan.new, plan.updated, plan.unchanged) == (0, 0, 5)
    assert plan.household_changes == [] and plan.resident_changes == []
    result = apply_import(worker_store, plan)
    assert result.ops == 0
    assert _count(worker_store, "ops") == ops


def test_updated_sheet_changes_only_changed_fields_and_blanks_clear_nothing(
    worker_store: Store, write_csv: Writer
) -> None:
    _import(worker_store, write_csv(family_rows(), name="v1.csv"))
    rows = family_rows()
    rows[0][9] = "13911112222"  # new phone
    rows[1][9] = ""  # blank: must not clear the stored phone
    rows[4][10] = "退役军人"  # a new tag
    plan = plan_import(worker_store, write_csv(rows, name="v2.csv"))
    assert (plan.new, plan.updated, plan.unchanged) == (0, 2, 3)
    apply_import(worker_store, plan)
    zhang = _resident(worker_store, "张静华")
    assert zhang["phone"] == "13911112222"
    assert _resident(worker_store, "李秀英")["phone"] == "13800138002"
    last = worker_store.conn.execute(
        "SELECT fields FROM ops WHERE entity_id = ? ORDER BY hlc DESC LIMIT 1", (zhang["id"],)
    ).fetchone()
    assert json.loads(last["fields"]) == {"phone": "13911112222"}


def test_resident_without_id_is_matched_by_name_in_household(
    worker_store: Store, write_csv: Writer
) -> None:
    rows = family_rows()
    rows[2][8] = ""  # 张小明 has no ID number
    _import(worker_store, write_csv(rows, name="v1.csv"))
    rows[2][11] = "已回成都"
    plan = plan_import(worker_store, write_csv(rows, name="v2.csv"))
    assert (plan.new, plan.updated) == (0, 1)
    apply_import(worker_store, plan)
    assert _count(worker_store, "resident") == 5
    assert _resident(worker_store, "张小明")["notes"] == "已回成都"


def test_moving_a_resident_by_id_updates_the_household(
    worker_store: Store, write_csv: Writer
) -> None:
    _import(worker_store, write_csv(family_rows(), name="v1.csv"))
    rows = family_rows()
    rows[4][3], rows[4][4] = "3单元", "303"  # 刘强 moved to a new flat
    plan = plan_import(worker_store, write_csv(rows, name="v2.csv"))
    assert (plan.new, plan.updated, plan.households_new) == (0, 1, 1)
    apply_import(worker_store, plan)
    moved = _resident(worker_store, "刘强")
    room = worker_store.conn.execute(
        "SELECT room FROM household WHERE id = ?", (moved["household_id"],)
    ).fetchone()[0]
    assert room == "303"


def test_same_id_twice_in_the_sheet(worker_store: Store, write_csv: Writer) -> None:
    rows = family_rows()
    rows[4][8] = rows[1][8]
    rows[4][6] = "女"
    plan = plan_import(worker_store, write_csv(rows))
    assert [(p.row, p.message) for p in plan.problems] == [(8, "与第 5 行身份证号重复")]


def test_two_heads_in_one_household(worker_store: Store, write_csv: Writer) -> None:
    rows = family_rows()
    rows[1][7] = "户主"
    plan = plan_import(worker_store, write_csv(rows))
    assert [(p.row, p.column) for p in plan.problems] == [(5, "与户主关系")]
    assert "第 4 行" in plan.problems[0].message


def test_missing_required_columns_is_one_clear_error(
    worker_store: Store, write_csv: Writer
) -> None:
    header = ["序号", "姓名", "身份证号", "电话"]
    path = write_csv([[1, "张三", pid(1950, 11), ""]], header=header, title=False)
    with pytest.raises(RosterError) as e:
        plan_import(worker_store, path)
    text = str(e.value)
    assert "小区" in text and "房号" in text
    assert "序号、姓名、身份证号、电话" in text


def test_file_without_a_header_row(worker_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("随便写的,一些内容\n1,2\n", encoding="utf-8")
    with pytest.raises(RosterError, match="表头"):
        plan_import(worker_store, path)


def test_worker_refuses_rows_of_another_micro_grid(worker_store: Store, write_csv: Writer) -> None:
    header = ["微网格", *HEADER]
    rows = [["第三微网格", *r] for r in family_rows()]
    rows[1][0] = ""  # no micro-grid named: the worker's own
    rows[3][0] = "第五微网格"
    plan = plan_import(worker_store, write_csv(rows, header=header))
    assert [(p.row, p.column) for p in plan.problems] == [(7, "微网格")]
    assert "第五微网格" in plan.problems[0].message
    assert plan.new == 4


def test_office_import_creates_micro_grids_on_first_use(
    office_store: Store, write_csv: Writer
) -> None:
    header = ["所属微网格", *HEADER]
    rows = [["第一微网格", *r] for r in family_rows()]
    for r in rows[3:]:
        r[0] = "第二微网格"
    plan = plan_import(office_store, write_csv(rows, header=header))
    assert plan.problems == [] and sorted(plan.micro_grids) == ["第一微网格", "第二微网格"]
    apply_import(office_store, plan)
    names = {r[0] for r in office_store.conn.execute("SELECT name FROM micro_grid")}
    assert names == {"第一微网格", "第二微网格"}
    scopes = {
        r[0]
        for r in office_store.conn.execute("SELECT micro_grid_id FROM ops WHERE entity='resident'")
    }
    assert len(scopes) == 2 and None not in scopes  # each op routed to its micro-grid


def test_office_import_needs_the_micro_grid(office_store: Store, write_csv: Writer) -> None:
    with pytest.raises(RosterError, match="微网格"):
        plan_import(office_store, write_csv(family_rows()))
    header = ["微网格", *HEADER]
    rows = [["第一微网格", *r] for r in family_rows()]
    rows[2][0] = ""
    plan = plan_import(office_store, write_csv(rows, header=header, name="mg.csv"))
    assert [(p.row, p.column) for p in plan.problems] == [(6, "微网格")]


def test_cancel_while_planning_or_applying_writes_nothing(
    worker_store: Store, write_csv: Writer
) -> None:
    path = write_csv(family_rows())
    with pytest.raises(Cancelled):
        plan_import(worker_store, path, progress=Callbacks(cancelled=lambda: True))
    plan = plan_import(worker_store, path)
    ops_before = _count(worker_store, "ops")
    calls = iter([False, True])  # households batch goes through, residents are cancelled
    with pytest.raises(Cancelled):
        apply_import(worker_store, plan, progress=Callbacks(cancelled=lambda: next(calls)))
    assert _count(worker_store, "household") == 0
    assert _count(worker_store, "ops") == ops_before
    apply_import(worker_store, plan)  # the store still works afterwards
    assert _count(worker_store, "resident") == 5


def test_progress_reaches_the_total(worker_store: Store, write_csv: Writer) -> None:
    seen: list[tuple[int, int]] = []
    plan = plan_import(
        worker_store,
        write_csv(family_rows()),
        progress=Callbacks(lambda d, t, _text: seen.append((d, t))),
    )
    assert seen[-1][0] == seen[-1][1] == 5
    seen.clear()
    apply_import(worker_store, plan, progress=Callbacks(lambda d, t, _text: seen.append((d, t))))
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)  # 2 households + 5 residents


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not available")
@pytest.mark.parametrize("name", ["roster-messy.xlsx", "roster-messy-gbk.csv"])
def test_shared_samples_report_their_problems(worker_store: Store, name: str) -> None:
    plan = plan_import(worker_store, SAMPLES / name)
    assert plan.header_row == 4
    causes = [p for p in plan.problems if "同户的户主" not in p.message]
    messages = {p.row: p.message for p in causes}
    assert len(messages) == 2
    assert any("15位" in m for m in messages.values())
    assert any("校验位" in m for m in messages.values())
    assert all(p.column == "公民身份号码" for p in causes)
    # the family of the head whose ID is refused waits for its head's row
    assert all(p.column == "与户主关系" for p in plan.problems if p not in causes)
    ops_before = _count(worker_store, "ops")
    with pytest.raises(ImportRefused):
        apply_import(worker_store, plan)
    assert _count(worker_store, "ops") == ops_before
    assert _count(worker_store, "resident") == 0


def test_full_csv_rows_plan_exactly_like_cell_by_cell_rows(
    worker_store: Store, write_csv: Writer, tmp_path: Path
) -> None:
    """Full CSV rows take the all-text shortcut; short rows and xlsx go cell by cell."""
    rows = [[str(v) for v in r] for r in family_rows()]
    rows[2][10] = "残疾人（二级）、低保户"
    rows[3][7] = "外星人"  # a problem, reported the same way on both paths
    full = plan_import(worker_store, write_csv(rows, name="full.csv"))
    short_path = tmp_path / "short.csv"  # the same cells, trailing empty cells dropped
    with open(short_path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            while r and r[-1] == "":
                r = r[:-1]
            w.writerow(r)
    short = plan_import(worker_store, short_path)
    assert any(len(r) < len(HEADER) for r in csv.reader(short_path.open(encoding="utf-8-sig")))

    def shape(plan: ImportPlan) -> object:
        return (
            [(c.values | {"household_id": None}, c.new) for c in plan.resident_changes],
            [(c.values, c.new) for c in plan.household_changes],
            [(p.column, p.message) for p in plan.problems],
        )

    assert full.problems  # the unknown relation
    # full.csv has two title rows above its header.
    assert [p.row for p in full.problems] == [p.row + 2 for p in short.problems]
    assert shape(full) == shape(short)


def test_office_import_after_a_micro_grid_was_renamed(
    office_store: Store, write_csv: Writer
) -> None:
    """The new name finds the renamed micro-grid; its old name is a new micro-grid."""
    renamed = office_store.ensure_micro_grid("第一微网格")
    office_store.update("micro_grid", renamed, {"name": "锦华第一微网格"})
    header = ["所属微网格", *HEADER]
    rows = [["锦华第一微网格", *r] for r in family_rows()]
    for r in rows[3:]:
        r[0] = "第一微网格"
    plan = plan_import(office_store, write_csv(rows, header=header))
    assert plan.problems == [] and plan.micro_grids == ["第一微网格"]
    apply_import(office_store, plan)
    grids = dict(office_store.conn.execute("SELECT name, id FROM micro_grid").fetchall())
    assert grids["锦华第一微网格"] == renamed and grids["第一微网格"] != renamed
    homes = {
        r[0]: r[1]
        for r in office_store.conn.execute(
            "SELECT h.micro_grid_id, count(*) FROM household h GROUP BY 1"
        )
    }
    assert set(homes) == {renamed, grids["第一微网格"]}


def test_a_second_head_for_a_stored_household_is_refused(
    worker_store: Store, write_xlsx: Writer
) -> None:
    _import(worker_store, write_xlsx(family_rows()))
    newcomer = [
        [6, "致强小区", "1栋", "1单元", "101", "赵六", "男", "户主", pid(1990, 17), "", "", ""]
    ]
    plan = plan_import(worker_store, write_xlsx(newcomer))
    assert [p.column for p in plan.problems] == ["与户主关系"]
    assert "张静华" in plan.problems[0].message


@pytest.mark.parametrize("order", ["old head first", "new head first"])
def test_changing_the_head_in_the_same_sheet_is_accepted(
    worker_store: Store, write_xlsx: Writer, order: str
) -> None:
    _import(worker_store, write_xlsx(family_rows()))
    old_head = family_rows()[0]
    old_head[7] = "父亲"
    new_head = [
        6,
        "致强小区",
        "1栋",
        "1单元",
        "101",
        "张小明",
        "男",
        "户主",
        pid(1980, 13),
        "",
        "",
        "",
    ]
    rows = [old_head, new_head] if order == "old head first" else [new_head, old_head]
    plan = plan_import(worker_store, write_xlsx(rows))
    assert plan.problems == []
    apply_import(worker_store, plan)
    heads = worker_store.conn.execute(
        "SELECT name FROM resident WHERE relation = '本人'"
    ).fetchall()
    assert {r[0] for r in heads} == {"王芳", "张小明"}


def test_a_head_who_moved_out_does_not_block_a_new_head(
    worker_store: Store, write_xlsx: Writer
) -> None:
    rows = family_rows()
    _import(worker_store, write_xlsx(rows))
    head = _resident(worker_store, "张静华")
    worker_store.update("resident", str(head["id"]), {"status": "迁出"})
    newcomer = [
        [6, "致强小区", "1栋", "1单元", "101", "赵六", "男", "户主", pid(1990, 17), "", "", ""]
    ]
    assert plan_import(worker_store, write_xlsx(newcomer)).problems == []


def test_office_micro_grid_names_differing_only_in_spaces_are_one(
    office_store: Store, write_xlsx: Writer
) -> None:
    header = ["所属微网格", *HEADER]
    rows = [["第一微网格", *r] for r in family_rows()]
    rows[1][0] = "第一 微网格"
    rows[2][0] = "第一微网格\u3000"
    rows[3][0] = " 第一微网格"
    plan = plan_import(office_store, write_xlsx(rows, header=header))
    assert plan.problems == [] and plan.micro_grids == ["第一微网格"]
    apply_import(office_store, plan)
    assert _count(office_store, "micro_grid") == 1
    assert _count(office_store, "household") == 2
    # A later sheet with the spaced spelling finds the same micro-grid.
    rows = [["第一 微网格", *r] for r in family_rows()]
    again = plan_import(office_store, write_xlsx(rows, header=header))
    assert again.micro_grids == [] and again.new == 0


def test_cells_excel_turned_into_dates_or_numbers_are_reported(
    worker_store: Store, write_xlsx: Writer
) -> None:
    """QA found: a 房号 "3-2" that Excel made a date went in as room "2024-03-02", and a
    number or TRUE in the 姓名 column became the name "12345" or "是"."""
    import datetime as dt

    rows = family_rows()
    rows[0][4] = dt.datetime(2024, 3, 2)  # 门牌号
    rows[1][5] = 12345  # 姓名
    rows[2][5] = True
    plan = plan_import(worker_store, write_xlsx(rows))
    found = {(p.row - 4, p.column) for p in plan.problems}
    assert found == {(1, "门牌号"), (2, "姓名"), (3, "姓名")}
    assert "日期" in plan.problems[0].message


def test_an_import_with_nothing_to_change_opens_no_write_transaction(
    worker_store: Store, write_xlsx: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA found: re-importing an unchanged sheet into a read-only database failed with
    "attempt to write a readonly database" although it had nothing to write."""
    path = write_xlsx(family_rows())
    _import(worker_store, path)
    plan = plan_import(worker_store, path)

    def refuse() -> None:
        raise AssertionError("a write transaction was opened")

    monkeypatch.setattr(worker_store, "transaction", refuse)
    result = apply_import(worker_store, plan)
    assert (result.unchanged, result.ops) == (5, 0)


def test_the_head_name_column_must_name_the_head(worker_store: Store, write_xlsx: Writer) -> None:
    header = [*HEADER, "户主姓名"]
    rows = [[*r, "张静华" if r[4] == "101" else "王芳"] for r in family_rows()]
    rows[0][-1] = "张三"  # the 本人 row says its own head is someone else
    plan = plan_import(worker_store, write_xlsx(rows, header=header))
    assert [(p.row, p.column) for p in plan.problems] == [
        (5, "户主姓名"),
        (6, "与户主关系"),  # 李秀英 and 张小明 wait for their head's row
        (7, "与户主关系"),
    ]
    assert "张静华" in plan.problems[0].message


def test_a_sheet_cannot_rename_a_stored_head(worker_store: Store, write_xlsx: Writer) -> None:
    _import(worker_store, write_xlsx(family_rows()))
    header = [*HEADER, "户主姓名"]
    son = [*family_rows()[2], "隔壁老李"]  # 张静华 is the stored head of 101
    plan = plan_import(worker_store, write_xlsx([son], header=header))
    assert [p.column for p in plan.problems] == ["户主姓名"]
    assert "张静华" in plan.problems[0].message


def test_a_renamed_head_gives_the_household_its_new_name(
    worker_store: Store, write_xlsx: Writer
) -> None:
    _import(worker_store, write_xlsx(family_rows()))
    head = family_rows()[0]
    head[5] = "张静化"  # the name corrected, matched by the ID number
    head[7] = ""  # and the relation left blank: the stored 本人 stays the head
    _import(worker_store, write_xlsx([head]))
    row = worker_store.conn.execute("SELECT head_name FROM household WHERE room = '101'")
    assert row.fetchone()[0] == "张静化"


@pytest.mark.parametrize("head_first", [True, False])
def test_rows_whose_head_row_is_left_out_are_left_out_too(
    worker_store: Store, write_csv: Writer, head_first: bool
) -> None:
    """Relations are to the head: with the head's row refused (an old 15-digit ID), the
    family is not attached to another head nor left without one, and the preview says why."""
    _import(worker_store, write_csv(family_rows()))  # 张静华 heads 1栋1单元101
    family = [
        [6, "致强小区", "1栋", "1单元", "101", "刘大勇", "男", "户主", "510104500301111", "", "", ""],
        [7, "致强小区", "1栋", "1单元", "101", "刘老汉", "男", "父亲", pid(1925, 21), "", "", ""],
        [8, "致强小区", "3栋", "1单元", "301", "陈新", "女", "户主", pid(1960, 22), "", "", ""],
        [9, "致强小区", "3栋", "1单元", "302", "孙一", "男", "户主", "510104600301111", "", "", ""],
        [10, "致强小区", "3栋", "1单元", "302", "孙二", "男", "子", pid(1990, 23), "", "", ""],
    ]  # fmt: skip
    rows = family if head_first else [family[1], family[0], family[2], family[4], family[3]]
    plan = plan_import(worker_store, write_csv(rows))
    by_row = {p.row: p for p in plan.problems}
    head, father = (4, 5) if head_first else (5, 4)  # data starts on sheet row 4
    assert set(by_row) == {4, 5, 7, 8}
    told = by_row[father].message
    assert "刘大勇" in told and f"第 {head} 行" in told
    assert (plan.new, plan.invalid) == (1, 4)
    result = apply_import(worker_store, plan, skip_invalid=True)
    assert (result.created, result.skipped, result.households_created) == (1, 4, 1)
    names = {r[0] for r in worker_store.conn.execute("SELECT name FROM resident")}
    assert "刘老汉" not in names and "孙二" not in names and "陈新" in names


def test_a_refused_row_of_the_stored_head_leaves_the_family_attached(
    worker_store: Store, write_csv: Writer
) -> None:
    """The refused head row is the stored head himself: the others' relations are to him."""
    _import(worker_store, write_csv(family_rows()))
    rows = family_rows()[:2]
    rows[0][9] = "999"  # 张静华's phone is wrong: his row is refused, he stays head
    rows[1][11] = "改过备注"
    plan = plan_import(worker_store, write_csv(rows))
    assert [p.row for p in plan.problems] == [4]
    assert plan.updated == 1
