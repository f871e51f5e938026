"""One worksheet part read in one pass of expat: its cell values by row, and its merged ranges.

The values are the ones openpyxl's read-only mode gives (shared and inline strings, numbers as
int or float, dates by the workbook's date styles, booleans, ISO dates, error codes), but read
without building an object per cell, which made a 20,000-indicator plan take many seconds. A
cell with a formula is reported as such (its value is not trusted; the importer refuses it).
What defusedxml forbids is forbidden here too: a DTD (so any entity) is refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput


@dataclass
class SheetRows:
    """Rows (1-based number, values from column 1, columns holding a formula), in sheet order."""

    rows: list[tuple[int, list[Any], set[int]]] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    max_column: int = 0
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> colour key


class Refused(Exception):
    pass


def _refuse(*_args: Any) -> Any:
    raise Refused


def xml_parser(start: Callable[[str, dict[str, str]], None], end: Callable[[str], None]) -> Any:
    """An expat parser of a workbook part ("}" between namespace and tag) that raises Refused
    at any DTD or entity declaration."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    return parser


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class _Reader:
    def __init__(
        self,
        strings: Any,
        date_styles: set[int],
        timedelta_styles: set[int],
        epoch: Any,
        min_row: int,
        fill_styles: dict[int, str] | None,
    ) -> None:
        self.fill_styles = fill_styles or {}
        self.strings = strings
        self.date_styles = date_styles
        self.timedelta_styles = timedelta_styles
        self.epoch = epoch
        self.min_row = min_row
        self.out = SheetRows()
        self.row_no = 0
        self.col_no = 0
        self.cells: dict[int, Any] = {}
        self.formulas: set[int] = set()
        self.buf: list[str] | None = None  # collecting character data
        self.value: list[str] = []  # <v> text of the current cell
        self.inline: list[str] | None = None  # <is> text of the current cell
        self.phonetic = False
        self.kind = "n"
        self.style = 0
        self.formula = False
        self.skip = False  # a row above min_row
        self.letters: dict[str, int] = {}
        self.tags: dict[str, str] = {}  # "{namespace}name" -> "name"

    def _tag(self, name: str) -> str:
        tag = self.tags.get(name)
        if tag is None:
            tag = self.tags[name] = name[name.rfind("}") + 1 :]
        return tag

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self.tags.get(name) or self._tag(name)
        if tag == "c":
            if self.skip:
                return
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                col = self.letters.get(letters)
                if col is None:
                    col = self.letters[letters] = column_index_from_string(letters)
                self.col_no = col
            else:
                self.col_no += 1
            self.kind = attrs.get("t", "n")
            self.style = int(attrs.get("s") or 0)
            if self.style in self.fill_styles:
                self.out.fills[(self.row_no, self.col_no)] = self.fill_styles[self.style]
            self.formula = False
            self.value = []
            self.inline = None
        elif tag == "v":
            if not self.skip:
                self.buf = self.value
        elif tag == "t":
            if self.inline is not None and not self.phonetic:
                self.buf = self.inline
        elif tag == "is":
            if not self.skip:
                self.inline = []
        elif tag == "rPh":
            self.phonetic = True
        elif tag == "f":
            self.formula = True
        elif tag == "row":
            ref = attrs.get("r")
            self.row_no = int(float(ref)) if ref else self.row_no + 1
            self.skip = self.row_no < self.min_row
            self.col_no = 0
            self.cells = {}
            self.formulas = set()
        elif tag == "mergeCell" and "ref" in attrs:
            self.out.merges.append(attrs["ref"])

    def end(self, name: str) -> None:
        tag = self.tags.get(name) or self._tag(name)
        if tag in ("v", "t"):
            self.buf = None
        elif tag == "rPh":
            self.phonetic = False
        elif tag == "c" and not self.skip:
            col = self.col_no
            if self.formula:
                self.formulas.add(col)
                self.cells[col] = "="
            else:
                value = self._value()
                if value is None:
                    return  # an empty (styled) cell widens nothing
                self.cells[col] = value
            self.out.max_column = max(self.out.max_column, col)
        elif tag == "row" and not self.skip and (self.cells or self.formulas):
            values: list[Any] = [None] * max(self.cells, default=0)
            for col, value in self.cells.items():
                values[col - 1] = value
            self.out.rows.append((self.row_no, values, self.formulas))

    def data(self, text: str) -> None:
        if self.buf is not None:
            self.buf.append(text)

    def _value(self) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        text = "".join(self.value)
        if not text:
            return None
        if kind == "n":
            number = _number(text)
            if self.style in self.date_styles:
                try:
                    return from_excel(
                        number, self.epoch, timedelta=self.style in self.timedelta_styles
                    )
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's text result), "e" (an error code)


def read_sheet_xml(
    archive: zipfile.ZipFile,
    part: str,
    shared_strings: Any,
    date_styles: set[int],
    timedelta_styles: set[int],
    epoch: Any,
    min_row: int = 1,
    fill_styles: dict[int, str] | None = None,
) -> SheetRows:
    """The non-empty rows from ``min_row`` on, and every merged range, of one sheet part;
    with ``fill_styles`` (cell style index -> colour key) also the filled cells, even empty."""
    reader = _Reader(shared_strings, date_styles, timedelta_styles, epoch, min_row, fill_styles)
    parser = xml_parser(reader.start, reader.end)
    parser.CharacterDataHandler = reader.data
    parser.buffer_text = True
    try:
        with archive.open(part) as fh:
            parser.ParseFile(fh)
    except (Refused, expat.ExpatError, ValueError, IndexError, KeyError):
        raise InvalidInput(
            tr("Lembar '{part}' tidak dapat dibaca: XML-nya tidak sah atau memuat DTD.").format(
                part=part.rsplit("/", 1)[-1]
            )
        ) from None
    # Rows are as long as their last value, not padded to the sheet's width: one far cell
    # must not make every row 16,384 cells long.
    return reader.out
