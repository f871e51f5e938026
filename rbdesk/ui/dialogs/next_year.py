"""Berkas → Rencana Aksi tahun berikutnya: the choices shown before the copy runs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.edits.plan_copy import CopyOptions
from rbdesk.ui.dialogs.common import intro_layout, ok_cancel
from rbdesk.ui.settings import GeometryMemory


class NextYearDialog(GeometryMemory, QDialog):
    """Target year, keep the planned months?, keep the remarks? — and what is never copied."""

    def __init__(self, unit: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rencana Aksi tahun berikutnya"))
        layout = intro_layout(
            self,
            tr(
                "Rencana Aksi baru untuk {unit} disalin dari rencana tahun {year}: area, kegiatan, "
                "sub kegiatan dan indikator, serta susunan tim (orang, peran, jabatan). Isi SK "
                "dibawa dengan tahun baru; nomor dan tanggal SK dikosongkan untuk diisi. Realisasi "
                "dan bukti dukung tidak disalin."
            ).format(unit=unit, year=year),
        )
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(min(year + 1, 2100))
        form.addRow(tr("&Tahun rencana baru:"), self.year)
        self.keep_months = QCheckBox(tr("Salin &bulan rencana (√)"))
        self.keep_months.setChecked(True)
        self.keep_notes = QCheckBox(tr("Salin &keterangan"))
        self.keep_notes.setChecked(True)
        form.addRow(self.keep_months)
        form.addRow(self.keep_notes)
        layout.addLayout(form)
        self.buttons = ok_cancel(self, tr("Buat rencana"))
        layout.addWidget(self.buttons)

    def values(self) -> tuple[int, CopyOptions]:
        return self.year.value(), CopyOptions(
            keep_months=self.keep_months.isChecked(), keep_notes=self.keep_notes.isChecked()
        )
