"""Berkas → Data SK…: the decree and Lampiran I edited in one dialog, saved as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog

from rbdesk.i18n import tr
from rbdesk.models.edits.decree_edit import read_decree
from rbdesk.models.errors import RbdeskError
from rbdesk.ui.undo.decree_commands import EditDecreeCommand
from rbdesk.ui.undo.roster_commands import EditMemberCommand, EditTeamCommand
from rbdesk.ui.window.context import AppContext

if TYPE_CHECKING:
    from rbdesk.models.domain.tree import TeamNode
    from rbdesk.ui.window.main_window import MainWindow


def edit_decree(win: MainWindow) -> None:
    from rbdesk.ui.dialogs.decree import DecreeDialog  # loaded on first use

    ctx, tree = win.ctx, win.ctx.tree
    if tree is None:
        return
    try:
        # Read now, not from the snapshot: the version shown is the one the save is checked
        # against, so a colleague's change after this moment is refused, not overwritten.
        decree, version = read_decree(ctx.store, tree.uuid)
    except RbdeskError as exc:
        win.show_message(exc.message, error=True)
        return
    dialog = DecreeDialog(decree, list(tree.teams), list(tree.areas), win,
                          readonly=ctx.readonly, plan_year=tree.year)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    page = dialog.teams_page
    saved = save_edits(ctx, tree.uuid, decree, dialog.checked, version, page.team_changes(),
                       page.member_changes())
    if saved is None:
        win.show_message(tr("Data SK tidak berubah."))
    elif saved:
        win.show_message(tr("Data SK disimpan; PDF SK dan lampirannya memakai isi baru. "
                            "Urungkan dengan Ctrl+Z."))


def save_edits(ctx: AppContext, plan_uuid: str, before: dict[str, Any], after: dict[str, Any],
               version: int, teams: list[tuple[TeamNode, dict[str, Any]]],
               members: list[tuple[str, dict[str, str], dict[str, str], int]]) -> bool | None:
    """Push the dialog's edits as one undo step; True when saved, False when refused, None when
    there was nothing to save. A refused decree stops the rest (it was checked against the
    version shown; the roster edits belong with it)."""
    if after == before and not teams and not members:
        return None
    stack = ctx.undo_stack
    stack.beginMacro(tr("Ubah data SK"))
    ok = True
    try:
        if after != before:
            command = EditDecreeCommand(ctx, plan_uuid, before, after, version)
            outcome = command.outcome
            stack.push(command)
            ok = outcome["ok"]
        for team, fields in teams if ok else []:
            old = {"name": team.name, "duties": list(team.duties), "area": team.area_uuid}
            cmd = EditTeamCommand(ctx, team.uuid, {k: old[k] for k in fields}, fields,
                                  team.version)
            result = cmd.outcome
            stack.push(cmd)
            ok = ok and result.ok
        for member_uuid, old_fields, new_fields, member_version in members if ok else []:
            cmd_m = EditMemberCommand(ctx, member_uuid, old_fields, new_fields, member_version)
            result = cmd_m.outcome
            stack.push(cmd_m)
            ok = ok and result.ok
    finally:
        stack.endMacro()
    macro = stack.command(stack.index() - 1)
    if macro is not None and macro.childCount() == 0:
        # Everything was refused: no empty step on the undo stack.
        macro.setObsolete(True)
        stack.undo()
    return ok
