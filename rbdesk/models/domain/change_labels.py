"""Readable names of the tables, fields and values the change log records."""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import LEVELS, level_title
from rbdesk.models.domain.months import month_short, months_from_mask
from rbdesk.models.domain.progress import review_label


def entity_label(entity: str) -> str:
    if entity in LEVELS:
        return level_title(entity)
    return {
        "person": tr("Orang"), "plan": tr("Rencana aksi"), "realisation": tr("Realisasi"),
        "evidence": tr("Bukti dukung"), "team": tr("Tim"), "membership": tr("Anggota tim"),
    }.get(entity, entity)


def field_label(name: str) -> str:
    """Readable name of a logged field; "status[3]" (a per-month field) reads "status Mar"."""
    if name.endswith("]") and "[" in name:
        base, _, month = name[:-1].partition("[")
        if month.isdigit() and 1 <= int(month) <= 12:
            return f"{field_label(base)} {month_short(int(month))}"
    return {
        "name": tr("nama"), "text": tr("teks"), "label": tr("nomor"), "note": tr("keterangan"),
        "planned": tr("bulan rencana"), "status": tr("status"), "deleted": tr("dihapus"),
        "seq": tr("urutan"), "position": tr("jabatan"), "unit": tr("unit"), "nip": tr("NIP"),
        "role": tr("kedudukan"), "duties": tr("tugas"), "filename": tr("nama berkas"),
        "title": tr("judul"), "year": tr("tahun"), "decree": tr("isi SK"),
        "settings": tr("pengaturan"), "month": tr("bulan"), "evidence": tr("bukti dukung"),
        "area": tr("area"),
        "review_state": tr("status tinjauan"), "reviewed_by": tr("peninjau"),
        "reviewed_at": tr("waktu tinjauan"), "review_note": tr("catatan peninjau"),
        "reviewer": tr("boleh meninjau"),
    }.get(name, name)


def format_value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in ("deleted", "reviewer"):
        return tr("ya") if value else tr("tidak")
    if name.partition("[")[0] == "review_state" and isinstance(value, str):
        return review_label(value) or "-"
    if name == "planned" and isinstance(value, int):
        return ", ".join(str(m) for m in months_from_mask(value)) or "-"
    return str(value)


def logged_value(field_name: str, value: str | None) -> str:
    """A value as the change log stored it (text), in words where the code is not: a review
    state reads "Perlu revisi", the reviewer flag "ya" / "tidak"."""
    if value is None:
        return ""
    base = field_name.partition("[")[0]
    if base == "review_state":
        return review_label(value) or "-"
    if base == "reviewer":
        return tr("ya") if value in ("True", "1") else tr("tidak")
    return value
