"""What a month cell says: one indicator's state (or a parent's
:class:`~rbdesk.models.domain.progress.RollUp`), its symbol, its words and its tooltip, and the
same for a quarter's cell of the quarter view. The grid paints these, the side panels and the
legend name them; no Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import (
    ACCEPTED,
    REJECTED,
    REVISION,
    SUBMITTED,
    MonthState,
    RollUp,
    month_state,
)
from rbdesk.models.domain.quarters import quarter_long
from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.models.domain.tree import IndicatorNode


@dataclass(frozen=True)
class LeafCell:
    state: MonthState
    status: str
    evidence: int
    note: str
    current: bool
    review: str = ""  # evidence review state, "" when the month is not realised
    reviewed_by: str = ""
    review_note: str = ""


# Translated where shown, never at import time (the translator is installed later).
STATE_TEXT = {
    MonthState.EMPTY: "",
    MonthState.PLANNED: N_("direncanakan"),
    MonthState.DUE: N_("direncanakan bulan ini, belum selesai"),
    MonthState.LATE: N_("terlambat: direncanakan, belum selesai"),
    MonthState.PARTIAL: N_("sebagian selesai"),
    MonthState.DONE: N_("selesai"),
    MonthState.UNPLANNED_DONE: N_("dikerjakan tanpa direncanakan"),
}
# A symbol always goes with the colour (grey-scale print, colour-blind readers); the grid's
# legend, its cells and the side panels all use these. Done without a plan is a ✓ too; the grid
# draws it dashed.
STATE_SYMBOL = {
    MonthState.EMPTY: "",
    MonthState.PLANNED: "○",
    MonthState.DUE: "!",
    MonthState.LATE: "✗",
    MonthState.PARTIAL: "◐",
    MonthState.DONE: "✓",
    MonthState.UNPLANNED_DONE: "✓",
}
# The evidence review of a realised month, drawn as a small badge in the cell's top-left corner:
# a shape of its own for each state, besides its colour.
# (Keyed by the states as strings: a snapshot holds the review as its plain value.)
REVIEW_SYMBOL: dict[str, str] = {SUBMITTED: "◇", ACCEPTED: "●", REVISION: "▲", REJECTED: "■"}
REVIEW_TEXT: dict[str, str] = {
    SUBMITTED: N_("menunggu verifikasi"),
    ACCEPTED: N_("memenuhi (terverifikasi)"),
    REVISION: N_("perlu revisi"),
    REJECTED: N_("ditolak"),
}


def rollup_review(r: RollUp) -> str:
    """The review badge of a parent cell: what most needs doing among its months (rejected,
    then needing revision, then awaiting review), else accepted when some month was."""
    if r.rejected:
        return REJECTED
    if r.revision:
        return REVISION
    if r.submitted:
        return SUBMITTED
    return ACCEPTED if r.verified_done or r.verified_partial else ""


def leaf_cell(ind: IndicatorNode, month: int, now_month: int) -> LeafCell:
    cell = ind.realisation.get(month)
    if cell is None:
        return LeafCell(
            month_state(ind, month, now_month),
            Status.BELUM,
            ind.evidence.get(month, 0),
            "",
            month == now_month,
        )
    return LeafCell(
        month_state(ind, month, now_month),
        cell.status,
        ind.evidence.get(month, 0),
        cell.note,
        month == now_month,
        cell.review_state,
        cell.reviewed_by,
        cell.review_note,
    )


def rollup_tooltip(r: RollUp, month: int) -> str:
    name = month_long(month)
    if not r.planned and not r.extra:
        return tr("{m}: tidak ada yang direncanakan").format(m=name)
    text = tr("{m}: {done} dari {planned} selesai").format(m=name, done=r.done, planned=r.planned)
    if r.partial:
        text += tr(", {n} sebagian").format(n=r.partial)
    if r.late:
        text += tr(", {n} terlambat").format(n=r.late)
    if r.evidence:
        text += tr("; {n} bukti dukung").format(n=r.evidence)
    reviews = [
        (r.submitted, REVIEW_TEXT[SUBMITTED]),
        (r.revision, REVIEW_TEXT[REVISION]),
        (r.rejected, REVIEW_TEXT[REJECTED]),
    ]
    waiting = [f"{n} {tr(text)}" for n, text in reviews if n]
    if waiting:
        text += "; " + ", ".join(waiting)
    return text


def leaf_tooltip(cell: LeafCell, month: int) -> str:
    parts = [
        tr(STATE_TEXT[cell.state])
        if cell.state is not MonthState.EMPTY
        else tr("tidak direncanakan")
    ]
    if cell.evidence:
        parts.append(tr("{n} bukti dukung").format(n=cell.evidence))
    if cell.note:
        parts.append(tr("catatan: {note}").format(note=cell.note))
    if cell.review:
        review = f"{REVIEW_SYMBOL[cell.review]} {tr(REVIEW_TEXT[cell.review])}"
        if cell.reviewed_by:
            review += tr(" oleh {who}").format(who=cell.reviewed_by)
        if cell.review_note:
            review += f" — {cell.review_note}"
        parts.append(tr("tinjauan: {review}").format(review=review))
    return f"{month_long(month)}: " + "; ".join(parts)


def leaf_spoken(cell: LeafCell, month: int) -> str:
    """What a screen reader says for a cell, in words instead of colours and shapes:
    "Juni: selesai, ada bukti dukung, menunggu verifikasi". The status is the domain's own word
    (belum / sebagian / selesai), the plan's view of it follows the late rule (MonthState)."""
    if cell.status == Status.BELUM:
        parts = [
            tr(STATE_TEXT[cell.state])
            if cell.state is not MonthState.EMPTY
            else tr("tidak direncanakan")
        ]
    else:
        parts = [str(cell.status)]
        if cell.state is MonthState.LATE:
            parts.append(tr("terlambat"))
        elif cell.state is MonthState.UNPLANNED_DONE:
            parts.append(tr("tanpa rencana"))
    if cell.evidence == 1:
        parts.append(tr("ada bukti dukung"))
    elif cell.evidence:
        parts.append(tr("ada {n} bukti dukung").format(n=cell.evidence))
    elif cell.status != Status.BELUM:
        parts.append(tr("belum ada bukti dukung"))
    if cell.review:
        parts.append(tr(REVIEW_TEXT[ReviewState(cell.review)]))
    if cell.note:
        parts.append(tr("catatan: {note}").format(note=cell.note))
    if cell.current:
        parts.append(tr("bulan ini"))
    return f"{month_long(month)}: " + ", ".join(parts)


def rollup_spoken(r: RollUp, month: int) -> str:
    """A parent's cell: the same words as its tooltip."""
    return rollup_tooltip(r, month)


def quarter_text(r: RollUp, state: MonthState) -> str:
    """A quarter cell: the state's symbol (colour never alone) and done / planned months."""
    if r.planned:
        return f"{STATE_SYMBOL[state]} {r.done}/{r.planned}"
    return STATE_SYMBOL[state]


def quarter_tooltip(r: RollUp, state: MonthState, quarter: int) -> str:
    """A quarter cell's tooltip: its months, as the month grid's tooltips count them."""
    name = quarter_long(quarter)
    if not r.planned and not r.extra:
        return tr("{q}: tidak ada bulan yang direncanakan").format(q=name)
    parts = [
        tr("{n} bulan direncanakan").format(n=r.planned),
        tr("{n} selesai").format(n=r.done),
    ]
    if r.partial:
        parts.append(tr("{n} sebagian").format(n=r.partial))
    if r.late:
        parts.append(tr("{n} terlambat").format(n=r.late))
    if r.extra:
        parts.append(tr("{n} dikerjakan tanpa direncanakan").format(n=r.extra))
    parts.append(tr("{n} terverifikasi").format(n=r.verified_done))
    if r.evidence:
        parts.append(tr("{n} bukti dukung").format(n=r.evidence))
    text = f"{name}: " + ", ".join(parts)
    if state is not MonthState.EMPTY:
        text += f" ({tr(STATE_TEXT[state])})"
    return text


def state_text(state: MonthState) -> str:
    """The state's symbol and its short word, as the side panels list a month."""
    words = {
        MonthState.DONE: tr("Selesai"),
        MonthState.UNPLANNED_DONE: tr("Selesai (tanpa rencana)"),
        MonthState.PARTIAL: tr("Sebagian"),
        MonthState.DUE: tr("Bulan ini"),
        MonthState.PLANNED: tr("Rencana"),
        MonthState.LATE: tr("Terlambat"),
        MonthState.EMPTY: tr("Tidak direncanakan"),
    }
    return f"{STATE_SYMBOL[state]} {words[state]}".strip()


def cell_state_text(state: MonthState, status: str) -> str:
    """One indicator-month in words: what was recorded first, then the plan's view of it. A
    past month marked sebagian reads "◐ Sebagian · terlambat …", not just "Terlambat": the late
    rule (``progress.is_overdue``) counts it late, but the work recorded is not lost from view."""
    if status == Status.SEBAGIAN:
        text = state_text(MonthState.PARTIAL)
        if state is MonthState.LATE:
            text += " · " + tr("terlambat (bulan sudah lewat, belum selesai)")
        return text
    return state_text(state)
