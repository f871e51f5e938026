"""Assemble the PDF parts into one document, written atomically, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from rbdesk.exports.pdf.common import RbDoc
from rbdesk.exports.progress import Progress, ProgressFn, atomic_output
from rbdesk.i18n import tr
from rbdesk.models.domain.period_report import PeriodReport
from rbdesk.models.domain.print_options import (
    PERIOD_PARTS,
    CopyForm,
    Paper,
    Part,
    check_copy,
    check_paper,
    check_part,
)
from rbdesk.models.domain.report_data import ReportData
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.domain.tree import PlanTree
from rbdesk.models.errors import InvalidInput


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
    paper, copy, part = check_paper(paper), check_copy(copy), check_part(part)
    if part == Part.REPORT and report is None:
        raise InvalidInput(tr("Laporan bulanan memerlukan data laporan (bulan)."))
    if part in PERIOD_PARTS and (period is None or period.period != part):
        raise InvalidInput(
            tr("Laporan triwulan/semester/tahunan memerlukan data laporan periode itu.")
        )
    bar = Progress(progress)
    bar.fraction(0.0)
    story: list[Flowable] = []
    pages_expected = 1
    first = "landscape" if part == Part.PLAN else "portrait"
    if part == Part.SK:
        from rbdesk.exports.pdf.sk import decree_story

        story += decree_story(tree, paper, copy)
        pages_expected += 3
    if part in (Part.SK, Part.ROSTER):
        from rbdesk.exports.pdf.roster import roster_story

        if story:
            story += [NextPageTemplate("portrait"), PageBreak()]
        story += roster_story(tree, paper, copy)
        pages_expected += 3
    if part in (Part.SK, Part.PLAN):
        from rbdesk.exports.pdf.plan import plan_story

        if story:
            story += [NextPageTemplate("landscape"), PageBreak()]
        plan, pages = plan_story(tree, paper, tick=lambda f: bar.fraction(0.5 * f), copy=copy)
        story += plan
        del plan  # the story alone holds the pages, so each is freed once drawn
        pages_expected += pages
    if part == Part.REPORT:
        from rbdesk.exports.pdf.report import report_story

        assert report is not None
        story += report_story(report, paper, copy, tree.decree)
    if part in PERIOD_PARTS:
        from rbdesk.exports.pdf.period_report import period_story

        assert period is not None
        story += period_story(period, paper, copy, tree.decree)
    bar.fraction(0.5)
    title = tree.title or tr("Rencana Aksi")
    with atomic_output(out) as tmp:
        doc = RbDoc(
            tmp,
            paper,
            title=title,
            first=first,
            draft=not is_signed(tree.decree),
            on_page=lambda n: bar.fraction(0.5 + 0.5 * min(1.0, n / pages_expected)),
        )
        doc.build_all(story)
        bar.finish()
    return out
