"""Add a plan read from elsewhere (an Excel workbook) to an open file, all or nothing.

The plan dict has the dump format's plan shape without bookkeeping keys (docs/FORMAT.md): unit,
year, title, decree, settings, level_names, areas → activities → sub_activities → indicators
(with their target, satuan, penanggung jawab and kept columns). Every row gets a fresh uuid; one
change-log entry records the import. Teams are not imported (a workbook's roster names people,
not rbdesk persons); a penanggung jawab naming a person of the file is linked to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import (
    check_extra_columns,
    check_level_names,
    find_responsible,
)
from rbdesk.models.domain.months import mask_from_months
from rbdesk.models.domain.text_rules import (
    NAME_CHARS,
    TEXT_CHARS,
    check_year,
    clean_decree,
    clean_text,
)
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import Activity, Area, Indicator, Person, Plan, Row, SubActivity
from rbdesk.models.storage.store import Store, new_uuid

BATCH = 400


def _str(obj: dict[str, Any], key: str, where: str, limit: int = TEXT_CHARS) -> str:
    value = obj.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(
            tr("Rencana tidak valid di {where}: '{key}' harus teks.").format(where=where, key=key)
        )
    if len(value) > limit:
        raise InvalidInput(
            tr("Rencana tidak valid di {where}: '{key}' terlalu panjang.").format(
                where=where, key=key
            )
        )
    if key in obj:
        obj[key] = value = clean_text(value)
    return value


def _list(obj: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InvalidInput(
            tr("Rencana tidak valid di {where}: '{key}' harus daftar.").format(where=where, key=key)
        )
    return value


def _months(ind: dict[str, Any], where: str) -> int:
    months = ind.get("planned_months") or []
    if not isinstance(months, list) or not all(
        isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months
    ):
        raise InvalidInput(
            tr("Rencana tidak valid di {where}: bulan harus 1..12.").format(where=where)
        )
    return mask_from_months(months)


def _invalid(where: str) -> Callable[[str], InvalidInput]:
    return lambda what: InvalidInput(
        tr("Rencana tidak valid di {where}: {what}.").format(where=where, what=what)
    )


def validate(plan: dict[str, Any]) -> None:
    """Check ``plan`` and clean its text in place (control characters removed)."""
    if not isinstance(plan, dict):
        raise InvalidInput(tr("Rencana tidak valid: harus berupa objek."))
    year = plan.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not check_year(year):
        raise InvalidInput(tr("Rencana tidak valid: tahun '{y}' tidak sah.").format(y=year))
    for key in ("decree", "settings"):
        if not isinstance(plan.get(key) or {}, dict):
            raise InvalidInput(tr("Rencana tidak valid: '{key}' harus objek.").format(key=key))
    plan["decree"] = clean_decree(
        plan.get("decree") or {},
        lambda what: InvalidInput(tr("Rencana tidak valid: {what}.").format(what=what)),
    )
    _str(plan, "unit", "plan")
    _str(plan, "title", "plan")
    plan["level_names"] = check_level_names(plan.get("level_names") or [], _invalid("plan"))
    for ai, area in enumerate(_list(plan, "areas", "plan")):
        where = f"areas[{ai}]"
        _str(area, "label", where)
        _str(area, "name", where)
        for ci, act in enumerate(_list(area, "activities", where)):
            w2 = f"{where}.activities[{ci}]"
            _str(act, "label", w2)
            _str(act, "name", w2)
            for si, sub in enumerate(_list(act, "sub_activities", w2)):
                w3 = f"{w2}.sub_activities[{si}]"
                _str(sub, "label", w3)
                _str(sub, "name", w3)
                for ii, ind in enumerate(_list(sub, "indicators", w3)):
                    w4 = f"{w3}.indicators[{ii}]"
                    for key in ("label", "text", "note"):
                        _str(ind, key, w4)
                    for key in ("target", "target_unit", "responsible"):
                        _str(ind, key, w4, NAME_CHARS)
                    ind["extra_columns"] = check_extra_columns(
                        ind.get("extra_columns") or [], _invalid(w4)
                    )
                    _months(ind, w4)


def _create(
    model: type[Row], parent: dict[str, Row], seq: int, data: dict[str, Any], stamp: dict[str, Any]
) -> Row:
    """A new area, activity or sub-activity row under ``parent``."""
    return model.create(
        uuid=new_uuid(),
        **parent,
        seq=seq,
        label=data.get("label") or "",
        name=data.get("name") or "",
        **stamp,
    )


def import_plan(store: Store, plan: dict[str, Any], source: str = "", left_out: int = 0) -> str:
    """Insert ``plan`` as a new plan of the file; returns the new plan's uuid. ``source`` (the
    workbook's name) and ``left_out`` (cells the user agreed to leave out) go into the log."""
    validate(plan)
    plan_uuid = new_uuid()
    unit = plan.get("unit") or ""
    with store.write(plan_uuid) as tx:
        if not unit:
            other = Plan.live(Plan.unit).first()
            unit = other.unit if other else tr("Satuan kerja")
        stamp = {"updated_at": tx.at, "updated_by": store.user, "version": 1, "deleted": False}
        row = Plan.create(
            uuid=plan_uuid,
            unit=unit,
            year=plan["year"],
            title=plan.get("title") or "",
            decree=plan.get("decree") or {},
            settings=plan.get("settings") or {},
            level_names=plan.get("level_names") or [],
            **stamp,
        )
        # A penanggung jawab that names a person of the roster is linked to them; the teams
        # are the plan's own, and a new plan has none yet.
        persons = list(as_tuples(Person.live(Person.uuid, Person.name)))
        pending: list[dict[str, Any]] = []
        count = 0
        for ai, ad in enumerate(plan.get("areas") or []):
            area = _create(Area, {"plan": row}, ai, ad, stamp)
            for ci, cd in enumerate(ad.get("activities") or []):
                act = _create(Activity, {"area": area}, ci, cd, stamp)
                for si, sd in enumerate(cd.get("sub_activities") or []):
                    sub = _create(SubActivity, {"activity": act}, si, sd, stamp)
                    for ii, idd in enumerate(sd.get("indicators") or []):
                        pending.append(
                            {
                                "uuid": new_uuid(),
                                "sub_activity": sub.id,
                                "seq": ii,
                                "label": idd.get("label") or "",
                                "text": idd.get("text") or "",
                                "planned": _months(idd, ""),
                                "note": idd.get("note") or "",
                                "target": idd.get("target") or "",
                                "target_unit": idd.get("target_unit") or "",
                                "responsible": idd.get("responsible") or "",
                                "responsible_uuid": find_responsible(
                                    idd.get("responsible") or "", persons
                                ),
                                "extra_columns": idd.get("extra_columns") or [],
                                **stamp,
                            }
                        )
                        if len(pending) >= BATCH:
                            Indicator.insert_many(pending).execute()
                            count += len(pending)
                            pending = []
        if pending:
            Indicator.insert_many(pending).execute()
            count += len(pending)
        what = tr("{n} indikator diimpor dari Excel").format(n=count)
        if source:
            what += f" ({source})"
        if left_out:
            what += "; " + tr("{n} sel tidak ikut diimpor").format(n=left_out)
        tx.log("plan", plan_uuid, "import", new=what)
    return plan_uuid
