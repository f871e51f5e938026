"""The "Tim" panel: the decree's roster, the persons on it, and what each must do this month."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.month_overview import (
    GROUP_DONE,
    GROUP_LATE,
    GROUP_OPEN,
    clamp_month,
    month_overview,
)
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.roster_reads import (
    PersonInfo,
    area_teams,
    find_team,
    person_areas,
    person_rows,
    seats_of,
    team_title,
)
from rbdesk.models.edits import roster_edit
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.panels import roster_actions
from rbdesk.ui.panels.month_model import MonthItemsModel, lay_out_items, setup_items_view
from rbdesk.ui.panels.panel_dock import LazyRefreshDock, button_grid, setup_list, wrapped_label
from rbdesk.ui.panels.roster_model import PersonListModel, RosterTreeModel
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import ViewState


class RosterDock(LazyRefreshDock):
    def __init__(self, doc: PlanDocument, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(tr("Tim"), "rosterDock", doc, state, parent)
        self.persons: list[PersonInfo] = []
        # ("person" | "team", uuid) shown in the detail below, ("", "") for nothing.
        self.shown: tuple[str, str] = ("", "")
        self._team_told = ""
        self._restoring = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget(body)
        self.team_model = RosterTreeModel(self)
        self.team_view = QTreeView(self.tabs)
        self.team_view.setObjectName("rosterTeams")
        self.team_view.setModel(self.team_model)
        self.team_view.setUniformRowHeights(True)
        self.team_view.setAlternatingRowColors(True)
        self.team_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.team_view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.person_model = PersonListModel(self)
        self.person_view = QTableView(self.tabs)
        self.person_view.setObjectName("rosterPersons")
        self.person_view.setModel(self.person_model)
        setup_list(self.person_view)
        self.person_view.horizontalHeader().setStretchLastSection(True)
        self.team_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.key_views = (self.team_view, self.person_view)
        # Alt+letters: none of them a menu's (Berkas, Ubah, Tampilan, Ekspor, Bantuan).
        self.tabs.addTab(self.team_view, tr("&Susunan tim"))
        self.tabs.addTab(self.person_view, tr("Da&ftar orang"))

        self.add_person_action = self._action(
            tr("Tambah &orang…"), roster_actions.add_person_dialog, QKeySequence(Qt.Key.Key_Insert)
        )
        self.add_member_action = self._action(
            tr("&Masukkan ke tim…"), roster_actions.add_member_dialog, None
        )
        self.edit_action = self._action(
            tr("Ub&ah…"), roster_actions.edit_selected, QKeySequence(Qt.Key.Key_F2)
        )
        self.remove_action = self._action(
            tr("&Hapus…"),
            roster_actions.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
        )
        self.add_team_action = self._action(tr("Tambah &tim…"), roster_actions.add_team_dialog)
        self.move_up_action = self._action(
            tr("Naikkan urutan anggota"), lambda dock: roster_actions.move_selected(dock, -1)
        )
        self.move_down_action = self._action(
            tr("Turunkan urutan anggota"), lambda dock: roster_actions.move_selected(dock, 1)
        )
        # The right-click menus: the keyed actions (see _action), then the teams' own.
        self.team_view.addActions(
            [
                self.add_member_action,
                self.add_team_action,
                self.move_up_action,
                self.move_down_action,
            ]
        )
        self.person_view.addAction(self.add_member_action)
        for view in (self.team_view, self.person_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        buttons = button_grid(
            body,
            (self.add_person_action, self.add_member_action, self.edit_action, self.remove_action),
        )

        detail = QScrollArea(body)
        detail.setWidgetResizable(True)
        detail.setFrameShape(QFrame.Shape.NoFrame)
        detail.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # text to read, nothing to do there
        self.detail = wrapped_label(detail, "rosterDetail", rich=True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.items_model = MonthItemsModel(self)
        self.items_view = QTreeView(body)
        self.items_view.setObjectName("rosterItems")
        setup_items_view(self.items_view, self.items_model, state)
        self.detail.setMargin(4)
        detail.setWidget(self.detail)

        split = QSplitter(Qt.Orientation.Vertical, body)
        split.setChildrenCollapsible(False)
        split.addWidget(self.tabs)
        split.addWidget(detail)
        split.addWidget(self.items_view)
        # The person's work this month gets the most room: it is what the panel is read for.
        split.setSizes([300, 130, 360])
        split.setStretchFactor(2, 2)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.setWidget(body)
        self.setFocusProxy(self.tabs)

        self.team_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._team_row_chosen(cur)
        )
        self.person_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._person_row_chosen(cur)
        )
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.team_view.activated.connect(lambda _i: roster_actions.edit_selected(self))
        self.person_view.activated.connect(lambda _i: roster_actions.edit_selected(self))
        doc.planChanged.connect(lambda _uuid: self.refresh())
        # Filled when first shown, after the window's first paint (LazyRefreshDock).

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.begin_refresh()
        teams = self.doc.tree.teams if self.doc.tree else []
        self.persons = roster_edit.list_persons(self.doc.store)
        kind, uuid = self.shown
        current = self.team_view.currentIndex()
        member_uuid = current.data(Role.UUID) if current.data(Role.KIND) == "member" else ""
        self.team_model.set_teams(teams)
        self.team_view.expandAll()
        self._fit_names()
        self.person_model.set_rows(person_rows(self.doc.tree, self.persons))
        self.person_view.resizeColumnToContents(PersonListModel.COL_NAME)
        self._restore_selection(kind, uuid, member_uuid)
        self._show_detail(kind, uuid)
        self._update_actions()

    def _fit_names(self) -> None:
        """The name column as wide as the longest person's name (a team's title may be cut: it
        heads its group, and says itself in full in its tooltip), leaving the role a glimpse."""
        view, model = self.team_view, self.team_model
        metrics = view.fontMetrics()
        widest = 0
        pending = [(model.index(r, 0), 1) for r in range(model.rowCount())]
        while pending:
            index, depth = pending.pop()
            if index.data(Role.KIND) == "member":
                text = str(index.data() or "")
                widest = max(widest, metrics.horizontalAdvance(text) + view.indentation() * depth)
            pending += [(model.index(r, 0, index), depth + 1) for r in range(model.rowCount(index))]
        room = max(view.viewport().width(), self.width() - 30) - 60
        view.setColumnWidth(RosterTreeModel.COL_NAME, max(120, min(widest + 16, room)))
        for col in (RosterTreeModel.COL_ROLE, RosterTreeModel.COL_POSITION):
            view.resizeColumnToContents(col)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_names()

    def _restore_selection(self, kind: str, uuid: str, member_uuid: str) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = QModelIndex()
        if member_uuid:
            index = self.team_model.find("member", member_uuid)
        elif kind == "team":
            index = self.team_model.find("team", uuid)
        self._restoring = True
        try:
            if index.isValid():
                self.team_view.selectionModel().setCurrentIndex(index, flags)
            row = self.person_model.row_of(uuid) if kind == "person" else -1
            if row >= 0:
                self.person_view.selectionModel().setCurrentIndex(
                    self.person_model.index(row, 0), flags
                )
        finally:
            self._restoring = False

    # --- choosing ----------------------------------------------------------------------------

    def _team_row_chosen(self, index: QModelIndex) -> None:
        if self._restoring:
            return
        kind = index.data(Role.KIND)
        if kind == "member":
            self.choose("person", index.data(Role.PERSON_UUID) or "")
        elif kind == "team":
            self.choose("team", index.data(Role.TEAM_UUID) or "")
        else:
            self.choose("", "")
        self._update_actions()

    def _person_row_chosen(self, index: QModelIndex) -> None:
        if self._restoring:
            return
        self.choose("person", index.data(Role.PERSON_UUID) or "" if index.isValid() else "")
        self._update_actions()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.team_view:
            self._team_row_chosen(self.team_view.currentIndex())
        else:
            self._person_row_chosen(self.person_view.currentIndex())

    def choose(self, kind: str, uuid: str) -> None:
        """Show a person or team below; the grid filters on the team chosen (on none when a
        person is chosen)."""
        self.shown = (kind, uuid) if uuid else ("", "")
        if kind in ("team", "person"):
            team = uuid if kind == "team" else ""
            if team != self._team_told:
                self._team_told = team
                self.state.teamSelected.emit(team)
        self._show_detail(*self.shown)

    def dialog_parent(self) -> QWidget:
        return self

    def select_person(self, uuid: str) -> None:
        self.tabs.setCurrentWidget(self.person_view)
        row = self.person_model.row_of(uuid)
        if row >= 0:
            self.person_view.setCurrentIndex(self.person_model.index(row, 0))

    def select_team(self, uuid: str) -> None:
        self.tabs.setCurrentWidget(self.team_view)
        index = self.team_model.find("team", uuid)
        if index.isValid():
            self.team_view.setCurrentIndex(index)

    # --- the detail below --------------------------------------------------------------------

    def _show_detail(self, kind: str, uuid: str) -> None:
        month = clamp_month(self.doc.today_month())
        mname = month_long(month)
        tree = self.doc.tree
        person = (
            next((p for p in self.persons if p.uuid == uuid), None) if kind == "person" else None
        )
        team = find_team(tree, uuid) if kind == "team" else None
        if person is not None:
            lines = [f"<b>{escape(person.name)}</b>", escape(person.position)]
            seats = seats_of(tree, person.uuid)
            if seats:
                lines.append(tr("Duduk di {n} tim:").format(n=len(seats)))
                lines += [
                    f"&nbsp;• {escape(team_title(s.team))} — <i>{escape(s.member.role)}</i>"
                    for s in seats
                ]
            else:
                lines.append(tr("Belum duduk di tim mana pun pada rencana ini."))
            areas = person_areas(tree, person.uuid)
        elif team is not None:
            lines = [
                f"<b>{escape(team_title(team))}</b>",
                tr("{n} anggota").format(n=len(team.members)),
            ]
            if team.duties:
                lines.append(tr("Tugas:"))
                lines += [f"&nbsp;• {escape(d)}" for d in team.duties]
            areas = {team.area_uuid} if team.area_uuid else set()
        else:
            self.detail.setText(
                tr("Pilih orang atau tim untuk melihat tim dan tugasnya bulan ini.")
            )
            self.items_model.clear()
            self.items_view.setVisible(False)
            return
        if areas:
            lines.append(
                tr("<b>Tugas bulan {m}</b> (area yang menjadi tanggung jawab):").format(m=mname)
            )
            overview = month_overview(tree, month, self.doc.today_month(), areas)
            self.items_model.set_overview(
                overview, (GROUP_OPEN, GROUP_LATE, GROUP_DONE), area_teams(tree)
            )
            lay_out_items(self.items_view, (GROUP_OPEN, GROUP_LATE))
        else:
            lines.append(
                tr("Tidak memegang area perubahan, jadi tidak ada kegiatan terjadwal di grid.")
            )
            self.items_model.clear()
        self.items_view.setVisible(bool(areas))
        self.detail.setText("<br>".join(lines))

    # --- what the editing actions apply to ---------------------------------------------------

    def selected(self) -> tuple[str, QModelIndex]:
        view = self.tabs.currentWidget()
        index = view.currentIndex() if isinstance(view, QAbstractItemView) else QModelIndex()
        return (index.data(Role.KIND) or "", index) if index.isValid() else ("", index)

    def _update_actions(self) -> None:
        editable = not self.doc.readonly and self.doc.tree is not None
        kind, _index = self.selected()
        for action in (self.add_person_action, self.add_member_action, self.add_team_action):
            action.setEnabled(editable)
        for action in (self.edit_action, self.remove_action):
            action.setEnabled(editable and kind in ("member", "person", "team"))
        for action in (self.move_up_action, self.move_down_action):
            action.setEnabled(editable and kind == "member")
