"""Control characters (NUL, BEL, ESC...) are dropped on the way in and on the way out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl

from rbdesk.models.domain import history
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import plan_edit, realisation, roster_edit
from rbdesk.models.storage.schema import Indicator
from rbdesk.models.storage.store import Store

DIRTY = "a\x00b\x07c\x1bd\x7fe"


def _first_indicator(store: Store) -> str:
    return load_plan_tree(store, list_plans(store)[0].uuid).indicators()[0].uuid


def test_edits_store_text_without_control_characters(sample_store: Store) -> None:
    ind = _first_indicator(sample_store)
    plan_edit.set_field(sample_store, "indicator", ind, "text", DIRTY + "\nbaris\tdua")
    realisation.set_status(sample_store, ind, 2, "selesai", DIRTY)
    person = roster_edit.list_persons(sample_store)[0]
    roster_edit.update_person(sample_store, person.uuid, name=DIRTY)
    with sample_store.read():
        assert Indicator.get(Indicator.uuid == ind).text == "abcde\nbaris\tdua"
    tree = load_plan_tree(sample_store, list_plans(sample_store)[0].uuid)
    assert tree.indicators()[0].realisation[2].note == "abcde"
    assert "abcde" in [p.name for p in roster_edit.list_persons(sample_store)]


def test_exports_drop_control_characters_a_file_already_holds(
    sample_path: Path, tmp_path: Path
) -> None:
    """A file written by an older rbdesk (or by hand) may hold them: exports still work."""
    from rbdesk.exports import write_pdf, write_workbook

    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE indicator SET text = ?, note = ?", (DIRTY, DIRTY))
    conn.execute("UPDATE plan SET title = ?", (DIRTY,))
    conn.execute("UPDATE person SET name = ?", (DIRTY,))
    conn.execute("UPDATE change_log SET new = ?", (DIRTY,))
    conn.commit()
    conn.close()
    with Store.open(sample_path, readonly=True) as store:
        tree = load_plan_tree(store, list_plans(store)[0].uuid)
        entries = history.query_history(store)
    book = write_workbook(tree, tmp_path / "r.xlsx") or tmp_path / "r.xlsx"
    texts = [
        str(v)
        for ws in openpyxl.load_workbook(book).worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    ]
    assert any("abcde" in t for t in texts)
    assert not any(ch in t for t in texts for ch in "\x00\x07\x1b")
    history.export_history_xlsx(entries, {}, tmp_path / "riwayat.xlsx")
    hist = [
        str(v)
        for row in openpyxl.load_workbook(tmp_path / "riwayat.xlsx").active.iter_rows(
            values_only=True
        )
        for v in row
        if v
    ]
    assert "abcde" in hist
    write_pdf(tree, tmp_path / "r.pdf", part="plan")
    write_pdf(tree, tmp_path / "t.pdf", part="roster")
