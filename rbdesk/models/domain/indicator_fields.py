"""What offices write beside an indicator, and a plan's own names for its levels (issue 21).

An indicator may carry a target as written ("100", "12") with its unit ("%", "dokumen"), a
penanggung jawab (the name as written, linked to the roster person or team it names), and
further columns the user chose to keep, as ordered (name, value) pairs. A plan names its four
levels its own way (Sasaran, Program, Kegiatan, Output), or keeps the KPU's names. These rules are
defined here once: the edits, load and merge, the exports and the window use them.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from typing import Any

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.text_rules import NAME_CHARS, TEXT_CHARS
from rbdesk.models.text import clean_text

Fail = Callable[[str], Exception]

# The KPU's names, the plan's levels from the top (area, activity, sub-activity, indicator).
DEFAULT_LEVEL_NAMES = (
    N_("Area perubahan"),
    N_("Kegiatan"),
    N_("Sub kegiatan"),
    N_("Indikator keberhasilan"),
)
LEVEL_KINDS = ("area", "activity", "sub_activity", "indicator")
# Far above the columns of any real layout, far below what would make a row unreadable.
MAX_EXTRA_COLUMNS = 50

# The indicator's fields these rules add, with their Indonesian names (the change log, merge
# conflicts, the CLI, the window).
FIELD_LABELS = {
    "target": N_("target"),
    "target_unit": N_("satuan"),
    "responsible": N_("penanggung jawab"),
    "responsible_uuid": N_("penanggung jawab (tautan)"),
    "extra_columns": N_("kolom tambahan"),
    "level_names": N_("nama tingkat"),
}


def level_names(stored: Any) -> tuple[str, str, str, str]:
    """The four level names a plan shows: its own, or the defaults where it has none."""
    own = stored if isinstance(stored, list) and len(stored) == 4 else []
    names = [
        str(own[i]).strip() if i < len(own) and str(own[i]).strip() else tr(default)
        for i, default in enumerate(DEFAULT_LEVEL_NAMES)
    ]
    return names[0], names[1], names[2], names[3]


def level_name(stored: Any, kind: str) -> str:
    """The plan's name of the level ``kind`` ("area" … "indicator")."""
    return level_names(stored)[LEVEL_KINDS.index(kind)]


def check_level_names(value: Any, fail: Fail) -> list[str]:
    """Four short names, or [] for the defaults; the defaults themselves are stored as []."""
    if value is None or value == []:
        return []
    if not isinstance(value, list) or len(value) != 4:
        raise fail(tr("nama tingkat harus empat teks (atau kosong)"))
    out = []
    for name in value:
        if not isinstance(name, str):
            raise fail(tr("nama tingkat harus teks"))
        name = " ".join(clean_text(name).split())
        if not name:
            raise fail(tr("nama tingkat tidak boleh kosong"))
        if len(name) > NAME_CHARS:
            raise fail(tr("nama tingkat terlalu panjang"))
        out.append(name)
    if tuple(out) == tuple(tr(n) for n in DEFAULT_LEVEL_NAMES):
        return []
    return out


def check_extra_columns(value: Any, fail: Fail) -> list[list[str]]:
    """Kept columns as ordered [name, value] pairs of text: names short and distinct."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(tr("kolom tambahan harus berupa daftar"))
    if len(value) > MAX_EXTRA_COLUMNS:
        raise fail(
            tr("kolom tambahan terlalu banyak ({n}; batasnya {limit})").format(
                n=len(value), limit=MAX_EXTRA_COLUMNS
            )
        )
    out: list[list[str]] = []
    seen: set[str] = set()
    for pair in value:
        if (
            not isinstance(pair, (list, tuple))
            or len(pair) != 2
            or not all(isinstance(p, str) for p in pair)
        ):
            raise fail(tr("kolom tambahan harus berupa pasangan [nama, isi] teks"))
        name, text = " ".join(clean_text(pair[0]).split()), clean_text(pair[1])
        if not name:
            raise fail(tr("nama kolom tambahan kosong"))
        if len(name) > NAME_CHARS or len(text) > TEXT_CHARS:
            raise fail(tr("kolom tambahan '{name}' terlalu panjang").format(name=name[:40]))
        if name.casefold() in seen:
            raise fail(tr("kolom tambahan '{name}' muncul dua kali").format(name=name[:40]))
        seen.add(name.casefold())
        out.append([name, text])
    return out


def extra_value(extra: Any, name: str) -> str:
    """The value of the kept column ``name`` of an indicator ("" when it has none)."""
    for pair in extra or []:
        if pair[0].casefold() == name.casefold():
            return str(pair[1])
    return ""


def extra_names(rows: Iterable[Any]) -> list[str]:
    """The kept columns' names over many indicators' ``extra_columns``, in an order that keeps
    each indicator's own order wherever the indicators agree (a column before another in one
    indicator stays before it), else in first-seen order: the columns of one workbook."""
    names: dict[str, str] = {}
    after: dict[str, set[str]] = {}
    for extra in rows:
        keys = [pair[0].casefold() for pair in extra or []]
        for pair in extra or []:
            names.setdefault(pair[0].casefold(), pair[0])
        for a, b in zip(keys, keys[1:], strict=False):
            after.setdefault(b, set()).add(a)
    # Kahn's topological order; the first-seen position breaks ties and cycles.
    keys = list(names)
    index = {k: i for i, k in enumerate(keys)}
    waiting = {k: len(after.get(k, ())) for k in keys}
    follows: dict[str, list[str]] = {}
    for b, before in after.items():
        for a in before:
            follows.setdefault(a, []).append(b)
    ready = [index[k] for k in keys if not waiting[k]]
    heapq.heapify(ready)
    done: set[str] = set()
    order: list[str] = []
    while len(order) < len(keys):
        key = keys[heapq.heappop(ready)] if ready else next(k for k in keys if k not in done)
        if key in done:
            continue
        done.add(key)
        order.append(key)
        for b in follows.get(key, []):
            waiting[b] -= 1
            if waiting[b] == 0 and b not in done:
                heapq.heappush(ready, index[b])
    return [names[k] for k in order]


def target_text(target: str, unit: str) -> str:
    """A target as people read it: "100 %", "12 dokumen"; either part may be missing."""
    return " ".join(p for p in (target.strip(), unit.strip()) if p)


_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A name compared as people mean it: case, spacing and trailing punctuation aside."""
    return _SPACES.sub(" ", name).strip().strip(".,;:").strip().casefold()


def find_responsible(name: str, candidates: Iterable[tuple[str, str]]) -> str:
    """The uuid of the one candidate (uuid, name) whose name is ``name``; "" when none or when
    several share it (a link must never pick one of two people by chance)."""
    key = name_key(name)
    if not key:
        return ""
    found = {uuid for uuid, other in candidates if name_key(other) == key}
    return found.pop() if len(found) == 1 else ""
