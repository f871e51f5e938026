"""Issue 20 item 8: the merge's preview says what the merge then does, row by row.

The check said "0 baris diperbarui" and the merge "1 baris diperbarui": a conflict the copy wins
was counted as updated by the merge but not by the check. Both now count with one rule
(``merge.row_effect``), and the preview lists every new and changed row, with the fields in the
window's words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rbdesk.models.domain.change_labels import field_label
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import plan_edit, realisation
from rbdesk.models.interchange import merge
from rbdesk.models.storage.store import Store
from tests.merge_helpers import sample_base


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_base(tmp_path_factory.mktemp("base"))


@pytest.fixture
def pair(base: Path, tmp_path: Path):
    a, b = tmp_path / "kantor.rbdesk", tmp_path / "flashdisk.rbdesk"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    with Store.open(a, readonly=True) as s:
        inds = load_plan_tree(s, list_plans(s)[0].uuid).indicators()
    return a, b, inds


def _both_realise(a: Path, b: Path, uuid: str) -> None:
    with Store.open(a, user="Ani") as s:
        realisation.set_status(s, uuid, 3, "selesai", note="rapat di kantor")
    with Store.open(b, user="Budi") as s:
        realisation.set_status(s, uuid, 3, "selesai", note="rapat di lapangan")


@pytest.mark.parametrize("side", [None, merge.MINE, merge.THEIRS])
def test_the_preview_figures_are_the_results(pair, side) -> None:
    a, b, inds = pair
    _both_realise(a, b, inds[0].uuid)
    with Store.open(b, user="Budi") as s:
        realisation.set_status(s, inds[1].uuid, 4, "sebagian", note="baru di salinan")
        plan_edit.set_field(s, "indicator", inds[2].uuid, "note", "keterangan salinan")
    with Store.open(a, user="Ani") as s:
        plan = merge.plan_merge(s, b)
        assert len(plan.conflicts) == 1
        choices = {plan.conflicts[0].key: side} if side else {}
        changes = plan.changes(choices)
        inserted = [c for c in changes if c.kind == merge.INSERT]
        updated = [c for c in changes if c.kind == merge.UPDATE]
        result = merge.apply_merge(s, plan, choices)
    assert (result.inserted, result.updated) == (len(inserted), len(updated))
    if side is None:  # the defaults: what the check's own figures say
        assert (plan.to_insert, plan.to_update) == (result.inserted, result.updated)
    # The conflict the copy wins is an updated row; kept from this file, it is not.
    assert result.updated == (1 if side == merge.MINE else 2)
    assert [c.label for c in inserted] == [f"{inds[1].text}, Apr"]
    notes = {c.label: c.fields_text() for c in updated}
    assert notes[inds[2].text] == "Keterangan"
    if side != merge.MINE:
        assert notes[f"{inds[0].text}, Mar"] == "Catatan"


def test_a_month_note_conflict_names_the_field_as_the_window_does(pair) -> None:
    a, b, inds = pair
    _both_realise(a, b, inds[0].uuid)
    with Store.open(a, user="Ani") as s:
        conflict = merge.plan_merge(s, b).conflicts[0]
    assert [d.label for d in conflict.fields] == ["Catatan"]


def test_field_words_are_the_windows() -> None:
    assert field_label("note", "realisation") == "Catatan"
    assert field_label("note", "indicator") == "Keterangan"
    assert field_label("note[3]", "realisation") == "Catatan Mar"
    assert field_label("status[3]", "realisation") == "Realisasi Mar"
    assert field_label("name", "area") == "Uraian"
    assert field_label("name", "team") == "Nama tim"
    assert field_label("decree.number", "plan") == "Nomor SK"
