"""Berkas → Impor dari Excel…: the import assistant, driven through the real window's menu action
on the workbooks of tests/fixtures/workbooks.py — what the user sees before anything is written,
what the roles and options change, and what is (or is not) written."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from messagemock import MessageMock
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QPushButton

from rbdesk.exports.excel.mapping import Mapping
from rbdesk.models.domain.tree import list_plans
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.ui.dialogs.import_assistant import ImportAssistant
from rbdesk.ui.window.action_table import Act

_spec = importlib.util.spec_from_file_location(
    "workbooks", Path(__file__).parents[1] / "fixtures" / "workbooks.py"
)
assert _spec and _spec.loader
workbooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workbooks)


# What each layout family's workbook must give (levels, planned months per month, the cells left
# out), stated once, for `rbdesk import` (tests/cli/test_import_layouts.py) and the assistant.
_cli_spec = importlib.util.spec_from_file_location(
    "import_layouts_cli", Path(__file__).parents[1] / "cli" / "test_import_layouts.py"
)
assert _cli_spec and _cli_spec.loader
_cli = importlib.util.module_from_spec(_cli_spec)
_cli_spec.loader.exec_module(_cli)
LAYOUTS = _cli.LAYOUTS


def _assist(
    window, monkeypatch: pytest.MonkeyPatch, book: Path, user: Callable[[ImportAssistant], None]
) -> list[ImportAssistant]:
    """Trigger Berkas → Impor dari Excel… on ``book``; ``user`` works in the assistant while it
    is open (it ends with a click on Impor or Batal)."""
    shown: list[ImportAssistant] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(book), ""))
    )

    def exec_(self: ImportAssistant) -> int:
        shown.append(self)
        self.show()
        user(self)
        self.hide()
        return self.result()

    monkeypatch.setattr(ImportAssistant, "exec", exec_)
    window.acts[Act.IMPORT_EXCEL].trigger()
    return shown


def _role(dialog: ImportAssistant, col: str, role: str) -> None:
    """Pick ``role`` in the combo over column ``col`` (a letter), as the user does."""
    index = dialog.sheet_model.index(0, ord(col) - ord("A"))
    combo = dialog.table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    at = combo.findData(role)
    assert at >= 0, role
    combo.setCurrentIndex(at)


def _roles(dialog: ImportAssistant) -> str:
    return dialog.mapping.describe()


def _counts(dialog: ImportAssistant) -> tuple[tuple[int, int, int, int], list[int]]:
    assert dialog.preview is not None, dialog.problem.text()
    return dialog.preview.counts(), dialog.preview.month_counts()


def _tree_counts(tree) -> tuple[tuple[int, int, int, int], list[int]]:
    acts = [c for a in tree.areas for c in a.activities]
    subs = [s for c in acts for s in c.sub_activities]
    inds = list(tree.indicators())
    return (len(tree.areas), len(acts), len(subs), len(inds)), [
        sum(m in i.planned_months for i in inds) for m in range(1, 13)
    ]


def _import_entries(store) -> list[str]:
    with store.read():
        return [e.new for e in ChangeLog.select().where(ChangeLog.action == "import")]


def test_the_seeds_layout_imports_unchanged_and_the_import_is_undone(
    window, monkeypatch, tmp_path, messages: MessageMock, qtmodeltester, qtbot
):
    """rbdesk's own workbook (the seed's Lampiran II columns): nothing to change, nothing left
    out, so no question; the new plan is the same plan, in Riwayat, and Ctrl+Z takes it away."""
    from rbdesk.exports import write_workbook

    doc = window.doc
    source = doc.tree
    book = write_workbook(source, tmp_path / "rencana.xlsx")
    seen: list[str] = []

    def user(d: ImportAssistant) -> None:
        qtmodeltester.check(d.sheet_model)
        qtmodeltester.check(d.tree_model)
        qtmodeltester.check(d.left_model)
        assert d.sheet.currentText() == "Lampiran II" and d.problem.isHidden()
        assert d.left_model.rowCount() == 0 and d.tabs.tabText(1) == "Tidak ikut diimpor (0)"
        seen.append(d.summary.text())
        d.import_button.click()

    before = len(list_plans(doc.store))
    _assist(window, monkeypatch, book, user)
    assert messages.questions == [] and messages.errors == []
    assert f"{len(list(source.indicators()))} indikator" in seen[0]
    assert len(list_plans(doc.store)) == before + 1 and doc.plan_uuid != source.uuid
    imported = doc.tree
    assert _tree_counts(imported) == _tree_counts(source)
    assert [(i.text, i.planned_months, i.note) for i in imported.indicators()] == [
        (i.text, i.planned_months, i.note) for i in source.indicators()
    ]
    assert _import_entries(doc.store) == [
        f"{len(list(source.indicators()))} indikator diimpor dari Excel (rencana.xlsx)"
    ]
    assert "Ctrl+Z" in window.message_bar.label.text()
    # in Riwayat seluruh berkas, in words
    from rbdesk.ui.dialogs import history as history_dialog

    shown: list = []
    monkeypatch.setattr(history_dialog.HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    window.acts[Act.HISTORY_ALL].trigger()
    model = shown[0].model
    logged = [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert any("diimpor" in row and any("(rencana.xlsx)" in v for v in row) for row in logged)
    assert doc.undo_stack.undoText().startswith("Impor rencana")
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: doc.plan_uuid == source.uuid)
    assert len(list_plans(doc.store)) == before
    doc.undo_stack.redo()
    qtbot.waitUntil(lambda: doc.plan_uuid == imported.uuid)
    assert len(list_plans(doc.store)) == before + 1


def test_another_layout_mapped_by_changing_roles(window, monkeypatch, tmp_path, messages):
    """A Pemda report read as the user maps it: the Program column as the area, the
    Kegiatan as sub kegiatan, the area column ignored — the preview follows each choice, the
    cells left out are listed and asked about, and the plan written is the one previewed."""
    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    seen: dict[str, object] = {}

    def user(d: ImportAssistant) -> None:
        assert _counts(d)[0] == (2, 3, 3, 5)  # the guess: area › program › kegiatan
        _role(d, "B", "abaikan")
        _role(d, "C", "area")
        _role(d, "D", "subkegiatan")
        seen["roles"] = _roles(d)
        seen["counts"] = _counts(d)
        assert d.preview is not None
        seen["left"] = {(x.cell, x.why) for x in d.preview.left_out}
        assert d.tabs.tabText(1) == f"Tidak ikut diimpor ({d.left_model.rowCount()})"
        d.import_button.click()

    messages.answer = True
    _assist(window, monkeypatch, book, user)
    assert "B=abaikan,C=area,D=subkegiatan" in str(seen["roles"])
    counts, months = seen["counts"]  # type: ignore[misc]
    assert counts == (3, 3, 5, 5)
    assert ("B4", "kolom 'AREA PERUBAHAN' diabaikan") in seen["left"]  # type: ignore[operator]
    assert len(messages.questions) == 1 and "Impor tanpa sel-sel itu?" in messages.questions[0]
    assert _tree_counts(window.doc.tree) == (counts, months)
    assert [a.name for a in window.doc.tree.areas][:1] == ["Program penguatan budaya kerja"]


def test_quarter_columns_become_the_last_month_or_all_three(
    window, monkeypatch, tmp_path, messages
):
    book = workbooks.quarterly_monitoring(tmp_path / "monev-triwulan.xlsx")
    seen: list[list[int]] = []

    def user(d: ImportAssistant) -> None:
        assert d.quarter_last.isChecked() and d.quarter_all.isEnabled()
        seen.append(_counts(d)[1])
        d.quarter_all.click()
        seen.append(_counts(d)[1])
        d.import_button.click()

    _assist(window, monkeypatch, book, user)
    assert seen == [
        [0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 2],
        [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2],
    ]
    assert _tree_counts(window.doc.tree)[1] == seen[1]


def test_cancel_writes_nothing_and_remembers_nothing(window, monkeypatch, tmp_path, messages):
    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    doc = window.doc
    before = (len(list_plans(doc.store)), _import_entries(doc.store), doc.plan_uuid)

    def user(d: ImportAssistant) -> None:
        _role(d, "C", "area")
        d.buttons.rejected.emit()  # Batal

    shown = _assist(window, monkeypatch, book, user)
    assert shown[0].result() == QDialog.DialogCode.Rejected
    assert (len(list_plans(doc.store)), _import_entries(doc.store), doc.plan_uuid) == before
    assert messages.questions == [] and messages.errors == []

    again = _assist(window, monkeypatch, book, lambda d: d.reject())
    assert "C=kegiatan" in _roles(again[0]) and not again[0].remembered


def test_a_no_to_the_left_out_cells_keeps_the_assistant_open(
    window, monkeypatch, tmp_path, messages
):
    book = workbooks.road_map_matrix(tmp_path / "road-map.xlsx")
    doc = window.doc
    before = len(list_plans(doc.store))

    def user(d: ImportAssistant) -> None:
        d.import_button.click()
        assert d.isVisible() and d.result() == 0
        d.reject()

    messages.answer = False
    _assist(window, monkeypatch, book, user)
    assert len(messages.questions) == 1 and len(list_plans(doc.store)) == before


def test_the_mapping_is_remembered_for_the_same_header(window, monkeypatch, tmp_path, messages):
    """Roles chosen once are pre-filled the next time a workbook with the same header words is
    opened on this PC — another file, with other rows."""
    first = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")

    def change(d: ImportAssistant) -> None:
        _role(d, "B", "abaikan")
        _role(d, "C", "area")
        _role(d, "D", "subkegiatan")
        d.import_button.click()

    _assist(window, monkeypatch, first, change)
    import openpyxl
    from openpyxl.worksheet.cell_range import CellRange

    wb = openpyxl.load_workbook(first)
    ws = wb.active
    # one title row more: the same header, a row lower
    merged = [m.coord for m in ws.merged_cells.ranges]
    for coord in merged:
        ws.unmerge_cells(coord)
    ws.move_range(f"A1:Z{ws.max_row}", rows=1)
    for coord in merged:
        cells = CellRange(coord)
        cells.shift(row_shift=1)
        ws.merge_cells(cells.coord)
    ws.cell(ws.max_row + 1, 3, "Program tambahan")
    ws.cell(ws.max_row, 4, "Kegiatan tambahan")
    ws.cell(ws.max_row, 5, "Des")
    second = tmp_path / "laporan-pemda-2.xlsx"
    wb.save(second)
    seen: list[tuple] = []

    def look(d: ImportAssistant) -> None:
        seen.append((d.remembered, _roles(d), _counts(d)[0], d.summary.text()))
        assert d.header_row.value() == 4
        d.reject()

    _assist(window, monkeypatch, second, look)
    remembered, roles, counts, summary = seen[0]
    assert remembered and "B=abaikan,C=area,D=subkegiatan" in roles
    assert counts == (4, 4, 6, 6)
    assert "Pemetaan kolom yang diingat" in summary


def test_a_mapping_saved_to_a_file_is_the_command_lines(
    window, monkeypatch, tmp_path, messages, capsys
):
    """Simpan pemetaan… writes the --mapping file of `rbdesk import`; Muat pemetaan… reads one."""
    from rbdesk.cli import main

    book = workbooks.rb_tematik(tmp_path / "rb-tematik.xlsx")
    saved = tmp_path / "pemetaan.json"
    seen: list = []

    def user(d: ImportAssistant) -> None:
        _role(d, "P", "abaikan")
        _role(d, "Q", "abaikan")
        d.quarter_all.click()
        seen.append(_counts(d))
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), ""))
        )
        d.save_button.click()
        # back to the guess, then the file read in again
        d.header_row.setValue(d.header_row.value())
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), ""))
        )
        d.quarter_last.click()
        d.load_button.click()
        seen.append(_counts(d))
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen[0] == seen[1] and seen[0][1] == [2] * 12
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "rbdesk-import-mapping-1" and data["quarter"] == "semua"
    assert Mapping.load(saved).columns[16].role.value == "abaikan"
    target = tmp_path / "kantor.rbdesk"
    assert main(["new", str(target)]) == 0
    capsys.readouterr()
    assert main(["import", str(target), str(book), "--mapping", str(saved), "--dry-run"]) == 0
    assert "Jan 2, Feb 2, Mar 2" in capsys.readouterr().out
    assert messages.errors == []


def test_a_workbook_without_a_recognisable_header_is_mapped_by_hand(
    window, monkeypatch, tmp_path, messages
):
    """No header words rbdesk knows: the assistant says so in its own words (not the command
    line's options), and the user shows the header row and the roles."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Bidang", "Pekerjaan", "Kapan"])
    ws.append(["Kepegawaian", "Analisis beban kerja", "Jan - Mar"])
    ws.append(["Kepegawaian", "Sasaran kinerja pegawai", "Des"])
    book = tmp_path / "polos.xlsx"
    wb.save(book)
    seen: list = []

    def user(d: ImportAssistant) -> None:
        seen.append((d.problem.text(), d.import_button.isEnabled()))
        _role(d, "A", "area")
        _role(d, "B", "indikator")
        _role(d, "C", "bulan")
        seen.append(_counts(d))
        d.import_button.click()

    _assist(window, monkeypatch, book, user)
    problem, enabled = seen[0]
    assert "--" not in problem and not enabled
    assert seen[1] == ((1, 1, 1, 2), [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert _tree_counts(window.doc.tree) == seen[1]


def test_the_year_of_a_road_map_is_chosen(window, monkeypatch, tmp_path, messages):
    """Year columns: the plan's year picks its column; the other years' cells are listed."""
    book = workbooks.road_map_matrix(tmp_path / "road-map.xlsx")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        assert d.year.value() == 2025 and "2025, 2026, 2027" in d.year_hint.text()
        # the year taken is said in the window's words, not the command line's options
        assert "(pilih di Tahun rencana)" in d.notes.toPlainText()
        assert "--" not in d.notes.toPlainText()
        d.year.setValue(2026)
        assert d.preview is not None
        seen.append(_counts(d)[1])
        seen.append({x.cell: x.why for x in d.preview.left_out}.get("D5"))
        d.import_button.click()

    _assist(window, monkeypatch, book, user)
    assert seen == [[3] * 12, "kolom tahun 2025; rencana ini tahun 2026"]
    assert window.doc.tree.year == 2026


def test_the_colours_read_as_planned_can_be_corrected(window, monkeypatch, tmp_path, messages):
    book = workbooks.lampiran_ii_by_hand(tmp_path / "lampiran-ii-tangan.xlsx")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        assert set(d.result_panel.colour_checks) == {"FFFF00"} and d.colour_box.isVisibleTo(d)
        box = d.result_panel.colour_checks["FFFF00"]
        assert box.isChecked() and box.text() == "FFFF00 (7 sel)"
        seen.append(sum(_counts(d)[1]))
        box.click()
        seen.append(sum(_counts(d)[1]))
        assert d.preview is not None
        coloured = [x for x in d.preview.left_out if x.value == "(warna FFFF00)"]
        seen.append(len(coloured))
        assert all("pilih warnanya di bawah pratinjau" in x.why for x in coloured)
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen == [25, 18, 5]


def test_the_roles_are_chosen_from_the_keyboard(window, monkeypatch, tmp_path, messages, qtbot):
    """Into the preview, Tab from one column's role to the next, arrow keys to change it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        d.activateWindow()
        d.table.setFocus()
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
        for _ in range(2):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox) and combo.currentText() == "Kegiatan"
        assert d.table.currentIndex().column() == 2
        qtbot.keyClick(combo, Qt.Key.Key_Up)
        seen.append((combo.currentText(), _roles(d)))
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen[0][0] == "Area perubahan" and "C=area" in seen[0][1]


def test_a_bad_mapping_file_is_refused_clearly_and_changes_nothing(
    window, monkeypatch, tmp_path, messages
):
    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    bad = tmp_path / "rusak.json"
    bad.write_text("{bukan json", encoding="utf-8")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        before = (_roles(d), _counts(d))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
        )
        d.load_button.click()
        seen.append(before == (_roles(d), _counts(d)))
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen == [True]
    assert messages.errors == ["Berkas pemetaan rusak.json bukan JSON yang sah."]


def test_the_sheet_and_the_header_row_are_chosen(window, monkeypatch, tmp_path, messages):
    """A workbook whose plan is not on its first sheet: the assistant finds it; another sheet
    chosen shows that sheet (and says it holds no plan); a header row chosen by hand is read
    from there."""
    import openpyxl
    from PySide6.QtCore import Qt

    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    wb = openpyxl.load_workbook(book)
    notes = wb.create_sheet("Petunjuk", 0)
    notes["A1"] = "Isi laporan setiap triwulan."
    wb.save(book)
    seen: list = []

    def user(d: ImportAssistant) -> None:
        assert [d.sheet.itemText(i) for i in range(d.sheet.count())] == [
            "Petunjuk",
            "Laporan RB",
        ]
        seen.append((d.sheet.currentText(), d.header_row.value(), _counts(d)[0]))
        d.sheet.setCurrentText("Petunjuk")
        seen.append((d.sheet_model.index(1, 0).data(), d.import_button.isEnabled()))
        assert d.problem.isVisibleTo(d)
        d.sheet.setCurrentText("Laporan RB")
        seen.append(_counts(d)[0])
        d.header_row.setValue(4)  # the first data row as the header: a different table
        model = d.sheet_model
        row4 = model.index(1 + 4 - model.rows[0], 0)
        assert model.headerData(row4.row(), Qt.Orientation.Vertical) == "4"
        assert row4.data(Qt.ItemDataRole.FontRole).bold()  # shown as the header now
        seen.append((_roles(d).startswith("A=simpan,B=simpan"), _counts(d)[0]))
        d.header_row.setValue(3)
        seen.append(_counts(d)[0])
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen[0] == ("Laporan RB", 3, (2, 3, 3, 5))
    assert seen[1] == ("Isi laporan setiap triwulan.", False)
    assert seen[2] == (2, 3, 3, 5) and seen[4] == (2, 3, 3, 5)
    # The columns guessed again from row 4: another table than the one under row 3.
    assert seen[3][0] is True and seen[3][1] != (2, 3, 3, 5)


def test_an_ods_workbook_reads_as_its_xlsx(window, monkeypatch, tmp_path, messages):
    xlsx = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    ods = workbooks.as_ods(xlsx, tmp_path / "laporan-pemda.ods")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        seen.append((d.file_label.text(), _counts(d), d.notes.toPlainText()))
        d.reject()

    _assist(window, monkeypatch, ods, user)
    label, counts, notes = seen[0]
    assert label == "Berkas: laporan-pemda.ods"
    assert counts[0] == (2, 3, 3, 5) and sum(counts[1]) == 23
    assert "simpan sebagai .xlsx" in notes


def test_a_long_read_can_be_cancelled(window, monkeypatch, tmp_path, messages):
    """The read shows a progress bar that can be cancelled: then no assistant, nothing written."""
    from PySide6.QtWidgets import QProgressDialog

    book = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    before = len(list_plans(window.doc.store))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    shown = _assist(window, monkeypatch, book, lambda d: d.import_button.click())
    assert shown == [] and messages.errors == [] and messages.questions == []
    assert len(list_plans(window.doc.store)) == before
    assert "Dibatalkan" in window.statusBar().currentMessage()


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_each_layout_gives_in_the_assistant_what_the_command_line_gives(
    name, window, monkeypatch, tmp_path, messages
):
    """Every fixture workbook opened with nothing changed: the counts, the planned months per
    month and the cells left out are the ones `rbdesk import` gives; Impor (after the question
    about the cells left out) writes exactly that plan."""
    counts, months, left = LAYOUTS[name]
    book = workbooks.BUILDERS[name](tmp_path / name)
    seen: list = []

    def user(d: ImportAssistant) -> None:
        assert d.preview is not None
        model = d.left_model
        cells = {f"{model.index(r, 0).data()}!{model.index(r, 1).data()}" for r in range(len(left))}
        seen.append((_counts(d), cells, model.rowCount()))
        d.import_button.click()

    messages.answer = True
    _assist(window, monkeypatch, book, user)
    assert seen == [((counts, months), left, len(left))]
    # asked only when something would be left out
    assert [f"{len(left)} sel" in q for q in messages.questions] == ([True] if left else [])
    assert _tree_counts(window.doc.tree) == (counts, months)
    assert _import_entries(window.doc.store)[-1] == (
        f"{counts[3]} indikator diimpor dari Excel ({name})"
        + (f"; {len(left)} sel tidak ikut diimpor" if left else "")
    )


def test_a_lampiran_ii_as_the_decree_prints_it_imports_unchanged(
    window, monkeypatch, tmp_path, messages
):
    """The seed's Lampiran II without rbdesk's hidden sheet (as typed from the printed decree):
    read by its labels, every planned month and remark comes in, nothing is asked."""
    import openpyxl

    from rbdesk.exports import write_workbook

    source = window.doc.tree
    book = write_workbook(source, tmp_path / "lampiran-ii.xlsx")
    wb = openpyxl.load_workbook(book)
    del wb["rbdesk"]
    wb.save(book)
    _assist(window, monkeypatch, book, lambda d: d.import_button.click())
    assert messages.questions == [] and messages.errors == []
    imported = window.doc.tree
    assert imported.uuid != source.uuid
    assert _tree_counts(imported) == _tree_counts(source)
    assert [(i.planned_months, i.note) for i in imported.indicators()] == [
        (i.planned_months, i.note) for i in source.indicators()
    ]


def test_another_workbook_is_chosen_in_the_assistant(window, monkeypatch, tmp_path, messages):
    """Berkas lain…: another workbook replaces the first; one that cannot be read is refused
    clearly and the first stays as the user left it."""
    first = workbooks.pemda_report(tmp_path / "laporan-pemda.xlsx")
    second = workbooks.quarterly_monitoring(tmp_path / "monev-triwulan.xlsx")
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan buku kerja")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        _role(d, "C", "area")
        chosen = _roles(d)
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), ""))
        )
        d.findChild(QPushButton, "otherWorkbook").click()
        seen.append((d.file_label.text(), _roles(d) == chosen, len(messages.errors)))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(second), ""))
        )
        d.findChild(QPushButton, "otherWorkbook").click()
        seen.append((d.file_label.text(), d.sheet.currentText(), _counts(d)[0]))
        d.import_button.click()

    _assist(window, monkeypatch, first, user)
    assert seen[0] == ("Berkas: laporan-pemda.xlsx", True, 1)
    assert seen[1] == ("Berkas: monev-triwulan.xlsx", "Monev TW", (2, 3, 3, 4))
    assert _import_entries(window.doc.store)[-1].startswith("4 indikator diimpor dari Excel (monev")


def test_the_number_of_header_rows_can_be_set(window, monkeypatch, tmp_path, messages):
    """Monev TW's header takes two rows (JADWAL over I–IV); told it takes one, the quarter row
    is read as data and the columns are guessed from the first row alone."""
    book = workbooks.quarterly_monitoring(tmp_path / "monev-triwulan.xlsx")
    seen: list = []

    def user(d: ImportAssistant) -> None:
        seen.append((d.header_rows.value(), "D=triwulan:1" in _roles(d)))
        d.header_rows.setValue(1)
        seen.append((d.header_rows.value(), "D=triwulan:1" in _roles(d)))
        d.header_rows.setValue(2)
        seen.append((d.header_rows.value(), "D=triwulan:1" in _roles(d)))
        d.reject()

    _assist(window, monkeypatch, book, user)
    assert seen == [(2, True), (1, False), (2, True)]


def test_a_file_that_is_no_workbook_is_refused_before_the_assistant(
    window, monkeypatch, tmp_path, messages
):
    broken = tmp_path / "rencana.xlsx"
    broken.write_bytes(b"PK bukan buku kerja")
    before = len(list_plans(window.doc.store))
    shown = _assist(window, monkeypatch, broken, lambda d: d.import_button.click())
    assert shown == [] and len(messages.errors) == 1
    assert messages.errors[0].startswith("rencana.xlsx bukan buku kerja Excel")
    assert len(list_plans(window.doc.store)) == before
