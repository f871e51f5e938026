"""Filling a file from a dump document (docs/FORMAT.md), validated, in one transaction.

Rows are validated while they are collected, then inserted table by table in batches: a
20,000-indicator plan is some 70,000 rows, far too many for one INSERT each.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peewee import chunked

from rbdesk.i18n import tr
from rbdesk.models.domain.file_names import safe_filename
from rbdesk.models.domain.months import mask_from_months
from rbdesk.models.domain.progress import REVIEW_STATES, STATUSES, SUBMITTED, is_realised
from rbdesk.models.domain.text_rules import (
    MAX_EVIDENCE_BYTES,
    MIB,
    NAME_CHARS,
    TEXT_CHARS,
    YEAR_MAX,
    YEAR_MIN,
    check_year,
    clean_decree,
    clean_text,
)
from rbdesk.models.errors import InvalidInput, RbdeskError
from rbdesk.models.interchange.row_checks import SHORT_KEYS, check_row
from rbdesk.models.interchange.sample_data import sample_dump
from rbdesk.models.storage import output_files
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import (
    ROW_MODELS,
    TEAM_KINDS,
    Activity,
    Area,
    Blob,
    Evidence,
    Indicator,
    Membership,
    Person,
    Plan,
    Realisation,
    Row,
    SubActivity,
    Team,
)
from rbdesk.models.storage.store import Store

FORMAT = "rbdesk"
# 2: review of realised months (``review_*`` keys of a realisation) and ``reviewer`` on a person.
# A version 1 document still loads: its realised months become "diajukan", as a migrated file's do.
# 3: what offices write beside an indicator (``target``, ``target_unit``, ``responsible``,
# ``responsible_uuid``, ``extra_columns``) and a plan's ``level_names``. Older documents load
# with these empty, as a migrated file has them.
FORMAT_VERSION = 3
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
# Stays under SQLite's oldest limit of 999 bound parameters for the widest table.
_BATCH = 60
# Keys whose text is a name or a label, printed on one line or two (a row's "name" may be a
# sentence: it is checked as text here, and by its kind in row_checks).
_SHORT_KEYS = SHORT_KEYS - {"name"}


class _Reader:
    """Validates while collecting, so that a bad document names the place that is wrong."""

    def __init__(self) -> None:
        self.where = "dokumen"
        self.seen: dict[str, set[str]] = {}

    def fail(self, what: str) -> InvalidInput:
        return InvalidInput(
            tr("JSON tidak valid di {where}: {what}").format(where=self.where, what=what)
        )

    def obj(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(tr("harus berupa objek"))
        return value

    def get(
        self, obj: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any = ...
    ) -> Any:
        if key not in obj:
            if default is ...:
                raise self.fail(tr("kunci '{key}' tidak ada").format(key=key))
            return default
        value = obj[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(tr("nilai '{key}' bertipe salah").format(key=key))
        if isinstance(value, str):
            value = self.text(value, key, NAME_CHARS if key in _SHORT_KEYS else TEXT_CHARS)
        return value

    def text(self, value: str, key: str, limit: int) -> str:
        """Text as the window would take it: not absurdly long, no control characters."""
        if len(value) > limit:
            raise self.fail(
                tr("'{key}' terlalu panjang ({n} karakter; batasnya {limit})").format(
                    key=key, n=len(value), limit=limit
                )
            )
        return clean_text(value)

    def items(self, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
        return [self.obj(v) for v in self.get(obj, key, list, [])]

    def book(self, obj: dict[str, Any], entity: str) -> dict[str, Any]:
        """Bookkeeping keys, checked: merges order edits by these, so nonsense must not pass."""
        row_uuid = self.get(obj, "uuid", str)
        try:
            if str(uuidlib.UUID(row_uuid)) != row_uuid:
                raise ValueError
        except ValueError:
            raise self.fail(tr("uuid '{u}' tidak sah").format(u=row_uuid)) from None
        seen = self.seen.setdefault(entity, set())
        if row_uuid in seen:
            raise self.fail(tr("uuid {u} muncul dua kali").format(u=row_uuid))
        seen.add(row_uuid)
        stamp = self.get(obj, "updated_at", str)
        if not _STAMP.match(stamp):
            raise self.fail(tr("updated_at '{s}' bukan waktu ISO 8601 UTC").format(s=stamp))
        version = self.get(obj, "version", int)
        if version < 1:
            raise self.fail(tr("version harus 1 atau lebih"))
        return {
            "uuid": row_uuid,
            "updated_at": stamp,
            "updated_by": self.get(obj, "updated_by", str),
            "version": version,
        }

    def month(self, obj: dict[str, Any]) -> int:
        month = self.get(obj, "month", int)
        if not 1 <= month <= 12:
            raise self.fail(tr("bulan {m} di luar 1..12").format(m=month))
        return month


def _add(r: _Reader, rows: _Rows, model: type[Row], row: dict[str, Any]) -> None:
    """A collected row, checked by the one validator of incoming rows (``row_checks``, which
    merge uses too)."""
    rows.tables[model].append(check_row(model, {"deleted": False, **row}, r.fail))


class _Rows:
    """Validated rows per table; parents are referred to by uuid until ids exist."""

    def __init__(self) -> None:
        self.tables: dict[type[Row], list[dict[str, Any]]] = {m: [] for m in ROW_MODELS}
        self.blobs: dict[str, bytes] = {}


def load_data(store: Store, data: Any, progress: Callable[[int], None] | None = None) -> None:
    """Fill an empty file from a dump dict, preserving every uuid, timestamp and version.

    All or nothing: one transaction, so malformed input leaves the new file empty.
    """
    r = _Reader()
    data = r.obj(data)
    if data.get("format") != FORMAT:
        raise InvalidInput(tr("Bukan dokumen rbdesk (kunci 'format' harus \"rbdesk\")."))
    if r.get(data, "format_version", int) < 1:
        raise r.fail(tr("format_version harus 1 atau lebih"))
    if data["format_version"] > FORMAT_VERSION:
        raise InvalidInput(
            tr("Dokumen dari versi rbdesk yang lebih baru (format_version {v}).").format(
                v=data["format_version"]
            )
        )
    blobs = r.get(data, "blobs", dict, {})
    rows = _Rows()
    persons: set[str] = set()
    for i, p in enumerate(r.items(data, "persons")):
        r.where = f"persons[{i}]"
        row = {
            **r.book(p, "person"),
            "name": r.text(r.get(p, "name", str), "name", NAME_CHARS),
            "position": r.get(p, "position", str, ""),
            "unit": r.get(p, "unit", str, ""),
            "nip": r.get(p, "nip", str, ""),
            "reviewer": r.get(p, "reviewer", bool, False),
        }
        persons.add(row["uuid"])
        _add(r, rows, Person, row)
    plans = r.items(data, "plans")
    for pi, pd in enumerate(plans):
        r.where = f"plans[{pi}]"
        _collect_plan(r, pd, persons, blobs, rows, f"plans[{pi}]")
    with store.write() as tx:
        _insert(rows)
        tx.log(
            "file",
            "-",
            "load",
            new=tr("{n} orang, {p} rencana").format(n=len(persons), p=len(plans)),
        )
    if progress:
        progress(len(plans))


def create_file(path: Path | str, *, sample: bool, user: str | None = None) -> Store:
    """A new file: empty, or holding the built-in 2024 sample; never overwrites."""
    if sample:
        return create_from_dump(path, sample_dump(), user=user)
    return Store.create(path, user=user)


def create_from_dump(path: Path | str, data: Any, user: str | None = None) -> Store:
    """A new file at ``path`` filled from a dump document; never overwrites.

    The file is filled under a hidden temporary name beside ``path`` and takes its name only
    when complete, so a failed or killed load leaves nothing that looks like a result (and the
    next load to ``path`` clears what a killed one left)."""
    path = Path(path)
    if path.exists():
        raise RbdeskError(tr("Berkas {name} sudah ada; tidak ditimpa.").format(name=path.name))
    if not path.parent.is_dir():
        raise RbdeskError(tr("Folder {folder} tidak ada.").format(folder=str(path.parent)))
    output_files.remove_stale_temps(path)
    tmp = output_files.temp_name_beside(path)
    try:
        store = Store.create(tmp, user=user)
        try:
            load_data(store, data)
        finally:
            store.close()
        output_files.publish_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        output_files.journal_of(tmp).unlink(missing_ok=True)
    return Store.open(path, user=user)


def _collect_plan(
    r: _Reader,
    pd: dict[str, Any],
    persons: set[str],
    blobs: dict[str, Any],
    rows: _Rows,
    where: str,
) -> None:
    year = r.get(pd, "year", int)
    if not check_year(year):
        raise r.fail(tr("tahun {y} di luar {lo}..{hi}").format(y=year, lo=YEAR_MIN, hi=YEAR_MAX))
    plan = {
        **r.book(pd, "plan"),
        "unit": r.get(pd, "unit", str),
        "year": year,
        "title": r.get(pd, "title", str, ""),
        "decree": clean_decree(r.get(pd, "decree", dict, {}), r.fail),
        "settings": r.get(pd, "settings", dict, {}),
        "level_names": r.get(pd, "level_names", list, []),
    }
    _add(r, rows, Plan, plan)
    areas: set[str] = set()
    for ai, ad in enumerate(r.items(pd, "areas")):
        r.where = f"{where}.areas[{ai}]"
        area = _level(r, ad, "area", {"plan": plan["uuid"]}, ai)
        _add(r, rows, Area, area)
        areas.add(area["uuid"])
        for ci, cd in enumerate(r.items(ad, "activities")):
            r.where = f"{where}.areas[{ai}].activities[{ci}]"
            act = _level(r, cd, "activity", {"area": area["uuid"]}, ci)
            _add(r, rows, Activity, act)
            for si, sd in enumerate(r.items(cd, "sub_activities")):
                r.where = f"{where}.areas[{ai}].activities[{ci}].sub_activities[{si}]"
                sub = _level(r, sd, "sub_activity", {"activity": act["uuid"]}, si, "")
                _add(r, rows, SubActivity, sub)
                for ii, idd in enumerate(r.items(sd, "indicators")):
                    r.where = (
                        f"{where}.areas[{ai}].activities[{ci}].sub_activities[{si}]"
                        f".indicators[{ii}]"
                    )
                    _collect_indicator(r, idd, sub["uuid"], ii, blobs, rows)
    for ti, td in enumerate(r.items(pd, "teams")):
        r.where = f"{where}.teams[{ti}]"
        kind = r.get(td, "kind", str)
        if kind not in TEAM_KINDS:
            raise r.fail(tr("jenis tim '{kind}' tidak dikenal").format(kind=kind))
        area_uuid = r.get(td, "area", (str, type(None)), None)
        if area_uuid is not None and area_uuid not in areas:
            raise r.fail(tr("area '{uuid}' tidak ada").format(uuid=area_uuid))
        duties = r.get(td, "duties", list, [])
        if not all(isinstance(d, str) for d in duties):
            raise r.fail(tr("tugas harus berupa teks"))
        duties = [r.text(d, "duties", TEXT_CHARS) for d in duties]
        team = {
            **r.book(td, "team"),
            "plan": plan["uuid"],
            "seq": ti,
            "kind": kind,
            "label": r.get(td, "label", str, ""),
            "name": r.get(td, "name", str),
            "area": area_uuid,
            "duties": duties,
        }
        _add(r, rows, Team, team)
        for mi, md in enumerate(r.items(td, "members")):
            r.where = f"{where}.teams[{ti}].members[{mi}]"
            person = r.get(md, "person", str)
            if person not in persons:
                raise r.fail(tr("orang '{uuid}' tidak ada di daftar persons").format(uuid=person))
            _add(
                r,
                rows,
                Membership,
                {
                    **r.book(md, "membership"),
                    "team": team["uuid"],
                    "person": person,
                    "seq": mi,
                    "role": r.get(md, "role", str, ""),
                    "position": r.get(md, "position", str, ""),
                },
            )


def _level(
    r: _Reader,
    data: dict[str, Any],
    entity: str,
    parent: dict[str, str],
    seq: int,
    name_default: Any = ...,
) -> dict[str, Any]:
    """An area, activity or sub-activity: its bookkeeping, parent, place and texts."""
    return {
        **r.book(data, entity),
        **parent,
        "seq": seq,
        "label": r.get(data, "label", str, ""),
        "name": r.get(data, "name", str, name_default),
    }


def _collect_indicator(
    r: _Reader, idd: dict[str, Any], sub_uuid: str, seq: int, blobs: dict[str, Any], rows: _Rows
) -> None:
    months = r.get(idd, "planned_months", list, [])
    if not all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months):
        raise r.fail(tr("planned_months harus berisi bulan 1..12"))
    ind = {
        **r.book(idd, "indicator"),
        "sub_activity": sub_uuid,
        "seq": seq,
        "label": r.get(idd, "label", str, ""),
        "text": r.get(idd, "text", str, ""),
        "planned": mask_from_months(months),
        "note": r.get(idd, "note", str, ""),
        "target": r.get(idd, "target", str, ""),
        "target_unit": r.get(idd, "target_unit", str, ""),
        "responsible": r.get(idd, "responsible", str, ""),
        # A link may name a person or team the dump does not hold (deleted since): the name as
        # written stays, as in the file the dump came from.
        "responsible_uuid": r.get(idd, "responsible_uuid", str, ""),
        "extra_columns": r.get(idd, "extra_columns", list, []),
    }
    _add(r, rows, Indicator, ind)
    months_seen: set[int] = set()
    for rd in r.items(idd, "realisation"):
        status = r.get(rd, "status", str)
        if status not in STATUSES:
            raise r.fail(tr("status '{s}' tidak dikenal").format(s=status))
        month = r.month(rd)
        if month in months_seen:
            raise r.fail(tr("realisasi bulan {m} muncul dua kali").format(m=month))
        months_seen.add(month)
        _add(
            r,
            rows,
            Realisation,
            {
                **r.book(rd, "realisation"),
                "indicator": ind["uuid"],
                "month": month,
                "status": status,
                "note": r.get(rd, "note", str, ""),
                **_review(r, rd, status),
            },
        )
    for ed in r.items(idd, "evidence"):
        sha = r.get(ed, "sha256", str)
        if sha not in rows.blobs:
            rows.blobs[sha] = _blob(r, blobs, sha)
        size = r.get(ed, "size", int)
        if size != len(rows.blobs[sha]):
            raise r.fail(
                tr("size {size} tidak sama dengan ukuran isi berkas bukti ({real})").format(
                    size=size, real=len(rows.blobs[sha])
                )
            )
        _add(
            r,
            rows,
            Evidence,
            {
                **r.book(ed, "evidence"),
                "indicator": ind["uuid"],
                "month": r.month(ed),
                "filename": safe_filename(r.get(ed, "filename", str)),
                "mime": r.get(ed, "mime", str, ""),
                "size": size,
                "sha256": sha,
                "note": r.get(ed, "note", str, ""),
            },
        )


def _review(r: _Reader, rd: dict[str, Any], status: str) -> dict[str, Any]:
    """A month's review as the window could have made it: a state only when realised."""
    default = SUBMITTED if is_realised(status) else ""
    state = r.get(rd, "review_state", str, default)
    if state not in ("", *REVIEW_STATES) or bool(state) != is_realised(status):
        raise r.fail(
            tr("review_state '{s}' tidak sah untuk status '{status}'").format(
                s=state, status=status
            )
        )
    at = r.get(rd, "reviewed_at", str, "")
    if at and not _STAMP.match(at):
        raise r.fail(tr("reviewed_at '{s}' bukan waktu ISO 8601 UTC").format(s=at))
    return {
        "review_state": state,
        "reviewed_by": r.get(rd, "reviewed_by", str, ""),
        "reviewed_at": at,
        "review_note": r.get(rd, "review_note", str, ""),
    }


def _blob(r: _Reader, blobs: dict[str, Any], sha: str) -> bytes:
    encoded = blobs.get(sha)
    if isinstance(encoded, str) and len(encoded) > (MAX_EVIDENCE_BYTES * 4) // 3 + 8:
        raise r.fail(
            tr("berkas bukti {sha} terlalu besar; batasnya {limit} MiB").format(
                sha=sha[:12], limit=MAX_EVIDENCE_BYTES // MIB
            )
        )
    if not isinstance(encoded, str):
        raise r.fail(tr("isi berkas bukti {sha} tidak ada di 'blobs'").format(sha=sha[:12]))
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise r.fail(tr("isi berkas bukti {sha} bukan base64").format(sha=sha[:12])) from None
    if len(raw) > MAX_EVIDENCE_BYTES:
        raise r.fail(
            tr("berkas bukti {sha} terlalu besar ({size:.1f} MiB); batasnya {limit} MiB").format(
                sha=sha[:12], size=len(raw) / MIB, limit=MAX_EVIDENCE_BYTES // MIB
            )
        )
    if hashlib.sha256(raw).hexdigest() != sha:
        raise r.fail(tr("isi berkas bukti {sha} tidak cocok dengan SHA-256").format(sha=sha[:12]))
    return raw


# Which uuid-valued keys of a collected row are foreign keys, and into which table.
_PARENTS: dict[type[Row], dict[str, type[Row]]] = {
    Area: {"plan": Plan},
    Activity: {"area": Area},
    SubActivity: {"activity": Activity},
    Indicator: {"sub_activity": SubActivity},
    Realisation: {"indicator": Indicator},
    Evidence: {"indicator": Indicator},
    Team: {"plan": Plan, "area": Area},
    Membership: {"team": Team, "person": Person},
}


def _insert(rows: _Rows) -> None:
    ids: dict[type[Row], dict[str, int]] = {}
    for model, table in rows.tables.items():
        parents = _PARENTS.get(model, {})
        for row in table:
            for key, parent in parents.items():
                if row[key] is not None:
                    row[key] = ids[parent][row[key]]
        for batch in chunked(table, _BATCH):
            model.insert_many(batch).execute()
        if table:
            ids[model] = dict(as_tuples(model.select(model.uuid, model.id)))
    existing = {sha for (sha,) in as_tuples(Blob.select(Blob.sha256))}
    for sha, raw in rows.blobs.items():
        if sha not in existing:
            Blob.insert(sha256=sha, size=len(raw), data=raw).execute()
