"""Editing what offices write beside an indicator (target, satuan, penanggung jawab, kept
columns) and a plan's names of its levels.

Each edit is one short write transaction, version-checked like the other edits of the plan
(``plan_edit``), and logged field by field under the names ``change_labels`` reads.
"""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import (
    check_extra_columns,
    check_level_names,
    find_responsible,
)
from rbdesk.models.domain.text_rules import NAME_CHARS
from rbdesk.models.edits.plan_edit import plan_uuid_of
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import Indicator, Person, Plan, Team
from rbdesk.models.storage.store import Store, Tx

TEXT_FIELDS = ("target", "target_unit")


def _fail(what: str) -> InvalidInput:
    return InvalidInput(what[:1].upper() + what[1:] + ".")


def _short(value: str, what: str) -> str:
    value = " ".join(value.split())
    if len(value) > NAME_CHARS:
        raise InvalidInput(
            tr("{what} terlalu panjang ({n} karakter; batasnya {limit}).").format(
                what=what, n=len(value), limit=NAME_CHARS
            )
        )
    return value


def roster_link(plan_id: int, name: str) -> str:
    """The uuid of the live person, or else the live team of the plan ``plan_id``, that
    ``name`` names; "" when none does, or several do. Call inside a read or write."""
    persons = as_tuples(Person.live(Person.uuid, Person.name))
    if found := find_responsible(name, persons):
        return found
    teams = as_tuples(Team.live(Team.uuid, Team.name).where(Team.plan == plan_id))
    return find_responsible(name, teams)


def _plan_id_of(tx: Tx, row: Indicator) -> int:
    tx.plan_uuid = plan_uuid_of("indicator", row)
    return int(Plan.select(Plan.id).where(Plan.uuid == tx.plan_uuid).scalar())


def set_indicator_fields(
    store: Store,
    uuid: str,
    changes: dict[str, Any],
    expected_version: int | None = None,
) -> int:
    """Set some of ``target``, ``target_unit``, ``responsible`` (a name: linked to the roster
    person or team it names) and ``extra_columns`` (ordered [name, value] pairs) of one
    indicator; returns its new version. Unchanged values are not written or logged."""
    unknown = set(changes) - {*TEXT_FIELDS, "responsible", "extra_columns"}
    if unknown:
        raise InvalidInput(tr("Kolom '{f}' tidak dapat diubah.").format(f=sorted(unknown)[0]))
    with store.write() as tx:
        row = Indicator.live_by_uuid(uuid, tr("Indikator ini sudah dihapus atau tidak ada lagi."))
        plan_id = _plan_id_of(tx, row)
        new: dict[str, Any] = {}
        if "target" in changes:
            new["target"] = _short(str(changes["target"]), tr("Target"))
        if "target_unit" in changes:
            new["target_unit"] = _short(str(changes["target_unit"]), tr("Satuan"))
        if "responsible" in changes:
            name = _short(str(changes["responsible"]), tr("Penanggung jawab"))
            new["responsible"] = name
            new["responsible_uuid"] = roster_link(plan_id, name) if name else ""
        if "extra_columns" in changes:
            new["extra_columns"] = check_extra_columns(changes["extra_columns"], _fail)
        new = {k: v for k, v in new.items() if getattr(row, k) != v}
        if not new:
            return int(row.version)
        version = tx.bump(Indicator, uuid, expected_version, **new)
        for key, value in new.items():
            if key == "responsible_uuid" and "responsible" in new:
                continue  # the name's entry says it: a merge takes name and link as one
            tx.log("indicator", uuid, "update", key, getattr(row, key), value)
        return version


def set_level_names(
    store: Store, plan_uuid: str, names: list[str], expected_version: int | None = None
) -> int:
    """Give the plan its own names of its four levels ([] for the defaults); returns the plan's
    new version."""
    clean = check_level_names(list(names), _fail)
    with store.write(plan_uuid) as tx:
        plan = Plan.live_by_uuid(plan_uuid, tr("Rencana ini sudah dihapus atau tidak ada lagi."))
        old = list(plan.level_names or [])
        if old == clean:
            return int(plan.version)
        version = tx.bump(Plan, plan_uuid, expected_version, level_names=clean)
        tx.log("plan", plan_uuid, "update", "level_names", old, clean)
        return version
