"""Opening rbdesk files: the one module that speaks SQLite dialect (pragmas, URIs, header bytes)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from rbdesk.i18n import tr
from rbdesk.models.errors import (
    DamagedFile,
    DiskFullError,
    FileBusyError,
    NotRbdeskFile,
    RbdeskError,
    ReadOnlyError,
)
from rbdesk.models.storage import file_locks, migrations, schema_guard
from rbdesk.models.storage.output_files import (
    DISK_FULL_ERRNOS,
    atomic_output,
    disk_full,
    make_private,
    output_name,
)
from rbdesk.models.storage.paths import backup_dir

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# A hot journal another PC rolls back while this one tries to copy it: read again, this often.
HOT_JOURNAL_ATTEMPTS = 3
FOREIGN_PARTS_SHOWN = 5
# peewee re-raises sqlite3 errors as its own classes; both must be caught.
SQL_ERRORS = (sqlite3.DatabaseError, peewee.DatabaseError)


@dataclass
class OpenState:
    """Why a file is read-only, if it is; shown in the status bar and the banner."""

    readonly: bool = False
    reason: str = ""
    newer: bool = False
    migrated_from: int | None = None
    backup_path: Path | None = None
    # Set when the file was read through a private temporary copy (a hot journal left by a
    # killed writer, or an older schema, in a file this opener must not write); the store
    # removes the folder when it closes.
    temp_dir: Path | None = None
    note: str = ""


def _lenient_text(raw: bytes) -> str:
    """TEXT as Python reads it: bytes that are not UTF-8 (written by another tool) become "\ufffd"
    instead of an error in the middle of a dump, a merge or the window; ``check`` reports them."""
    return raw.decode("utf-8", "replace")


class _Database(SqliteDatabase):
    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection = super()._connect()  # type: ignore[misc]
        conn.text_factory = _lenient_text
        return conn


def _connect(path: Path, readonly: bool) -> SqliteDatabase:
    pragmas: dict[str, int | str] = {"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS}
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        db = _Database(
            uri, uri=True, pragmas=pragmas, lock_type="IMMEDIATE", check_same_thread=False
        )
    else:
        # Rollback journal, never WAL: WAL needs shared memory, which network shares do not give.
        pragmas |= {"journal_mode": "delete", "synchronous": 2}
        db = _Database(str(path), pragmas=pragmas, lock_type="IMMEDIATE", check_same_thread=False)
    db.connect()
    return db


# Extended result codes of a write that did not reach the disk (EFBIG, a share gone away, ...).
_WRITE_FAILURES = frozenset(
    {
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_DIR_FSYNC",
        "SQLITE_IOERR_DELETE",
    }
)


def _sqlite_name(exc: BaseException) -> str:
    """SQLite's own error name, also through peewee's wrapper (which keeps the original)."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            break
        name = getattr(seen, "sqlite_errorname", None)
        if name:
            return str(name)
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    return ""


def rolled_back_by_itself(exc: BaseException) -> bool:
    """The error of a ROLLBACK after SQLite already rolled the transaction back (it does so by
    itself after a full disk or an I/O error): the error that caused it is the one to report."""
    return "no transaction is active" in str(exc).lower()


def translate_sqlite_error(exc: Exception, path: Path | str = "") -> RbdeskError | None:
    """Sort SQLite errors into the ones a user can cause; anything else is a bug."""
    text = str(exc).lower()
    shown = output_name(Path(os.path.abspath(path))) if path else Path()
    name, folder = shown.name, shown.parent
    if "locked" in text or "busy" in text:
        return FileBusyError(
            tr("Berkas {name} sedang dipakai komputer lain; coba lagi sebentar.").format(name=name)
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            tr("Disk penuh: perubahan tidak dapat disimpan ke {name} (folder {folder}).").format(
                name=name, folder=folder
            )
        )
    if _sqlite_name(exc) in _WRITE_FAILURES:
        return DiskFullError(
            tr(
                "Tidak dapat menulis ke {name} (folder {folder}): disk penuh, "
                "atau flashdisk/folder bersama terputus. Perubahan tidak "
                "disimpan."
            ).format(name=name, folder=folder)
        )
    if "unable to open" in text:
        return RbdeskError(
            tr(
                "Berkas {name} tidak dapat dibuka; periksa apakah folder "
                "bersamanya masih tersambung."
            ).format(name=name)
        )
    if "not a database" in text or "malformed" in text or "disk i/o" in text:
        return DamagedFile(tr("Berkas {name} rusak atau tidak dapat dibaca.").format(name=name))
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            tr("Berkas {name} hanya dapat dibaca; perubahan tidak disimpan.").format(name=name)
        )
    return None


def check_header(path: Path) -> None:
    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        raise RbdeskError(tr("Berkas {name} tidak ditemukan.").format(name=name)) from None
    except (IsADirectoryError, PermissionError):
        # Windows refuses to open a folder as a file with EACCES, not EISDIR.
        if path.is_dir():
            raise NotRbdeskFile(
                tr("{name} adalah folder, bukan berkas rbdesk.").format(name=name)
            ) from None
        raise RbdeskError(
            tr("Tidak ada izin untuk membaca berkas {name}.").format(name=name)
        ) from None
    if not head.startswith(SQLITE_HEADER):
        raise NotRbdeskFile(
            tr("Berkas {name} bukan berkas rbdesk (bukan basis data Rencana Aksi).").format(
                name=name
            )
        )
    if len(head) < 100:
        raise DamagedFile(tr("Berkas {name} terpotong atau rusak.").format(name=name))
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != migrations.APPLICATION_ID:
        raise NotRbdeskFile(
            tr("Berkas {name} adalah basis data lain, bukan berkas rbdesk.").format(name=name)
        )


def writable(path: Path) -> bool:
    """A rollback journal is created beside the file, so the folder must be writable too."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def backup_copy(db: SqliteDatabase, dest: Path, *, private: bool = True) -> Path:
    """Consistent copy through SQLite's backup API (safe while other PCs write), then verified.
    A backup is ``private`` (its owner's only); a copy the user saves for others is not."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    # The copy appears under its name only when verified.
    with atomic_output(dest, private=private) as tmp:
        target = sqlite3.connect(str(tmp))
        try:
            db.connection().backup(target)
            ok = target.execute("PRAGMA integrity_check").fetchone()[0]
            target.execute("PRAGMA journal_mode=delete")
        except SQL_ERRORS as exc:
            raise translate_sqlite_error(exc, dest) or exc from None
        finally:
            target.close()
        if ok != "ok":
            raise DamagedFile(tr("Salinan cadangan gagal diverifikasi: {detail}").format(detail=ok))
    return dest


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_journal(path: Path) -> bool:
    """A rollback journal beside the file: a writer is mid-commit, or was killed there. Only
    SQLite can tell which (see :func:`_first_read`); this is the cheap "maybe" before asking."""
    try:
        return journal_path(path).stat().st_size > 0
    except OSError:
        return False


class _HotJournal(Exception):
    """The file has a journal whose writer is gone, and this opener may not roll it back."""


def _is_hot_journal(exc: BaseException) -> bool:
    # SQLite's own verdict: a journal nobody holds the RESERVED lock for, in a file opened
    # read-only. A journal of a live writer never gives this; SQLite reads past it.
    return _sqlite_name(exc) == "SQLITE_READONLY_ROLLBACK"


def _wal_mode(path: Path) -> bool:
    """The header's read/write format bytes are 2 in a WAL-mode file (which rbdesk never makes:
    it came from another tool)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def _refuse_wal_read_only(path: Path) -> None:
    """A WAL-mode file (rbdesk never makes one: another tool did) cannot be read read-only
    without writing the "-wal" and "-shm" files beside it, which on read-only media fails
    and elsewhere leaves files behind. Opened once for writing, rbdesk turns it back."""
    if writable(path):
        raise ReadOnlyError(
            tr(
                "Berkas {name} memakai mode WAL (diubah oleh program lain) dan tidak dapat dibaca "
                "hanya-baca tanpa menulis di sampingnya. Buka berkas itu sekali di rbdesk (tidak "
                "hanya-baca) agar kembali ke mode biasa, lalu ulangi."
            ).format(name=path.name)
        )
    raise ReadOnlyError(
        tr(
            "Berkas {name} memakai mode WAL (diubah oleh program lain) dan berada di folder atau "
            "media yang hanya dapat dibaca, sehingga tidak dapat dibaca dengan aman. Salin berkas "
            "itu bersama {name}-wal di sampingnya (bila ada) ke folder yang dapat ditulis, lalu "
            "buka salinannya."
        ).format(name=path.name)
    )


def _first_read(path: Path, readonly: bool) -> tuple[SqliteDatabase, int, str]:
    """Connect and read the schema version and a quick check, through SQLite's own locking."""
    db: SqliteDatabase | None = None
    try:
        db = _connect(path, readonly=readonly)
        conn = db.connection()
        version = migrations.user_version(conn)
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        foreign = schema_guard.foreign_parts(conn, version) if result == "ok" else []
    except SQL_ERRORS as exc:
        if db is not None:
            db.close()
        if readonly and _is_hot_journal(exc):
            raise _HotJournal from exc
        raise translate_sqlite_error(exc, path) or DamagedFile(
            tr("Berkas {name} rusak atau tidak dapat dibaca.").format(name=path.name)
        ) from exc
    except BaseException:
        if db is not None:
            db.close()
        raise
    if foreign:
        db.close()
        shown = ", ".join(foreign[:FOREIGN_PARTS_SHOWN])
        if len(foreign) > FOREIGN_PARTS_SHOWN:
            shown += tr(" dan {n} lainnya").format(n=len(foreign) - FOREIGN_PARTS_SHOWN)
        raise NotRbdeskFile(
            tr(
                "Berkas {name} memuat bagian yang tidak dibuat rbdesk: {parts}. Demi keamanan "
                "berkas ini tidak dibuka dan tidak diubah; buka salinan cadangan atau minta "
                "berkas aslinya."
            ).format(name=path.name, parts=shown)
        )
    return db, version, str(result)


def _private_folder(prefix: str) -> Path:
    """A temporary folder only this user can enter (mkdtemp makes it 0700 where the OS can)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    make_private(folder, folder=True)
    return folder


def _copy_committed(path: Path, copy: Path) -> None:
    """Copy ``path``'s committed state to ``copy`` with SQLite's backup API: one step, under
    the shared lock of one read, so no commit of another PC can tear it."""
    source = sqlite3.connect(
        Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        target = sqlite3.connect(str(copy))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _read_through_copy(
    path: Path, state: OpenState, *, hot: bool, hot_attempts: int = 0
) -> tuple[SqliteDatabase, OpenState]:
    """Open a private copy of ``path``: with ``hot``, the file and its journal copied under a
    lock (SQLite rolls the journal back in the copy: the committed state); otherwise the
    committed state through the backup API (an older schema is migrated there). ``path`` is
    only read."""
    tmpdir = _private_folder("rbdesk-baca-")
    copy = tmpdir / path.name
    try:
        try:
            if hot:
                if not file_locks.copy_with_hot_journal(
                    path, copy, journal_path(path), journal_path(copy), BUSY_TIMEOUT_MS
                ):
                    # Another opener rolled the journal back meanwhile: read the file itself.
                    shutil.rmtree(tmpdir, ignore_errors=True)
                    return _open(
                        path,
                        force_readonly=True,
                        backup_first=False,
                        state=state,
                        hot_attempts=hot_attempts - 1,
                    )
            else:
                _copy_committed(path, copy)
        except OSError as exc:
            raise RbdeskError(
                tr("Berkas {name} tidak dapat dibaca: {err}").format(
                    name=path.name, err=exc.strerror or exc
                )
            ) from None
        except SQL_ERRORS as exc:
            raise translate_sqlite_error(exc, path) or DamagedFile(
                tr("Berkas {name} rusak atau tidak dapat dibaca.").format(name=path.name)
            ) from exc
        make_private(copy)
        if journal_path(copy).exists():
            make_private(journal_path(copy))
        db, inner = _open(copy, force_readonly=False, backup_first=False)
        db.close()
        db = _connect(copy, readonly=True)
    except BaseException:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise
    state.temp_dir, state.migrated_from, state.newer = tmpdir, inner.migrated_from, inner.newer
    if inner.newer:
        state.reason = tr("dibuat oleh versi rbdesk yang lebih baru")
    notes = []
    if hot:
        notes.append(
            tr(
                "ada jurnal dari penulisan yang terhenti; yang dibaca adalah keadaan "
                "terakhir yang tersimpan"
            )
        )
    if inner.migrated_from is not None:
        notes.append(
            tr("berkas versi skema {v} dibaca lewat salinan sementara yang diperbarui").format(
                v=inner.migrated_from
            )
        )
    state.note = "; ".join(notes)
    return db, state


def open_database(
    path: Path | str, *, force_readonly: bool = False
) -> tuple[SqliteDatabase, OpenState]:
    """Open an existing rbdesk file, migrating it (after a backup) when it is older.

    Never writes to a file that is foreign, damaged, newer or read-only. Opened read-only, a
    file is read through SQLite's own locking, beside writers; only a journal whose writer is
    gone (a hot journal), or an older schema, is read through a private temporary copy.
    """
    return _open(Path(path), force_readonly=force_readonly, backup_first=True)


def _open(
    path: Path,
    *,
    force_readonly: bool,
    backup_first: bool,
    state: OpenState | None = None,
    hot_attempts: int = HOT_JOURNAL_ATTEMPTS,
) -> tuple[SqliteDatabase, OpenState]:
    check_header(path)
    if state is None:
        state = OpenState()
        if force_readonly:
            state.readonly, state.reason = True, tr("diminta hanya untuk dibaca")
        elif not writable(path):
            state.readonly, state.reason = True, tr("berkas atau folder hanya dapat dibaca")
    if state.readonly and _wal_mode(path):
        _refuse_wal_read_only(path)
    try:
        db, version, result = _first_read(path, state.readonly)
    except _HotJournal:
        if hot_attempts <= 0:
            raise FileBusyError(
                tr("Berkas {name} sedang dipulihkan komputer lain; coba lagi sebentar.").format(
                    name=path.name
                )
            ) from None
        return _read_through_copy(path, state, hot=True, hot_attempts=hot_attempts)
    if result != "ok":
        db.close()
        raise DamagedFile(
            tr("Berkas {name} rusak (pemeriksaan integritas gagal).").format(name=path.name)
        )
    if version > migrations.SCHEMA_VERSION:
        if not state.readonly:
            db.close()
            db = _connect(path, readonly=True)
        state.readonly, state.newer = True, True
        state.reason = tr("dibuat oleh versi rbdesk yang lebih baru")
    elif version < migrations.SCHEMA_VERSION:
        if state.readonly:
            db.close()
            return _read_through_copy(path, state, hot=False)
        if backup_first:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            state.backup_path = backup_copy(
                db, backup_dir() / f"{path.stem}.v{version}.sebelum-migrasi.{stamp}.rbdesk"
            )
        state.migrated_from = version
        try:
            migrations.migrate(db.connection())
        except SQL_ERRORS as exc:
            db.close()
            raise translate_sqlite_error(exc, path) or exc from exc
    return db, state


def create_database(path: Path | str) -> SqliteDatabase:
    """Create a new, empty rbdesk file at the current schema version; refuses to overwrite."""
    path = Path(path)
    if path.exists():
        raise RbdeskError(tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=path.name))
    if not path.parent.exists():
        raise RbdeskError(tr("Folder {folder} tidak ada.").format(folder=str(path.parent)))
    try:
        # Exclusive create so that two PCs creating the same file cannot both succeed.
        with open(path, "xb"):
            pass
        db = _connect(path, readonly=False)
        migrations.migrate(db.connection())
    except FileExistsError:
        raise RbdeskError(
            tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=path.name)
        ) from None
    except (OSError, *SQL_ERRORS) as exc:
        path.unlink(missing_ok=True)
        journal_path(path).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
            raise disk_full(path) from exc
        err = translate_sqlite_error(exc, path) if isinstance(exc, SQL_ERRORS) else None
        raise err or RbdeskError(
            tr("Tidak dapat membuat berkas {name}: {detail}").format(
                name=output_name(path).name, detail=exc
            )
        ) from exc
    return db


def journal_mode(db: SqliteDatabase) -> str:
    return str(db.connection().execute("PRAGMA journal_mode").fetchone()[0])


def set_busy_timeout(db: SqliteDatabase, milliseconds: int) -> None:
    db.connection().execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def data_version(db: SqliteDatabase) -> int:
    """Changes whenever another connection commits; cheap enough to poll every second."""
    return int(db.connection().execute("PRAGMA data_version").fetchone()[0])


def integrity_check(db: SqliteDatabase) -> str:
    rows = db.connection().execute("PRAGMA integrity_check").fetchall()
    return "; ".join(str(r[0]) for r in rows)


def invalid_text(db: SqliteDatabase) -> list[tuple[str, str, int]]:
    """(table, column, how many values) of text columns holding bytes that are not UTF-8, or a
    BLOB: SQLite stores what another tool gives it, and rbdesk shows such text with "\ufffd"."""
    conn = db.connection()
    found = []
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        for column in conn.execute(f"PRAGMA table_info({quoted})").fetchall():
            name, declared = str(column[1]), str(column[2]).upper()
            if "CHAR" not in declared and "TEXT" not in declared:
                continue
            col = '"' + name.replace('"', '""') + '"'
            bad = 0
            for kind, raw in conn.execute(
                f"SELECT typeof({col}), CAST({col} AS BLOB) FROM {quoted} "
                f"WHERE typeof({col}) IN ('text', 'blob')"
            ):
                if kind == "blob":
                    bad += 1
                    continue
                try:
                    bytes(raw).decode("utf-8")
                except UnicodeDecodeError:
                    bad += 1
            if bad:
                found.append((table, name, bad))
    return found


def schema_version(db: SqliteDatabase) -> int:
    return migrations.user_version(db.connection())
