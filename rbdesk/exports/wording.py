"""The wording every document prints, PDF and Excel alike: month names, dates, the decree
reference, labelled items, the plan table's header and the roster's section titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import level_names
from rbdesk.models.domain.months import MONTHS, month_long, month_short
from rbdesk.models.domain.period_report import PeriodReport
from rbdesk.models.domain.tree import TeamNode

CHECK = "√"


def draft_mark() -> str:
    """What every page of a draft decree's PDFs carries."""
    return tr("KONSEP")


def signed_mark(decree: dict[str, Any]) -> str:
    """The mark a certified copy prints where the original was signed."""
    return str(decree.get("signed_mark") or "").strip() or tr("TTD")


def certifier_heading(decree: dict[str, Any]) -> str:
    return str(decree.get("certifier_heading") or "").strip() or tr("Salinan sesuai dengan aslinya")


def nip_line(nip: str) -> str:
    return tr("NIP. {nip}").format(nip=nip.strip()) if (nip or "").strip() else ""


def indonesian_date(iso: str) -> str:
    try:
        d = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{d.day} {month_long(d.month)} {d.year}"


# Where a draft's number will be written by hand or filled later: a dotted gap, as drafts of
# decrees print it, so the heading never reads "NOMOR  TAHUN 2024".
DRAFT_NUMBER = "." * 16


def decree_ref(decree: dict[str, Any]) -> tuple[str, str, str]:
    issuer = decree.get("issuer") or ""
    number = str(decree.get("number") or "").strip() or DRAFT_NUMBER
    number = tr("NOMOR {number} TAHUN {year}").format(number=number, year=decree.get("year", ""))
    return tr("KEPUTUSAN {issuer}").format(issuer=issuer), number, decree.get("title", "")


def labelled(label: str, name: str) -> str:
    label, name = (label or "").strip(), name or ""
    return f"{label} {name}" if label and name else (label or name)


def plan_header(
    names: Sequence[str] | None = None, extra: Sequence[str] = ()
) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The plan table's three header rows and their merged spans: the plan's own level names
    (``names``, from the top; the KPU's when None) in capitals, and ``extra`` columns (target,
    penanggung jawab, kept columns) after KETERANGAN, under their own names."""
    levels = [n.upper() for n in (names or level_names([]))]
    top = [tr("NO."), *levels, tr("PELAKSANAAN (BULAN)")] + [""] * 11 + [tr("KETERANGAN")]
    top += list(extra)
    months = [""] * 5 + [month_short(m) for m in MONTHS] + [""] * (1 + len(extra))
    numbers = [str(i) for i in range(1, 19 + len(extra))]
    spans = [(c, c, 0, 1) for c in range(5)] + [(5, 16, 0, 0), (17, 17, 0, 1)]
    spans += [(c, c, 0, 1) for c in range(18, 18 + len(extra))]
    return [top, months, numbers], spans


def section_title(team: TeamNode) -> str:
    if team.kind == "pengarah" and not team.label:
        return team.name or tr("PENGARAH")
    if team.label:
        return f"{team.label}. {team.name}"
    return team.name


def period_title_lines(report: PeriodReport) -> list[str]:
    """The centred title of a period report (quarter, semester, year): what, whose, which months."""
    span = tr("{a} s.d. {b} {year}").format(
        a=month_long(report.first), b=month_long(report.last), year=report.year
    )
    return [
        report.heading + " " + tr("RENCANA AKSI REFORMASI BIROKRASI"),
        report.unit.upper(),
        tr("PERIODE {span}").format(span=span.upper()),
    ]


def capaian_note() -> str:
    """Says whose capaian the report prints and which rating bands apply."""
    return tr(
        "Capaian dilaporkan: menurut realisasi yang dicatat. Capaian terverifikasi: hanya "
        "bulan yang bukti dukungnya sudah ditinjau dan memenuhi. Predikat (dari capaian "
        "dilaporkan): 91–100 Sangat Baik, 76–90 Baik, 66–75 Cukup, 51–65 Kurang, "
        "≤ 50 Sangat Kurang."
    )


def period_sections(report: PeriodReport) -> dict[str, str]:
    """Section headings and empty-section lines of a period report (quarter, semester, year)."""
    return {
        "areas": tr("A. Capaian per {area} sampai dengan {month} {year}").format(
            area=report.area_name.lower(), month=month_long(report.last), year=report.year
        ),
        "monthly": tr("Capaian kumulatif per bulan"),
        "teams": tr("B. Capaian per tim"),
        "persons": tr("C. Capaian per orang (area tim yang diikuti)"),
        "late": tr("D. Indikator yang terlambat dalam periode ini"),
        "no_late": tr("Tidak ada indikator yang terlambat."),
        "reviews": tr("E. Tinjauan bukti dukung per bulan realisasi"),
        "no_reviews": tr("Belum ada realisasi dalam periode ini."),
        "evidence": tr("F. Bukti dukung yang dicatat dalam periode ini"),
        "no_evidence": tr("Belum ada bukti dukung dalam periode ini."),
    }
