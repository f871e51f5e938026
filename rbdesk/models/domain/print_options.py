"""What can be printed and how: the parts of the SK and its reports (:class:`Part`), the paper
(:class:`Paper`) and the printed form (:class:`CopyForm`). The command line, the window's export
menu and the writers all take their choices from here.

``StrEnum``: a member is its code, the word typed on the command line and kept in the settings.
"""

from __future__ import annotations

from enum import StrEnum

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput


class Part(StrEnum):
    """One printable part: the whole SK, one of its attachments, or a report."""

    SK = "sk"  # the decree with Lampiran I and II
    ROSTER = "roster"  # Lampiran I, the teams
    PLAN = "plan"  # Lampiran II, the Rencana Aksi
    REPORT = "report"  # the monthly report
    SEMESTER1 = "semester1"
    SEMESTER2 = "semester2"
    ANNUAL = "annual"
    TRIWULAN1 = "triwulan1"  # the quarterly reports, Laporan Triwulan I..IV
    TRIWULAN2 = "triwulan2"
    TRIWULAN3 = "triwulan3"
    TRIWULAN4 = "triwulan4"


# The quarterly reports, in the order of the year.
QUARTER_PARTS = (Part.TRIWULAN1, Part.TRIWULAN2, Part.TRIWULAN3, Part.TRIWULAN4)
# The semester, annual and quarterly reports: parts written as Excel too, built from a period's
# data.
PERIOD_PARTS = (Part.SEMESTER1, Part.SEMESTER2, Part.ANNUAL, *QUARTER_PARTS)


# The first part of each part's file name, as the window offers it to be saved.
FILE_STEMS = {
    Part.SK: "SK",
    Part.ROSTER: "Lampiran-I",
    Part.PLAN: "Lampiran-II",
    Part.REPORT: "Laporan",
    Part.SEMESTER1: "Laporan-Semester-I",
    Part.SEMESTER2: "Laporan-Semester-II",
    Part.ANNUAL: "Laporan-Tahunan",
    Part.TRIWULAN1: "Laporan-Triwulan-I",
    Part.TRIWULAN2: "Laporan-Triwulan-II",
    Part.TRIWULAN3: "Laporan-Triwulan-III",
    Part.TRIWULAN4: "Laporan-Triwulan-IV",
}


def file_name(stem: str, unit: str, year: int, extension: str) -> str:
    """An exported file's name: its stem, the unit and the year, without spaces."""
    return f"{stem}-{unit}-{year}.{extension}".replace(" ", "-")


class Paper(StrEnum):
    """A4, or F4 (Folio, 215 x 330 mm, the usual paper of Indonesian government offices)."""

    A4 = "a4"
    F4 = "f4"


class CopyForm(StrEnum):
    """The original for the wet signature and stamp, or the certified copy ("TTD" and the block
    "Salinan sesuai dengan aslinya")."""

    ASLI = "asli"
    SALINAN = "salinan"


def check_part(part: str) -> Part:
    """``part`` as a :class:`Part`; InvalidInput with the choices when it is none."""
    try:
        return Part(part)
    except ValueError:
        raise InvalidInput(
            tr(
                "Bagian '{part}' tidak dikenal; pilih sk, roster, plan, report, "
                "semester1, semester2, annual atau triwulan1..triwulan4."
            ).format(part=part)
        ) from None


def check_paper(paper: str) -> Paper:
    """``paper`` (any case) as a :class:`Paper`; InvalidInput when it is neither A4 nor F4."""
    try:
        return Paper((paper or "").lower())
    except ValueError:
        raise InvalidInput(
            tr("Ukuran kertas '{paper}' tidak dikenal; pilih A4 atau F4.").format(paper=paper)
        ) from None


def check_copy(copy: str) -> CopyForm:
    """``copy`` as a :class:`CopyForm`; InvalidInput when it is neither asli nor salinan."""
    try:
        return CopyForm(copy)
    except ValueError:
        raise InvalidInput(
            tr("Bentuk '{copy}' tidak dikenal; pilih asli atau salinan.").format(copy=copy)
        ) from None
