"""Editing the plan tree: add, rename, reorder, move, delete and restore nodes; planned months.

Every operation is one short write transaction that writes the change log. Callers pass the
``version`` they showed the user; an edit on a row changed meanwhile raises ``ConflictError``.
"""

from __future__ import annotations

from typing import Any

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.change_labels import JSON_FIELDS, plain_value
from rbdesk.models.domain.hierarchy import CHILD, LEVELS, PLAN, Level, level
from rbdesk.models.domain.months import (
    is_planned,
    with_month,
)
from rbdesk.models.domain.road_map import STANDARD_AREAS
from rbdesk.models.domain.text_rules import check_year
from rbdesk.models.errors import ConflictError, InvalidInput, NotFoundError
from rbdesk.models.storage.schema import ChangeLog, Indicator, Plan, Row
from rbdesk.models.storage.store import Store, Tx

EDITABLE_FIELDS = {"label", "name", "text", "note"}


def _get(model: type[Row], uuid: str) -> Any:
    return model.live_by_uuid(uuid, tr("Baris ini sudah dihapus atau tidak ada lagi."))


def plan_uuid_of(entity: str, row: Row) -> str:
    """Walk up to the plan, for the change log (a handful of primary-key lookups)."""
    node: Any = row
    name = entity
    while name != "plan":
        lv = LEVELS[name]
        node = getattr(node, lv.parent)
        name = lv.parent
    return node.uuid


def _siblings(lv: Level, parent_id: int) -> list[Any]:
    model = lv.model
    parent_col = getattr(model, lv.parent)
    return list(
        model.select()
        .where((parent_col == parent_id) & model.is_live())
        .order_by(model.seq, model.uuid)
    )


def _renumber(tx: Tx, lv: Level, rows: list[Any]) -> None:
    """Give siblings consecutive seq; only rows whose seq changes are stamped."""
    for seq, row in enumerate(rows):
        if row.seq != seq:
            tx.bump(lv.model, row.uuid, None, seq=seq)


def add_node(
    store: Store,
    entity: str,
    parent_uuid: str,
    text: str = "",
    index: int | None = None,
) -> str:
    """Insert a node under its parent at ``index`` (end when None); returns the new uuid.

    A new sub-activity gets its one unnamed indicator, so it still carries a schedule.
    """
    lv = level(entity)
    with store.write() as tx:
        parent = _get(lv.parent_model, parent_uuid)
        tx.plan_uuid = parent.uuid if lv.parent_model is Plan else plan_uuid_of(lv.parent, parent)
        siblings = _siblings(lv, parent.id)
        pos = len(siblings) if index is None else max(0, min(index, len(siblings)))
        row = lv.model(
            **{
                lv.parent: parent,
                "seq": pos,
                "label": "",
                lv.text_field: text,
                "uuid": "",
            }
        )
        tx.insert(row)
        siblings.insert(pos, row)
        _renumber(tx, lv, siblings)
        tx.log(entity, row.uuid, "create", lv.text_field, None, text)
        if entity == "sub_activity":
            ind = Indicator(sub_activity=row, seq=0, text="")
            tx.insert(ind)
            tx.log("indicator", ind.uuid, "create", "text", None, "")
        return row.uuid


def set_field(
    store: Store,
    entity: str,
    uuid: str,
    field: str,
    value: str,
    expected_version: int | None = None,
) -> int:
    """Rename / relabel / edit the remark of a node; returns the new version."""
    lv = level(entity)
    if field not in EDITABLE_FIELDS or not hasattr(lv.model, field):
        raise InvalidInput(tr("Kolom '{f}' tidak dapat diubah.").format(f=field))
    with store.write() as tx:
        row = _get(lv.model, uuid)
        tx.plan_uuid = plan_uuid_of(entity, row)
        old = getattr(row, field)
        version = tx.bump(lv.model, uuid, expected_version, **{field: value})
        tx.log(entity, uuid, "update", field, old, value)
        return version


def move_within(store: Store, entity: str, uuid: str, delta: int) -> bool:
    """Move a node up (delta < 0) or down among its siblings; False when already at the edge."""
    lv = level(entity)
    with store.write() as tx:
        row = _get(lv.model, uuid)
        tx.plan_uuid = plan_uuid_of(entity, row)
        siblings = _siblings(lv, getattr(row, lv.parent + "_id"))
        index = next(i for i, s in enumerate(siblings) if s.uuid == uuid)
        target = index + delta
        if target < 0 or target >= len(siblings) or delta == 0:
            return False
        siblings.insert(target, siblings.pop(index))
        _renumber(tx, lv, siblings)
        tx.log(entity, uuid, "move", "seq", index, target)
        return True


def reparent(
    store: Store, entity: str, uuid: str, new_parent_uuid: str, index: int | None = None
) -> None:
    """Move a node under another parent of the right level (drag and drop, indent/outdent)."""
    lv = level(entity)
    with store.write() as tx:
        row = _get(lv.model, uuid)
        new_parent = _get(lv.parent_model, new_parent_uuid)
        tx.plan_uuid = plan_uuid_of(entity, row)
        old_parent_id = getattr(row, lv.parent + "_id")
        old_parent_uuid = lv.parent_model.get_by_id(old_parent_id).uuid
        if old_parent_id == new_parent.id:
            siblings = [s for s in _siblings(lv, new_parent.id) if s.uuid != uuid]
        else:
            siblings = _siblings(lv, new_parent.id)
            tx.bump(lv.model, uuid, None, **{lv.parent: new_parent.id})
            _renumber(tx, lv, _siblings(lv, old_parent_id))
            row = lv.model.get_by_id(row.id)
        pos = len(siblings) if index is None else max(0, min(index, len(siblings)))
        siblings.insert(pos, row)
        _renumber(tx, lv, siblings)
        tx.log(entity, uuid, "move", lv.parent, old_parent_uuid, new_parent_uuid)


def _descendants(entity: str, row: Any) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    child = CHILD.get(entity)
    if child is None:
        return out
    lv = LEVELS[child]
    for c in lv.model.select().where(getattr(lv.model, lv.parent) == row.id):
        out.append((child, c))
        out.extend(_descendants(child, c))
    return out


def delete_node(
    store: Store, entity: str, uuid: str, expected_version: int | None = None
) -> list[str]:
    """Tombstone a node and its still-alive descendants; returns every uuid tombstoned."""
    lv = level(entity)
    with store.write() as tx:
        row = _get(lv.model, uuid)
        tx.plan_uuid = plan_uuid_of(entity, row)
        tx.bump(lv.model, uuid, expected_version, deleted=True)
        tx.log(entity, uuid, "delete", lv.text_field, getattr(row, lv.text_field), None)
        gone = [uuid]
        for child_entity, child in _descendants(entity, row):
            if not child.deleted:
                tx.bump(LEVELS[child_entity].model, child.uuid, None, deleted=True)
                tx.log(child_entity, child.uuid, "delete")
                gone.append(child.uuid)
        _renumber(tx, lv, _siblings(lv, getattr(row, lv.parent + "_id")))
        return gone


def restore_nodes(store: Store, entity: str, uuids: list[str], index: int | None = None) -> None:
    """Undo of a delete: bring back exactly the rows that delete tombstoned, at their place."""
    lv = level(entity)
    with store.write() as tx:
        head = lv.model.get_or_none(lv.model.uuid == uuids[0])
        if head is None:
            raise NotFoundError(tr("Baris ini tidak ada lagi."))
        tx.plan_uuid = plan_uuid_of(entity, head)
        wanted = set(uuids)
        for child_entity, row in [(entity, head), *_descendants(entity, head)]:
            if row.uuid in wanted and row.deleted:
                tx.bump(LEVELS[child_entity].model, row.uuid, None, deleted=False)
                tx.log(child_entity, row.uuid, "restore")
        siblings = [
            s for s in _siblings(lv, getattr(head, lv.parent + "_id")) if s.uuid != head.uuid
        ]
        pos = len(siblings) if index is None else max(0, min(index, len(siblings)))
        siblings.insert(pos, lv.model.get_by_id(head.id))
        _renumber(tx, lv, siblings)


def set_planned(
    store: Store,
    indicator_uuid: str,
    month: int,
    planned: bool,
    expected_version: int | None = None,
) -> int:
    """Plan or unplan one month of an indicator; returns the indicator's new version."""
    if not 1 <= month <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=month))
    with store.write() as tx:
        ind = _get(Indicator, indicator_uuid)
        tx.plan_uuid = plan_uuid_of("indicator", ind)
        mask = with_month(ind.planned, month, planned)
        version = tx.bump(Indicator, indicator_uuid, expected_version, planned=mask)
        tx.log(
            "indicator",
            indicator_uuid,
            "update",
            f"planned[{month}]",
            int(is_planned(ind.planned, month)),
            int(planned),
        )
        return version


def add_plan(
    store: Store,
    unit: str,
    year: int,
    title: str = "",
    decree: dict[str, Any] | None = None,
    *,
    standard_areas: bool = False,
) -> str:
    """A new plan; empty, or with the eight change areas of the road map and no activities."""
    if not unit.strip():
        raise InvalidInput(tr("Nama satuan kerja tidak boleh kosong."))
    if not check_year(year):
        raise InvalidInput(tr("Tahun {y} tidak masuk akal.").format(y=year))
    with store.write() as tx:
        plan = Plan(unit=unit, year=year, title=title, decree=decree or {}, settings={}, uuid="")
        tx.insert(plan)
        tx.plan_uuid = plan.uuid
        tx.log("plan", plan.uuid, "create", "year", None, year)
        lv = LEVELS[CHILD[PLAN]]
        for seq, (label, name) in enumerate(STANDARD_AREAS if standard_areas else ()):
            row = lv.model(
                **{lv.parent: plan, "seq": seq, "label": label, lv.text_field: name, "uuid": ""}
            )
            tx.insert(row)
            tx.log(lv.name, row.uuid, "create", lv.text_field, None, name)
        return plan.uuid


def update_plan(
    store: Store, plan_uuid: str, expected_version: int | None = None, **fields: Any
) -> int:
    """Change unit, year, title, decree or settings of a plan."""
    allowed = {"unit", "year", "title", "decree", "settings"}
    if not set(fields) <= allowed:
        raise InvalidInput(
            tr("Kolom rencana tidak dikenal: {f}").format(
                f=", ".join(sorted(set(fields) - allowed))
            )
        )
    with store.write(plan_uuid) as tx:
        plan = _get(Plan, plan_uuid)
        changes = {k: v for k, v in fields.items() if getattr(plan, k) != v}
        if not changes:
            return plan.version
        version = tx.bump(Plan, plan_uuid, expected_version, **changes)
        for key, value in changes.items():
            if key in JSON_FIELDS:
                log_object_change(tx, plan_uuid, key, getattr(plan, key), value)
            else:
                tx.log("plan", plan_uuid, "update", key, getattr(plan, key), value)
        return version


def log_object_change(
    tx: Tx, plan_uuid: str, name: str, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> None:
    """Log a decree or settings edit key by key ("decree.number", old and new as readable
    text): one changed key is one short entry in Riwayat, and a merge can tell which keys each
    copy changed (merge_decisions) instead of seeing one opaque object."""
    old, new = old or {}, new or {}
    tx.plan_uuid = tx.plan_uuid or plan_uuid
    tx.log_many(
        [
            (
                "plan",
                plan_uuid,
                "update",
                f"{name}.{key}",
                plain_value(old[key]) if key in old else None,
                plain_value(new[key]) if key in new else None,
            )
            for key in dict.fromkeys([*old, *new])
            if old.get(key) != new.get(key)
        ]
    )


def log_decree_change(
    tx: Tx, plan_uuid: str, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> None:
    """The change-log entries of a decree edit, for a caller that writes the decree itself."""
    log_object_change(tx, plan_uuid, "decree", old, new)


def change_mark(store: Store) -> int:
    """Where the change log stands now: :func:`delete_plan` can then tell what came after."""
    with store.read():
        return int(ChangeLog.select(ChangeLog.id).order_by(ChangeLog.id.desc()).scalar() or 0)


def _others_since(store: Store, plan_uuid: str, mark: int) -> ChangeLog | None:
    """The first change to the plan after ``mark`` made by someone else (another user, or the
    same name on another PC)."""
    return (
        ChangeLog.select()
        .where(
            (ChangeLog.plan_uuid == plan_uuid)
            & (ChangeLog.id > mark)
            & ~((ChangeLog.user == store.user) & (ChangeLog.host == store.host))
        )
        .order_by(ChangeLog.id)
        .first()
    )


def delete_plan(
    store: Store,
    plan_uuid: str,
    expected_version: int | None = None,
    untouched_since: int | None = None,
) -> None:
    """Tombstone a whole plan (one made by mistake); its rows stay, unreachable, for undo and
    for merging copies. ``untouched_since`` (a :func:`change_mark`) is for undoing the plan's
    making: a colleague who has worked in it since then would lose that work from sight, so it
    is refused."""
    with store.write(plan_uuid) as tx:
        plan = _get(Plan, plan_uuid)
        if (
            untouched_since is not None
            and (other := _others_since(store, plan_uuid, untouched_since)) is not None
        ):
            raise ConflictError(
                tr(
                    "Rencana Aksi {year} tidak dihapus: {who} sudah mengubahnya pada {when}. "
                    "Bila rencana itu memang tidak diperlukan, hapus dengan Berkas → Hapus "
                    "rencana aksi ini."
                ).format(year=plan.year, who=other.user, when=clock.local_time(other.at)),
                changed_by=other.user,
                changed_at=other.at,
            )
        tx.bump(Plan, plan_uuid, expected_version, deleted=True)
        tx.log("plan", plan_uuid, "delete", "title", f"{plan.year} {plan.unit}", None)


def restore_plan(store: Store, plan_uuid: str) -> None:
    """Undo of :func:`delete_plan`."""
    with store.write(plan_uuid) as tx:
        row = Plan.get_or_none(Plan.uuid == plan_uuid)
        if row is None:
            raise NotFoundError(tr("Rencana ini tidak ada lagi."))
        tx.bump(Plan, plan_uuid, None, deleted=False)
        tx.log("plan", plan_uuid, "restore", "deleted", True, False)
