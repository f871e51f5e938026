"""Small reads the window needs between full snapshot loads (one indicator after an edit, the
children of one node after a structural edit)."""

from __future__ import annotations

from typing import Any

from peewee import fn

from rbdesk.models.domain.hierarchy import LEVELS, ORDER
from rbdesk.models.domain.tree import (
    CELL_COLUMNS,
    INDICATOR_COLUMNS,
    WRITTEN_COLUMNS,
    Cell,
    IndicatorNode,
    gc_paused,
    with_written,
)
from rbdesk.models.storage.query_rows import as_tuples
from rbdesk.models.storage.schema import (
    Activity,
    Area,
    Evidence,
    Indicator,
    Plan,
    Realisation,
    Row,
    SubActivity,
    Team,
)
from rbdesk.models.storage.store import Store


def load_indicator(store: Store, uuid: str) -> IndicatorNode | None:
    """Fresh planned months, version, realisation and evidence counts of one indicator."""
    with store.read():
        row = (
            Indicator.select(Indicator.id, *INDICATOR_COLUMNS)
            .where((Indicator.uuid == uuid) & Indicator.is_live())
            .tuples()
            .first()
        )
        if row is None:
            return None
        ind_id, *fields = row
        node = with_written(IndicatorNode(*fields[:8]), fields[8:])
        for month, *cell in as_tuples(
            Realisation.select(*CELL_COLUMNS).where(
                (Realisation.indicator == ind_id) & Realisation.is_live()
            )
        ):
            node.realisation[month] = Cell(*cell)
        for (month,) in as_tuples(
            Evidence.select(Evidence.month).where(
                (Evidence.indicator == ind_id) & Evidence.is_live()
            )
        ):
            node.evidence[month] = node.evidence.get(month, 0) + 1
        return node


def child_rows(store: Store, kind: str, parent_uuid: str) -> list[tuple[str, int, str, str]]:
    """The live children (of level ``kind``) of one node, in order: uuid, version, updated_by,
    updated_at. A structural edit renumbers siblings, which bumps their versions."""
    with store.read():
        lv = LEVELS[kind]
        table, parent_col, parent_table = lv.model, getattr(lv.model, lv.parent), lv.parent_model
        return list(
            as_tuples(
                table.select(table.uuid, table.version, table.updated_by, table.updated_at)
                .join(parent_table, on=(parent_col == parent_table.id))
                .where((parent_table.uuid == parent_uuid) & table.is_live())
                .order_by(table.seq, table.uuid)
            )
        )


def load_subtree(store: Store, kind: str, uuid: str) -> Any:
    """One live node of the plan with everything below it, as snapshot objects (or None)."""
    with store.read(), gc_paused():
        return _load_subtree(kind, uuid)


def _load_subtree(kind: str, uuid: str) -> Any:
    head_table = LEVELS[kind].model
    ids: Any = head_table.select(head_table.id).where(
        (head_table.uuid == uuid) & head_table.is_live()
    )
    head = None
    parents: dict[int, Any] = {}
    for level in ORDER[ORDER.index(kind) :]:
        lv = LEVELS[level]
        table, cls = lv.model, lv.node
        text_col, parent_col = getattr(table, lv.text_field), getattr(table, lv.parent)
        extra = (Indicator.planned, Indicator.note) if level == "indicator" else ()
        tail = (table.updated_by, table.updated_at) if level == "indicator" else ()
        written = WRITTEN_COLUMNS if level == "indicator" else ()
        if level == kind:
            where = (table.uuid == uuid) & table.is_live()
        else:
            where = parent_col.in_(ids) & table.is_live()
        found: dict[int, Any] = {}
        for row_id, parent_id, *fields in as_tuples(
            table.select(
                table.id,
                parent_col,
                table.uuid,
                table.label,
                text_col,
                *extra,
                table.version,
                *tail,
                *written,
            )
            .where(where)
            .order_by(table.seq, table.uuid)
        ):
            obj = cls(*fields[: len(fields) - len(written)])
            if written:
                with_written(obj, fields[-len(written) :])
            if level == kind:
                head = obj
            elif parent_id in parents:
                getattr(parents[parent_id], lv.list_in_parent).append(obj)
            else:
                continue
            found[row_id] = obj
        if head is None:
            return None
        parents = found
        ids = table.select(table.id).where(where)
    inds = parents  # the last level read is the indicators
    for ind_id, month, *cell in as_tuples(
        Realisation.select(Realisation.indicator, *CELL_COLUMNS).where(
            Realisation.indicator.in_(ids) & Realisation.is_live()
        )
    ):
        if ind_id in inds:
            inds[ind_id].realisation[month] = Cell(*cell)
    for ind_id, month in as_tuples(
        Evidence.select(Evidence.indicator, Evidence.month).where(
            Evidence.indicator.in_(ids) & Evidence.is_live()
        )
    ):
        if ind_id in inds:
            ev = inds[ind_id].evidence
            ev[month] = ev.get(month, 0) + 1
    return head


def _alive_ids(model: type[Row]) -> Any:
    """Ids of ``model``'s rows that are shown: not deleted, nor under a deleted parent (the rows
    of a deleted plan stay in the file, undeleted themselves, but nobody sees them)."""
    alive = model.live(model.id)
    parents: dict[type[Row], tuple[Any, type[Row]]] = {
        Area: (Area.plan, Plan),
        Activity: (Activity.area, Area),
        SubActivity: (SubActivity.activity, Activity),
        Indicator: (Indicator.sub_activity, SubActivity),
        Evidence: (Evidence.indicator, Indicator),
        Team: (Team.plan, Plan),
    }
    parent = parents.get(model)
    if parent is None:
        return alive
    field, up = parent
    return alive.where(field.in_(_alive_ids(up)))


def alive_rows(store: Store, model: type[Row]) -> int:
    """How many rows of a table are shown: not deleted and not under a deleted plan, area,
    activity or indicator (for ``rbdesk check``)."""
    with store.read():
        return int(_alive_ids(model).count())


def written_counts(store: Store) -> tuple[int, int, int]:
    """How many shown indicators have a target (or satuan), a penanggung jawab, kept columns
    (for ``rbdesk check``)."""
    with store.read():
        shown = Indicator.id.in_(_alive_ids(Indicator))
        return (
            int(
                Indicator.select()
                .where(shown & ((Indicator.target != "") | (Indicator.target_unit != "")))
                .count()
            ),
            int(Indicator.select().where(shown & (Indicator.responsible != "")).count()),
            # kept columns are stored as "[]" when there are none
            int(Indicator.select().where(shown & (fn.LENGTH(Indicator.extra_columns) > 2)).count()),
        )
