"""Care flags, major events, visits and needs (issue 12), and the due dates derived from them.

The four synced tables follow their specs in store/entities.py. Three device-local
tables hold derived data, kept in the write transaction by the ``care`` hook
(store/care_due.py) and rebuilt from the records here: who was met when and how
(``visit_contact``), each flagged resident's current due dates (``care_due``) and each
household's open follow-up (``followup_due``). They are never synced.
"""

from __future__ import annotations

import sqlite3

from gridworker.store.sqlscript import run_script

SQL = """
CREATE TABLE care_flag (
    id           TEXT PRIMARY KEY,
    resident_id  TEXT REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED,
    colour       TEXT,
    categories   TEXT,
    reason       TEXT,
    set_by       TEXT,
    set_on       TEXT,
    review_on    TEXT,
    _clock       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX care_flag_resident ON care_flag (resident_id);

CREATE TABLE care_event (
    id           TEXT PRIMARY KEY,
    resident_id  TEXT REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED,
    kind         TEXT,
    happened_on  TEXT,
    note         TEXT,
    voided       INTEGER,
    void_reason  TEXT,
    _clock       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX care_event_resident ON care_event (resident_id, happened_on);

CREATE TABLE visit (
    id            TEXT PRIMARY KEY,
    household_id  TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    visited_on    TEXT,
    visit_time    TEXT,
    method        TEXT,
    purposes      TEXT,
    residents_met TEXT,
    situation     TEXT,
    bp_systolic   INTEGER,
    bp_diastolic  INTEGER,
    follow_up_on  TEXT,
    visitors      TEXT,
    voided        INTEGER,
    void_reason   TEXT,
    _clock        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX visit_household ON visit (household_id, visited_on);
CREATE INDEX visit_day ON visit (visited_on);

CREATE TABLE need (
    id            TEXT PRIMARY KEY,
    household_id  TEXT REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
    resident_id   TEXT,
    visit_id      TEXT,
    raised_on     TEXT,
    source        TEXT,
    category      TEXT,
    text          TEXT,
    solved_on     TEXT,
    solution      TEXT,
    reported_on   TEXT,
    owner         TEXT,
    deadline      TEXT,
    feedback_on   TEXT,
    result        TEXT,
    revisit_on    TEXT,
    satisfaction  TEXT,
    revisit_note  TEXT,
    voided        INTEGER,
    void_reason   TEXT,
    _clock        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX need_household ON need (household_id, raised_on);
CREATE INDEX need_visit ON need (visit_id);
CREATE INDEX need_raised ON need (raised_on);
-- Open needs by deadline (the work list's "past the deadline"), fed back by day (回访).
CREATE INDEX need_open_deadline ON need (deadline)
    WHERE solved_on IS NULL AND feedback_on IS NULL AND revisit_on IS NULL;
CREATE INDEX need_awaiting_revisit ON need (feedback_on) WHERE revisit_on IS NULL;

-- Derived, device-local (never synced): see gridworker/store/care_due.py.
CREATE TABLE visit_contact (
    resident_id  TEXT NOT NULL,
    visit_id     TEXT NOT NULL,
    visited_on   TEXT NOT NULL,
    method       TEXT NOT NULL,
    PRIMARY KEY (resident_id, visit_id)
) WITHOUT ROWID;
CREATE INDEX visit_contact_visit ON visit_contact (visit_id);
CREATE INDEX visit_contact_latest ON visit_contact (resident_id, method, visited_on);

CREATE TABLE care_due (
    resident_id    TEXT NOT NULL,
    reason         TEXT NOT NULL,      -- colour | event
    due            TEXT NOT NULL,
    colour         TEXT,
    last_counting  TEXT,
    event_id       TEXT,
    PRIMARY KEY (resident_id, reason)
) WITHOUT ROWID;
CREATE INDEX care_due_day ON care_due (due);

CREATE TABLE followup_due (
    household_id  TEXT PRIMARY KEY,
    visit_id      TEXT NOT NULL,
    due           TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX followup_due_day ON followup_due (due);
"""


def upgrade(conn: sqlite3.Connection) -> None:
    run_script(conn, SQL)
