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

from peewee import chunked

from rbdesk.i18n import tr
from rbdesk.models.domain.hierarchy import CHILD, LEVELS, PLAN
from rbdesk.models.domain.text_rules import check_year
from rbdesk.models.errors import InvalidInput, YearTaken
from rbdesk.models.storage.query_rows import as_dicts, as_tuples
from rbdesk.models.storage.schema import Membership, Person, Plan, Team
from rbdesk.models.storage.store import INSERT_BATCH, Store, Tx, new_uuid

# Decree texts that name the plan's own year (its title, the "MEMUTUSKAN" heading, the decisions
# and the attachment headings). The considerations and legal bases cite other regulations by
# their own years and are left as they are, except a consideration that names this decree
# itself ("… perlu menetapkan Keputusan … tentang <title>"): that one follows the title.
_YEAR_TEXTS = ("title", "decided")
# Ids per "IN (...)" list: well under SQLite's limit of bound variables per statement.
ID_BATCH = 500


@dataclass(frozen=True)
class CopyOptions:
    keep_months: bool = True
    keep_notes: bool = True


def _with_year(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)


def _year_free(text: str) -> str:
    """``text`` compared loosely: case and spacing ignored, every year alike, no end stop."""
    text = re.sub(r"(?<!\d)\d{4}(?!\d)", "#", " ".join(text.split()).lower())
    return text.rstrip(" .;,:")


def _names_the_decree(text: str, title: str) -> bool:
    """Whether a consideration cites this decree by its title (in any year)."""
    wanted = _year_free(title)
    return bool(wanted) and wanted in _year_free(text)


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
    title = decree.get("title")
    for entry in out.get("considerations") or []:
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("text"), str)
            and isinstance(title, str)
            and _names_the_decree(entry["text"], title)
        ):
            entry["text"] = _with_year(entry["text"], old, new)
    for entry in out.get("decisions") or []:
        if isinstance(entry, dict):
            if isinstance(entry.get("text"), str):
                entry["text"] = _with_year(entry["text"], old, new)
            if isinstance(entry.get("items"), list):
                entry["items"] = [
                    _with_year(i, old, new) if isinstance(i, str) else i for i in entry["items"]
                ]
    titles = out.get("attachment_titles")
    if isinstance(titles, dict):
        out["attachment_titles"] = {
            k: _with_year(v, old, new) if isinstance(v, str) else v for k, v in titles.items()
        }
    return out


def plans_of_year(store: Store, year: int, unit: str | None = None) -> list[tuple[str, str]]:
    """(uuid, unit) of the plans of ``year`` (of ``unit`` when given)."""
    with store.read():
        query = Plan.select(Plan.uuid, Plan.unit).where(Plan.is_live() & (Plan.year == year))
        if unit is not None:
            query = query.where(Plan.unit == unit)
        return [(p.uuid, p.unit) for p in query.order_by(Plan.unit, Plan.uuid)]


def copy_plan(
    store: Store,
    source_uuid: str,
    year: int,
    options: CopyOptions = CopyOptions(),
    *,
    allow_same_year: bool = False,
) -> str:
    """Make the plan of ``year`` from the plan ``source_uuid``; returns the new plan's uuid.

    Raises :class:`YearTaken` when the unit already has a plan for ``year``, unless
    ``allow_same_year`` (the user was asked and said yes).
    """
    if not check_year(year):
        raise InvalidInput(tr("Tahun {y} tidak masuk akal.").format(y=year))
    plan_uuid = new_uuid()
    with store.write(plan_uuid) as tx:
        source = Plan.live_by_uuid(
            source_uuid, tr("Rencana ini sudah dihapus atau tidak ada lagi.")
        )
        taken = (
            Plan.select()
            .where(Plan.is_live() & (Plan.unit == source.unit) & (Plan.year == year))
            .exists()
        )
        if taken and not allow_same_year:
            raise YearTaken(
                tr("{unit} sudah mempunyai Rencana Aksi tahun {year}.").format(
                    unit=source.unit, year=year
                )
            )
        plan = Plan(
            uuid=plan_uuid,
            unit=source.unit,
            year=year,
            title=_with_year(source.title, source.year, year),
            decree=next_year_decree(source.decree or {}, source.year, year),
            settings=copy.deepcopy(source.settings or {}),
            level_names=list(source.level_names or []),
        )
        tx.insert(plan)
        tx.log("plan", plan_uuid, "create", "year", None, year)
        tx.log("plan", plan_uuid, "copy", "plan", source.uuid, plan_uuid)
        # The new teams' uuids are chosen first, so that an indicator whose penanggung jawab is a
        # team of this plan links to the same team of the new plan.
        teams = {
            uuid: new_uuid()
            for (uuid,) in as_tuples(
                Team.select(Team.uuid).where((Team.plan == source.id) & Team.is_live())
            )
        }
        areas = _copy_tree(tx, source.id, plan.id, options, teams)
        _copy_roster(tx, source, plan, areas, teams)
        return plan_uuid


def _copy_tree(
    tx: Tx, source_id: int, plan_id: int, options: CopyOptions, teams: dict[str, str]
) -> dict[int, int]:
    """Copy the alive tree under the plan ``source_id`` to ``plan_id``, a level at a time with
    multi-row inserts (a 20,000-indicator plan must not freeze the window); returns the new id
    of each copied area by its old id."""
    parents = {source_id: plan_id}  # old id -> new id of the level above
    areas: dict[int, int] = {}
    kind = PLAN
    while (child := CHILD.get(kind)) is not None and parents:
        lv = LEVELS[child]
        model = lv.model
        parent_col = getattr(model, lv.parent)
        rows: list[dict[str, Any]] = []
        for ids in chunked(list(parents), ID_BATCH):
            rows.extend(as_dicts(model.select().where(parent_col.in_(ids) & model.is_live())))
        rows.sort(key=lambda r: (r[lv.parent], r["seq"], r["uuid"]))
        old_of: dict[str, int] = {}
        inserts: list[dict[str, Any]] = []
        log: list[tuple[str, str, str, str, Any, Any]] = []
        seq: dict[int, int] = {}
        for row in rows:
            uuid = new_uuid()
            old_of[uuid] = row["id"]
            text = row[lv.text_field]
            fields: dict[str, Any] = {
                lv.parent: parents[row[lv.parent]],
                "label": row["label"],
                lv.text_field: text,
                "seq": seq.setdefault(row[lv.parent], 0),
                "uuid": uuid,
                "updated_at": tx.at,
                "updated_by": tx.store.user,
                "version": 1,
                "deleted": False,
            }
            seq[row[lv.parent]] += 1
            # The schedule and the remarks, on the level that carries them.
            if "planned" in row:
                fields["planned"] = row["planned"] if options.keep_months else 0
            if "note" in row:
                fields["note"] = row["note"] if options.keep_notes else ""
            if "target" in row:
                # What the office wrote beside the indicator is next year's starting point too.
                for key in ("target", "target_unit", "responsible", "extra_columns"):
                    fields[key] = row[key]
                link = row["responsible_uuid"]
                fields["responsible_uuid"] = teams.get(link, link)
            inserts.append(fields)
            log.append((child, uuid, "create", lv.text_field, None, text))
        for chunk in chunked(inserts, INSERT_BATCH):
            model.insert_many(chunk).execute()
        tx.log_many(log)
        new_ids: dict[int, int] = {}
        for uuids in chunked(list(old_of), ID_BATCH):
            for new_id, uuid in as_tuples(
                model.select(model.id, model.uuid).where(model.uuid.in_(uuids))
            ):
                new_ids[old_of[uuid]] = new_id
        if kind == PLAN:
            areas = new_ids
        parents, kind = new_ids, child
    return areas


def _copy_roster(
    tx: Tx, source: Plan, plan: Plan, areas: dict[int, int], team_uuids: dict[str, str]
) -> None:
    teams = (
        Team.select().where((Team.plan == source.id) & Team.is_live()).order_by(Team.seq, Team.uuid)
    )
    for seq, team in enumerate(teams):
        new_team = Team(
            plan=plan,
            seq=seq,
            kind=team.kind,
            label=team.label,
            name=team.name,
            area=areas.get(team.area_id) if team.area_id else None,
            duties=copy.deepcopy(team.duties or []),
            uuid=team_uuids[team.uuid],
        )
        tx.insert(new_team)
        tx.log("team", new_team.uuid, "create", "name", None, team.name)
        members = (
            Membership.select(Membership, Person)
            .join(Person)
            .where((Membership.team == team.id) & Membership.is_live() & Person.is_live())
            .order_by(Membership.seq, Membership.uuid)
        )
        for m_seq, member in enumerate(members):
            new_member = Membership(
                team=new_team,
                person=member.person_id,
                seq=m_seq,
                role=member.role,
                position=member.position,
                uuid="",
            )
            tx.insert(new_member)
            tx.log("membership", new_member.uuid, "create", "person", None, member.person.name)
