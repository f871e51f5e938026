"""What offices write beside an indicator (target, satuan, penanggung jawab, kept columns) and a
plan's level names: held by the file (schema 4), edited, logged, dumped, loaded, merged field by
field, copied to next year and refused when out of bounds."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from rbdesk.models.domain.history import query_history
from rbdesk.models.domain.indicator_fields import find_responsible, level_names
from rbdesk.models.domain.tree import PlanTree, list_plans, load_plan_tree
from rbdesk.models.edits.indicator_edit import set_indicator_fields, set_level_names
from rbdesk.models.edits.plan_copy import copy_plan
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange import merge
from rbdesk.models.interchange.dump import dump_data, dumps
from rbdesk.models.interchange.load import create_from_dump, load_data
from rbdesk.models.storage import migrations
from rbdesk.models.storage.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _tree(store: Store) -> PlanTree:
    return load_plan_tree(store, list_plans(store)[0].uuid)


def test_a_version_3_file_climbs_to_4_with_empty_fields(tmp_path: Path) -> None:
    old = tmp_path / "lama.rbdesk"
    shutil.copy(FIXTURES / "v1-sample.rbdesk", old)
    conn = sqlite3.connect(old, isolation_level=None)
    migrations.migrate(conn, target=3)
    conn.close()
    store = Store.open(old)
    try:
        assert store.state.migrated_from == 3 and store.state.backup_path is not None
        assert migrations.user_version(store.db.connection()) == migrations.SCHEMA_VERSION == 4
        tree = _tree(store)
        ind = tree.indicators()[0]
        assert (ind.target, ind.target_unit, ind.responsible, ind.extra_columns) == ("", "", "", [])
        assert tree.level_names == [] and tree.names == (
            "Area perubahan",
            "Kegiatan",
            "Sub kegiatan",
            "Indikator keberhasilan",
        )
    finally:
        store.close()
    backup = sqlite3.connect(store.state.backup_path)
    assert migrations.user_version(backup) == 3


def test_edits_link_the_roster_and_are_logged_in_indonesian(sample_store: Store) -> None:
    tree = _tree(sample_store)
    ind = tree.indicators()[0]
    person = tree.teams[1].members[0]
    version = set_indicator_fields(
        sample_store,
        ind.uuid,
        {
            "target": "100",
            "target_unit": "%",
            "responsible": "  " + person.person_name.upper() + " ",
            "extra_columns": [["Anggaran", "Rp 5.000.000"], ["Output", "Laporan"]],
        },
        ind.version,
    )
    after = _tree(sample_store).indicators()[0]
    assert after.version == version == ind.version + 1
    assert (after.target, after.target_unit) == ("100", "%")
    assert after.responsible_uuid == person.person_uuid
    assert after.extra_columns == [["Anggaran", "Rp 5.000.000"], ["Output", "Laporan"]]
    # A team of the plan is linked too; an unknown name stays text without a link.
    team = tree.teams[2]
    set_indicator_fields(sample_store, ind.uuid, {"responsible": team.name})
    assert _tree(sample_store).indicators()[0].responsible_uuid == team.uuid
    set_indicator_fields(sample_store, ind.uuid, {"responsible": "Bagian Umum"})
    after = _tree(sample_store).indicators()[0]
    assert (after.responsible, after.responsible_uuid) == ("Bagian Umum", "")
    entries = {e.field_label: e for e in query_history(sample_store, row_uuid=ind.uuid)}
    assert {"Target", "Satuan", "Penanggung jawab", "Kolom tambahan"} <= set(entries)
    assert entries["Kolom tambahan"].new_text == "Anggaran: Rp 5.000.000; Output: Laporan"
    with pytest.raises(Exception, match="diubah oleh"):
        set_indicator_fields(sample_store, ind.uuid, {"target": "90"}, ind.version)


def test_level_names_are_the_plans_own(sample_store: Store) -> None:
    tree = _tree(sample_store)
    set_level_names(sample_store, tree.uuid, ["Sasaran", "Program", "Kegiatan", "Output"])
    assert _tree(sample_store).names == ("Sasaran", "Program", "Kegiatan", "Output")
    entry = query_history(sample_store, plan_uuid=tree.uuid, limit=1)[0]
    assert (entry.field_label, entry.new_text) == (
        "Nama tingkat",
        "Sasaran › Program › Kegiatan › Output",
    )
    with pytest.raises(InvalidInput, match="empat"):
        set_level_names(sample_store, tree.uuid, ["Sasaran", "Program"])
    set_level_names(sample_store, tree.uuid, list(level_names([])))
    assert _tree(sample_store).level_names == []


def test_find_responsible_never_guesses_between_two() -> None:
    people = [("a", "Sri Mulyawati"), ("b", "Habel Ndun"), ("c", "habel  ndun.")]
    assert find_responsible("sri mulyawati", people) == "a"
    assert find_responsible("Habel Ndun", people) == ""
    assert find_responsible("", people) == ""


def _written(store: Store) -> tuple[str, str]:
    tree = _tree(store)
    ind = tree.indicators()[0]
    set_level_names(store, tree.uuid, ["Sasaran", "Program", "Kegiatan", "Output"])
    set_indicator_fields(
        store,
        ind.uuid,
        {
            "target": "12",
            "target_unit": "dokumen",
            "responsible": tree.teams[2].name,
            "extra_columns": [["Anggaran", "5 jt"]],
        },
    )
    return ind.uuid, tree.teams[2].uuid


def test_dump_load_dump_is_identical_and_older_dumps_load(
    sample_store: Store, tmp_path: Path
) -> None:
    _written(sample_store)
    first = dumps(dump_data(sample_store))
    doc = json.loads(first)
    ind = doc["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0]
    assert (ind["target"], ind["target_unit"], ind["extra_columns"]) == (
        "12",
        "dokumen",
        [["Anggaran", "5 jt"]],
    )
    assert doc["plans"][0]["level_names"] == ["Sasaran", "Program", "Kegiatan", "Output"]
    with create_from_dump(tmp_path / "b.rbdesk", json.loads(first)) as again:
        assert dumps(dump_data(again)) == first
    # A version 2 document (before these keys) still loads, with them empty.
    old = copy.deepcopy(doc)
    old["format_version"] = 2
    for key in ("target", "target_unit", "responsible", "responsible_uuid", "extra_columns"):
        del old["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0][key]
    del old["plans"][0]["level_names"]
    with create_from_dump(tmp_path / "c.rbdesk", old) as older:
        tree = _tree(older)
        assert (tree.indicators()[0].target, tree.names[0]) == ("", "Area perubahan")


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("target", "x" * 1001, "terlalu panjang"),
        ("extra_columns", [["A", "1"], ["a", "2"]], "muncul dua kali"),
        ("extra_columns", [["A"]], "pasangan"),
        ("extra_columns", [["", "1"]], "kosong"),
        ("extra_columns", [[f"K{n}", ""] for n in range(51)], "terlalu banyak"),
        ("responsible_uuid", "bukan-uuid", "tidak sah"),
        ("target_unit", 5, "bertipe salah"),
    ],
)
def test_load_refuses_what_the_window_could_not_write(
    sample_store: Store, tmp_path: Path, key: str, value: object, message: str
) -> None:
    doc = dump_data(sample_store)
    doc["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0][key] = value
    target = Store.create(tmp_path / "x.rbdesk")
    try:
        with pytest.raises(InvalidInput, match=message):
            load_data(target, doc)
        assert list_plans(target) == []
    finally:
        target.close()


def test_bad_level_names_are_refused_by_load(sample_store: Store, tmp_path: Path) -> None:
    doc = dump_data(sample_store)
    doc["plans"][0]["level_names"] = ["Sasaran", "", "Kegiatan", "Output"]
    with Store.create(tmp_path / "x.rbdesk") as target, pytest.raises(InvalidInput, match="kosong"):
        load_data(target, doc)


def test_next_years_copy_keeps_them_and_links_the_new_team(sample_store: Store) -> None:
    _written(sample_store)
    source = _tree(sample_store)
    new = load_plan_tree(sample_store, copy_plan(sample_store, source.uuid, source.year + 1))
    ind = new.indicators()[0]
    assert (ind.target, ind.target_unit, ind.responsible, ind.extra_columns) == (
        "12",
        "dokumen",
        source.teams[2].name,
        [["Anggaran", "5 jt"]],
    )
    assert ind.responsible_uuid == new.teams[2].uuid != source.teams[2].uuid
    assert new.names == ("Sasaran", "Program", "Kegiatan", "Output")


def test_merge_takes_each_copys_field_and_names_a_conflict(
    sample_path: Path, sample_copy: Path
) -> None:
    theirs = sample_copy
    with Store.open(sample_path, user="ani") as mine:
        ind = _tree(mine).indicators()[0]
        set_indicator_fields(mine, ind.uuid, {"target": "100", "target_unit": "%"})
    with Store.open(theirs, user="budi") as other:
        set_indicator_fields(other, ind.uuid, {"responsible": "Bagian Umum", "target": "90"})
    with Store.open(sample_path, user="ani") as mine:
        plan = merge.plan_merge(mine, theirs)
        (conflict,) = plan.conflicts
        assert [(d.label, d.mine, d.theirs) for d in conflict.fields] == [("Target", "100", "90")]
        merge.apply_merge(mine, plan, prefer=merge.MINE)
        after = _tree(mine).indicators()[0]
        assert (after.target, after.target_unit, after.responsible) == ("100", "%", "Bagian Umum")


def test_the_windows_small_reads_carry_them(sample_store: Store) -> None:
    from rbdesk.models.domain.node_reads import load_indicator, load_subtree

    ind_uuid, _team = _written(sample_store)
    ind = load_indicator(sample_store, ind_uuid)
    assert ind is not None and (ind.target, ind.target_unit, ind.extra_columns) == (
        "12",
        "dokumen",
        [["Anggaran", "5 jt"]],
    )
    area = load_subtree(sample_store, "area", _tree(sample_store).areas[0].uuid)
    first = area.activities[0].sub_activities[0].indicators[0]
    assert (first.uuid, first.target, first.responsible_uuid) == (ind_uuid, "12", _team)


def test_kept_columns_are_ordered_as_every_indicator_orders_them() -> None:
    from rbdesk.models.domain.indicator_fields import extra_names

    rows = [
        [["Anggaran", "1"], ["Pelaksana", "a"]],
        [["TW I", "25%"], ["TW II", "50%"], ["pelaksana", "b"]],  # another case, same column
        [["Pelaksana", "c"], ["Bukti", "d"]],
    ]
    assert extra_names(rows) == ["Anggaran", "TW I", "TW II", "Pelaksana", "Bukti"]
    # orders that disagree (a cycle) still give every name once, in first-seen order
    assert extra_names([[["X", ""], ["Y", ""]], [["Y", ""], ["X", ""]]]) == ["X", "Y"]
