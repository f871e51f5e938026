"""The wording every document prints, PDF and Excel alike: month names, dates, the decree
reference, labelled items, the plan table's header and the roster's section titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.months import MONTHS, month_long, month_short
from rbdesk.models.domain.tree import TeamNode

CHECK = "√"
COPIES = ("asli", "salinan")  # the original for wet signature; the certified copy


def draft_mark() -> str:
    """What every page of a draft decree's PDFs carries."""
    return tr("KONSEP")


def is_draft(decree: dict[str, Any]) -> bool:
    """A decree without its number or its date has not been signed yet: it is a draft."""
    return not str(decree.get("number") or "").strip() or not str(decree.get("date") or "").strip()


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


def decree_ref(decree: dict[str, Any]) -> tuple[str, str, str]:
    issuer = decree.get("issuer") or ""
    number = tr("NOMOR {number} TAHUN {year}").format(number=decree.get("number", ""),
                                                      year=decree.get("year", ""))
    return tr("KEPUTUSAN {issuer}").format(issuer=issuer), number, decree.get("title", "")


def labelled(label: str, name: str) -> str:
    label, name = (label or "").strip(), name or ""
    return f"{label} {name}" if label and name else (label or name)


def plan_header() -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    top = [tr("NO."), tr("AREA PERUBAHAN"), tr("KEGIATAN"), tr("SUB KEGIATAN"),
           tr("INDIKATOR KEBERHASILAN"), tr("PELAKSANAAN (BULAN)")] + [""] * 11 + [
           tr("KETERANGAN")]
    months = [""] * 5 + [month_short(m) for m in MONTHS] + [""]
    numbers = [str(i) for i in range(1, 19)]
    spans = [(c, c, 0, 1) for c in range(5)] + [(5, 16, 0, 0), (17, 17, 0, 1)]
    return [top, months, numbers], spans


def section_title(team: TeamNode) -> str:
    if team.kind == "pengarah" and not team.label:
        return team.name or tr("PENGARAH")
    if team.label:
        return f"{team.label}. {team.name}"
    return team.name
