"""Small things a user reads: the name question's buttons, the month picker's title, and the
Bukti dukung header's words for a month marked sebagian."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from rbdesk.models.edits import realisation
from rbdesk.ui.dialogs.common import MonthDialog, UserNameDialog
from rbdesk.ui.grid.plan_columns import month_column
from rbdesk.ui.window import export_actions
from rbdesk.ui.window.action_table import Act


def _while_open(check) -> list:
    """Run ``check`` on the modal dialog the next action opens, then close it."""
    seen: list = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(check(dialog))
        dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def test_pakai_nama_login_is_a_choice_without_a_cancel_cross(window):
    def check(dialog):
        assert isinstance(dialog, UserNameDialog)
        login = next(b for b in dialog.buttons.buttons() if b.text() == "Pakai nama login")
        # Not the style's Cancel button, which carries a red ✗ where the style draws icons.
        assert dialog.buttons.standardButton(login) == QDialogButtonBox.StandardButton.NoButton
        assert login.icon().isNull()
        return True

    seen = _while_open(check)
    window.acts[Act.USER].trigger()
    assert seen == [True]
    assert window.doc.user == "Penguji"  # closing keeps the name


def test_month_picker_shows_its_whole_title(window):
    def check(dialog):
        assert isinstance(dialog, MonthDialog)
        title = dialog.windowTitle()
        # The title bar's buttons and icon take about 140 pixels on Windows.
        assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + 140
        return title

    seen = _while_open(check)
    assert export_actions._ask_month(window.host) is None
    assert seen == ["Pilih bulan laporan"]


def test_evidence_header_names_a_late_partial_month_sebagian(window, qtbot):
    ind = next(i for i in window.doc.tree.indicators() if i.is_planned(2))
    realisation.set_status(window.doc.store, ind.uuid, 2, "sebagian")
    window.doc.reload()
    window.state.cellRequested.emit(ind.uuid, 2)
    assert window.view.currentIndex().column() == month_column(2)
    dock = window.docks["evidenceDock"]
    header = dock.header.text()
    assert "◐ Sebagian · terlambat" in header and "✗ Terlambat" not in header
    realisation.set_status(window.doc.store, ind.uuid, 2, "belum")
    window.doc.reload()
    assert "✗ Terlambat" in dock.header.text()  # not done at all: late, as the grid says
