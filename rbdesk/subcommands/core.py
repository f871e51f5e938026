"""new, dump, load, check: creating, exchanging and checking whole files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.domain.node_reads import alive_rows, written_counts
from rbdesk.models.errors import InvalidInput, RbdeskError
from rbdesk.models.interchange.dump import dump_data, dumps
from rbdesk.models.interchange.load import create_file, create_from_dump
from rbdesk.models.storage import database
from rbdesk.models.storage.schema import Evidence, Indicator, Person, Plan, Team
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(sub, "new", cmd_new, tr("buat berkas baru (kosong, atau berisi contoh 2024)"))
    add_flag(p, "--sample", tr("isi dengan Rencana Aksi KPU Kota Kupang 2024"))
    add_command(sub, "dump", cmd_dump, tr("tulis seluruh berkas sebagai JSON ke stdout"))

    p = sub.add_parser("load", help=tr("buat BERKAS dari JSON hasil dump"))
    p.add_argument("json", metavar="JSON")
    p.add_argument("file", metavar=tr("BERKAS"))
    p.set_defaults(func=cmd_load)

    add_command(sub, "check", cmd_check, tr("periksa integritas, versi skema dan isi berkas"))


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.file)
    create_file(path, sample=args.sample).close()
    print(tr("Berkas baru dibuat: {path}").format(path=path))
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    with Store.open(args.file, readonly=True) as store:
        text = dumps(dump_data(store))
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    source = Path(args.json)
    try:
        raw = sys.stdin.read() if args.json == "-" else source.read_text(encoding="utf-8")
        data = json.loads(raw)
    except FileNotFoundError:
        raise RbdeskError(tr("Berkas {name} tidak ditemukan.").format(name=source.name)) from None
    except UnicodeDecodeError:
        raise InvalidInput(tr("Berkas {name} bukan teks UTF-8.").format(name=source.name)) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            tr("JSON tidak valid di baris {line}, kolom {col}: {msg}").format(
                line=exc.lineno, col=exc.colno, msg=exc.msg
            )
        ) from None
    except RecursionError:
        raise InvalidInput(tr("JSON tidak valid: susunannya terlalu dalam.")) from None
    path = Path(args.file)
    create_from_dump(path, data).close()
    print(tr("Berkas dibuat dari JSON: {path}").format(path=path))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    # One read transaction: the integrity check and the counts see one committed state, never
    # torn by a colleague's commit between them.
    with Store.open(args.file, readonly=True) as store, store.read():
        result = database.integrity_check(store.db)
        bad_text = database.invalid_text(store.db)
        version = store.state.migrated_from or database.schema_version(store.db)

        counts = {
            name: alive_rows(store, model)
            for name, model in (
                (tr("rencana"), Plan),
                (tr("indikator"), Indicator),
                (tr("orang"), Person),
                (tr("tim"), Team),
                (tr("bukti dukung"), Evidence),
            )
        }
        print(tr("Berkas: {path}").format(path=args.file))
        print(tr("Versi skema: {v}").format(v=version))
        print(tr("Mode jurnal: {m}").format(m=database.journal_mode(store.db)))
        print(tr("Integritas: {r}").format(r=result))
        for name, count in counts.items():
            print(f"{name}: {count}")
        targets, responsible, kept = written_counts(store)
        print(
            tr(
                "indikator bertarget: {t}, dengan penanggung jawab: {p}, dengan kolom tambahan: {k}"
            ).format(t=targets, p=responsible, k=kept)
        )
        for table, column, count in bad_text:
            print(
                tr("Teks rusak (bukan UTF-8) di {table}.{column}: {n} nilai").format(
                    table=table, column=column, n=count
                )
            )
        if store.state.newer:
            print(tr("Peringatan: {reason}").format(reason=store.state.reason))
        if store.state.note:
            print(tr("Catatan: {note}; berkas aslinya tidak diubah.").format(note=store.state.note))
    if result != "ok":
        print(tr("rbdesk: berkas rusak."), file=sys.stderr)
        return 1
    if bad_text:
        print(
            tr(
                "rbdesk: berkas memuat teks rusak (bukan UTF-8, ditulis program lain); teks "
                "itu tampil dengan tanda \ufffd dan dapat diperbaiki dengan mengetik ulang."
            ),
            file=sys.stderr,
        )
        return 1
    return 0
