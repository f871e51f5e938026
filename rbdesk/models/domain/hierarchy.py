"""The plan hierarchy, defined once: area perubahan → kegiatan → sub kegiatan → indikator.

Each level names its table, the field that points to its parent, the field holding its text,
the snapshot class that carries it in memory, the attribute under which its parent keeps it,
and the name people read. Edits, reads, the change log and the window all walk these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.tree import ActivityNode, AreaNode, IndicatorNode, SubActivityNode
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.schema import Activity, Area, Indicator, Plan, SubActivity

PLAN = "plan"

# The tables of the levels, and of their parents: each has uuid, seq, label and its text field.
LevelModel: TypeAlias = type[Area] | type[Activity] | type[SubActivity] | type[Indicator]
ParentModel: TypeAlias = type[Plan] | type[Area] | type[Activity] | type[SubActivity]


@dataclass(frozen=True)
class Level:
    name: str  # "area" | "activity" | "sub_activity" | "indicator"
    model: LevelModel
    parent: str  # the parent level's name ("plan" for areas); also its FK field
    parent_model: ParentModel
    text_field: str  # "name", or "text" for indicators
    node: type  # the snapshot class (models.domain.tree)
    list_in_parent: str  # the parent snapshot's attribute holding these, e.g. "activities"
    title: str  # what people call it (mark only; translate with level_title)


LEVELS: dict[str, Level] = {
    "area": Level("area", Area, PLAN, Plan, "name", AreaNode, "areas", N_("Area perubahan")),
    "activity": Level(
        "activity", Activity, "area", Area, "name", ActivityNode, "activities", N_("Kegiatan")
    ),
    "sub_activity": Level(
        "sub_activity",
        SubActivity,
        "activity",
        Activity,
        "name",
        SubActivityNode,
        "sub_activities",
        N_("Sub kegiatan"),
    ),
    "indicator": Level(
        "indicator",
        Indicator,
        "sub_activity",
        SubActivity,
        "text",
        IndicatorNode,
        "indicators",
        N_("Indikator"),
    ),
}
ORDER: tuple[str, ...] = tuple(LEVELS)
# The level below each level (and below the plan); indicators have none.
CHILD: dict[str, str] = {PLAN: ORDER[0], **dict(zip(ORDER, ORDER[1:], strict=False))}


def level(entity: str) -> Level:
    try:
        return LEVELS[entity]
    except KeyError:
        raise InvalidInput(tr("Jenis baris '{e}' tidak dikenal.").format(e=entity)) from None


def children_attr(kind: str) -> str | None:
    """The snapshot attribute holding the children of a ``kind`` node (None for indicators)."""
    child = CHILD.get(kind)
    return LEVELS[child].list_in_parent if child else None


def level_title(kind: str) -> str:
    """ "Kegiatan", "Sub kegiatan"…, translated."""
    return tr(LEVELS[kind].title) if kind in LEVELS else kind
