"""Gas records sync like every kind: in bundles, both ways, and the hazard states and due
dates each replica derives depend only on the records it holds, whatever the order."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import Site

from gridworker.core.gas_rules import (
    ABSENT,
    ACTIONS,
    DONE,
    HAZARD,
    OK,
    REFUSED,
    STEP_ESCALATED,
    STEP_FIXED,
    Answer,
)
from gridworker.store import gas, gas_derived
from gridworker.store.errors import ValidationError
from gridworker.store.ops import Op
from gridworker.store.policies import checklist
from gridworker.store.snapshot import snapshot_text
from gridworker.store.store import Store

TODAY = date.today()


def _answers(s: Store, *hazards: str) -> dict[str, Answer]:
    return {i.code: Answer(HAZARD if i.code in hazards else OK) for i in checklist(s).items}


def _derived(s: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (
        [tuple(r) for r in s.conn.execute("SELECT * FROM gas_hazard_state ORDER BY hazard_id")],
        [tuple(r) for r in s.conn.execute("SELECT * FROM gas_due ORDER BY household_id")],
    )


def test_inspections_and_hazard_steps_travel_both_ways(site: Site) -> None:
    a = site.setup_worker("a", "赵红", "第一微网格")
    [h] = [r[0] for r in a.conn.execute("SELECT id FROM household")]
    saved = gas.save_inspection(
        a,
        gas.InspectionInput(h, TODAY - timedelta(days=20), DONE, _answers(a, "pipe_room")),
        today=TODAY,
    )
    [z] = saved.hazard_ids
    site.send(a, site.office, "a-1")
    assert gas.hazard_now(site.office, z).status == "待整改"
    gas.add_step(site.office, z, STEP_ESCALATED, TODAY, note="报燃气公司", today=TODAY)
    site.send(site.office, a, "to-a", micro_grid="第一微网格")
    assert gas.hazard_now(a, z).status == "已上报"
    assert snapshot_text(a, site.mg_a) == snapshot_text(site.office, site.mg_a)
    assert _derived(a)[0] == _derived(site.office)[0]
    # The other micro-grid's laptop never sees them.
    b = site.setup_worker("b", "钱芳", "第二微网格")
    assert b.conn.execute("SELECT count(*) FROM gas_hazard").fetchone()[0] == 0
    a.close()
    b.close()


def test_a_set_up_bundle_brings_a_new_laptop_the_whole_gas_file(site: Site) -> None:
    [h] = [
        r[0]
        for r in site.office.conn.execute(
            "SELECT id FROM household WHERE micro_grid_id = ?", (site.mg_a,)
        )
    ]
    saved = gas.save_inspection(
        site.office,
        gas.InspectionInput(h, TODAY - timedelta(days=3), DONE, _answers(site.office, "leak")),
        today=TODAY,
    )
    gas.add_step(site.office, saved.hazard_ids[0], STEP_FIXED, TODAY, today=TODAY)
    a = site.setup_worker("a", "赵红", "第一微网格")
    assert gas.hazard_now(a, saved.hazard_ids[0]).status == "已整改待复查"
    answers = a.get("gas_inspection", saved.id)["answers"]  # type: ignore[index]
    assert isinstance(answers, list) and len(answers) == 16
    a.close()


# -- the property: order does not matter ----------------------------------------------------------


def _ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def _replicas() -> tuple[list[Store], list[str]]:
    stores = []
    for i in range(3):
        s = Store.open(":memory:")
        if i == 0:
            s.init_installation("office", "致强社区", "王主任")
        else:
            s.init_installation("worker", "致强社区", f"网格员{i}", micro_grid="第三微网格")
        stores.append(s)
    office = stores[0]
    mg = office.ensure_micro_grid("第三微网格")
    homes = [
        office.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": str(101 + k)})
        for k in range(2)
    ]
    seed = _ops(office)
    for s in stores[1:]:
        s.apply_ops(seed)
    return stores, homes


CODES = ("leak", "hose_type", "alarm", "meter")

action = st.one_of(
    # (replica, "inspect", household, outcome, hazard items, days ago)
    st.tuples(
        st.integers(0, 2),
        st.just("inspect"),
        st.integers(0, 1),
        st.sampled_from((DONE, DONE, ABSENT, REFUSED)),
        st.sets(st.sampled_from(CODES), max_size=2),
        st.integers(0, 60),
    ),
    # (replica, "step", hazard index, action, days after it was found)
    st.tuples(
        st.integers(0, 2),
        st.just("step"),
        st.integers(0, 5),
        st.sampled_from(ACTIONS),
        st.integers(0, 40),
    ),
    # (replica, "undo", hazard index): void its latest step
    st.tuples(st.integers(0, 2), st.just("undo"), st.integers(0, 5)),
    # (replica, "void", inspection index)
    st.tuples(st.integers(0, 2), st.just("void"), st.integers(0, 3)),
    # (replica, "exchange", other replica)
    st.tuples(st.integers(0, 2), st.just("exchange"), st.integers(0, 2)),
)


def _hazards(s: Store) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in s.conn.execute(
            "SELECT id, found_on FROM gas_hazard WHERE voided IS NOT 1 ORDER BY id"
        )
    ]


@settings(max_examples=40, deadline=None)
@given(st.lists(action, min_size=1, max_size=20), st.integers(0, 2**32))
def test_hazard_states_and_due_dates_depend_only_on_the_records_held(
    actions: list[tuple[object, ...]], seed: int
) -> None:
    rnd = random.Random(seed)
    stores, homes = _replicas()
    for a in actions:
        s = stores[int(str(a[0]))]
        kind = a[1]
        try:
            if kind == "inspect":
                _r, _k, hh, outcome, items, days = a
                on = TODAY - timedelta(days=int(str(days)))
                given_answers = _answers(s, *items) if outcome == DONE else {}  # type: ignore[misc]
                gas.save_inspection(
                    s,
                    gas.InspectionInput(homes[int(str(hh))], on, str(outcome), given_answers),
                    today=TODAY,
                )
            elif kind == "step":
                _r, _k, zi, act, days = a
                held = _hazards(s)
                if held:
                    zid, found = held[int(str(zi)) % len(held)]
                    on = min(TODAY, date.fromisoformat(found) + timedelta(days=int(str(days))))
                    gas.add_step(s, zid, str(act), on, note="说明", today=TODAY)
            elif kind == "undo":
                held = _hazards(s)
                if held:
                    zid = held[int(str(a[2])) % len(held)][0]
                    steps = [
                        r[0]
                        for r in s.conn.execute(
                            "SELECT id FROM gas_hazard_step WHERE hazard_id = ? "
                            "AND voided IS NOT 1 ORDER BY step_on DESC, id DESC",
                            (zid,),
                        )
                    ]
                    if steps:
                        gas.undo_step(s, steps[0])
            elif kind == "void":
                ids = [
                    r[0]
                    for r in s.conn.execute(
                        "SELECT id FROM gas_inspection WHERE voided IS NOT 1 ORDER BY id"
                    )
                ]
                if ids:
                    gas.void_inspection(s, ids[int(str(a[2])) % len(ids)], "录错了")
            else:
                other = stores[int(str(a[2]))]
                ops = _ops(s)
                other.apply_ops(rnd.sample(ops, k=len(ops)))
        except ValidationError:
            pass  # a step that does not fit this replica's state: refused, nothing written

    # Every replica gets every other's whole log (as a bundle carries it: everything the
    # sender holds, so no record arrives before what it belongs to), senders in random
    # order, each log shuffled, with repeats.
    logs = [_ops(s) for s in stores]
    for i, s in enumerate(stores):
        senders = [j for j in range(len(stores)) if j != i]
        rnd.shuffle(senders)
        for j in senders:
            s.apply_ops(rnd.sample(logs[j], k=len(logs[j])))
        s.apply_ops(rnd.sample(logs[i], k=min(5, len(logs[i]))))  # its own, again
    derived = [_derived(s) for s in stores]
    assert derived[0] == derived[1] == derived[2]
    # ... and they are what the records say, computed from scratch.
    with stores[0].transaction():
        gas_derived.rebuild(stores[0].conn)
    assert _derived(stores[0]) == derived[0]
    assert len({snapshot_text(s) for s in stores}) == 1
    for s in stores:
        s.close()


def test_two_devices_answering_one_inspection(site: Site) -> None:
    """Edits of different items both survive; one item answered two ways shows both."""
    a = site.setup_worker("a", "赵红", "第一微网格")
    [h] = [r[0] for r in a.conn.execute("SELECT id FROM household")]
    on = TODAY - timedelta(days=5)
    saved = gas.save_inspection(a, gas.InspectionInput(h, on, DONE, _answers(a)), today=TODAY)
    site.send(a, site.office, "a-1")
    # The office corrects the meter; the worker, not knowing, the leak and the meter.
    gas.save_inspection(
        site.office,
        gas.InspectionInput(h, on, DONE, _answers(site.office, "meter")),
        saved.id,
        today=TODAY,
    )
    mine = _answers(a, "leak")
    mine["meter"] = Answer("不适用")
    gas.save_inspection(a, gas.InspectionInput(h, on, DONE, mine), saved.id, today=TODAY)
    site.send(a, site.office, "a-2")
    site.send(site.office, a, "to-a", micro_grid="第一微网格")
    from gridworker.store.gas_queries import inspection_detail

    for s in (a, site.office):
        d = inspection_detail(s, saved.id)
        assert d is not None
        by_code = {i.code: i for i in d.items}
        assert by_code["leak"].answer == HAZARD  # only the worker changed it
        meter = by_code["meter"]
        assert {meter.answer, *meter.others} == {HAZARD, "不适用"}  # both kept
    assert snapshot_text(a, site.mg_a) == snapshot_text(site.office, site.mg_a)
    # Correcting the inspection settles it everywhere.
    gas.save_inspection(
        a, gas.InspectionInput(h, on, DONE, _answers(a, "leak", "meter")), saved.id, today=TODAY
    )
    site.send(a, site.office, "a-3")
    d = inspection_detail(site.office, saved.id)
    assert d is not None
    assert {i.code: (i.answer, i.others) for i in d.items}["meter"] == (HAZARD, ())
    a.close()
