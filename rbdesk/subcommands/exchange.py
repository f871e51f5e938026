"""export and import: the SK, its attachments and reports as PDF or Excel; plans from Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.domain.print_options import PERIOD_PARTS, CopyForm, Paper, Part
from rbdesk.models.domain.tree import load_plan_tree
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.output_files import refuse_overwriting
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_plan_arguments, pick_plan


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help=tr("cetak SK, lampiran atau laporan ke PDF, atau ke Excel"))
    p.add_argument("file", metavar=tr("BERKAS"))
    p.add_argument("out", metavar=tr("KELUARAN"), help=tr("berkas .pdf atau .xlsx"))
    p.add_argument("--part", choices=[p.value for p in Part],
                   help=tr("bagian yang dicetak (PDF; bawaan: sk). Untuk Excel hanya "
                           "semester1, semester2 atau annual; tanpa --part Excel berisi "
                           "Lampiran I, Lampiran II dan Realisasi"))
    p.add_argument("--paper", choices=[p.value for p in Paper], default=Paper.A4.value,
                   help=tr("ukuran kertas"))
    p.add_argument("--copy", choices=[c.value for c in CopyForm],
                   help=tr("bentuk PDF dan laporan semester/tahunan: asli (untuk "
                           "ditandatangani basah) atau salinan (TTD dan blok \"Salinan sesuai "
                           "dengan aslinya\"; bawaan)"))
    p.add_argument("--month", type=int, metavar=tr("BULAN"),
                   help=tr("bulan laporan 1..12 (untuk --part report)"))
    add_plan_arguments(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=tr("tambahkan rencana dari buku kerja Excel ke BERKAS"))
    p.add_argument("file", metavar=tr("BERKAS"))
    p.add_argument("xlsx", metavar=tr("MASUKAN.xlsx"))
    p.set_defaults(func=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from rbdesk.exports import write_pdf, write_period_workbook, write_workbook

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        print(tr("rbdesk: kesalahan: KELUARAN harus berakhiran .pdf atau .xlsx"), file=sys.stderr)
        return 2
    part = Part(args.part) if args.part else (Part.SK if kind == ".pdf" else None)
    if kind == ".xlsx" and part is not None and part not in PERIOD_PARTS:
        print(tr("rbdesk: kesalahan: untuk Excel --part hanya semester1, semester2 atau annual; "
                 "tanpa --part Excel berisi Lampiran I, Lampiran II dan Realisasi"),
              file=sys.stderr)
        return 2
    if kind == ".xlsx" and part is None and args.copy is not None:
        print(tr("rbdesk: kesalahan: --copy hanya untuk PDF dan laporan semester/tahunan"),
              file=sys.stderr)
        return 2
    if part == Part.REPORT and args.month is None:
        print(tr("rbdesk: kesalahan: --part report memerlukan --month"), file=sys.stderr)
        return 2
    if args.month is not None and not 1 <= args.month <= 12:
        raise InvalidInput(tr("Bulan {m} di luar 1..12.").format(m=args.month))
    copy = CopyForm(args.copy or CopyForm.SALINAN)
    refuse_overwriting(out, args.file)
    with Store.open(args.file, readonly=True) as store:
        tree = load_plan_tree(store, pick_plan(store, args.year, args.plan))
        period = None
        if part in PERIOD_PARTS:
            from rbdesk.models.domain.period_report import build_period_report, period_evidence

            period = build_period_report(tree, part, period_evidence(store, tree, part))
        if kind == ".pdf":
            assert part is not None  # a PDF always has its part, sk unless --part says
            report = None
            if part == Part.REPORT:
                from rbdesk.models.domain.report_data import build_report, month_evidence

                report = build_report(tree, args.month,
                                      month_evidence(store, tree, args.month))
            write_pdf(tree, out, part=part, paper=args.paper, report=report, copy=copy,
                      period=period)
        elif period is not None:
            write_period_workbook(tree, out, period=period, paper=args.paper, copy=copy)
        else:
            write_workbook(tree, out, paper=args.paper)
    print(tr("Ditulis: {path}").format(path=out))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from rbdesk.exports import read_plan_workbook
    from rbdesk.models.interchange.plan_import import import_plan

    plan = read_plan_workbook(Path(args.xlsx))
    with Store.open(args.file) as store:
        uuid = import_plan(store, plan)
    n = sum(len(s["indicators"]) for a in plan["areas"] for c in a["activities"]
            for s in c["sub_activities"])
    print(tr("Rencana {year} diimpor ({n} indikator): {uuid}").format(year=plan["year"], n=n,
                                                                     uuid=uuid))
    return 0
