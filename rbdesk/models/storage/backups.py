"""Backups in the user's local data folder, "Simpan salinan", and restoring a backup.

A backup is a consistent copy made with SQLite's backup API (safe while other PCs write) and
verified with an integrity check before it takes its final name. Names are
``<stem>-<path hash>.<YYYYmmdd-HHMMSS-ffffff>.<kind>.rbdesk`` so that two files with the same name
in different folders (the shared file and a USB copy) keep separate rotations.

Besides the daily backup taken on opening, a "kerja" backup is taken while edits happen, at most
once per ``WORK_INTERVAL``, so that an afternoon of work is never only in the file itself.
Rotation keeps the ``KEEP_RECENT`` newest backups of a file and the newest one of each day for
``KEEP_DAYS`` days; older ones are removed. Backups taken before a migration are never rotated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from rbdesk.i18n import N_, tr
from rbdesk.models.clock import people_time, people_time_near
from rbdesk.models.errors import DamagedFile, RbdeskError
from rbdesk.models.storage import database
from rbdesk.models.storage.output_files import atomic_output
from rbdesk.models.storage.paths import backup_dir
from rbdesk.models.storage.store import Store

KEEP_RECENT = 10
KEEP_DAYS = 31
SUFFIX = ".rbdesk"
DAILY, MANUAL, WORK = "harian", "manual", "kerja"
BEFORE_MIGRATION = "sebelum-migrasi"
ROTATED = (DAILY, MANUAL, WORK)
WORK_INTERVAL = dt.timedelta(hours=1)
# Kinds in the restore list as people say them (a "kerja" backup is taken during a stretch of
# edits, see ``work_backup``).
KIND_LABELS = {
    DAILY: N_("harian"),
    MANUAL: N_("manual"),
    WORK: N_("selama bekerja"),
    BEFORE_MIGRATION: N_("sebelum pembaruan format"),
}
_NAME = re.compile(r"^(?P<key>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<kind>[a-z-]+)\.rbdesk$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    key: str
    created: dt.datetime
    kind: str
    size: int

    @property
    def kind_label(self) -> str:
        return tr(KIND_LABELS[self.kind]) if self.kind in KIND_LABELS else self.kind

    @property
    def source_name(self) -> str:
        """The name of the file this is a backup of (its folder is not kept)."""
        stem = self.key if self.kind == BEFORE_MIGRATION else self.key.rsplit("-", 1)[0]
        return stem + SUFFIX

    def describe(self) -> str:
        """Where a restored copy came from: "4 Des 2026 18:59, harian, berkas kpu.rbdesk"."""
        return tr("{when}, {kind}, berkas {name}").format(
            when=people_time(self.created), kind=self.kind_label, name=self.source_name
        )


def file_key(path: Path | str) -> str:
    """Stem plus a short hash of the absolute path: one rotation per file, not per file name."""
    path = Path(path)
    full = os.path.normcase(os.path.abspath(path))
    return f"{path.stem}-{hashlib.sha1(full.encode('utf-8')).hexdigest()[:8]}"


def _parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if match:
        created = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
        return BackupInfo(path, match["key"], created, match["kind"], size)
    # Backups taken before a migration by database.open_database: "<stem>.v1.sebelum-migrasi.*"
    if path.name.endswith(SUFFIX) and ".sebelum-migrasi." in path.name:
        created = dt.datetime.fromtimestamp(path.stat().st_mtime)
        return BackupInfo(path, path.name.split(".")[0], created, BEFORE_MIGRATION, size)
    return None


def list_backups(source: Path | str | None = None) -> list[BackupInfo]:
    """Backups of ``source`` (all backups when None), newest first."""
    found = [info for p in backup_dir().glob("*" + SUFFIX) if (info := _parse(p)) is not None]
    if source is not None:
        key, stem = file_key(source), Path(source).stem
        found = [b for b in found if b.key == key or (b.kind == BEFORE_MIGRATION and b.key == stem)]
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def make_backup(store: Store, kind: str = MANUAL) -> BackupInfo:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_dir() / f"{file_key(store.path)}.{stamp}.{kind}{SUFFIX}"
    database.backup_copy(store.db, dest)
    info = _parse(dest)
    assert info is not None
    return info


def rotate(source: Path | str, now: dt.datetime | None = None) -> list[Path]:
    """Remove backups of ``source`` beyond the recent ones and one per day for a month."""
    now = now or dt.datetime.now()
    backups = [b for b in list_backups(source) if b.kind in ROTATED]
    keep = {b.path for b in backups[:KEEP_RECENT]}
    seen_days: set[dt.date] = set()
    for b in backups:  # newest first: the first of each day is that day's newest
        day = b.created.date()
        if day not in seen_days and (now.date() - day).days < KEEP_DAYS:
            seen_days.add(day)
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def daily_backup(store: Store, now: dt.datetime | None = None) -> BackupInfo | None:
    """Called on open: one backup a day per file, then rotation. Never raises for a bad disk."""
    now = now or dt.datetime.now()
    today = now.date()
    if any(b.created.date() == today for b in list_backups(store.path) if b.kind in ROTATED):
        return None
    return _rotated_backup(store, DAILY, now)


def work_backup(store: Store, now: dt.datetime | None = None) -> BackupInfo | None:
    """Called while edits happen: a backup when the newest one of this file is ``WORK_INTERVAL``
    old or more, then the same rotation as the daily one. Never raises for a bad disk."""
    now = now or dt.datetime.now()
    newest = next((b for b in list_backups(store.path) if b.kind in ROTATED), None)
    if newest is not None and dt.timedelta(0) <= now - newest.created < WORK_INTERVAL:
        return None
    return _rotated_backup(store, WORK, now)


def _rotated_backup(store: Store, kind: str, now: dt.datetime) -> BackupInfo | None:
    try:
        info = make_backup(store, kind)
    except (RbdeskError, OSError):
        return None
    rotate(store.path, now)
    return info


def indicator_count(backup: BackupInfo) -> int | None:
    """The live indicators in a backup, for the restore list (None if it cannot be read)."""
    from rbdesk.models.storage.schema import Activity, Area, Indicator, Plan, SubActivity

    try:
        with Store.open(backup.path, readonly=True) as store, store.read():
            return (
                Indicator.live()
                .join(SubActivity)
                .join(Activity)
                .join(Area)
                .join(Plan)
                .where(SubActivity.is_live() & Activity.is_live() & Area.is_live() & Plan.is_live())
                .count()
            )
    except (RbdeskError, OSError):
        return None


def people_label(backup: BackupInfo, now: dt.datetime, indicators: int | None) -> str:
    """A backup as the restore list shows it: "Hari ini 18:59, harian · 187 indikator"."""
    text = f"{people_time_near(backup.created, now)}, {backup.kind_label}"
    if indicators is not None:
        text += " · " + tr("{n} indikator").format(n=indicators)
    return text


def save_copy(store: Store, dest: Path | str, overwrite: bool = False) -> Path:
    """ "Simpan salinan…": a consistent copy through SQLite's backup API, verified."""
    dest = Path(dest)
    if dest.exists():
        if os.path.samefile(dest, store.path):
            raise RbdeskError(tr("Salinan tidak dapat menimpa berkas yang sedang dibuka."))
        if not overwrite:
            raise RbdeskError(tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=dest.name))
    try:
        return database.backup_copy(store.db, dest, private=False)
    except OSError as exc:
        raise RbdeskError(
            tr("Tidak dapat menyimpan salinan {name}: {err}").format(
                name=dest.name, err=exc.strerror or exc
            )
        ) from None


def restore_backup(
    backup: BackupInfo | Path | str, dest: Path | str, overwrite: bool = False
) -> Path:
    """Write the backup to ``dest`` (never over an open file of ours), verified before renaming."""
    src = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    dest = Path(dest)
    if dest.exists() and not overwrite:
        raise RbdeskError(tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=dest.name))
    database.check_header(src)
    try:
        with atomic_output(dest, overwrite=overwrite) as tmp:
            shutil.copyfile(src, tmp)
            db, _state = database.open_database(tmp)  # our own copy: an older one is migrated
            try:
                result = database.integrity_check(db)
            finally:
                db.close()
            if result != "ok":
                raise DamagedFile(
                    tr("Cadangan {name} rusak: {detail}").format(name=src.name, detail=result)
                )
    except OSError as exc:
        raise RbdeskError(
            tr("Tidak dapat memulihkan ke {name}: {err}").format(
                name=dest.name, err=exc.strerror or exc
            )
        ) from None
    return dest
