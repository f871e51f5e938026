"""Readable names of the tables, fields and values the change log records."""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.domain.hierarchy import LEVELS, level_title
from rbdesk.models.domain.indicator_fields import FIELD_LABELS
from rbdesk.models.domain.months import month_short, months_from_mask
from rbdesk.models.domain.progress import review_label


def entity_label(entity: str) -> str:
    if entity in LEVELS:
        return level_title(entity)
    return {
        "person": tr("Orang"),
        "plan": tr("Rencana aksi"),
        "realisation": tr("Realisasi"),
        "evidence": tr("Bukti dukung"),
        "team": tr("Tim"),
        "membership": tr("Anggota tim"),
    }.get(entity, entity)


# The plan's free-form objects: an edit is logged, and a merge combines them, key by key
# ("decree.number"), so that one changed key is one readable entry, not the whole object.
JSON_FIELDS = ("decree", "settings")


def decree_key_label(key: str) -> str:
    """The decree's keys as the Data SK dialog and the printed decree name them."""
    return {
        "issuer": tr("Penerbit SK"),
        "number": tr("Nomor SK"),
        "year": tr("Tahun SK"),
        "title": tr("Judul SK (tentang)"),
        "considerations": tr("Menimbang"),
        "legal_bases": tr("Mengingat"),
        "decided": tr("Menetapkan"),
        "decisions": tr("Diktum"),
        "place": tr("Tempat ditetapkan"),
        "date": tr("Tanggal ditetapkan"),
        "signatory_title": tr("Jabatan penanda tangan"),
        "signatory_name": tr("Nama penanda tangan"),
        "signatory_nip": tr("NIP penanda tangan"),
        "signed_mark": tr("Tanda TTD"),
        "certifier_heading": tr("Judul salinan"),
        "certifier_office": tr("Kantor pengesah salinan"),
        "certifier_title": tr("Jabatan pengesah salinan"),
        "certifier_name": tr("Nama pengesah salinan"),
        "certifier_nip": tr("NIP pengesah salinan"),
        "attachment_titles": tr("Judul lampiran"),
        "paraf": tr("Paraf"),
        "lampiran_1": tr("Lampiran I"),
        "lampiran_2": tr("Lampiran II"),
    }.get(key, key)


def json_key(name: str) -> tuple[str, str] | None:
    """("decree", "number") for a logged field "decree.number"; None for any other field."""
    base, dot, key = name.partition(".")
    return (base, key) if dot and base in JSON_FIELDS else None


def field_label(name: str, entity: str = "") -> str:
    """A field in the window's own words, for the History, the merge dialog and the command
    line alike: "note" of a month reads "Catatan" (the panel's label), of an indicator
    "Keterangan" (the grid's column). A per-month field "status[3]" reads "Realisasi Mar",
    "decree.number" reads "Nomor SK"."""
    if (split := json_key(name)) is not None:
        base, key = split
        if base == "decree":
            return decree_key_label(key)
        return tr("Pengaturan: {key}").format(key=key)
    if name.endswith("]") and "[" in name:
        base, _, month = name[:-1].partition("[")
        if month.isdigit() and 1 <= int(month) <= 12:
            return f"{field_label(base, entity)} {month_short(int(month))}"
    # Where a table's field has a word of its own in the window (the panel, a dialog's label).
    special = {
        ("realisation", "note"): tr("Catatan"),
        ("evidence", "note"): tr("Catatan"),
        ("team", "name"): tr("Nama tim"),
        ("plan", "unit"): tr("Satuan kerja"),
    }.get((entity, name))
    if special is None and entity in LEVELS and name in ("name", "text"):
        special = tr("Uraian")  # the grid's column for every level
    if special:
        return special
    return {
        "name": tr("Nama"),
        "text": tr("Uraian"),
        "label": tr("Nomor"),
        "note": tr("Keterangan"),
        "planned": tr("Bulan rencana"),
        "status": tr("Realisasi"),
        "deleted": tr("Dihapus"),
        "seq": tr("Urutan"),
        "position": tr("Jabatan"),
        "unit": tr("Unit kerja"),
        "nip": tr("NIP"),
        "role": tr("Kedudukan"),
        "duties": tr("Tugas"),
        "filename": tr("Nama berkas"),
        "title": tr("Judul"),
        "year": tr("Tahun"),
        "decree": tr("Isi SK"),
        "settings": tr("Pengaturan"),
        "month": tr("Bulan"),
        "evidence": tr("Bukti dukung"),
        "area": tr("Area"),
        "review_state": tr("Tinjauan"),
        "reviewed_by": tr("Peninjau"),
        "reviewed_at": tr("Waktu tinjauan"),
        "review_note": tr("Catatan peninjau"),
        "reviewer": tr("Boleh meninjau"),
        "person": tr("Orang"),
        "team": tr("Tim"),
        "kind": tr("Jenis tim"),
        **{key: tr(label).capitalize() for key, label in FIELD_LABELS.items()},
    }.get(name, name)


def plain_value(value: Any) -> str:
    """A decree or settings value as people read it: text as it is, a list one entry a line
    ("a. bahwa …", a diktum with its items below it), an object as "Lampiran I: …" lines."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return tr("ya") if value else tr("tidak")
    if isinstance(value, dict):
        if {"label", "text"} & set(value):
            head = " ".join(str(value[k]) for k in ("label", "text") if value.get(k))
            items = [plain_value(i) for i in value.get("items") or []]
            return "\n".join([head, *("  " + i for i in items)])
        return "\n".join(f"{decree_key_label(str(k))}: {plain_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(plain_value(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class LineChange:
    """The lines two multi-line values (a Diktum, Menimbang, paraf, a team's duties) do not
    share, each side one line a line; ``same`` counts the lines both keep."""

    old: str
    new: str
    same: int


def changed_lines(old: str, new: str, marks: tuple[str, str] = ("− ", "+ ")) -> LineChange | None:
    """Only the lines that differ between two values written one item a line: renaming one
    team changes one line of a 17-line Diktum, and a person must see that line, not the whole
    Diktum twice. A line with a counterpart on the other side is shown as it is; a line only
    one side has gets ``marks`` (removed, added). None when the values are not both filled or
    neither has a second line: a short value reads best whole. The stored values stay whole;
    this is only how the change reads."""
    if not old or not new or ("\n" not in old and "\n" not in new):
        return None
    before, after = old.split("\n"), new.split("\n")
    gone: list[str] = []
    came: list[str] = []
    same = 0
    # difflib, not a hand-made comparison: it pairs a renamed item with the item it replaced
    # and keeps the unchanged items around it out of the way.
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same += i2 - i1
            continue
        paired = min(i2 - i1, j2 - j1)
        gone += [line.strip() for line in before[i1 : i1 + paired]]
        came += [line.strip() for line in after[j1 : j1 + paired]]
        gone += [marks[0] + line.strip() for line in before[i1 + paired : i2]]
        came += [marks[1] + line.strip() for line in after[j1 + paired : j2]]
    return LineChange("\n".join(gone), "\n".join(came), same)


def unchanged_note(same: int) -> str:
    """What the lines left out of a change are, for a reader who sees only the changed ones."""
    return tr("{n} baris lain tetap").format(n=same) if same else ""


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _differing_keys(old: Any, new: Any) -> list[str]:
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    return [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]


def object_summary(base: str, value: Any, keys: list[str] | None = None) -> str:
    """A whole decree or settings object in a line or two: the values of ``keys`` (default:
    all), each shortened, under their Indonesian names; "-" for a key the object lacks."""
    if not isinstance(value, dict):
        return _short(plain_value(value))
    keys = list(value) if keys is None else keys
    return "; ".join(
        f"{field_label(f'{base}.{k}')}: {_short(plain_value(value[k]), 80) if k in value else '-'}"
        for k in keys
    )


def _link_text(value: Any) -> str:
    """A penanggung jawab's link to the roster, as people read it (never the bare uuid)."""
    return tr("tertaut ke daftar tim") if value else tr("tidak tertaut")


def extra_columns_text(value: Any) -> str:
    """Kept columns as people read them: "Anggaran: 5.000.000; Output: Laporan"."""
    if not isinstance(value, list):
        return str(value)
    return "; ".join(
        f"{p[0]}: {p[1]}" if isinstance(p, (list, tuple)) and len(p) == 2 else str(p) for p in value
    )


def format_value(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "extra_columns":
        return extra_columns_text(value)
    if name == "responsible_uuid":
        return _link_text(value)
    if name == "level_names" and isinstance(value, list):
        return " › ".join(str(v) for v in value) or tr("(bawaan)")
    if json_key(name) is not None:
        return plain_value(value)
    if name in JSON_FIELDS:
        return object_summary(name, value)
    if name in ("deleted", "reviewer"):
        return tr("ya") if value else tr("tidak")
    if name.partition("[")[0] == "review_state" and isinstance(value, str):
        return review_label(value) or "-"
    if name == "planned" and isinstance(value, int):
        return ", ".join(str(m) for m in months_from_mask(value)) or "-"
    return str(value)


def shown_value(name: str, value: Any) -> str:
    """A value as a person reads it on screen (a merge conflict): as :func:`format_value`, and a
    review time in this PC's local time rather than the stored UTC stamp (which
    :func:`format_value` keeps, as the change log stores it)."""
    if name.partition("[")[0] == "reviewed_at" and isinstance(value, str):
        return local_time(value) if value else ""
    if isinstance(value, list) and name not in ("extra_columns", "level_names"):
        # a team's duties: one a line, as the decree's lists
        return plain_value(value)
    return format_value(name, value)


def shown_pair(name: str, mine: Any, theirs: Any) -> tuple[str, str]:
    """Two values of one field side by side (a merge conflict): for multi-line values only
    the lines each side has and the other lacks, unmarked, since neither side is the older."""
    texts = shown_value(name, mine), shown_value(name, theirs)
    lines = changed_lines(*texts, marks=("", ""))
    return (lines.old, lines.new) if lines is not None else texts


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
    if base == "reviewed_at":
        return local_time(value) if value else ""
    if base in JSON_FIELDS:
        parsed = _parsed(value)
        return object_summary(base, parsed) if parsed is not None else _short(value)
    if base == "duties" and isinstance(duties := _parsed(value), list):
        return plain_value(duties)  # logged as Python's repr of the list
    if base == "responsible_uuid":
        return _link_text(value)
    if base in ("extra_columns", "level_names") and isinstance(parsed := _parsed(value), list):
        return format_value(base, parsed)
    return value


def _parsed(logged: str | None) -> Any:
    """A whole decree or settings object as an older rbdesk logged it (Python's repr of the
    dict); None when the text is not one."""
    if not logged:
        return None
    try:
        return ast.literal_eval(logged)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None


def logged_pair(field_name: str, old: str | None, new: str | None) -> tuple[str, str]:
    """The old and new value of one change-log entry in words. A whole decree or settings
    object (files written before these were logged key by key) shows only the keys that
    differ between the two, each under its name."""
    if field_name in JSON_FIELDS:
        before, after = _parsed(old), _parsed(new)
        if isinstance(before, dict) or isinstance(after, dict):
            keys = _differing_keys(before, after)
            return (
                object_summary(field_name, before or {}, keys) if old is not None else "",
                object_summary(field_name, after or {}, keys) if new is not None else "",
            )
    return logged_value(field_name, old), logged_value(field_name, new)


def changed_keys(field_name: str, old: str | None, new: str | None) -> set[str] | None:
    """The decree or settings keys a change-log entry changed ("decree.number": {"number"});
    for a whole-object entry of an older file, the keys that differ, or None (any key) when
    its text cannot be read back. Empty for entries on other fields."""
    if (split := json_key(field_name)) is not None:
        return {split[1]}
    if field_name in JSON_FIELDS:
        before, after = _parsed(old), _parsed(new)
        if isinstance(before, dict) and isinstance(after, dict):
            return set(_differing_keys(before, after))
        return None
    return set()
