"""How a sheet's columns map onto a plan: the roles, the mapping object, and its text forms.

A :class:`Mapping` is what the import assistant (and ``rbdesk import --map/--mapping``) hands the
reader: which sheet, which header row(s), the role of every column, and the options (which year,
what a quarter column plans, which fill colours mean "planned"). It is plain data and round-trips
through JSON, so it can be remembered or saved to a file.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string

from rbdesk.i18n import tr
from rbdesk.models.errors import InvalidInput


class Role(enum.Enum):
    AREA = "area"
    KEGIATAN = "kegiatan"
    SUBKEGIATAN = "subkegiatan"
    INDIKATOR = "indikator"
    BULAN = "bulan"  # one month (bulan:3), or periods written in words (bulan)
    TRIWULAN = "triwulan"  # one quarter (triwulan:2), or quarters written in words
    TAHUN = "tahun"  # a year's column (tahun:2025)
    KETERANGAN = "keterangan"
    TARGET = "target"
    SATUAN = "satuan"
    PJ = "pj"  # penanggung jawab: a person or team
    SIMPAN = "simpan"  # another column to keep
    NOMOR = "nomor"  # a numbering column: labels a level, never starts one
    ABAIKAN = "abaikan"


LEVELS = (Role.AREA, Role.KEGIATAN, Role.SUBKEGIATAN, Role.INDIKATOR)
SCHEDULE = (Role.BULAN, Role.TRIWULAN, Role.TAHUN)
# Roles whose cells go beside the indicator: its target, satuan, penanggung jawab and kept
# columns (models.domain.indicator_fields; the name is older than the plan's place for them).
NO_HOME = (Role.TARGET, Role.SATUAN, Role.PJ, Role.SIMPAN)
QUARTER_MODES = ("akhir", "semua")


@dataclass(frozen=True)
class ColumnRole:
    role: Role
    number: int | None = None  # the month, quarter or year of a schedule column

    def __str__(self) -> str:
        return self.role.value + (f":{self.number}" if self.number is not None else "")

    @classmethod
    def parse(cls, text: str) -> ColumnRole:
        name, _, number = text.strip().lower().partition(":")
        name = name.replace(" ", "").replace("_", "")
        aliases = {
            "sub": "subkegiatan",
            "subkegiatan": "subkegiatan",
            "ket": "keterangan",
            "penanggungjawab": "pj",
            "bln": "bulan",
            "tw": "triwulan",
            "year": "tahun",
            "no": "nomor",
            "ignore": "abaikan",
        }
        name = aliases.get(name, name)
        try:
            role = Role(name)
        except ValueError:
            raise InvalidInput(
                tr("Peran kolom '{name}' tidak dikenal. Peran yang ada: {roles}.").format(
                    name=text.strip(), roles=", ".join(r.value for r in Role)
                )
            ) from None
        n = None
        if number:
            if not number.strip().isdigit():
                raise InvalidInput(
                    tr("Peran kolom '{text}': setelah ':' harus angka.").format(text=text.strip())
                )
            n = int(number)
            limits = {Role.BULAN: (1, 12), Role.TRIWULAN: (1, 4), Role.TAHUN: (1900, 2200)}
            low, high = limits.get(role, (0, -1))
            if not low <= n <= high:
                raise InvalidInput(
                    tr("Peran kolom '{text}': angka di luar batas.").format(text=text.strip())
                )
        elif role is Role.TAHUN:
            raise InvalidInput(tr("Peran 'tahun' perlu tahunnya, misalnya tahun:2025."))
        return cls(role, n)


@dataclass
class Mapping:
    """Everything the reader needs to turn one sheet into a plan; None means "find it"."""

    sheet: str | None = None
    header_row: int | None = None  # the first header row (1-based)
    header_rows: int = 1  # how many rows the header takes
    columns: dict[int, ColumnRole] = field(default_factory=dict)
    year: int | None = None
    quarter: str = "akhir"
    planned_colours: list[str] | None = None  # None: the colours found in the month cells
    sections: bool = True  # rows holding only a heading are a level

    def role_of(self, col: int) -> ColumnRole | None:
        return self.columns.get(col)

    def columns_with(self, role: Role) -> list[int]:
        return sorted(c for c, r in self.columns.items() if r.role is role)

    def describe(self) -> str:
        """The mapping in --map form: "A=nomor,B=area,F-Q=bulan:1..12" spelled per column."""
        return ",".join(f"{get_column_letter(c)}={r}" for c, r in sorted(self.columns.items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "rbdesk-import-mapping-1",
            "sheet": self.sheet,
            "header_row": self.header_row,
            "header_rows": self.header_rows,
            "columns": {get_column_letter(c): str(r) for c, r in sorted(self.columns.items())},
            "year": self.year,
            "quarter": self.quarter,
            "planned_colours": self.planned_colours,
            "sections": self.sections,
        }

    @classmethod
    def from_json(cls, data: Any) -> Mapping:
        if not isinstance(data, dict) or data.get("format") != "rbdesk-import-mapping-1":
            raise InvalidInput(
                tr("Berkas pemetaan tidak dikenali (format rbdesk-import-mapping-1).")
            )
        m = cls()
        m.sheet = _opt(data, "sheet", str)
        m.header_row = _opt(data, "header_row", int)
        m.header_rows = _opt(data, "header_rows", int) or 1
        m.year = _opt(data, "year", int)
        m.quarter = _opt(data, "quarter", str) or "akhir"
        if m.quarter not in QUARTER_MODES:
            raise InvalidInput(tr("Pemetaan: 'quarter' harus akhir atau semua."))
        colours = data.get("planned_colours")
        if colours is not None:
            if not isinstance(colours, list) or not all(isinstance(c, str) for c in colours):
                raise InvalidInput(tr("Pemetaan: 'planned_colours' harus daftar teks."))
            m.planned_colours = [normal_colour(c) for c in colours]
        m.sections = bool(data.get("sections", True))
        columns = data.get("columns") or {}
        if not isinstance(columns, dict):
            raise InvalidInput(tr("Pemetaan: 'columns' harus objek kolom → peran."))
        m.columns = parse_map(",".join(f"{k}={v}" for k, v in columns.items()))
        return m

    def save(self, path: Path) -> None:
        path.write_text(
            json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> Mapping:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InvalidInput(
                tr("Berkas pemetaan {name} tidak ditemukan.").format(name=Path(path).name)
            ) from None
        except (ValueError, OSError):
            raise InvalidInput(
                tr("Berkas pemetaan {name} bukan JSON yang sah.").format(name=Path(path).name)
            ) from None
        return cls.from_json(data)


def _opt(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise InvalidInput(tr("Pemetaan: '{key}' tidak sah.").format(key=key))
    return value


def normal_colour(text: str) -> str:
    """A colour as the user writes it ("#ffff00", "FFFF00", "tema5+0.40") in its key form."""
    t = text.strip().lstrip("#")
    if re.fullmatch(r"[0-9a-fA-F]{6}|[0-9a-fA-F]{8}", t):
        return t[-6:].upper()
    if re.fullmatch(r"(?i)(tema|theme)\d+([+-]\d+(\.\d+)?)?", t):
        return "tema" + t.lower().removeprefix("theme").removeprefix("tema")
    raise InvalidInput(
        tr(
            "Warna '{c}' tidak dikenali: tulis kode RGB seperti FFFF00 atau "
            "warna tema seperti tema5+0.40."
        ).format(c=text.strip())
    )


def _column(text: str) -> int:
    t = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", t):
        raise InvalidInput(
            tr("Kolom '{c}' tidak sah: tulis huruf kolom seperti A atau AB.").format(c=text.strip())
        )
    return column_index_from_string(t)


def parse_map(text: str) -> dict[int, ColumnRole]:
    """ "A=abaikan,B=area,F-Q=bulan,R=keterangan" -> column -> role. In a range, bulan and
    triwulan without a number count on from 1 (or from the number given)."""
    out: dict[int, ColumnRole] = {}
    for item in (p for p in text.split(",") if p.strip()):
        cols, sep, role_text = item.partition("=")
        if not sep:
            raise InvalidInput(
                tr("Pemetaan '{item}' tidak sah: tulis KOLOM=PERAN, misalnya B=area.").format(
                    item=item.strip()
                )
            )
        first, _, last = cols.partition("-")
        a = _column(first)
        b = _column(last) if last.strip() else a
        if b < a:
            raise InvalidInput(tr("Rentang kolom '{c}' terbalik.").format(c=cols.strip()))
        role = ColumnRole.parse(role_text)
        for i, c in enumerate(range(a, b + 1)):
            if b > a and role.role in (Role.BULAN, Role.TRIWULAN):
                start = role.number or 1
                limit = 12 if role.role is Role.BULAN else 4
                if start + i > limit:
                    raise InvalidInput(
                        tr(
                            "Rentang kolom '{c}' lebih panjang dari bulan/triwulan yang ada."
                        ).format(c=cols.strip())
                    )
                out[c] = ColumnRole(role.role, start + i)
            else:
                out[c] = role
    return out
