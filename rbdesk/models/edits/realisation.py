"""Recording what was done: realisation status per indicator-month, and evidence files.

Evidence bytes live inside the file, content-addressed by SHA-256, so a shared or copied file
carries its evidence and the same scan attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.domain.file_names import path_inside, safe_filename
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import STATUSES
from rbdesk.models.domain.text_rules import MAX_EVIDENCE_BYTES, MIB
from rbdesk.models.edits.plan_edit import plan_uuid_of
from rbdesk.models.edits.review import REVIEW_FIELDS, after_change, resubmit_month
from rbdesk.models.errors import (
    ConflictError,
    EvidenceTooLarge,
    InvalidInput,
    NotFoundError,
    RbdeskError,
    TextConflict,
)
from rbdesk.models.storage.output_files import (
    PRIVATE_FILE,
    atomic_output,
    make_private,
    private_folder,
)
from rbdesk.models.storage.schema import Blob, Evidence, Indicator, Realisation
from rbdesk.models.storage.store import Store

# Python's own table only: the module-level guess also reads the Windows registry (or
# /etc/mime.types), where Office makes .csv "application/vnd.ms-excel" and older PCs make .jpg
# "image/pjpeg", so the same scan would get another type on every PC.
_MIME_TYPES = mimetypes.MimeTypes()


def _indicator(uuid: str) -> Indicator:
    return Indicator.live_by_uuid(uuid, tr("Indikator ini sudah dihapus atau tidak ada lagi."))


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=month))


def set_status(
    store: Store,
    indicator_uuid: str,
    month: int,
    status: str,
    note: str | None = None,
    expected_version: int | None = None,
    shown_note: str | None = None,
) -> int:
    """Record belum / sebagian / selesai (and optionally the note); returns the cell's version.

    ``expected_version`` is the realisation row's version as shown (0 when there was none);
    ``shown_note`` the note as shown when the user began writing. A colleague's change since
    then is refused (:class:`ConflictError`), and a colleague's *note* with both texts
    (:class:`TextConflict`), so neither note is replaced unseen.
    Any change submits a realised month for review again (``edits.review``).
    """
    _check_month(month)
    if status not in STATUSES:
        raise InvalidInput(tr("Status '{s}' tidak dikenal.").format(s=status))
    with store.write() as tx:
        ind = _indicator(indicator_uuid)
        tx.plan_uuid = plan_uuid_of("indicator", ind)
        cell = Realisation.get_or_none(
            (Realisation.indicator == ind.id) & (Realisation.month == month)
        )
        if cell is not None and expected_version not in (None, cell.version):
            _refuse_note(cell, month, note, shown_note)
        if cell is None:
            if expected_version not in (None, 0):
                raise NotFoundError(tr("Realisasi bulan ini sudah dihapus oleh pengguna lain."))
            cell = Realisation(
                indicator=ind,
                month=month,
                status=status,
                note=note or "",
                uuid="",
                **after_change(status),
            )
            tx.insert(cell)
            tx.log("realisation", cell.uuid, "create", f"status[{month}]", None, status)
            if note:
                tx.log("realisation", cell.uuid, "create", f"note[{month}]", None, note)
            return 1
        unchanged = (
            cell.status == status and not cell.deleted and (note is None or note == cell.note)
        )
        if unchanged:
            # Nothing to record: no new version and no new stamp. A stamp that no change-log
            # entry explains would make a merge think this copy never touched the row.
            if expected_version not in (None, cell.version):
                tx.bump(Realisation, cell.uuid, expected_version)  # raises the conflict
            return int(cell.version)
        changes: dict[str, object] = {"status": status, "deleted": False}
        if note is not None:
            changes["note"] = note
        review = {k: v for k, v in after_change(status).items() if getattr(cell, k) != v}
        changes.update(review)
        # expected_version 0 means "there was no record when shown": a colleague's new record
        # then conflicts like any other concurrent change.
        version = tx.bump(Realisation, cell.uuid, expected_version, **changes)
        if cell.status != status or cell.deleted:
            tx.log(
                "realisation",
                cell.uuid,
                "update",
                f"status[{month}]",
                None if cell.deleted else cell.status,
                status,
            )
        if note is not None and note != cell.note:
            tx.log("realisation", cell.uuid, "update", f"note[{month}]", cell.note, note)
        for key in REVIEW_FIELDS:
            if key in review:
                tx.log(
                    "realisation",
                    cell.uuid,
                    "update",
                    f"{key}[{month}]",
                    getattr(cell, key),
                    review[key],
                )
        return version


def _refuse_note(cell: Realisation, month: int, note: str | None, shown_note: str | None) -> None:
    """Inside the write: the row changed since it was shown. A note the colleague changed too is
    refused with both texts; any other change with the store's own conflict."""
    base = shown_note if shown_note is not None else note
    theirs = "" if cell.deleted else cell.note
    if note is not None and theirs not in (base, note):
        raise TextConflict(
            tr(
                "Catatan realisasi {month} sudah diubah oleh {who} pada {when} selagi Anda "
                "menulis; catatan Anda belum disimpan."
            ).format(
                month=month_long(month), who=cell.updated_by, when=local_time(cell.updated_at)
            ),
            changed_by=cell.updated_by,
            changed_at=cell.updated_at,
            theirs=theirs,
            yours=note,
        )


def next_status(status: str) -> str:
    """The Realisasi-mode click cycle: belum → sebagian → selesai → belum."""
    return STATUSES[(STATUSES.index(status) + 1) % len(STATUSES)]


@dataclass(frozen=True)
class EvidenceInfo:
    uuid: str
    indicator_uuid: str
    month: int
    filename: str
    mime: str
    size: int
    sha256: str
    note: str
    updated_by: str
    updated_at: str
    version: int


def list_evidence(
    store: Store, indicator_uuid: str, month: int | None = None
) -> list[EvidenceInfo]:
    with store.read():
        query = (
            Evidence.select(Evidence, Indicator.uuid.alias("ind_uuid"))
            .join(Indicator)
            .where((Indicator.uuid == indicator_uuid) & Evidence.is_live())
        )
        if month is not None:
            query = query.where(Evidence.month == month)
        # A name stored by an older rbdesk may still hold what safe_filename now removes.
        return [
            EvidenceInfo(
                e.uuid,
                indicator_uuid,
                e.month,
                safe_filename(e.filename),
                e.mime,
                e.size,
                e.sha256,
                e.note,
                e.updated_by,
                e.updated_at,
                e.version,
            )
            for e in query.order_by(Evidence.month, Evidence.updated_at, Evidence.uuid)
        ]


def attach_bytes(
    store: Store,
    indicator_uuid: str,
    month: int,
    filename: str,
    data: bytes,
    note: str = "",
    mime: str | None = None,
) -> str:
    """Attach evidence; returns the new evidence uuid. The bytes are stored once per content."""
    _check_month(month)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise EvidenceTooLarge(
            tr(
                "Berkas {name} terlalu besar ({size:.1f} MiB); batasnya {limit:g} MiB. Perkecil "
                "hasil pindaian atau bagi menjadi beberapa berkas."
            ).format(
                name=safe_filename(filename), size=len(data) / MIB, limit=MAX_EVIDENCE_BYTES / MIB
            )
        )
    name = safe_filename(filename)
    sha = hashlib.sha256(data).hexdigest()
    kind = mime or _MIME_TYPES.guess_type(name)[0] or "application/octet-stream"
    with store.write() as tx:
        ind = _indicator(indicator_uuid)
        tx.plan_uuid = plan_uuid_of("indicator", ind)
        if not Blob.select().where(Blob.sha256 == sha).exists():
            Blob.create(sha256=sha, size=len(data), data=data)
        ev = Evidence(
            indicator=ind,
            month=month,
            filename=name,
            mime=kind,
            size=len(data),
            sha256=sha,
            note=note,
            uuid="",
        )
        tx.insert(ev)
        tx.log("evidence", ev.uuid, "create", f"evidence[{month}]", None, name)
        resubmit_month(tx, ind.id, month)
        return ev.uuid


def attach_file(
    store: Store, indicator_uuid: str, month: int, path: Path | str, note: str = ""
) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise EvidenceTooLarge(
                tr(
                    "Berkas {name} terlalu besar ({size:.1f} MiB); batasnya {limit:g} MiB. "
                    "Perkecil hasil pindaian atau bagi menjadi beberapa berkas."
                ).format(name=path.name, size=size / MIB, limit=MAX_EVIDENCE_BYTES / MIB)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise RbdeskError(tr("Berkas {name} tidak ditemukan.").format(name=path.name)) from None
    except (IsADirectoryError, PermissionError):
        # Windows refuses to open a folder as a file with EACCES, not EISDIR.
        if path.is_dir():
            raise InvalidInput(
                tr("{name} adalah folder; pilih sebuah berkas.").format(name=path.name)
            ) from None
        raise RbdeskError(
            tr(
                "Berkas {name} tidak dapat dibaca (tidak ada izin atau sedang "
                "dikunci program lain)."
            ).format(name=path.name)
        ) from None
    except OSError as exc:
        raise RbdeskError(
            tr("Berkas {name} tidak dapat dibaca: {err}").format(
                name=path.name, err=exc.strerror or exc
            )
        ) from None
    return attach_bytes(store, indicator_uuid, month, path.name, data, note)


def remove_evidence(store: Store, evidence_uuid: str, expected_version: int | None = None) -> None:
    """Tombstone the attachment; the bytes stay so undo and merges can bring it back."""
    with store.write() as tx:
        ev = Evidence.get_or_none(Evidence.uuid == evidence_uuid)
        if ev is None:
            raise NotFoundError(tr("Bukti dukung ini tidak ada lagi."))
        if ev.deleted:
            raise ConflictError(
                tr("Bukti dukung {name} sudah dihapus oleh {who} pada {when}.").format(
                    name=safe_filename(ev.filename),
                    who=ev.updated_by,
                    when=local_time(ev.updated_at),
                ),
                changed_by=ev.updated_by,
                changed_at=ev.updated_at,
            )
        tx.plan_uuid = plan_uuid_of("indicator", ev.indicator)
        tx.bump(Evidence, evidence_uuid, expected_version, deleted=True)
        tx.log("evidence", evidence_uuid, "delete", f"evidence[{ev.month}]", ev.filename, None)
        resubmit_month(tx, ev.indicator_id, ev.month)


def restore_evidence(store: Store, evidence_uuid: str) -> None:
    with store.write() as tx:
        ev = Evidence.get_or_none(Evidence.uuid == evidence_uuid)
        if ev is None:
            raise NotFoundError(tr("Bukti dukung ini tidak ada lagi."))
        tx.plan_uuid = plan_uuid_of("indicator", ev.indicator)
        tx.bump(Evidence, evidence_uuid, None, deleted=False)
        tx.log("evidence", evidence_uuid, "restore", f"evidence[{ev.month}]", None, ev.filename)
        resubmit_month(tx, ev.indicator_id, ev.month)


def evidence_bytes(store: Store, sha256: str) -> bytes:
    with store.read():
        blob = Blob.get_or_none(Blob.sha256 == sha256)
        if blob is None:
            raise NotFoundError(tr("Isi berkas bukti tidak ditemukan di basis data."))
        return bytes(blob.data)


def write_temp_copy(store: Store, info: EvidenceInfo, folder: Path | str) -> Path:
    """Write the evidence bytes under ``folder`` (one subfolder per content) to open them with
    the PC's own program; whatever name the file holds, nothing is written outside ``folder``."""
    data = evidence_bytes(store, info.sha256)
    sub = Path(folder) / info.sha256[:12]
    target = path_inside(sub, info.filename)
    try:
        private_folder(sub)
        # Its owner's only: evidence may be personal, and the temporary folder is on a PC
        # others may use too.
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE
        )
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        make_private(target)
    except OSError as exc:
        raise RbdeskError(
            tr("Berkas {name} tidak dapat disiapkan untuk dibuka: {err}").format(
                name=target.name, err=exc.strerror or exc
            )
        ) from None
    return target


def save_evidence_copy(store: Store, evidence_uuid: str, dest: Path | str) -> Path:
    with store.read():
        ev = Evidence.get_or_none(Evidence.uuid == evidence_uuid)
        if ev is None:
            raise NotFoundError(tr("Bukti dukung ini tidak ada lagi."))
        dest = Path(dest)
        try:
            with atomic_output(dest, protect=(store.path,)) as tmp:
                tmp.write_bytes(evidence_bytes(store, ev.sha256))
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the chosen name
            detail = getattr(exc, "strerror", None) or tr("nama berkas tidak sah")
            raise RbdeskError(
                tr("Tidak dapat menyimpan {name}: {err}").format(
                    name=safe_filename(dest.name), err=detail
                )
            ) from None
        return dest
