"""The schema ladder. Each step is frozen SQL run in one transaction together with its version bump.

A new file climbs the whole ladder from 0, so every step is exercised on every new file, not only on
old ones. Never edit a step that has shipped: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x52424453  # "RBDS"

_ROW = """
    id INTEGER NOT NULL PRIMARY KEY,
    uuid VARCHAR(36) NOT NULL UNIQUE,
    updated_at VARCHAR(32) NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0"""

V1 = f"""
CREATE TABLE person ({_ROW},
    name VARCHAR(255) NOT NULL,
    position VARCHAR(255) NOT NULL DEFAULT '',
    unit VARCHAR(255) NOT NULL DEFAULT '');
CREATE TABLE plan ({_ROW},
    unit VARCHAR(255) NOT NULL,
    year INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    decree TEXT NOT NULL DEFAULT '{{}}',
    settings TEXT NOT NULL DEFAULT '{{}}');
CREATE TABLE area ({_ROW},
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label VARCHAR(255) NOT NULL DEFAULT '',
    name TEXT NOT NULL);
CREATE INDEX area_plan_id ON area (plan_id);
CREATE TABLE activity ({_ROW},
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label VARCHAR(255) NOT NULL DEFAULT '',
    name TEXT NOT NULL);
CREATE INDEX activity_area_id ON activity (area_id);
CREATE TABLE sub_activity ({_ROW},
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label VARCHAR(255) NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '');
CREATE INDEX sub_activity_activity_id ON sub_activity (activity_id);
CREATE TABLE indicator ({_ROW},
    sub_activity_id INTEGER NOT NULL REFERENCES sub_activity (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label VARCHAR(255) NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    planned INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '');
CREATE INDEX indicator_sub_activity_id ON indicator (sub_activity_id);
CREATE TABLE realisation ({_ROW},
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    status VARCHAR(16) NOT NULL DEFAULT 'belum',
    note TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX realisation_indicator_id_month ON realisation (indicator_id, month);
CREATE TABLE blob (
    sha256 VARCHAR(64) NOT NULL PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL);
CREATE TABLE evidence ({_ROW},
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    filename VARCHAR(255) NOT NULL,
    mime VARCHAR(255) NOT NULL DEFAULT 'application/octet-stream',
    size INTEGER NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    note TEXT NOT NULL DEFAULT '');
CREATE INDEX evidence_indicator_id ON evidence (indicator_id);
CREATE INDEX evidence_sha256 ON evidence (sha256);
CREATE TABLE team ({_ROW},
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    label VARCHAR(32) NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,
    duties TEXT NOT NULL DEFAULT '[]');
CREATE INDEX team_plan_id ON team (plan_id);
CREATE TABLE membership ({_ROW},
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role VARCHAR(255) NOT NULL DEFAULT 'Anggota',
    position VARCHAR(255) NOT NULL DEFAULT '');
CREATE INDEX membership_team_id ON membership (team_id);
CREATE INDEX membership_person_id ON membership (person_id);
CREATE TABLE change_log (
    id INTEGER NOT NULL PRIMARY KEY,
    at VARCHAR(32) NOT NULL,
    user VARCHAR(255) NOT NULL,
    host VARCHAR(255) NOT NULL,
    plan_uuid VARCHAR(36),
    entity VARCHAR(32) NOT NULL,
    row_uuid VARCHAR(36) NOT NULL,
    action VARCHAR(16) NOT NULL,
    field VARCHAR(64) NOT NULL DEFAULT '',
    old TEXT,
    new TEXT);
CREATE INDEX change_log_row_uuid ON change_log (row_uuid);
CREATE INDEX change_log_at ON change_log (at);
CREATE TABLE meta (
    key VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL);
"""

# v2: NIP for signature blocks of the monthly report, and the presence table that lets each PC
# show who else has the shared file open.
V2 = """
ALTER TABLE person ADD COLUMN nip VARCHAR(32) NOT NULL DEFAULT '';
CREATE TABLE presence (
    session VARCHAR(36) NOT NULL PRIMARY KEY,
    user VARCHAR(255) NOT NULL,
    host VARCHAR(255) NOT NULL,
    opened_at VARCHAR(32) NOT NULL,
    heartbeat_at VARCHAR(32) NOT NULL);
"""

# v3: evidence review. Each realised month carries a review state, who reviewed it, when and
# why; a person may be marked as a reviewer. Months already realised when the file is migrated
# become "diajukan" (submitted, awaiting review): nobody has verified them yet. The rows keep
# their stamps and versions, so two copies migrated apart agree and a merge sees no change.
V3 = """
ALTER TABLE realisation ADD COLUMN review_state VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE realisation ADD COLUMN reviewed_by VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE realisation ADD COLUMN reviewed_at VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE realisation ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN reviewer INTEGER NOT NULL DEFAULT 0;
UPDATE realisation SET review_state = 'diajukan' WHERE status <> 'belum';
"""

# v4: what offices write beside an indicator (issue 21): a target as written with its unit
# (satuan), a penanggung jawab as written plus the uuid of the roster person or team it names
# when it names one, and the further columns the user chose to keep, as an ordered JSON list of
# [name, value] pairs. Per plan, its own names for the four levels: a JSON list, empty for the
# KPU's defaults. The link is a uuid rather than a foreign key: it may name a person (shared by
# the plans) or a team (of the plan), and uuids are what dumps and merges carry; a link whose
# row is gone leaves the name as written.
V4 = """
ALTER TABLE indicator ADD COLUMN target VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN target_unit VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN responsible VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN responsible_uuid VARCHAR(36) NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN extra_columns TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plan ADD COLUMN level_names TEXT NOT NULL DEFAULT '[]';
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return step


# Index i holds the step that takes a file from version i to version i + 1.
STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _script(V1),
    _script(V2),
    _script(V3),
    _script(V4),
]
SCHEMA_VERSION = len(STEPS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Climb from the file's version to ``target``; returns the versions reached.

    Each step runs in its own ``BEGIN IMMEDIATE`` transaction so that a crash between steps leaves a
    file at a well-defined earlier version, never half a step.
    """
    reached = []
    current = user_version(conn)
    while current < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            STEPS[current](conn)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            # After a full disk or an I/O error SQLite has already rolled back by itself: a
            # second ROLLBACK would fail and hide the error that matters.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current += 1
        reached.append(current)
    return reached
