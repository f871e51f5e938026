"""A worksheet as the importer sees it: cell values, fill colours and merged ranges, bounded.

Everything here is sized by what the sheet really holds. A merged range is clipped to the last
row and column that carry a value or a fill, so a ``<mergeCell ref="A1:XFD1048576"/>`` in a small
file costs no more than the sheet itself (issue 18 item 8).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import range_boundaries

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput

MAX_COVERED = 4_000_000  # merged-cell bookkeeping over all ranges, after clipping


@dataclass
class SheetGrid:
    """One sheet's non-empty cells. Rows and columns are 1-based."""

    name: str
    values: dict[int, dict[int, Any]] = field(default_factory=dict)  # row -> col -> value
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> colour
    formulas: list[tuple[int, int]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    notes: list[str] = field(default_factory=list)
    colours_read: bool = True  # False where the file format carries no fills we can read
    _anchor: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    _tops: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)

    @property
    def max_row(self) -> int:
        rows = [*self.values, *(r for r, _c in self.fills)]
        return max(rows, default=0)

    @property
    def max_col(self) -> int:
        cols = [c for row in self.values.values() for c in row]
        cols += [c for _r, c in self.fills]
        return max(cols, default=0)

    def value(self, row: int, col: int) -> Any:
        return self.values.get(row, {}).get(col)

    def set_merges(self, refs: list[str]) -> None:
        """Keep the merged ranges, clipped to the cells the sheet really has."""
        last_row, last_col = self.max_row, self.max_col
        covered = 0
        for ref in refs:
            try:
                c1, r1, c2, r2 = range_boundaries(ref)
            except (ValueError, TypeError):
                continue  # not a range: nothing to merge
            if None in (c1, r1, c2, r2):
                continue
            assert c1 is not None and r1 is not None and c2 is not None and r2 is not None
            r2, c2 = min(r2, last_row), min(c2, last_col)
            if r1 > r2 or c1 > c2 or (r1 == r2 and c1 == c2):
                continue
            covered += (r2 - r1 + 1) * (c2 - c1 + 1)
            if covered > MAX_COVERED:
                raise InvalidInput(
                    tr(
                        "Lembar '{sheet}' ditolak: sel gabungannya saling bertumpuk terlalu banyak."
                    ).format(sheet=self.name)
                )
            if self._holds_values(r1, c1, r2, c2):
                # Excel keeps only the top-left value of a merged range: one that covers other
                # values is not a merge Excel made; read those cells as they are.
                self.notes.append(
                    tr(
                        "Sel gabungan {ref} menutupi sel lain yang berisi; "
                        "penggabungannya diabaikan."
                    ).format(ref=ref)
                )
                continue
            self.merges.append((r1, c1, r2, c2))
            self._tops.setdefault((r1, c1), (r1, c1, r2, c2))
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self._anchor.setdefault((r, c), (r1, c1))

    def _holds_values(self, r1: int, c1: int, r2: int, c2: int) -> bool:
        for r in range(r1, r2 + 1):
            row = self.values.get(r)
            if row and any(c1 <= c <= c2 and (r, c) != (r1, c1) for c in row):
                return True
        return False

    def anchor(self, row: int, col: int) -> tuple[int, int] | None:
        """The top-left cell of the merged range covering (row, col), if it is covered."""
        return self._anchor.get((row, col))

    def merge_at(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        """The merged range whose top-left cell is (row, col)."""
        return self._tops.get((row, col))

    def row_values(self, row: int) -> dict[int, Any]:
        return self.values.get(row, {})
