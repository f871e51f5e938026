"""Ekspor/Cetak: PDF parts, the Excel workbook, printing and importing a plan from Excel.

Long work shows a progress dialog that can be cancelled. ``rbdesk.exports`` (and with it
reportlab and openpyxl) is imported on the first export, not at start-up.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from rbdesk.i18n import tr
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.print_options import (
    FILE_STEMS,
    PERIOD_PARTS,
    CopyForm,
    Paper,
    Part,
    file_name,
)
from rbdesk.models.errors import RbdeskError
from rbdesk.models.storage.output_files import refuse_overwriting
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import MonthDialog, show_error
from rbdesk.ui.operations import Done, run
from rbdesk.ui.window.action_host import ActionHost

log = logging.getLogger("rbdesk.ui")


def paper() -> Paper:
    """The paper chosen under Ekspor/Cetak → Kertas: F4 unless A4 was chosen."""
    return Paper.A4 if str(settings.value("export/paper", "f4")) == Paper.A4 else Paper.F4


def copy_form() -> CopyForm:
    """The printed form chosen under Ekspor/Cetak → Bentuk: asli or salinan (the default)."""
    asli = str(settings.value("export/copy", "salinan")) == CopyForm.ASLI
    return CopyForm.ASLI if asli else CopyForm.SALINAN


def _form_name() -> str:
    return tr("asli, untuk ditandatangani") if copy_form() == CopyForm.ASLI else tr("salinan")


class _Progress:
    """progress(done, total) -> bool for the exporters, shown in a cancellable dialog."""

    def __init__(self, host: ActionHost, label: str) -> None:
        self.dialog = QProgressDialog(label, tr("Batal"), 0, 100, host.parent)
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


def _run(host: ActionHost, label: str, job: Any, out: Path | None) -> bool:
    from rbdesk import exports

    progress = _Progress(host, label)
    try:
        if out is not None:
            refuse_overwriting(out, host.doc.store.path)
        job(progress)
        return True
    except Exception as exc:
        if isinstance(exc, exports.Cancelled):
            host.notify.show_status(tr("Dibatalkan."), 5000)
        elif isinstance(exc, RbdeskError):
            show_error(host.parent, exc.message)
        elif isinstance(exc, OSError):
            show_error(
                host.parent, tr("Berkas tidak dapat ditulis: {err}").format(err=exc.strerror or exc)
            )
        else:
            log.exception("export failed")
            show_error(
                host.parent,
                tr(
                    "Ekspor gagal karena kesalahan program. Rinciannya dicatat di "
                    "berkas log (Bantuan → Buka folder log)."
                ),
            )
        return False
    finally:
        progress.close()


def _ask_month(host: ActionHost) -> int | None:
    dialog = MonthDialog(min(max(host.doc.today_month(), 1), 12), host.parent)
    return dialog.month() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _write_pdf(host: ActionHost, part: str, out: Path, month: int | None) -> bool:
    from rbdesk import exports

    tree = host.doc.tree
    if tree is None:
        return False
    report = None
    if part == Part.REPORT and month is not None:
        from rbdesk.models.domain.report_data import build_report, month_evidence

        report = build_report(tree, month, month_evidence(host.doc.store, tree, month))
    period = None
    if part in PERIOD_PARTS:
        from rbdesk.models.domain.period_report import build_period_report, period_evidence

        period = build_period_report(tree, part, period_evidence(host.doc.store, tree, part))
    return _run(
        host,
        tr("Menyusun PDF…"),
        lambda cb: exports.write_pdf(
            tree,
            out,
            part=part,
            paper=paper(),
            report=report,
            progress=cb,
            copy=copy_form(),
            period=period,
        ),
        out,
    )


def _save_name(host: ActionHost, title: str, name: str, pattern: str) -> Path | None:
    folder = settings.value("export/folder", str(Path.home()))
    path, _ = QFileDialog.getSaveFileName(
        host.parent, title, str(Path(str(folder)) / name), pattern
    )
    if not path:
        return None
    settings.set_value("export/folder", str(Path(path).parent))
    return Path(path)


def _report_month(host: ActionHost, part: str) -> tuple[bool, int | None]:
    """The monthly report asks for its month first (and names its file after it)."""
    if part != Part.REPORT:
        return True, None
    month = _ask_month(host)
    return month is not None, month


def open_path(host: ActionHost, path: Path) -> None:
    """Open a file or folder with the PC's own program; say so when there is none."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        host.notify.show_message(
            tr("Tidak ada program untuk membuka {path} di komputer ini.").format(path=path),
            error=True,
            actions=[(tr("Buka folder"), lambda: open_path(host, path.parent))]
            if path.is_file()
            else (),
        )


def _finished(host: ActionHost, text: str, out: Path) -> None:
    """After an export: where the file went, and one click to open it or its folder."""
    host.notify.show_message(
        text.format(p=out),
        actions=[
            (tr("Buka berkas"), lambda: open_path(host, out)),
            (tr("Buka folder"), lambda: open_path(host, out.parent)),
        ],
    )


def export_pdf(host: ActionHost, part: str) -> None:
    tree = host.doc.tree
    if tree is None:
        return
    ok, month = _report_month(host, part)
    if not ok:
        return
    stem = FILE_STEMS[Part(part)] + (f"-{month_long(month)}" if month is not None else "")
    name = file_name(stem, tree.unit, tree.year, "pdf")
    out = _save_name(host, tr("Simpan PDF"), name, tr("PDF (*.pdf)"))
    if out is not None and _write_pdf(host, part, out, month):
        _finished(host, tr("PDF disimpan: {p}"), out)


def export_excel(host: ActionHost) -> None:
    from rbdesk import exports

    tree = host.doc.tree
    if tree is None:
        return
    name = file_name("Rencana-Aksi", tree.unit, tree.year, "xlsx")
    out = _save_name(host, tr("Simpan Excel"), name, tr("Buku kerja Excel (*.xlsx)"))
    if out is not None and _run(
        host,
        tr("Menyusun buku kerja Excel…"),
        lambda cb: exports.write_workbook(tree, out, paper=paper(), progress=cb),
        out,
    ):
        _finished(host, tr("Excel disimpan: {p}"), out)


def export_period_excel(host: ActionHost, part: str) -> None:
    """A quarterly, semester or annual report as a workbook, on the paper and in the form (asli or
    salinan) chosen for the PDFs."""
    from rbdesk import exports
    from rbdesk.models.domain.period_report import build_period_report, period_evidence

    tree = host.doc.tree
    if tree is None:
        return
    name = file_name(FILE_STEMS[Part(part)], tree.unit, tree.year, "xlsx")
    out = _save_name(host, tr("Simpan Excel"), name, tr("Buku kerja Excel (*.xlsx)"))
    if out is None:
        return
    period = build_period_report(tree, part, period_evidence(host.doc.store, tree, part))
    if _run(
        host,
        tr("Menyusun buku kerja Excel…"),
        lambda cb: exports.write_period_workbook(
            tree, out, period=period, paper=paper(), copy=copy_form(), progress=cb
        ),
        out,
    ):
        _finished(host, tr("Excel disimpan: {p}"), out)


def send_to_printer(host: ActionHost, out: Path) -> None:
    """On Windows the default printer's application prints it, elsewhere the PDF viewer opens
    it. A viewer may start and show nothing, so the message always gives the file's path, its
    folder and the preview inside rbdesk; when nothing takes the file, it says so."""
    preview = (tr("Pratinjau"), lambda: show_preview(host, out))
    folder = (tr("Buka folder"), lambda: open_path(host, out.parent))
    if sys.platform == "win32":
        try:
            os.startfile(str(out), "print")
        except OSError:
            log.warning("no program prints PDF files here; opening it instead")
        else:
            host.notify.show_message(
                tr("Dikirim ke pencetak bawaan Windows ({paper}, {form}).").format(
                    paper=paper().upper(), form=_form_name()
                )
            )
            return
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))):
        host.notify.show_message(
            tr(
                "PDF diserahkan ke penampil PDF; cetak dari sana pada kertas {paper} ({form}). "
                "Jika tidak ada yang terbuka, berkasnya: {path}"
            ).format(paper=paper().upper(), form=_form_name(), path=out),
            actions=[preview, folder],
        )
        return
    host.notify.show_message(
        tr(
            "Tidak ada program untuk mencetak atau membuka PDF di komputer ini. Berkasnya: {path}"
        ).format(path=out),
        error=True,
        actions=[preview, folder],
    )


def show_preview(host: ActionHost, out: Path) -> None:
    from rbdesk.ui.dialogs.print_preview import PrintPreviewDialog

    try:
        dialog = PrintPreviewDialog(
            out,
            tr("Kertas {paper}, {form}").format(paper=paper().upper(), form=_form_name()),
            lambda: send_to_printer(host, out),
            lambda: open_path(host, out.parent),
            host.parent,
        )
    except RbdeskError as exc:
        show_error(host.parent, exc.message)
        return
    dialog.exec()


def print_pdf(
    host: ActionHost, part: str, then: Callable[[ActionHost, Path], None] = send_to_printer
) -> None:
    """The part written to a temporary folder, as it will print, then handed to the printer
    (``send_to_printer``), or shown inside rbdesk (``show_preview``, Ekspor/Cetak → Pratinjau
    cetak)."""
    ok, month = _report_month(host, part)
    if not ok:
        return
    out = Path(tempfile.mkdtemp(prefix="rbdesk-cetak-")) / f"rencana-aksi-{part}.pdf"
    if _write_pdf(host, part, out, month):
        then(host, out)


def import_excel(host: ActionHost) -> None:
    """Berkas → Impor dari Excel…: the workbook chosen, then the import assistant (sheet, header,
    column roles, live preview and what is left out); on Impor the plan is added in one
    transaction, shown, in the change log and undoable (Ctrl+Z)."""
    from rbdesk.exports import Cancelled
    from rbdesk.models.edits import plan_edit
    from rbdesk.models.interchange.plan_import import import_plan
    from rbdesk.ui.dialogs.import_assistant import WORKBOOKS, ImportAssistant
    from rbdesk.ui.undo.plan_steps import ImportPlanCommand

    doc = host.doc
    path, _ = QFileDialog.getOpenFileName(
        host.parent,
        tr("Impor Rencana Aksi dari Excel"),
        str(settings.value("export/folder", str(Path.home()))),
        tr("Buku kerja {kinds}").format(kinds=WORKBOOKS),
    )
    if not path:
        return
    source = Path(path)
    settings.set_value("export/folder", str(source.parent))
    try:
        dialog = ImportAssistant(source, host.parent)
    except Cancelled:
        host.notify.show_status(tr("Dibatalkan."), 5000)
        return
    except RbdeskError as exc:
        show_error(host.parent, exc.message)
        return
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.preview is None:
            return
        preview = dialog.preview
        source = dialog.path  # the assistant may have been pointed at another workbook
        dialog.remember()
    finally:
        dialog.deleteLater()
    imported = run(
        doc, import_plan, preview.plan, source=source.name, left_out=len(preview.left_out)
    )
    if not isinstance(imported, Done):
        return
    before = doc.plan_uuid
    uuid = imported.value
    mark = plan_edit.change_mark(doc.store)
    doc.set_plan(uuid)
    name = f"{preview.plan['year']} — {source.name}"
    if before:
        # Switching plans cleared the undo stack: the command goes on the new plan's stack.
        doc.undo_stack.push(ImportPlanCommand(doc, uuid, name, before, mark))
    areas, acts, subs, inds = preview.counts()
    host.notify.show_message(
        tr(
            "Rencana Aksi {year} diimpor dari {name}: {a} area, {c} kegiatan, {s} sub kegiatan, "
            "{i} indikator. Urungkan dengan Ctrl+Z."
        ).format(year=preview.plan["year"], name=source.name, a=areas, c=acts, s=subs, i=inds)
    )
