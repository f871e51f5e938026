"""A mapped sheet turned into a plan, with everything it could not place listed, not dropped.

:func:`read_mapped_sheet` is the engine behind ``rbdesk import`` (and, later, the window's import
assistant): a grid and a :class:`Mapping` in, an :class:`ImportPreview` out — the plan, its counts,
the fill colours read as "planned", and every non-empty cell of the table that did not make it
into the plan (sheet, cell, value, why).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from rbdesk.exports.excel.cells import cell_text, month_of, normalised, split_label
from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.guess import header_chain, is_column_numbers
from rbdesk.exports.excel.layout import PLAN_COLUMNS, fingerprint
from rbdesk.exports.excel.mapping import LEVELS, NO_HOME, SCHEDULE, Mapping, Role
from rbdesk.exports.excel.periods import CHECKS, is_mark, quarter_months, written_months
from rbdesk.exports.progress import Progress
from rbdesk.i18n import tr
from rbdesk.models.domain.indicator_fields import (
    DEFAULT_LEVEL_NAMES,
    MAX_EXTRA_COLUMNS,
    check_level_names,
)
from rbdesk.models.domain.text_rules import NAME_CHARS
from rbdesk.models.errors import InvalidInput

MAX_ROWS = 250_000
CLOSING = ("ditetapkan", "salinan sesuai", "mengetahui", "pada tanggal", "disahkan")
LEVEL_NAMES = {
    Role.AREA: "area",
    Role.KEGIATAN: "kegiatan",
    Role.SUBKEGIATAN: "sub kegiatan",
    Role.INDIKATOR: "indikator",
}
# The columns whose first one fills an indicator's field; further ones (and every "simpan"
# column) are kept under their header (models.domain.indicator_fields).
FIELD_OF = {Role.TARGET: "target", Role.SATUAN: "target_unit", Role.PJ: "responsible"}
# A target written with its unit ("12 kali", "100%") where no column holds the satuan.
_TARGET_WITH_UNIT = re.compile(r"^([-+]?\d[\d.,]*)\s*(%|[^\W\d_][^\n]{0,60})$")


@dataclass
class LeftOut:
    """One cell of the table that is not in the plan, and why."""

    sheet: str
    row: int
    col: int
    value: str
    why: str

    @property
    def cell(self) -> str:
        return f"{get_column_letter(self.col)}{self.row}"


@dataclass
class ImportPreview:
    """What an import would add, before anything is written."""

    plan: dict[str, Any]
    mapping: Mapping
    left_out: list[LeftOut] = field(default_factory=list)
    colours: dict[str, int] = field(default_factory=dict)  # read as planned: cells
    other_colours: dict[str, int] = field(default_factory=dict)  # seen, not read as planned
    notes: list[str] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int, int]:
        areas = self.plan["areas"]
        acts = [c for a in areas for c in a["activities"]]
        subs = [s for c in acts for s in c["sub_activities"]]
        return len(areas), len(acts), len(subs), sum(len(s["indicators"]) for s in subs)

    def month_counts(self) -> list[int]:
        """How many indicators are planned in each month, January first."""
        out = [0] * 12
        for a in self.plan["areas"]:
            for c in a["activities"]:
                for s in c["sub_activities"]:
                    for i in s["indicators"]:
                        for m in i["planned_months"]:
                            out[m - 1] += 1
        return out


def _strip_label(label: str, text: str) -> str:
    if not label:
        return text
    if text == label:
        return ""
    return text[len(label) + 1 :] if text.startswith(label + " ") else text


class _Row:
    """One data row as the mapping reads it."""

    def __init__(self, r: int) -> None:
        self.r = r
        self.text: dict[Role, list[str]] = {lv: [] for lv in LEVELS}
        self.starts: set[Role] = set()
        self.months: set[int] = set()
        self.notes: list[str] = []
        self.number: tuple[int, str] | None = None
        # Target, satuan, penanggung jawab and kept columns: (column, text, the row's own cell
        # rather than one merged down from above).
        self.written: list[tuple[int, str, bool]] = []
        self.cells: list[Any] = []  # the first PLAN_COLUMNS values, for the fingerprint


class SheetReader:
    def __init__(
        self,
        grid: SheetGrid,
        mapping: Mapping,
        year: int,
        saved: dict[int, list[str]] | None,
        bar: Progress,
    ) -> None:
        self.grid = grid
        self.m = mapping
        self.year = year
        self.saved = saved
        self.bar = bar
        self.left: list[LeftOut] = []
        self._r = 0  # the row being read
        self.notes: list[str] = list(grid.notes)
        self.first = (mapping.header_row or 1) + mapping.header_rows
        self.schedule_cols = {c for c, r in mapping.columns.items() if r.role in SCHEDULE}
        self.used_colours: Counter[str] = Counter()
        self.other_colours: Counter[str] = Counter()
        self.planned_colours = self._planned_colours()
        self.heads = {
            c: " ".join(
                t for t in header_chain(grid, mapping.header_row or 1, mapping.header_rows, c) if t
            )
            for c in mapping.columns
        }
        self.level_heads = {
            c: normalised(
                " ".join(header_chain(grid, mapping.header_row or 1, mapping.header_rows, c)[:1])
            )
            for c, role in mapping.columns.items()
            if role.role in LEVELS
        }
        self.written_cols = sorted(c for c, r in mapping.columns.items() if r.role in NO_HOME)
        # Each role's first column is the indicator's field; the others are kept by name.
        self.field_cols = {
            mapping.columns_with(role)[0]: key
            for role, key in FIELD_OF.items()
            if mapping.columns_with(role)
        }
        self.kept_names = self._kept_names()
        if len(self.kept_names) > MAX_EXTRA_COLUMNS:
            raise InvalidInput(
                tr(
                    "Terlalu banyak kolom yang disimpan ({n}; batasnya {limit}); abaikan "
                    "sebagian dengan --map."
                ).format(n=len(self.kept_names), limit=MAX_EXTRA_COLUMNS)
            )

    def _kept_names(self) -> dict[int, str]:
        """The name each kept column goes by in the plan: its header, made unique."""
        names: dict[int, str] = {}
        taken: set[str] = set()
        # A quarter's or a year's column may hold a value ("25%": that quarter's target) beside
        # the months it plans: kept under its header too.
        periods = [c for c, r in self.m.columns.items() if r.role in (Role.TRIWULAN, Role.TAHUN)]
        for c in sorted({*self.written_cols, *periods}):
            if c in self.field_cols:
                continue
            name = " ".join(self.heads.get(c, "").split())[:200] or tr("Kolom {col}").format(
                col=get_column_letter(c)
            )
            unique, n = name, 2
            while unique.casefold() in taken:
                unique, n = f"{name} ({n})", n + 1
            taken.add(unique.casefold())
            names[c] = unique
        return names

    def level_names(self) -> list[str]:
        """The plan's level names from the headers of its level columns (a level without a
        column keeps its default); [] when they are the defaults."""
        names = []
        for role, default in zip(LEVELS, DEFAULT_LEVEL_NAMES, strict=True):
            cols = self.m.columns_with(role)
            head = " ".join(self.heads.get(cols[0], "").split()) if cols else ""
            if head.isupper():
                head = head.capitalize()
            names.append(head[:NAME_CHARS] if head else tr(default))
        return check_level_names(names, InvalidInput)

    def fields(self, row: _Row) -> dict[str, Any]:
        """An indicator's target, satuan, penanggung jawab and kept columns from its row."""
        out: dict[str, Any] = {"target": "", "target_unit": "", "responsible": ""}
        extra: list[list[str]] = []
        for c, text, _own in row.written:
            key = self.field_cols.get(c)
            if key is not None and len(text) <= NAME_CHARS:
                out[key] = " ".join(text.split())
            else:
                name = self.kept_names.get(c) or " ".join(self.heads.get(c, "").split())
                extra.append([name or get_column_letter(c), text])
        match = _TARGET_WITH_UNIT.match(out["target"])
        if match and not self.m.columns_with(Role.SATUAN) and not out["target_unit"]:
            out["target"], out["target_unit"] = match.group(1), match.group(2).strip()
        out["extra_columns"] = extra
        return out

    # -- what is left out ---------------------------------------------------------------
    def leave(self, r: int, c: int, value: Any, why: str) -> None:
        text = cell_text(value)
        self.left.append(
            LeftOut(self.grid.name, r, c, text if len(text) <= 60 else text[:57] + "…", why)
        )

    def _head(self, c: int) -> str:
        return self.heads.get(c, "")[:40] or tr("tanpa judul")

    # -- fill colours ----------------------------------------------------------------------
    def _fill(self, r: int, c: int) -> str | None:
        key = self.grid.fills.get((r, c))
        if key is None and (anchor := self.grid.anchor(r, c)) is not None:
            key = self.grid.fills.get(anchor)
        return key

    def _band(self, r: int) -> set[str]:
        """Colours that also fill a non-schedule cell of the row: a shaded row, not a plan."""
        return self._bands.get(r, set())

    def _planned_colours(self) -> set[str]:
        fills = self.grid.fills
        self._bands: dict[int, set[str]] = {}
        for (r, c), k in fills.items():
            if c not in self.schedule_cols:
                self._bands.setdefault(r, set()).add(k)
        if self.m.planned_colours is not None:
            return set(self.m.planned_colours)
        top = self.m.header_row or 1
        header = {k for (r, _c), k in fills.items() if top <= r < self.first}
        seen: Counter[str] = Counter()
        band: Counter[str] = Counter()
        for (r, c), k in fills.items():
            if r < self.first or c not in self.schedule_cols:
                continue
            if k in self._band(r):
                band[k] += 1
            else:
                seen[k] += 1
        return {k for k, n in seen.items() if n > band[k] and k not in header}

    # -- one row ---------------------------------------------------------------------------
    def _value(self, r: int, c: int) -> tuple[Any, bool]:
        """The cell's value and whether it is its own (not read through a merged range)."""
        v = self.grid.value(r, c)
        if v is not None and cell_text(v):
            return v, True
        anchor = self.grid.anchor(r, c)
        if anchor is not None:
            return self.grid.value(*anchor), False
        return None, True

    def _schedule(self, row: _Row, c: int) -> None:
        role = self.m.columns[c]
        r = row.r
        value, own = self._value(r, c)
        anchor = self.grid.anchor(r, c)
        inherit = not own and anchor is not None and anchor[1] in self.schedule_cols
        text = cell_text(value) if (own or inherit) else ""
        mark = is_mark(value) if text else None
        if role.role is Role.TAHUN and role.number != self.year:
            why = tr("kolom tahun {y}; rencana ini tahun {plan}").format(
                y=role.number, plan=self.year
            )
            colour = self.grid.fills.get((r, c))
            if own and text:
                self.leave(r, c, value, why)
            elif colour is not None and colour not in self._band(r):
                self.leave(r, c, f"({tr('warna')} {colour})", why)
            return
        if role.role is Role.BULAN and role.number is not None:
            span = [role.number]
        elif role.role is Role.TRIWULAN and role.number is not None:
            span = quarter_months(role.number, self.m.quarter)
        elif role.role is Role.TAHUN:
            span = list(range(1, 13))
        else:
            span = []
        colour = self._fill(r, c)
        if colour is not None:
            if colour in self.planned_colours and span:
                row.months.update(span)
                self.used_colours[colour] += 1
            elif colour not in self._band(r) and not mark:
                self.other_colours[colour] += 1
                if own:
                    self.leave(
                        r,
                        c,
                        f"({tr('warna')} {colour})",
                        tr(
                            "warna sel tidak dibaca sebagai bulan rencana (pilih warna "
                            "dengan --planned-colours)"
                        ),
                    )
        if not text:
            return
        if mark is True and span:
            row.months.update(span)
            return
        if mark is False or not own:
            return
        if (
            role.role is Role.TRIWULAN
            and role.number is None
            and text.upper().rstrip(".") in ("I", "II", "III", "IV", "1", "2", "3", "4")
        ):
            q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(text.upper().rstrip("."))
            row.months.update(quarter_months(q or int(text.rstrip(".")), self.m.quarter))
            return
        written = written_months(value)
        if written is not None:
            row.months.update(written)
            return
        if span and role.role in (Role.TRIWULAN, Role.TAHUN):
            # A target written for the period: the period is planned, the value kept.
            row.months.update(span)
            row.written.append((c, text, True))
            return
        what = (
            tr("tanda bulan '{v}' tidak dikenal (gunakan √, v, x, 1 atau nama bulan)").format(
                v=text[:20]
            )
            if role.role is Role.BULAN
            else tr("isi '{v}' tidak dikenal sebagai jadwal").format(v=text[:20])
        )
        self.leave(r, c, value, what)

    def _read_row(self, r: int, values: dict[int, Any]) -> _Row:
        row = _Row(r)
        row.cells = [self.grid.value(r, c) for c in range(1, PLAN_COLUMNS + 1)]
        for c in sorted(set(values) | self.schedule_cols | set(self.written_cols)):
            role = self.m.columns.get(c)
            value, own = self._value(r, c)
            text = cell_text(value) if own else ""
            if role is not None and role.role in NO_HOME:
                # A penanggung jawab or a target merged down over several rows belongs to
                # every row it spans; a cell merged across from another column does not.
                anchor = self.grid.anchor(r, c)
                if not own and anchor is not None and anchor[1] == c and cell_text(value):
                    row.written.append((c, cell_text(value), False))
                    continue
            if role is None:
                if text:
                    self.leave(r, c, value, tr("di luar kolom yang dipetakan"))
                continue
            if role.role in SCHEDULE:
                self._schedule(row, c)
                continue
            if not text:
                continue
            if text in CHECKS and role.role is not Role.ABAIKAN:
                self.leave(r, c, value, tr("tanda {mark} di luar kolom bulan").format(mark=text))
                continue
            if role.role in LEVELS:
                row.text[role.role].append(text)
                row.starts.add(role.role)
            elif role.role is Role.KETERANGAN:
                row.notes.append(text)
            elif role.role is Role.NOMOR:
                row.number = (c, text)
            elif role.role in NO_HOME:
                row.written.append((c, text, True))
            else:
                self.leave(r, c, value, tr("kolom '{head}' diabaikan").format(head=self._head(c)))
        return row

    def _skip(self, r: int, values: dict[int, Any]) -> bool:
        """A header row repeated on a later page, the month-name row, the column-number row."""
        if not self.m.header_row:
            return False
        texts = {c: normalised(v) for c, v in values.items()}
        heads = self.level_heads
        same = sum(1 for c, h in heads.items() if h and texts.get(c) == h)
        if same >= 2 or (same and same == len(heads)):
            return True
        if sum(1 for v in values.values() if month_of(v)) >= 6:
            return True
        return is_column_numbers(values)

    def _section(self, values: dict[int, Any]) -> tuple[str, str] | None:
        """A row holding only a heading ("A. MANAJEMEN PERUBAHAN", or "A" in the numbering
        column beside "MANAJEMEN PERUBAHAN" merged across): its label and text, else None."""
        if not self.m.sections or not 1 <= len(values) <= 2:
            return None
        label = ""
        if len(values) == 2:
            first = min(values)
            role = self.m.columns.get(first)
            if role is None or role.role is not Role.NOMOR:
                return None
            label = cell_text(values.pop(first))
            if len(label) > 6:
                return None
        ((c, v),) = values.items()
        text = cell_text(v)
        if not isinstance(v, str) or is_mark(v) is not None or c in self.schedule_cols:
            return None
        role = self.m.columns.get(c)
        merge = self.grid.merge_at(self._r, c)
        wide = merge is not None and merge[3] > merge[1]
        if wide or (
            not label and (role is None or role.role in (Role.NOMOR, Role.SIMPAN, Role.ABAIKAN))
        ):
            return (label, text) if label else split_label(text)
        return None

    def rows(self) -> list[_Row | tuple[int, str, str]]:
        out: list[_Row | tuple[int, str, str]] = []
        grid = self.grid
        filled = {r for (r, c) in grid.fills if c in self.schedule_cols}
        numbers = sorted(r for r in set(grid.values) | filled if r >= self.first)
        total = max(1, len(numbers))
        for n, r in enumerate(numbers):
            if n % 1000 == 0:
                self.bar.fraction(0.1 + 0.5 * n / total)
            if r - self.first > MAX_ROWS:
                raise InvalidInput(
                    tr("Tabel terlalu panjang (lebih dari {n} baris).").format(n=MAX_ROWS)
                )
            values = {c: v for c, v in grid.row_values(r).items() if cell_text(v)}
            if not values and r not in filled:
                continue
            if values:
                first = cell_text(values[min(values)]).lower()
                if first.startswith(CLOSING):
                    break
                if self._skip(r, values):
                    continue
                self._r = r
                section = self._section(dict(values))
                if section is not None:
                    out.append((r, *section))
                    continue
            row = self._read_row(r, values)
            out.append(row)
        return out


def _node(label: str, name: str, kids: str) -> dict[str, Any]:
    return {"label": label, "name": name, kids: []}


def build_tree(reader: SheetReader) -> list[dict[str, Any]]:
    """The plan's areas from the mapped rows: levels start where their cell has its own text."""
    rows = reader.rows()
    saved = reader.saved
    data = [r for r in rows if isinstance(r, _Row)]
    if saved is not None and (
        set(saved) != {r.r for r in data}
        or not all(saved[r.r][5] == fingerprint(r.cells) for r in data)
    ):
        saved = None  # the hidden sheet no longer matches the rows: read by the labels
    areas: list[dict[str, Any]] = []
    area = act = sub = None
    section: tuple[str, str] | None = None
    started: dict[int, dict[Role, dict[str, Any]]] = {}
    raw: dict[Role, tuple[str, str]] = {}  # the open levels' label and text as written
    has_area_col = bool(reader.m.columns_with(Role.AREA))
    for item in rows:
        if isinstance(item, tuple):
            r, label, name = item
            raw = {}
            if has_area_col:
                section = (label, name)  # a level above the area: joined to the area's text
                area = act = sub = None
            else:
                area = _node(label, name, "activities")
                areas.append(area)
                act = sub = None
            continue
        row = item
        joined = {lv: " — ".join(row.text[lv]) for lv in LEVELS}
        ind_text, note = joined[Role.INDIKATOR], "; ".join(row.notes)
        months = sorted(row.months)
        a_lab = row.number[1] if row.number and saved is not None else ""
        if saved is not None:
            flags, a_lab, c_lab, s_lab, i_lab, _fp = saved[row.r]
            new_area, new_act, new_sub = "A" in flags, "C" in flags, "S" in flags
            area_text = joined[Role.AREA]
            act_text = _strip_label(c_lab, joined[Role.KEGIATAN])
            sub_text = _strip_label(s_lab, joined[Role.SUBKEGIATAN])
            ind_text = _strip_label(i_lab, ind_text)
        else:
            a_lab, area_text = split_label(joined[Role.AREA])
            c_lab, act_text = split_label(joined[Role.KEGIATAN])
            s_lab, sub_text = split_label(joined[Role.SUBKEGIATAN])
            i_lab, ind_text = split_label(ind_text)
            # a level starts where its cell has text of its own; the same text written again
            # on the next row (instead of merging the cells down) continues it
            new_area = Role.AREA in row.starts and raw.get(Role.AREA) != (a_lab, area_text)
            new_act = new_area or (
                Role.KEGIATAN in row.starts and raw.get(Role.KEGIATAN) != (c_lab, act_text)
            )
            new_sub = new_act or (
                Role.SUBKEGIATAN in row.starts and raw.get(Role.SUBKEGIATAN) != (s_lab, sub_text)
            )
            if new_area:
                raw = {Role.AREA: (a_lab, area_text)}
            if new_act:
                raw = {Role.AREA: raw.get(Role.AREA, ("", "")), Role.KEGIATAN: (c_lab, act_text)}
            if new_sub:
                raw[Role.SUBKEGIATAN] = (s_lab, sub_text)
        has_ind = bool(ind_text or i_lab or months or note or any(w[2] for w in row.written))
        mine: dict[Role, dict[str, Any]] = {}
        if new_area or area is None:
            if section is not None:
                s_label, s_name = section
                a_lab = a_lab or s_label
                area_text = " — ".join(t for t in (s_name, area_text) if t)
            area = _node(a_lab, area_text, "activities")
            areas.append(area)
            act = sub = None
            if new_area:
                mine[Role.AREA] = area
        if new_act:
            act = sub = None
            if act_text or c_lab or sub_text or s_lab or has_ind:
                act = _node(c_lab, act_text, "sub_activities")
                area["activities"].append(act)
                mine[Role.KEGIATAN] = act
        if new_sub:
            sub = None
            if sub_text or s_lab or has_ind:
                if act is None:
                    act = _node("", "", "sub_activities")
                    area["activities"].append(act)
                sub = _node(s_lab, sub_text, "indicators")
                act["sub_activities"].append(sub)
                mine[Role.SUBKEGIATAN] = sub
        if sub is None:
            if not has_ind:
                if row.number and saved is None:
                    started[row.r] = mine
                continue
            if act is None:
                act = _node("", "", "sub_activities")
                area["activities"].append(act)
            sub = _node("", "", "indicators")
            act["sub_activities"].append(sub)
        if has_ind or not sub["indicators"]:
            ind = {
                "label": i_lab,
                "text": ind_text,
                "planned_months": months,
                "note": note,
                **reader.fields(row),
                "realisation": [],
                "evidence": [],
            }
            sub["indicators"].append(ind)
            mine[Role.INDIKATOR] = ind
        if row.number and saved is None:
            started[row.r] = mine
    if saved is None:
        _label_by_numbers(reader, [r for r in data if r.number], started)
    return areas


def _label_by_numbers(
    reader: SheetReader, numbered: list[_Row], started: dict[int, dict[Role, dict[str, Any]]]
) -> None:
    """A numbering column labels the level it numbers (never starts one): the highest level
    that starts on every numbered row, else the one that starts on most of them."""
    if not numbered:
        return
    counts = {lv: sum(1 for r in numbered if lv in started.get(r.r, {})) for lv in LEVELS}
    full = [lv for lv in LEVELS if counts[lv] == len(numbered)]
    level = full[0] if full else max(LEVELS, key=lambda lv: counts[lv])
    texts = [r.number[1] for r in numbered if r.number]
    counter = all(t.isdigit() for t in texts) and [int(t) for t in texts] == list(
        range(1, len(texts) + 1)
    )
    clash = any(
        (node := started.get(r.r, {}).get(level)) is None or node["label"] for r in numbered
    )
    if counter and clash:
        # "1, 2, 3 …" down every row: the order of the rows, which the plan keeps
        col = numbered[0].number[0] if numbered[0].number else 1
        reader.notes.append(
            tr(
                "Kolom {col}: nomor urut baris 1–{n}, hanya penomoran; urutan baris tetap terjaga."
            ).format(col=get_column_letter(col), n=len(texts))
        )
        return
    for row in numbered:
        assert row.number is not None
        col, number = row.number
        node = started.get(row.r, {}).get(level)
        if node is not None and not node["label"]:
            node["label"] = number
        elif node is None:
            reader.leave(
                row.r,
                col,
                number,
                tr("nomor di baris yang tidak memulai {level} baru").format(
                    level=LEVEL_NAMES[level]
                ),
            )
        elif node["label"] != number:
            reader.leave(
                row.r,
                col,
                number,
                tr("{level} ini sudah bernomor '{label}'").format(
                    level=LEVEL_NAMES[level], label=node["label"]
                ),
            )
