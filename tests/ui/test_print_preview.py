"""Issue 20, Low: Ctrl+P on a PC without a PDF program says so, with the file's path, "Buka
folder" and the preview; the preview inside rbdesk shows the pages that will print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QToolButton

from rbdesk.ui.dialogs.print_preview import PrintPreviewDialog
from rbdesk.ui.window.action_table import Act


def _no_viewer(monkeypatch) -> list[str]:
    opened: list[str] = []

    def refuse(url):
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(refuse))
    return opened


def _open_preview(window, monkeypatch, act: Act) -> PrintPreviewDialog:
    shown: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    window.acts[act].trigger()
    assert len(shown) == 1
    return shown[0]


def _ink(image: QImage) -> int:
    """How many sampled pixels are not white: a blank page has none."""
    step = 4
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() < 200
    )


def test_the_preview_shows_every_page_that_will_print(window, qtbot, monkeypatch, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    dialog = _open_preview(window, monkeypatch, Act.PRINT_PREVIEW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pages = len(pypdf.PdfReader(dialog.pdf).pages)
    assert pages >= 2 and len(dialog.page_labels) == pages
    assert f"{pages} halaman" in dialog.caption.text() and "F4" in dialog.caption.text()
    room = window.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    first = dialog.page_labels[0].pixmap().toImage()
    assert first.width() > first.height()  # the plan prints landscape
    assert first.width() <= dialog.pages_view.viewport().width()  # fitted to the width
    assert _ink(first) > 50
    assert dialog.page_labels[-1].accessibleName() == f"Halaman {pages} dari {pages}"
    dialog.grab().save(str(tmp_path / "pratinjau.png"))
    # Zoom in: the same pages, larger.
    width = first.width()
    dialog.set_dpi(dialog.dpi * 1.25)
    assert dialog.page_labels[0].pixmap().width() > width
    # Cetak hands the same file on; with no PDF program the window says so.
    opened = _no_viewer(monkeypatch)
    dialog.print_button.click()
    assert opened == [str(dialog.pdf)]
    assert "Tidak ada program" in window.message_bar.label.text()


def test_ctrl_p_without_a_pdf_program_offers_folder_and_preview(window, monkeypatch):
    opened = _no_viewer(monkeypatch)
    window.acts[Act.PRINT_PLAN].trigger()
    text = window.message_bar.label.text()
    pdf = Path(opened[0])
    assert "Tidak ada program" in text and str(pdf) in text
    shown: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    next(b for b in window.message_bar.findChildren(QToolButton) if b.text() == "Pratinjau").click()
    assert len(shown) == 1 and shown[0].pdf == pdf and shown[0].page_labels
