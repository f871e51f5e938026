"""Next year's plan from this year's: the copied tree and roster compared with the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from rbdesk.models.domain.road_map import STANDARD_AREAS
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.edits import plan_edit
from rbdesk.models.edits.plan_copy import CopyOptions, copy_plan, next_year_decree
from rbdesk.models.edits.realisation import attach_bytes, set_status
from rbdesk.models.errors import ReadOnlyError, YearTaken
from rbdesk.models.storage.schema import ChangeLog, Evidence, Indicator, Realisation
from rbdesk.models.storage.store import Store


@pytest.fixture
def source(sample_store: Store) -> PlanTree:
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    ind = tree.indicators()[0]
    set_status(sample_store, ind.uuid, 2, "selesai")
    attach_bytes(sample_store, ind.uuid, 2, "bukti.pdf", b"%PDF-1.4 bukti")
    # A deleted row (a tombstone) is not part of the plan, so not of its copy either.
    plan_edit.delete_node(sample_store, "activity", tree.areas[1].activities[0].uuid)
    return load_plan_tree(sample_store, tree.uuid)


def _shape(tree: PlanTree) -> list:
    return [
        (
            a.label,
            a.name,
            [
                (
                    ac.label,
                    ac.name,
                    [
                        (s.label, s.name, [(i.label, i.text) for i in s.indicators])
                        for s in ac.sub_activities
                    ],
                )
                for ac in a.activities
            ],
        )
        for a in tree.areas
    ]


def _uuids(tree: PlanTree) -> set[str]:
    out = {tree.uuid}
    for a in tree.areas:
        out.add(a.uuid)
        for ac in a.activities:
            out.add(ac.uuid)
            for s in ac.sub_activities:
                out.add(s.uuid)
                out.update(i.uuid for i in s.indicators)
    for t in tree.teams:
        out.add(t.uuid)
        out.update(m.uuid for m in t.members)
    return out


def test_copy_keeps_shape_texts_months_and_notes_with_new_uuids(
    sample_store: Store, source: PlanTree
) -> None:
    new = copy_plan(sample_store, source.uuid, 2025)
    copy = load_plan_tree(sample_store, new)
    assert (copy.unit, copy.year) == (source.unit, 2025)
    assert _shape(copy) == _shape(source)
    assert len(copy.indicators()) == len(source.indicators()) > 50
    assert not _uuids(copy) & _uuids(source)
    assert [i.planned for i in copy.indicators()] == [i.planned for i in source.indicators()]
    assert [i.note for i in copy.indicators()] == [i.note for i in source.indicators()]
    assert any(i.note for i in copy.indicators())
    # Never the realisation or the evidence of the year that did the work.
    assert all(not i.realisation and not i.evidence for i in copy.indicators())
    ids = {i.uuid for i in copy.indicators()}
    with sample_store.read():
        assert Realisation.select().count() == 1 and Evidence.select().count() == 1
        assert not (
            Realisation.select().join(Indicator).where(Indicator.uuid.in_(list(ids))).exists()
        )
        assert not Evidence.select().join(Indicator).where(Indicator.uuid.in_(list(ids))).exists()
    # The source is untouched.
    assert load_plan_tree(sample_store, source.uuid).indicators()[0].realisation


def test_copy_can_clear_months_and_notes(sample_store: Store, source: PlanTree) -> None:
    new = copy_plan(
        sample_store, source.uuid, 2025, CopyOptions(keep_months=False, keep_notes=False)
    )
    copy = load_plan_tree(sample_store, new)
    assert _shape(copy) == _shape(source)
    assert all(i.planned == 0 and i.note == "" for i in copy.indicators())
    assert any(i.planned for i in source.indicators())


def test_roster_carried_with_same_persons_and_copied_area_links(
    sample_store: Store, source: PlanTree
) -> None:
    copy = load_plan_tree(sample_store, copy_plan(sample_store, source.uuid, 2025))
    assert [(t.kind, t.label, t.name, t.duties) for t in copy.teams] == [
        (t.kind, t.label, t.name, t.duties) for t in source.teams
    ]
    assert [[(m.person_uuid, m.role, m.position) for m in t.members] for t in copy.teams] == [
        [(m.person_uuid, m.role, m.position) for m in t.members] for t in source.teams
    ]
    old_area = {a.uuid: i for i, a in enumerate(source.areas)}
    new_area = {a.uuid: i for i, a in enumerate(copy.areas)}
    linked = [
        (t.area_uuid, c.area_uuid)
        for t, c in zip(source.teams, copy.teams, strict=True)
        if t.area_uuid
    ]
    assert len(linked) == 8
    for old, new in linked:
        assert new in new_area and old_area[old] == new_area[new]


def test_decree_year_replaced_number_and_date_emptied(
    sample_store: Store, source: PlanTree
) -> None:
    copy = load_plan_tree(sample_store, copy_plan(sample_store, source.uuid, 2025))
    old, new = source.decree, copy.decree
    assert (new["year"], new["number"], new["date"]) == (2025, "", "")
    assert new["title"] == old["title"].replace("2024", "2025") and "2025" in new["title"]
    assert "TAHUN 2025" in new["attachment_titles"]["lampiran_2"]
    assert "Tahun 2025" in new["decisions"][0]["text"]
    assert new["legal_bases"] == old["legal_bases"]  # other regulations keep their years
    # Menimbang b names this decree itself: it follows the title; a cites another regulation.
    assert old["considerations"][1]["text"].endswith("Tahun 2024.")
    assert new["considerations"][1]["text"].endswith("Tahun 2025.")
    assert new["considerations"][0] == old["considerations"][0]
    assert new["signatory_name"] == old["signatory_name"]
    assert copy.title.endswith("2025") and source.title.endswith("2024")


def test_a_consideration_names_the_decree_whatever_its_case_and_spacing() -> None:
    decree = {
        "title": "PEMBENTUKAN TIM RB\nTAHUN 2024.",
        "considerations": [
            {"label": "a.", "text": "bahwa Permen Nomor 25 Tahun 2020 (2020 – 2024);"},
            {
                "label": "b.",
                "text": "perlu menetapkan Keputusan tentang Pembentukan  Tim RB Tahun 2024;",
            },
            {
                "label": "c.",
                "text": "bahwa Keputusan tentang Pembentukan Tim Lain Tahun 2024 dicabut;",
            },
        ],
    }
    texts = [c["text"] for c in next_year_decree(decree, 2024, 2025)["considerations"]]
    assert texts[0] == decree["considerations"][0]["text"]
    assert texts[1].endswith("Tim RB Tahun 2025;")
    assert texts[2] == decree["considerations"][2]["text"]


def test_next_year_decree_of_an_empty_decree_stays_empty() -> None:
    assert next_year_decree({}, 2024, 2025) == {}
    assert (
        next_year_decree({"title": "SK 20245 tahun 2024"}, 2024, 2025)["title"]
        == "SK 20245 tahun 2025"
    )


def test_copy_is_one_logged_transaction_and_undone_by_delete(
    sample_store: Store, source: PlanTree
) -> None:
    with sample_store.read():
        before = ChangeLog.select().count()
    new = copy_plan(sample_store, source.uuid, 2025)
    copy = load_plan_tree(sample_store, new)
    with sample_store.read():
        entries = list(ChangeLog.select().where(ChangeLog.id > 0).order_by(ChangeLog.id))[before:]
    assert {e.plan_uuid for e in entries} == {new}
    assert len({e.at for e in entries}) == 1  # one transaction's stamp
    created = {e.row_uuid for e in entries if e.action == "create"}
    assert _uuids(copy) == created
    assert [(e.action, e.old, e.new) for e in entries if e.action == "copy"] == [
        ("copy", source.uuid, new)
    ]
    plan_edit.delete_plan(sample_store, new)
    assert [p.uuid for p in list_plans(sample_store)] == [source.uuid]
    plan_edit.restore_plan(sample_store, new)
    assert {p.year for p in list_plans(sample_store)} == {2024, 2025}


def test_a_year_that_has_a_plan_is_refused_unless_allowed(
    sample_store: Store, source: PlanTree
) -> None:
    copy_plan(sample_store, source.uuid, 2025)
    with sample_store.read():
        count = ChangeLog.select().count()
    with pytest.raises(YearTaken, match="sudah mempunyai Rencana Aksi tahun 2025"):
        copy_plan(sample_store, source.uuid, 2025)
    with pytest.raises(YearTaken):
        copy_plan(sample_store, source.uuid, 2024)
    with sample_store.read():
        assert ChangeLog.select().count() == count
    assert len(list_plans(sample_store)) == 2
    copy_plan(sample_store, source.uuid, 2025, allow_same_year=True)
    assert [p.year for p in list_plans(sample_store)] == [2024, 2025, 2025]


def test_read_only_file_refuses_and_changes_nothing(sample_path: Path) -> None:
    before = sample_path.read_bytes()
    with Store.open(sample_path, readonly=True) as store:
        plan = list_plans(store)[0].uuid
        with pytest.raises(ReadOnlyError, match="hanya-baca"):
            copy_plan(store, plan, 2025)
    assert sample_path.read_bytes() == before


def test_new_plan_from_standard_areas(sample_store: Store) -> None:
    uuid = plan_edit.add_plan(sample_store, "KPU Kota Kupang", 2026, "baru", standard_areas=True)
    tree = load_plan_tree(sample_store, uuid)
    assert [(a.label, a.name) for a in tree.areas] == list(STANDARD_AREAS)
    assert all(not a.activities for a in tree.areas)
    sample = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    assert [a.name for a in sample.areas] == [name for _, name in STANDARD_AREAS]
    assert not load_plan_tree(
        sample_store, plan_edit.add_plan(sample_store, "KPU Kota Kupang", 2027)
    ).areas


def test_next_year_made_on_a_copy_merges_back_without_conflict(
    sample_path: Path, sample_copy: Path
) -> None:
    from rbdesk.models.interchange import merge

    theirs = sample_copy
    with Store.open(theirs, user="budi") as store:
        new = copy_plan(store, list_plans(store)[0].uuid, 2025)
        made = load_plan_tree(store, new)
    with Store.open(sample_path, user="ani") as store:
        plan = merge.plan_merge(store, theirs)
        assert plan.conflicts == []
        merge.apply_merge(store, plan)
        merged = load_plan_tree(store, new)
        assert _shape(merged) == _shape(made) and _uuids(merged) == _uuids(made)
        assert merge.plan_merge(store, theirs).conflicts == []
        assert not merge.merge_files(store, theirs).changed  # a second merge: nothing


def test_a_file_with_next_years_plan_dumps_loads_and_dumps_identically(
    sample_store: Store, source: PlanTree, tmp_path: Path
) -> None:
    import json

    from rbdesk.models.interchange.dump import dump_data, dumps
    from rbdesk.models.interchange.load import load_data

    copy_plan(sample_store, source.uuid, 2025, CopyOptions(keep_notes=False))
    first = dumps(dump_data(sample_store))
    assert [p["year"] for p in json.loads(first)["plans"]] == [2024, 2025]
    with Store.create(tmp_path / "b.rbdesk") as other:
        load_data(other, json.loads(first))
        assert dumps(dump_data(other)) == first
