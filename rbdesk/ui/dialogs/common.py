"""Small dialogs: the user's name, a new plan, confirmations and messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.months import MONTHS, month_long
from rbdesk.ui import settings
from rbdesk.ui.settings import GeometryMemory


def ok_cancel(
    dialog: QDialog,
    ok_text: str = "",
    needed: QLineEdit | None = None,
    on_ok: Callable[[], None] | None = None,
) -> QDialogButtonBox:
    """OK (or ``ok_text``) / Batal, wired to accept (or ``on_ok``) and reject; OK only while
    ``needed`` has text."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    if needed is not None:
        enable_while_filled(ok, needed)
    return buttons


def resize_within_screen(
    dialog: QWidget, width: int, height: int, spare: tuple[int, int] = (40, 60)
) -> None:
    """``width`` × ``height`` where the screen has room, else the screen less ``spare`` (room
    for the title bar and the taskbar: 1280 × 720 after Windows scaling leaves some 680 pixels
    under the taskbar)."""
    room = settings.available_geometry(dialog.parentWidget())
    dialog.resize(min(width, room.width() - spare[0]), min(height, room.height() - spare[1]))


def path_row(
    edit: QLineEdit, browse: Callable[[], None], *after: QWidget, label: str = ""
) -> QHBoxLayout:
    """A file's path with its "Pilih…" button (then ``after``), ``label`` in front."""
    row = QHBoxLayout()
    if label:
        row.addWidget(QLabel(label))
    row.addWidget(edit, 1)
    button = QPushButton(tr("&Pilih…"))
    button.clicked.connect(browse)
    for widget in (button, *after):
        row.addWidget(widget)
    return row


def intro_layout(dialog: QDialog, text: str) -> QVBoxLayout:
    """The dialog's column of parts, opening with ``text`` (wrapped): what the dialog does."""
    layout = QVBoxLayout(dialog)
    intro = QLabel(text)
    intro.setWordWrap(True)
    layout.addWidget(intro)
    return layout


def enable_while_filled(button: QPushButton, field: QLineEdit) -> None:
    """``button`` enabled only while ``field`` holds more than blanks."""
    field.textChanged.connect(lambda text: button.setEnabled(bool(text.strip())))
    button.setEnabled(bool(field.text().strip()))


class UserNameDialog(GeometryMemory, QDialog):
    """Asked once: the name written beside every change in the shared file."""

    def __init__(self, default: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nama pengguna"))
        layout = intro_layout(
            self,
            tr(
                "Nama Anda dicatat pada setiap perubahan, supaya rekan kerja tahu "
                "siapa yang mengubah apa. Nama ini hanya ditanyakan sekali.\n\n"
                'Jika Anda memilih "Pakai nama login", nama login komputer ini '
                "({login}) yang dicatat. Nama dapat diganti kapan saja di Berkas → "
                "Ganti nama pengguna."
            ).format(login=default),
        )
        form = QFormLayout()
        self.name = QLineEdit(default)
        self.name.setPlaceholderText(tr("mis. Maria Seran"))
        form.addRow(tr("&Nama:"), self.name)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Simpan nama"))
        # A choice, not a cancel: a button of its own, without the style's red "cancel" cross.
        self.login_button = self.buttons.addButton(
            tr("Pakai nama login"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.login_button.setObjectName("useLoginName")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enable_while_filled(self.buttons.button(QDialogButtonBox.StandardButton.Ok), self.name)

    def value(self) -> str:
        return self.name.text().strip()


class NewPlanDialog(GeometryMemory, QDialog):
    """Unit, year and title of a new Rencana Aksi in the open file."""

    def __init__(
        self, unit: str = "", year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rencana Aksi baru"))
        form = QFormLayout(self)
        self.unit = QLineEdit(unit)
        self.unit.setPlaceholderText(tr("mis. KPU Kota Kupang"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or clock.today().year)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("Rencana Aksi Reformasi Birokrasi …"))
        form.addRow(tr("&Satuan kerja:"), self.unit)
        form.addRow(tr("&Tahun:"), self.year)
        form.addRow(tr("&Judul:"), self.title)
        self.standard = QCheckBox(tr("Mulai dari 8 &area perubahan standar (tanpa kegiatan)"))
        self.standard.setToolTip(
            tr(
                "Area perubahan peta jalan Reformasi Birokrasi; tanpa "
                "centang, rencana dimulai kosong"
            )
        )
        self.standard.setChecked(True)
        form.addRow(self.standard)
        self.buttons = ok_cancel(self, needed=self.unit)
        form.addRow(self.buttons)

    def values(self) -> tuple[str, int, str]:
        title = self.title.text().strip() or tr(
            "Rencana Aksi Reformasi Birokrasi {unit} Tahun {year}"
        ).format(unit=self.unit.text().strip(), year=self.year.value())
        return self.unit.text().strip(), self.year.value(), title

    def standard_areas(self) -> bool:
        return self.standard.isChecked()


class MonthDialog(QDialog):
    """Choose the month of a monthly report."""

    def __init__(self, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = tr("Pilih bulan laporan")
        self.setWindowTitle(title)
        # Wide enough for its own title beside the title bar's buttons ("Pilih bu…" else).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(title) + 160)
        form = QFormLayout(self)
        self.combo = QComboBox()
        for m in MONTHS:
            self.combo.addItem(month_long(m), m)
        self.combo.setCurrentIndex(max(1, min(month, 12)) - 1)
        form.addRow(tr("&Bulan laporan:"), self.combo)
        form.addRow(ok_cancel(self))

    def month(self) -> int:
        return int(self.combo.currentData())


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes or tr("Ya"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox(QMessageBox.Icon.Warning, title or tr("rbdesk"), text, parent=parent).exec()


def show_info(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox(QMessageBox.Icon.Information, title or tr("rbdesk"), text, parent=parent).exec()
