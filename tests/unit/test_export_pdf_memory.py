"""The plan PDF holds one page's Table at a time, and prints the same pages as eager Tables."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from pypdf import PdfReader

from rbdesk.exports import write_pdf
from rbdesk.exports.pdf import page_table as pdf_page_table
from tests.unit.test_export_pdf import synthetic_tree


def streams(path: Path) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(path).pages]


def test_only_the_page_being_drawn_has_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[weakref.ref] = []
    most = 0
    table, draw = pdf_page_table.page_table, pdf_page_table.PageTable.drawOn

    def tracked(layout, page):
        t = table(layout, page)
        made.append(weakref.ref(t))
        return t

    def counted(self, *args, **kwargs):
        nonlocal most
        draw(self, *args, **kwargs)
        gc.collect()
        most = max(most, sum(r() is not None for r in made))

    monkeypatch.setattr(pdf_page_table, "page_table", tracked)
    monkeypatch.setattr(pdf_page_table.PageTable, "drawOn", counted)
    write_pdf(synthetic_tree(600), tmp_path / "plan.pdf", part="plan")
    assert len(made) > 10
    assert most <= 1


def test_lazy_pages_print_what_eager_tables_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = synthetic_tree(300)
    write_pdf(tree, tmp_path / "lazy.pdf", part="plan")
    from rbdesk.exports.pdf import plan as pdf_plan

    monkeypatch.setattr(pdf_plan, "PageTable", pdf_page_table.page_table)
    write_pdf(tree, tmp_path / "eager.pdf", part="plan")
    assert streams(tmp_path / "lazy.pdf") == streams(tmp_path / "eager.pdf")
