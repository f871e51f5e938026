"""Worksheet rows written straight as SpreadsheetML, then put into the workbook openpyxl saved.

openpyxl builds and serialises one Python object per cell, which takes most of a minute's worth
of seconds for a 20,000-indicator plan. The rows here are the very XML openpyxl's write-only mode
writes (inline strings, the same style ids, row heights, ``xml:space`` on padded text), made from
plain strings; openpyxl still writes everything else (styles, column widths, merged cells, print
set-up, print titles, the workbook itself). The sheet openpyxl saves has an empty
``<sheetData>``; :func:`fill_sheet_data` copies the archive and puts the rows there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from rbdesk.models.text import clean_text

_LETTERS = [get_column_letter(i) for i in range(1, 703)]
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_SHEET_VIEWS = re.compile(rb"<sheetViews[\s>]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _number(value: float) -> str:
    return f"{value:.16g}"  # as openpyxl writes numbers


class RowStream:
    """The rows of one worksheet, as XML text, numbered from 1."""

    SPILL_PARTS = 50_000  # rows are kept as text this long, then moved to a temporary file

    def __init__(self) -> None:
        self.row = 0
        self.columns = 0
        self.parts: list[str] = []
        self._spilled: Any = None  # a temporary file holding the earlier rows, UTF-8

    def _spill(self) -> None:
        if self._spilled is None:
            self._spilled = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._spilled.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()

    def write_to(self, out: Any) -> None:
        """All rows, as UTF-8 bytes, into the binary file ``out``; then this stream is spent."""
        if self._spilled is not None:
            self._spilled.seek(0)
            shutil.copyfileobj(self._spilled, out, 1 << 20)
            self._spilled.close()
            self._spilled = None
        out.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()

    def close(self) -> None:
        if self._spilled is not None:
            self._spilled.close()
            self._spilled = None

    @property
    def dimension(self) -> str:
        """The used range, as the sheet's ``<dimension>`` gives it to readers."""
        if not self.row:
            return "A1"
        return f"A1:{_LETTERS[max(self.columns, 1) - 1]}{self.row}"

    def append(
        self, values: Sequence[Any], style_ids: Sequence[int], height: float | None = None
    ) -> int:
        """One row; ``None`` and ``""`` are empty (styled) cells, a ``str`` is always text (never
        a formula, whatever its first character), an ``int``/``float`` a number."""
        self.row = r = self.row + 1
        self.columns = max(self.columns, len(values))
        out = self.parts
        if height is None:
            out.append(f'<row r="{r}">')
        else:
            out.append(f'<row r="{r}" ht="{_number(height)}" customHeight="1">')
        for i, value in enumerate(values):
            sid = style_ids[i]
            head = f'<c r="{_LETTERS[i]}{r}" s="{sid}"' if sid else f'<c r="{_LETTERS[i]}{r}"'
            if value is None or value == "":
                if sid:  # an unstyled empty cell is not written at all
                    out.append(head + ' t="n"/>')
            elif isinstance(value, str):
                value = clean_text(value)  # control characters: never written (issue 10)
                if ILLEGAL_CHARACTERS_RE.search(value):
                    raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
                stripped = value.strip()
                space = ' xml:space="preserve"' if stripped and stripped != value else ""
                out.append(
                    f'{head} t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'
                )
            elif isinstance(value, bool):
                out.append(f'{head} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                out.append(f'{head} t="n"><v>{_number(value)}</v></c>')
            else:
                raise TypeError(f"cannot write {type(value).__name__} to a worksheet")
        out.append("</row>")
        if len(out) > self.SPILL_PARTS:
            self._spill()
        return r


def fill_sheet_data(saved: Path, out: Path, sheets: dict[str, RowStream]) -> None:
    """Copy the workbook ``saved`` to ``out``, putting each sheet's rows (``sheets``: part name
    -> its rows) into its empty ``<sheetData>``, and its used range into a ``<dimension>``
    (which openpyxl's write-only mode leaves out, so that a reader would otherwise scan the
    whole sheet to size it)."""
    with (
        zipfile.ZipFile(saved) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as dst,
    ):
        for info in src.infolist():
            if info.filename not in sheets:
                with src.open(info) as fin, dst.open(_entry(info), "w") as fout:
                    shutil.copyfileobj(fin, fout)
                continue
            frame = src.read(info)
            rows = sheets[info.filename]
            views = _SHEET_VIEWS.search(frame)
            if views is None or b"<dimension" in frame:
                raise RuntimeError(f"{info.filename}: unexpected sheet frame")
            frame = (
                frame[: views.start()]
                + f'<dimension ref="{rows.dimension}"/>'.encode()
                + frame[views.start() :]
            )
            found = _EMPTY_SHEET_DATA.search(frame)
            if found is None:
                raise RuntimeError(f"{info.filename}: no empty sheetData to fill")
            with dst.open(_entry(info), "w", force_zip64=True) as fout:
                fout.write(frame[: found.start()] + b"<sheetData>")
                rows.write_to(fout)
                fout.write(b"</sheetData>" + frame[found.end() :])


def _entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = info.external_attr
    return entry
