"""sk: show the decree (SK) of a plan, or change its text fields."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rbdesk.i18n import tr
from rbdesk.models.domain.decree_dates import date_outside_year
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.domain.text_rules import DECREE_TEXT_KEYS
from rbdesk.models.domain.tree import list_plans
from rbdesk.models.edits.decree_edit import (
    ATTACHMENT_KEYS,
    PARAF_KEY,
    checked_decree,
    decree_with_fields,
    read_decree,
    set_decree_fields,
)
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag, add_plan_arguments, pick_plan


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "sk",
        cmd_sk,
        tr("tampilkan atau ubah isian SK (nomor, tanggal, penanda tangan, ...) sebuah rencana"),
    )
    add_plan_arguments(p)
    p.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar=tr("KUNCI=NILAI"),
        help=tr("ubah satu isian, boleh berulang; kunci: {keys}").format(
            keys=", ".join([*DECREE_TEXT_KEYS, *ATTACHMENT_KEYS, PARAF_KEY])
        ),
    )
    add_flag(
        p,
        "--yes",
        tr(
            "simpan tanpa bertanya walaupun nilainya tidak biasa (mis. tanggal SK di luar tahun SK)"
        ),
    )
    add_flag(p, "--show", tr("tampilkan isi SK (bawaan bila tanpa --set)"))


def _assignments(pairs: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(tr("--set '{pair}' harus berbentuk KUNCI=NILAI.").format(pair=pair))
        fields[key.strip()] = value
    return fields


def _ask_or_refuse(surprise: str) -> None:
    """A surprising value is asked about on a terminal and refused where nobody can answer,
    as merge does with conflicts; nothing is written either way unless the answer is yes."""
    if not sys.stdin.isatty():
        raise InvalidInput(
            tr("{surprise} Tidak ada yang diubah; bila memang benar, ulangi dengan --yes.").format(
                surprise=surprise
            )
        )
    reply = input(tr("{surprise} Tetap simpan? [y]a/[t]idak: ").format(surprise=surprise))
    if reply.strip().lower() not in ("y", "ya"):
        raise InvalidInput(tr("Tidak disimpan; tidak ada yang diubah."))


def _show(decree: dict[str, Any]) -> None:
    if is_signed(decree):
        print(tr("status: ditandatangani (nomor dan tanggal terisi)"))
    else:
        print(
            tr(
                "status: KONSEP (nomor atau tanggal belum diisi; PDF dan Excel dicetak "
                "bertanda KONSEP)"
            )
        )
    for key in DECREE_TEXT_KEYS:
        print(f"{key}: {decree.get(key, '')}")
    titles = decree.get("attachment_titles") or {}
    for key in ATTACHMENT_KEYS:
        print(f"{key}: {titles.get(key, '')}")
    print(f"paraf: {'; '.join(str(t) for t in decree.get('paraf') or [])}")
    for key, heading in (("considerations", tr("Menimbang")), ("legal_bases", tr("Mengingat"))):
        print(f"{heading}:")
        for entry in decree.get(key) or []:
            print(f"  {entry.get('label', '')} {entry.get('text', '')}")
    print(tr("Diktum:"))
    for decision in decree.get("decisions") or []:
        print(f"  {decision.get('label', '')}: {decision.get('text', '')}")
        for item in decision.get("items") or []:
            print(f"      {item}")


def cmd_sk(args: argparse.Namespace) -> int:
    fields = _assignments(args.assignments)
    with Store.open(args.file, readonly=not fields) as store:
        plan_uuid = pick_plan(store, args.year, args.plan)
        if fields:
            decree, version = read_decree(store, plan_uuid)
            if not args.yes and {"date", "year"} & fields.keys():
                plan_year = next(p.year for p in list_plans(store) if p.uuid == plan_uuid)
                surprise = date_outside_year(
                    checked_decree(decree_with_fields(decree, fields)), plan_year
                )
                if surprise:
                    _ask_or_refuse(surprise)
            # The same value again (a date typed another way, too) writes nothing: say so.
            if set_decree_fields(store, plan_uuid, fields, version) == version:
                print(
                    tr("SK tidak berubah: {keys} sudah berisi nilai itu.").format(
                        keys=", ".join(fields)
                    )
                )
            else:
                print(tr("SK diperbarui: {keys}").format(keys=", ".join(fields)))
        if args.show or not fields:
            _show(read_decree(store, plan_uuid)[0])
    return 0
