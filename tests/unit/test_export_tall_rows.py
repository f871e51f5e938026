"""Plan rows taller than a page: their text is continued on the next page(s), "(lanjutan)", instead
of the export being refused; every word printed, √ only once, pages filled."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.exports import write_pdf
from rbdesk.models.domain.tree import IndicatorNode, PlanTree, SubActivityNode
from tests.unit.test_export_layout import page_fills
from tests.unit.test_export_pdf import A4, F4, planned_months, size, synthetic_tree

PAPERS = {"a4": (A4[1], A4[0]), "f4": (F4[1], F4[0])}


def words(prefix: str, chars: int) -> list[str]:
    out: list[str] = []
    while len(" ".join(out)) < chars:
        out.append(f"{prefix}{len(out):04d}")
    return out


SUB_WORDS = words("zonahijau", 5000)
IND_WORDS = words("indikator", 3000)


def tall_tree(at_end: bool = False) -> PlanTree:
    """A synthetic plan with a 5,000-character sub-activity and a 3,000-character indicator."""
    tree = synthetic_tree(120)
    acts = [act for area in tree.areas for act in area.activities if act.sub_activities]
    act = acts[-1] if at_end else acts[len(acts) // 2]
    sub = SubActivityNode("tall-sub", "9.", " ".join(SUB_WORDS), 1)
    sub.indicators = [
        IndicatorNode("tall-1", "1)", "Dokumen kebijakan zona hijau", 0b000000000101, "", 1),
        IndicatorNode("tall-2", "2)", " ".join(IND_WORDS), 0b100000100001, "catatan", 1),
        IndicatorNode("tall-3", "3)", "Laporan evaluasi", 0b110000000000, "", 1),
    ]
    if at_end:
        act.sub_activities.append(sub)
    else:
        act.sub_activities.insert(1, sub)
    return tree


def read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [p.extract_text() for p in reader.pages]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_tall_texts_continue_on_the_next_pages(tmp_path: Path, paper: str) -> None:
    tree = tall_tree()
    reader, texts = read(write_pdf(tree, tmp_path / "plan.pdf", part="plan", paper=paper))
    text = "\n".join(texts)
    tokens = Counter(re.findall(r"\w+", text))
    missing = [w for w in SUB_WORDS + IND_WORDS if not tokens[w]]
    assert not missing, missing[:10]
    # printed once: only the first line of a long cell is repeated, as a reminder
    twice = [w for w in SUB_WORDS[10:] + IND_WORDS[10:] if tokens[w] != 1]
    assert not twice, twice[:10]
    assert text.count("√") == planned_months(tree)
    assert {size(p) for p in reader.pages} == {PAPERS[paper]}
    assert all("INDIKATOR KEBERHASILAN" in t and "KETERANGAN" in t for t in texts)
    continued = [i for i, t in enumerate(texts) if "(lanjutan)" in t]
    assert len(continued) >= 2
    # the tall sub-activity runs over consecutive pages, each picking up where the last stopped
    pages_with = [i for i, t in enumerate(texts) if any(w in t for w in SUB_WORDS)]
    assert len(pages_with) >= 2 and pages_with == list(range(pages_with[0], pages_with[-1] + 1))
    fills = page_fills(reader)
    thin = [(i + 1, round(f, 2)) for i, f in enumerate(fills[:-1]) if f < 0.4]
    assert not thin, f"pages under 40% full: {thin}"
    assert f"Halaman {len(texts)} dari {len(texts)}" in texts[-1]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_tall_last_row_keeps_its_last_lines_with_the_signature(tmp_path: Path, paper: str) -> None:
    tree = tall_tree(at_end=True)
    reader, texts = read(write_pdf(tree, tmp_path / "plan.pdf", part="plan", paper=paper))
    text = "\n".join(texts)
    assert all(w in text for w in SUB_WORDS + IND_WORDS)
    assert text.count("√") == planned_months(tree)
    last = texts[-1]
    assert "Ditetapkan di Kupang" in last
    assert "Laporan evaluasi" in last or SUB_WORDS[-1] in last


def test_sk_with_tall_texts_exports(tmp_path: Path) -> None:
    tree = tall_tree()
    _reader, texts = read(write_pdf(tree, tmp_path / "sk.pdf", part="sk", paper="a4"))
    text = "\n".join(texts)
    assert text.count("√") == planned_months(tree)
    assert SUB_WORDS[-1] in text and IND_WORDS[-1] in text


def test_short_hierarchy_texts_are_repeated_whole(tmp_path: Path) -> None:
    """An area name of a few lines is printed whole again on each page it spans."""
    tree = synthetic_tree(400)
    _reader, texts = read(write_pdf(tree, tmp_path / "plan.pdf", part="plan", paper="a4"))
    name = re.sub(r"\s+", "", tree.areas[0].name)
    assert sum(name in re.sub(r"\s+", "", t) for t in texts) >= 2
    assert f"(lanjutan) {tree.areas[0].name}" not in "\n".join(texts)
    assert "\n".join(texts).count("√") == planned_months(tree)
