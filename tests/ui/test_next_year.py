"""Berkas → Rencana Aksi tahun berikutnya and Rencana Aksi baru, through the real window."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QDialog

from rbdesk.models.domain.road_map import STANDARD_AREAS
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs import common as common_dialogs
from rbdesk.ui.dialogs import next_year as next_year_dialog
from rbdesk.ui.operations import run
from rbdesk.ui.window import file_actions
from rbdesk.ui.window.action_table import Act


def _answer(
    monkeypatch, seen: list, year: int | None = None, months: bool = True, notes: bool = True
) -> None:
    def exec_(self) -> int:
        seen.append(
            (
                self.windowTitle(),
                self.year.value(),
                self.keep_months.isChecked(),
                self.keep_notes.isChecked(),
            )
        )
        if year is not None:
            self.year.setValue(year)
        self.keep_months.setChecked(months)
        self.keep_notes.setChecked(notes)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(next_year_dialog.NextYearDialog, "exec", exec_)


def test_next_year_plan_from_the_menu_is_shown_and_undoable(window, qtbot, monkeypatch):
    ctx = window.doc
    source = ctx.tree
    seen: list = []
    _answer(monkeypatch, seen, months=False)
    assert window.acts[Act.NEXT_YEAR] in window.menuBar().actions()[0].menu().actions()
    assert window.acts[Act.NEXT_YEAR].text() == "&Rencana Aksi tahun berikutnya…"
    window.acts[Act.NEXT_YEAR].trigger()
    # The choices as shown before it ran: next year, months and remarks kept by default.
    assert seen == [("Rencana Aksi tahun berikutnya", 2025, True, True)]
    assert ctx.tree.year == 2025 and ctx.plan_uuid != source.uuid
    assert [a.name for a in ctx.tree.areas] == [a.name for a in source.areas]
    assert all(i.planned == 0 for i in ctx.tree.indicators())  # cleared as asked
    assert [i.note for i in ctx.tree.indicators()] == [i.note for i in source.indicators()]
    assert ctx.tree.decree["number"] == "" and ctx.tree.decree["year"] == 2025
    assert window.plan_chooser.currentText().startswith("2025")
    assert "2025" in window.windowTitle()
    assert "Ctrl+Z" in window.message_bar.label.text()
    assert window.model.rowCount() == len(source.areas)

    new = ctx.plan_uuid
    window.acts[Act.UNDO].trigger()  # Ctrl+Z
    qtbot.waitUntil(lambda: ctx.plan_uuid == source.uuid)
    assert [p.uuid for p in list_plans(ctx.store)] == [source.uuid]
    assert window.plan_chooser.count() == 1
    with ctx.store.read():
        assert (
            ChangeLog.select()
            .where((ChangeLog.row_uuid == new) & (ChangeLog.action == "delete"))
            .exists()
        )
    # the switch back kept the undo history: Ctrl+Y brings next year's plan back, and shows it
    assert window.acts[Act.REDO].isEnabled()
    window.acts[Act.REDO].trigger()
    qtbot.waitUntil(lambda: ctx.plan_uuid == new)
    assert ctx.tree.year == 2025 and window.plan_chooser.count() == 2
    assert window.acts[Act.UNDO].isEnabled() and not window.acts[Act.REDO].isEnabled()


def test_a_year_that_has_a_plan_is_asked_about_first(window, monkeypatch, messages):
    ctx = window.doc
    source = ctx.plan_uuid
    _answer(monkeypatch, [], year=2024)
    questions = messages.questions
    messages.answer = False
    window.acts[Act.NEXT_YEAR].trigger()
    assert len(questions) == 1 and "sudah mempunyai Rencana Aksi tahun 2024" in questions[0]
    assert [p.uuid for p in list_plans(ctx.store)] == [source]  # said no: nothing
    assert ctx.plan_uuid == source
    messages.answer = True
    window.acts[Act.NEXT_YEAR].trigger()
    assert [p.year for p in list_plans(ctx.store)] == [2024, 2024]
    assert ctx.plan_uuid != source and ctx.tree.year == 2024


def test_newer_file_refuses_next_year_and_is_not_changed(
    newer_sample_path, qtbot, monkeypatch, messages
):
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    sample_path = newer_sample_path
    before = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    store = Store.open(sample_path)
    win = MainWindow(PlanDocument(store))
    qtbot.addWidget(win)
    win.show()
    assert not win.acts[Act.NEXT_YEAR].isEnabled()
    errors = messages.errors
    monkeypatch.setattr(
        next_year_dialog.NextYearDialog, "exec", lambda self: errors.append("dialog shown") or 0
    )
    file_actions.next_year_plan(win.host)  # e.g. reached before the menu greys out
    assert len(errors) == 1 and "hanya-baca" in errors[0] and "lebih baru" in errors[0]
    win.close()
    store.close()
    assert hashlib.sha256(sample_path.read_bytes()).hexdigest() == before


def test_new_plan_can_start_from_the_standard_areas(window, monkeypatch, messages):
    ctx = window.doc
    choices = iter([(True, 2025), (False, 2026), (False, 2026)])

    def exec_(self) -> int:
        standard, year = next(choices)
        self.standard.setChecked(standard)
        self.year.setValue(year)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(common_dialogs.NewPlanDialog, "exec", exec_)
    window.acts[Act.NEW_PLAN].trigger()
    assert ctx.tree.year == 2025
    assert [(a.label, a.name) for a in ctx.tree.areas] == list(STANDARD_AREAS)
    assert window.model.rowCount() == 8
    window.acts[Act.NEW_PLAN].trigger()
    assert ctx.tree.year == 2026 and not load_plan_tree(ctx.store, ctx.plan_uuid).areas
    questions = messages.questions
    messages.answer = False
    window.acts[Act.NEW_PLAN].trigger()  # 2026 again: asked, and said no
    assert len(questions) == 1 and "tahun 2026" in questions[0]
    assert [p.year for p in list_plans(ctx.store)] == [2024, 2025, 2026]


def test_undoing_next_years_plan_is_refused_once_a_colleague_worked_in_it(
    window, qtbot, monkeypatch, sample_path
):
    from rbdesk.models.edits import plan_edit

    ctx = window.doc
    source = ctx.tree.uuid
    _answer(monkeypatch, [])
    window.acts[Act.NEXT_YEAR].trigger()
    new = ctx.plan_uuid
    # this window's own edit in the new plan is undone first and never blocks the undo
    first = ctx.tree.indicators()[0]
    run(
        ctx,
        plan_edit.set_field,
        "indicator",
        first.uuid,
        "note",
        "catatan saya",
        expected_version=first.version,
    )
    with Store.open(sample_path, user="Rekan") as other:  # a colleague, another session
        plan_edit.set_field(
            other, "indicator", ctx.tree.indicators()[1].uuid, "note", "catatan rekan"
        )
    window.acts[Act.UNDO].trigger()  # Ctrl+Z
    qtbot.wait(50)
    assert ctx.plan_uuid == new  # still shown, still there
    assert {p.uuid for p in list_plans(ctx.store)} == {source, new}
    assert "Rekan" in window.message_bar.label.text()
