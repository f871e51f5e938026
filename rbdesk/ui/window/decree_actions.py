"""Berkas → Data SK…: the decree and Lampiran I edited in one dialog, saved as one undo step
and one transaction: all of it, or (a colleague changed one of its rows meanwhile) nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from rbdesk.i18n import tr
from rbdesk.models.edits.decree_edit import DecreeEdits, RowEdit, read_decree
from rbdesk.models.errors import RbdeskError
from rbdesk.ui.operations import push
from rbdesk.ui.undo.decree_steps import SaveDecreeCommand
from rbdesk.ui.window.action_host import ActionHost


def edit_decree(host: ActionHost) -> None:
    from rbdesk.ui.dialogs.decree import DecreeDialog  # loaded on first use

    doc, tree = host.doc, host.doc.tree
    if tree is None:
        return
    try:
        # Read now, not from the snapshot: the version shown is the one the save is checked
        # against, so a colleague's change after this moment is refused, not overwritten.
        decree, version = read_decree(doc.store, tree.uuid)
    except RbdeskError as exc:
        host.notify.show_message(exc.message, error=True)
        return
    dialog = DecreeDialog(
        decree,
        list(tree.teams),
        list(tree.areas),
        host.parent,
        readonly=doc.readonly,
        plan_year=tree.year,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    page = dialog.teams_page
    edits = DecreeEdits(
        tree.uuid,
        version,
        decree=None if dialog.checked == decree else dialog.checked,
        teams=tuple(
            RowEdit(team.uuid, team.version, fields) for team, fields in page.team_changes()
        ),
        members=tuple(
            RowEdit(uuid, member_version, after)
            for uuid, _before, after, member_version in page.member_changes()
        ),
    )
    if edits.empty:
        host.notify.show_message(tr("Data SK tidak berubah."))
        return
    notify = host.notify.show_message
    command = SaveDecreeCommand(doc, edits, notify)
    # A refused first write makes the command obsolete: push then leaves no step.
    outcome = push(command)
    if not outcome.ok:
        notify(
            " ".join([tr("Data SK tidak disimpan; tidak ada yang diubah."), outcome.message]),
            error=True,
        )
        return
    notes = command.backward.notes if command.backward is not None else ()
    saved = tr("Data SK disimpan; PDF SK dan lampirannya memakai isi baru. Urungkan dengan Ctrl+Z.")
    notify(" ".join([saved, *notes]))
