"""Teams in the "Tim" panel of the real window: add, rename, delete, a member moved up or down;
each undoable, and a read-only file refused with a message."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs import roster as roster_dialogs
from rbdesk.ui.panels import roster_actions
from rbdesk.ui.roles import Role


def _stored_teams(doc):
    return load_plan_tree(doc.store, list_plans(doc.store)[0].uuid).teams


def _panel(window):
    dock = window.docks["rosterDock"]
    dock.raise_()
    dock.refresh()
    return dock


def test_add_rename_and_delete_a_team_with_undo(window, messages, monkeypatch):
    doc, dock = window.doc, _panel(window)
    area = doc.tree.areas[-1]
    before = len(_stored_teams(doc))

    def fill(dialog):
        dialog.name.setText("Tim Inovasi Layanan")
        dialog.label.setText("IX")
        dialog.area.setCurrentIndex(dialog.area.findData(area.uuid))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(roster_dialogs.TeamDialog, "exec", fill)
    assert dock.add_team_action in dock.team_view.actions()  # its right-click menu
    dock.add_team_action.trigger()
    added = _stored_teams(doc)[-1]
    assert (added.kind, added.name, added.label, added.area_uuid) == (
        "area",
        "Tim Inovasi Layanan",
        "IX",
        area.uuid,
    )
    assert dock.selected()[1].data() == "IX. Tim Inovasi Layanan"
    assert dock.edit_action.isEnabled() and dock.remove_action.isEnabled()

    def rename(dialog):
        assert not dialog.kind.isEnabled()
        dialog.name.setText("Tim Inovasi Pelayanan Publik")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(roster_dialogs.TeamDialog, "exec", rename)
    dock.edit_action.trigger()
    assert _stored_teams(doc)[-1].name == "Tim Inovasi Pelayanan Publik"
    assert dock.team_model.find("team", added.uuid).data() == "IX. Tim Inovasi Pelayanan Publik"
    doc.undo_stack.undo()
    assert _stored_teams(doc)[-1].name == "Tim Inovasi Layanan"

    dock.select_team(added.uuid)
    dock.remove_action.trigger()
    assert messages.questions[-1].startswith("Hapus IX. Tim Inovasi Layanan")
    assert len(_stored_teams(doc)) == before
    assert not dock.team_model.find("team", added.uuid).isValid()
    doc.undo_stack.undo()
    assert _stored_teams(doc)[-1].uuid == added.uuid
    doc.undo_stack.undo()  # the adding itself
    assert len(_stored_teams(doc)) == before
    doc.undo_stack.redo()
    assert _stored_teams(doc)[-1].uuid == added.uuid


def test_deleting_a_team_takes_its_seats_and_undo_brings_them_back(window, messages):
    doc, dock = window.doc, _panel(window)
    team = next(t for t in doc.tree.teams if t.kind == "area" and len(t.members) > 2)
    dock.select_team(team.uuid)
    messages.answer = False
    dock.remove_action.trigger()
    assert f"{len(team.members)} anggotanya" in messages.questions[-1]
    assert any(t.uuid == team.uuid for t in _stored_teams(doc))
    messages.answer = True
    dock.remove_action.trigger()
    assert all(t.uuid != team.uuid for t in _stored_teams(doc))
    doc.undo_stack.undo()
    back = next(t for t in _stored_teams(doc) if t.uuid == team.uuid)
    assert [m.uuid for m in back.members] == [m.uuid for m in team.members]


def test_moving_a_member_down_and_back(window):
    doc, dock = window.doc, _panel(window)
    team = next(t for t in doc.tree.teams if t.kind == "area" and len(t.members) > 2)
    first, second = team.members[0], team.members[1]
    dock.select_team(team.uuid)
    dock.team_view.setCurrentIndex(dock.team_model.find("member", first.uuid))
    assert dock.move_down_action.isEnabled() and dock.move_down_action in dock.team_view.actions()
    assert not roster_actions.move_selected(dock, -1)  # already first: nothing pushed
    count = doc.undo_stack.count()
    dock.move_down_action.trigger()
    stored = next(t for t in _stored_teams(doc) if t.uuid == team.uuid)
    assert [m.uuid for m in stored.members][:2] == [second.uuid, first.uuid]
    assert dock.selected()[1].data(Role.UUID) == first.uuid  # the selection follows it
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    stored = next(t for t in _stored_teams(doc) if t.uuid == team.uuid)
    assert [m.uuid for m in stored.members][:2] == [first.uuid, second.uuid]


def test_read_only_file_refuses_a_new_team_with_a_message(sample_path, qtbot):
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    store = Store.open(sample_path, readonly=True)
    win = MainWindow(PlanDocument(store))
    qtbot.addWidget(win)
    win.show()
    dock = _panel(win)
    assert not dock.add_team_action.isEnabled()
    before = len(_stored_teams(win.doc))
    assert roster_actions.add_team(dock, "agen", "Tim Baru") is None
    assert win.message_bar.isVisible() and "hanya-baca" in win.message_bar.label.text()
    assert len(_stored_teams(win.doc)) == before and win.doc.undo_stack.count() == 0
    win.close()
