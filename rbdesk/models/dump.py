"""The JSON dump format (docs/FORMAT.md): the whole file out, and a new file in."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput
from rbdesk.models.schema import (
    STATUSES,
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
    mask_from_months,
    months_from_mask,
)
from rbdesk.models.store import Store

FORMAT = "rbdesk"
FORMAT_VERSION = 1
_ALIVE = False
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def _book(row: Row) -> dict[str, Any]:
    return {"uuid": row.uuid, "updated_at": row.updated_at, "updated_by": row.updated_by,
            "version": row.version}


def _alive(model: type[Row]) -> Any:
    return model.deleted == _ALIVE


def dump_data() -> dict[str, Any]:
    """The bound file as a JSON-ready dict (current state; tombstones and change log left out)."""
    blobs: dict[str, str] = {}
    persons = [
        {**_book(p), "name": p.name, "position": p.position, "unit": p.unit, "nip": p.nip}
        for p in Person.select().where(_alive(Person)).order_by(Person.name, Person.uuid)]
    plans = []
    for plan in Plan.select().where(_alive(Plan)).order_by(Plan.year, Plan.unit, Plan.uuid):
        areas = []
        for area in plan.areas.where(_alive(Area)).order_by(Area.seq, Area.id):
            activities = []
            for act in area.activities.where(_alive(Activity)).order_by(Activity.seq, Activity.id):
                subs = []
                for sub in act.sub_activities.where(_alive(SubActivity)).order_by(
                        SubActivity.seq, SubActivity.id):
                    inds = [_dump_indicator(ind, blobs) for ind in sub.indicators.where(
                        _alive(Indicator)).order_by(Indicator.seq, Indicator.id)]
                    subs.append({**_book(sub), "label": sub.label, "name": sub.name,
                                 "indicators": inds})
                activities.append({**_book(act), "label": act.label, "name": act.name,
                                   "sub_activities": subs})
            areas.append({**_book(area), "label": area.label, "name": area.name,
                          "activities": activities})
        teams = []
        for team in plan.teams.where(_alive(Team)).order_by(Team.seq, Team.id):
            members = [{**_book(m), "person": m.person.uuid, "role": m.role,
                        "position": m.position}
                       for m in team.members.where(_alive(Membership)).order_by(
                           Membership.seq, Membership.id)]
            teams.append({**_book(team), "kind": team.kind, "label": team.label,
                          "name": team.name, "area": team.area.uuid if team.area else None,
                          "duties": list(team.duties or []), "members": members})
        plans.append({**_book(plan), "unit": plan.unit, "year": plan.year, "title": plan.title,
                      "decree": plan.decree or {}, "settings": plan.settings or {},
                      "areas": areas, "teams": teams})
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "persons": persons,
            "plans": plans, "blobs": dict(sorted(blobs.items()))}


def _dump_indicator(ind: Indicator, blobs: dict[str, str]) -> dict[str, Any]:
    realisation = [{**_book(r), "month": r.month, "status": r.status, "note": r.note}
                   for r in ind.realisations.where(_alive(Realisation)).order_by(Realisation.month)]
    evidence = []
    for ev in ind.evidence.where(_alive(Evidence)).order_by(Evidence.month, Evidence.updated_at,
                                                           Evidence.uuid):
        evidence.append({**_book(ev), "month": ev.month, "filename": ev.filename, "mime": ev.mime,
                         "size": ev.size, "sha256": ev.sha256, "note": ev.note})
        if ev.sha256 not in blobs:
            blob = Blob.get_or_none(Blob.sha256 == ev.sha256)
            if blob is not None:
                blobs[ev.sha256] = base64.b64encode(bytes(blob.data)).decode("ascii")
    return {**_book(ind), "label": ind.label, "text": ind.text,
            "planned_months": months_from_mask(ind.planned), "note": ind.note,
            "realisation": realisation, "evidence": evidence}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


class _Reader:
    """Validates while loading so that a bad document names the place that is wrong."""

    def __init__(self) -> None:
        self.where = "dokumen"
        self.seen: dict[str, set[str]] = {}

    def fail(self, what: str) -> InvalidInput:
        return InvalidInput(tr("JSON tidak valid di {where}: {what}").format(where=self.where,
                                                                             what=what))

    def obj(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(tr("harus berupa objek"))
        return value

    def get(self, obj: dict[str, Any], key: str, kind: type | tuple[type, ...],
            default: Any = ...) -> Any:
        if key not in obj:
            if default is ...:
                raise self.fail(tr("kunci '{key}' tidak ada").format(key=key))
            return default
        value = obj[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(tr("nilai '{key}' bertipe salah").format(key=key))
        return value

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
        return {"uuid": row_uuid, "updated_at": stamp,
                "updated_by": self.get(obj, "updated_by", str), "version": version}


def load_data(store: Store, data: Any, progress: Callable[[int], None] | None = None) -> None:
    """Fill an empty file from a dump dict, preserving every uuid, timestamp and version.

    All or nothing: one transaction, so malformed input leaves the new file empty.
    """
    r = _Reader()
    data = r.obj(data)
    if data.get("format") != FORMAT:
        raise InvalidInput(tr("Bukan dokumen rbdesk (kunci 'format' harus \"rbdesk\")."))
    if r.get(data, "format_version", int) > FORMAT_VERSION:
        raise InvalidInput(tr("Dokumen dari versi rbdesk yang lebih baru (format_version {v})."
                              ).format(v=data["format_version"]))
    blobs = r.get(data, "blobs", dict, {})
    with store.write() as tx:
        persons: dict[str, Person] = {}
        for i, p in enumerate(r.items(data, "persons")):
            r.where = f"persons[{i}]"
            persons[p.get("uuid", "")] = Person.create(
                **r.book(p, "person"), name=r.get(p, "name", str),
                position=r.get(p, "position", str, ""), unit=r.get(p, "unit", str, ""),
                nip=r.get(p, "nip", str, ""))
        for pi, pd in enumerate(r.items(data, "plans")):
            r.where = f"plans[{pi}]"
            _load_plan(r, pd, persons, blobs, f"plans[{pi}]")
            if progress:
                progress(pi + 1)
        tx.log("file", "-", "load", new=tr("{n} orang, {p} rencana").format(
            n=len(persons), p=len(data.get("plans", []))))


def _load_plan(r: _Reader, pd: dict[str, Any], persons: dict[str, Person],
               blobs: dict[str, Any], where: str) -> None:
    plan = Plan.create(**r.book(pd, "plan"), unit=r.get(pd, "unit", str),
                       year=r.get(pd, "year", int), title=r.get(pd, "title", str, ""),
                       decree=r.get(pd, "decree", dict, {}),
                       settings=r.get(pd, "settings", dict, {}))
    areas: dict[str, Area] = {}
    for ai, ad in enumerate(r.items(pd, "areas")):
        r.where = f"{where}.areas[{ai}]"
        area = Area.create(**r.book(ad, "area"), plan=plan, seq=ai,
                           label=r.get(ad, "label", str, ""), name=r.get(ad, "name", str))
        areas[area.uuid] = area
        for ci, cd in enumerate(r.items(ad, "activities")):
            r.where = f"{where}.areas[{ai}].activities[{ci}]"
            act = Activity.create(**r.book(cd, "activity"), area=area, seq=ci,
                                  label=r.get(cd, "label", str, ""), name=r.get(cd, "name", str))
            for si, sd in enumerate(r.items(cd, "sub_activities")):
                r.where = f"{where}.areas[{ai}].activities[{ci}].sub_activities[{si}]"
                sub = SubActivity.create(**r.book(sd, "sub_activity"), activity=act, seq=si,
                                         label=r.get(sd, "label", str, ""),
                                         name=r.get(sd, "name", str, ""))
                for ii, idd in enumerate(r.items(sd, "indicators")):
                    r.where = (f"{where}.areas[{ai}].activities[{ci}].sub_activities[{si}]"
                               f".indicators[{ii}]")
                    _load_indicator(r, idd, sub, ii, blobs)
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
        team = Team.create(**r.book(td, "team"), plan=plan, seq=ti, kind=kind,
                           label=r.get(td, "label", str, ""), name=r.get(td, "name", str),
                           area=areas.get(area_uuid) if area_uuid else None, duties=duties)
        for mi, md in enumerate(r.items(td, "members")):
            r.where = f"{where}.teams[{ti}].members[{mi}]"
            person = persons.get(r.get(md, "person", str))
            if person is None:
                raise r.fail(tr("orang '{uuid}' tidak ada di daftar persons")
                             .format(uuid=md["person"]))
            Membership.create(**r.book(md, "membership"), team=team, person=person, seq=mi,
                              role=r.get(md, "role", str, ""),
                              position=r.get(md, "position", str, ""))


def _month(r: _Reader, obj: dict[str, Any]) -> int:
    month = r.get(obj, "month", int)
    if not 1 <= month <= 12:
        raise r.fail(tr("bulan {m} di luar 1..12").format(m=month))
    return month


def _load_indicator(r: _Reader, idd: dict[str, Any], sub: SubActivity, seq: int,
                    blobs: dict[str, Any]) -> None:
    months = r.get(idd, "planned_months", list, [])
    if not all(isinstance(m, int) and 1 <= m <= 12 for m in months):
        raise r.fail(tr("planned_months harus berisi bulan 1..12"))
    ind = Indicator.create(**r.book(idd, "indicator"), sub_activity=sub, seq=seq,
                           label=r.get(idd, "label", str, ""), text=r.get(idd, "text", str, ""),
                           planned=mask_from_months(months), note=r.get(idd, "note", str, ""))
    months_seen: set[int] = set()
    for rd in r.items(idd, "realisation"):
        status = r.get(rd, "status", str)
        if status not in STATUSES:
            raise r.fail(tr("status '{s}' tidak dikenal").format(s=status))
        month = _month(r, rd)
        if month in months_seen:
            raise r.fail(tr("realisasi bulan {m} muncul dua kali").format(m=month))
        months_seen.add(month)
        Realisation.create(**r.book(rd, "realisation"), indicator=ind, month=month,
                           status=status, note=r.get(rd, "note", str, ""))
    for ed in r.items(idd, "evidence"):
        sha = r.get(ed, "sha256", str)
        if Blob.get_or_none(Blob.sha256 == sha) is None:
            encoded = blobs.get(sha)
            if not isinstance(encoded, str):
                raise r.fail(tr("isi berkas bukti {sha} tidak ada di 'blobs'").format(sha=sha[:12]))
            try:
                raw = base64.b64decode(encoded, validate=True)
            except ValueError:
                raise r.fail(tr("isi berkas bukti {sha} bukan base64").format(sha=sha[:12])) \
                    from None
            if hashlib.sha256(raw).hexdigest() != sha:
                raise r.fail(tr("isi berkas bukti {sha} tidak cocok dengan SHA-256")
                             .format(sha=sha[:12]))
            Blob.create(sha256=sha, size=len(raw), data=raw)
        Evidence.create(**r.book(ed, "evidence"), indicator=ind, month=_month(r, ed),
                        filename=r.get(ed, "filename", str), mime=r.get(ed, "mime", str, ""),
                        size=r.get(ed, "size", int), sha256=sha, note=r.get(ed, "note", str, ""))
