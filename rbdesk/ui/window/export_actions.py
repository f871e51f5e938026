"""Ekspor/Cetak: PDF parts, the Excel workbook, printing and importing a plan from Excel.

Long work shows a progress dialog that can be cancelled. ``rbdesk.exports`` (and with it
reportlab and openpyxl) is imported on the first export, not at start-up.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QActionGroup, QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QProgressDialog

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.output_files import refuse_overwriting
from rbdesk.ui.dialogs.common import MonthDialog, show_error
from rbdesk.ui.operations import Done, run
from rbdesk.ui.window import settings

if TYPE_CHECKING:
    from rbdesk.ui.window.main_window import MainWindow
    from rbdesk.ui.window.window_actions import WindowActions

log = logging.getLogger("rbdesk.ui")
PDF_PARTS = (  # part, menu text, file name part, shortcut
    ("sk", "PDF: SK &lengkap…", "SK", "Ctrl+Alt+P"),
    ("roster", "PDF: Lampiran &I (susunan tim)…", "Lampiran-I", "Ctrl+Alt+I"),
    ("plan", "PDF: Lampiran I&I (rencana aksi)…", "Lampiran-II", "Ctrl+Alt+R"),
    ("report", "PDF: Laporan &bulanan…", "Laporan", "Ctrl+Alt+L"),
    ("semester1", "PDF: Laporan Semester I…", "Laporan-Semester-I", ""),
    ("semester2", "PDF: Laporan Semester II…", "Laporan-Semester-II", ""),
    ("annual", "PDF: Laporan &Tahunan…", "Laporan-Tahunan", ""),
)
EXCEL_REPORTS = (  # the semester and annual reports as workbooks: part, menu text
    ("semester1", "Excel: Laporan Semester I…"),
    ("semester2", "Excel: Laporan Semester II…"),
    ("annual", "Excel: Laporan Tahunan…"),
)


def build_menu(win: MainWindow, a: WindowActions, menu: QMenu) -> None:
    a.export_actions = []
    for part, text, _name, shortcut in PDF_PARTS:
        act = a.make(text, lambda p=part: export_pdf(win, p), shortcut)
        menu.addAction(act)
        a.export_actions.append(act)
    a.export_excel = a.make("&Excel (Lampiran I, II, Realisasi)…", lambda: export_excel(win),
                            "Ctrl+Alt+E")
    a.print_plan = a.make("&Cetak Rencana Aksi…", lambda: print_pdf(win, "plan"), "Ctrl+P")
    a.import_excel = a.make("&Impor dari Excel…", lambda: import_excel(win), "Ctrl+Alt+M",
                            edit=True)
    a.export_actions += [a.export_excel, a.print_plan, a.import_excel]
    menu.addAction(a.export_excel)
    for part, text in EXCEL_REPORTS:
        act = a.make(text, lambda p=part: export_period_excel(win, p))
        menu.addAction(act)
        a.export_actions.append(act)
    menu.addSeparator()
    menu.addAction(a.print_plan)
    paper_menu = menu.addMenu(tr("&Kertas"))
    group = QActionGroup(win)
    current = str(settings.value("export/paper", "f4"))
    for key, text, shortcut in (("a4", "A4 (210 × 297 mm)", "Ctrl+Alt+4"),
                                ("f4", "F4 / Folio (215 × 330 mm)", "Ctrl+Alt+5")):
        act = a.make(text, lambda k=key: settings.set_value("export/paper", k), shortcut)
        act.setCheckable(True)
        act.setChecked(key == current)
        group.addAction(act)
        paper_menu.addAction(act)
    form_menu = menu.addMenu(tr("Ben&tuk"))
    forms = QActionGroup(win)
    current = _copy()
    for key, text, tip in (
            ("asli", "&Asli (untuk ditandatangani)",
             "Naskah asli: ruang tanda tangan basah dan cap, tanpa TTD dan tanpa blok salinan"),
            ("salinan", "&Salinan (sesuai dengan aslinya)",
             "Salinan: TTD dan blok \"Salinan sesuai dengan aslinya\"")):
        act = a.make(text, lambda k=key: settings.set_value("export/copy", k), tip=tip)
        act.setCheckable(True)
        act.setChecked(key == current)
        forms.addAction(act)
        form_menu.addAction(act)
    menu.addSeparator()
    menu.addAction(a.import_excel)


def _paper() -> str:
    return str(settings.value("export/paper", "f4"))


def _copy() -> str:
    """The printed form chosen under Ekspor/Cetak → Bentuk: asli or salinan (the default)."""
    value = str(settings.value("export/copy", "salinan"))
    return value if value in ("asli", "salinan") else "salinan"


def _form_name() -> str:
    return tr("asli, untuk ditandatangani") if _copy() == "asli" else tr("salinan")


class _Progress:
    """progress(done, total) -> bool for the exporters, shown in a cancellable dialog."""

    def __init__(self, win: MainWindow, label: str) -> None:
        self.dialog = QProgressDialog(label, tr("Batal"), 0, 100, win)
        self.dialog.setWindowTitle(tr("Mohon tunggu"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setValue(0)

    def __call__(self, done: int, total: int) -> bool:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        return not self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()


def _run(win: MainWindow, label: str, job: Any, out: Path | None) -> bool:
    from rbdesk import exports

    progress = _Progress(win, label)
    try:
        if out is not None:
            refuse_overwriting(out, win.doc.store.path)
        job(progress)
        return True
    except Exception as exc:
        if isinstance(exc, exports.Cancelled):
            win.statusBar().showMessage(tr("Dibatalkan."), 5000)
        elif isinstance(exc, RbdeskError):
            show_error(win, exc.message)
        elif isinstance(exc, OSError):
            show_error(win, tr("Berkas tidak dapat ditulis: {err}").format(
                err=exc.strerror or exc))
        else:
            log.exception("export failed")
            show_error(win, tr("Ekspor gagal karena kesalahan program. Rinciannya dicatat di "
                               "berkas log (Bantuan → Buka folder log)."))
        return False
    finally:
        progress.close()


def _ask_month(win: MainWindow) -> int | None:
    dialog = MonthDialog(min(max(win.doc.today_month(), 1), 12), win)
    return dialog.month() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _write_pdf(win: MainWindow, part: str, out: Path, month: int | None) -> bool:
    from rbdesk import exports

    tree = win.doc.tree
    if tree is None:
        return False
    report = None
    if part == "report" and month is not None:
        from rbdesk.models.domain.report_data import build_report, month_evidence

        report = build_report(tree, month, month_evidence(win.doc.store, tree, month))
    period = None
    if part in ("semester1", "semester2", "annual"):
        from rbdesk.models.domain.period_report import build_period_report, period_evidence

        period = build_period_report(tree, part, period_evidence(win.doc.store, tree, part))
    return _run(win, tr("Menyusun PDF…"), lambda cb: exports.write_pdf(
        tree, out, part=part, paper=_paper(), month=month, report=report, progress=cb,
        copy=_copy(), period=period), out)


def _save_name(win: MainWindow, title: str, name: str, pattern: str) -> Path | None:
    folder = settings.value("export/folder", str(Path.home()))
    path, _ = QFileDialog.getSaveFileName(win, title, str(Path(str(folder)) / name), pattern)
    if not path:
        return None
    settings.set_value("export/folder", str(Path(path).parent))
    return Path(path)


def _report_month(win: MainWindow, part: str) -> tuple[bool, int | None]:
    """The monthly report asks for its month first (and names its file after it)."""
    if part != "report":
        return True, None
    month = _ask_month(win)
    return month is not None, month


def open_path(win: MainWindow, path: Path) -> None:
    """Open a file or folder with the PC's own program; say so when there is none."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        win.show_message(tr("Tidak ada program untuk membuka {path} di komputer ini.").format(
            path=path), error=True, actions=[(tr("Buka folder"),
                                              lambda: open_path(win, path.parent))]
            if path.is_file() else ())


def _finished(win: MainWindow, text: str, out: Path) -> None:
    """After an export: where the file went, and one click to open it or its folder."""
    win.show_message(text.format(p=out), actions=[
        (tr("Buka berkas"), lambda: open_path(win, out)),
        (tr("Buka folder"), lambda: open_path(win, out.parent))])


def export_pdf(win: MainWindow, part: str) -> None:
    tree = win.doc.tree
    if tree is None:
        return
    ok, month = _report_month(win, part)
    if not ok:
        return
    stem = next(n for p, _t, n, _s in PDF_PARTS if p == part)
    if month is not None:
        stem += f"-{month_long(month)}"
    out = _save_name(win, tr("Simpan PDF"), f"{stem}-{tree.unit}-{tree.year}.pdf".replace(" ", "-"),
                     tr("PDF (*.pdf)"))
    if out is not None and _write_pdf(win, part, out, month):
        _finished(win, tr("PDF disimpan: {p}"), out)


def export_excel(win: MainWindow) -> None:
    from rbdesk import exports

    tree = win.doc.tree
    if tree is None:
        return
    out = _save_name(win, tr("Simpan Excel"), f"Rencana-Aksi-{tree.unit}-{tree.year}.xlsx"
                     .replace(" ", "-"), tr("Buku kerja Excel (*.xlsx)"))
    if out is not None and _run(
            win, tr("Menyusun buku kerja Excel…"),
            lambda cb: exports.write_workbook(tree, out, paper=_paper(), progress=cb), out):
        _finished(win, tr("Excel disimpan: {p}"), out)


def export_period_excel(win: MainWindow, part: str) -> None:
    """A semester or annual report as a workbook, on the paper and in the form (asli or
    salinan) chosen for the PDFs."""
    from rbdesk import exports
    from rbdesk.models.domain.period_report import build_period_report, period_evidence

    tree = win.doc.tree
    if tree is None:
        return
    stem = next(n for p, _t, n, _s in PDF_PARTS if p == part)
    out = _save_name(win, tr("Simpan Excel"), f"{stem}-{tree.unit}-{tree.year}.xlsx"
                     .replace(" ", "-"), tr("Buku kerja Excel (*.xlsx)"))
    if out is None:
        return
    period = build_period_report(tree, part, period_evidence(win.doc.store, tree, part))
    if _run(win, tr("Menyusun buku kerja Excel…"), lambda cb: exports.write_period_workbook(
            tree, out, period=period, paper=_paper(), copy=_copy(), progress=cb), out):
        _finished(win, tr("Excel disimpan: {p}"), out)


def print_pdf(win: MainWindow, part: str) -> None:
    """Write the PDF to a temporary folder and hand it to the printer: on Windows the default
    printer's application, elsewhere the PDF viewer. When nothing takes it, the user gets the
    file's path and a button to its folder, never silence."""
    ok, month = _report_month(win, part)
    if not ok:
        return
    folder = Path(tempfile.mkdtemp(prefix="rbdesk-cetak-"))
    out = folder / f"rencana-aksi-{part}.pdf"
    if not _write_pdf(win, part, out, month):
        return
    if sys.platform == "win32":
        try:
            os.startfile(str(out), "print")  # type: ignore[attr-defined]  # noqa: S606
        except OSError:
            log.warning("no program prints PDF files here; opening it instead")
        else:
            win.show_message(tr("Dikirim ke pencetak bawaan Windows ({paper}, {form}).").format(
                paper=_paper().upper(), form=_form_name()))
            return
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))):
        win.show_message(tr("PDF dibuka di penampil; cetak dari sana pada kertas {paper} "
                            "({form}).").format(paper=_paper().upper(), form=_form_name()))
        return
    win.show_message(tr("Tidak ada program untuk mencetak atau membuka PDF di komputer ini. "
                        "Berkasnya: {path}").format(path=out), error=True,
                     actions=[(tr("Buka folder"), lambda: open_path(win, folder))])


def import_excel(win: MainWindow) -> None:
    from rbdesk import exports

    if win.doc.readonly:
        return
    path, _ = QFileDialog.getOpenFileName(win, tr("Impor Rencana Aksi dari Excel"),
                                          str(settings.value("export/folder", str(Path.home()))),
                                          tr("Buku kerja Excel (*.xlsx)"))
    if not path:
        return
    result: dict[str, Any] = {}
    if not _run(win, tr("Membaca buku kerja…"), lambda cb: result.update(
            plan=exports.read_plan_workbook(Path(path), progress=cb)), None):
        return
    from rbdesk.models.interchange.plan_import import import_plan

    imported = run(win.doc, import_plan, result["plan"])
    if isinstance(imported, Done):
        win.acts.refresh_plans()
        win.doc.set_plan(imported.value)
        win.statusBar().showMessage(tr("Rencana Aksi diimpor dari {name}.").format(
            name=Path(path).name), 8000)

