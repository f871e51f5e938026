"""The "Tim" panel: the roster tree, each person once, edits through dialogs, undo."""

from __future__ import annotations

import dock_fixtures
import pytest
from dock_fixtures import busy_ctx, dock_ctx, dock_host, dock_templates, show_dock  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from rbdesk.models.domain.month_overview import GROUP_OPEN, month_overview
from rbdesk.models.domain.roster_reads import person_areas
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits.roster_edit import list_persons
from rbdesk.ui.dialogs import roster as roster_dialogs
from rbdesk.ui.panels import roster_actions
from rbdesk.ui.panels.roster_dock import RosterDock
from rbdesk.ui.panels.roster_model import PersonListModel, RosterTreeModel
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import ViewState


@pytest.fixture
def dock(qtbot, dock_host, dock_ctx):  # noqa: F811
    return show_dock(qtbot, dock_host, RosterDock(dock_ctx, ViewState(dock_ctx)))


def _person(dock, prefix):
    return next(p for p in dock.persons if p.name.startswith(prefix))


def _stored_teams(dock):
    store = dock.doc.store
    return load_plan_tree(store, list_plans(store)[0].uuid).teams


def test_tree_follows_the_decree(dock):
    assert dock.objectName() == "rosterDock" and dock.windowTitle() == "Tim"
    model = dock.team_model
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert tops == ["Tim Pengarah", "Tim Pelaksana", "Tim Agen Perubahan"]
    pelaksana = model.index(1, 0)
    children = [model.index(r, 0, pelaksana) for r in range(model.rowCount(pelaksana))]
    assert children[0].data(Role.KIND) == "member"
    assert model.index(0, RosterTreeModel.COL_ROLE, pelaksana).data() == "Ketua"
    area_teams = [c for c in children if c.data(Role.KIND) == "team"]
    assert len(area_teams) == 8
    assert area_teams[0].data() == "I. Tim Manajemen Perubahan"
    first = model.index(0, 0, area_teams[0])
    assert first.data() == "Habel J. Manafe"
    assert (
        model.index(0, RosterTreeModel.COL_ROLE, area_teams[0]).data()
        == "Koordinator merangkap Anggota"
    )
    assert model.index(0, RosterTreeModel.COL_POSITION, area_teams[0]).data().startswith("Kasubbag")


def test_each_person_once_and_selecting_shows_teams_and_items(dock, dock_ctx, qtbot):  # noqa: F811
    names = [dock.person_model.index(r, 0).data() for r in range(dock.person_model.rowCount())]
    assert len(names) == len(set(names)) == 22
    habel = _person(dock, "Habel")
    row = dock.person_model.row_of(habel.uuid)
    assert dock.person_model.index(row, PersonListModel.COL_TEAMS).data() == "I, V, Agen"
    dock.select_person(habel.uuid)
    assert dock.shown == ("person", habel.uuid)
    text = dock.detail.text()
    assert "Duduk di 3 tim" in text and "Tim Manajemen Perubahan" in text
    expected = month_overview(dock_ctx.tree, 6, 6, person_areas(dock_ctx.tree, habel.uuid))
    assert dock_fixtures.group_count(dock.items_model, GROUP_OPEN) == len(expected.open) > 0


def test_selecting_a_team_emits_and_shows_duties(dock, dock_ctx, qtbot):  # noqa: F811
    team = next(t for t in dock_ctx.tree.teams if t.kind == "area")
    with qtbot.waitSignal(dock.state.teamSelected) as signal:
        dock.select_team(team.uuid)
    assert signal.args == [team.uuid]
    assert team.duties[0][:30] in dock.detail.text().replace("&amp;", "&")
    # choosing a person afterwards clears the team filter first
    heard = []
    dock.state.teamSelected.connect(heard.append)
    sutrisni = _person(dock, "Sutrisni").uuid
    dock.select_person(sutrisni)
    assert heard == [""] and dock.shown == ("person", sutrisni)


def test_add_person_through_the_dialog_onto_a_team(dock, dock_ctx, monkeypatch):  # noqa: F811
    team = next(t for t in dock_ctx.tree.teams if t.kind == "area")

    def fill(dialog):
        dialog.name.setText("Yohana Lake")
        dialog.position.setText("Pelaksana pada Subbagian Hukum dan SDM")
        dialog.team.setCurrentIndex(dialog.team.findData(team.uuid))
        dialog.role.setCurrentText("Anggota")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(roster_dialogs.PersonDialog, "exec", fill)
    dock.add_person_action.trigger()
    assert any(p.name == "Yohana Lake" for p in list_persons(dock_ctx.store))
    stored = next(t for t in _stored_teams(dock) if t.uuid == team.uuid)
    assert stored.members[-1].person_name == "Yohana Lake"
    assert stored.members[-1].position == "Pelaksana pada Subbagian Hukum dan SDM"
    names = [dock.person_model.index(r, 0).data() for r in range(dock.person_model.rowCount())]
    assert names.count("Yohana Lake") == 1
    dock_ctx.undo_stack.undo()  # one step: the person and their seat
    assert not any(p.name == "Yohana Lake" for p in list_persons(dock_ctx.store))
    assert (
        len(next(t for t in _stored_teams(dock) if t.uuid == team.uuid).members)
        == len(stored.members) - 1
    )
    dock_ctx.undo_stack.redo()
    assert any(p.name == "Yohana Lake" for p in list_persons(dock_ctx.store))


def test_add_membership_keeps_person_once(dock, dock_ctx, monkeypatch):  # noqa: F811
    sutrisni = _person(dock, "Sutrisni")
    team = next(
        t
        for t in dock_ctx.tree.teams
        if t.kind == "area" and all(m.person_uuid != sutrisni.uuid for m in t.members)
    )

    def fill(dialog):
        dialog.person.setCurrentIndex(dialog.person.findData(sutrisni.uuid))
        dialog.team.setCurrentIndex(dialog.team.findData(team.uuid))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(roster_dialogs.MemberDialog, "exec", fill)
    dock.add_member_action.trigger()
    stored = next(t for t in _stored_teams(dock) if t.uuid == team.uuid)
    assert stored.members[-1].person_uuid == sutrisni.uuid
    assert stored.members[-1].position == sutrisni.position
    names = [dock.person_model.index(r, 0).data() for r in range(dock.person_model.rowCount())]
    assert names.count("Sutrisni") == 1
    row = dock.person_model.row_of(sutrisni.uuid)
    assert len(dock.person_model.index(row, 2).data().split(", ")) == 4
    # the same seat twice is refused with a message, nothing pushed
    count = dock_ctx.undo_stack.count()
    assert roster_actions.add_member(dock, team.uuid, sutrisni.uuid) is None
    assert dock_ctx.undo_stack.count() == count


def test_edit_member_and_person(dock, dock_ctx):  # noqa: F811
    team = dock_ctx.tree.teams[2]
    member = team.members[1]
    assert roster_actions.edit_member(dock, member.uuid, "Sekretaris Tim", "Analis")
    fresh = next(t for t in _stored_teams(dock) if t.uuid == team.uuid).members[1]
    assert (fresh.role, fresh.position) == ("Sekretaris Tim", "Analis")
    person = _person(dock, "Siti")
    assert roster_actions.edit_person(dock, person.uuid, {"name": "Siti Maryam, S.E."})
    assert any(p.name == "Siti Maryam, S.E." for p in list_persons(dock_ctx.store))
    assert any(m.person_name == "Siti Maryam, S.E." for t in dock_ctx.tree.teams for m in t.members)
    dock_ctx.undo_stack.undo()
    dock_ctx.undo_stack.undo()
    fresh = next(t for t in _stored_teams(dock) if t.uuid == team.uuid).members[1]
    assert (fresh.role, fresh.position) == (member.role, member.position)
    assert any(p.name == "Siti Maryam" for p in list_persons(dock_ctx.store))


def test_remove_membership_and_person_with_undo(dock, dock_ctx, messages, qtbot):  # noqa: F811
    messages.answer = True
    team = dock_ctx.tree.teams[3]
    member = team.members[2]
    dock.select_team(team.uuid)
    index = dock.team_model.find("member", member.uuid)
    dock.team_view.setCurrentIndex(index)
    assert index.data(Role.UUID) == member.uuid
    dock.remove_action.trigger()
    after = next(t for t in _stored_teams(dock) if t.uuid == team.uuid)
    assert member.uuid not in [m.uuid for m in after.members]
    dock_ctx.undo_stack.undo()
    after = next(t for t in _stored_teams(dock) if t.uuid == team.uuid)
    assert [m.uuid for m in after.members][2] == member.uuid  # back in its place

    habel = _person(dock, "Habel")
    dock.select_person(habel.uuid)
    dock.remove_action.trigger()
    assert all(p.uuid != habel.uuid for p in list_persons(dock_ctx.store))
    assert all(m.person_uuid != habel.uuid for t in _stored_teams(dock) for m in t.members)
    assert dock.person_model.row_of(habel.uuid) == -1
    dock_ctx.undo_stack.undo()
    assert sum(m.person_uuid == habel.uuid for t in _stored_teams(dock) for m in t.members) == 3
    qtbot.waitUntil(lambda: dock.person_model.row_of(habel.uuid) >= 0)


def test_declined_confirmation_changes_nothing(dock, dock_ctx, messages):  # noqa: F811
    messages.answer = False
    habel = _person(dock, "Habel")
    assert not roster_actions.remove_person(dock, habel.uuid)
    assert (
        any(p.uuid == habel.uuid for p in list_persons(dock_ctx.store))
        and dock_ctx.undo_stack.count() == 0
    )


def test_keyboard_and_readonly(dock, dock_ctx, qtbot, monkeypatch):  # noqa: F811
    dock.tabs.setCurrentWidget(dock.person_view)
    dock.person_view.setFocus()
    qtbot.keyClick(dock.person_view, Qt.Key.Key_Down)
    assert dock.remove_action.isEnabled()
    monkeypatch.setattr(type(dock_ctx), "readonly", property(lambda self: True))
    dock.refresh()
    assert not dock.add_person_action.isEnabled() and not dock.remove_action.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, dock):
    qtmodeltester.check(dock.team_model)
    qtmodeltester.check(dock.person_model)
    dock.select_person(_person(dock, "Habel").uuid)
    qtmodeltester.check(dock.items_model)


def test_edit_after_colleague_changed_the_person_is_refused(dock, dock_ctx, qtbot):  # noqa: F811
    """The dialog was open while a colleague saved: their values survive, the edit is refused."""
    from rbdesk.models.edits.roster_edit import update_person
    from rbdesk.models.storage.store import Store

    shown = _person(dock, "Siti")  # what the dialog was opened with
    other = Store.open(dock_ctx.store.path, user="Rekan")
    try:
        update_person(other, shown.uuid, nip="198507072010012001")
    finally:
        other.close()
    dock.refresh()  # the panel refreshed under the dialog
    messages: list[str] = []
    dock_ctx.refused.connect(messages.append)
    edited = dict(name=shown.name, position="Analis Perencanaan", unit=shown.unit, nip=shown.nip)
    assert not roster_actions.edit_person(dock, shown.uuid, edited, shown=shown)
    assert messages and "Rekan" in messages[-1]
    stored = next(p for p in list_persons(dock_ctx.store) if p.uuid == shown.uuid)
    assert (stored.nip, stored.position) == ("198507072010012001", shown.position)
