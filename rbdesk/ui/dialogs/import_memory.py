"""Import mappings remembered on this PC: the roles a user chose for a sheet, found again the
next time a workbook with the same header words is opened (``ui.settings``, keyed by a hash of
those words), wherever its header now sits."""

from __future__ import annotations

import json
from collections.abc import Callable

from rbdesk.exports.excel.grid import SheetGrid
from rbdesk.exports.excel.guess import HEADER_SCAN, header_words
from rbdesk.exports.excel.mapping import Mapping
from rbdesk.exports.excel.plan_reader import ImportPreview
from rbdesk.models.errors import InvalidInput
from rbdesk.ui import settings


def recall(header: str, sheet: str, row: int) -> Mapping | None:
    """The mapping remembered for ``header``, found at ``row`` of ``sheet`` this time: a
    workbook with a title row more or less keeps its header, one row lower or higher."""
    text = settings.remembered_mapping(header)
    if not text:
        return None
    try:
        data = json.loads(text)
        mapping = Mapping.from_json(data)
        shift = row - int(data.get("header_at", row))
    except (ValueError, TypeError, InvalidInput):
        return None  # an older or damaged entry: guess instead
    mapping.sheet = sheet
    if mapping.header_row is not None:
        mapping.header_row = max(1, mapping.header_row + shift)
    return mapping


def search(
    names: list[str], grid_of: Callable[[str], SheetGrid]
) -> tuple[Mapping, str, int] | None:
    """For a workbook whose header the reader cannot find: a remembered header anywhere in the
    first rows of its sheets — the mapping, the header's words and its row."""
    for name in names:
        grid = grid_of(name)
        for row in range(1, min(grid.max_row, HEADER_SCAN) + 1):
            for depth in (1, 2, 3):
                words = header_words(grid, row, depth)
                saved = recall(words, name, row) if words else None
                if saved is not None:
                    return saved, words, row
    return None


def keep(preview: ImportPreview, grid: SheetGrid, found: str, found_at: int) -> None:
    """Remember ``preview``'s mapping under its header's words, and under the words of the
    header found when the workbook was opened (``found`` at row ``found_at``) if the user
    chose another."""
    m = preview.mapping
    if m.header_row is None:
        return
    data = m.to_json()
    data["year"] = None  # the year belongs to the workbook, not to its layout
    chosen = header_words(grid, m.header_row, m.header_rows)
    for header, at in {(found, found_at), (chosen, m.header_row)}:
        if header:
            data["header_at"] = at  # where that header was: the row the mapping is from
            settings.remember_mapping(header, json.dumps(data, ensure_ascii=False))
