"""Rencana → Data SK: every field of the decree and of Lampiran I, in tabs that fit 1280 × 720.

The dialog only edits a working copy; "Simpan" checks it (a date that is not a date keeps the
dialog open with the reason) and the caller writes it as one undo step and one transaction, a
renamed team renamed in KESATU's list as well.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from rbdesk.exports.wording import indonesian_date
from rbdesk.i18n import tr
from rbdesk.models.domain.decree_dates import date_outside_year
from rbdesk.models.domain.roster_reads import team_title
from rbdesk.models.domain.tree import AreaNode, TeamNode
from rbdesk.models.edits.decree_edit import (
    checked_decree,
    decision_labels,
    kesatu_items,
    kesatu_names,
    kesatu_note,
    letter_labels,
    number_labels,
    parse_decree_date,
)
from rbdesk.models.errors import InvalidInput
from rbdesk.ui.dialogs.common import confirm, ok_cancel, resize_within_screen
from rbdesk.ui.dialogs.decree_lists import EntryListEditor, EntryListModel
from rbdesk.ui.dialogs.decree_teams import TeamsPage
from rbdesk.ui.settings import GeometryMemory

# (key, label, multi-line) of the Umum tab's fields, by group.
_DECREE_FIELDS = (
    ("issuer", "&Yang menetapkan:", False),
    ("number", "&Nomor:", False),
    ("title", "&Tentang:", True),
    ("place", "Ditetapkan &di:", False),
)
_SIGNATORY_FIELDS = (
    ("signatory_title", "&Jabatan:", True),
    ("signatory_name", "Na&ma:", False),
    ("signatory_nip", "N&IP (boleh kosong):", False),
    ("signed_mark", "Tanda pada salinan:", False),
)
_CERTIFIER_FIELDS = (
    ("certifier_heading", "Judul:", False),
    ("certifier_office", "Kantor:", False),
    ("certifier_title", "Jabatan:", False),
    ("certifier_name", "Nama:", False),
    ("certifier_nip", "NIP:", False),
)


class DecreeDialog(GeometryMemory, QDialog):
    def __init__(
        self,
        decree: dict[str, Any],
        teams: list[TeamNode],
        areas: list[AreaNode],
        parent: QWidget | None = None,
        readonly: bool = False,
        plan_year: int = 2000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decreeDialog")
        self.setWindowTitle(tr("Data SK"))
        self.original = copy.deepcopy(decree)
        self.plan_year = plan_year
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), tr("&Umum"))
        self.considerations = EntryListModel(
            decree.get("considerations") or [], letter_labels, self
        )
        self.legal_bases = EntryListModel(decree.get("legal_bases") or [], number_labels, self)
        self.tabs.addTab(
            self._list_tab(
                self.considerations,
                "considerations",
                tr("Pertimbangan (huruf a, b, … mengikuti urutan):"),
            ),
            tr("Menim&bang"),
        )
        self.tabs.addTab(
            self._list_tab(
                self.legal_bases,
                "legalBases",
                tr("Dasar hukum (nomor 1, 2, … mengikuti urutan; susun dengan Naik/Turun):"),
            ),
            tr("Mengin&gat"),
        )
        self.tabs.addTab(self._decisions_tab(decree), tr("&Diktum"))
        self.teams_page = TeamsPage(decree.get("attachment_titles") or {}, teams, areas, self)
        self.tabs.addTab(self.teams_page, tr("&Lampiran"))
        self.error = QLabel(self)
        self.error.setObjectName("decreeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000")
        self.error.hide()
        # A renamed team KESATU does not name: saving renames it where KESATU names it, so
        # here nothing would follow; said while editing, without stopping the save.
        self.kesatu_note = QLabel(self)
        self.kesatu_note.setObjectName("kesatuNote")
        self.kesatu_note.setWordWrap(True)
        self.kesatu_note.hide()
        self.teams_page.team_name.textEdited.connect(lambda _t: self.check_kesatu())
        for signal in (
            self.decisions.dataChanged,
            self.decisions.rowsInserted,
            self.decisions.rowsRemoved,
            self.decisions.modelReset,
        ):
            signal.connect(self.check_kesatu)
        self.buttons = ok_cancel(self, tr("Simpan"), on_ok=self.save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setEnabled(not readonly)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.kesatu_note)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 1120, 660)

    # -- the tabs ----------------------------------------------------------------------------

    def _field(self, key: str, multi: bool) -> QLineEdit | QPlainTextEdit:
        value = str(self.original.get(key, "") or "")
        editor: QLineEdit | QPlainTextEdit
        if multi:
            editor = QPlainTextEdit(value, self)
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 2 + 14)
        else:
            editor = QLineEdit(value, self)
        editor.setObjectName(key)
        self.fields[key] = editor
        return editor

    def _group(self, title: str, fields: tuple[tuple[str, str, bool], ...]) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        for key, label, multi in fields:
            form.addRow(tr(label), self._field(key, multi))
        return box

    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        decree_box = self._group(tr("Keputusan"), _DECREE_FIELDS)
        form = decree_box.layout()
        assert isinstance(form, QFormLayout)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        year = self.original.get("year")
        self.year.setValue(int(str(year)) if str(year or "").isdigit() else self.plan_year)
        form.insertRow(2, tr("T&ahun:"), self.year)
        self.date = QLineEdit(indonesian_date(str(self.original.get("date", "") or "")), self)
        self.date.setObjectName("date")
        self.date.setPlaceholderText(tr("mis. 2 Januari 2024 (kosong: masih konsep)"))
        self.date.setToolTip(
            tr(
                "Tanggal penetapan, mis. 2 Januari 2024 atau 02/01/2024. "
                "Selama nomor atau tanggal kosong, PDF bertanda KONSEP."
            )
        )
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(tr("Kalender…"))
        self.calendar_button.setToolTip(tr("Pilih tanggal penetapan dari kalender"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._calendar_to_field)
        self.calendar.clicked.connect(self.pick_date)
        self.calendar.clicked.connect(menu.close)
        self.calendar_button.setMenu(menu)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.calendar_button)
        date_label = QLabel(tr("Pada &tanggal:"), self)
        date_label.setBuddy(self.date)
        form.addRow(date_label, date_row)
        self.paraf = EntryListModel(
            [{"text": str(t)} for t in self.original.get("paraf") or []], None, self
        )
        paraf_box = QGroupBox(tr("Paraf pada naskah asli (jabatan pejabat pemaraf)"), self)
        paraf_layout = QVBoxLayout(paraf_box)
        self.paraf_editor = EntryListEditor(self.paraf, "paraf", text_lines=1, parent=paraf_box)
        paraf_layout.addWidget(self.paraf_editor)
        grid = QGridLayout(page)
        grid.addWidget(decree_box, 0, 0)
        grid.addWidget(paraf_box, 1, 0)
        grid.addWidget(self._group(tr("Penanda tangan"), _SIGNATORY_FIELDS), 0, 1)
        grid.addWidget(self._group(tr("Pengesahan salinan"), _CERTIFIER_FIELDS), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return self._scrolled(page)

    def _calendar_to_field(self) -> None:
        """The calendar opens on the date in the field (else on 2 January of the decree year)."""
        try:
            iso = parse_decree_date(self.date.text())
        except InvalidInput:
            iso = ""
        day = QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate(self.year.value(), 1, 2)
        self.calendar.setSelectedDate(day)

    def pick_date(self, day: QDate) -> None:
        self.date.setText(indonesian_date(day.toString("yyyy-MM-dd")))

    def _scrolled(self, page: QWidget) -> QScrollArea:
        # A short screen scrolls the tab rather than cutting its fields off.
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _list_tab(self, model: EntryListModel, name: str, heading: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(heading, page))
        editor = EntryListEditor(
            model, name, text_label=tr("Bunyi butir yang dipilih:"), text_lines=6, parent=page
        )
        setattr(self, f"{name}_editor", editor)
        layout.addWidget(editor, 1)
        return page

    def _decisions_tab(self, decree: dict[str, Any]) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.addRow(tr("&Menetapkan:"), self._field("decided", True))
        layout.addLayout(form)
        self.decisions = EntryListModel(decree.get("decisions") or [], decision_labels, self)
        self.decisions_editor = EntryListEditor(
            self.decisions,
            "decisions",
            text_label=tr("Bunyi diktum yang dipilih:"),
            items_label=tr("Rincian diktum (satu baris satu butir, dengan nomornya):"),
            text_lines=3,
            parent=page,
        )
        layout.addWidget(self.decisions_editor, 1)
        self.teams_button = QPushButton(tr("Isi rincian dari daftar tim Lampiran I"), page)
        self.teams_button.setObjectName("kesatuFromTeams")
        self.teams_button.setToolTip(
            tr("Daftar tim pada diktum KESATU mengikuti nama tim di tab Lampiran")
        )
        self.teams_button.clicked.connect(self.fill_team_list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.teams_button)
        layout.addLayout(row)
        return page

    def fill_team_list(self) -> None:
        """KESATU lists the teams of Lampiran I: rebuilt from the names as edited here."""
        teams = self.teams_page.teams_as_edited()
        if not self.decisions.rowCount():
            self.decisions_editor.add()
        self.decisions_editor.select(0)
        self.decisions_editor.set_items(kesatu_items(teams))

    def check_kesatu(self, *_args: object) -> None:
        """Show the note for each renamed team whose old name KESATU does not hold (nor its
        new one, as after the refill button)."""
        items = self.decisions.field(0, "items", []) if self.decisions.rowCount() else []
        notes = [
            kesatu_note(d.team.name)
            for d in self.teams_page.drafts
            if d.name.strip()
            and d.name.strip() != d.team.name
            and not kesatu_names(items, d.team.name)
            and not kesatu_names(items, d.name.strip())
        ]
        self.kesatu_note.setText("ℹ " + " ".join(notes))
        self.kesatu_note.setVisible(bool(notes))

    # -- the result --------------------------------------------------------------------------

    def decree(self) -> dict[str, Any]:
        """The decree as edited (unknown keys of the stored one kept)."""
        out = copy.deepcopy(self.original)
        for key, editor in self.fields.items():
            value = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            if key in self.original or value.strip():
                out[key] = value.strip() if key.endswith("_nip") else value
        titles = dict(out.get("attachment_titles") or {})
        titles.update(self.teams_page.titles())
        edited: dict[str, Any] = {
            "year": self.year.value(),
            "date": self.date.text().strip(),
            "considerations": self.considerations.entries(),
            "legal_bases": self.legal_bases.entries(),
            "decisions": self.decisions.entries(),
            "paraf": [t.strip() for t in self.paraf.texts() if t.strip()],
            "attachment_titles": titles,
        }
        # A key the decree did not have is added only when it gets a value: opening and saving
        # a new plan's empty decree changes nothing.
        out.update(
            {
                k: v
                for k, v in edited.items()
                if k in self.original or any(v.values() if isinstance(v, dict) else [v])
            }
        )
        if (
            "year" not in self.original
            and out["year"] == self.plan_year
            and len(out) == len(self.original) + 1
        ):
            del out["year"]  # only the year shown by default: nothing was edited
        return out

    def save(self) -> None:
        """Check first: a bad value keeps the dialog open, says why, and changes nothing."""
        try:
            self.checked = checked_decree(self.decree())
        except InvalidInput as exc:
            self.error.setText("⚠ " + exc.message)
            self.error.show()
            self.tabs.setCurrentIndex(0)
            if "Tanggal" in exc.message:
                self.date.setFocus()
            return
        surprise = date_outside_year(self.checked, self.plan_year)
        if surprise and not self._date_kept(surprise):
            self.tabs.setCurrentIndex(0)
            self.date.setFocus()
            return
        bad = next((d for d in self.teams_page.drafts if not d.name.strip()), None)
        if bad is not None:
            self.error.setText(
                "⚠ " + tr("Nama tim tidak boleh kosong ({team}).").format(team=team_title(bad.team))
            )
            self.error.show()
            return
        self.accept()

    def _date_kept(self, surprise: str) -> bool:
        """Asked only when the date or the year was changed here: a surprising date the
        decree already had was asked about when it was set."""
        unchanged = all(
            str(self.original.get(k) or "") == str(self.checked.get(k) or "")
            for k in ("date", "year")
        )
        return unchanged or confirm(
            self,
            tr("Tanggal SK"),
            f"{surprise} {tr('Tetap simpan?')}",
            yes=tr("Simpan tanggal ini"),
        )

    def keyPressEvent(self, event: Any) -> None:  # Qt API
        # Enter in a one-line field would save the whole dialog; only the button saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
