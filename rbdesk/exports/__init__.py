"""Exports: the SK and its attachments as PDF, Excel workbooks, and the Excel plan reader.

Pure functions: a plan snapshot (and report data) in, a file out. No Qt here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rbdesk.exports.progress import Cancelled, ProgressFn
from rbdesk.models.domain.period_report import PeriodReport
from rbdesk.models.domain.print_options import CopyForm, Paper, Part
from rbdesk.models.domain.report_data import ReportData
from rbdesk.models.domain.tree import PlanTree

if TYPE_CHECKING:
    from rbdesk.exports.excel.mapping import Mapping
    from rbdesk.exports.excel.plan_reader import ImportPreview

# The parts, papers and printed forms are ``models.domain.print_options``.
__all__ = [
    "Cancelled",
    "preview_workbook",
    "read_plan_workbook",
    "write_pdf",
    "write_period_workbook",
    "write_workbook",
]


def write_pdf(
    tree: PlanTree,
    out: Path,
    *,
    part: Part | str = Part.SK,
    paper: Paper | str = Paper.A4,
    report: ReportData | None = None,
    progress: ProgressFn = None,
    copy: CopyForm | str = CopyForm.SALINAN,
    period: PeriodReport | None = None,
) -> Path:
    """Write one part (sk, roster, plan, report, triwulan1..4, semester1, semester2, annual) as
    PDF; returns ``out``. The quarterly, semester and annual parts take ``period``, the monthly
    report ``report``.

    ``copy`` is the printed form: ``asli`` (the original, room for the wet signature and stamp)
    or ``salinan`` (the certified copy: "TTD" and the certifier's block). A decree without
    number or date is a draft: every page then carries a "KONSEP" mark.

    ``progress(done, total)`` returning False cancels with :class:`Cancelled`; no file is left.
    """
    from rbdesk.exports.pdf.write import write_pdf as _write

    return _write(
        tree,
        Path(out),
        part=part,
        paper=paper,
        report=report,
        progress=progress,
        copy=copy,
        period=period,
    )


def write_workbook(
    tree: PlanTree, out: Path, *, paper: Paper | str = Paper.A4, progress: ProgressFn = None
) -> Path:
    """Write sheets Lampiran I, Lampiran II and Realisasi; returns ``out``."""
    from rbdesk.exports.excel.write import write_workbook as _write

    return _write(tree, Path(out), paper=paper, progress=progress)


def write_period_workbook(
    tree: PlanTree,
    out: Path,
    *,
    period: PeriodReport,
    paper: Paper | str = Paper.A4,
    copy: CopyForm | str = CopyForm.SALINAN,
    progress: ProgressFn = None,
) -> Path:
    """Write the quarterly, semester or annual report ``period`` as an Excel workbook; returns
    ``out``. ``copy`` and the draft mark as for :func:`write_pdf`."""
    from rbdesk.exports.excel.period_report import write_period_workbook as _write

    return _write(period, Path(out), decree=tree.decree, paper=paper, copy=copy, progress=progress)


def read_plan_workbook(path: Path, progress: ProgressFn = None) -> dict[str, Any]:
    """Read a plan sheet (rbdesk's own or hand-made) into a plan dict of the dump format."""
    from rbdesk.exports.excel.read import read_plan_workbook as _read

    return _read(Path(path), progress=progress)


def preview_workbook(
    path: Path, mapping: Mapping | None = None, progress: ProgressFn = None
) -> ImportPreview:
    """What importing a workbook would add and leave out, before anything is written."""
    from rbdesk.exports.excel.read import preview_workbook as _preview

    return _preview(Path(path), mapping, progress=progress)
