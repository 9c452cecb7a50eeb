"""Builds a realistic demo community in an empty database.

Used by `gridworker demo` to show the app, and by tests and benchmarks that need a
roster of a realistic shape (valid ID numbers, Chinese names and addresses, tags and
care-relevant people). Everything is written through the normal write path, so the
demo also has a real change log.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Literal

from gridworker.core.demo_people import DemoHousehold, generate_households
from gridworker.demo_care import add_care_records
from gridworker.demo_gas import add_gas
from gridworker.store.store import Change, Store

ESTATES = ["致强小区", "锦华苑", "双福路院落", "青龙巷宿舍", "府河家园"]
COMMUNITY = "致强社区"
HOUSEHOLDS_PER_MICRO_GRID = 60
_CN_NUMERALS = "一二三四五六七八九十"


def micro_grid_name(index: int) -> str:
    """第一微网格, 第二微网格 … 第十一微网格 …, then plain digits past 99."""
    n = index + 1
    if n <= 10:
        word = _CN_NUMERALS[n - 1]
    elif n < 20:
        word = "十" + _CN_NUMERALS[n - 11]
    elif n < 100:
        tens, ones = divmod(n, 10)
        word = _CN_NUMERALS[tens - 1] + "十" + (_CN_NUMERALS[ones - 1] if ones else "")
    else:
        word = str(n)
    return f"第{word}微网格"


def build_demo(
    store: Store,
    households: int = 80,
    seed: int = 7,
    role: Literal["worker", "office"] = "worker",
    user: str | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Initialise ``store`` as a demo installation and fill it; returns a one-line summary.

    A worker demo keeps all households in 第三微网格; an office demo spreads them over
    micro-grids of about 60 households each, as a real community is divided.
    """
    rng = random.Random(seed)
    user = user or ("赵红" if role == "worker" else "王主任")  # a grid worker; the office head
    if role == "worker":
        store.init_installation("worker", COMMUNITY, user, micro_grid=micro_grid_name(2))
    else:
        store.init_installation("office", COMMUNITY, user)
    generated = generate_households(rng, households, ESTATES, today=today)
    n_grids = 1 if role == "worker" else max(1, -(-households // HOUSEHOLDS_PER_MICRO_GRID))
    with store.transaction():
        grid_ids = (
            [store.identity.micro_grid_id or ""]
            if role == "worker"
            else [store.ensure_micro_grid(micro_grid_name(i)) for i in range(n_grids)]
        )
    people = 0
    batch: list[Change] = []
    for i, hh in enumerate(generated):
        grid = grid_ids[i * n_grids // max(1, households)]
        batch.extend(_changes(hh, grid))
        people += len(hh.members)
        if len(batch) >= 5000 or i == len(generated) - 1:
            store.write(batch)
            batch = []
            if progress:
                progress(i + 1, households)
    add_gas(store, seed, today)  # gas-safety records (gridworker/demo_gas.py)
    kind = "网格员" if role == "worker" else "社区"
    care = add_care_records(store, seed=seed, today=today)
    return f"{COMMUNITY}（{kind}视图）：{n_grids} 个微网格，{households} 户，{people} 人；{care}"


def _changes(hh: DemoHousehold, micro_grid_id: str) -> list[Change]:
    from gridworker.core.ids import uuid7

    household_id = uuid7()
    out = [
        Change(
            "household",
            {
                "micro_grid_id": micro_grid_id,
                "estate": hh.estate,
                "building": hh.building,
                "unit": hh.unit,
                "room": hh.room,
                "head_name": hh.head_name,
                "house_use": hh.house_use,
                "phone": hh.phone,
                "notes": hh.notes,
            },
            entity_id=household_id,
            new=True,
        )
    ]
    for m in hh.members:
        out.append(
            Change(
                "resident",
                {
                    "household_id": household_id,
                    "name": m.name,
                    "id_number": m.id_number,
                    "sex": m.sex,
                    "birth_date": m.birth_date.isoformat(),
                    "ethnicity": m.ethnicity,
                    "phone": m.phone,
                    "relation": m.relation,
                    "population_type": m.population_type,
                    "status": m.status,
                    "tags": list(m.tags),
                    "notes": m.notes,
                },
                new=True,
            )
        )
    return out
