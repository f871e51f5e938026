"""Berkas → Data SK… through the real window: fields, lists, Lampiran I, one undo step, the
colleague's change refused, the PDF following at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog

from rbdesk.models.domain.tree import load_plan_tree
from rbdesk.models.edits.decree_edit import read_decree, set_decree_fields
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.models.storage.store import Store
from rbdesk.ui.dialogs import decree as decree_dialog
from rbdesk.ui.dialogs.decree_lists import EntryListModel, MemberTableModel
from rbdesk.ui.window.action_table import Act


def _drive(
    monkeypatch: pytest.MonkeyPatch, steps: Callable[[decree_dialog.DecreeDialog], None], seen: list
) -> None:
    """The dialog, when shown, runs ``steps`` as the user would, then presses Simpan."""

    def exec_(self) -> int:
        seen.append(self)
        steps(self)
        self.save_button.click()
        return self.result()

    monkeypatch.setattr(decree_dialog.DecreeDialog, "exec", exec_)


def _decree(window) -> dict:
    return read_decree(window.doc.store, window.doc.plan_uuid)[0]


def test_fields_and_reordered_mengingat_saved_as_one_undo_step(window, monkeypatch, qtbot):
    ctx = window.doc
    before = _decree(window)
    seen: list = []

    def steps(d) -> None:
        assert d.windowTitle() == "Data SK"
        assert d.date.text() == "2 Januari 2024"  # shown as people write it
        d.fields["number"].setText("027/HK.03-Kpt/5371/2024")
        d.calendar_button.menu().aboutToShow.emit()
        assert d.calendar.selectedDate().toString("yyyy-MM-dd") == "2024-01-02"
        d.calendar.clicked.emit(QDate(2024, 2, 5))  # picked from the calendar
        assert d.date.text() == "5 Februari 2024"
        d.fields["signatory_nip"].setText("19700101 199003 1 001")
        d.tabs.setCurrentIndex(2)  # Mengingat
        editor = d.legalBases_editor
        editor.select(2)
        editor.up_button.click()
        assert editor.current_row() == 1
        d.paraf_editor.add()
        d.paraf_editor.text.setPlainText("Sekretaris")

    _drive(monkeypatch, steps, seen)
    assert window.acts[Act.DECREE] in window.menuBar().actions()[0].menu().actions()
    window.acts[Act.DECREE].trigger()
    after = _decree(window)
    assert after["number"] == "027/HK.03-Kpt/5371/2024"
    assert after["date"] == "2024-02-05"
    assert after["signatory_nip"] == "19700101 199003 1 001"
    assert after["paraf"] == ["Sekretaris"]
    old = [e["text"] for e in before["legal_bases"]]
    assert [e["text"] for e in after["legal_bases"]] == [old[0], old[2], old[1], *old[3:]]
    assert [e["label"] for e in after["legal_bases"]] == [f"{n}." for n in range(1, len(old) + 1)]
    assert ctx.tree.decree["number"] == "027/HK.03-Kpt/5371/2024"  # the window follows
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "Ubah data SK"
    assert "Data SK disimpan" in window.message_bar.label.text()
    with ctx.store.read():
        assert (
            ChangeLog.select()
            .where(
                (ChangeLog.row_uuid == ctx.plan_uuid)
                & (ChangeLog.field == "decree.number")
                & (ChangeLog.user == "Penguji")
            )
            .exists()
        )
    window.acts[Act.UNDO].trigger()
    assert _decree(window) == before
    assert ctx.tree.decree["number"] == "1a"
    window.acts[Act.REDO].trigger()
    assert _decree(window)["number"] == "027/HK.03-Kpt/5371/2024"


def test_a_date_that_is_no_date_keeps_the_dialog_open_and_changes_nothing(window, monkeypatch):
    before = _decree(window)
    seen: list = []

    def steps(d) -> None:
        d.fields["number"].setText("99")
        d.date.setText("30 Februari 2024")

    _drive(monkeypatch, steps, seen)
    window.acts[Act.DECREE].trigger()
    dialog = seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "bukan tanggal" in dialog.error.text() and "Tidak ada yang diubah" in dialog.error.text()
    assert _decree(window) == before
    assert window.doc.undo_stack.count() == 0


def test_colleagues_change_meanwhile_is_refused(window, monkeypatch, sample_path: Path):
    ctx = window.doc

    def steps(d) -> None:
        d.fields["number"].setText("88")
        # A colleague saves the decree while the dialog is open.
        with Store.open(sample_path, user="Rekan") as other:
            set_decree_fields(other, ctx.plan_uuid, {"place": "Kota Kupang"})

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    decree = _decree(window)
    assert (decree["number"], decree["place"]) == ("1a", "Kota Kupang")  # theirs survives
    assert "Rekan" in window.message_bar.label.text()
    assert ctx.tree.decree["place"] == "Kota Kupang"  # view refreshed
    assert ctx.undo_stack.count() == 0


def test_lampiran_teams_duties_area_and_members(window, monkeypatch, qtbot):
    ctx = window.doc
    tree = ctx.tree
    team = next(t for t in tree.teams if t.label == "III")
    area = tree.areas[2]

    def steps(d) -> None:
        d.tabs.setCurrentIndex(4)
        d.teams_page.lampiran["lampiran_1"].setText("SUSUNAN TIM")
        d.teams_page.team.setCurrentIndex(d.teams_page.team.findData(team.uuid))
        d.teams_page.team_name.setText("TIM PENGUATAN ORGANISASI")
        d.teams_page.team_name.textEdited.emit("TIM PENGUATAN ORGANISASI")
        d.teams_page.team_area.setCurrentIndex(d.teams_page.team_area.findData(area.uuid))
        d.teams_page.duties_editor.add()
        d.teams_page.duties_editor.text.setPlainText("z. Tugas tambahan.")
        d.teams_page.members.setData(d.teams_page.members.index(0, 2), "Kasubbag Baru")
        d.teams_page.team.setCurrentIndex(0)  # away and back: the edits are kept
        d.teams_page.team.setCurrentIndex(d.teams_page.team.findData(team.uuid))
        assert d.teams_page.team_name.text() == "TIM PENGUATAN ORGANISASI"
        d.tabs.setCurrentIndex(3)
        d.teams_button.click()
        assert "c. Tim Penguatan Organisasi;" in d.decisions.field(0, "items")

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    fresh = load_plan_tree(ctx.store, ctx.plan_uuid)
    edited = next(t for t in fresh.teams if t.uuid == team.uuid)
    assert edited.name == "TIM PENGUATAN ORGANISASI"
    assert edited.area_uuid == area.uuid
    assert edited.duties[-1] == "z. Tugas tambahan."
    assert edited.members[0].position == "Kasubbag Baru"
    assert fresh.decree["attachment_titles"]["lampiran_1"] == "SUSUNAN TIM"
    assert "c. Tim Penguatan Organisasi;" in fresh.decree["decisions"][0]["items"]
    assert ctx.undo_stack.count() == 1  # one step for the whole dialog
    window.acts[Act.UNDO].trigger()
    back = load_plan_tree(ctx.store, ctx.plan_uuid)
    again = next(t for t in back.teams if t.uuid == team.uuid)
    assert (again.name, again.area_uuid, again.duties) == (team.name, team.area_uuid, team.duties)
    assert again.members[0].position == team.members[0].position
    assert back.decree == tree.decree


def test_pdf_follows_at_once(window, monkeypatch, tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")

    def steps(d) -> None:
        d.fields["number"].setText("777/PP.01-Kpt/2024")

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    out = tmp_path / "sk.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), a[-1])))
    action = next(a for a in window.acts if "SK &lengkap" in a.text())
    action.trigger()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "NOMOR 777/PP.01-Kpt/2024 TAHUN 2024" in text


def test_models_pass_the_model_tester(window, qtmodeltester, monkeypatch):
    def steps(d) -> None:
        qtmodeltester.check(d.considerations)
        qtmodeltester.check(d.legal_bases)
        qtmodeltester.check(d.decisions)
        qtmodeltester.check(d.teams_page.members)
        qtmodeltester.check(d.teams_page.duties)
        d.reject()

    monkeypatch.setattr(
        decree_dialog.DecreeDialog, "exec", lambda self: steps(self) or self.result()
    )
    window.acts[Act.DECREE].trigger()
    lists = EntryListModel([{"text": "a"}, {"text": "b"}, {"text": "c"}], None)
    qtmodeltester.check(lists)
    lists.move(0, 2)
    lists.insert(1, {"text": "x"})
    lists.remove(3)
    assert lists.texts() == ["b", "x", "c"]
    qtmodeltester.check(lists)
    members = MemberTableModel()
    members.set_rows([{"name": "A", "role": "Ketua", "position": "Sekretaris"}])
    qtmodeltester.check(members)


def test_a_new_plans_empty_decree_saved_unchanged_changes_nothing(window, monkeypatch):
    from rbdesk.models.edits.plan_edit import add_plan

    ctx = window.doc
    uuid = add_plan(ctx.store, "KPU Kota Baru", 2025)
    ctx.set_plan(uuid)
    seen: list = []
    _drive(monkeypatch, lambda d: None, seen)
    window.acts[Act.DECREE].trigger()
    assert seen[0].fields["number"].text() == "" and seen[0].date.text() == ""
    assert read_decree(ctx.store, uuid)[0] == {}
    assert ctx.undo_stack.count() == 0
    assert "tidak berubah" in window.message_bar.label.text()


def test_read_only_file_shows_the_decree_but_cannot_save(sample_path: Path, qtbot, monkeypatch):
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.window.main_window import MainWindow

    store = Store.open(sample_path, readonly=True)
    win = MainWindow(PlanDocument(store))
    qtbot.addWidget(win)
    seen: list = []
    monkeypatch.setattr(
        decree_dialog.DecreeDialog, "exec", lambda self: seen.append(self) or self.result()
    )
    win.acts[Act.DECREE].trigger()
    assert seen[0].fields["number"].text() == "1a"
    assert not seen[0].save_button.isEnabled()
    win.close()
    store.close()


def test_a_team_a_colleague_renamed_meanwhile_is_refused_and_leaves_no_step(
    window, monkeypatch, sample_path: Path
):
    from rbdesk.models.edits import roster_edit

    ctx = window.doc
    team = next(t for t in ctx.tree.teams if t.label == "IV")

    def steps(d) -> None:
        d.teams_page.team.setCurrentIndex(d.teams_page.team.findData(team.uuid))
        d.teams_page.team_name.setText("TIM SAYA")
        d.teams_page.team_name.textEdited.emit("TIM SAYA")
        with Store.open(sample_path, user="Rekan") as other:
            roster_edit.update_team(other, team.uuid, name="TIM REKAN")

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    fresh = load_plan_tree(ctx.store, ctx.plan_uuid)
    assert next(t for t in fresh.teams if t.uuid == team.uuid).name == "TIM REKAN"
    assert "Rekan" in window.message_bar.label.text()
    assert ctx.undo_stack.count() == 0 and not ctx.undo_stack.canUndo()


def _rename(d, team_uuid: str, name: str) -> None:
    page = d.teams_page
    page.team.setCurrentIndex(page.team.findData(team_uuid))
    page.team_name.setText(name)
    page.team_name.textEdited.emit(name)


def test_a_save_refused_anywhere_writes_none_of_it(window, monkeypatch, sample_path: Path):
    """The number, team V's name and a member's position are not saved when a colleague
    renamed team IV meanwhile: one transaction, no undo step, the window says so."""
    from rbdesk.models.edits import roster_edit

    ctx = window.doc
    t4 = next(t for t in ctx.tree.teams if t.label == "IV")
    t5 = next(t for t in ctx.tree.teams if t.label == "V")
    before = _decree(window)

    def steps(d) -> None:
        d.fields["number"].setText("NOMOR-SAYA")
        _rename(d, t5.uuid, "TIM LIMA SAYA")
        d.teams_page.members.setData(d.teams_page.members.index(0, 2), "Jabatan Saya")
        _rename(d, t4.uuid, "TIM SAYA")
        with Store.open(sample_path, user="Rekan") as other:
            roster_edit.update_team(other, t4.uuid, name="TIM REKAN")

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    fresh = load_plan_tree(ctx.store, ctx.plan_uuid)
    names = {t.uuid: t.name for t in fresh.teams}
    assert (names[t4.uuid], names[t5.uuid]) == ("TIM REKAN", t5.name)
    assert (
        next(t for t in fresh.teams if t.uuid == t5.uuid).members[0].position
        == t5.members[0].position
    )
    assert _decree(window) == before
    text = window.message_bar.label.text()
    assert "Data SK tidak disimpan" in text and "Rekan" in text
    assert next(t for t in ctx.tree.teams if t.uuid == t4.uuid).name == "TIM REKAN"  # refreshed
    assert ctx.undo_stack.count() == 0


def test_undo_and_redo_say_so_and_are_refused_whole(window, monkeypatch, sample_path: Path):
    from rbdesk.models.edits import roster_edit

    ctx = window.doc
    t5 = next(t for t in ctx.tree.teams if t.label == "V")

    def steps(d) -> None:
        d.fields["number"].setText("55")
        _rename(d, t5.uuid, "TIM LIMA")

    _drive(monkeypatch, steps, [])
    window.acts[Act.DECREE].trigger()
    assert "Urungkan dengan Ctrl+Z" in window.message_bar.label.text()
    window.acts[Act.UNDO].trigger()
    text = window.message_bar.label.text()
    assert "diurungkan" in text and "Data SK disimpan" not in text
    assert (
        _decree(window)["number"],
        next(t for t in ctx.tree.teams if t.uuid == t5.uuid).name,
    ) == ("1a", t5.name)
    window.acts[Act.REDO].trigger()
    assert "dikembalikan" in window.message_bar.label.text()
    assert _decree(window)["number"] == "55"
    # A colleague renames the team after the redo: undo is refused whole, the number stays.
    with Store.open(sample_path, user="Rekan") as other:
        roster_edit.update_team(other, t5.uuid, name="TIM REKAN")
    window.acts[Act.UNDO].trigger()
    assert _decree(window)["number"] == "55"
    assert next(t for t in ctx.tree.teams if t.uuid == t5.uuid).name == "TIM REKAN"
    assert "Rekan" in window.message_bar.label.text()


def test_kesatu_follows_a_renamed_team(window, monkeypatch):
    ctx = window.doc
    t3 = next(t for t in ctx.tree.teams if t.label == "III")
    seen: list = []

    def steps(d) -> None:
        d.tabs.setCurrentIndex(4)
        _rename(d, t3.uuid, "TIM PENGUATAN ORGANISASI")
        assert d.kesatu_note.isHidden()  # KESATU names the team: it follows

    _drive(monkeypatch, steps, seen)
    window.acts[Act.DECREE].trigger()
    items = _decree(window)["decisions"][0]["items"]
    assert "c. Tim Penguatan Organisasi;" in items
    assert "c. Tim Penguatan Kelembagaan;" not in items
    assert ctx.undo_stack.count() == 1
    window.acts[Act.UNDO].trigger()
    assert "c. Tim Penguatan Kelembagaan;" in _decree(window)["decisions"][0]["items"]


def test_a_renamed_team_kesatu_does_not_name_gets_a_note(window, monkeypatch):
    ctx = window.doc
    # Team VIII is "Peningkatan…" in the roster but "Penguatan…" in the printed KESATU.
    t8 = next(t for t in ctx.tree.teams if t.label == "VIII")
    seen: list = []

    def steps(d) -> None:
        _rename(d, t8.uuid, "TIM PELAYANAN PUBLIK")
        assert not d.kesatu_note.isHidden()
        assert "Isi rincian dari daftar tim Lampiran I" in d.kesatu_note.text()
        d.tabs.setCurrentIndex(3)
        d.teams_button.click()  # refilled: nothing left to say
        assert d.kesatu_note.isHidden()
        _rename(d, t8.uuid, "TIM PELAYANAN PUBLIK BARU")
        assert not d.kesatu_note.isHidden()  # the note does not stop the save

    _drive(monkeypatch, steps, seen)
    window.acts[Act.DECREE].trigger()
    assert seen[0].result() == QDialog.DialogCode.Accepted
    fresh = load_plan_tree(ctx.store, ctx.plan_uuid)
    assert next(t for t in fresh.teams if t.uuid == t8.uuid).name == "TIM PELAYANAN PUBLIK BARU"
    text = window.message_bar.label.text()  # said again with the saved message
    assert "Data SK disimpan" in text and "Diktum KESATU tidak memuat" in text


def test_a_date_outside_the_decree_year_is_asked_about(window, monkeypatch, messages):
    """ "2 Januari 2025" on the 2024 SK is asked about: "no" keeps the dialog open and saves
    nothing, "yes" saves it; later edits of other fields do not ask again (issue 20, item 10)."""
    answers = [False, True]
    messages.answer = lambda text: answers.pop(0)
    asked = messages.questions
    seen: list = []
    _drive(monkeypatch, lambda d: d.date.setText("2 Januari 2025"), seen)
    window.acts[Act.DECREE].trigger()
    assert len(asked) == 1 and "2 Januari 2025" in asked[0] and "(2024)" in asked[0]
    assert seen[0].result() != QDialog.DialogCode.Accepted
    assert _decree(window)["date"] == "2024-01-02"
    assert window.doc.undo_stack.count() == 0
    window.acts[Act.DECREE].trigger()
    assert len(asked) == 2 and _decree(window)["date"] == "2025-01-02"
    _drive(monkeypatch, lambda d: d.fields["number"].setText("2"), seen)
    window.acts[Act.DECREE].trigger()
    assert len(asked) == 2 and _decree(window)["number"] == "2"
    # a date in the decree's year is taken without a word
    _drive(monkeypatch, lambda d: d.date.setText("3 Januari 2024"), seen)
    window.acts[Act.DECREE].trigger()
    assert len(asked) == 2 and _decree(window)["date"] == "2024-01-03"
