"""Which plan of a file a command works on: ``--year`` and ``--plan``, the same in every command."""

from __future__ import annotations

import argparse

from rbdesk.i18n import tr
from rbdesk.models.domain.tree import list_plans
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.store import Store


def add_indicator_argument(p: argparse.ArgumentParser) -> None:
    """--indicator, for the commands that work on one indicator."""
    p.add_argument(
        "--indicator",
        metavar=tr("INDIKATOR"),
        help=tr("uuid indikator (atau awalannya), atau nomor berjenjang seperti 1/1/1/1"),
    )


def add_plan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--year",
        type=int,
        metavar=tr("TAHUN"),
        help=tr("tahun rencana (jika berkas berisi beberapa)"),
    )
    p.add_argument(
        "--plan",
        metavar="UUID",
        help=tr("uuid rencana (awalannya cukup), jika ada beberapa untuk satu tahun"),
    )


def pick_plan(store: Store, year: int | None, uuid: str | None = None) -> str:
    """The uuid of the one plan the arguments name; a clear message when none or several do."""
    plans = list_plans(store)
    if uuid:
        plans = [p for p in plans if p.uuid.startswith(uuid.lower())]
    if year is not None:
        plans = [p for p in plans if p.year == year]
    if not plans:
        raise RbdeskError(
            tr("Tidak ada rencana untuk tahun {year} di berkas ini.").format(year=year)
            if year is not None
            else tr("Berkas ini belum berisi rencana.")
        )
    if len(plans) > 1:
        raise RbdeskError(
            tr("Berkas berisi {n} rencana ({years}); pilih dengan --year.").format(
                n=len(plans), years=", ".join(str(p.year) for p in plans)
            )
            if year is None
            else tr("Ada {n} rencana untuk tahun {year}; pilih dengan --plan.").format(
                n=len(plans), year=year
            )
        )
    return plans[0].uuid
