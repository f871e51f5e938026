"""Editing the decree (SK) of a plan: its text fields, lists and date of issue.

The whole decree is written at once, checked against the plan version the user was shown, with
one change-log row; the date of issue is read the way people write it ("2 Januari 2024",
"02/01/2024") and stored as ISO ("2024-01-02"), which is what the exports print from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.text_rules import YEAR_MAX, YEAR_MIN, check_year, clean_decree
from rbdesk.models.domain.tree import TeamNode
from rbdesk.models.edits.plan_edit import update_plan
from rbdesk.models.errors import InvalidInput, NotFoundError
from rbdesk.models.storage.schema import Plan
from rbdesk.models.storage.store import Store

# The decree's single-line and paragraph fields, in the order the decree prints them; the
# command line shows and sets exactly these.
TEXT_KEYS = ("issuer", "number", "year", "title", "decided", "place", "date",
             "signatory_title", "signatory_name", "signatory_nip", "signed_mark",
             "certifier_heading", "certifier_office", "certifier_title", "certifier_name",
             "certifier_nip")
ATTACHMENT_KEYS = ("lampiran_1", "lampiran_2")
# Set as one text on the command line, the titles separated by ";".
PARAF_KEY = "paraf"

# The month names people write on a decree: in full, the old spellings (Pebruari, Nopember) and
# the usual abbreviations, each with or without a dot. Nothing else: "Desain" is no December.
_MONTH_WORDS = {word: n for n, words in enumerate((
    ("januari", "jan"), ("februari", "pebruari", "feb", "peb"), ("maret", "mar"),
    ("april", "apr"), ("mei",), ("juni", "jun"), ("juli", "jul"),
    ("agustus", "agu", "agt", "ags"), ("september", "sep", "sept"), ("oktober", "okt"),
    ("november", "nopember", "nov", "nop"), ("desember", "des")), 1) for word in words}
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
             "KEDELAPAN", "KESEMBILAN", "KESEPULUH")


def _not_a_date(text: str) -> InvalidInput:
    return InvalidInput(tr("Tanggal SK '{text}' bukan tanggal; tulis misalnya "
                           "2 Januari 2024 atau 02/01/2024. Tidak ada yang diubah.")
                        .format(text=text))


def parse_decree_date(text: str) -> str:
    """The ISO date of ``text`` ("" for an unsigned draft); InvalidInput if it is no date."""
    text = " ".join(str(text).split())
    if not text:
        return ""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            date = dt.date.fromisoformat(text)
        elif m := _NUMERIC.match(text):
            date = dt.date(int(m[3]), int(m[2]), int(m[1]))
        elif (m := _WORDS.match(text)) and m[2].lower() in _MONTH_WORDS:
            date = dt.date(int(m[3]), _MONTH_WORDS[m[2].lower()], int(m[1]))
        else:
            raise _not_a_date(text)
    except ValueError:
        raise _not_a_date(text) from None
    # A plan's years are YEAR_MIN..YEAR_MAX; a decree dated outside them is a typing slip.
    if not check_year(date.year):
        raise InvalidInput(tr("Tanggal SK '{text}': tahunnya di luar {lo}–{hi}. Tidak ada yang "
                              "diubah.").format(text=text, lo=YEAR_MIN, hi=YEAR_MAX))
    return date.isoformat()


def read_decree(store: Store, plan_uuid: str) -> tuple[dict[str, Any], int]:
    """The plan's decree and the plan version it belongs to."""
    with store.read():
        plan = Plan.get_or_none((Plan.uuid == plan_uuid) & (Plan.deleted == False))  # noqa: E712
        if plan is None:
            raise NotFoundError(tr("Rencana ini tidak ada lagi."))
        return dict(plan.decree or {}), plan.version


def checked_decree(decree: dict[str, Any]) -> dict[str, Any]:
    """The decree as it will be stored: cleaned, its date in ISO form; InvalidInput if not."""
    out = clean_decree(decree, InvalidInput)
    if "date" in out:
        out["date"] = parse_decree_date(out["date"])
    year = out.get("year")
    if isinstance(year, str) and year.strip():
        if not year.strip().isdigit():
            raise InvalidInput(tr("Tahun SK '{y}' bukan angka tahun.").format(y=year))
        out["year"] = int(year)
    return out


def save_decree(store: Store, plan_uuid: str, expected_version: int | None,
                decree: dict[str, Any]) -> int:
    """Write the whole decree (checked first: a bad value changes nothing); the plan's new
    version. A plan changed since ``expected_version`` raises ConflictError."""
    return update_plan(store, plan_uuid, expected_version, decree=checked_decree(decree))


def set_decree_fields(store: Store, plan_uuid: str, fields: dict[str, str],
                      expected_version: int | None = None) -> int:
    """Change some text fields (TEXT_KEYS, or lampiran_1 / lampiran_2 for the attachment
    headings, paraf as titles separated by ";") and keep the rest of the decree; the plan's
    new version."""
    known = {*TEXT_KEYS, *ATTACHMENT_KEYS, PARAF_KEY}
    unknown = sorted(set(fields) - known)
    if unknown:
        raise InvalidInput(tr("Isian SK tidak dikenal: {keys}. Yang dapat diubah: {known}.")
                           .format(keys=", ".join(unknown),
                                   known=", ".join([*TEXT_KEYS, *ATTACHMENT_KEYS,
                                                    PARAF_KEY])))
    decree, version = read_decree(store, plan_uuid)
    titles = dict(decree.get("attachment_titles") or {})
    for key, value in fields.items():
        if key in ATTACHMENT_KEYS:
            titles[key] = value
        elif key == PARAF_KEY:
            decree[key] = [t.strip() for t in value.split(";") if t.strip()]
        else:
            decree[key] = value
    if any(k in ATTACHMENT_KEYS for k in fields):
        decree["attachment_titles"] = titles
    return save_decree(store, plan_uuid,
                       version if expected_version is None else expected_version, decree)


def letter_labels(count: int) -> list[str]:
    """Menimbang's labels: "a.", "b.", … "z.", then "aa.", …"""
    out = []
    for i in range(count):
        name = ""
        i += 1
        while i:
            i, rest = divmod(i - 1, 26)
            name = chr(ord("a") + rest) + name
        out.append(name + ".")
    return out


def number_labels(count: int) -> list[str]:
    """Mengingat's labels: "1.", "2.", …"""
    return [f"{i}." for i in range(1, count + 1)]


def decision_labels(count: int) -> list[str]:
    """The diktum labels KESATU, KEDUA, …; past the tenth, "KE-11" and so on."""
    return [_ORDINALS[i] if i < len(_ORDINALS) else f"KE-{i + 1}" for i in range(count)]


def labelled_entries(texts: Sequence[str], labels: Iterable[str]) -> list[dict[str, str]]:
    return [{"label": label, "text": text} for label, text in zip(labels, texts, strict=False)]


_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "atau"}


def _team_words(name: str) -> str:
    """A roster heading ("TIM PENGUATAN KELEMBAGAAN") as the diktum writes it ("Tim Penguatan
    Kelembagaan"); a name already in mixed case is kept."""
    name = " ".join(name.split())
    if name != name.upper():
        return name
    words = [w.capitalize() if i == 0 or w.lower() not in _SMALL_WORDS else w.lower()
             for i, w in enumerate(name.lower().split(" "))]
    out = " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) if "-" in w else w
                   for w in words)
    return out if out.lower().startswith("tim ") else tr("Tim {name}").format(name=out)


def kesatu_items(teams: Sequence[TeamNode]) -> list[str]:
    """The team list of the first diktum, as the 2024 decree prints it, from the roster:
    "1. Tim Pengarah;", "2. Tim Pelaksana, yang terbagi dalam;", "a. …;" per area team,
    "… ; dan" before the last one, and the change agents last."""
    heads: list[tuple[str, list[str]]] = []
    for kind in ("pengarah", "pelaksana", "agen"):
        for team in (t for t in teams if t.kind == kind):
            subs = [_team_words(t.name) for t in teams if t.kind == "area"] if (
                kind == "pelaksana") else []
            heads.append((_team_words(team.name), subs))
    if not any(t.kind == "pelaksana" for t in teams):
        subs = [_team_words(t.name) for t in teams if t.kind == "area"]
        heads[1:1] = [(s, []) for s in subs]
    lines: list[str] = []
    for n, (head, subs) in enumerate(heads, 1):
        lines.append(f"{n}. {head}" + (tr(", yang terbagi dalam;") if subs else ""))
        lines += [f"{letter} {sub}" for letter, sub in zip(letter_labels(len(subs)), subs,
                                                             strict=True)]
    # The punctuation of a list in a decree: ";" after each, "; dan" before the last, "." last.
    plain = [i for i, line in enumerate(lines) if not line.endswith(";")]
    for k, i in enumerate(plain):
        if k == len(plain) - 1:
            lines[i] += "."
        elif k == len(plain) - 2:
            lines[i] += tr("; dan")
        else:
            lines[i] += ";"
    return lines
