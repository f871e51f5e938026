"""Only the schema rbdesk made: a file that carries SQL of its own is refused.

SQLite keeps triggers and views in the file itself and runs them for every connection: a trigger
added by someone else fires on rbdesk's own writes (rewriting notes, deleting change-log entries),
a recursive view named like one of our tables hangs a reader. So a file is accepted only when
its ``sqlite_master`` is exactly what rbdesk's migrations produce for its schema version: those
tables and indexes, each with the same definition, and nothing else. A file of a newer rbdesk
(whose schema this program cannot know) must at least hold only tables and indexes.
"""

from __future__ import annotations

import functools
import re
import sqlite3

from rbdesk.i18n import tr
from rbdesk.models.storage import migrations

# SQLite's own statistics tables (ANALYZE, "PRAGMA optimize" of another tool): data, no code.
_SQLITE_OWN = frozenset({"sqlite_stat1", "sqlite_stat4"})

Entry = tuple[str, str, str, str]  # type, name, table, definition


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().lower()


def _entries(conn: sqlite3.Connection) -> dict[str, Entry]:
    return {
        str(name): (str(kind), str(name), str(table), _normal(sql))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
        if name not in _SQLITE_OWN
    }


@functools.cache
def expected_schema(version: int) -> dict[str, Entry]:
    """What rbdesk's migrations make at ``version``: built by climbing the ladder in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(conn, target=version)
        return _entries(conn)
    finally:
        conn.close()


def _what(entry: Entry) -> str:
    kind, name = entry[0], entry[1]
    label = {
        "trigger": tr("pemicu (trigger)"),
        "view": tr("tampilan (view)"),
        "table": tr("tabel"),
        "index": tr("indeks"),
    }.get(kind, kind)
    return f"{label} «{name}»"


def foreign_parts(conn: sqlite3.Connection, version: int) -> list[str]:
    """What in the file rbdesk did not make, described for the user (empty: all is ours)."""
    found = _entries(conn)
    if version > migrations.SCHEMA_VERSION:
        return [_what(e) for e in found.values() if e[0] not in ("table", "index")]
    expected = expected_schema(version)
    problems = []
    for name, entry in sorted(found.items()):
        ours = expected.get(name)
        if ours is None:
            problems.append(_what(entry))
        elif ours != entry:
            problems.append(tr("{what} yang susunannya diubah").format(what=_what(entry)))
    for name, entry in sorted(expected.items()):
        if name not in found:
            problems.append(tr("{what} yang hilang").format(what=_what(entry)))
    return problems
