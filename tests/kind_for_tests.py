"""A kind of record that exists only in tests, added the way a real one is added.

A new kind is one spec (here ``TEST_VISIT``, registered by the :func:`visit_kind` fixture) and the
migration that makes its table (here ``TABLE_SQL``, run on each database by
:func:`add_table`). Nothing generic changes: the tests that use it show the write path,
merge, sync, snapshots, history and conflict labels all follow the spec. It uses every
kind of field, a second link besides its parent (the residents met) and voiding.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gridworker.store.entities import EntitySpec, Field, register, unregister
from gridworker.store.sqlscript import run_script
from gridworker.store.store import Store

TEST_VISIT = EntitySpec(
    name="test_visit",
    table="test_visit",
    label_zh="测试走访",
    label_en="Test visit",
    plural_en="test visits",
    fields=(
        Field("household_id", "所在户", "Household", "ref", ref="household"),
        Field("visited_on", "走访日期", "Visit date", "date"),
        Field("recorded_at", "记录时间", "Recorded at", "datetime"),
        Field("minutes", "时长（分钟）", "Minutes", "int"),
        Field("temperature", "体温", "Temperature", "number"),
        Field("in_person", "入户", "In person", "bool"),
        Field("residents_met", "见到的人", "Residents met", "set", ref="resident"),
        Field("topics", "谈到的事", "Topics", "set"),
        Field("notes", "情况", "Notes"),
    ),
    parent=("household_id", "household"),
    voidable=True,
    title=("visited_on", "notes"),
    title_parent=True,
)

# What its migration (mNNNN_test_visit.py) would run: the columns of the spec, with the
# SQLite type of each kind; the parent reference deferred like every other.
TABLE_SQL = """
CREATE TABLE test_visit (
    id            TEXT PRIMARY KEY,
    household_id  TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    visited_on    TEXT,
    recorded_at   TEXT,
    minutes       INTEGER,
    temperature   REAL,
    in_person     INTEGER,
    residents_met TEXT,
    topics        TEXT,
    notes         TEXT,
    voided        INTEGER,
    void_reason   TEXT,
    _clock        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX test_visit_household ON test_visit (household_id);
"""


def add_table(store: Store) -> Store:
    """Make the kind's table in a database, as its migration would."""
    with store.transaction():
        run_script(store.conn, TABLE_SQL)
    return store


@pytest.fixture
def visit_kind() -> Iterator[EntitySpec]:
    """The test kind registered for one test (and gone afterwards)."""
    register(TEST_VISIT)
    try:
        yield TEST_VISIT
    finally:
        unregister(TEST_VISIT.name)
