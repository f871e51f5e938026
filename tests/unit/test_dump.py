"""The JSON dump: deterministic, lossless (dump → load → dump), and strict about bad input."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.errors import InvalidInput
from rbdesk.models.interchange.dump import dump_data, dumps
from rbdesk.models.interchange.load import load_data
from rbdesk.models.storage.schema import Plan
from rbdesk.models.storage.store import Store


def _roundtrip(data: dict, path: Path) -> str:
    store = Store.create(path)
    try:
        load_data(store, json.loads(dumps(data)))
        return dumps(dump_data(store))
    finally:
        store.close()


def test_sample_roundtrip_is_byte_identical(sample_store: Store, tmp_path: Path) -> None:
    ind = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[0]
    realisation.set_status(sample_store, ind.uuid, 1, "selesai", note="SK ditetapkan")
    realisation.attach_bytes(sample_store, ind.uuid, 1, "SK Tim RB.pdf", b"%PDF sk" * 50)
    first = dumps(dump_data(sample_store))
    sample_store.close()
    assert _roundtrip(json.loads(first), tmp_path / "b.rbdesk") == first
    doc = json.loads(first)
    assert doc["format"] == "rbdesk" and doc["format_version"] == 3
    assert len(doc["blobs"]) == 1
    assert list(doc) == sorted(doc)


def test_tombstones_are_left_out(sample_store: Store) -> None:
    from rbdesk.models.edits import plan_edit

    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    plan_edit.delete_node(sample_store, "area", tree.areas[7].uuid)
    doc = dump_data(sample_store)
    assert [a["label"] for a in doc["plans"][0]["areas"]] == [str(n) for n in range(1, 8)]


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
uuids = st.uuids(version=4).map(str)
stamps = st.datetimes(min_value=dt.datetime(2000, 1, 1)).map(
    lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
)


def _book(draw) -> dict:
    return {
        "uuid": draw(uuids),
        "updated_at": draw(stamps),
        "updated_by": draw(names),
        "version": draw(st.integers(1, 50)),
    }


def _review(cell: dict, draw) -> dict:
    """A month's review as the window makes it: a state only on a realised month."""
    if cell["status"] == "belum":
        return {**cell, "review_state": "", "reviewed_by": "", "reviewed_at": "", "review_note": ""}
    state = draw(st.sampled_from(["diajukan", "memenuhi", "perlu_revisi", "ditolak"]))
    if state == "diajukan":
        return {
            **cell,
            "review_state": state,
            "reviewed_by": "",
            "reviewed_at": "",
            "review_note": "",
        }
    return {
        **cell,
        "review_state": state,
        "reviewed_by": draw(names),
        "reviewed_at": draw(stamps),
        "review_note": draw(names),
    }


@st.composite
def plan_docs(draw) -> dict:
    persons = [
        {
            **_book(draw),
            "name": draw(names),
            "position": draw(names),
            "unit": draw(names),
            "nip": draw(names),
            "reviewer": draw(st.booleans()),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    areas = []
    for _ in range(draw(st.integers(0, 3))):
        acts = []
        for _ in range(draw(st.integers(0, 2))):
            subs = []
            for _ in range(draw(st.integers(0, 2))):
                inds = []
                for _ in range(draw(st.integers(0, 3))):
                    months = sorted(draw(st.sets(st.integers(1, 12))))
                    real = [
                        _review(
                            {
                                **_book(draw),
                                "month": m,
                                "status": draw(st.sampled_from(["belum", "sebagian", "selesai"])),
                                "note": draw(names),
                            },
                            draw,
                        )
                        for m in sorted(draw(st.sets(st.integers(1, 12), max_size=3)))
                    ]
                    inds.append(
                        {
                            **_book(draw),
                            "label": draw(names),
                            "text": draw(names),
                            "planned_months": months,
                            "note": draw(names),
                            "target": draw(names),
                            "target_unit": draw(names),
                            "responsible": draw(names),
                            "responsible_uuid": draw(st.one_of(st.just(""), uuids)),
                            "extra_columns": [
                                [f"Kolom {n}", v]
                                for n, v in enumerate(draw(st.lists(names, max_size=3)))
                            ],
                            "realisation": real,
                            "evidence": [],
                        }
                    )
                subs.append(
                    {**_book(draw), "label": draw(names), "name": draw(names), "indicators": inds}
                )
            acts.append(
                {**_book(draw), "label": draw(names), "name": draw(names), "sub_activities": subs}
            )
        areas.append({**_book(draw), "label": draw(names), "name": draw(names), "activities": acts})
    teams = []
    if persons:
        teams.append(
            {
                **_book(draw),
                "kind": "area",
                "label": "I",
                "name": draw(names),
                "area": areas[0]["uuid"] if areas else None,
                "duties": draw(st.lists(names, max_size=2)),
                "members": [
                    {
                        **_book(draw),
                        "person": p["uuid"],
                        "role": draw(names),
                        "position": draw(names),
                    }
                    for p in persons
                ],
            }
        )
    plan = {
        **_book(draw),
        "unit": "U" + draw(names),
        "year": draw(st.integers(2000, 2100)),
        "title": draw(names),
        "decree": {"number": draw(names)},
        "settings": {},
        "level_names": draw(st.sampled_from([[], ["Sasaran", "Program", "Kegiatan", "Output"]])),
        "areas": areas,
        "teams": teams,
    }
    persons.sort(key=lambda p: (p["name"], p["uuid"]))
    return {
        "format": "rbdesk",
        "format_version": 3,
        "persons": persons,
        "plans": [plan],
        "blobs": {},
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=plan_docs())
def test_generated_plans_roundtrip(doc: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("rt")
    first = _roundtrip(doc, folder / "a.rbdesk")
    assert json.loads(first)["plans"][0]["uuid"] == doc["plans"][0]["uuid"]
    assert _roundtrip(json.loads(first), folder / "b.rbdesk") == first
    assert json.loads(first) == json.loads(dumps(doc))


def _sample_doc(sample_store: Store) -> dict:
    return dump_data(sample_store)


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: d.pop("format"), "Bukan dokumen rbdesk"),
        (lambda d: d.update(format_version=99), "lebih baru"),
        (lambda d: d["plans"][0].pop("year"), "plans[0]: kunci 'year' tidak ada"),
        (
            lambda d: d["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][
                0
            ].update(planned_months=[0, 13]),
            "planned_months",
        ),
        (
            lambda d: d["plans"][0]["teams"][0]["members"][0].update(person="tidak-ada"),
            "tidak ada di daftar persons",
        ),
        (lambda d: d["plans"][0]["teams"][0].update(kind="panitia"), "jenis tim"),
        (lambda d: d.update(persons="bukan daftar"), "bertipe salah"),
        (lambda d: d["plans"].append(copy.deepcopy(d["plans"][0])), "muncul dua kali"),
        (lambda d: d["persons"][0].update(updated_at="kemarin"), "bukan waktu ISO 8601"),
        (lambda d: d["persons"][0].update(version=-5), "version harus 1"),
        (lambda d: d["persons"][0].update(uuid="abc"), "tidak sah"),
    ],
)
def test_malformed_documents_load_nothing(
    sample_store: Store, tmp_path: Path, breakage, message: str
) -> None:
    doc = copy.deepcopy(dump_data(sample_store))
    sample_store.close()
    breakage(doc)
    store = Store.create(tmp_path / "baru.rbdesk")
    with pytest.raises(InvalidInput) as info:
        load_data(store, doc)
    assert message in info.value.message
    with store.read():
        assert Plan.select().count() == 0
    store.close()
