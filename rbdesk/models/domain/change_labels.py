"""Readable names of the tables, fields and values the change log records."""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.clock import MONTHS_SHORT
from rbdesk.models.storage.schema import months_from_mask


def entity_label(entity: str) -> str:
    return {
        "person": tr("Orang"), "plan": tr("Rencana aksi"), "area": tr("Area perubahan"),
        "activity": tr("Kegiatan"), "sub_activity": tr("Sub kegiatan"),
        "indicator": tr("Indikator"), "realisation": tr("Realisasi"),
        "evidence": tr("Bukti dukung"), "team": tr("Tim"), "membership": tr("Anggota tim"),
    }.get(entity, entity)


def field_label(name: str) -> str:
    """Readable name of a logged field; "status[3]" (a per-month field) reads "status Mar"."""
    if name.endswith("]") and "[" in name:
        base, _, month = name[:-1].partition("[")
        if month.isdigit() and 1 <= int(month) <= 12:
            return f"{field_label(base)} {MONTHS_SHORT[int(month) - 1]}"
    return {
        "name": tr("nama"), "text": tr("teks"), "label": tr("nomor"), "note": tr("keterangan"),
        "planned": tr("bulan rencana"), "status": tr("status"), "deleted": tr("dihapus"),
        "seq": tr("urutan"), "position": tr("jabatan"), "unit": tr("unit"), "nip": tr("NIP"),
        "role": tr("kedudukan"), "duties": tr("tugas"), "filename": tr("nama berkas"),
        "title": tr("judul"), "year": tr("tahun"), "decree": tr("isi SK"),
        "settings": tr("pengaturan"), "month": tr("bulan"), "evidence": tr("bukti dukung"),
    }.get(name, name)


def format_value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "deleted":
        return tr("ya") if value else tr("tidak")
    if name == "planned" and isinstance(value, int):
        return ", ".join(str(m) for m in months_from_mask(value)) or "-"
    return str(value)
