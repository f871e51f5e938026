"""The export modules import one another one way only: no cycles, and Excel never needs the PDF
modules (nor reportlab)."""

from __future__ import annotations

from import_graph import cycle, graph, imports, modules

PACKAGE = "rbdesk.exports"


def test_the_graph_sees_the_modules() -> None:
    edges = graph(PACKAGE)
    assert "rbdesk.exports.excel.plan_reader" in edges["rbdesk.exports.excel.read"]
    assert "rbdesk.exports.pdf.write" in edges["rbdesk.exports"]  # imported inside a function
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycles_in_exports() -> None:
    assert cycle(graph(PACKAGE)) is None


def test_excel_does_not_import_pdf_modules_or_reportlab() -> None:
    for name, path in modules(PACKAGE).items():
        if name.startswith(f"{PACKAGE}.excel"):
            assert not {
                u for u in imports(name, path) if u.startswith((f"{PACKAGE}.pdf", "reportlab"))
            }, name
