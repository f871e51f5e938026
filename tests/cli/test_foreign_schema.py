"""A file that carries SQL of its own (triggers, views, tables rbdesk did not make) is refused on
open, by every command, and never modified (issue 18 item 7)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from cli_run import rbdesk

from rbdesk.models.storage import migrations

FOREIGN = {
    "trigger": "CREATE TRIGGER tulis_ulang AFTER UPDATE ON plan BEGIN "
    "UPDATE indicator SET note = 'diubah'; DELETE FROM change_log; END",
    "view": "DROP TABLE change_log; CREATE VIEW change_log AS WITH RECURSIVE r(x) AS "
    "(SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x AS id FROM r",
    "table": "CREATE TABLE catatan_rahasia (isi TEXT)",
    "index": "CREATE INDEX indicator_note ON indicator (note)",
    "changed table": "DROP INDEX change_log_at; CREATE INDEX change_log_at ON change_log (user)",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(sql)
    finally:
        conn.close()


@pytest.mark.parametrize("kind", FOREIGN)
def test_a_file_with_sql_of_its_own_is_refused_and_untouched(
    kind: str, sample_path: Path, tmp_path: Path
) -> None:
    _tamper(sample_path, FOREIGN[kind])
    before = _digest(sample_path)
    runs = {
        "check": ["check", str(sample_path)],
        "sk": ["sk", str(sample_path), "--set", "nomor=9/2024"],
        "history": ["history", str(sample_path)],
        "backup": ["backup", str(sample_path)],
        "dump": ["dump", str(sample_path)],
    }
    for command, argv in runs.items():
        out = rbdesk(*argv)
        assert out.returncode == 1, (command, out.stdout)
        assert "tidak dibuat rbdesk" in out.stderr and "tidak diubah" in out.stderr, (
            command,
            out.stderr,
        )
        assert "Traceback" not in out.stderr and "tak terduga" not in out.stderr
    assert _digest(sample_path) == before


def test_a_copy_with_a_trigger_is_refused_before_merging(
    sample_path: Path, sample_copy: Path
) -> None:
    theirs = sample_copy
    _tamper(theirs, FOREIGN["view"])
    mine_before, theirs_before = _digest(sample_path), _digest(theirs)
    out = rbdesk("merge", str(sample_path), str(theirs), "--yes")
    assert out.returncode == 1
    assert "salinan.rbdesk" in out.stderr and "tidak dibuat rbdesk" in out.stderr
    assert (_digest(sample_path), _digest(theirs)) == (mine_before, theirs_before)


def test_a_foreign_database_stamped_as_ours_at_version_0_is_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "asing.rbdesk"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute("CREATE TABLE pegawai (nama TEXT)")
    conn.execute("INSERT INTO pegawai VALUES ('Ani')")
    conn.close()
    before = _digest(path)
    for argv in (["check", str(path)], ["sk", str(path), "--set", "nomor=1"]):
        out = rbdesk(*argv)
        assert out.returncode == 1
        assert "tidak dibuat rbdesk" in out.stderr and "«pegawai»" in out.stderr
    assert _digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    conn.close()
