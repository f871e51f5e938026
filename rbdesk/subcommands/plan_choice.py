"""What every command sets up the same way: its parser on one BERKAS, its on/off flags, and
which plan of the file it works on (``--year`` and ``--plan``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rbdesk.i18n import tr
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.store import Store


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    func: Callable[[argparse.Namespace], int],
    help: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """The parser of a command on one BERKAS (its first argument) that runs func."""
    p = sub.add_parser(name, help=help, description=description)
    p.add_argument("file", metavar=tr("BERKAS"))
    p.set_defaults(func=func)
    return p


def add_flag(p: argparse.ArgumentParser, name: str, help: str) -> None:
    p.add_argument(name, action="store_true", help=help)


def add_plan_arguments(p: argparse.ArgumentParser, indicator: bool = False) -> None:
    """--year and --plan; --indicator too for the commands that work on one indicator."""
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
    if indicator:
        p.add_argument(
            "--indicator",
            metavar=tr("INDIKATOR"),
            help=tr("uuid indikator (atau awalannya), atau nomor berjenjang seperti 1/1/1/1"),
        )


def chosen_tree(store: Store, args: argparse.Namespace) -> PlanTree:
    """The plan that --year and --plan name, read whole."""
    return load_plan_tree(store, pick_plan(store, args.year, args.plan))


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
