"""Gas safety: inspections (with their item answers), hazards and their steps (synced), and the
derived due dates and hazard states the work list reads (device-local).

The derived tables are filled here for the households a file already holds (each due on
the day it was recorded: never inspected); the rows come from the current gas_derived code.
"""

from __future__ import annotations

import sqlite3

from gridworker.store import gas_derived
from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE gas_inspection (
    id               TEXT PRIMARY KEY,
    household_id     TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    inspected_on     TEXT,
    outcome          TEXT,
    template_version INTEGER,
    inspector        TEXT,
    signed           INTEGER,
    answers          TEXT,
    item_notes       TEXT,
    notes            TEXT,
    voided           INTEGER,
    void_reason      TEXT,
    _clock           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX gas_inspection_household ON gas_inspection (household_id, inspected_on);
CREATE INDEX gas_inspection_day ON gas_inspection (inspected_on);

CREATE TABLE gas_hazard (
    id            TEXT PRIMARY KEY,
    household_id  TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    inspection_id TEXT,
    item          TEXT,
    grade         TEXT,
    found         TEXT,
    found_on      TEXT,
    deadline      TEXT,
    voided        INTEGER,
    void_reason   TEXT,
    _clock        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX gas_hazard_household ON gas_hazard (household_id);
CREATE INDEX gas_hazard_inspection ON gas_hazard (inspection_id);
CREATE INDEX gas_hazard_found ON gas_hazard (found_on);

CREATE TABLE gas_hazard_step (
    id          TEXT PRIMARY KEY,
    hazard_id   TEXT REFERENCES gas_hazard (id) DEFERRABLE INITIALLY DEFERRED,
    action      TEXT,
    step_on     TEXT,
    deadline    TEXT,
    note        TEXT,
    done_by     TEXT,
    voided      INTEGER,
    void_reason TEXT,
    _clock      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX gas_hazard_step_hazard ON gas_hazard_step (hazard_id);
CREATE INDEX gas_hazard_step_day ON gas_hazard_step (step_on);

-- Derived, device-local (gridworker.store.gas_derived): never synced, rebuilt at will.
CREATE TABLE gas_due (
    household_id   TEXT PRIMARY KEY,
    since          TEXT NOT NULL,
    due            TEXT NOT NULL,
    kind           TEXT NOT NULL,
    last_done      TEXT,
    failed_on      TEXT,
    failed_outcome TEXT
);
CREATE INDEX gas_due_due ON gas_due (due);

CREATE TABLE gas_hazard_state (
    hazard_id    TEXT PRIMARY KEY,
    household_id TEXT NOT NULL,
    status       TEXT NOT NULL,
    is_open      INTEGER NOT NULL,
    deadline     TEXT,
    recheck_due  TEXT,
    fixed_on     TEXT,
    closed_on    TEXT,
    escalated_on TEXT,
    rechecks     INTEGER NOT NULL DEFAULT 0,
    last_on      TEXT
);
CREATE INDEX gas_hazard_state_open ON gas_hazard_state (is_open, recheck_due);
CREATE INDEX gas_hazard_state_household ON gas_hazard_state (household_id);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
    gas_derived.rebuild(conn)
