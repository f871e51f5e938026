"""new-year: next year's plan from this year's, in the same file."""

from __future__ import annotations

import argparse

from rbdesk.i18n import tr
from rbdesk.models.edits.plan_copy import CopyOptions, copy_plan, plans_of_year
from rbdesk.models.errors import InvalidInput, YearTaken
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "new-year",
        cmd_new_year,
        tr("buat Rencana Aksi tahun berikutnya dari rencana tahun ini, dalam berkas yang sama"),
    )
    p.add_argument(
        "--from",
        dest="source_year",
        type=int,
        required=True,
        metavar=tr("TAHUN"),
        help=tr("tahun rencana yang disalin"),
    )
    p.add_argument(
        "--to",
        dest="year",
        type=int,
        metavar=tr("TAHUN"),
        help=tr("tahun rencana baru (bawaan: tahun berikutnya)"),
    )
    p.add_argument(
        "--unit",
        metavar=tr("SATKER"),
        help=tr("satuan kerja, bila berkas memuat beberapa rencana tahun itu"),
    )
    p.add_argument(
        "--plan",
        metavar="UUID",
        help=tr(
            "uuid rencana yang disalin (awalannya cukup), bila ada beberapa "
            "rencana satu satuan kerja untuk tahun itu"
        ),
    )
    add_flag(p, "--clear-months", tr("kosongkan bulan rencana (bawaan: disalin)"))
    add_flag(p, "--clear-notes", tr("kosongkan keterangan (bawaan: disalin)"))
    add_flag(p, "--force", tr("tetap buat walaupun tahun tujuan sudah mempunyai rencana"))


def cmd_new_year(args: argparse.Namespace) -> int:
    year = args.source_year + 1 if args.year is None else args.year
    with Store.open(args.file) as store:
        plans = plans_of_year(store, args.source_year, args.unit)
        if args.plan:
            plans = [p for p in plans if p[0].startswith(args.plan.strip().lower())]
        if not plans:
            raise InvalidInput(
                tr("Tidak ada Rencana Aksi tahun {year} dalam berkas ini.").format(
                    year=args.source_year
                )
                if not args.plan
                else tr(
                    "Tidak ada Rencana Aksi tahun {year} dengan uuid {uuid} dalam berkas ini."
                ).format(year=args.source_year, uuid=args.plan)
            )
        if len(plans) > 1:
            # Two plans of one unit and year (made in two copies apart): only the uuid tells.
            raise InvalidInput(
                tr(
                    "Berkas ini memuat beberapa Rencana Aksi tahun {year} "
                    "({plans}); pilih satu dengan --unit atau --plan UUID."
                ).format(
                    year=args.source_year,
                    plans=", ".join(f"{unit} [{uuid[:8]}]" for uuid, unit in plans),
                )
            )
        source_uuid, unit = plans[0]
        options = CopyOptions(keep_months=not args.clear_months, keep_notes=not args.clear_notes)
        try:
            copy_plan(store, source_uuid, year, options, allow_same_year=args.force)
        except YearTaken as exc:
            raise YearTaken(
                tr("{message} Tambahkan --force untuk tetap membuat rencana kedua.").format(
                    message=exc.message
                )
            ) from None
    print(
        tr("Rencana Aksi {unit} tahun {year} dibuat dari tahun {source}.").format(
            unit=unit, year=year, source=args.source_year
        )
    )
    return 0
