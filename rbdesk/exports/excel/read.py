"""Read a plan from a workbook: rbdesk's own, the seed's Lampiran II, or another office's layout.

:func:`preview_workbook` finds (or takes) the sheet, the header row(s) and every column's role,
and returns an :class:`ImportPreview`: the plan and every cell of the table that is not in it.
:func:`read_plan_workbook` is the strict form for callers that cannot show that report (the
window until its import assistant exists): anything left out refuses the workbook. A workbook
that cannot be understood raises InvalidInput naming the place; nothing is returned half-read.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

from rbdesk.exports.excel.book import Book
from rbdesk.exports.excel.cells import cell_text, location
from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.guess import find_header, guess_mapping
from rbdesk.exports.excel.layout import (
    META_COLUMNS,
    META_FORMAT,
    META_KEYS,
    META_SHEET,
    PLAN_COLUMNS,
    PLAN_SHEET,
)
from rbdesk.exports.excel.mapping import LEVELS, ColumnRole, Mapping, Role, parse_map
from rbdesk.exports.excel.plan_reader import ImportPreview, SheetReader, build_tree
from rbdesk.exports.progress import Progress, ProgressFn
from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.indicator_fields import check_level_names
from rbdesk.models.errors import InvalidInput

MAX_ERRORS = 15


def _meta(grid: SheetGrid) -> dict[str, Any] | None:
    rows = [
        [grid.value(r, c) for c in range(1, max(grid.row_values(r), default=0) + 1)]
        for r in sorted(grid.values)
    ]
    info: dict[str, Any] = {}
    table: dict[int, list[str]] = {}
    for row in rows[: len(META_KEYS)]:
        if row and row[0] in META_KEYS:
            info[row[0]] = cell_text(row[1]) if len(row) > 1 else ""
    if info.get("format") != META_FORMAT:
        return None
    width = len(META_COLUMNS)
    for row in rows:
        cells = [cell_text(v) for v in row] + [""] * width
        if cells[0].isdigit():
            table[int(cells[0])] = cells[1:width]
    info["rows"] = table
    return info


def _plan_header(above: list[str], meta: dict[str, Any] | None) -> dict[str, Any]:
    texts = [t for t in above if t]
    title = next(
        (t for t in texts if "RENCANA AKSI" in t.upper()), max(texts, key=len) if texts else ""
    )
    year_match = re.search(r"\b(20\d\d)\b", " ".join([title, *texts]))
    plan = {
        "unit": "",
        "year": int(year_match.group(1)) if year_match else clock.today().year,
        "title": title,
        "decree": {},
        "settings": {},
        "areas": [],
        "teams": [],
    }
    if meta:
        plan["unit"] = meta.get("unit", "")
        plan["title"] = meta.get("title", title)
        if str(meta.get("year", "")).isdigit():
            plan["year"] = int(meta["year"])
        for key in ("decree", "settings"):
            value = _json(meta.get(key), {})
            plan[key] = value if isinstance(value, dict) else {}
    return plan


def _json(text: Any, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


def _own_columns(
    grid: SheetGrid, full: Mapping, meta: dict[str, Any], given: Mapping | None
) -> None:
    """The roles rbdesk gave the columns after KETERANGAN when it wrote the sheet (a kept column
    named "PELAKSANA" is kept, not a penanggung jawab), while the sheet still has exactly those
    columns; a column the user mapped keeps the user's role."""
    for c in range(1, PLAN_COLUMNS + 1):
        # One of rbdesk's own eighteen columns whose header was damaged: its cells are not
        # another office's column to keep, so they are reported, not kept under a wrong name.
        role = full.columns.get(c)
        if (
            role is not None
            and role.role is Role.SIMPAN
            and (given is None or c not in given.columns)
        ):
            full.columns[c] = ColumnRole(Role.ABAIKAN)
    try:
        roles = parse_map(str(meta.get("columns") or ""))
    except InvalidInput:
        return
    assert full.header_row is not None
    headed = {
        c for c, v in grid.row_values(full.header_row).items() if c > PLAN_COLUMNS and cell_text(v)
    }
    if headed != set(roles):
        return
    for c, role in roles.items():
        if given is None or c not in given.columns:
            full.columns[c] = role


def _refuse_formulas(grids: list[SheetGrid]) -> None:
    """Formulas are refused everywhere rbdesk reads: their value is not known and a HYPERLINK
    or DDE formula must not travel into the plan as its title."""
    found = [location(g.name, r, c) for g in grids for r, c in g.formulas]
    if found:
        raise InvalidInput(
            tr("Buku kerja tidak dapat diimpor; tidak ada yang ditambahkan:")
            + "\n"
            + "\n".join(
                f"{w}: " + tr("rumus tidak didukung; ketik nilainya langsung")
                for w in found[:MAX_ERRORS]
            )
        )


def _choose_sheet(book: Book, mapping: Mapping) -> tuple[SheetGrid, Mapping]:
    """The sheet to read and its full mapping. "Lampiran II" wins whenever there is one."""
    names = [n for n in book.sheet_names if n != META_SHEET]
    if mapping.sheet is not None:
        if mapping.sheet not in book.sheet_names:
            raise InvalidInput(
                tr("Lembar '{sheet}' tidak ada. Lembar yang ada: {names}.").format(
                    sheet=mapping.sheet, names=", ".join(names)
                )
            )
        names = [mapping.sheet]
    else:
        named = [n for n in names if n.strip().casefold() == PLAN_SHEET.casefold()]
        names = named[:1] or names
    best: tuple[int, SheetGrid] | None = None
    for name in names:
        grid = book.grid(name)
        if mapping.header_row is not None or mapping.columns:
            best = (0, grid)
            break
        found = find_header(grid)
        if found is None:
            continue
        m = guess_mapping(grid, Mapping(header_row=found[0], header_rows=found[1]))
        assert m is not None
        score = sum(1 for r in m.columns.values() if r.role in LEVELS) * 100 + sum(
            1 for r in m.columns.values() if r.number is not None
        )
        if best is None or score > best[0]:
            best = (score, grid)
    if best is None:
        where = (
            tr("lembar '{sheet}'").format(sheet=names[0])
            if len(names) == 1
            else tr("lembar mana pun")
        )
        raise InvalidInput(
            tr(
                "Tidak ditemukan tabel Rencana Aksi: tidak ada baris judul "
                "kolom (misalnya AREA PERUBAHAN, KEGIATAN, SUB KEGIATAN, "
                "INDIKATOR KEBERHASILAN, Program, Sasaran, Rencana aksi) di "
                "{n} baris pertama {where}. Sebutkan baris judulnya dengan "
                "--header-row dan perannya dengan --map."
            ).format(n=60, where=where)
        )
    grid = best[1]
    m = Mapping(**{**mapping.__dict__, "sheet": grid.name})
    full = guess_mapping(grid, m)
    if full is None:
        raise InvalidInput(
            tr("{sheet}: baris judul kolom tidak ditemukan; sebutkan dengan --header-row.").format(
                sheet=grid.name
            )
        )
    return grid, full


def _year(plan_year: int, mapping: Mapping, notes: list[str]) -> int:
    years = sorted(
        r.number for r in mapping.columns.values() if r.role is Role.TAHUN and r.number is not None
    )
    if mapping.year is not None:
        return mapping.year
    if years and plan_year not in years:
        now = clock.today().year
        chosen = now if now in years else years[0]
        notes.append(
            tr("Kolom tahun {years}: dipakai tahun {y} (pilih dengan --year).").format(
                years=", ".join(map(str, years)), y=chosen
            )
        )
        return chosen
    if years:
        notes.append(
            tr("Kolom tahun {years}: dipakai tahun {y} (pilih dengan --year).").format(
                years=", ".join(map(str, years)), y=plan_year
            )
        )
    return plan_year


def preview_workbook(
    path: Path, mapping: Mapping | None = None, progress: ProgressFn = None
) -> ImportPreview:
    """What importing ``path`` with ``mapping`` (None: guess it) would add, and leave out."""
    path = Path(path)
    bar = Progress(progress)
    bar.fraction(0.0)
    with Book(path) as book:
        grid, full = _choose_sheet(book, mapping or Mapping())
        meta_grid = book.grid(META_SHEET) if META_SHEET in book.sheet_names else None
        colours = book.colours_readable
    _refuse_formulas([grid] + ([meta_grid] if meta_grid is not None else []))
    meta = _meta(meta_grid) if meta_grid is not None else None
    assert full.header_row is not None
    above = [
        cell_text(v)
        for r in sorted(grid.values)
        if r < full.header_row
        for v in grid.row_values(r).values()
    ]
    plan = _plan_header(above, meta)
    notes: list[str] = []
    plan["year"] = _year(plan["year"], full, notes)
    full.year = plan["year"] if full.year is None else full.year
    if meta:
        _own_columns(grid, full, meta, mapping)
    reader = SheetReader(grid, full, plan["year"], meta["rows"] if meta else None, bar)
    plan["areas"] = build_tree(reader)
    plan["level_names"] = reader.level_names()
    if meta and isinstance(names := _json(meta.get("level_names"), None), list):
        with contextlib.suppress(InvalidInput):
            plan["level_names"] = check_level_names(names, InvalidInput)
    notes += reader.notes
    if not plan["areas"]:
        raise InvalidInput(
            tr("Tabel Rencana Aksi di lembar '{sheet}' kosong.").format(sheet=grid.name)
        )
    if not colours:
        notes.append(
            tr(
                "Warna sel tidak dapat dibaca dari berkas {kind}: bila bulan rencana "
                "ditandai dengan warna, simpan sebagai .xlsx lalu impor lagi."
            ).format(kind=path.suffix.lower())
        )
    bar.finish()
    return ImportPreview(
        plan=plan,
        mapping=full,
        left_out=reader.left,
        colours=dict(reader.used_colours),
        other_colours=dict(reader.other_colours),
        notes=notes,
    )


def left_out_report(preview: ImportPreview, most: int = MAX_ERRORS) -> str:
    """The cells an import would leave out, one line each (the first ``most``, then a count)."""
    lines = [f"{location(x.sheet, x.row, x.col)}: {x.why} ('{x.value}')" for x in preview.left_out]
    more = len(lines) - most
    return "\n".join(lines[:most]) + (
        ("\n" + tr("… dan {n} sel lagi").format(n=more)) if more > 0 else ""
    )


def read_plan_workbook(path: Path, progress: ProgressFn = None) -> dict[str, Any]:
    """The plan in ``path`` read with the guessed mapping; refused if anything is left out."""
    preview = preview_workbook(path, progress=progress)
    if preview.left_out:
        raise InvalidInput(
            tr(
                "Buku kerja tidak dapat diimpor tanpa meninggalkan isi; tidak "
                "ada yang ditambahkan (pakai 'rbdesk import' untuk melihat "
                "laporannya dan memilih peran kolom):"
            )
            + "\n"
            + left_out_report(preview)
        )
    return preview.plan
