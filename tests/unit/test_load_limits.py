"""load takes only what the window could have made: sizes, years, text lengths, decree shape."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from rbdesk.models.domain.text_rules import MAX_EVIDENCE_BYTES
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.errors import EvidenceTooLarge, InvalidInput
from rbdesk.models.interchange.load import create_from_dump
from rbdesk.models.interchange.sample_data import sample_dump
from tests.crafted_dump import with_evidence


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return sample_dump()


def _evidence(data: dict[str, Any], raw: bytes, size: int | None = None) -> dict[str, Any]:
    return with_evidence(data, raw, "scan.pdf", "application/pdf", size)


def _refused(tmp_path: Path, data: dict[str, Any], match: str) -> None:
    out = tmp_path / "dimuat.rbdesk"
    with pytest.raises(InvalidInput, match=match):
        create_from_dump(out, data)
    assert not out.exists()


def test_evidence_over_the_limit_is_refused(base, tmp_path: Path) -> None:
    data = _evidence(copy.deepcopy(base), b"\0" * (MAX_EVIDENCE_BYTES + 1))
    _refused(tmp_path, data, "terlalu besar")


def test_a_negative_size_is_refused(base, tmp_path: Path) -> None:
    _refused(tmp_path, _evidence(copy.deepcopy(base), b"isi", size=-3), "size")


@pytest.mark.parametrize("year", [99999, 0, -1, 1899])
def test_a_year_out_of_range_is_refused(base, tmp_path: Path, year: int) -> None:
    data = copy.deepcopy(base)
    data["plans"][0]["year"] = year
    _refused(tmp_path, data, "tahun")


def test_a_huge_name_is_refused(base, tmp_path: Path) -> None:
    data = copy.deepcopy(base)
    data["persons"][0]["name"] = "A" * 5_000_000
    _refused(tmp_path, data, "terlalu panjang")


@pytest.mark.parametrize(
    "decree",
    [
        {"considerations": "bukan daftar"},
        {"considerations": [{"label": 1, "text": "x"}]},
        {"decisions": [{"label": "KESATU", "text": "x", "items": "bukan daftar"}]},
        {"signatory_name": ["bukan", "teks"]},
        {"attachment_titles": ["x"]},
        {"place": 7},
    ],
)
def test_a_decree_of_the_wrong_shape_is_refused(base, tmp_path: Path, decree) -> None:
    data = copy.deepcopy(base)
    data["plans"][0]["decree"] = {**data["plans"][0]["decree"], **decree}
    _refused(tmp_path, data, "SK")


def test_the_sample_still_loads_and_prints(base, tmp_path: Path) -> None:
    from rbdesk.exports import write_pdf

    with create_from_dump(tmp_path / "a.rbdesk", copy.deepcopy(base)) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
    write_pdf(tree, tmp_path / "sk.pdf", part="sk")


def test_too_large_evidence_names_one_unit(sample_store, monkeypatch) -> None:
    ind = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid).indicators()[0].uuid
    with pytest.raises(EvidenceTooLarge) as info:
        realisation.attach_bytes(sample_store, ind, 1, "pindaian.pdf", b"\0" * (26 * 1024 * 1024))
    assert "(26.0 MiB); batasnya 25 MiB" in info.value.message


def _first_indicator(data: dict[str, Any]) -> dict[str, Any]:
    return data["plans"][0]["areas"][0]["activities"][0]["sub_activities"][0]["indicators"][0]


_UNPRINTABLE: dict[str, tuple[Any, str]] = {
    # (change to the sample document, words of the refusal)
    "a 10 MB setting": (
        lambda d: d["plans"][0].update(settings={"report_place": "x" * 10**7}),
        "terlalu panjang",
    ),
    "a setting that is no text": (
        lambda d: d["plans"][0].update(settings={"report_place": [1]}),
        "harus teks",
    ),
    "a decree of 200,000 items": (
        lambda d: d["plans"][0]["decree"].update(
            decisions=[{"label": "KESATU", "text": "", "items": ["x"] * 200_000}]
        ),
        "terlalu banyak",
    ),
    "a lone surrogate": (lambda d: _first_indicator(d).update(note="a\ud800b"), "tidak sah"),
    "version 2**70": (lambda d: _first_indicator(d).update(version=2**70), "version"),
    "format_version -5": (lambda d: d.update(format_version=-5), "format_version"),
    "an empty unit": (lambda d: d["plans"][0].update(unit="  "), "unit"),
    "a stamp that is no time": (
        lambda d: _first_indicator(d).update(updated_at="9999-99-99T99:99:99Z"),
        "9999-99-99",
    ),
}


@pytest.mark.parametrize("case", sorted(_UNPRINTABLE))
def test_what_load_cannot_print_is_refused_clearly(base, tmp_path: Path, case: str) -> None:
    """Issue 18, item 10: each of these used to load (or fail with 'kesalahan tak terduga'),
    and the reports or the annual workbook failed on the file afterwards."""
    change, words = _UNPRINTABLE[case]
    data = copy.deepcopy(base)
    change(data)
    _refused(tmp_path, data, words)
