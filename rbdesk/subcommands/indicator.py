"""indicator: show or set what offices write beside an indicator (target, satuan, penanggung
jawab, kept columns), and the plan's names of its levels."""

from __future__ import annotations

import argparse

from rbdesk.i18n import tr
from rbdesk.models.domain.change_labels import extra_columns_text
from rbdesk.models.domain.indicator_fields import target_text
from rbdesk.models.domain.tree import IndicatorNode, PlanTree, load_plan_tree
from rbdesk.models.edits.indicator_edit import set_indicator_fields, set_level_names
from rbdesk.models.errors import InvalidInput
from rbdesk.models.storage.store import Store
from rbdesk.subcommands.plan_choice import add_command, add_plan_arguments, chosen_tree
from rbdesk.subcommands.review import find_indicator, indicator_paths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "indicator",
        cmd_indicator,
        tr(
            "tampilkan atau ubah target, satuan, penanggung jawab dan kolom tambahan "
            "indikator, dan nama tingkat rencana"
        ),
    )
    add_plan_arguments(p, indicator=True)
    p.add_argument("--target", metavar=tr("TARGET"), help=tr('target, seperti tertulis: "100"'))
    p.add_argument("--satuan", metavar=tr("SATUAN"), help=tr('satuan target: "%%", "dokumen"'))
    p.add_argument(
        "--pj",
        metavar=tr("NAMA"),
        help=tr("penanggung jawab; ditautkan ke orang atau tim daftar bila namanya sama"),
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar=tr("NAMA=ISI"),
        help=tr("kolom tambahan (boleh berulang; ISI kosong menghapus kolom itu)"),
    )
    p.add_argument(
        "--levels",
        metavar=tr("NAMA,NAMA,NAMA,NAMA"),
        help=tr(
            'nama empat tingkat rencana dari atas, seperti "Sasaran,Program,Kegiatan,Output"; '
            '"bawaan" untuk nama KPU'
        ),
    )


def _line(path: str, ind: IndicatorNode) -> str:
    name = (ind.text or ind.label or tr("(indikator)"))[:60]
    parts = [path, name]
    if target := target_text(ind.target, ind.target_unit):
        parts.append(tr("target {t}").format(t=target))
    if ind.responsible:
        linked = tr(" (daftar)") if ind.responsible_uuid else ""
        parts.append(tr("PJ {name}{linked}").format(name=ind.responsible, linked=linked))
    if ind.extra_columns:
        parts.append(extra_columns_text(ind.extra_columns))
    return "  ".join(parts)


def _show(tree: PlanTree, key: str | None) -> None:
    print(tr("Nama tingkat: {names}").format(names=" › ".join(tree.names)))
    rows = [find_indicator(tree, key)] if key else indicator_paths(tree)
    for path, ind in rows:
        print(_line(path, ind))


def _kept(ind: IndicatorNode, items: list[str]) -> list[list[str]]:
    out = [list(pair) for pair in ind.extra_columns]
    for item in items:
        name, sep, value = item.partition("=")
        name = " ".join(name.split())
        if not sep or not name:
            raise InvalidInput(
                tr("Kolom tambahan '{item}' tidak sah: tulis NAMA=ISI.").format(item=item)
            )
        out = [p for p in out if p[0].casefold() != name.casefold()]
        if value.strip():
            out.append([name, value.strip()])
    return out


def cmd_indicator(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {
        key: value
        for key, value in (
            ("target", args.target),
            ("target_unit", args.satuan),
            ("responsible", args.pj),
        )
        if value is not None
    }
    if (changes or args.keep) and not args.indicator:
        raise InvalidInput(tr("Sebutkan indikator yang diubah dengan --indicator."))
    if not changes and not args.keep and args.levels is None:
        with Store.open(args.file, readonly=True) as store:
            _show(chosen_tree(store, args), args.indicator)
        return 0
    with Store.open(args.file) as store:
        tree = chosen_tree(store, args)
        if args.levels is not None:
            text = args.levels.strip()
            names = [] if text.lower() == "bawaan" else [n.strip() for n in text.split(",")]
            set_level_names(store, tree.uuid, names, tree.version)
        if changes or args.keep:
            path, ind = find_indicator(tree, args.indicator)
            if args.keep:
                changes["extra_columns"] = _kept(ind, args.keep)
            set_indicator_fields(store, ind.uuid, changes, ind.version)
        _show(load_plan_tree(store, tree.uuid), args.indicator)
    return 0
