"""The columns a plan's sheet prints after KETERANGAN: target, satuan, penanggung jawab and the
kept columns, each only when some indicator of the plan has it.

A plan without them prints the KPU's eighteen columns, as before; a plan imported from another
office's layout prints what it brought, so that exporting and importing again gives the same plan.
Each column carries its import role (``rbdesk import --map`` words), which the workbook's hidden
sheet records for the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import extra_names, extra_value
from rbdesk.models.domain.tree import IndicatorNode, PlanTree


@dataclass(frozen=True)
class WrittenColumn:
    title: str  # the header as printed
    role: str  # its role on import: "target", "satuan", "pj" or "simpan"
    value: Callable[[IndicatorNode], str]


def _kept(name: str) -> Callable[[IndicatorNode], str]:
    return lambda ind: extra_value(ind.extra_columns, name)


def written_columns(tree: PlanTree) -> list[WrittenColumn]:
    inds = tree.indicators()
    out: list[WrittenColumn] = []
    if any(i.target or i.target_unit for i in inds):
        out.append(WrittenColumn(tr("TARGET"), "target", lambda i: i.target))
        out.append(WrittenColumn(tr("SATUAN"), "satuan", lambda i: i.target_unit))
    if any(i.responsible for i in inds):
        out.append(WrittenColumn(tr("PENANGGUNG JAWAB"), "pj", lambda i: i.responsible))
    for name in extra_names(i.extra_columns for i in inds):
        out.append(WrittenColumn(name, "simpan", _kept(name)))
    return out
