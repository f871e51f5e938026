"""The review part of the "Bukti dukung" panel: the shown month's evidence review and the buttons
that record a verdict. Who may review is a roster role; rbdesk has no passwords, so the panel
records the reviewer's name and says so, it does not lock anyone out."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models import clock
from rbdesk.models.domain.month_cells import REVIEW_SYMBOL
from rbdesk.models.domain.progress import (
    ACCEPTED,
    REJECTED,
    REVISION,
    SUBMITTED,
    is_realised,
    review_label,
)
from rbdesk.models.domain.tree import Cell
from rbdesk.models.edits.review import reviewer_names
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.month_delegate import REVIEW_INK
from rbdesk.ui.operations import Conflict, push
from rbdesk.ui.panels.panel_dock import wrapped_label
from rbdesk.ui.undo.review_steps import ReviewCommand, ReviewShown

VERDICTS = (
    (ACCEPTED, "● &Memenuhi", "Bukti dukung dan realisasi bulan ini memenuhi"),
    (REVISION, "▲ Perlu re&visi", "Perlu diperbaiki; tulis apa yang harus diperbaiki"),
    (REJECTED, "■ &Ditolak", "Tidak dapat diterima; tulis alasannya"),
    (SUBMITTED, "◇ B&atalkan putusan", "Kembali ke menunggu verifikasi"),
)


class ReviewBox(QGroupBox):
    """Shows and records the review of one indicator-month (``show_cell``)."""

    messageRaised = Signal(str, bool)  # text, is an error

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(tr("Tinjauan bukti dukung"), parent)
        self.setObjectName("reviewBox")
        self.doc = doc
        self.indicator_uuid, self.month = "", 0
        self.cell: Cell | None = None
        self.shown: ReviewShown | None = None
        self._evidence: tuple[str, ...] = ()
        self._names: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        self.state_label = wrapped_label(self, "reviewState", rich=True)
        layout.addWidget(self.state_label)

        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(3)
        who = QLabel(tr("Pen&injau:"), self)
        # The verdict is recorded in the name of this PC's user. Recording it for someone else
        # (a Pengarah who reviewed on paper) is a deliberate choice, and the record says who
        # wrote it for whom ("dicatat oleh X atas nama Y").
        self.for_other = QCheckBox(tr("Catat atas nama &orang lain"), self)
        self.for_other.setObjectName("reviewForOther")
        self.for_other.toggled.connect(self._for_other_toggled)
        self.reviewer = QComboBox(self)
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setEditable(True)
        self.reviewer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reviewer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reviewer.setMinimumContentsLength(8)
        who.setBuddy(self.reviewer)
        why = QLabel(tr("Catatan &peninjau:"), self)
        self.note = QLineEdit(self)
        self.note.setObjectName("reviewNote")
        self.note.setPlaceholderText(tr("apa yang harus diperbaiki, atau alasannya"))
        why.setBuddy(self.note)
        form.addWidget(who, 0, 0)
        form.addWidget(self.reviewer, 0, 1)
        form.addWidget(self.for_other, 1, 1)
        form.addWidget(why, 2, 0)
        form.addWidget(self.note, 2, 1)
        form.setColumnStretch(1, 1)
        layout.addLayout(form)

        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for i, (state, text, tip) in enumerate(VERDICTS):
            button = QPushButton(tr(text), self)
            button.setObjectName(f"review_{state}")
            button.setToolTip(tr(tip))
            button.clicked.connect(lambda _c=False, s=state: self.record(s))
            self.buttons[state] = button
            buttons.addWidget(button, i // 2, i % 2)
        layout.addLayout(buttons)

        self.warning = wrapped_label(self, "reviewWarning")
        self.warning.setStyleSheet("color: #8a4b00;")
        self.warning.hide()
        layout.addWidget(self.warning)
        # Always visible: rbdesk cannot check who sits at the PC.
        self.honesty = QLabel(
            tr(
                "Dicatat, tidak dikunci: rbdesk tanpa kata sandi; nama "
                "peninjau (Tim Pengarah atau yang ditandai peninjau) hanya "
                "dicatat."
            ),
            self,
        )
        self.honesty.setObjectName("reviewHonesty")
        self.honesty.setWordWrap(True)
        self.honesty.setStyleSheet("color: #555555;")
        small = self.honesty.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.honesty.setFont(small)
        layout.addWidget(self.honesty)
        self.reviewer.currentTextChanged.connect(lambda _t: self._check_reviewer())
        doc.userChanged.connect(lambda _name: self._show_user())
        self._show_user()

    # --- showing --------------------------------------------------------------------------

    def show_cell(
        self, indicator_uuid: str, month: int, cell: Cell | None, evidence: tuple[str, ...] = ()
    ) -> None:
        """Show a month; ``evidence`` holds the uuids of the files the panel lists for it."""
        if (indicator_uuid, month) != (self.indicator_uuid, self.month):
            # setText, not clear(): clear() is an undoable edit and leaves the box "modified".
            self.note.setText("")
        self.indicator_uuid, self.month, self.cell = indicator_uuid, month, cell
        # What a verdict will cover: the month as it was when the reviewer began writing. While
        # a note is being written a colleague's change is not taken as seen (record refuses).
        if not self.note.isModified() or self.shown is None:
            self.shown = _shown(cell, evidence)
        self._evidence = evidence
        self._fill_reviewers()
        realised = cell is not None and is_realised(cell.status)
        editable = realised and not self.doc.readonly
        for state, button in self.buttons.items():
            current = cell.review_state if cell else ""
            button.setEnabled(editable and (state != SUBMITTED or current != SUBMITTED))
        self.for_other.setEnabled(editable)
        self.reviewer.setEnabled(editable and self.for_other.isChecked())
        self.note.setEnabled(editable)
        if not self.for_other.isChecked():
            self._show_user()
        self.state_label.setText(self._state_html(cell, bool(indicator_uuid and month)))
        self._check_reviewer()

    def _state_html(self, cell: Cell | None, shown: bool) -> str:
        if not shown:
            return tr("Pilih sel bulan pada grid.")
        if cell is None or not is_realised(cell.status):
            return tr(
                "Belum ada realisasi bulan ini, jadi belum ada yang ditinjau. Catat "
                "realisasinya (sebagian atau selesai) dahulu."
            )
        state = cell.review_state or SUBMITTED
        colour = REVIEW_INK[state].name()
        text = (
            f"<span style='color:{colour}'><b>{REVIEW_SYMBOL[state]} "
            f"{escape(review_label(state))}</b></span>"
        )
        if state == SUBMITTED:
            text += tr(" — menunggu verifikasi")
        if cell.reviewed_by:
            when = clock.local_time(cell.reviewed_at) if cell.reviewed_at else ""
            text += tr(" oleh {who}").format(who=escape(cell.reviewed_by))
            if when:
                text += f", {escape(when)}"
            if cell.updated_by and cell.updated_by != cell.reviewed_by:
                # The month's last writer recorded the verdict: every other change of a month
                # sends it back to review.
                text += "<br>" + tr("dicatat oleh {user} atas nama {name}").format(
                    user=escape(cell.updated_by), name=escape(cell.reviewed_by)
                )
        if cell.review_note:
            text += f"<br><i>{escape(cell.review_note)}</i>"
        return text

    def _fill_reviewers(self) -> None:
        names = reviewer_names(self.doc.store, self.doc.tree) if self.doc.tree else []
        have = [self.reviewer.itemText(i) for i in range(self.reviewer.count())]
        if names != have:
            typed = self.reviewer.currentText()
            with QSignalBlocker(self.reviewer):
                self.reviewer.clear()
                self.reviewer.addItems(names)
                self.reviewer.setEditText(typed)
        self._names = set(names)

    def _show_user(self) -> None:
        """Not recording for someone else: the field shows who is recording, the current user
        (also right after Berkas → Ganti nama pengguna)."""
        line = self.reviewer.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                tr("pilih atau ketik nama peninjau")
                if self.for_other.isChecked()
                else tr("{user} (pengguna ini)").format(user=self.doc.user)
            )
        if not self.for_other.isChecked():
            with QSignalBlocker(self.reviewer):
                self.reviewer.setEditText(self.doc.user)
            self._check_reviewer()

    def _for_other_toggled(self, checked: bool) -> None:
        self.reviewer.setEnabled(checked and self.for_other.isEnabled())
        with QSignalBlocker(self.reviewer):
            self.reviewer.setEditText("")
        self._show_user()
        if checked:
            self.reviewer.setFocus()

    def recorded_for(self) -> str:
        """The name the verdict goes under: "" (this PC's user) unless recording for another."""
        return self.reviewer.currentText().strip() if self.for_other.isChecked() else ""

    def _check_reviewer(self) -> None:
        name = self.recorded_for()
        unknown = bool(name) and name not in self._names
        self.warning.setVisible(unknown and self.reviewer.isEnabled())
        if unknown:
            self.warning.setText(
                tr("⚠ {name} bukan peninjau menurut daftar tim; tetap dicatat.").format(name=name)
            )

    # --- recording ------------------------------------------------------------------------

    def record(self, state: str) -> bool:
        """Record a verdict on the shown month, undoably; False (with a message) if refused."""
        if not (self.indicator_uuid and self.month):
            return False
        note = self.note.text().strip() if state != SUBMITTED else ""
        typed = self.note.text()
        command = ReviewCommand(
            self.doc,
            self.indicator_uuid,
            self.month,
            state,
            note,
            self.recorded_for(),
            shown=self.shown,
        )
        outcome = push(command)
        if outcome.ok:
            self.note.setText("")
            self.for_other.setChecked(False)  # the next verdict is again the user's own
            self.shown = _shown(self.cell, self._evidence)
            self.messageRaised.emit(
                tr("Tinjauan dicatat: {s}.").format(s=review_label(state)), False
            )
            return True
        # The reviewer's words stay in the box, and what changed is now what they have seen.
        self.note.setText(typed)
        self.note.setModified(bool(typed))
        self.shown = _shown(self.cell, self._evidence)
        if isinstance(outcome, Conflict) and outcome.theirs is not None:
            question = (
                both_texts(outcome, tr("Tinjauan"), note)
                + "\n\n"
                + tr("Catat tinjauan Anda menggantikan tinjauan {who}?").format(who=outcome.by)
            )
            if confirm(
                self,
                tr("Tinjauan dicatat rekan kerja"),
                question,
                yes=tr("Catat tinjauan saya"),
            ):
                return self.record(state)
            self.messageRaised.emit(
                tr("Tinjauan {who} dipakai; catatan Anda tetap di kotak catatan peninjau.").format(
                    who=outcome.by
                ),
                False,
            )
            return False
        self.messageRaised.emit(outcome.message, True)
        return False


def _shown(cell: Cell | None, evidence: tuple[str, ...]) -> ReviewShown | None:
    if cell is None:
        return None
    return ReviewShown(cell.version, cell.review_state, cell.review_note, evidence)


def both_texts(conflict: Conflict, what: str, yours: str) -> str:
    """A refusal with the colleague's text and the user's own, for a question box."""
    theirs = conflict.theirs or tr("(kosong)")
    return (
        conflict.message
        + "\n\n"
        + tr("{what} {who}:").format(what=what, who=conflict.by)
        + f"\n\u201c{theirs}\u201d\n\n"
        + tr("{what} Anda:").format(what=what)
        + f"\n\u201c{yours or tr('(kosong)')}\u201d"
    )
