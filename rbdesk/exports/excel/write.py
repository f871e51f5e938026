"""The workbook: sheets Lampiran I (roster), Lampiran II (plan) and Realisasi, plus a hidden sheet
that lets rbdesk read its own plan sheet back exactly (labels and row grouping)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from rbdesk.exports.excel.layout import (
    META_COLUMNS,
    META_FORMAT,
    META_KEYS,
    META_SHEET,
    PLAN_COLUMNS,
    PLAN_SHEET,
    fingerprint,
)
from rbdesk.exports.excel.rowxml import RowStream, fill_sheet_data
from rbdesk.exports.excel.sheet import LINE_PT, SheetWriter, span_heights
from rbdesk.exports.plan_records import or_none, plan_records
from rbdesk.exports.progress import Progress, ProgressFn, atomic_output
from rbdesk.exports.wording import (
    CHECK,
    certifier_heading,
    decree_ref,
    indonesian_date,
    labelled,
    nip_line,
    plan_header,
    section_title,
    signed_mark,
)
from rbdesk.exports.written_columns import WrittenColumn, written_columns
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.months import MONTHS, current_month, month_short
from rbdesk.models.domain.print_options import Paper, check_paper
from rbdesk.models.domain.progress import format_percent, indicator_tally
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.domain.statuses import Status
from rbdesk.models.domain.tree import ActivityNode, AreaNode, PlanTree, SubActivityNode
from rbdesk.models.storage.output_files import check_target
from rbdesk.models.text import clean_text

PLAN_WIDTHS = [5, 16, 24, 30, 32] + [4.6] * 12 + [22]
STATUS_TEXT: dict[str, str] = {
    Status.SELESAI: "√ selesai",
    Status.SEBAGIAN: "½ sebagian",
    Status.BELUM: "– belum",
}


def _nip(decree: dict[str, Any], key: str) -> list[str]:
    """The NIP line under a name, as the PDF prints it; no empty row when the NIP is unknown."""
    line = nip_line(str(decree.get(key) or ""))
    return [line] if line else []


def _signature(sw: SheetWriter, decree: dict[str, Any], col: int, span: int) -> None:
    lines = [
        tr("Ditetapkan di {place}").format(place=decree.get("place", "")),
        tr("Pada Tanggal {date}").format(date=indonesian_date(decree.get("date", ""))),
        "",
        decree.get("signatory_title", ""),
        signed_mark(decree),
        "",
        decree.get("signatory_name", ""),
        *_nip(decree, "signatory_nip"),
        "",
        certifier_heading(decree),
        decree.get("certifier_office", ""),
        decree.get("certifier_title", ""),
        "",
        "",
        decree.get("certifier_name", ""),
        *_nip(decree, "certifier_nip"),
    ]
    sw.gap()
    for text in lines:
        r = sw.append([None] * col + [text], ["text"] * col + ["text"])
        sw.merge(col + 1, r, col + span, r)


def _lampiran_heading(
    sw: SheetWriter, decree: dict[str, Any], roman: str, title: str, col: int, span: int, width: int
) -> None:
    keputusan, nomor, about = decree_ref(decree)
    for text in (
        tr("LAMPIRAN {n}").format(n=roman),
        keputusan,
        nomor,
        tr("TENTANG {title}").format(title=about),
    ):
        r = sw.append(
            [None] * col + [text], ["text"] * (col + 1), height=LINE_PT * sw.lines(text, col, span)
        )
        sw.merge(col + 1, r, col + span, r)
    sw.gap()
    r = sw.append(
        [title] + [None] * (width - 1), ["title"] * width, height=15 * sw.lines(title, 0, width)
    )
    sw.merge(1, r, width, r)
    sw.gap()


def _written_width(column: WrittenColumn) -> float:
    return {"target": 10.0, "satuan": 12.0}.get(column.role, 20.0)


def write_plan_sheet(
    wb: Workbook, meta: list[list[str]], tree: PlanTree, paper: Paper, bar: Progress
) -> SheetWriter:
    """The Lampiran II sheet; ``meta`` receives one row per plan row for the hidden sheet."""
    written = written_columns(tree)
    widths = PLAN_WIDTHS + [_written_width(c) for c in written]
    sw = SheetWriter(wb, tr(PLAN_SHEET), widths)
    titles = tree.decree.get("attachment_titles") or {}
    title = titles.get("lampiran_2") or tree.title
    _lampiran_heading(sw, tree.decree, "II", title, 12, 6, len(widths))
    header, header_spans = plan_header(tree.names, [c.title for c in written])
    first_header = sw.row + 1
    for i, head in enumerate(header):
        sw.append(head, "head", height=26 if i == 0 else 14)
    for c0, c1, r0, r1 in header_spans:
        sw.merge(c0 + 1, first_header + r0, c1 + 1, first_header + r1)
    records = list(plan_records(tree))
    values: list[list[str | None]] = []
    base: list[float] = []
    spans: list[tuple[int, int, float, int]] = []
    prev: tuple[AreaNode | None, ActivityNode | None, SubActivityNode | None] = (None, None, None)
    starts: list[tuple[int, int, int]] = [(-1, -1, -1)]
    for i, (area, act, sub, ind) in enumerate(records):
        new_area = prev[0] is not area
        new_act = new_area or prev[1] is not act or act is None
        new_sub = new_act or prev[2] is not sub or sub is None
        prev = (area, act, sub)
        s = starts[-1]
        starts.append((i if new_area else s[0], i if new_act else s[1], i if new_sub else s[2]))
        row: list[str | None] = [
            area.label if new_area else None,
            area.name if new_area else None,
            (labelled(act.label, act.name) if act else "") if new_act else None,
            (labelled(sub.label, sub.name) if sub else "") if new_sub else None,
            labelled(ind.label, ind.text) if ind else "",
        ]
        row += [CHECK if ind and ind.is_planned(m) else "" for m in range(1, 13)]
        row.append(ind.note if ind else "")
        values.append(row)
        row += [c.value(ind) if ind else "" for c in written]
        base.append(
            LINE_PT * max(sw.lines(row[c] or "", c) for c in (4, 17, *range(18, len(row)))) + 3
        )
        meta.append(
            [
                str(first_header + len(header) + i),
                "".join(f for f, on in (("A", new_area), ("C", new_act), ("S", new_sub)) if on),
                area.label,
                act.label if act else "",
                sub.label if sub else "",
                ind.label if ind else "",
                fingerprint(row[:PLAN_COLUMNS]),
            ]
        )
    starts.pop(0)
    for level, cols in ((0, (0, 1)), (1, (2,)), (2, (3,))):
        i = 0
        while i < len(records):
            j = i
            while j + 1 < len(records) and starts[j + 1][level] == starts[i][level]:
                j += 1
            for c in cols:
                text = values[i][c] or ""
                spans.append((i, j, LINE_PT * sw.lines(text, c) + 3, c))
            i = j + 1
    heights = span_heights(base, [(a, b, need) for a, b, need, _c in spans])
    body0 = sw.row + 1
    styles = ["center", "cell", "cell", "cell", "cell"] + ["center"] * 12 + ["cell"]
    styles += ["cell"] * len(written)
    for i, row in enumerate(values):
        sw.append(row, styles, height=round(heights[i], 1))
        if i % 500 == 0:
            bar.fraction(0.1 + 0.6 * i / max(1, len(values)))
    for a, b, _need, c in spans:
        sw.merge(c + 1, body0 + a, c + 1, body0 + b)
    _signature(sw, tree.decree, 12, 6)
    sw.print_setup(
        paper,
        landscape=True,
        title_rows=f"{first_header}:{first_header + len(header) - 1}",
        draft=not is_signed(tree.decree),
    )
    return sw


def write_roster_sheet(wb: Workbook, tree: PlanTree, paper: Paper) -> SheetWriter:
    sw = SheetWriter(wb, tr("Lampiran I"), [5, 26, 32, 24, 48])
    titles = tree.decree.get("attachment_titles") or {}
    _lampiran_heading(sw, tree.decree, "I", titles.get("lampiran_1") or tree.title, 3, 2, 5)
    first_header = sw.row + 1
    sw.append(
        [tr("NO"), tr("NAMA"), tr("JABATAN"), tr("KEDUDUKAN DALAM TIM"), tr("TUGAS DALAM TIM")],
        "head",
        height=26,
    )
    sw.append(["1", "2", "3", "4", "5"], "head")
    for team in tree.teams:
        r = sw.append([section_title(team), None, None, None, None], "section")
        sw.merge(1, r, 5, r)
        duties = "\n".join(team.duties)
        members = or_none(team.members)
        need = LINE_PT * sw.lines(duties, 4) + 3
        per_row = max(need / len(members), 0)
        first = sw.row + 1
        for n, m in enumerate(members, 1):
            cells = [f"{n}.", m.person_name, m.position, m.role] if m else ["", "", "", ""]
            h = LINE_PT * max(sw.lines(cells[1], 1), sw.lines(cells[2], 2), sw.lines(cells[3], 3))
            sw.append(
                cells + [duties if n == 1 else None],
                ["center", "cell", "cell", "cell", "cell"],
                height=max(h + 3, per_row),
            )
        sw.merge(5, first, 5, sw.row)
    _signature(sw, tree.decree, 3, 2)
    sw.print_setup(
        paper,
        landscape=False,
        title_rows=f"{first_header}:{first_header + 1}",
        draft=not is_signed(tree.decree),
    )
    return sw


def write_realisation_sheet(
    wb: Workbook, tree: PlanTree, paper: Paper, today: dt.date
) -> SheetWriter:
    upto = min(12, max(1, current_month(tree.year, today)))
    sw = SheetWriter(wb, tr("Realisasi"), [5, 16, 22, 26, 30, 14] + [9] * 12 + [11, 9])
    title = tr("REALISASI {title}").format(title=(tree.title or "").upper())
    r = sw.append([title] + [None] * 19, "title", height=30)
    sw.merge(1, r, 20, r)
    sw.gap()
    head = (
        [
            tr("NO"),
            *(name.upper() for name in tree.names),
            tr("BULAN DIRENCANAKAN"),
        ]
        + [month_short(m) for m in MONTHS]
        + [tr("CAPAIAN s.d. {m}").format(m=month_short(upto)), tr("BUKTI DUKUNG")]
    )
    first_header = sw.row + 1
    sw.append(head, "head", height=30)
    styles = ["center", "cell", "cell", "cell", "cell", "cell"] + ["center"] * 14
    for area, act, sub, ind in plan_records(tree):
        if act is None or sub is None or ind is None:
            continue  # (a row with an indicator has its activity and sub-activity too)
        planned = ", ".join(month_short(m) for m in ind.planned_months)
        months = []
        for m in range(1, 13):
            status = ind.status(m)
            shown = ind.is_planned(m) or status != Status.BELUM
            months.append(STATUS_TEXT[status] if shown else "")
        pct = indicator_tally(ind, upto).percent
        texts = [
            area.name,
            labelled(act.label, act.name),
            labelled(sub.label, sub.name),
            labelled(ind.label, ind.text),
        ]
        row = [
            area.label,
            *texts,
            planned,
            *months,
            format_percent(pct),
            sum(ind.evidence.values()),
        ]
        h = LINE_PT * max(sw.lines(text, c) for c, text in enumerate(texts, 1)) + 3
        sw.append(row, styles, height=h)
    sw.print_setup(
        paper,
        landscape=True,
        title_rows=f"{first_header}:{first_header}",
        draft=not is_signed(tree.decree),
    )
    return sw


def write_workbook(
    tree: PlanTree,
    out: Path,
    *,
    paper: Paper | str = Paper.A4,
    progress: ProgressFn = None,
    today: dt.date | None = None,
) -> Path:
    paper = check_paper(paper)
    check_target(out)  # before any sheet is built: a refused target leaves nothing half-made
    bar = Progress(progress)
    bar.fraction(0.0)
    wb = Workbook(write_only=True)
    try:
        return _write(wb, tree, out, paper, bar, today)
    except BaseException:
        _abandon(wb)
        raise


def _abandon(wb: Workbook) -> None:
    """Close the sheets' row writers now, quietly; left to the garbage collector they print
    "Exception ignored" tracebacks after rbdesk's own message."""
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()


def _write(
    wb: Workbook, tree: PlanTree, out: Path, paper: Paper, bar: Progress, today: dt.date | None
) -> Path:
    wb.properties.title = clean_text(tree.title)
    wb.properties.creator = "rbdesk"
    sheets: list[tuple[Any, RowStream]] = []
    sw = write_roster_sheet(wb, tree, paper)
    sheets.append((sw.ws, sw.rows))
    bar.fraction(0.1)
    meta: list[list[str]] = []
    sw = write_plan_sheet(wb, meta, tree, paper, bar)
    sheets.append((sw.ws, sw.rows))
    sw = write_realisation_sheet(wb, tree, paper, today or clock.today())
    sheets.append((sw.ws, sw.rows))
    bar.fraction(0.8)
    hidden = wb.create_sheet(META_SHEET)
    hidden.sheet_state = "hidden"
    fields = {
        "format": META_FORMAT,
        "unit": tree.unit,
        "year": str(tree.year),
        "title": tree.title,
        "decree": json.dumps(tree.decree, ensure_ascii=False, sort_keys=True),
        "settings": json.dumps(tree.settings, ensure_ascii=False, sort_keys=True),
        "level_names": json.dumps(tree.level_names, ensure_ascii=False),
        "columns": ",".join(
            f"{get_column_letter(PLAN_COLUMNS + 1 + i)}={c.role}"
            for i, c in enumerate(written_columns(tree))
        ),
    }
    rows = RowStream()
    for key in META_KEYS:
        rows.append([key, fields[key]], (0, 0))
    rows.append(list(META_COLUMNS), (0,) * len(META_COLUMNS))
    for row in meta:
        rows.append(row, (0,) * len(row))
    sheets.append((hidden, rows))
    with atomic_output(out) as tmp:
        fd, name = tempfile.mkstemp(prefix="rbdesk-", suffix=".xlsx")  # local, not the share
        os.close(fd)
        frame = Path(name)
        try:
            wb.save(frame)  # everything but the rows, whose sheets have an empty sheetData
            bar.fraction(0.85)
            fill_sheet_data(frame, tmp, {ws.path[1:]: rows for ws, rows in sheets})
        finally:
            frame.unlink(missing_ok=True)
            for _ws, stream in sheets:
                stream.close()
        bar.finish()
    return out
