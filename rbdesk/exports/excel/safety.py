"""Checks made before openpyxl sees a workbook: it must be a modest, well-formed xlsx archive."""

from __future__ import annotations

import zipfile
from pathlib import Path

import defusedxml  # noqa: F401  - imported before openpyxl so that openpyxl parses with it
import openpyxl

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput, RbdeskError

MAX_FILE = 100 * 1024 * 1024  # bytes on disk
MAX_UNCOMPRESSED = 400 * 1024 * 1024  # all entries together, once unpacked
MAX_ENTRIES = 2000
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # the .xls container
MAX_RATIO = 200  # unpacked / packed, for entries over 1 MiB


def check_workbook_file(path: Path) -> None:
    name = path.name
    if not openpyxl.DEFUSEDXML:
        raise RbdeskError(tr("Impor Excel dimatikan: pustaka defusedxml tidak aktif."))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RbdeskError(tr("Berkas {name} tidak ditemukan.").format(name=name)) from None
    kind = path.suffix.lower()
    if kind not in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise InvalidInput(
            tr(
                "{name} bukan buku kerja Excel (.xlsx, .xlsm, .xls) atau LibreOffice (.ods)."
            ).format(name=name)
        )
    if size > MAX_FILE:
        raise InvalidInput(
            tr("{name} terlalu besar ({mb} MB) untuk diimpor.").format(
                name=name, mb=size // (1024 * 1024)
            )
        )
    if kind == ".xls":
        with path.open("rb") as fh:
            if fh.read(8) != OLE2_MAGIC:
                raise InvalidInput(
                    tr("{name} bukan buku kerja Excel 97-2003 (.xls) yang sah.").format(name=name)
                )
        return  # one compound file, read by calamine within its size
    if not zipfile.is_zipfile(path):
        raise InvalidInput(
            tr(
                "{name} bukan buku kerja Excel .xlsx yang sah (isi berkas tidak "
                "dikenali; berkas .xls lama harus disimpan ulang sebagai .xlsx)."
            ).format(name=name)
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput(
            tr("{name} rusak: arsip .xlsx tidak dapat dibaca.").format(name=name)
        ) from None
    if len(infos) > MAX_ENTRIES:
        raise InvalidInput(
            tr("{name} ditolak: arsip berisi terlalu banyak bagian ({n}).").format(
                name=name, n=len(infos)
            )
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InvalidInput(
            tr("{name} ditolak: isi arsip terlalu besar setelah dibuka ({mb} MB).").format(
                name=name, mb=total // (1024 * 1024)
            )
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise InvalidInput(
                tr("{name} ditolak: bagian {part} dipadatkan secara tidak wajar.").format(
                    name=name, part=info.filename
                )
            )
    if kind == ".ods":
        if "content.xml" not in names:
            raise InvalidInput(tr("{name} bukan lembar kerja .ods yang sah.").format(name=name))
        return
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise InvalidInput(tr("{name} bukan buku kerja Excel .xlsx yang sah.").format(name=name))
