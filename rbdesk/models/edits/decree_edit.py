"""Editing the decree (SK) of a plan: its text fields, lists and date of issue.

The whole decree is written at once, checked against the plan version the user was shown, and
logged key by key (``plan_edit.log_decree_change``); the date of issue is read the way people
write it ("2 Januari 2024", "02/01/2024") and stored as ISO ("2024-01-02"), which is what the
exports print from.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.text_rules import (
    DECREE_TEXT_KEYS,
    YEAR_MAX,
    YEAR_MIN,
    check_year,
    clean_decree,
)
from rbdesk.models.domain.tree import TeamNode
from rbdesk.models.edits.plan_edit import log_decree_change, update_plan
from rbdesk.models.edits.roster_edit import set_team_area_in, update_member_in, update_team_in
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.schema import Area, Membership, Plan, Team
from rbdesk.models.storage.store import Store, Tx

ATTACHMENT_KEYS = ("lampiran_1", "lampiran_2")
# Set as one text on the command line, the titles separated by ";".
PARAF_KEY = "paraf"

# The month names people write on a decree: in full, the old spellings (Pebruari, Nopember) and
# the usual abbreviations, each with or without a dot. Nothing else: "Desain" is no December.
_MONTH_WORDS = {
    word: n
    for n, words in enumerate(
        (
            ("januari", "jan"),
            ("februari", "pebruari", "feb", "peb"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "des"),
        ),
        1,
    )
    for word in words
}
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ORDINALS = (
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
)


def _not_a_date(text: str) -> InvalidInput:
    return InvalidInput(
        tr(
            "Tanggal SK '{text}' bukan tanggal; tulis misalnya "
            "2 Januari 2024 atau 02/01/2024. Tidak ada yang diubah."
        ).format(text=text)
    )


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
        raise InvalidInput(
            tr("Tanggal SK '{text}': tahunnya di luar {lo}–{hi}. Tidak ada yang diubah.").format(
                text=text, lo=YEAR_MIN, hi=YEAR_MAX
            )
        )
    return date.isoformat()


def read_decree(store: Store, plan_uuid: str) -> tuple[dict[str, Any], int]:
    """The plan's decree and the plan version it belongs to."""
    with store.read():
        plan = Plan.live_by_uuid(plan_uuid, tr("Rencana ini tidak ada lagi."))
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


def save_decree(
    store: Store, plan_uuid: str, expected_version: int | None, decree: dict[str, Any]
) -> int:
    """Write the whole decree (checked first: a bad value changes nothing); the plan's new
    version. A plan changed since ``expected_version`` raises ConflictError."""
    return update_plan(store, plan_uuid, expected_version, decree=checked_decree(decree))


@dataclass(frozen=True)
class RowEdit:
    """New values for some fields of one team (name, duties, area) or membership (role,
    position), and the row's version they were made on."""

    uuid: str
    version: int | None
    fields: dict[str, Any]


@dataclass(frozen=True)
class DecreeEdits:
    """One Data SK save: the decree (None: left as it is) and the rows of Lampiran I, each with
    the version the user was shown. :func:`save_decree_edits` writes all of it or nothing."""

    plan_uuid: str
    plan_version: int | None
    decree: dict[str, Any] | None = None
    teams: tuple[RowEdit, ...] = ()
    members: tuple[RowEdit, ...] = ()
    # Notes for the user (KESATU not naming a renamed team); not part of what is written.
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        return self.decree is None and not self.teams and not self.members


def save_decree_edits(store: Store, edits: DecreeEdits) -> DecreeEdits:
    """Write a Data SK save in one transaction: the decree (checked first) and the teams and
    memberships, each version-checked; a team renamed is renamed in KESATU's list too. A row
    changed meanwhile raises ConflictError and nothing is written. Returns the edits that undo
    this save (the values it replaced, at the versions it wrote), for :func:`apply_decree_edits`.
    """
    if edits.decree is not None:
        edits = replace(edits, decree=checked_decree(edits.decree))
    return _write_edits(store, edits, follow_teams=True)


def apply_decree_edits(store: Store, edits: DecreeEdits) -> DecreeEdits:
    """Undo or redo of a save: ``edits`` as they are (what :func:`save_decree_edits` returned),
    in one version-checked transaction; returns the edits that reverse this one."""
    return _write_edits(store, edits, follow_teams=False)


def _write_edits(store: Store, edits: DecreeEdits, follow_teams: bool) -> DecreeEdits:
    with store.write(edits.plan_uuid) as tx:
        plan = Plan.live_by_uuid(edits.plan_uuid, tr("Rencana ini tidak ada lagi."))
        stored = dict(plan.decree or {})
        decree = edits.decree
        undo_teams = [_edit_team(tx, plan.id, edit) for edit in edits.teams]
        undo_members = [_edit_member(tx, plan.id, edit) for edit in edits.members]
        notes: list[str] = []
        if follow_teams:
            renames = [
                (str(before.fields["name"]), str(edit.fields["name"]))
                for edit, before in zip(edits.teams, undo_teams, strict=True)
                if "name" in before.fields
            ]
            if renames:
                decree, notes = kesatu_renamed(stored if decree is None else decree, renames)
        version = plan.version
        undo_decree: dict[str, Any] | None = None
        if decree is not None and decree != stored:
            version = _write_decree(tx, plan, edits.plan_version, decree)
            undo_decree = stored
        # A row the save left as it was needs no undo (and its version was not bumped).
        return DecreeEdits(
            edits.plan_uuid,
            version,
            undo_decree,
            tuple(e for e in undo_teams if e.fields),
            tuple(e for e in undo_members if e.fields),
            tuple(notes),
        )


def _write_decree(tx: Tx, plan: Plan, expected_version: int | None, decree: dict[str, Any]) -> int:
    """The decree written inside a Data SK save's transaction; the plan's new version. Logged
    exactly as :func:`plan_edit.update_plan` logs a decree edit: keep the two alike, so
    Riwayat and merge read a save from the dialog as they read one from ``rbdesk sk``."""
    version = tx.bump(Plan, plan.uuid, expected_version, decree=decree)
    log_decree_change(tx, plan.uuid, plan.decree, decree)
    return version


def _edit_team(tx: Tx, plan_id: int, edit: RowEdit) -> RowEdit:
    """One team's name, duties and area; the edit that puts back what it replaced."""
    team = Team.live_by_uuid(edit.uuid, tr("Tim ini sudah dihapus oleh pengguna lain."))
    if team.plan_id != plan_id:
        raise InvalidInput(tr("Tim itu bukan bagian dari rencana ini."))
    if edit.version is not None and team.version != edit.version:
        # A row changed since it was shown: the ConflictError naming who did it, even when the
        # fields asked for are already what the colleague wrote (the save is all or nothing).
        tx.bump(Team, edit.uuid, edit.version)
    old_area = Area.get_by_id(team.area_id).uuid if team.area_id else None
    current = {"name": team.name, "duties": list(team.duties or []), "area": old_area}
    plain = {k: v for k, v in edit.fields.items() if k != "area"}
    version = team.version
    if plain:
        version = update_team_in(tx, edit.uuid, version, plain)
    if "area" in edit.fields:
        version = set_team_area_in(tx, edit.uuid, edit.fields["area"] or None, version)
    before = {k: current[k] for k in edit.fields if current[k] != _team_value(k, edit.fields[k])}
    return RowEdit(edit.uuid, version, before)


def _team_value(key: str, value: Any) -> Any:
    """A team field as it will be stored (blank duties dropped, no area as None)."""
    if key == "duties":
        return [str(d) for d in value if str(d).strip()]
    if key == "area":
        return value or None
    return value


def _edit_member(tx: Tx, plan_id: int, edit: RowEdit) -> RowEdit:
    """One membership's role and position; the edit that puts back what it replaced."""
    member = Membership.live_by_uuid(
        edit.uuid, tr("Anggota tim ini sudah dihapus oleh pengguna lain.")
    )
    if member.team.plan_id != plan_id:
        raise InvalidInput(tr("Anggota itu bukan bagian dari rencana ini."))
    if edit.version is not None and member.version != edit.version:
        tx.bump(Membership, edit.uuid, edit.version)
    before = {k: getattr(member, k) for k in edit.fields if getattr(member, k) != edit.fields[k]}
    version = update_member_in(tx, edit.uuid, member.version, dict(edit.fields))
    return RowEdit(edit.uuid, version, before)


def set_decree_fields(
    store: Store, plan_uuid: str, fields: dict[str, str], expected_version: int | None = None
) -> int:
    """Change some text fields (DECREE_TEXT_KEYS, or lampiran_1 / lampiran_2 for the attachment
    headings, paraf as titles separated by ";") and keep the rest of the decree; the plan's
    new version."""
    decree, version = read_decree(store, plan_uuid)
    return save_decree(
        store,
        plan_uuid,
        version if expected_version is None else expected_version,
        decree_with_fields(decree, fields),
    )


def decree_with_fields(decree: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """``decree`` with some text fields changed (as :func:`set_decree_fields` takes them),
    not yet checked; InvalidInput for a key that is not one of them."""
    known = {*DECREE_TEXT_KEYS, *ATTACHMENT_KEYS, PARAF_KEY}
    unknown = sorted(set(fields) - known)
    if unknown:
        raise InvalidInput(
            tr("Isian SK tidak dikenal: {keys}. Yang dapat diubah: {known}.").format(
                keys=", ".join(unknown),
                known=", ".join([*DECREE_TEXT_KEYS, *ATTACHMENT_KEYS, PARAF_KEY]),
            )
        )
    decree = dict(decree)
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
    return decree


def _name_in_line(name: str) -> re.Pattern[str]:
    """A team's name as a KESATU line holds it: after the line's label or a space, and followed
    by the end of the line or its punctuation (so "Tim Penguatan" is not found inside "Tim
    Penguatan Kelembagaan")."""
    return re.compile(rf"(?<!\S){re.escape(_team_words(name))}(?=\s*(?:[;,.]|$))", re.IGNORECASE)


def kesatu_names(items: Sequence[Any], name: str) -> bool:
    """Whether KESATU's lines name the team ``name`` (as :func:`kesatu_items` writes it)."""
    pattern = _name_in_line(name)
    return any(isinstance(line, str) and pattern.search(line) for line in items)


def kesatu_renamed(
    decree: dict[str, Any], renames: Sequence[tuple[str, str]]
) -> tuple[dict[str, Any], list[str]]:
    """The decree with each renamed team (old, new) renamed in KESATU's lines as well, and a
    note for each renamed team KESATU does not name at all (its list then needs refilling)."""
    out = copy.deepcopy(decree)
    decisions = out.get("decisions")
    first = decisions[0] if isinstance(decisions, list) and decisions else None
    if not isinstance(first, dict) or not isinstance(first.get("items"), list):
        return out, []
    items: list[Any] = list(first["items"])
    notes: list[str] = []
    # Every rename is found in the lines as they were, then all are written at once: two teams
    # that swap names must not have the second rename catch the first one's result.
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for old, new in renames:
        pattern, written = _name_in_line(old), _team_words(new)
        hit = False
        for i, line in enumerate(items):
            if isinstance(line, str):
                for m in pattern.finditer(line):
                    spans.setdefault(i, []).append((m.start(), m.end(), written))
                    hit = True
        if not hit and not kesatu_names(items, new):
            notes.append(kesatu_note(old))
    for i, found in spans.items():
        line, end = items[i], len(items[i])
        for start, stop, written in sorted(found, reverse=True):
            if stop <= end:  # overlapping matches: the later one is kept
                line = line[:start] + written + line[stop:]
                end = start
        items[i] = line
    first["items"] = items
    return out, notes


def kesatu_note(old: str) -> str:
    return tr(
        "Diktum KESATU tidak memuat nama tim \u201c{name}\u201d; periksa KESATU, atau "
        "isi ulang dengan tombol \u201cIsi rincian dari daftar tim Lampiran I\u201d "
        "(tab Diktum)."
    ).format(name=_team_words(old))


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


_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "atau"}


def _team_words(name: str) -> str:
    """A roster heading ("TIM PENGUATAN KELEMBAGAAN") as the diktum writes it ("Tim Penguatan
    Kelembagaan"); a name already in mixed case is kept."""
    name = " ".join(name.split())
    if name != name.upper():
        return name
    words = [
        w.capitalize() if i == 0 or w.lower() not in _SMALL_WORDS else w.lower()
        for i, w in enumerate(name.lower().split(" "))
    ]
    out = " ".join(
        "-".join(p[:1].upper() + p[1:] for p in w.split("-")) if "-" in w else w for w in words
    )
    return out if out.lower().startswith("tim ") else tr("Tim {name}").format(name=out)


def kesatu_items(teams: Sequence[TeamNode]) -> list[str]:
    """The team list of the first diktum, as the 2024 decree prints it, from the roster:
    "1. Tim Pengarah;", "2. Tim Pelaksana, yang terbagi dalam;", "a. …;" per area team,
    "… ; dan" before the last one, and the change agents last."""
    heads: list[tuple[str, list[str]]] = []
    for kind in ("pengarah", "pelaksana", "agen"):
        for team in (t for t in teams if t.kind == kind):
            subs = (
                [_team_words(t.name) for t in teams if t.kind == "area"]
                if (kind == "pelaksana")
                else []
            )
            heads.append((_team_words(team.name), subs))
    if not any(t.kind == "pelaksana" for t in teams):
        subs = [_team_words(t.name) for t in teams if t.kind == "area"]
        heads[1:1] = [(s, []) for s in subs]
    lines: list[str] = []
    for n, (head, subs) in enumerate(heads, 1):
        lines.append(f"{n}. {head}" + (tr(", yang terbagi dalam;") if subs else ""))
        lines += [
            f"{letter} {sub}" for letter, sub in zip(letter_labels(len(subs)), subs, strict=True)
        ]
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
