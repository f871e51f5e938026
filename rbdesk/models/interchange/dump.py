"""Writing the dump document (docs/FORMAT.md): the whole file's current state as plain JSON.

Each table is read once and grouped in Python; walking the tree with a query per node costs tens
of thousands of queries on a large plan.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.months import months_from_mask
from rbdesk.models.errors import DamagedFile
from rbdesk.models.interchange.load import FORMAT, FORMAT_VERSION
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import (
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


def _book(row: Row) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "updated_at": row.updated_at,
        "updated_by": row.updated_by,
        "version": row.version,
    }


def _alive_by(model: type[Row], parent: str, *order: Any) -> dict[int, list[Any]]:
    """Alive rows of a table grouped by their parent's id, in the dump's ``order``."""
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in model.live().order_by(*order):
        grouped[getattr(row, parent + "_id")].append(row)
    return grouped


def dump_data(store: Store) -> dict[str, Any]:
    """The bound file as a JSON-ready dict (current state; tombstones and change log left out)."""
    with store.read():
        persons_rows = list(Person.live().order_by(Person.name, Person.uuid))
        person_uuid = {p.id: p.uuid for p in persons_rows}
        areas = _alive_by(Area, "plan", Area.seq, Area.uuid)
        activities = _alive_by(Activity, "area", Activity.seq, Activity.uuid)
        subs = _alive_by(SubActivity, "activity", SubActivity.seq, SubActivity.uuid)
        indicators = _alive_by(Indicator, "sub_activity", Indicator.seq, Indicator.uuid)
        realisations = _alive_by(Realisation, "indicator", Realisation.month, Realisation.id)
        evidence = _alive_by(
            Evidence, "indicator", Evidence.month, Evidence.updated_at, Evidence.uuid
        )
        teams = _alive_by(Team, "plan", Team.seq, Team.uuid)
        members = _alive_by(Membership, "team", Membership.seq, Membership.uuid)
        area_uuid: dict[int, str] = {}
        wanted_blobs: set[str] = set()

        def indicator(ind: Indicator) -> dict[str, Any]:
            files = evidence.get(ind.id, [])
            wanted_blobs.update(e.sha256 for e in files)
            return {
                **_book(ind),
                "label": ind.label,
                "text": ind.text,
                "planned_months": months_from_mask(ind.planned),
                "note": ind.note,
                "target": ind.target,
                "target_unit": ind.target_unit,
                "responsible": ind.responsible,
                "responsible_uuid": ind.responsible_uuid,
                "extra_columns": [list(pair) for pair in ind.extra_columns or []],
                "realisation": [
                    {
                        **_book(r),
                        "month": r.month,
                        "status": r.status,
                        "note": r.note,
                        "review_state": r.review_state,
                        "reviewed_by": r.reviewed_by,
                        "reviewed_at": r.reviewed_at,
                        "review_note": r.review_note,
                    }
                    for r in realisations.get(ind.id, [])
                ],
                "evidence": [
                    {
                        **_book(e),
                        "month": e.month,
                        "filename": e.filename,
                        "mime": e.mime,
                        "size": e.size,
                        "sha256": e.sha256,
                        "note": e.note,
                    }
                    for e in files
                ],
            }

        def area(a: Area) -> dict[str, Any]:
            area_uuid[a.id] = a.uuid
            return {
                **_book(a),
                "label": a.label,
                "name": a.name,
                "activities": [
                    {
                        **_book(c),
                        "label": c.label,
                        "name": c.name,
                        "sub_activities": [
                            {
                                **_book(s),
                                "label": s.label,
                                "name": s.name,
                                "indicators": [indicator(i) for i in indicators.get(s.id, [])],
                            }
                            for s in subs.get(c.id, [])
                        ],
                    }
                    for c in activities.get(a.id, [])
                ],
            }

        def team(t: Team) -> dict[str, Any]:
            return {
                **_book(t),
                "kind": t.kind,
                "label": t.label,
                "name": t.name,
                "area": area_uuid.get(t.area_id) if t.area_id else None,
                "duties": list(t.duties or []),
                # A membership whose person was deleted is not shown anywhere, so not dumped.
                "members": [
                    {
                        **_book(m),
                        "person": person_uuid[m.person_id],
                        "role": m.role,
                        "position": m.position,
                    }
                    for m in members.get(t.id, [])
                    if m.person_id in person_uuid
                ],
            }

        plans = []
        for plan in Plan.live().order_by(Plan.year, Plan.unit, Plan.uuid):
            plan_areas = [area(a) for a in areas.get(plan.id, [])]
            plans.append(
                {
                    **_book(plan),
                    "unit": plan.unit,
                    "year": plan.year,
                    "title": plan.title,
                    "decree": plan.decree or {},
                    "settings": plan.settings or {},
                    "level_names": list(plan.level_names or []),
                    "areas": plan_areas,
                    "teams": [team(t) for t in teams.get(plan.id, [])],
                }
            )
        blobs: dict[str, str] = {}
        wanted = sorted(wanted_blobs)
        for start in range(0, len(wanted), 500):
            for sha, data in as_tuples(
                Blob.select(Blob.sha256, Blob.data).where(
                    Blob.sha256.in_(wanted[start : start + 500])
                )
            ):
                blobs[sha] = base64.b64encode(bytes(data)).decode("ascii")
        missing = sorted(wanted_blobs - blobs.keys())
        if missing:
            # `load` refuses evidence without its bytes: such a dump would be a useless backup.
            raise DamagedFile(
                tr(
                    "Berkas {name}: {n} bukti dukung tidak punya isi berkasnya ({sha}…); dump "
                    "tidak dibuat karena tidak akan dapat dimuat kembali. Periksa dengan rbdesk "
                    "check dan pulihkan dari cadangan."
                ).format(name=store.path.name, n=len(missing), sha=missing[0][:12])
            )
        persons = [
            {
                **_book(p),
                "name": p.name,
                "position": p.position,
                "unit": p.unit,
                "nip": p.nip,
                "reviewer": bool(p.reviewer),
            }
            for p in persons_rows
        ]
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "persons": persons,
            "plans": plans,
            "blobs": dict(sorted(blobs.items())),
        }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
