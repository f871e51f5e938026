"""Backups: daily on open, rotation, verified restore, and "Simpan salinan"."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from rbdesk.models.domain.tree import list_plans
from rbdesk.models.edits import plan_edit
from rbdesk.models.errors import DamagedFile, RbdeskError
from rbdesk.models.storage import backups
from rbdesk.models.storage.paths import backup_dir
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store


def _make(path: Path, kind: str, when: dt.datetime) -> Path:
    name = f"{backups.file_key(path)}.{when:%Y%m%d-%H%M%S-%f}.{kind}.rbdesk"
    dest = backup_dir() / name
    dest.write_bytes(b"x")
    return dest


def test_daily_backup_once_a_day(sample_store: Store) -> None:
    first = backups.daily_backup(sample_store)
    assert first is not None and first.kind == backups.DAILY
    assert backups.daily_backup(sample_store) is None
    assert [b.path for b in backups.list_backups(sample_store.path)] == [first.path]
    tomorrow = dt.datetime.now() + dt.timedelta(days=1)
    assert backups.daily_backup(sample_store, now=tomorrow) is not None


def test_backup_is_a_verified_readable_copy(sample_store: Store, tmp_path: Path) -> None:
    info = backups.make_backup(sample_store)
    assert info.path.parent == backup_dir() and info.size > 0
    with Store.open(info.path, readonly=True) as copy:
        assert copy.state.readonly
        assert [p.uuid for p in list_plans(copy)] != []


def test_rotation_keeps_recent_and_one_per_day(sample_path: Path) -> None:
    now = dt.datetime(2025, 3, 31, 12, 0, 0)
    made = []
    for day in range(60):  # three a day for sixty days
        for hour in (8, 12, 16):
            made.append(
                _make(
                    sample_path,
                    backups.DAILY,
                    now - dt.timedelta(days=day) + dt.timedelta(hours=hour - 12),
                )
            )
    other = _make(Path("/lain/folder") / sample_path.name, backups.DAILY, now)
    removed = backups.rotate(sample_path, now)
    kept = backups.list_backups(sample_path)
    assert other.exists(), "another file's backups are not touched"
    assert len(kept) + len(removed) == len(made)
    assert [b.created for b in kept[: backups.KEEP_RECENT]] == sorted(
        (b.created for b in kept), reverse=True
    )[: backups.KEEP_RECENT]
    days = {b.created.date() for b in kept}
    assert len(days) == backups.KEEP_DAYS
    assert min(days) > (now - dt.timedelta(days=backups.KEEP_DAYS)).date()
    # The newest backup of each kept day survives.
    for day in days:
        newest = max(
            b
            for b in made
            if dt.datetime.strptime(b.name.split(".")[1], "%Y%m%d-%H%M%S-%f").date() == day
        )
        assert newest.exists()


def test_restore_writes_a_verified_file(sample_store: Store, tmp_path: Path) -> None:
    with sample_store.read():
        ind = Indicator.select().first()
    info = backups.make_backup(sample_store)
    plan_edit.set_field(sample_store, "indicator", ind.uuid, "text", "sesudah cadangan")
    out = backups.restore_backup(info, tmp_path / "pulih.rbdesk")
    with Store.open(out) as restored, restored.read():
        assert Indicator.get(Indicator.uuid == ind.uuid).text == ind.text
        assert restored.state.readonly is False
    with pytest.raises(RbdeskError, match="sudah ada"):
        backups.restore_backup(info, out)


def test_restore_refuses_a_damaged_backup(sample_store: Store, tmp_path: Path) -> None:
    info = backups.make_backup(sample_store)
    data = bytearray(info.path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = os.urandom(200)
    info.path.write_bytes(bytes(data))
    with pytest.raises((DamagedFile, RbdeskError)):
        backups.restore_backup(info, tmp_path / "pulih.rbdesk")
    assert not (tmp_path / "pulih.rbdesk").exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_restore_of_an_older_backup_migrates_the_copy(tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "v1-sample.rbdesk"
    out = backups.restore_backup(old, tmp_path / "lama.rbdesk")
    with Store.open(out) as store:
        assert store.state.migrated_from is None  # already at the current version
        assert list_plans(store)


def test_save_copy_is_consistent_and_refuses_overwrite(sample_store: Store, tmp_path: Path) -> None:
    out = backups.save_copy(sample_store, tmp_path / "salinan.rbdesk")
    with pytest.raises(RbdeskError, match="sudah ada"):
        backups.save_copy(sample_store, out)
    with pytest.raises(RbdeskError, match="sedang dibuka"):
        backups.save_copy(sample_store, sample_store.path, overwrite=True)
    with Store.open(out, readonly=True) as copy, copy.read():
        assert Indicator.select().count() > 0
