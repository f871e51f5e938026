"""Ekspor/Cetak from the window: the menu actions write readable files, with a cancellable
progress dialog; a cancel leaves no file behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from messagemock import MessageMock
from PySide6.QtWidgets import QFileDialog

from rbdesk.ui.window import export_actions
from rbdesk.ui.window.action_table import Act
from tests.book_reads import cell_texts


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: MessageMock):
    """The save dialog answers with a path in this test's folder; errors are recorded."""
    chosen: dict[str, Path] = {}

    def answer(name: str):
        def fake(parent, title, suggested, pattern):
            chosen["suggested"] = Path(suggested)
            chosen["path"] = tmp_path / name
            return str(chosen["path"]), pattern

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return chosen

    answer.errors = messages.errors  # type: ignore[attr-defined]
    return answer


def test_excel_export_from_the_menu(window, save_to):
    openpyxl = pytest.importorskip("openpyxl")
    chosen = save_to("rencana.xlsx")
    assert window.acts[Act.EXPORT_EXCEL].isEnabled()
    window.acts[Act.EXPORT_EXCEL].trigger()
    assert save_to.errors == []
    out = chosen["path"]
    assert out.exists() and chosen["suggested"].suffix == ".xlsx"
    book = openpyxl.load_workbook(out, read_only=True)
    assert len(book.sheetnames) >= 2
    text = " ".join(cell_texts(book))
    assert "LHKPN" in text
    assert "Excel disimpan" in window.message_bar.label.text()
    assert _buttons(window) == ["Buka berkas", "Buka folder"]


def test_pdf_lampiran_ii_from_the_menu(window, save_to):
    pypdf = pytest.importorskip("pypdf")
    chosen = save_to("lampiran-ii.pdf")
    action = next(a for a in window.acts if "Lampiran I&I" in a.text())
    assert action.isEnabled()
    action.trigger()
    assert save_to.errors == []
    out = chosen["path"]
    assert out.exists() and chosen["suggested"].name.startswith("Lampiran-II")
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) >= 1
    assert "LHKPN" in "".join(page.extract_text() or "" for page in reader.pages)
    assert "PDF disimpan" in window.statusBar().currentMessage()


@pytest.mark.parametrize("what", ["excel", "pdf", "excel-annual"])
def test_cancel_in_the_progress_dialog_leaves_no_file(window, save_to, monkeypatch, what):
    chosen = save_to("batal.pdf" if what == "pdf" else "batal.xlsx")
    calls: list[int] = []
    original = export_actions._Progress.__call__

    def press_cancel(self, done: int, total: int) -> bool:
        calls.append(done)
        self.dialog.cancel()  # the user presses "Batal" while it works
        return original(self, done, total)

    monkeypatch.setattr(export_actions._Progress, "__call__", press_cancel)
    if what == "excel":
        window.acts[Act.EXPORT_EXCEL].trigger()
    elif what == "excel-annual":
        export_actions.export_period_excel(window.host, "annual")
    else:
        export_actions.export_pdf(window.host, "plan")
    assert calls, "the exporter never reported progress"
    assert save_to.errors == []
    assert not chosen["path"].exists()
    assert window.statusBar().currentMessage() == "Dibatalkan."


def _buttons(window) -> list[str]:
    from PySide6.QtWidgets import QToolButton

    return [
        b.text()
        for b in window.message_bar.findChildren(QToolButton)
        if b.text() != "✕" and not b.isHidden()
    ]


def test_monthly_report_asks_the_month_before_the_file_name(window, save_to, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(export_actions, "_ask_month", lambda win: asked.append("bulan") or 5)
    chosen = save_to("laporan.pdf")
    original = QFileDialog.getSaveFileName

    def save_dialog(*args):
        asked.append("berkas")
        return original(*args)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    export_actions.export_pdf(window.host, "report")
    assert asked == ["bulan", "berkas"]
    assert "Mei" in chosen["suggested"].name and chosen["path"].exists()
    assert "PDF disimpan" in window.message_bar.label.text()


def test_printing_with_no_pdf_program_says_where_the_file_is(window, monkeypatch, qtbot):
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []

    def no_viewer(url):
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_viewer))
    window.acts[Act.PRINT_PLAN].trigger()
    text = window.message_bar.label.text()
    assert "Tidak ada program" in text and ".pdf" in text
    pdf = Path(opened[0])
    assert pdf.exists() and str(pdf) in text
    assert _buttons(window) == ["Pratinjau", "Buka folder"]
    from PySide6.QtWidgets import QToolButton

    next(
        b for b in window.message_bar.findChildren(QToolButton) if b.text() == "Buka folder"
    ).click()
    assert opened[-1] == str(pdf.parent)


def test_an_export_chosen_over_the_open_file_is_refused(window, monkeypatch, messages):
    """Whatever name the save dialog returns, the open database is never replaced."""
    import hashlib

    db = window.doc.store.path
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    errors = messages.errors
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(db), "")))
    window.acts[Act.EXPORT_EXCEL].trigger()
    export_actions.export_pdf(window.host, "plan")
    assert len(errors) == 2 and all("menimpa" in e for e in errors)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def _form_actions(window) -> dict[str, object]:
    from PySide6.QtWidgets import QMenu

    menu = next(m for m in window.findChildren(QMenu) if m.title().replace("&", "") == "Bentuk")
    return {a.text().replace("&", "").split()[0]: a for a in menu.actions()}


def test_bentuk_asli_or_salinan_chooses_the_printed_form_and_is_remembered(window, save_to):
    pypdf = pytest.importorskip("pypdf")
    from rbdesk.ui import settings

    forms = _form_actions(window)
    assert set(forms) == {"Asli", "Salinan"}
    assert forms["Salinan"].isChecked() and not forms["Asli"].isChecked()  # as before
    sk = next(a for a in window.acts if "SK &lengkap" in a.text())
    texts = {}
    for form in ("Asli", "Salinan"):
        forms[form].trigger()
        assert forms[form].isChecked()
        assert settings.value("export/copy") == form.lower()
        chosen = save_to(f"sk-{form}.pdf")
        sk.trigger()
        assert save_to.errors == []
        reader = pypdf.PdfReader(str(chosen["path"]))
        assert round(float(reader.pages[0].mediabox.height)) == 935  # F4, the window's default
        texts[form] = "\n".join(p.extract_text() for p in reader.pages)
    assert "TTD" not in texts["Asli"] and "Salinan sesuai dengan aslinya" not in texts["Asli"]
    assert "TTD" in texts["Salinan"] and "Salinan sesuai dengan aslinya" in texts["Salinan"]
    assert "DEKY BALLO" in texts["Asli"]


def test_a_new_window_opens_with_the_form_chosen_last(ctx, qtbot):
    from rbdesk.ui import settings
    from rbdesk.ui.window.main_window import MainWindow

    settings.set_value("export/copy", "asli")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    forms = _form_actions(win)
    assert forms["Asli"].isChecked() and not forms["Salinan"].isChecked()
    win.close()


def test_printing_says_which_form_goes_to_the_printer(window, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    _form_actions(window)["Asli"].trigger()
    window.acts[Act.PRINT_PLAN].trigger()
    text = window.message_bar.label.text()
    assert "F4" in text and "asli, untuk ditandatangani" in text
    printed = "\n".join(p.extract_text() for p in pypdf.PdfReader(opened[0]).pages)
    assert "DEKY BALLO" in printed and "TTD" not in printed


@pytest.fixture
def asks_no_month(monkeypatch):
    """A period report that asked for a month would fail the test."""
    monkeypatch.setattr(
        export_actions, "_ask_month", lambda win: pytest.fail("a period report asks no month")
    )


# The PDF's menu text (the Excel one's is "Excel: " and that text without its "&"), the start of
# the file name offered and the report's title.
PERIOD_REPORTS = [
    ("Laporan Semester I…", "Laporan-Semester-I-", "LAPORAN SEMESTER I "),
    ("Laporan Semester II…", "Laporan-Semester-II-", "LAPORAN SEMESTER II "),
    ("Laporan &Tahunan…", "Laporan-Tahunan-", "LAPORAN TAHUNAN "),
]


@pytest.mark.parametrize(("text", "stem", "heading"), PERIOD_REPORTS)
def test_semester_and_annual_reports_from_the_menu(
    window, save_to, asks_no_month, text, stem, heading
):
    pypdf = pytest.importorskip("pypdf")
    chosen = save_to("periode.pdf")
    action = next(a for a in window.acts if a.text().endswith(text))
    assert action.isEnabled()
    action.trigger()
    assert save_to.errors == []
    assert chosen["suggested"].name.startswith(stem)
    reader = pypdf.PdfReader(str(chosen["path"]))
    flat = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert heading in flat and "terverifikasi" in flat and "PREDIKAT" in flat
    assert "PDF disimpan" in window.statusBar().currentMessage()


@pytest.mark.parametrize(("text", "stem", "heading"), PERIOD_REPORTS)
def test_semester_and_annual_reports_as_excel_from_the_menu(
    window, save_to, asks_no_month, text, stem, heading
):
    openpyxl = pytest.importorskip("openpyxl")
    _form_actions(window)["Asli"].trigger()
    chosen = save_to("periode.xlsx")
    action = next(a for a in window.acts if a.text() == "Excel: " + text.replace("&", ""))
    assert action.isEnabled()
    action.trigger()
    assert save_to.errors == []
    suggested = chosen["suggested"]
    assert suggested.name.startswith(stem) and suggested.suffix == ".xlsx"
    book = openpyxl.load_workbook(chosen["path"])
    summary = book["Ringkasan"]
    assert summary["A1"].value.startswith(heading)
    assert all(ws.page_setup.paperSize == 14 for ws in book.worksheets)  # F4, the default
    texts = set(cell_texts(book))
    assert "PREDIKAT" in texts and "DEKY BALLO" in {t.upper() for t in texts}
    assert "TTD" not in texts  # Bentuk → Asli, as for the PDFs
    assert len(summary._charts) == 1
    assert "Excel disimpan" in window.message_bar.label.text()
    assert _buttons(window) == ["Buka berkas", "Buka folder"]


def _quarter_menu(window):
    """Ekspor/Cetak → Laporan Triwulan, found as a user finds it: through the menu bar."""
    export = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Ekspor/Cetak"
    )
    return next(
        a.menu()
        for a in export.actions()
        if a.menu() is not None and a.text().replace("&", "") == "Laporan Triwulan"
    )


def test_quarterly_reports_from_their_submenu(window, save_to, asks_no_month):
    """Laporan Triwulan I-IV as PDF and Excel, from Ekspor/Cetak → Laporan Triwulan: each
    quarter's file named after it and titled with its three months."""
    pypdf = pytest.importorskip("pypdf")
    openpyxl = pytest.importorskip("openpyxl")
    menu = _quarter_menu(window)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "PDF: Laporan Triwulan &I…",
        "PDF: Laporan Triwulan I&I…",
        "PDF: Laporan Triwulan II&I…",
        "PDF: Laporan Triwulan I&V…",
        "Excel: Laporan Triwulan I…",
        "Excel: Laporan Triwulan II…",
        "Excel: Laporan Triwulan III…",
        "Excel: Laporan Triwulan IV…",
    ]
    year = window.doc.tree.year
    pdf = next(a for a in menu.actions() if a.text() == "PDF: Laporan Triwulan I&I…")
    chosen = save_to("tw2.pdf")
    pdf.trigger()
    assert save_to.errors == []
    assert chosen["suggested"].name.startswith("Laporan-Triwulan-II-")
    flat = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(chosen["path"])).pages)
    assert "LAPORAN TRIWULAN II RENCANA AKSI" in flat
    assert f"PERIODE APRIL S.D. JUNI {year}" in flat and "PREDIKAT" in flat
    excel = next(a for a in menu.actions() if a.text() == "Excel: Laporan Triwulan IV…")
    chosen = save_to("tw4.xlsx")
    excel.trigger()
    assert save_to.errors == []
    assert chosen["suggested"].name.startswith("Laporan-Triwulan-IV-")
    summary = openpyxl.load_workbook(chosen["path"])["Ringkasan"]
    assert summary["A1"].value.startswith("LAPORAN TRIWULAN IV ")
    assert summary["A3"].value == f"PERIODE OKTOBER S.D. DESEMBER {year}"
    assert "Excel disimpan" in window.message_bar.label.text()


def test_import_from_the_menu_shows_what_is_left_out_and_asks(
    window, monkeypatch, tmp_path, messages
):
    """A workbook with a cell rbdesk cannot read: the import assistant lists it and
    imports only on the user's yes (it used to refuse and send office users to the command
    line)."""
    openpyxl = pytest.importorskip("openpyxl")
    from rbdesk.exports import write_workbook
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.ui.dialogs.import_assistant import ImportAssistant

    store = window.doc.store
    source = write_workbook(load_plan_tree(store, window.doc.plan_uuid), tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(source)
    ws = wb["Lampiran II"]
    header = next(
        r for r in range(1, 15) if str(ws.cell(r, 2).value or "").upper().startswith("AREA")
    )
    first = header + 3  # the first data row, under the months and the column numbers
    col = next(c for c in range(6, 18) if ws.cell(first, c).value is None)  # a month not planned
    ws.cell(first, col, "ya")  # no mark rbdesk knows, in any version
    edited = tmp_path / "dengan-tanda-lain.xlsx"
    wb.save(edited)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(edited), ""))
    )
    listed: list[tuple[str, str, str]] = []

    def exec_(self: ImportAssistant) -> int:
        model = self.left_model
        listed.extend(
            tuple(model.index(r, c).data() for c in (1, 2, 3)) for r in range(model.rowCount())
        )
        self.import_button.click()
        return self.result()

    monkeypatch.setattr(ImportAssistant, "exec", exec_)
    before = len(list_plans(store))
    messages.answer = False
    window.acts[Act.IMPORT_EXCEL].trigger()
    assert len(messages.questions) == 1
    question = messages.questions[0]
    assert re.match(r"1 sel tidak ikut diimpor \(daftarnya di tab", question), listed
    assert question.endswith("Impor tanpa sel-sel itu?")
    assert listed == [
        (
            f"{openpyxl.utils.get_column_letter(col)}{first}",
            "ya",
            "tanda bulan 'ya' tidak dikenal (gunakan √, v, x, 1 atau nama bulan)",
        )
    ]
    assert len(list_plans(store)) == before and messages.errors == []
    messages.answer = True
    window.acts[Act.IMPORT_EXCEL].trigger()
    assert len(list_plans(store)) == before + 1, messages.errors
