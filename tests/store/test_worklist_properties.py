"""Property: the work list depends only on the records held.

An office and a laptop flag, visit, record events and needs, change statuses and the
policy, exchanging now and then; then every operation reaches fresh replicas in random
batches and orders. Every replica ends with the same work list (as of several days) and
the same derived tables — which are also what a rebuild from the records alone makes.
"""

from __future__ import annotations

import contextlib
import json
import random
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridworker.store import care, care_due, needs, visits
from gridworker.store.errors import ValidationError
from gridworker.store.needs import NeedInput
from gridworker.store.ops import Op
from gridworker.store.policies import set_policy, shipped_care_policy
from gridworker.store.store import Store
from gridworker.store.visits import VisitInput
from gridworker.store.worklist import worklist

TODAY = date(2026, 3, 31)
START = date(2026, 2, 1)


def _ops(s: Store) -> list[Op]:
    return [Op.from_row(r) for r in s.conn.execute("SELECT * FROM ops ORDER BY hlc")]


def _missing(src: Store, dst: Store) -> list[Op]:
    held = {r[0] for r in dst.conn.execute("SELECT op_id FROM ops")}
    return [o for o in _ops(src) if o.op_id not in held]


def _derived(s: Store) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: [tuple(r) for r in s.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
        for t in ("visit_contact", "care_due", "followup_due")
    }


def _world() -> tuple[Store, Store, str, list[str], set[str]]:
    office = Store.open(":memory:")
    office.init_installation("office", "致强社区", "王主任")
    mg = office.ensure_micro_grid("第三微网格")
    h = office.create("household", {"micro_grid_id": mg, "estate": "锦华苑", "room": "101"})
    people = [office.create("resident", {"household_id": h, "name": f"居民{k}"}) for k in range(3)]
    worker = Store.open(":memory:")
    worker.init_installation("worker", "致强社区", "赵红", micro_grid="第三微网格")
    seed = _ops(office)
    worker.apply_ops(seed)
    return office, worker, h, people, {o.op_id for o in seed}


action = st.tuples(
    st.integers(0, 1),  # who: office, laptop
    st.sampled_from(
        [
            "flag",
            "flag",
            "visit",
            "visit",
            "visit",
            "event",
            "status",
            "void",
            "met",
            "need",
            "step",
            "policy",
            "sync",
        ]
    ),
    st.integers(0, 2),  # resident
    st.integers(0, 58),  # day offset from START
    st.integers(0, 7),  # choice
)


def _act(s: Store, h: str, people: list[str], what: str, k: int, day: int, c: int) -> None:
    on = START + timedelta(days=day)
    rid = people[k]
    if what == "flag":
        colour = ("red", "yellow", "green", None)[c % 4]
        care.set_flag(s, rid, colour, reason=f"理由{c}", on=on, today=TODAY)
    elif what == "visit":
        method = ("入户", "电话", "视频", "到访不遇")[c % 4]
        met = (
            None
            if method == "到访不遇"
            else [p for i, p in enumerate(people) if (c >> i) & 1 or i == k]
        )
        follow = on + timedelta(days=c + 1) if c % 3 == 0 else None
        visits.add_visit(
            s, VisitInput(h, on, method, ["日常走访"], met, follow_up_on=follow), today=TODAY
        )
    elif what == "event":
        care.add_event(s, rid, ("出院", "极端天气", "丧亲", "其他")[c % 4], on=on, today=TODAY)
    elif what == "status":
        status = ("在住", "迁出", "死亡")[c % 3]
        s.update(
            "resident",
            rid,
            {"status": status, "status_date": None if status == "在住" else on.isoformat()},
        )
    elif what in ("void", "met"):
        rows = s.conn.execute("SELECT id FROM visit ORDER BY id").fetchall()
        if not rows:
            return
        vid = rows[c % len(rows)][0]
        if what == "void":
            if c % 2:
                s.void("visit", vid, "录错了")
            else:
                s.unvoid("visit", vid)
        else:
            s.update(
                "visit", vid, {"residents_met": [p for i, p in enumerate(people) if (c >> i) & 1]}
            )
    elif what == "need":
        deadline = on + timedelta(days=c) if c % 2 else None
        needs.add_need(s, h, NeedInput(f"诉求{c}", deadline=deadline), on=on, today=TODAY)
    elif what == "step":
        rows = s.conn.execute("SELECT id FROM need ORDER BY id").fetchall()
        if not rows:
            return
        n = rows[c % len(rows)][0]
        step = c % 4
        if step == 0:
            needs.report(s, n, "物业", on + timedelta(days=3), on=on, today=TODAY)
        elif step == 1:
            needs.feedback(s, n, "已处理", on=on, today=TODAY)
        elif step == 2:
            needs.solve(s, n, "当场修好", on=on, today=TODAY)
        else:
            needs.revisit(s, n, "满意", on=on, today=TODAY)
    elif what == "policy" and s.identity.role == "office":
        doc = shipped_care_policy().to_json()
        held = s.conn.execute("SELECT max(version) FROM policy WHERE kind = 'care'").fetchone()[0]
        doc["version"] = (held or 1) + 1
        doc["colours"]["red"]["interval_days"] = 2 + c
        doc["colours"]["red"]["counting_methods"] = ["入户", "视频"] if c % 2 else ["入户"]
        set_policy(s, "care", json.dumps(doc, ensure_ascii=False))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(actions=st.lists(action, min_size=8, max_size=30), seed=st.integers(0, 2**32))
def test_the_worklist_depends_only_on_the_records_held(
    actions: list[tuple[int, str, int, int, int]], seed: int
) -> None:
    office, worker, h, people, seed_ops = _world()
    sites = (office, worker)
    for who, what, k, day, c in actions:
        s = sites[who]
        if what == "sync":
            worker.apply_ops(_missing(office, worker))
            office.apply_ops(_missing(worker, office))
            continue
        # A refusal (a flag for someone who died, a step out of turn) writes nothing.
        with contextlib.suppress(ValidationError):
            _act(s, h, people, what, k, day, c)
    everything = {o.op_id: o for s in sites for o in _ops(s)}
    ops = sorted(everything.values(), key=lambda o: o.hlc)
    rng = random.Random(seed)
    replicas = []
    for _ in range(2):
        r = Store.open(":memory:")
        r.init_installation("office", "致强社区", "李四")
        roster = [o for o in ops if o.op_id in seed_ops]  # the roster the others point at
        rest = [o for o in ops if o not in roster]
        rng.shuffle(rest)
        r.apply_ops(roster)
        while rest:
            n = rng.randint(1, 6)
            r.apply_ops(rest[:n])
            rest = rest[n:]
        replicas.append(r)
    days = [START + timedelta(days=x) for x in (10, 30, 45, 58, 70)]
    lists = [[worklist(r, on) for on in days] for r in replicas]
    assert lists[0] == lists[1]
    assert _derived(replicas[0]) == _derived(replicas[1])
    # The laptop and the office, once they have exchanged everything, agree too.
    worker.apply_ops(_missing(office, worker))
    office.apply_ops(_missing(worker, office))
    assert [worklist(office, on) for on in days] == lists[0]
    assert _derived(office) == _derived(replicas[0])
    for s in (replicas[0], worker):
        before = _derived(s)
        with s.transaction():
            care_due.rebuild(s.conn)
        assert _derived(s) == before
    for s in (*sites, *replicas):
        s.close()
