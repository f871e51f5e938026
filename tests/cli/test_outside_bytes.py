"""What another tool may leave in a file: text that is not UTF-8, a WAL journal mode (issue 18
item 12). check reports the text; dump, merge and the window still read the file; a WAL file
opened read-only gets a message that says what it is, and nothing is written beside it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_run import rbdesk

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.errors import ReadOnlyError
from rbdesk.models.storage import database
from rbdesk.models.storage.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _spoil_a_note(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "UPDATE indicator SET note = CAST(X'6361746174616EC328' AS TEXT) "
        "WHERE id = (SELECT MIN(id) FROM indicator)"
    )
    conn.close()


def test_text_that_is_not_utf8_is_reported_by_check_and_breaks_nothing(
    sample_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "salinan.rbdesk"
    shutil.copyfile(sample_path, other)
    _spoil_a_note(sample_path)
    checked = rbdesk("check", str(sample_path))
    assert checked.returncode == 1
    assert "indicator.note: 1" in checked.stdout and "bukan UTF-8" in checked.stderr
    dumped = rbdesk("dump", str(sample_path))
    assert dumped.returncode == 0, dumped.stderr
    assert "catatan\ufffd(" in dumped.stdout
    (tmp_path / "isi.json").write_text(dumped.stdout, encoding="utf-8")
    loaded = rbdesk("load", str(tmp_path / "isi.json"), str(tmp_path / "dimuat.rbdesk"))
    assert loaded.returncode == 0, loaded.stderr
    merged = rbdesk("merge", str(other), str(sample_path), "--yes")
    assert merged.returncode == 0, merged.stderr
    assert rbdesk("dump", str(other)).returncode == 0
    with Store.open(sample_path, readonly=True) as store:  # what the window reads
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
        assert tree.indicators()[0].note == "catatan\ufffd("


def _wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=wal").fetchone()[0] == "wal"
    conn.close()


def test_a_wal_file_read_only_is_explained_and_nothing_is_written_beside_it(
    sample_path: Path,
) -> None:
    _wal(sample_path)
    before = sorted(p.name for p in sample_path.parent.iterdir())
    digest = _digest(sample_path)
    out = rbdesk("check", str(sample_path))
    assert out.returncode == 1 and "mode WAL" in out.stderr, out.stderr
    assert sorted(p.name for p in sample_path.parent.iterdir()) == before
    assert _digest(sample_path) == digest
    # Opened for writing, rbdesk turns it back to its own journal mode.
    with Store.open(sample_path) as store:
        assert database.journal_mode(store.db) == "delete"
    assert "Integritas: ok" in rbdesk("check", str(sample_path)).stdout


def test_a_wal_file_on_read_only_media_says_so(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wal(sample_path)
    monkeypatch.setattr(database, "writable", lambda path: False)  # a CD, a read-only share
    with pytest.raises(ReadOnlyError) as refused:
        Store.open(sample_path)
    message = refused.value.message
    assert "mode WAL" in message and "hanya dapat dibaca" in message and "-wal" in message
    assert "tersambung" not in message
