"""A saved workbook read back as the tests check it: the text of its filled cells."""

from __future__ import annotations

import openpyxl


def cell_texts(book: openpyxl.Workbook) -> list[str]:
    """Every filled cell of every sheet as text, sheet by sheet and row by row."""
    return [
        str(v)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
