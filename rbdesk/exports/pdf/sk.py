"""The decree body (Keputusan) as issued: heading, Menimbang, Mengingat, diktum, signatures."""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from rbdesk.exports.paper import MM
from rbdesk.exports.pdf.common import esc, frame_size, make_styles, signature_block
from rbdesk.exports.pdf.fonts import FONT
from rbdesk.exports.wording import decree_ref
from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import CopyForm, Paper
from rbdesk.models.domain.tree import PlanTree

_SUB_ITEM = re.compile(r"^[a-z][.)]\s")


def _rows_table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def decree_story(tree: PlanTree, paper: Paper, copy: CopyForm = CopyForm.SALINAN) -> list[Flowable]:
    decree = tree.decree
    width, _height = frame_size(paper, landscape=False)
    st = make_styles(10.5)
    body, title = st["body"], st["title"]
    keputusan, nomor, about = decree_ref(decree)
    story: list[Flowable] = []
    if decree.get("issuer"):
        story += [Paragraph(esc(decree["issuer"]), title), Spacer(1, 12)]
    story += [
        Paragraph(esc(keputusan), title),
        Spacer(1, 4),
        Paragraph(esc(nomor), title),
        Spacer(1, 8),
        Paragraph(esc(tr("TENTANG")), title),
        Spacer(1, 4),
        Paragraph(esc(about), title),
        Spacer(1, 12),
    ]
    if decree.get("signatory_title"):
        story += [Paragraph(esc(decree["signatory_title"]), title), Spacer(1, 12)]
    term_w, colon_w, label_w = 28 * MM, 5 * MM, 8 * MM
    text_w = width - term_w - colon_w - label_w

    def listing(term: str, items: list[dict[str, Any]]) -> None:
        rows = []
        for i, item in enumerate(items):
            rows.append(
                [
                    Paragraph(esc(term), st["left"]) if i == 0 else "",
                    ":" if i == 0 else "",
                    Paragraph(esc(item.get("label", "")), st["left"]),
                    Paragraph(esc(item.get("text", "")), body),
                ]
            )
        if rows:
            story.append(_rows_table(rows, [term_w, colon_w, label_w, text_w]))
            story.append(Spacer(1, 8))

    listing(tr("Menimbang"), decree.get("considerations") or [])
    listing(tr("Mengingat"), decree.get("legal_bases") or [])
    story += [Paragraph(esc(tr("MEMUTUSKAN:")), title), Spacer(1, 8)]
    rows = []
    if decree.get("decided"):
        rows.append(
            [
                Paragraph(esc(tr("Menetapkan")), st["left"]),
                ":",
                Paragraph(esc(decree["decided"]), body),
            ]
        )
    for decision in decree.get("decisions") or []:
        cell: list[Flowable] = [Paragraph(esc(decision.get("text", "")), body)]
        for item in decision.get("items") or []:
            indent = 12 * MM if _SUB_ITEM.match(item) else 5 * MM
            cell.append(
                Table(
                    [["", Paragraph(esc(item), st["left"])]],
                    colWidths=[indent, text_w + label_w - indent],
                    style=[
                        ("FONT", (0, 0), (-1, -1), FONT),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ],
                )
            )
        rows.append([Paragraph(esc(decision.get("label", "")), st["left"]), ":", cell])
    widths = [term_w, colon_w, label_w + text_w]
    signature = signature_block(decree, width, size=10.5, copy=copy)
    if len(rows) > 1:
        story.append(_rows_table(rows[:-1], widths))
    # the last diktum goes over with the signature when the block (taller on the original
    # with rows of paraf boxes) does not fit under it, so the signature never stands alone
    story.append(KeepTogether(([_rows_table(rows[-1:], widths)] if rows else []) + [signature]))
    return story
