"""merge, backup, copy, history: sharing one file, copies brought back, backups, the change log."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from rbdesk.i18n import tr
from rbdesk.models.clock import local_time
from rbdesk.models.domain import history
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange import merge
from rbdesk.models.storage import backups
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(sub, "merge", cmd_merge, tr("gabungkan perubahan dari SALINAN ke BERKAS"))
    p.add_argument("theirs", metavar=tr("SALINAN"))
    add_flag(
        p,
        "--yes",
        tr(
            "terapkan tanpa bertanya; pada konflik perubahan yang lebih baru "
            "menang, dan baris yang dihapus di satu salinan tetapi dikerjakan "
            "di salinan lain dipertahankan"
        ),
    )
    p.add_argument(
        "--prefer",
        choices=(merge.MINE, merge.THEIRS),
        help=tr("pada konflik pilih BERKAS (mine) atau SALINAN (theirs)"),
    )
    add_flag(p, "--dry-run", tr("hanya tampilkan apa yang akan berubah"))

    p = add_command(sub, "backup", cmd_backup, tr("buat, daftar, atau pulihkan cadangan BERKAS"))
    add_flag(p, "--list", tr("tampilkan daftar cadangan"))
    p.add_argument(
        "--restore",
        nargs=2,
        metavar=("N", tr("KELUARAN")),
        help=tr("pulihkan cadangan nomor N (dari --list) ke KELUARAN"),
    )

    p = add_command(sub, "copy", cmd_copy, tr("simpan salinan BERKAS yang konsisten ke KELUARAN"))
    p.add_argument("out", metavar=tr("KELUARAN"))

    p = add_command(sub, "history", cmd_history, tr("tampilkan riwayat perubahan BERKAS"))
    p.add_argument("--person", metavar=tr("NAMA"), help=tr("hanya perubahan oleh orang ini"))
    p.add_argument("--since", metavar=tr("TANGGAL"), help=tr("sejak tanggal (YYYY-MM-DD)"))
    p.add_argument("--until", metavar=tr("TANGGAL"), help=tr("sampai tanggal (YYYY-MM-DD)"))
    p.add_argument(
        "--row",
        metavar="UUID",
        help=tr(
            "hanya riwayat baris dengan uuid ini (dengan semua di "
            "bawahnya: bulan, realisasi, bukti dukung)"
        ),
    )
    p.add_argument("--area", help=tr("hanya area ini (nomor, sebagian nama, atau uuid)"))
    p.add_argument("--text", metavar=tr("TEKS"), help=tr("hanya catatan yang memuat teks ini"))
    p.add_argument("--xlsx", metavar=tr("KELUARAN"), help=tr("ekspor ke Excel"))


def _print_conflicts(conflicts: list[merge.Conflict]) -> None:
    for i, c in enumerate(conflicts, start=1):
        print(
            tr("Konflik {i}: {entity} «{label}»").format(i=i, entity=c.entity_label, label=c.label)
        )
        print(tr("  berkas ini: {who}, {when}").format(who=c.mine_by, when=local_time(c.mine_at)))
        print(
            tr("  salinan:    {who}, {when}").format(who=c.theirs_by, when=local_time(c.theirs_at))
        )
        if reason := c.reason():
            print(f"  {reason}")
        for d in c.fields:
            # Of a multi-line value (a Diktum) only the lines the two copies do not share.
            mine, theirs = (t.replace("\n", " / ") for t in (d.mine_text(), d.theirs_text()))
            print(
                tr("  {field}: «{mine}» ↔ «{theirs}»").format(
                    field=d.label, mine=mine, theirs=theirs
                )
            )


def _print_changes(changes: list[merge.RowChange]) -> None:
    """Every row the merge would write, by kind, the fields in the window's words."""
    by_entity: dict[str, list[merge.RowChange]] = {}
    for change in changes:
        by_entity.setdefault(change.entity_label, []).append(change)
    for label, rows in by_entity.items():
        print(tr("{kind} ({n}):").format(kind=label, n=len(rows)))
        for row in rows:
            if row.kind == merge.INSERT:
                print(tr("  baru: {row}").format(row=row.label))
            else:
                fields = row.fields_text()
                print(tr("  diperbarui: {row} ({fields})").format(row=row.label, fields=fields))


def _side_name(side: str) -> str:
    return tr("berkas ini") if side == merge.MINE else tr("salinan")


def _ask_choices(conflicts: list[merge.Conflict]) -> dict[tuple[str, str], str]:
    """Ask per conflict on the terminal; an empty answer takes the default (the newer edit, or
    the work when a row was deleted in one copy and worked on in the other)."""
    answers = {"b": merge.MINE, "s": merge.THEIRS}
    choices: dict[tuple[str, str], str] = {}
    for i, c in enumerate(conflicts, start=1):
        while True:
            reply = (
                input(
                    tr(
                        "Konflik {i}: pakai [b]erkas ini, [s]alinan, atau Enter untuk "
                        "{default} ({note})? "
                    ).format(i=i, default=_side_name(c.default), note=c.default_note())
                )
                .strip()
                .lower()[:1]
            )
            if not reply:
                choices[c.key] = c.default
                break
            if reply in answers:
                choices[c.key] = answers[reply]
                break
    return choices


def cmd_merge(args: argparse.Namespace) -> int:
    with Store.open(args.file) as store:
        plan = merge.plan_merge(store, args.theirs)
        print(
            tr("Dari salinan: {ins} baris baru, {upd} baris diperbarui, {conf} konflik.").format(
                ins=plan.to_insert, upd=plan.to_update, conf=len(plan.conflicts)
            )
        )
        if plan.to_resubmit:
            print(plan.resubmit_note())
        _print_conflicts(plan.conflicts)
        if args.dry_run:
            _print_changes(plan.changes())
            return 0
        choices: dict[tuple[str, str], str] = {}
        if plan.conflicts and not (args.yes or args.prefer):
            if not sys.stdin.isatty():
                raise InvalidInput(
                    tr(
                        "Ada {n} konflik dan tidak ada yang dapat ditanya: ulangi dengan --yes "
                        "(yang lebih baru menang) atau --prefer mine|theirs. Tidak ada yang diubah."
                    ).format(n=len(plan.conflicts))
                )
            choices = _ask_choices(plan.conflicts)
        result = merge.apply_merge(store, plan, choices=choices, prefer=args.prefer)
        for c in result.conflicts:
            side = tr("berkas ini") if result.resolved[c.key] == merge.MINE else tr("salinan")
            print(tr("  «{label}»: dipakai nilai dari {side}").format(label=c.label, side=side))
        if result.changed:
            print(tr("Digabung: {summary}").format(summary=result.summary()))
        else:
            print(tr("Tidak ada yang berubah: berkas ini sudah memuat semua isi salinan."))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.list or args.restore:
        found = backups.list_backups(path)
        if args.restore:
            try:
                chosen = found[int(args.restore[0]) - 1]
            except (ValueError, IndexError):
                raise InvalidInput(
                    tr("Cadangan nomor {n} tidak ada; lihat --list.").format(n=args.restore[0])
                ) from None
            out = backups.restore_backup(chosen, args.restore[1])
            print(tr("Cadangan dipulihkan ke {path}").format(path=out))
            return 0
        if not found:
            print(tr("Belum ada cadangan untuk {name}.").format(name=path.name))
        for i, b in enumerate(found, start=1):
            print(
                f"{i:3d}  {b.created:%Y-%m-%d %H:%M:%S}  {b.kind_label:16s}  "
                f"{b.size / 1024:8.0f} KB  {b.path.name}"
            )
        return 0
    with Store.open(path, readonly=True) as store:
        info = backups.make_backup(store)
    backups.rotate(path)
    print(tr("Cadangan dibuat: {path}").format(path=info.path))
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    with Store.open(args.file, readonly=True) as store:
        out = backups.save_copy(store, args.out)
    print(tr("Salinan disimpan: {path}").format(path=out))
    return 0


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            tr("Tanggal '{d}' tidak valid; gunakan YYYY-MM-DD.").format(d=text)
        ) from None


def cmd_history(args: argparse.Namespace) -> int:
    since, until = _date(args.since), _date(args.until)
    with Store.open(args.file, readonly=True) as store:
        # The entries and their labels from one committed state; written out after it.
        with store.read():
            area = history.find_area(store, args.area) if args.area else None
            entries = history.query_history(
                store,
                row_uuid=args.row,
                person=args.person,
                since=since,
                until=until,
                area_uuid=area,
                text=args.text,
            )
            labels = history.row_labels(store, entries)
        if args.xlsx:
            out = history.export_history_xlsx(entries, labels, args.xlsx, protect=(store.path,))
            print(tr("{n} catatan riwayat diekspor ke {path}").format(n=len(entries), path=out))
            return 0
        for e in entries:
            label = labels.get(e.row_uuid, "")
            what = f"{e.entity_label} «{label}»" if label else e.entity_label
            change = ""
            if e.field:
                # One line per entry: a list value (Menimbang) is one entry a line in Riwayat;
                # of a long one only the changed lines show, and how many others stayed.
                old, new = (t.replace("\n", " / ") for t in (e.old_text, e.new_text))
                change = f" {e.field_label}: «{old}» → «{new}»"
                if e.unchanged_note:
                    change += f" ({e.unchanged_note})"
            elif e.new:
                change = f" {e.new}"
            print(f"{e.when}  {e.user} ({e.host})  {e.action_label}  {what}{change}")
        if not entries:
            print(tr("Tidak ada catatan riwayat yang cocok."))
    return 0
