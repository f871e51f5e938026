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


def test_work_backup_at_most_hourly_while_editing_and_rotated(sample_store: Store) -> None:
    opened = backups.daily_backup(sample_store)
    assert opened is not None
    # Edits within the hour after the last backup: nothing more.
    assert backups.work_backup(sample_store, opened.created + dt.timedelta(minutes=59)) is None
    later = opened.created + dt.timedelta(hours=1, minutes=1)
    with sample_store.read():
        uuid = Indicator.select().order_by(Indicator.id).first().uuid
    plan_edit.set_field(sample_store, "indicator", uuid, "text", "baru")
    work = backups.work_backup(sample_store, later)
    assert work is not None and work.kind == backups.WORK
    assert work.kind_label == "selama bekerja"
    with Store.open(work.path, readonly=True) as copy, copy.read():  # it holds the edit
        assert Indicator.get(Indicator.uuid == uuid).text == "baru"
    # Its age counts from the newest backup of any kind: a second one at once is not taken.
    assert backups.work_backup(sample_store, work.created + dt.timedelta(minutes=5)) is None
    # Work backups are rotated with the daily ones: the newest KEEP_RECENT stay.
    for hour in range(backups.KEEP_RECENT + 3):
        _make(sample_store.path, backups.WORK, later - dt.timedelta(days=40, hours=hour))
    assert backups.work_backup(sample_store, work.created + dt.timedelta(hours=2)) is not None
    assert len(backups.list_backups(sample_store.path)) == backups.KEEP_RECENT


def test_backups_are_listed_as_people_read_them(sample_store: Store) -> None:
    info = backups.make_backup(sample_store, backups.DAILY)
    live = len(sample_store_indicators(sample_store))
    assert backups.indicator_count(info) == live > 100
    now = info.created.replace(hour=23, minute=59)
    at = f"{info.created:%H:%M}"
    assert backups.people_label(info, now, live) == f"Hari ini {at}, harian · {live} indikator"
    assert backups.people_label(info, now + dt.timedelta(days=1), None) == (f"Kemarin {at}, harian")
    far = backups.people_label(info, dt.datetime(2030, 1, 1), 3)
    assert far.startswith(f"{info.created.day} ") and far.endswith(", harian · 3 indikator")
    assert str(info.created.year) in far
    assert info.source_name == sample_store.path.name
    assert info.describe().endswith(f", harian, berkas {sample_store.path.name}")
    broken = _make(sample_store.path, backups.MANUAL, dt.datetime.now())
    parsed = next(b for b in backups.list_backups(sample_store.path) if b.path == broken)
    assert backups.indicator_count(parsed) is None  # not a database: listed, without a count


def sample_store_indicators(store: Store) -> list[str]:
    from rbdesk.models.domain.tree import load_plan_tree

    return [
        i.uuid for plan in list_plans(store) for i in load_plan_tree(store, plan.uuid).indicators()
    ]
