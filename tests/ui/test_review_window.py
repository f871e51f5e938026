"""Evidence review through the real window: the panel's controls, the grid's badge and verified
capaian, the filters, the Bulan ini groups, undo, and a refused review of an unrealised month."""

from __future__ import annotations

import pytest
from dock_fixtures import group_count, group_index
from grid_helpers import rows, show_evidence
from PySide6.QtCore import Qt
from test_window_exports import save_to  # noqa: F401

from rbdesk.models.domain import progress
from rbdesk.models.domain.month_cells import LeafCell
from rbdesk.models.domain.month_overview import GROUP_REVISION, GROUP_SUBMITTED
from rbdesk.models.domain.node_reads import load_indicator
from rbdesk.models.domain.tree import load_plan_tree
from rbdesk.models.edits import realisation, roster_edit
from rbdesk.models.storage.schema import ChangeLog
from rbdesk.ui.grid.month_delegate import paint_state
from rbdesk.ui.grid.plan_columns import COL_CAPAIAN, COL_VERIFIED, month_column
from rbdesk.ui.roles import Role
from rbdesk.ui.window.action_table import Act


def test_review_is_recorded_from_the_panel_and_shown_everywhere(window, qtbot):
    uuid, index, dock = show_evidence(window, qtbot, "LHKPN", 3)
    box = dock.review
    assert box.honesty.isVisible() and "tidak dikunci" in box.honesty.text()
    # Not realised yet: nothing to review, the buttons say so by being off.
    assert "Belum ada realisasi" in box.state_label.text()
    assert not box.buttons["memenuhi"].isEnabled()
    dock.status_buttons["selesai"].click()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "diajukan"
    assert "Diajukan" in box.state_label.text() and box.buttons["memenuhi"].isEnabled()
    march = index.siblingAtColumn(month_column(3))
    assert march.data(Role.REVIEW) == "diajukan"
    assert "menunggu verifikasi" in march.data(Qt.ItemDataRole.ToolTipRole)

    assert not box.warning.isVisible()  # no name: this PC's user, as the field says
    assert box.reviewer.currentText() == "Penguji" and not box.reviewer.isEnabled()
    # A revision needs its reason; without it the panel shows the model's message.
    box.for_other.setChecked(True)  # recording for someone else: a deliberate choice
    box.reviewer.setEditText("Orang Luar")
    assert box.warning.isVisible() and "tetap dicatat" in box.warning.text()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1280 and hint.height() <= 720  # the panel still fits the office PC
    qtbot.mouseClick(box.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    assert "perlu catatan" in dock.message.text()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "diajukan"

    pengarah = next(t for t in window.doc.tree.teams if t.kind == "pengarah").members[0]
    box.reviewer.setEditText(pengarah.person_name)
    assert not box.warning.isVisible()
    qtbot.keyClicks(box.note, "Lampirkan LHKPN yang sudah diverifikasi")
    qtbot.mouseClick(box.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    fresh = load_indicator(window.doc.store, uuid)
    cell = fresh.realisation[3]
    assert (cell.review_state, cell.reviewed_by, cell.review_note) == (
        "perlu_revisi",
        pengarah.person_name,
        "Lampirkan LHKPN yang sudah diverifikasi",
    )
    assert (
        "Perlu revisi" in box.state_label.text() and pengarah.person_name in box.state_label.text()
    )
    assert march.data(Role.REVIEW) == "perlu_revisi"
    assert "Lampirkan LHKPN" in march.data(Qt.ItemDataRole.ToolTipRole)
    with window.doc.store.read():
        assert ChangeLog.select().where(ChangeLog.field == "review_note[3]").exists()

    # Bulan ini (June): the month needs revision, and nothing of it awaits review.
    month = window.docks["monthDock"]
    month.show()
    month.refresh()
    model = month.items_model
    assert group_count(model, GROUP_REVISION) >= 1 and any(
        i.data(Role.UUID) == uuid for i in _items(model, GROUP_REVISION)
    )
    assert "perlu revisi/ditolak" in month.summary.text()

    # Undo gives the earlier state back; redo records it again.
    window.acts[Act.UNDO].trigger()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "diajukan"
    window.acts[Act.REDO].trigger()
    assert load_indicator(window.doc.store, uuid).review_state(3) == "perlu_revisi"

    # Accepting makes the month count in the verified capaian of the grid.
    qtbot.mouseClick(box.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    assert load_indicator(window.doc.store, uuid).review_state(3) == "memenuhi"
    area = index
    while area.parent().isValid():
        area = area.parent()
    tree = load_plan_tree(window.doc.store, window.doc.tree.uuid)
    node = next(a for a in tree.areas if a.uuid == area.data(Role.UUID))
    now = window.doc.today_month()
    reported = progress.format_percent(progress.capaian(node, now))
    verified = progress.format_percent(progress.capaian(node, now, verified=True))
    assert area.siblingAtColumn(COL_CAPAIAN).data() == reported
    assert area.siblingAtColumn(COL_VERIFIED).data() == verified != "0%"


def _items(model, kind):
    group = group_index(model, kind)
    for a in range(model.rowCount(group)):
        area = model.index(a, 0, group)
        for r in range(model.rowCount(area)):
            yield model.index(r, 0, area)


def test_changing_a_reviewed_month_submits_it_again_and_undo_restores(window, qtbot):
    uuid, index, dock = show_evidence(window, qtbot, "LHKASN", 2)
    dock.status_buttons["sebagian"].click()
    dock.review.reviewer.setEditText("Penguji")
    qtbot.mouseClick(dock.review.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    assert load_indicator(window.doc.store, uuid).review_state(2) == "memenuhi"
    dock.status_buttons["selesai"].click()  # an accepted month changed: submitted again
    assert load_indicator(window.doc.store, uuid).review_state(2) == "diajukan"
    window.acts[Act.UNDO].trigger()  # back to what the reviewer saw, and accepted
    fresh = load_indicator(window.doc.store, uuid)
    assert (fresh.status(2), fresh.review_state(2)) == ("sebagian", "memenuhi")


def test_review_filters_and_awaiting_group(window, qtbot):
    store, tree = window.doc.store, window.doc.tree
    inds = tree.indicators()
    realisation.set_status(store, inds[0].uuid, 1, "selesai")
    realisation.set_status(store, inds[1].uuid, 2, "selesai")
    from rbdesk.models.edits import review

    review.review_month(store, inds[1].uuid, 2, "ditolak", note="Bukan bukti bulan ini")
    window.doc.reload()
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("review:diajukan"))
    shown = {i.data(Role.INDICATOR_UUID) for i in rows(window.proxy)} - {""}
    assert inds[0].uuid in shown and inds[1].uuid not in shown
    bar.status.setCurrentIndex(bar.status.findData("review:ditolak"))
    shown = {i.data(Role.INDICATOR_UUID) for i in rows(window.proxy)} - {""}
    assert shown == {inds[1].uuid}
    bar.clear()
    month = window.docks["monthDock"]
    month.show()
    month.refresh()
    waiting = {i.data(Role.UUID) for i in _items(month.items_model, GROUP_SUBMITTED)}
    fixing = {i.data(Role.UUID) for i in _items(month.items_model, GROUP_REVISION)}
    assert inds[0].uuid in waiting and inds[1].uuid in fixing
    assert any("■" in (i.data() or "") for i in _items(month.items_model, GROUP_REVISION))


def test_reviewer_flag_is_set_in_the_person_dialog(window, qtbot, monkeypatch):
    from rbdesk.ui.dialogs.roster import PersonDialog

    persons = roster_edit.list_persons(window.doc.store)
    person = next(p for p in persons if p.name.startswith("Sri"))
    dialog = PersonDialog(window, window.doc.tree.teams, person)
    qtbot.addWidget(dialog)
    assert not dialog.reviewer.isChecked()
    dialog.reviewer.setChecked(True)
    assert dialog.fields()["reviewer"] is True


@pytest.mark.parametrize("review", ["diajukan", "memenuhi", "perlu_revisi", "ditolak"])
def test_review_badges_are_drawn_apart(qapp, review):
    """Each state's badge differs from the others' (shape and colour) in the painted pixels."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    def draw(state: str) -> QImage:
        image = QImage(40, 24, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        paint_state(
            painter,
            QRectF(0, 0, 40, 24),
            LeafCell(progress.MonthState.DONE, "selesai", 0, "", False).state,
            "selesai",
            0,
            state,
        )
        painter.end()
        return image

    mine = draw(review)
    assert mine != draw("")
    for other in ("diajukan", "memenuhi", "perlu_revisi", "ditolak"):
        if other != review:
            assert mine != draw(other)


def test_period_report_from_the_menu_shows_reported_and_verified(window, qtbot, save_to):  # noqa: F811
    """Reviews reach the semester report: each area's row and the JUMLAH row carry the models'
    reported and verified capaian, and the reviewer's verdict and note are listed."""
    import re

    from rbdesk.models import clock
    from rbdesk.models.domain.months import current_month
    from rbdesk.models.edits import review

    pypdf = pytest.importorskip("pypdf")
    store, area = window.doc.store, window.doc.tree.areas[0]
    done = [(i.uuid, m) for i in progress.indicators_of(area) for m in i.planned_months if m <= 6]
    for k, (ind, m) in enumerate(done):
        realisation.set_status(store, ind, m, "selesai")
        if k % 3 == 0:
            review.review_month(store, ind, m, "memenuhi", by="Deky Ballo")
    window.doc.reload()
    _uuid, _index, dock = show_evidence(window, qtbot, "LHKASN", 6)
    dock.status_buttons["selesai"].click()
    dock.review.for_other.setChecked(True)
    dock.review.reviewer.setEditText("Deky Ballo")
    dock.review.note.setText("Tanda terima belum ada")
    qtbot.mouseClick(dock.review.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    chosen = save_to("semester.pdf")
    action = next(a for a in window.acts if a.text().endswith("Semester I…"))
    action.trigger()
    assert save_to.errors == []
    flat = re.sub(
        r"\s+",
        "",
        "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(chosen["path"])).pages),
    )
    tree = load_plan_tree(store, window.doc.tree.uuid)
    now = current_month(tree.year, clock.today())
    node = tree.areas[0]
    reported = progress.total(progress.indicators_of(node), 6, now).percent
    verified = progress.total(progress.indicators_of(node), 6, now, verified=True).percent
    assert verified is not None and reported is not None and 10 < verified < reported
    row = flat[flat.index(re.sub(r"\s+", "", node.name)) :][:160]
    assert f"{reported:.0f}%" in row and f"{verified:.0f}%" in row
    jumlah = flat[flat.index("JUMLAH") :][:60]
    grand = progress.total(tree.indicators(), 6, now)
    grand_v = progress.total(tree.indicators(), 6, now, verified=True)
    assert f"{grand.percent:.0f}%" in jumlah and f"{grand_v.percent:.0f}%" in jumlah
    assert "MemenuhiolehDekyBallo" in flat and "PerlurevisiolehDekyBallo" in flat
    assert "Tandaterimabelumada" in flat


def test_review_groups_and_legend_pass_checks(window, qtbot, qtmodeltester):
    from rbdesk.models.edits import review

    store, inds = window.doc.store, window.doc.tree.indicators()
    for k, ind in enumerate(inds[:6]):
        realisation.set_status(store, ind.uuid, 2, "selesai")
        if k % 2:
            review.review_month(store, ind.uuid, 2, "perlu_revisi", note="Kurang foto")
    window.doc.reload()
    month = window.docks["monthDock"]
    month.show()
    month.refresh()
    assert group_count(month.items_model, GROUP_REVISION) == 3
    assert group_count(month.items_model, GROUP_SUBMITTED) == 3
    qtmodeltester.check(month.items_model)
    assert {"menunggu", "memenuhi", "revisi", "ditolak"} <= set(window.legend.labels)


def test_marking_a_reviewer_in_the_roster_offers_them_in_the_review_box(window, qtbot):
    from rbdesk.ui.panels import roster_actions
    from rbdesk.ui.panels.roster_model import PersonListModel

    roster = window.docks["rosterDock"]
    roster.show()
    roster.refresh()
    person = next(p for p in roster.persons if p.name.startswith("Sri"))
    assert roster_actions.edit_person(
        roster, person.uuid, {**_fields(person), "reviewer": True}, shown=person
    )
    assert next(
        p for p in roster_edit.list_persons(window.doc.store) if p.uuid == person.uuid
    ).reviewer
    roster.refresh()
    model = roster.person_model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(Role.UUID) == person.uuid
    )
    assert "peninjau" in model.index(row, PersonListModel.COL_NAME).data(
        Qt.ItemDataRole.ToolTipRole
    )
    _uuid, _index, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    names = [dock.review.reviewer.itemText(i) for i in range(dock.review.reviewer.count())]
    assert person.name in names
    dock.review.for_other.setChecked(True)
    dock.review.reviewer.setEditText(person.name)
    assert not dock.review.warning.isVisible()
    window.acts[Act.UNDO].trigger()  # the status
    window.acts[Act.UNDO].trigger()  # the reviewer flag
    assert not next(
        p for p in roster_edit.list_persons(window.doc.store) if p.uuid == person.uuid
    ).reviewer


def _fields(person):
    return {
        "name": person.name,
        "position": person.position,
        "unit": person.unit,
        "nip": person.nip,
        "reviewer": person.reviewer,
    }


def test_review_of_an_unrealised_month_from_the_window_says_why_and_changes_nothing(window, qtbot):
    uuid, _index, dock = show_evidence(window, qtbot, "LHKPN", 4)
    with window.doc.store.read():
        before = ChangeLog.select().count()
    steps = window.doc.undo_stack.count()
    assert not dock.review.buttons["memenuhi"].isEnabled()
    assert not dock.review.record("memenuhi")  # as if a stale button were pressed
    assert "belum ada realisasinya" in dock.message.text() and dock.message.isVisible()
    with window.doc.store.read():
        assert ChangeLog.select().count() == before
    assert window.doc.undo_stack.count() == steps
    assert load_indicator(window.doc.store, uuid).review_state(4) == ""


def test_the_review_box_records_as_the_current_user_and_for_another_only_by_choice(
    window, qtbot, messages, monkeypatch
):
    """Issue 20, item 6: after Ganti nama pengguna the box shows the new user; recording for a
    Pengarah is a deliberate tick, and the panel and Riwayat say who wrote it for whom."""
    from rbdesk.models.domain.history import query_history
    from rbdesk.ui.dialogs import common

    uuid, index, dock = show_evidence(window, qtbot, "LHKPN", 3)
    dock.status_buttons["selesai"].click()
    box = dock.review
    assert box.reviewer.currentText() == "Penguji" and not box.reviewer.isEnabled()

    # Berkas → Ganti nama pengguna, answered "Siti Rahma".
    monkeypatch.setattr(common.UserNameDialog, "exec", lambda self: 1)
    monkeypatch.setattr(common.UserNameDialog, "value", lambda self: "Siti Rahma")
    window.acts[Act.USER].trigger()
    assert window.doc.user == "Siti Rahma"
    assert box.reviewer.currentText() == "Siti Rahma"
    assert "Siti Rahma" in box.reviewer.lineEdit().placeholderText()
    assert "Penguji" not in box.reviewer.lineEdit().placeholderText()
    qtbot.mouseClick(box.buttons["memenuhi"], Qt.MouseButton.LeftButton)
    cell = load_indicator(window.doc.store, uuid).realisation[3]
    assert cell.reviewed_by == "Siti Rahma"
    assert "dicatat oleh" not in box.state_label.text()

    # For a Pengarah who reviewed on paper: only with the box ticked.
    pengarah = next(t for t in window.doc.tree.teams if t.kind == "pengarah").members[0]
    box.for_other.setChecked(True)
    assert box.reviewer.isEnabled() and box.reviewer.currentText() == ""
    box.reviewer.setEditText(pengarah.person_name)
    box.note.setText("Perbaiki daftar hadir")
    qtbot.mouseClick(box.buttons["perlu_revisi"], Qt.MouseButton.LeftButton)
    cell = load_indicator(window.doc.store, uuid).realisation[3]
    assert cell.reviewed_by == pengarah.person_name
    said = f"dicatat oleh Siti Rahma atas nama {pengarah.person_name}"
    assert said in box.state_label.text()
    assert not box.for_other.isChecked()  # the next verdict is the user's own again
    assert box.reviewer.currentText() == "Siti Rahma"
    entries = query_history(window.doc.store, row_uuid=uuid)
    assert any(e.new_text == said for e in entries if e.field.startswith("reviewed_by"))
