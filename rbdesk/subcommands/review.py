"""review: record the evidence review of a realised month, or list the months and their states."""

from __future__ import annotations

import argparse
import sys

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain import progress
from rbdesk.models.domain.months import current_month, month_long, month_short
from rbdesk.models.domain.tree import IndicatorNode, PlanTree
from rbdesk.models.edits import review
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_flag, add_plan_arguments, chosen_tree


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "review",
        cmd_review,
        tr("catat tinjauan bukti dukung satu bulan realisasi, atau daftar status tinjauan"),
    )
    add_plan_arguments(p, indicator=True)
    p.add_argument("--month", type=int, metavar=tr("BULAN"), help=tr("bulan 1..12"))
    p.add_argument(
        "--state",
        metavar=tr("STATUS"),
        help=tr("memenuhi, perlu-revisi, ditolak, atau diajukan (hapus putusan)"),
    )
    p.add_argument(
        "--note",
        default="",
        metavar=tr("CATATAN"),
        help=tr("catatan peninjau (wajib untuk perlu-revisi dan ditolak)"),
    )
    p.add_argument(
        "--by",
        default="",
        metavar=tr("NAMA"),
        help=tr("nama peninjau (bawaan: pengguna komputer ini)"),
    )
    add_flag(p, "--list", tr("daftar bulan yang direalisasikan dengan status tinjauannya"))


def indicator_paths(tree: PlanTree) -> list[tuple[str, IndicatorNode]]:
    """Each indicator with its numbered path: area/activity/sub-activity/indicator, each the
    1-based position among its siblings (labels such as "a)" are not unique enough)."""
    out = []
    for a, area in enumerate(tree.areas, 1):
        for c, act in enumerate(area.activities, 1):
            for s, sub in enumerate(act.sub_activities, 1):
                for i, ind in enumerate(sub.indicators, 1):
                    out.append((f"{a}/{c}/{s}/{i}", ind))
    return out


def find_indicator(tree: PlanTree, key: str) -> tuple[str, IndicatorNode]:
    key = key.strip().lower()
    paths = indicator_paths(tree)
    found = [(p, i) for p, i in paths if p == key.replace(".", "/")]
    if not found and len(key) >= 4:
        found = [(p, i) for p, i in paths if i.uuid.startswith(key)]
    if len(found) == 1:
        return found[0]
    if found:
        raise InvalidInput(
            tr("Indikator '{key}' cocok dengan {n} indikator; tulis uuid lebih lengkap.").format(
                key=key, n=len(found)
            )
        )
    raise InvalidInput(
        tr(
            "Indikator '{key}' tidak ditemukan (pakai uuid indikator atau nomor "
            "berjenjang seperti 1/1/1/1; lihat --list)."
        ).format(key=key)
    )


def _list(tree: PlanTree, state: str | None) -> None:
    rows = 0
    for path, ind in indicator_paths(tree):
        for month, cell in sorted(ind.realisation.items()):
            if not progress.is_realised(cell.status) or (state and cell.review_state != state):
                continue
            rows += 1
            verdict = progress.review_label(cell.review_state)
            if cell.reviewed_by:
                verdict += tr(" oleh {who}, {when}").format(
                    who=cell.reviewed_by,
                    when=clock.local_time(cell.reviewed_at) if cell.reviewed_at else "",
                )
            if cell.review_note:
                verdict += f" «{cell.review_note}»"
            name = (ind.text or ind.label or tr("(indikator)"))[:60]
            print(f"{path}  {month_short(month)}  {cell.status}  {verdict}  {name}  {ind.uuid}")
    if not rows:
        print(tr("Tidak ada bulan realisasi yang cocok."))
    now = current_month(tree.year, clock.today())
    upto = min(max(now, 1), 12)
    rollups = progress.month_rollups(tree.indicators(), now)
    print(
        tr("Capaian s.d. {month}: dilaporkan {reported}, terverifikasi {verified}").format(
            month=month_long(upto),
            reported=progress.format_percent(progress.capaian_upto(rollups, upto)),
            verified=progress.format_percent(progress.capaian_upto(rollups, upto, verified=True)),
        )
    )


def cmd_review(args: argparse.Namespace) -> int:
    state = progress.review_code(args.state) if args.state else None
    if args.state and state is None:
        raise InvalidInput(
            tr(
                "Status tinjauan '{s}' tidak dikenal (pilih: memenuhi, "
                "perlu-revisi, ditolak, diajukan)."
            ).format(s=args.state)
        )
    if args.list:
        with Store.open(args.file, readonly=True) as store:
            _list(chosen_tree(store, args), state)
        return 0
    if not (args.indicator and args.month and state):
        raise InvalidInput(tr("Sebutkan --indicator, --month dan --state (atau --list)."))
    with Store.open(args.file) as store:
        tree = chosen_tree(store, args)
        path, ind = find_indicator(tree, args.indicator)
        review.review_month(store, ind.uuid, args.month, state, note=args.note, by=args.by)
        who = args.by.strip() or store.user
        if state != progress.SUBMITTED and who not in review.reviewer_names(store, tree):
            # Recorded, not enforced: say so, as the window does.
            print(
                tr(
                    "Catatan: {who} bukan anggota Tim Pengarah dan tidak ditandai sebagai "
                    "peninjau; tinjauan tetap dicatat."
                ).format(who=who),
                file=sys.stderr,
            )
    print(
        tr("Tinjauan {path} bulan {month}: {state}.").format(
            path=path, month=month_long(args.month), state=progress.review_label(state)
        )
    )
    return 0
