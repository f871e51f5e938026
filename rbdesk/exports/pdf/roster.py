"""Lampiran I, the team roster, as portrait pages of the PDF."""

from __future__ import annotations

from reportlab.platypus import Flowable

from rbdesk.exports.pdf.common import SLACK, frame_size, lampiran_heading, measure, signature_block
from rbdesk.exports.pdf.grid import Grid, GridLayout
from rbdesk.exports.pdf.page_table import page_table, paged_story
from rbdesk.exports.pdf.paginate import paginate
from rbdesk.exports.wording import section_title
from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.tree import PlanTree

SHARES = (7, 22, 26, 20, 35)  # NO, NAMA, JABATAN, KEDUDUKAN DALAM TIM, TUGAS DALAM TIM


def roster_grid(tree: PlanTree, width: float) -> Grid:
    header = [
        [tr("NO"), tr("NAMA"), tr("JABATAN"), tr("KEDUDUKAN DALAM TIM"), tr("TUGAS DALAM TIM")],
        ["1", "2", "3", "4", "5"],
    ]
    rows: list[list[str]] = []
    spans: list[tuple[int, int, int, int]] = []
    keep: set[int] = set()
    bold: set[int] = set()
    names: list[str] = []
    for team in tree.teams:
        title = section_title(team)
        spans.append((0, 4, len(rows), len(rows)))
        keep.add(len(rows))
        bold.add(len(rows))
        rows.append([title, "", "", "", ""])
        names.append(title)
        first = len(rows)
        duties = "\n".join(team.duties)
        for n, m in enumerate(team.members or [None], 1):
            if m is None:
                rows.append(["", "", "", "", duties])
            else:
                rows.append([f"{n}.", m.person_name, m.position, m.role, duties])
            names.append(title)
            keep.add(len(rows) - 1)
        keep.discard(len(rows) - 1)
        spans.append((4, 4, first, len(rows) - 1))
    widths = [width * s / sum(SHARES) for s in SHARES]
    return Grid(
        widths=widths,
        header=header,
        rows=rows,
        spans=spans,
        keep_with_next=keep,
        bold_rows=bold,
        align=["CENTER", "LEFT", "LEFT", "LEFT", "LEFT"],
        font_size=8.0,
        leading=10.0,
        row_names=names,
        repeat_lines=40,
    )


def roster_story(tree: PlanTree, paper: Paper, copy: CopyForm = CopyForm.SALINAN) -> list[Flowable]:
    width, height = frame_size(paper, landscape=False)
    titles = tree.decree.get("attachment_titles") or {}
    heading = lampiran_heading(tree.decree, "I", titles.get("lampiran_1") or tree.title, width)
    signature = signature_block(tree.decree, width, copy=copy)
    layout = GridLayout(roster_grid(tree, width))
    capacity = height - SLACK
    pages = paginate(
        layout, capacity - measure(heading, width), capacity, tail=measure([signature], width)
    )
    return paged_story(heading, [page_table(layout, page) for page in pages], signature)
