"""A draft decree (no number yet) prints its heading with a dotted gap for the number."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from rbdesk.exports import write_pdf
from rbdesk.exports.wording import DRAFT_NUMBER, decree_ref
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits.decree_edit import set_decree_fields
from rbdesk.models.storage.store import Store


def test_decree_ref_leaves_a_gap_for_a_missing_number() -> None:
    assert decree_ref({"number": "", "year": 2024})[1] == f"NOMOR {DRAFT_NUMBER} TAHUN 2024"
    assert decree_ref({"number": "  ", "year": 2024})[1] == f"NOMOR {DRAFT_NUMBER} TAHUN 2024"
    assert decree_ref({"year": 2024})[1] == f"NOMOR {DRAFT_NUMBER} TAHUN 2024"
    assert decree_ref({"number": "1a", "year": 2024})[1] == "NOMOR 1a TAHUN 2024"


def test_a_draft_sk_pdf_prints_the_dotted_gap(sample_store: Store, tmp_path: Path) -> None:
    plan_uuid = list_plans(sample_store)[0].uuid
    set_decree_fields(sample_store, plan_uuid, {"number": ""})
    out = write_pdf(load_plan_tree(sample_store, plan_uuid), tmp_path / "sk.pdf", part="sk")
    first = PdfReader(str(out)).pages[0].extract_text()
    assert f"NOMOR {DRAFT_NUMBER} TAHUN 2024" in first
    assert "NOMOR  TAHUN" not in first and "NOMOR TAHUN" not in first
