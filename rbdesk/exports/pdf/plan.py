"""Lampiran II, the Rencana Aksi, as landscape pages of the PDF."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from rbdesk.exports.pdf.common import (
    SLACK,
    frame_size,
    lampiran_heading,
    measure,
    signature_block,
)
from rbdesk.exports.pdf.grid import Grid, GridLayout
from rbdesk.exports.pdf.page_table import PageTable, paged_story
from rbdesk.exports.pdf.paginate import paginate
from rbdesk.exports.plan_records import or_none
from rbdesk.exports.wording import CHECK, labelled, plan_header
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.tree import PlanTree

MONTH_WIDTH = 22.0
NO_WIDTH = 20.0
TEXT_SHARES = (14, 20, 24, 26, 16)  # AREA, KEGIATAN, SUB KEGIATAN, INDIKATOR, KETERANGAN


def plan_rows(tree: PlanTree) -> tuple[list[list[str]], list[tuple[int, int, int, int]], list[str]]:
    """One row per indicator (or per empty level); spans for area, activity, sub-activity."""
    rows: list[list[str]] = []
    spans: list[tuple[int, int, int, int]] = []
    names: list[str] = []

    def row(
        area_label: str, area: str, act: str, sub: str, ind: str, planned: int, note: str
    ) -> None:
        months = [CHECK if planned & (1 << m) else "" for m in range(12)]
        rows.append([area_label, area, act, sub, ind, *months, note])

    for area in tree.areas:
        a0 = len(rows)
        for act in or_none(area.activities):
            c0 = len(rows)
            for sub in or_none(act.sub_activities if act else []):
                s0 = len(rows)
                for ind in or_none(sub.indicators if sub else []):
                    row(
                        area.label,
                        area.name,
                        labelled(act.label, act.name) if act else "",
                        labelled(sub.label, sub.name) if sub else "",
                        labelled(ind.label, ind.text) if ind else "",
                        ind.planned if ind else 0,
                        ind.note if ind else "",
                    )
                    names.append(
                        " / ".join(
                            x
                            for x in (
                                area.label,
                                act.label if act else "",
                                sub.label if sub else "",
                            )
                            if x
                        )
                    )
                spans.append((3, 3, s0, len(rows) - 1))
            spans.append((2, 2, c0, len(rows) - 1))
        spans.append((0, 0, a0, len(rows) - 1))
        spans.append((1, 1, a0, len(rows) - 1))
    return rows, spans, names


def plan_grid(tree: PlanTree, width: float) -> Grid:
    header, header_spans = plan_header(tree.names)
    rows, spans, names = plan_rows(tree)
    free = width - NO_WIDTH - 12 * MONTH_WIDTH
    shares = [free * s / sum(TEXT_SHARES) for s in TEXT_SHARES]
    widths = [NO_WIDTH, *shares[:4], *([MONTH_WIDTH] * 12), shares[4]]
    return Grid(
        widths=widths,
        header=header,
        header_spans=header_spans,
        rows=rows,
        spans=spans,
        align=["CENTER"] + ["LEFT"] * 4 + ["CENTER"] * 12 + ["LEFT"],
        row_names=names,
    )


def plan_story(
    tree: PlanTree,
    paper: Paper,
    tick: Callable[[float], None] | None = None,
    copy: CopyForm = CopyForm.SALINAN,
) -> tuple[list[Flowable], int]:
    """Flowables for the landscape plan pages (caller switches to the landscape template)."""
    width, height = frame_size(paper, landscape=True)
    titles = tree.decree.get("attachment_titles") or {}
    heading = lampiran_heading(tree.decree, "II", titles.get("lampiran_2") or tree.title, width)
    signature = signature_block(tree.decree, width, copy=copy)
    layout = GridLayout(plan_grid(tree, width), tick=(lambda f: tick(0.4 * f)) if tick else None)
    capacity = height - SLACK
    pages = paginate(
        layout,
        capacity - measure(heading, width),
        capacity,
        tail=measure([signature], width),
        tick=(lambda f: tick(0.4 + 0.1 * f)) if tick else None,
    )
    tables: list[Flowable] = [PageTable(layout, page) for page in pages]
    return paged_story(heading, tables, signature), len(pages)
