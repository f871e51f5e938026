"""The window that ``rbdesk FILE`` opens watches its file: colleagues' commits from another
process reach the grid, and the window writes and shows who has the file open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rbdesk.models.storage import presence
from rbdesk.models.storage.store import Store
from rbdesk.ui.grid.plan_columns import COL_NOTE
from rbdesk.ui.roles import Role

COLLEAGUE = """
import sys
from rbdesk.models.edits import plan_edit
from rbdesk.models.storage.store import Store

with Store.open(sys.argv[1], user="Benedikta") as store:
    plan_edit.set_field(store, "indicator", sys.argv[2], "note", "dicatat di PC lain")
"""


def _note_shown(win, uuid: str) -> str:
    index = win.proxy.mapFromSource(win.model.index_of(uuid))
    assert index.data(Role.INDICATOR_UUID) == uuid
    return index.siblingAtColumn(COL_NOTE).data() or ""


def test_start_path_watches_commits_and_presence(qtbot, sample_path: Path) -> None:
    from rbdesk.ui.window import app

    win = app.start(str(sample_path))  # what `rbdesk FILE` runs before app.exec()
    assert win is not None
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    uuid = next(i.uuid for i in win.doc.tree.indicators() if i.text and not i.note)

    with Store.open(sample_path, user="Benedikta") as colleague:
        # The window announced itself in the file.
        qtbot.waitUntil(
            lambda: any(s.user == "Penguji" for s in presence.others(colleague)), timeout=5000
        )
        # A colleague opens the file too: the window names her.
        presence.heartbeat(colleague)
        qtbot.waitUntil(lambda: "Benedikta" in win.presence_label.text(), timeout=6000)
        presence.leave(colleague)

    subprocess.run(
        [sys.executable, "-c", COLLEAGUE, str(sample_path), uuid], check=True, timeout=60
    )
    qtbot.waitUntil(lambda: _note_shown(win, uuid) == "dicatat di PC lain", timeout=6000)
    win.close()
    with Store.open(sample_path) as after:
        assert presence.others(after) == []  # closing removed the window's presence row
