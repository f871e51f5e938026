"""What python-calamine does not tell about an .ods sheet: its merged cells and its formulas.

One expat pass over content.xml, counting repeated rows and columns without expanding them
(a sheet may claim a million repeated empty rows). A DTD is refused, as everywhere we parse XML.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl.utils import get_column_letter

from rbdesk.exports.excel.sheet_xml import Refused, xml_parser
from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


@dataclass
class OdsSheetParts:
    merges: list[str] = field(default_factory=list)
    formulas: list[tuple[int, int]] = field(default_factory=list)


def read_ods_parts(path: Path) -> dict[str, OdsSheetParts]:
    """Sheet name -> its merged ranges (A1 form) and formula cells (row, col; 1-based)."""
    out: dict[str, OdsSheetParts] = {}
    state: dict[str, Any] = {"sheet": None, "row": 0, "col": 0, "row_repeat": 1}

    def start(name: str, attrs: dict[str, str]) -> None:
        ns, _, tag = name.rpartition("}")
        if ns != TABLE:
            return
        if tag == "table":
            state["sheet"] = attrs.get(f"{TABLE}}}name", "")
            out.setdefault(str(state["sheet"]), OdsSheetParts())
            state["row"] = 0
        elif tag == "table-row":
            state["row"] = int(state["row"] or 0) + 1
            state["col"] = 0
            state["row_repeat"] = int(attrs.get(f"{TABLE}}}number-rows-repeated", "1") or 1)
        elif tag in ("table-cell", "covered-table-cell"):
            col = int(state["col"] or 0) + 1
            repeat = int(attrs.get(f"{TABLE}}}number-columns-repeated", "1") or 1)
            state["col"] = col + repeat - 1
            sheet = out.get(str(state["sheet"]))
            if sheet is None or tag == "covered-table-cell":
                return
            row = int(state["row"] or 0)
            if f"{TABLE}}}formula" in attrs:
                sheet.formulas.append((row, col))
            rows = int(attrs.get(f"{TABLE}}}number-rows-spanned", "1") or 1)
            cols = int(attrs.get(f"{TABLE}}}number-columns-spanned", "1") or 1)
            if rows > 1 or cols > 1:
                sheet.merges.append(
                    f"{get_column_letter(col)}{row}:"
                    f"{get_column_letter(min(col + cols - 1, 16384))}"
                    f"{min(row + rows - 1, 1048576)}"
                )

    def end(name: str) -> None:
        ns, _, tag = name.rpartition("}")
        if ns == TABLE and tag == "table-row":
            state["row"] = int(state["row"] or 0) + int(state["row_repeat"] or 1) - 1

    parser = xml_parser(start, end)
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            parser.ParseFile(fh)
    except (Refused, expat.ExpatError, ValueError, KeyError, zipfile.BadZipFile, OSError):
        raise InvalidInput(
            tr("{name} tidak dapat dibaca: isi lembarnya tidak sah atau memuat DTD.").format(
                name=path.name
            )
        ) from None
    return out
