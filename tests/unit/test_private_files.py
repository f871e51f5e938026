"""Backups and temporary copies are their owner's only on a shared PC: 0600 files in 0700
folders where the OS has modes (issue 18 item 15). Copies saved for colleagues stay shareable."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.storage import backups, database
from rbdesk.models.storage.paths import backup_dir
from rbdesk.models.storage.store import Store
from tests.killed_writer import kill_mid_commit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # what most Linux desktops give: files 0644, folders 0755
    yield
    os.umask(old)


def test_backups_are_private(sample_store: Store) -> None:
    info = backups.make_backup(sample_store)
    assert _mode(info.path) == 0o600
    assert _mode(backup_dir()) == 0o700


def test_the_backup_before_a_migration_is_private(tmp_path: Path) -> None:
    old = tmp_path / "lama.rbdesk"
    shutil.copyfile(FIXTURES / "v1-sample.rbdesk", old)
    with Store.open(old) as store:
        assert store.state.backup_path is not None
        assert _mode(store.state.backup_path) == 0o600


def test_a_private_copy_read_instead_of_an_older_file_is_private(tmp_path: Path) -> None:
    old = tmp_path / "lama.rbdesk"
    shutil.copyfile(FIXTURES / "v1-sample.rbdesk", old)
    with Store.open(old, readonly=True) as store:
        folder = store.state.temp_dir
        assert folder is not None
        assert _mode(folder) == 0o700
        assert [_mode(p) for p in folder.iterdir()] == [0o600]


def test_a_private_copy_past_a_hot_journal_is_private(sample_path: Path) -> None:
    kill_mid_commit(sample_path)
    assert database.has_journal(sample_path)
    with Store.open(sample_path, readonly=True) as store:
        folder = store.state.temp_dir
        assert folder is not None and "terhenti" in store.state.note
        assert _mode(folder) == 0o700
        assert {_mode(p) for p in folder.iterdir()} == {0o600}


def test_evidence_opened_from_a_temporary_folder_is_private(
    sample_store: Store, tmp_path: Path
) -> None:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    ind = tree.areas[0].activities[0].sub_activities[0].indicators[0]
    realisation.attach_bytes(sample_store, ind.uuid, 1, "ktp.pdf", b"%PDF-1.4 data pribadi")
    [info] = realisation.list_evidence(sample_store, ind.uuid, 1)
    target = realisation.write_temp_copy(sample_store, info, tmp_path / "bukti")
    assert target.read_bytes() == b"%PDF-1.4 data pribadi"
    assert _mode(target) == 0o600 and _mode(target.parent) == 0o700


def test_a_copy_saved_for_colleagues_stays_shareable(sample_store: Store, tmp_path: Path) -> None:
    out = backups.save_copy(sample_store, tmp_path / "untuk-rekan.rbdesk")
    assert _mode(out) == 0o644
