"""Next year's plan from this year's: a copy of a plan's tree and roster, in the same file.

The copy gets new uuids throughout. Planned months and remarks are kept or cleared as asked;
realisation and evidence never come along (they belong to the year that did the work). The
roster comes along: the same persons, the teams copied with their memberships, and each team's
area pointing at the copied area. The decree is carried with its year replaced and its number
and date emptied, so the new plan is a draft until they are filled. One write transaction, in
the change log; undo is :func:`plan_edit.delete_plan` of the new plan.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import CHILD, LEVELS, PLAN
from rbdesk.models.domain.text_rules import check_year
from rbdesk.models.errors import InvalidInput, NotFoundError, YearTaken
from rbdesk.models.storage.schema import Membership, Person, Plan, Row, Team
from rbdesk.models.storage.store import Store, Tx, new_uuid

# Decree texts that name the plan's own year (its title, the "MEMUTUSKAN" heading, the decisions
# and the attachment headings). The considerations and legal bases cite other regulations by
# their own years and are left as they are.
_YEAR_TEXTS = ("title", "decided")


@dataclass(frozen=True)
class CopyOptions:
    keep_months: bool = True
    keep_notes: bool = True


def _alive(model: Any) -> Any:
    return model.deleted == False  # noqa: E712


def _with_year(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def next_year_decree(decree: dict[str, Any], old: int, new: int) -> dict[str, Any]:
    """The decree carried to ``new``: the year replaced where it names the plan's year, the
    number and date left empty to be filled."""
    out = copy.deepcopy(decree)
    if not out:
        return out
    out["year"] = new
    out["number"] = ""
    out["date"] = ""
    for key in _YEAR_TEXTS:
        if isinstance(out.get(key), str):
            out[key] = _with_year(out[key], old, new)
    for entry in out.get("decisions") or []:
        if isinstance(entry, dict):
            if isinstance(entry.get("text"), str):
                entry["text"] = _with_year(entry["text"], old, new)
            if isinstance(entry.get("items"), list):
                entry["items"] = [_with_year(i, old, new) if isinstance(i, str) else i
                                  for i in entry["items"]]
    titles = out.get("attachment_titles")
    if isinstance(titles, dict):
        out["attachment_titles"] = {k: _with_year(v, old, new) if isinstance(v, str) else v
                                    for k, v in titles.items()}
    return out


def plans_of_year(store: Store, year: int, unit: str | None = None) -> list[tuple[str, str]]:
    """(uuid, unit) of the plans of ``year`` (of ``unit`` when given)."""
    with store.read():
        query = Plan.select(Plan.uuid, Plan.unit).where(_alive(Plan) & (Plan.year == year))
        if unit is not None:
            query = query.where(Plan.unit == unit)
        return [(p.uuid, p.unit) for p in query.order_by(Plan.unit, Plan.uuid)]


def copy_plan(store: Store, source_uuid: str, year: int,
              options: CopyOptions = CopyOptions(), *, allow_same_year: bool = False) -> str:
    """Make the plan of ``year`` from the plan ``source_uuid``; returns the new plan's uuid.

    Raises :class:`YearTaken` when the unit already has a plan for ``year``, unless
    ``allow_same_year`` (the user was asked and said yes).
    """
    if not check_year(year):
        raise InvalidInput(tr("Tahun {y} tidak masuk akal.").format(y=year))
    plan_uuid = new_uuid()
    with store.write(plan_uuid) as tx:
        source = Plan.get_or_none((Plan.uuid == source_uuid) & _alive(Plan))
        if source is None:
            raise NotFoundError(tr("Rencana ini sudah dihapus atau tidak ada lagi."))
        taken = Plan.select().where(_alive(Plan) & (Plan.unit == source.unit)
                                    & (Plan.year == year)).exists()
        if taken and not allow_same_year:
            raise YearTaken(tr("{unit} sudah mempunyai Rencana Aksi tahun {year}.").format(
                unit=source.unit, year=year))
        plan = Plan(uuid=plan_uuid, unit=source.unit, year=year,
                    title=_with_year(source.title, source.year, year),
                    decree=next_year_decree(source.decree or {}, source.year, year),
                    settings=copy.deepcopy(source.settings or {}))
        tx.stamp(plan, new=True)
        plan.save(force_insert=True)
        tx.log("plan", plan_uuid, "create", "year", None, year)
        tx.log("plan", plan_uuid, "copy", "plan", source.uuid, plan_uuid)
        areas: dict[int, Row] = {}
        _copy_children(tx, PLAN, source.id, plan, options, areas)
        _copy_roster(tx, source, plan, areas)
        return plan_uuid


def _copy_children(tx: Tx, kind: str, source_id: int, parent: Row, options: CopyOptions,
                   areas: dict[int, Row]) -> None:
    """Copy the alive children of the ``kind`` row ``source_id`` under ``parent``, depth first."""
    child = CHILD.get(kind)
    if child is None:
        return
    lv = LEVELS[child]
    model = lv.model
    query = model.select().where((getattr(model, lv.parent) == source_id) & _alive(model))
    rows: list[Any] = list(query.order_by(model.seq, model.uuid))
    for seq, row in enumerate(rows):
        fields: dict[str, Any] = {lv.parent: parent, "seq": seq, "label": row.label,
                                  lv.text_field: getattr(row, lv.text_field), "uuid": ""}
        # The schedule and the remarks, on the level that carries them.
        if hasattr(model, "planned"):
            fields["planned"] = row.planned if options.keep_months else 0
        if hasattr(model, "note"):
            fields["note"] = row.note if options.keep_notes else ""
        new = model(**fields)
        tx.stamp(new, new=True)
        new.save(force_insert=True)
        tx.log(child, new.uuid, "create", lv.text_field, None, fields[lv.text_field])
        if kind == PLAN:
            areas[row.id] = new
        _copy_children(tx, child, row.id, new, options, areas)


def _copy_roster(tx: Tx, source: Plan, plan: Plan, areas: dict[int, Row]) -> None:
    teams = Team.select().where((Team.plan == source.id) & _alive(Team)).order_by(Team.seq,
                                                                                 Team.uuid)
    for seq, team in enumerate(teams):
        new_team = Team(plan=plan, seq=seq, kind=team.kind, label=team.label, name=team.name,
                        area=areas.get(team.area_id) if team.area_id else None,
                        duties=copy.deepcopy(team.duties or []), uuid="")
        tx.stamp(new_team, new=True)
        new_team.save(force_insert=True)
        tx.log("team", new_team.uuid, "create", "name", None, team.name)
        members = (Membership.select(Membership, Person).join(Person)
                   .where((Membership.team == team.id) & _alive(Membership) & _alive(Person))
                   .order_by(Membership.seq, Membership.uuid))
        for m_seq, member in enumerate(members):
            new_member = Membership(team=new_team, person=member.person_id, seq=m_seq,
                                    role=member.role, position=member.position, uuid="")
            tx.stamp(new_member, new=True)
            new_member.save(force_insert=True)
            tx.log("membership", new_member.uuid, "create", "person", None,
                   member.person.name)
