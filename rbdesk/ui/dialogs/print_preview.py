"""'Pratinjau cetak': the pages of a PDF about to be printed, shown inside rbdesk, so that what
will print is seen first, and seen at all on a PC that has no PDF program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rbdesk.exports.pdf.page_images import PageImage, page_sizes, render_pages
from rbdesk.i18n import tr
from rbdesk.ui.dialogs.common import resize_within_screen

ZOOM_STEP = 1.25
MIN_DPI, MAX_DPI = 30.0, 200.0


def page_pixmap(page: PageImage) -> QPixmap:
    image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image.copy())  # copy: the bytes are not kept alive by QImage


class PrintPreviewDialog(QDialog):
    """The pages one under another, fitted to the width; Cetak hands the PDF to the printer."""

    def __init__(
        self,
        pdf: Path,
        caption: str,
        print_it: Callable[[], None],
        open_folder: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.dpi = 0.0  # set by set_dpi below
        self.sizes = page_sizes(pdf)
        self.setWindowTitle(tr("Pratinjau cetak — {name}").format(name=pdf.name))
        resize_within_screen(self, 1000, 700, spare=(48, 48))

        self.caption = QLabel(
            tr("{caption} · {n} halaman").format(caption=caption, n=len(self.sizes))
        )
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        self.pages_view = QScrollArea()
        self.pages_view.setObjectName("previewPages")
        self.pages_view.setWidgetResizable(True)
        self.pages_view.setWidget(self.pages_box)
        self.pages_view.setStyleSheet("QScrollArea { background: #8a8a8a; }")
        self.pages_box.setStyleSheet("background: #8a8a8a;")

        zoom_out = QPushButton(tr("Perke&cil"))
        zoom_in = QPushButton(tr("Perbe&sar"))
        fit = QPushButton(tr("Sesuai &lebar"))
        zoom_out.clicked.connect(lambda: self.set_dpi(self.dpi / ZOOM_STEP))
        zoom_in.clicked.connect(lambda: self.set_dpi(self.dpi * ZOOM_STEP))
        fit.clicked.connect(lambda: self.set_dpi(self.fit_dpi()))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, zoom_in.click)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, zoom_out.click)
        tools = QHBoxLayout()
        tools.addWidget(self.caption, 1)
        for button in (zoom_out, zoom_in, fit):
            tools.addWidget(button)

        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(
            tr("&Cetak…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setToolTip(
            tr("Kirim PDF ini ke pencetak (atau ke penampil PDF komputer ini)")
        )
        folder = self.buttons.addButton(tr("Buka &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(print_it)
        self.print_button.clicked.connect(self.accept)  # after print_it: slots run in order
        folder.clicked.connect(open_folder)
        close.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.pages_view, 1)
        layout.addWidget(self.buttons)
        self.page_labels: list[QLabel] = []
        self.set_dpi(self.fit_dpi())
        self.pages_view.setFocus()  # arrows and Page Up/Down move through the pages

    def fit_dpi(self) -> float:
        """The resolution at which the widest page fills the view's width."""
        widest = max((w for w, _h in self.sizes), default=595.0)
        room = max(200, self.pages_view.viewport().width() - 32)
        if not self.isVisible():  # before the first show the viewport has no size yet
            room = max(200, self.width() - 80)
        return max(MIN_DPI, min(MAX_DPI, room * 72.0 / float(widest)))

    def set_dpi(self, dpi: float) -> None:
        dpi = max(MIN_DPI, min(MAX_DPI, dpi))
        if abs(dpi - self.dpi) < 0.5:
            return
        self.dpi = dpi
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        total = len(self.sizes)
        for number, page in enumerate(render_pages(self.pdf, dpi), start=1):
            label = QLabel()
            label.setPixmap(page_pixmap(page))
            label.setAccessibleName(tr("Halaman {i} dari {n}").format(i=number, n=total))
            label.setToolTip(label.accessibleName())
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
