"""Opening files: migration of an old file (after a backup), newer/foreign files never written."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits.plan_edit import add_node
from rbdesk.models.errors import DamagedFile, NotRbdeskFile, RbdeskError, ReadOnlyError
from rbdesk.models.storage import database, migrations, paths
from rbdesk.models.storage.schema import Person, Realisation
from rbdesk.models.storage.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_marked_and_uses_rollback_journal(empty_store: Store) -> None:
    conn = empty_store.db.connection()
    assert migrations.application_id(conn) == migrations.APPLICATION_ID
    assert migrations.user_version(conn) == migrations.SCHEMA_VERSION
    assert database.journal_mode(empty_store.db) == "delete"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == database.BUSY_TIMEOUT_MS


def test_version_1_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    old = tmp_path / "rencana-2023.rbdesk"
    shutil.copy(FIXTURES / "v1-sample.rbdesk", old)
    original = _digest(old)
    store = Store.open(old)
    assert store.state.migrated_from == 1
    assert migrations.user_version(store.db.connection()) == migrations.SCHEMA_VERSION
    backup = store.state.backup_path
    assert backup is not None and backup.parent == paths.backup_dir()
    if _digest(backup) != original:
        with contextlib.closing(sqlite3.connect(backup)) as conn:
            assert migrations.user_version(conn) == 1
    plan = list_plans(store)[0]
    tree = load_plan_tree(store, plan.uuid)
    assert (plan.year, tree.areas[0].name, tree.indicators()[0].planned_months) == (
        2023,
        "Manajemen Perubahan",
        [1, 2],
    )
    with store.read():
        assert Realisation.get().note == "SK terbit"
        assert Person.get().nip == ""
    assert tree.teams[0].members[0].person_name == "Sri Mulyawati"
    store.close()
    check = sqlite3.connect(backup)
    assert migrations.user_version(check) == 1
    assert check.execute("SELECT name FROM person").fetchone()[0] == "Sri Mulyawati"
    check.close()


def test_newer_file_opens_readonly_and_is_not_written(newer_sample_path: Path) -> None:
    sample_path = newer_sample_path
    before = _digest(sample_path)
    store = Store.open(sample_path)
    assert store.readonly and store.state.newer
    assert "lebih baru" in store.state.reason
    with pytest.raises(ReadOnlyError):
        add_node(store, "area", list_plans(store)[0].uuid, "x")
    store.close()
    assert _digest(sample_path) == before


@pytest.mark.parametrize(
    "content, error, words",
    [
        (b"", NotRbdeskFile, "bukan berkas rbdesk"),
        (b"PK\x03\x04" + b"\x00" * 200, NotRbdeskFile, "bukan berkas rbdesk"),
        (bytes(range(256)) * 40, NotRbdeskFile, "bukan berkas rbdesk"),
    ],
)
def test_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes, error, words) -> None:
    path = tmp_path / "rencana.rbdesk"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        Store.open(path)
    assert words in info.value.message
    assert path.read_bytes() == content


def _open_refused(path: Path, error: type[RbdeskError]) -> str:
    """Store.open refuses ``path`` with ``error``, its bytes untouched: the message."""
    before = _digest(path)
    with pytest.raises(error) as info:
        Store.open(path)
    assert _digest(path) == before
    return info.value.message


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "basis data lain" in _open_refused(path, NotRbdeskFile)


def test_truncated_file_is_damaged(sample_path: Path, tmp_path: Path) -> None:
    cut = tmp_path / "terpotong.rbdesk"
    cut.write_bytes(sample_path.read_bytes()[: 4096 * 3])
    assert "rusak" in _open_refused(cut, DamagedFile)


def test_missing_file_and_existing_target(tmp_path: Path, sample_path: Path) -> None:
    with pytest.raises(RbdeskError, match="tidak ditemukan"):
        Store.open(tmp_path / "tidak-ada.rbdesk")
    with pytest.raises(RbdeskError, match="sudah ada"):
        Store.create(sample_path)


def test_a_folder_is_named_a_folder(tmp_path: Path) -> None:
    """Windows refuses to open a folder with "permission denied" (run by `make test-windows`)."""
    folder = tmp_path / "Rencana 2024.rbdesk"
    folder.mkdir()
    with pytest.raises(NotRbdeskFile, match="adalah folder"):
        Store.open(folder)


def test_unwritable_file_is_detected_and_opened_readonly(sample_path: Path, monkeypatch) -> None:
    """What a read-only share looks like to the opener (chmod cannot show it when run as root)."""
    real_access = os.access

    def no_write(path, mode, *args, **kwargs) -> bool:
        return False if mode & os.W_OK else real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(database.os, "access", no_write)
    before = _digest(sample_path)
    store = Store.open(sample_path)
    assert store.readonly and "hanya dapat dibaca" in store.state.reason
    with pytest.raises(ReadOnlyError) as info:
        add_node(store, "area", list_plans(store)[0].uuid, "x")
    assert "hanya-baca" in info.value.message
    assert load_plan_tree(store, list_plans(store)[0].uuid).areas[0].name == "Manajemen Perubahan"
    store.close()
    assert _digest(sample_path) == before
