"""Gas-safety records for the demo community: a year of inspections and their hazards.

Called by :func:`gridworker.demo.build_demo` once the roster is written. Most households
were checked within the year; some are due again, some were not home (到访不遇) or
refused entry (拒绝入户), a few were never checked. Hazards are at every stage: put right
and rechecked, waiting for the recheck, a failed recheck with a new deadline, open and
overdue, one refused and escalated. The first households of the walk get one of each, so
even a small demo shows every case. Written through the gas service (checked like any
entry), many inspections per write; a very large demo (a benchmark's roster) gets gas
records for its first :data:`MAX_HOUSEHOLDS` households only.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from gridworker.core.gas_rules import (
    ABSENT,
    DONE,
    HAZARD,
    NA,
    OK,
    REFUSED,
    STEP_ESCALATED,
    STEP_FAILED,
    STEP_FIXED,
    STEP_PASSED,
    STEP_REFUSED,
    Answer,
    deadline_for,
)
from gridworker.core.ids import uuid7
from gridworker.store.gas import InspectionInput, plan_inspection
from gridworker.store.policies import checklist, record_in_force
from gridworker.store.store import Change, Store

MAX_HOUSEHOLDS = 3000
_BATCH = 4000  # changes per write

# What inspectors find, and how often (weights), with the words they write down.
_FINDINGS: list[tuple[str, int, str]] = [
    ("hose_type", 30, "仍在用橡胶软管，建议换金属波纹管"),
    ("hose_state", 14, "软管老化开裂"),
    ("stove_ffd", 14, "灶具无熄火保护，已用十余年"),
    ("alarm", 20, "未装燃气报警器，已告知"),
    ("ventilation", 8, "厨房封闭，无排风"),
    ("meter", 6, "燃气表上挂了杂物"),
    ("pipe_rust", 5, "立管锈蚀"),
    ("heater_place", 5, "热水器使用超过8年"),
    ("concealed", 4, "装修时管道被包进橱柜"),
    ("leak", 3, "灶前阀接口肥皂水起泡"),
    ("pipe_room", 2, "燃气管道穿过卧室"),
]
_INSPECTORS = ["赵红", "李明", "孙丽", "周强", "吴芳", "郑伟"]


def _answers(rng: random.Random, codes: list[str], found: list[str]) -> dict[str, Answer]:
    notes = {c: n for c, _w, n in _FINDINGS}
    out = {}
    for c in codes:
        if c in found:
            out[c] = Answer(HAZARD, notes.get(c, ""))
        elif c.startswith("lpg_") or (c.startswith("heater_") and rng.random() < 0.3):
            out[c] = Answer(NA)
        else:
            out[c] = Answer(OK)
    return out


def _findings(rng: random.Random) -> list[str]:
    """Most homes have nothing; some one or two things."""
    roll = rng.random()
    n = 0 if roll < 0.62 else 1 if roll < 0.9 else 2
    codes = [c for c, _w, _n in _FINDINGS]
    weights = [w for _c, w, _n in _FINDINGS]
    picked: list[str] = []
    while len(picked) < n:
        c = rng.choices(codes, weights)[0]
        if c not in picked:
            picked.append(c)
    return picked


class _Writer:
    """Collects changes and writes them many at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: list[Change] = []

    def add(self, changes: list[Change]) -> None:
        self.pending += changes
        if len(self.pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.write(self.pending)
            self.pending = []


def add_gas(store: Store, seed: int = 7, today: date | None = None) -> str:
    """Write the demo's gas records; returns a one-line summary."""
    rng = random.Random(seed * 7919 + 13)
    today = today or date.today()
    template = checklist(store)
    codes = [i.code for i in template.items]
    ident = store.identity
    rows = store.conn.execute(
        "SELECT h.id, h.micro_grid_id FROM household h ORDER BY h.micro_grid_id, h.estate, "
        "CAST(h.building AS INTEGER), CAST(h.unit AS INTEGER), CAST(h.room AS INTEGER), h.id"
    ).fetchall()[:MAX_HOUSEHOLDS]
    grids = sorted({r[1] for r in rows if r[1]})
    inspector_of = {
        g: (ident.user if ident.role == "worker" else _INSPECTORS[i % len(_INSPECTORS)])
        for i, g in enumerate(grids)
    }
    w = _Writer(store)
    counts = {"inspections": 0, "hazards": 0}

    def inspect(
        hid: str, on: date, outcome: str, found: list[str], inspector: str, grades: dict[str, str]
    ) -> list[str]:
        answers = _answers(rng, codes, found) if outcome == DONE else {}
        for c, g in grades.items():
            answers[c] = Answer(HAZARD, answers[c].note, g)
        changes, saved = plan_inspection(
            store,
            InspectionInput(hid, on, outcome, answers, signed=outcome == DONE, inspector=inspector),
            today=today,
        )
        w.add(changes)
        counts["inspections"] += 1
        counts["hazards"] += len(saved.hazard_ids)
        return list(saved.hazard_ids)

    def step(
        zid: str, action: str, on: date, inspector: str, note: str = "", new: date | None = None
    ) -> None:
        w.add(
            [
                Change(
                    "gas_hazard_step",
                    {
                        "hazard_id": zid,
                        "action": action,
                        "step_on": on.isoformat(),
                        "deadline": new.isoformat() if new else None,
                        "note": note or None,
                        "done_by": inspector,
                    },
                    entity_id=uuid7(),
                    new=True,
                )
            ]
        )

    def follow(zid: str, grade: str, found_on: date, inspector: str, story: str) -> None:
        """Steps after a hazard was found: what a year of follow-up leaves."""
        deadline = deadline_for(template, grade, found_on)
        if deadline is None:
            return  # 提示: the household was told
        if story in ("waiting", "open", "failed") and (today - found_on).days > 100:
            # What stays open is mostly recent; a few old ones are long overdue.
            story = "done" if rng.random() < 0.85 else story
        fixed = found_on + timedelta(days=rng.randint(2, max(3, (deadline - found_on).days)))
        if story == "done" and fixed + timedelta(days=3) < today:
            step(zid, STEP_FIXED, fixed, inspector, "住户已自行整改")
            step(zid, STEP_PASSED, fixed + timedelta(days=rng.randint(1, 3)), inspector)
        elif story == "waiting" and fixed <= today:
            step(zid, STEP_FIXED, min(fixed, today), inspector, "住户电话告知已整改")
        elif story == "failed" and fixed + timedelta(days=1) <= today:
            check = fixed + timedelta(days=1)
            new = check + timedelta(days=(deadline - found_on).days)
            step(zid, STEP_FAILED, check, inspector, "软管未更换，仍是橡胶管", new)
        elif story == "refused" and deadline + timedelta(days=2) < today:
            step(
                zid,
                STEP_REFUSED,
                deadline + timedelta(days=1),
                inspector,
                "住户拒绝整改，已送达再次通知",
            )
            step(
                zid,
                STEP_ESCALATED,
                deadline + timedelta(days=2),
                inspector,
                "已报社区和燃气公司，燃气公司将上门处置",
            )
        elif story == "second notice" and deadline + timedelta(days=1) < today:
            step(
                zid,
                STEP_REFUSED,
                deadline + timedelta(days=1),
                inspector,
                "住户不肯更换，已送达再次通知",
                deadline + timedelta(days=16),
            )
        # "open": nothing yet (overdue once the deadline passes)

    # The first households show every case, whatever the demo's size.
    scripted: list[tuple[str, int, list[str], dict[str, str], str]] = [
        # (outcome, days ago, findings, grade overrides, follow-up story)
        (DONE, 20, ["hose_type", "stove_ffd"], {}, "open"),  # 一般, 10 days left
        (DONE, 45, ["hose_type"], {}, "open"),  # 一般 past its 30 days: overdue
        (DONE, 3, ["leak"], {}, "open"),  # 重大 found 3 days ago: stop use, recheck soon
        (DONE, 12, ["hose_state"], {"hose_state": "重大"}, "waiting"),  # put right, to recheck
        (DONE, 60, ["hose_type"], {}, "failed"),  # failed recheck, new deadline
        (DONE, 90, ["pipe_room"], {}, "refused"),  # refused to rectify, escalated
        (DONE, 50, ["meter"], {}, "second notice"),  # refuses: second notice, then late
        (DONE, 150, ["ventilation", "alarm"], {}, "done"),
        (ABSENT, 9, [], {}, ""),  # nobody home: try again (due two days ago)
        (REFUSED, 35, [], {}, ""),  # entry refused: call again (due five days ago)
        (DONE, 380, [], {}, ""),  # last checked over a year ago: due again
    ]
    stories = ["done"] * 6 + ["waiting", "failed", "open"]
    with store.transaction():  # all of it, or nothing
        record_in_force(store, "gas_checklist")
        for n, (hid, mg) in enumerate(rows):
            inspector = inspector_of.get(mg, ident.user)
            if n < len(scripted):
                outcome, ago, found, grades, story = scripted[n]
                on = today - timedelta(days=ago)
                made = inspect(hid, on, outcome, found, inspector, grades)
                for zid, code in zip(made, found, strict=False):
                    grade = grades.get(code) or template.item(code).grade
                    follow(zid, grade, on, inspector, story)
                continue
            roll = rng.random()
            if roll < 0.08:
                continue  # never checked yet
            ago = rng.randint(366, 420) if roll < 0.16 else rng.randint(1, 340)  # due again?
            on = today - timedelta(days=ago)
            if rng.random() < 0.3 and ago < 300:  # checked the year before as well
                inspect(hid, on - timedelta(days=rng.randint(350, 380)), DONE, [], inspector, {})
            if rng.random() < 0.06:
                inspect(hid, on, ABSENT if rng.random() < 0.8 else REFUSED, [], inspector, {})
                continue
            found = _findings(rng)
            for zid, code in zip(inspect(hid, on, DONE, found, inspector, {}), found, strict=False):
                follow(zid, template.item(code).grade, on, inspector, rng.choice(stories))
        w.flush()
    return f"燃气检查 {counts['inspections']} 次，隐患 {counts['hazards']} 条"
