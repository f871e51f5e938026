"""What text and numbers a file may hold, whichever way they come in (the window, a dump, a
merged copy, a workbook): the plan's year range, text lengths, no control characters, and the
shape of the decree (SK) that the exports print."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.text import clean_text

__all__ = ["clean_text", "clean_decree", "check_year"]

YEAR_MIN, YEAR_MAX = 2000, 2100
# Names, labels, positions, NIPs, single decree fields: a printed line or two.
NAME_CHARS = 1_000
# Indicator texts, remarks, notes, decree paragraphs.
TEXT_CHARS = 20_000
MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
MIB = 1024 * 1024


def check_year(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


# The decree's single-line and paragraph fields, in the order the decree prints them; the
# command line shows and sets exactly these.
DECREE_TEXT_KEYS = (
    "issuer",
    "number",
    "year",
    "title",
    "decided",
    "place",
    "date",
    "signatory_title",
    "signatory_name",
    "signatory_nip",
    "signed_mark",
    "certifier_heading",
    "certifier_office",
    "certifier_title",
    "certifier_name",
    "certifier_nip",
)


def clean_decree(decree: Any, fail: Callable[[str], Exception]) -> dict[str, Any]:
    """The decree as the exports read it (docs/FORMAT.md), cleaned; ``fail(what)`` makes the
    error for a value of the wrong type or size. Keys rbdesk does not know are kept as they are."""
    if not isinstance(decree, dict):
        raise fail(tr("isi SK (decree) harus berupa objek"))

    def text(value: Any, key: str, limit: int = TEXT_CHARS) -> str:
        if not isinstance(value, str):
            raise fail(tr("isi SK '{key}' harus teks").format(key=key))
        if len(value) > limit:
            raise fail(
                tr("isi SK '{key}' terlalu panjang ({n} karakter; batasnya {limit})").format(
                    key=key, n=len(value), limit=limit
                )
            )
        return clean_text(value)

    def entries(key: str, with_items: bool) -> list[dict[str, Any]]:
        value = decree.get(key) or []
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            raise fail(tr("isi SK '{key}' harus daftar objek").format(key=key))
        out = []
        for e in value:
            entry = dict(
                e,
                label=text(e.get("label", ""), key, NAME_CHARS),
                text=text(e.get("text", ""), key),
            )
            if with_items:
                items = e.get("items") or []
                if not isinstance(items, list):
                    raise fail(tr("isi SK '{key}' items harus daftar teks").format(key=key))
                entry["items"] = [text(i, key) for i in items]
            out.append(entry)
        return out

    out = dict(decree)
    for key in DECREE_TEXT_KEYS:
        if key in decree and key != "year":
            out[key] = text(decree[key], key)
    if "year" in decree:  # a number, or a text such as "2024"
        year = decree["year"]
        if isinstance(year, bool) or not isinstance(year, int | str) or len(str(year)) > 10:
            raise fail(tr("isi SK 'year' harus tahun"))
    for key, with_items in (("considerations", False), ("legal_bases", False), ("decisions", True)):
        if key in decree:
            out[key] = entries(key, with_items)
    if "paraf" in decree:
        paraf = decree["paraf"] or []
        if not isinstance(paraf, list):
            raise fail(tr("isi SK 'paraf' harus daftar teks"))
        out["paraf"] = [text(t, "paraf", NAME_CHARS) for t in paraf]
    if "attachment_titles" in decree:
        titles = decree["attachment_titles"] or {}
        if not isinstance(titles, dict):
            raise fail(tr("isi SK 'attachment_titles' harus objek"))
        out["attachment_titles"] = {str(k): text(v, "attachment_titles") for k, v in titles.items()}
    return out
