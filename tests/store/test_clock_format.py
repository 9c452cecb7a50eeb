"""The stored field clocks: grouped by hlc, canonical, and read in either layout.

A record created in one step has one hlc for all its fields; storing it once instead of
once per field cut a resident's row from ~770 to ~280 bytes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridworker.store import db as db_module
from gridworker.store.db import open_database
from gridworker.store.migrations import all_migrations
from gridworker.store.ops import clock_dumps, clock_loads, clock_text
from gridworker.store.store import Store

HLC_A = "1795439459560-0000-01a20887e68d73d5ac89c1b897ffc01c"
HLC_B = "1795439459999-0003-01a20887e68d73d5ac89c1b897ffc01c"

field_names = st.sampled_from(["name", "phone", "sex", "id_number", "notes", "tags", "status"])
hlcs = st.sampled_from([HLC_A, HLC_B, "1795439460000-0000-ffffffffffffffffffffffffffffffff"])


@given(st.dictionaries(field_names, hlcs))
def test_clocks_round_trip(clocks: dict[str, str]) -> None:
    assert clock_loads(clock_dumps(clocks)) == clocks


@given(st.dictionaries(field_names, hlcs), st.randoms())
def test_the_text_does_not_depend_on_insertion_order(clocks: dict[str, str], rnd: object) -> None:
    items = list(clocks.items())
    rnd.shuffle(items)  # type: ignore[attr-defined]
    assert clock_dumps(dict(items)) == clock_dumps(clocks)


@given(st.lists(field_names, unique=True), hlcs)
def test_a_new_records_clock_text_equals_the_general_form(fields: list[str], hlc: str) -> None:
    assert clock_text(fields, hlc) == clock_dumps(dict.fromkeys(fields, hlc))


def test_one_hlc_is_written_once() -> None:
    text = clock_dumps({"name": HLC_A, "phone": HLC_A, "sex": HLC_B})
    assert json.loads(text) == {HLC_A: ["name", "phone"], HLC_B: ["sex"]}
    assert text.count(HLC_A) == 1


def test_the_old_per_field_layout_is_still_read() -> None:
    assert clock_loads(json.dumps({"name": HLC_A, "sex": HLC_B})) == {"name": HLC_A, "sex": HLC_B}
    assert clock_loads("{}") == {}


def test_a_new_resident_stores_its_creation_hlc_once(worker_store: Store) -> None:
    hid = worker_store.create("household", {"estate": "锦华苑", "building": "3栋", "room": "301"})
    rid = worker_store.create("resident", {"household_id": hid, "name": "赵红", "sex": "女"})
    text = worker_store.conn.execute("SELECT _clock FROM resident WHERE id = ?", (rid,)).fetchone()[
        0
    ]
    (hlc, fields), *rest = json.loads(text).items()
    assert rest == [] and fields == ["household_id", "name", "sex"]
    worker_store.update("resident", rid, {"phone": "13812345678"})
    text = worker_store.conn.execute("SELECT _clock FROM resident WHERE id = ?", (rid,)).fetchone()[
        0
    ]
    clocks = clock_loads(text)
    assert clocks["name"] == hlc and clocks["phone"] > hlc


def test_migration_rewrites_per_field_clocks_with_the_same_meaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v3.sqlite3"
    first_three = all_migrations()[:3]
    with monkeypatch.context() as m:
        m.setattr(db_module, "all_migrations", lambda: first_three)
        conn = open_database(path)
    old = {"estate": HLC_A, "room": HLC_A, "phone": HLC_B}
    conn.execute(
        "INSERT INTO household (id, estate, room, phone, _clock) VALUES (?, ?, ?, ?, ?)",
        ("h1", "锦华苑", "301", "13812345678", json.dumps(old)),
    )
    conn.execute("INSERT INTO household (id, estate) VALUES ('h2', '万科城')")  # '{}' default
    conn.close()

    conn = open_database(path)
    rows = dict(conn.execute("SELECT id, _clock FROM household").fetchall())
    conn.close()
    assert json.loads(rows["h1"]) == {HLC_A: ["estate", "room"], HLC_B: ["phone"]}
    assert clock_loads(rows["h1"]) == old
    assert rows["h2"] == "{}"
    assert list((tmp_path / "backups").glob("v3.before-v*"))


def test_a_corrupt_clock_is_not_silently_taken_for_empty() -> None:
    with pytest.raises((ValueError, sqlite3.DatabaseError)):
        clock_loads('{"name": 5}')
