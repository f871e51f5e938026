"""Dialogs of the roster panel: a person's data, a seat (membership) on a team, a team."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from rbdesk.i18n import N_, tr
from rbdesk.models.domain.roster_reads import PersonInfo, team_title
from rbdesk.models.domain.tree import AreaNode, TeamNode
from rbdesk.ui.dialogs.common import ok_cancel

ROLES = (
    "Anggota",
    "Koordinator merangkap Anggota",
    "Ketua",
    "Wakil Ketua dan Koordinator",
    "Pengarah merangkap Ketua",
    "Pengarah merangkap Anggota",
)


def _role_box(parent: QWidget, current: str) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(ROLES)
    box.setCurrentText(current)
    return box


def _team_box(
    parent: QWidget, teams: list[TeamNode], current: str, none_text: str = ""
) -> QComboBox:
    box = QComboBox(parent)
    if none_text:
        box.addItem(none_text, "")
    for team in teams:
        box.addItem(team_title(team), team.uuid)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class PersonDialog(QDialog):
    """Add (optionally straight onto a team) or edit a person."""

    def __init__(
        self,
        parent: QWidget | None,
        teams: list[TeamNode],
        person: PersonInfo | None = None,
        team_uuid: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(tr("Ubah data orang") if person else tr("Tambah orang"))
        form = QFormLayout(self)
        self.name = QLineEdit(person.name if person else "", self)
        self.position = QLineEdit(person.position if person else "", self)
        self.unit = QLineEdit(person.unit if person else "", self)
        self.nip = QLineEdit(person.nip if person else "", self)
        self.position.setPlaceholderText(tr("mis. Kasubbag Hukum dan SDM"))
        form.addRow(tr("&Nama:"), self.name)
        form.addRow(tr("&Jabatan:"), self.position)
        form.addRow(tr("&Unit kerja:"), self.unit)
        form.addRow(tr("N&IP:"), self.nip)
        # Who may review realised months besides the Tim Pengarah; recorded, not enforced.
        self.reviewer = QCheckBox(tr("Boleh &meninjau bukti dukung (peninjau)"), self)
        self.reviewer.setObjectName("personReviewer")
        self.reviewer.setChecked(bool(getattr(person, "reviewer", False)))
        self.reviewer.setToolTip(
            tr(
                "Anggota Tim Pengarah selalu boleh meninjau. rbdesk tanpa "
                "kata sandi: ini dicatat, tidak dikunci."
            )
        )
        form.addRow("", self.reviewer)
        self.team = None
        self.role = None
        if person is None:
            self.team = _team_box(self, teams, team_uuid, tr("— belum dimasukkan ke tim —"))
            self.role = _role_box(self, "Anggota")
            form.addRow(tr("Masukkan ke &tim:"), self.team)
            form.addRow(tr("&Kedudukan:"), self.role)
        self.buttons = ok_cancel(self, tr("Simpan"), self.name)
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "position": self.position.text().strip(),
            "unit": self.unit.text().strip(),
            "nip": self.nip.text().strip(),
            "reviewer": self.reviewer.isChecked(),
        }

    def seat(self) -> tuple[str, str]:
        """The team (uuid, or "") and kedudukan chosen for a new person."""
        if self.team is None or self.role is None:
            return "", ""
        return self.team.currentData() or "", self.role.currentText().strip() or "Anggota"


class MemberDialog(QDialog):
    """Put a person on a team, or change a member's kedudukan and jabatan."""

    def __init__(
        self,
        parent: QWidget | None,
        persons: list[PersonInfo],
        teams: list[TeamNode],
        person_uuid: str = "",
        team_uuid: str = "",
        role: str = "Anggota",
        position: str | None = None,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(tr("Ubah keanggotaan") if editing else tr("Masukkan ke tim"))
        self._persons = {p.uuid: p for p in persons}
        form = QFormLayout(self)
        self.person = QComboBox(self)
        for p in persons:
            self.person.addItem(p.name, p.uuid)
        self.person.setCurrentIndex(max(0, self.person.findData(person_uuid)))
        self.team = _team_box(self, teams, team_uuid)
        self.role = _role_box(self, role)
        self.position = QLineEdit(self)
        self._position_touched = position is not None
        self.position.setText(position if position is not None else self._person_position())
        self.person.setEnabled(not editing)
        self.team.setEnabled(not editing)
        form.addRow(tr("&Orang:"), self.person)
        form.addRow(tr("&Tim:"), self.team)
        form.addRow(tr("&Kedudukan:"), self.role)
        form.addRow(tr("&Jabatan:"), self.position)
        buttons = ok_cancel(self, tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.person.count() > 0 and self.team.count() > 0
        )
        form.addRow(buttons)
        self.person.currentIndexChanged.connect(self._person_changed)
        self.position.textEdited.connect(self._touch)
        self.resize(560, self.sizeHint().height())

    def _touch(self, _text: str) -> None:
        self._position_touched = True

    def _person_position(self) -> str:
        p = self._persons.get(self.person.currentData() or "")
        return p.position if p else ""

    def _person_changed(self, _index: int) -> None:
        if not self._position_touched:
            self.position.setText(self._person_position())

    def values(self) -> tuple[str, str, str, str]:
        """(person uuid, team uuid, kedudukan, jabatan)."""
        return (
            self.person.currentData() or "",
            self.team.currentData() or "",
            self.role.currentText().strip() or "Anggota",
            self.position.text().strip(),
        )


TEAM_KINDS = {
    "area": N_("Tim area perubahan"),
    "agen": N_("Tim Agen Perubahan"),
    "pengarah": N_("Tim Pengarah"),
    "pelaksana": N_("Tim Pelaksana (ketua dan wakil)"),
}


class TeamDialog(QDialog):
    """Add a team of the decree's Lampiran I, or rename one (its kind and area stay)."""

    def __init__(
        self, parent: QWidget | None, areas: list[AreaNode], team: TeamNode | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(tr("Ganti nama tim") if team else tr("Tambah tim"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for kind, text in TEAM_KINDS.items():
            self.kind.addItem(tr(text), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(team.kind if team else "area")))
        self.name = QLineEdit(team.name if team else "", self)
        self.name.setPlaceholderText(tr("mis. Tim Manajemen Perubahan"))
        self.label = QLineEdit(team.label if team else "", self)
        self.label.setPlaceholderText(tr("mis. I (nomor tim area)"))
        self.area = QComboBox(self)
        self.area.addItem(tr("— tidak memegang area —"), "")
        for area in areas:
            self.area.addItem(f"{area.label}. {area.name}", area.uuid)
        self.kind.setEnabled(team is None)
        self.area.setEnabled(team is None)
        form.addRow(tr("&Jenis:"), self.kind)
        form.addRow(tr("&Nama tim:"), self.name)
        form.addRow(tr("N&omor:"), self.label)
        form.addRow(tr("&Area perubahan:"), self.area)
        self.buttons = ok_cancel(self, tr("Simpan"), self.name)
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[str, str, str, str]:
        """(kind, name, nomor, area uuid or "")."""
        area = self.area.currentData() or "" if self.kind.currentData() == "area" else ""
        return (self.kind.currentData(), self.name.text().strip(), self.label.text().strip(), area)
