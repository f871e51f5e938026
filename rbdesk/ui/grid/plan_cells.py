"""What a month cell of the plan grid holds: one indicator's state, or a parent's roll-up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rbdesk.i18n import tr
from rbdesk.models.domain.progress import MonthState, month_state
from rbdesk.models.domain.tree import IndicatorNode
from rbdesk.ui.grid.plan_columns import MONTH_LONG


@dataclass(frozen=True)
class LeafCell:
    state: MonthState
    status: str
    evidence: int
    note: str
    current: bool


@dataclass(frozen=True)
class RollUp:
    """A parent's month cell: how many of its indicators are planned / done in that month."""

    planned: int = 0
    done: int = 0
    partial: int = 0
    late: int = 0
    extra: int = 0
    evidence: int = 0
    current: bool = False


STATE_TEXT = {
    MonthState.EMPTY: "",
    MonthState.PLANNED: tr("direncanakan"),
    MonthState.DUE: tr("direncanakan bulan ini, belum selesai"),
    MonthState.LATE: tr("terlambat: direncanakan, belum selesai"),
    MonthState.PARTIAL: tr("sebagian selesai"),
    MonthState.DONE: tr("selesai"),
    MonthState.UNPLANNED_DONE: tr("dikerjakan tanpa direncanakan"),
}
STATE_SYMBOL = {
    MonthState.EMPTY: "", MonthState.PLANNED: "○", MonthState.DUE: "!",
    MonthState.LATE: "✗", MonthState.PARTIAL: "◐", MonthState.DONE: "✓",
    MonthState.UNPLANNED_DONE: "+",
}



def leaf_cell(ind: IndicatorNode, month: int, now_month: int) -> LeafCell:
    cell = ind.realisation.get(month)
    return LeafCell(month_state(ind, month, now_month),
                    cell.status if cell else "belum", ind.evidence.get(month, 0),
                    cell.note if cell else "", month == now_month)


def count_rollups(indicators: Iterable[IndicatorNode], now_month: int) -> list[RollUp]:
    counts = [[0, 0, 0, 0, 0, 0] for _ in range(12)]
    for ind in indicators:
        planned, real, ev = ind.planned, ind.realisation, ind.evidence
        for m in range(1, 13):
            c = counts[m - 1]
            cell = real.get(m)
            status = cell.status if cell else "belum"
            if planned & (1 << (m - 1)):
                c[0] += 1
                if status == "selesai":
                    c[1] += 1
                else:
                    c[2] += status == "sebagian"
                    c[3] += m < now_month
            elif status != "belum":
                c[4] += 1
            c[5] += ev.get(m, 0)
    return [RollUp(*c, current=(i + 1 == now_month)) for i, c in enumerate(counts)]


def capaian(rollups: list[RollUp], now_month: int) -> float | None:
    upto = min(max(now_month, 0), 12)
    planned = score = 0.0
    for r in rollups[:upto]:
        planned += r.planned
        score += r.done + 0.5 * r.partial
    return None if planned == 0 else 100.0 * score / planned


def rollup_tooltip(r: RollUp, month: int) -> str:
    name = tr(MONTH_LONG[month - 1])
    if not r.planned and not r.extra:
        return tr("{m}: tidak ada yang direncanakan").format(m=name)
    text = tr("{m}: {done} dari {planned} selesai").format(m=name, done=r.done,
                                                         planned=r.planned)
    if r.partial:
        text += tr(", {n} sebagian").format(n=r.partial)
    if r.late:
        text += tr(", {n} terlambat").format(n=r.late)
    if r.evidence:
        text += tr("; {n} bukti dukung").format(n=r.evidence)
    return text


def leaf_tooltip(cell: LeafCell, month: int) -> str:
    parts = [STATE_TEXT[cell.state] or tr("tidak direncanakan")]
    if cell.evidence:
        parts.append(tr("{n} bukti dukung").format(n=cell.evidence))
    if cell.note:
        parts.append(tr("catatan: {note}").format(note=cell.note))
    return f"{tr(MONTH_LONG[month - 1])}: " + "; ".join(parts)
