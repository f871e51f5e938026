"""Data SK → Lampiran: the attachment headings and every field of Lampiran I (team names,
duties, the area a team serves, members' roles and positions), edited on a working copy."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.roster_reads import team_title
from rbdesk.models.domain.tree import AreaNode, TeamNode
from rbdesk.ui.dialogs.decree_lists import EntryListEditor, EntryListModel, MemberTableModel


@dataclass
class TeamDraft:
    """A team as the dialog edits it, and as it was when the dialog opened."""

    team: TeamNode
    name: str
    area_uuid: str | None
    duties: list[str]
    members: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, team: TeamNode) -> TeamDraft:
        return cls(
            team,
            team.name,
            team.area_uuid,
            list(team.duties),
            [
                {"uuid": m.uuid, "name": m.person_name, "role": m.role, "position": m.position}
                for m in team.members
            ],
        )


class TeamsPage(QWidget):
    """``titles``: the decree's attachment titles (Lampiran I and II)."""

    def __init__(
        self, titles: dict[str, Any], teams: list[TeamNode], areas: list[AreaNode], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.drafts = [TeamDraft.of(t) for t in teams]
        self.areas = areas
        form = QFormLayout()
        self.lampiran: dict[str, QLineEdit] = {}
        for key, label in (
            ("lampiran_1", tr("Judul Lampiran &I:")),
            ("lampiran_2", tr("Judul Lampiran &II:")),
        ):
            edit = QLineEdit(str(titles.get(key, "") or ""), self)
            edit.setObjectName(key)
            self.lampiran[key] = edit
            form.addRow(label, edit)
        self.team = QComboBox(self)
        self.team.setObjectName("teamChooser")
        for draft in self.drafts:
            self.team.addItem(team_title(draft.team), draft.team.uuid)
        form.addRow(tr("&Tim:"), self.team)
        self.team_name = QLineEdit(self)
        self.team_name.setObjectName("teamName")
        form.addRow(tr("Na&ma tim:"), self.team_name)
        self.team_area = QComboBox(self)
        self.team_area.setObjectName("teamArea")
        self.team_area.addItem(tr("— tidak menangani satu area —"), "")
        for area in self.areas:
            self.team_area.addItem(f"{area.label} {area.name}".strip(), area.uuid)
        form.addRow(tr("&Area yang ditangani:"), self.team_area)
        self.duties = EntryListModel([], None, self)
        self.duties_editor = EntryListEditor(self.duties, "duties", text_lines=4, parent=self)
        self.members = MemberTableModel(self)
        self.members_view = QTableView(self)
        self.members_view.setObjectName("membersView")
        self.members_view.setModel(self.members)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.verticalHeader().hide()
        self.members_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lower = QHBoxLayout()
        duties_box = QGroupBox(tr("Tugas tim (satu butir satu baris, dengan hurufnya)"), self)
        QVBoxLayout(duties_box).addWidget(self.duties_editor)
        members_box = QGroupBox(
            tr(
                "Anggota (klik dua kali untuk mengubah kedudukan atau "
                "jabatan; nama diubah di panel Tim)"
            ),
            self,
        )
        QVBoxLayout(members_box).addWidget(self.members_view)
        lower.addWidget(duties_box, 1)
        lower.addWidget(members_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lower, 1)
        self._shown: TeamDraft | None = None
        self.team.currentIndexChanged.connect(lambda _i: self._show_team())
        self.team_name.textEdited.connect(self._team_edited)
        self.team_area.currentIndexChanged.connect(lambda _i: self._team_edited())
        self._show_team()

    def keep_shown_team(self) -> None:
        if self._shown is not None:
            self._shown.duties = [t for t in self.duties.texts() if t.strip()]

    def _show_team(self) -> None:
        self.keep_shown_team()
        index = self.team.currentIndex()
        draft = self.drafts[index] if 0 <= index < len(self.drafts) else None
        self._shown = None  # no edits land while the fields are refilled
        self.team_name.setText(draft.name if draft else "")
        self.team_area.setCurrentIndex(
            max(0, self.team_area.findData(draft.area_uuid or "" if draft else ""))
        )
        self.duties.reset([{"text": d} for d in (draft.duties if draft else [])])
        if self.duties.rowCount():
            self.duties_editor.select(0)
        self.duties_editor.show_current()
        self.members.set_rows(draft.members if draft else [])
        for widget in (self.team_name, self.team_area, self.duties_editor, self.members_view):
            widget.setEnabled(draft is not None)
        self._shown = draft

    def _team_edited(self) -> None:
        if self._shown is not None:
            self._shown.name = self.team_name.text()
            self._shown.area_uuid = self.team_area.currentData() or None

    def teams_as_edited(self) -> list[TeamNode]:
        """The teams with the names, areas and duties as edited (for KESATU's team list)."""
        self.keep_shown_team()
        return [
            replace(d.team, name=d.name, area_uuid=d.area_uuid, duties=d.duties)
            for d in self.drafts
        ]

    def titles(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.lampiran.items()}

    def team_changes(self) -> list[tuple[TeamNode, dict[str, Any]]]:
        """Each team whose name, area or duties changed, with the changed fields."""
        self.keep_shown_team()
        out = []
        for d in self.drafts:
            fields: dict[str, Any] = {}
            if d.name.strip() != d.team.name:
                fields["name"] = d.name.strip()
            if d.duties != list(d.team.duties):
                fields["duties"] = d.duties
            if (d.area_uuid or None) != (d.team.area_uuid or None):
                fields["area"] = d.area_uuid
            if fields:
                out.append((d.team, fields))
        return out

    def member_changes(self) -> list[tuple[str, dict[str, str], dict[str, str], int]]:
        """(membership uuid, before, after, version) for each changed role or position."""
        out = []
        for d in self.drafts:
            for m, row in zip(d.team.members, d.members, strict=True):
                after = {k: row[k] for k in ("role", "position") if row[k] != getattr(m, k)}
                if after:
                    out.append((m.uuid, {k: getattr(m, k) for k in after}, after, m.version))
        return out
