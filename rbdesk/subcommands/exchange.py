"""export and import: the SK, its attachments and reports as PDF or Excel; plans from Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import PERIOD_PARTS, CopyForm, Paper, Part
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.output_files import refuse_overwriting
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag, add_plan_arguments, chosen_tree

if TYPE_CHECKING:
    from rbdesk.exports.excel.mapping import Mapping


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub, "export", cmd_export, tr("cetak SK, lampiran atau laporan ke PDF, atau ke Excel")
    )
    p.add_argument("out", metavar=tr("KELUARAN"), help=tr("berkas .pdf atau .xlsx"))
    p.add_argument(
        "--part",
        choices=[p.value for p in Part],
        help=tr(
            "bagian yang dicetak (PDF; bawaan: sk). Untuk Excel hanya "
            "triwulan1..triwulan4, semester1, semester2 atau annual; tanpa --part "
            "Excel berisi Lampiran I, Lampiran II dan Realisasi"
        ),
    )
    p.add_argument(
        "--paper",
        choices=[p.value for p in Paper],
        default=Paper.A4.value,
        help=tr("ukuran kertas"),
    )
    p.add_argument(
        "--copy",
        choices=[c.value for c in CopyForm],
        help=tr(
            "bentuk PDF dan laporan triwulan/semester/tahunan: asli (untuk "
            'ditandatangani basah) atau salinan (TTD dan blok "Salinan sesuai '
            'dengan aslinya"; bawaan)'
        ),
    )
    p.add_argument(
        "--month",
        type=int,
        metavar=tr("BULAN"),
        help=tr("bulan laporan 1..12 (untuk --part report)"),
    )
    add_plan_arguments(p)

    p = add_command(
        sub,
        "import",
        cmd_import,
        tr("tambahkan rencana dari buku kerja Excel (.xlsx, .xlsm, .xls) atau .ods ke BERKAS"),
        tr(
            "Membaca tabel rencana dari buku kerja, menampilkan "
            "ringkasannya dan semua sel yang tidak ikut diimpor, lalu "
            "menulis sebagai rencana baru (satu transaksi, tercatat di "
            "riwayat). Bila ada sel yang tidak ikut, tidak ada yang "
            "ditulis tanpa --yes."
        ),
    )
    p.add_argument("xlsx", metavar=tr("MASUKAN.xlsx"))
    p.add_argument("--sheet", metavar=tr("NAMA"), help=tr("lembar yang dibaca"))
    p.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=tr("baris judul kolom (pertama), bila tidak ditemukan sendiri"),
    )
    p.add_argument(
        "--map",
        metavar=tr("PEMETAAN"),
        help=tr(
            'peran kolom, misalnya "A=nomor,B=area,C=kegiatan,D=subkegiatan,'
            'E=indikator,F-Q=bulan,R=keterangan"; peran: area, kegiatan, '
            "subkegiatan, indikator, bulan[:1-12], triwulan[:1-4], tahun:YYYY, "
            "keterangan, target, satuan, pj, simpan, nomor, abaikan"
        ),
    )
    p.add_argument("--mapping", metavar=tr("BERKAS.json"), help=tr("pemetaan dari berkas"))
    p.add_argument(
        "--save-mapping",
        metavar=tr("BERKAS.json"),
        help=tr("simpan pemetaan yang dipakai ke berkas"),
    )
    p.add_argument(
        "--year",
        type=int,
        metavar=tr("TAHUN"),
        help=tr("tahun rencana (dan kolom tahun yang dibaca)"),
    )
    p.add_argument(
        "--quarter",
        choices=("akhir", "semua"),
        help=tr(
            "kolom triwulan menandai bulan terakhirnya (akhir, bawaan) atau ketiga bulannya (semua)"
        ),
    )
    p.add_argument(
        "--planned-colours",
        metavar=tr("WARNA"),
        help=tr(
            "warna isian yang berarti bulan rencana, misalnya FFFF00,tema5+0.40; "
            "'tidak' bila warna tidak berarti apa-apa (bawaan: dibaca dari lembar)"
        ),
    )
    add_flag(p, "--dry-run", tr("hanya tampilkan ringkasan dan laporan; tidak menulis apa pun"))
    add_flag(p, "--yes", tr("impor walaupun ada sel yang tidak ikut (sesudah laporannya tampil)"))


def cmd_export(args: argparse.Namespace) -> int:
    from rbdesk.exports import write_pdf, write_period_workbook, write_workbook

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        print(tr("rbdesk: kesalahan: KELUARAN harus berakhiran .pdf atau .xlsx"), file=sys.stderr)
        return 2
    part = Part(args.part) if args.part else (Part.SK if kind == ".pdf" else None)
    if kind == ".xlsx" and part is not None and part not in PERIOD_PARTS:
        print(
            tr(
                "rbdesk: kesalahan: untuk Excel --part hanya triwulan1..triwulan4, semester1, "
                "semester2 atau annual; tanpa --part Excel berisi Lampiran I, Lampiran II dan "
                "Realisasi"
            ),
            file=sys.stderr,
        )
        return 2
    if kind == ".xlsx" and part is None and args.copy is not None:
        print(
            tr("rbdesk: kesalahan: --copy hanya untuk PDF dan laporan triwulan/semester/tahunan"),
            file=sys.stderr,
        )
        return 2
    if part == Part.REPORT and args.month is None:
        print(tr("rbdesk: kesalahan: --part report memerlukan --month"), file=sys.stderr)
        return 2
    if args.month is not None and not 1 <= args.month <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=args.month))
    copy = CopyForm(args.copy or CopyForm.SALINAN)
    refuse_overwriting(out, args.file)
    # One read transaction: the plan and its evidence lists are one committed state. The
    # output is written after it, so colleagues' commits do not wait for the PDF.
    with Store.open(args.file, readonly=True) as store:
        with store.read():
            tree = chosen_tree(store, args)
            period = report = None
            if part in PERIOD_PARTS:
                from rbdesk.models.domain.period_report import build_period_report, period_evidence

                period = build_period_report(tree, part, period_evidence(store, tree, part))
            if kind == ".pdf" and part == Part.REPORT:
                from rbdesk.models.domain.report_data import build_report, month_evidence

                report = build_report(tree, args.month, month_evidence(store, tree, args.month))
        if kind == ".pdf":
            assert part is not None  # a PDF always has its part, sk unless --part says
            write_pdf(
                tree, out, part=part, paper=args.paper, report=report, copy=copy, period=period
            )
        elif period is not None:
            write_period_workbook(tree, out, period=period, paper=args.paper, copy=copy)
        else:
            write_workbook(tree, out, paper=args.paper)
    print(tr("Ditulis: {path}").format(path=out))
    return 0


def _mapping(args: argparse.Namespace) -> Mapping:
    from rbdesk.exports.excel.mapping import Mapping, normal_colour, parse_map

    mapping = Mapping.load(Path(args.mapping)) if args.mapping else Mapping()
    if args.sheet:
        mapping.sheet = args.sheet
    if args.header_row is not None:
        if args.header_row < 1:
            raise InvalidInput(tr("--header-row harus 1 atau lebih."))
        mapping.header_row, mapping.header_rows = args.header_row, 1
    if args.map:
        mapping.columns.update(parse_map(args.map))
    if args.year is not None:
        mapping.year = args.year
    if args.quarter:
        mapping.quarter = args.quarter
    if args.planned_colours is not None:
        text = args.planned_colours.strip()
        mapping.planned_colours = (
            []
            if text.lower() in ("tidak", "none", "")
            else [normal_colour(c) for c in text.split(",") if c.strip()]
        )
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from rbdesk.exports import preview_workbook
    from rbdesk.models.interchange.plan_import import import_plan
    from rbdesk.models.storage import backups
    from rbdesk.subcommands.import_summary import print_summary

    source = Path(args.xlsx)
    preview = preview_workbook(source, _mapping(args))
    print_summary(preview, source)
    if args.save_mapping:
        preview.mapping.save(Path(args.save_mapping))
        print(tr("Pemetaan disimpan: {path}").format(path=args.save_mapping))
    if args.dry_run:
        print(tr("Uji coba (--dry-run): tidak ada yang ditulis."))
        return 0
    left = len(preview.left_out)
    if left and not args.yes and not _agreed(left):
        print(
            tr(
                "Tidak ada yang ditulis: {n} sel di atas tidak akan ikut diimpor. Periksa "
                "laporannya; ubah peran kolom dengan --map, atau ulangi dengan --yes untuk "
                "mengimpor tanpa sel-sel itu."
            ).format(n=left),
            file=sys.stderr,
        )
        return 1
    plan = preview.plan
    with Store.open(args.file) as store:
        backup = backups.make_backup(store, kind="sebelum-impor")
        uuid = import_plan(store, plan, source=source.name, left_out=left)
    backups.rotate(Path(args.file))
    n = sum(
        len(s["indicators"])
        for a in plan["areas"]
        for c in a["activities"]
        for s in c["sub_activities"]
    )
    print(
        tr("Rencana {year} diimpor ({n} indikator): {uuid}").format(
            year=plan["year"], n=n, uuid=uuid
        )
    )
    print(
        tr(
            "Cadangan sebelum impor: {path} (pulihkan dengan 'rbdesk backup BERKAS --list' "
            "lalu --restore)."
        ).format(path=backup.path)
    )
    return 0


def _agreed(left: int) -> bool:
    """Asked on a terminal only: a script without --yes never writes a partial import."""
    if not sys.stdin.isatty():
        return False
    answer = input(tr("Impor tanpa {n} sel itu? [y/T] ").format(n=left)).strip().lower()
    return answer in ("y", "ya", "yes")
