"""Care flags of two records of one person merged on one device while the other flags
them (issue 10 after issue 12): every replica shows one flag, the right one."""

from __future__ import annotations

from datetime import date

from sync_helpers import Site, add_household

from gridworker.core.ids import care_flag_id
from gridworker.store import care
from gridworker.store.duplicates import merge, unfinished
from gridworker.store.snapshot import snapshot_text

GRID = "第一微网格"
FIRST = date.today().replace(day=1)


def test_a_flag_arriving_after_the_merge_is_listed_and_folded_by_merging_again(
    site: Site,
) -> None:
    """The office merged B into A; a laptop that had not seen the merge flags B red.
    Until a person merges again no replica shows B or a second flag; afterwards both
    show A red (the more urgent colour)."""
    o = site.office
    _h, [a, b] = add_household(o, site.mg_a, "801", ["孙秀珍", "孙秀珍"])
    care.set_flag(o, a, "green", reason="身体尚可", on=FIRST)
    w = site.setup_worker("w1", "赵红")
    merge(o, "resident", a, b)
    care.set_flag(w, b, "red", reason="摔倒住院", on=FIRST)  # on the laptop, meanwhile
    site.send(w, o, "up")
    site.send(o, w, "down", micro_grid=GRID)
    for s in (o, w):
        assert [(x.resident_id, x.colour) for x in care.flag_rows(s)] == [(a, "green")]
        assert [r[0] for r in s.conn.execute("SELECT resident_id FROM care_due")] == [a]
        [p] = unfinished(s.conn)
        assert (p.keep, p.other) == (a, b)
    merge(o, "resident", a, b)
    site.send(o, w, "down2", micro_grid=GRID)
    for s in (o, w):
        assert [(x.resident_id, x.colour) for x in care.flag_rows(s)] == [(a, "red")]
        assert s.get("care_flag", care_flag_id(b))["colour"] is None  # type: ignore[index]
        assert unfinished(s.conn) == []
        due = s.conn.execute("SELECT colour FROM care_due WHERE resident_id = ?", (a,)).fetchone()
        assert due[0] == "red"
    assert snapshot_text(w) == snapshot_text(o, site.mg_a)
    w.close()


def test_a_flag_edited_elsewhere_after_its_fold_is_listed_again(site: Site) -> None:
    o = site.office
    _h, [a, b] = add_household(o, site.mg_a, "802", ["钱桂芳", "钱桂芳"])
    care.set_flag(o, b, "yellow", reason="独居", on=FIRST)
    w = site.setup_worker("w1", "赵红")
    merge(o, "resident", a, b)
    assert [(x.resident_id, x.colour) for x in care.flag_rows(o)] == [(a, "yellow")]
    care.set_flag(w, b, "red", reason="住院", on=FIRST)  # the laptop had not seen the merge
    site.send(w, o, "up")
    assert [(x.resident_id, x.colour) for x in care.flag_rows(o)] == [(a, "yellow")]
    [p] = unfinished(o.conn)
    assert (p.keep, p.other, p.merged) == (a, b, True)
    merge(o, "resident", a, b)
    assert [(x.resident_id, x.colour) for x in care.flag_rows(o)] == [(a, "red")]
    assert unfinished(o.conn) == []
    w.close()
