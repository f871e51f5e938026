"""Small reads the window needs between full snapshot loads (one indicator after an edit)."""

from __future__ import annotations

from rbdesk.models.schema import Evidence, Indicator, Realisation
from rbdesk.models.tree import Cell, IndicatorNode


def load_indicator(uuid: str) -> IndicatorNode | None:
    """Fresh planned months, version, realisation and evidence counts of one indicator."""
    row = (Indicator.select(Indicator.id, Indicator.uuid, Indicator.label, Indicator.text,
                            Indicator.planned, Indicator.note, Indicator.version,
                            Indicator.updated_by, Indicator.updated_at)
           .where((Indicator.uuid == uuid) & (Indicator.deleted == False))  # noqa: E712
           .tuples().first())
    if row is None:
        return None
    ind_id, *fields = row
    node = IndicatorNode(*fields)
    for month, status, note, u, ver, by, at in (
            Realisation.select(Realisation.month, Realisation.status, Realisation.note,
                               Realisation.uuid, Realisation.version, Realisation.updated_by,
                               Realisation.updated_at)
            .where((Realisation.indicator == ind_id) & (Realisation.deleted == False))  # noqa: E712
            .tuples()):
        node.realisation[month] = Cell(status, note, u, ver, by, at)
    for (month,) in (Evidence.select(Evidence.month)
                     .where((Evidence.indicator == ind_id) & (Evidence.deleted == False))  # noqa: E712
                     .tuples()):
        node.evidence[month] = node.evidence.get(month, 0) + 1
    return node
