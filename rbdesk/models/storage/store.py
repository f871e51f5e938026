"""An open rbdesk file and who is editing it: the handle every domain operation takes."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import time
import uuid as uuidlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase, chunked

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time, now_iso
from rbdesk.models.errors import (
    ConflictError,
    FileBusyError,
    NotFoundError,
    ReadOnlyError,
)
from rbdesk.models.storage import database
from rbdesk.models.storage.schema import ALL_MODELS, ChangeLog, Row

WRITE_RETRIES = 3
IMPATIENT_BUSY_MS = 150
# Rows per multi-row INSERT: well under SQLite's limit of bound variables per statement.
INSERT_BATCH = 50


def default_user() -> str:
    return os.environ.get("RBDESK_USER") or getpass.getuser() or "pengguna"


def new_uuid() -> str:
    return str(uuidlib.uuid4())


@dataclass
class Tx:
    """One write transaction: stamps rows and collects change-log entries."""

    store: Store
    plan_uuid: str | None
    at: str = ""

    def __post_init__(self) -> None:
        self.at = self.at or self.store.clock()

    def insert(self, row: Row) -> None:
        """Write a new row: version 1, this transaction's stamp, a new uuid unless it has one."""
        row.updated_at = self.at
        row.updated_by = self.store.user
        row.version = 1
        if not row.uuid:
            row.uuid = new_uuid()
        row.save(force_insert=True)

    def log(
        self,
        entity: str,
        row_uuid: str,
        action: str,
        field_name: str = "",
        old: Any = None,
        new: Any = None,
    ) -> None:
        ChangeLog.create(
            at=self.at,
            user=self.store.user,
            host=self.store.host,
            plan_uuid=self.plan_uuid,
            entity=entity,
            row_uuid=row_uuid,
            action=action,
            field=field_name,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
        )

    def log_many(self, entries: list[tuple[str, str, str, str, Any, Any]]) -> None:
        """Many :meth:`log` entries at once: (entity, row_uuid, action, field, old, new)."""
        rows = [
            {
                "at": self.at,
                "user": self.store.user,
                "host": self.store.host,
                "plan_uuid": self.plan_uuid,
                "entity": entity,
                "row_uuid": row_uuid,
                "action": action,
                "field": field_name,
                "old": None if old is None else str(old),
                "new": None if new is None else str(new),
            }
            for entity, row_uuid, action, field_name, old, new in entries
        ]
        for batch in chunked(rows, INSERT_BATCH):
            ChangeLog.insert_many(batch).execute()

    def bump(
        self, model: type[Row], row_uuid: str, expected_version: int | None, **changes: Any
    ) -> int:
        """Update a row only if nobody changed it since the caller read it; returns new version."""
        query = model.update(
            version=model.version + 1, updated_at=self.at, updated_by=self.store.user, **changes
        ).where(model.uuid == row_uuid)
        if expected_version is not None:
            query = query.where(model.version == expected_version)
        if query.execute() != 1:
            current = model.get_or_none(model.uuid == row_uuid)
            if current is None:
                raise NotFoundError(tr("Baris ini sudah dihapus oleh pengguna lain."))
            raise ConflictError(
                tr(
                    "Perubahan ditolak: baris ini sudah diubah oleh {who} pada {when}. "
                    "Tampilan diperbarui dengan nilai terbaru."
                ).format(who=current.updated_by, when=local_time(current.updated_at)),
                changed_by=current.updated_by,
                changed_at=current.updated_at,
            )
        if expected_version is not None:
            return expected_version + 1
        return model.select(model.version).where(model.uuid == row_uuid).scalar()


class Store:
    """An open file: its connection, why it may be read-only, and who is editing.

    The models talk to a file only inside :meth:`read` or :meth:`write` of its store; outside
    them they are bound to nothing and any query fails loudly. So two open files (a merge, a
    window replacing another) never read or write each other's rows.
    """

    def __init__(
        self, db: SqliteDatabase, path: Path, state: database.OpenState, user: str | None = None
    ) -> None:
        self.db = db
        self.path = Path(path)
        self.state = state
        self.user = user or default_user()
        self.host = socket.gethostname() or "pc"
        self.session = new_uuid()
        # This PC's wall clock, as stamped on rows and log entries. It may be wrong (office PCs'
        # clocks often are), so nothing decides anything by comparing stamps; tests skew it.
        self.clock: Callable[[], str] = now_iso

    @classmethod
    def open(cls, path: Path | str, *, user: str | None = None, readonly: bool = False) -> Store:
        db, state = database.open_database(path, force_readonly=readonly)
        return cls(db, Path(path), state, user)

    @classmethod
    def create(cls, path: Path | str, *, user: str | None = None) -> Store:
        db = database.create_database(path)
        return cls(db, Path(path), database.OpenState(), user)

    @property
    def readonly(self) -> bool:
        return self.state.readonly

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if self.state.temp_dir is not None:
            shutil.rmtree(self.state.temp_dir, ignore_errors=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[None]:
        """Reads of several tables in one read transaction: one committed state, never torn by
        another PC's commit between two SELECTs. Inside :meth:`write` it joins that transaction."""
        with self.db.bind_ctx(ALL_MODELS), self._sqlite_errors():
            if self.db.in_transaction():
                yield
            else:
                with self.db.atomic(lock_type="DEFERRED"):
                    yield

    @contextmanager
    def write(self, plan_uuid: str | None = None, *, patient: bool = True) -> Iterator[Tx]:
        """One short ``BEGIN IMMEDIATE`` transaction; a busy file is retried, then reported.

        ``patient=False`` is for background writes (heartbeats) that run on the GUI thread: they
        give up after a fraction of a second instead of freezing the window.
        """
        if self.state.readonly:
            raise ReadOnlyError(
                tr("Berkas ini dibuka hanya-baca ({reason}); perubahan tidak disimpan.").format(
                    reason=self.state.reason
                )
            )
        retries = WRITE_RETRIES if patient else 1
        with self.db.bind_ctx(ALL_MODELS), self._sqlite_errors():
            if not patient:
                database.set_busy_timeout(self.db, IMPATIENT_BUSY_MS)
            try:
                ctx = self._begin(retries)
            finally:
                if not patient:
                    database.set_busy_timeout(self.db, database.BUSY_TIMEOUT_MS)
            try:
                yield Tx(self, plan_uuid)
            except BaseException as exc:
                self._end(ctx, exc)
                raise
            self._end(ctx, None)

    @contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        """SQLite errors a user can cause (busy, disk full, damaged) become their message."""
        try:
            yield
        except database.SQL_ERRORS as exc:
            translated = database.translate_sqlite_error(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    def _end(self, ctx: Any, exc: BaseException | None) -> None:
        """Commit, or roll back after ``exc``. When SQLite already rolled back by itself (a full
        disk, an I/O error), the failing ROLLBACK must not hide the error that caused it."""
        try:
            if exc is None:
                ctx.__exit__(None, None, None)
            else:
                ctx.__exit__(type(exc), exc, exc.__traceback__)
        except database.SQL_ERRORS as err:
            if not database.rolled_back_by_itself(err):
                raise
            if exc is None:  # the commit failed, then peewee's rollback: report the commit's error
                cause: BaseException | None = err
                while cause is not None and database.rolled_back_by_itself(cause):
                    cause = cause.__context__
                if not isinstance(cause, Exception):
                    raise
                # Translated here: re-raising would replace the cause's own context (the
                # driver's error code) with the failed ROLLBACK.
                raise database.translate_sqlite_error(cause, self.path) or cause from None

    def _begin(self, retries: int) -> Any:
        """The entered transaction context; the caller exits it."""
        attempt = 0
        while True:
            try:
                ctx = self.db.atomic()
                ctx.__enter__()
                return ctx
            except database.SQL_ERRORS as exc:
                attempt += 1
                if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                    raise database.translate_sqlite_error(exc, self.path) or exc from exc
                if attempt >= retries:
                    raise FileBusyError(
                        tr(
                            "Berkas {name} sedang dipakai komputer lain; coba lagi sebentar."
                        ).format(name=self.path.name)
                    ) from exc
                time.sleep(0.2 * attempt)

    def data_version(self) -> int:
        with self._sqlite_errors():
            return database.data_version(self.db)
