"""The summary `rbdesk import` prints before writing: what the plan will hold, what is left out."""

from __future__ import annotations

from pathlib import Path

from rbdesk.exports.excel.plan_reader import ImportPreview
from rbdesk.i18n import tr
from rbdesk.models.domain.months import MONTHS, month_short


def print_summary(preview: ImportPreview, source: Path) -> None:
    m = preview.mapping
    areas, acts, subs, inds = preview.counts()
    assert m.header_row is not None
    rows = (
        str(m.header_row)
        if m.header_rows == 1
        else f"{m.header_row}–{m.header_row + m.header_rows - 1}"
    )
    print(
        tr("Buku kerja: {name}, lembar '{sheet}', judul kolom baris {rows}").format(
            name=source.name, sheet=m.sheet, rows=rows
        )
    )
    print(tr("Peran kolom: {roles}").format(roles=m.describe()))
    print(
        tr("Rencana tahun {year}: {a} area, {c} kegiatan, {s} sub kegiatan, {i} indikator").format(
            year=preview.plan["year"], a=areas, c=acts, s=subs, i=inds
        )
    )
    counts = preview.month_counts()
    print(
        tr("Bulan rencana (indikator per bulan): {months}; jumlah {n}").format(
            months=", ".join(f"{month_short(m)} {n}" for m, n in zip(MONTHS, counts, strict=True)),
            n=sum(counts),
        )
    )
    if preview.colours:
        print(
            tr(
                "Warna yang dibaca sebagai bulan rencana: {colours} (ubah dengan --planned-colours)"
            ).format(
                colours=", ".join(
                    tr("{c} ({n} sel)").format(c=c, n=n) for c, n in sorted(preview.colours.items())
                )
            )
        )
    if preview.other_colours:
        print(
            tr("Warna lain di kolom jadwal, tidak dibaca sebagai rencana: {colours}").format(
                colours=", ".join(
                    tr("{c} ({n} sel)").format(c=c, n=n)
                    for c, n in sorted(preview.other_colours.items())
                )
            )
        )
    for note in preview.notes:
        print(tr("Catatan: {note}").format(note=note))
    if not preview.left_out:
        print(tr("Semua sel tabel ikut diimpor."))
        return
    print(tr("Tidak ikut diimpor ({n} sel):").format(n=len(preview.left_out)))
    for x in preview.left_out:
        print(f"  {x.sheet}!{x.cell}\t'{x.value}'\t{x.why}")
