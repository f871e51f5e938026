"""``python -m rbdesk.ui.screenshots DIR``: the README's pictures of the window.

Renders the main window on the 2024 sample with today pinned to 14 June 2024 (``make
screenshots`` sets RBDESK_TODAY), with realisation and evidence recorded for the first months, in
Rencana and Realisasi modes, plus each panel on its own, on a wide screen and on the office
screens of 1366 × 768 and 1280 × 720.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from rbdesk.ui.window.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RBDESK_TODAY", "2024-06-14")


def _wait_for_panels(app: QApplication, win: MainWindow) -> None:
    """The side panels fill themselves just after the window's first paint."""
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        getattr(d, "refresh_pending", False) and d.isVisible() for d in win.docks.values()
    ):
        app.processEvents()


# (file name suffix, screen width, height, window width, height): the wide screen of the README's
# main pictures, and the office screens the window must fit (1280 × 720 is also what a 1920 ×
# 1080 laptop at 150 % Windows scaling gives).
SCREENS = (
    ("", 1920, 1080, 1680, 1000),
    ("-1366x768", 1366, 768, 1366, 768),
    ("-1280x720", 1280, 720, 1280, 720),
)
# Qt's offscreen screen (the configfile of QT_QPA_PLATFORM), but for its size.
SCREEN = {"name": "s", "x": 0, "y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def main(argv: list[str]) -> int:
    """Each screen in its own process: Qt's offscreen screen size is fixed per process."""
    import json
    import subprocess

    out = Path(argv[0] if argv else "docs")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rbdesk-shots-"))
    for suffix, sw, sh, ww, wh in SCREENS:
        config = work / f"screen{suffix}.json"
        screen = {**SCREEN, "width": sw, "height": sh}
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
        args = [str(out), suffix, str(ww), str(wh)]
        subprocess.run(
            [sys.executable, "-m", "rbdesk.ui.screenshots", "--screen", *args], env=env, check=True
        )
    print(f"screenshots in {out}")
    return 0


def render(out: Path, suffix: str, width: int, height: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="rbdesk-shots-"))
    os.environ.setdefault("RBDESK_DATA_DIR", str(work / "data"))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    from rbdesk.models.interchange.load import create_file
    from rbdesk.models.interchange.sample_progress import record_half_year
    from rbdesk.ui.window.app import make_app

    app = make_app()
    app.setFont(app.font())
    store = create_file(work / "rencana-aksi-2024.rbdesk", sample=True, user="Maria Seran")
    # The work is stamped the day before the pinned "today", not on the day the pictures are
    # made, so the evidence and review times shown fit the plan's year; one microsecond apart
    # keeps every stamp distinct, as real ones are.
    ticks = itertools.count()
    real_clock, store.clock = store.clock, lambda: f"2024-06-13T07:30:00.{next(ticks):06d}Z"
    record_half_year(store)
    store.clock = real_clock
    from rbdesk.ui.document import PlanDocument
    from rbdesk.ui.grid.plan_columns import month_column
    from rbdesk.ui.roles import Role
    from rbdesk.ui.view_state import Mode
    from rbdesk.ui.window.main_window import MainWindow

    doc = PlanDocument(store)
    win = MainWindow(doc)
    win.resize(width, height)
    win.show()
    app.processEvents()
    _wait_for_panels(app, win)
    win._size_panels()  # as on a first start on that screen
    app.processEvents()
    # Point at an indicator of this month so that the panels have something to show.
    assert doc.tree is not None  # the sample has its plan
    target = next(i for i in doc.tree.indicators() if i.evidence)
    win.state.selectRequested.emit(target.uuid)
    index = win.view.currentIndex()
    month = max(target.evidence)
    win.view.setCurrentIndex(index.siblingAtColumn(month_column(month)))
    win.docks["monthDock"].raise_()
    app.processEvents()
    win.set_mode(Mode.PLAN)
    app.processEvents()
    win.grab().save(str(out / f"jendela-rencana{suffix}.png"))
    win.set_mode(Mode.REALISATION)
    app.processEvents()
    win.grab().save(str(out / f"jendela-realisasi{suffix}.png"))
    from rbdesk.ui.window.action_table import Act

    win.acts[Act.QUARTER_VIEW].trigger()  # Tampilan → Tampilan per triwulan
    app.processEvents()
    win.grab().save(str(out / f"jendela-triwulan{suffix}.png"))
    win.acts[Act.QUARTER_VIEW].trigger()
    app.processEvents()
    if not suffix:
        for name, file in (
            ("rosterDock", "panel-tim.png"),
            ("evidenceDock", "panel-bukti.png"),
            ("monthDock", "panel-bulan-ini.png"),
        ):
            dock = win.docks[name]
            dock.raise_()
            app.processEvents()
            _wait_for_panels(app, win)
            dock.grab().save(str(out / file))
        win.legend.grab().save(str(out / "keterangan.png"))
        _dialogs(app, win, out)
    _decree_dialog(app, win, out, suffix)
    _import_assistant(app, win, out, suffix, work)
    assert index.data(Role.UUID)
    win.close()
    app.processEvents()


def _dialogs(app: QApplication, win: MainWindow, out: Path) -> None:
    from rbdesk.ui.dialogs.common import NewPlanDialog
    from rbdesk.ui.dialogs.next_year import NextYearDialog

    tree = win.doc.tree
    assert tree is not None
    for dialog, file in (
        (NextYearDialog(tree.unit, tree.year, win), "dialog-tahun-berikutnya.png"),
        (NewPlanDialog(tree.unit, tree.year + 1, win), "dialog-rencana-baru.png"),
    ):
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / file))
        dialog.reject()
        app.processEvents()


def _import_assistant(
    app: QApplication, win: MainWindow, out: Path, suffix: str, work: Path
) -> None:
    """Berkas → Impor dari Excel…: the assistant on the sample's own workbook, on every screen
    (it must fit the office ones)."""
    from rbdesk.exports import write_workbook
    from rbdesk.ui.dialogs.import_assistant import ImportAssistant

    tree = win.doc.tree
    assert tree is not None
    book = write_workbook(tree, work / "Rencana-Aksi-2024.xlsx")
    dialog = ImportAssistant(book, win)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"dialog-impor{suffix}.png"))
    dialog.reject()
    app.processEvents()


# Data SK, tab by tab on the office screen; on the smallest only the two fullest tabs (the check
# that they fit); the large screen shows the same dialog as the office one.
DECREE_TABS = (("umum", 0), ("menimbang", 1), ("mengingat", 2), ("diktum", 3), ("lampiran", 4))


def _decree_dialog(app: QApplication, win: MainWindow, out: Path, suffix: str) -> None:
    from rbdesk.models.edits.decree_edit import read_decree
    from rbdesk.ui.dialogs.decree import DecreeDialog

    if not suffix:
        return
    tree = win.doc.tree
    assert tree is not None
    decree, _version = read_decree(win.doc.store, tree.uuid)
    decree["paraf"] = ["Sekretaris", "Kasubbag Hukum dan SDM"]
    dialog = DecreeDialog(decree, list(tree.teams), list(tree.areas), win, plan_year=tree.year)
    dialog.show()
    dialog.teams_page.team.setCurrentIndex(min(4, dialog.teams_page.team.count() - 1))
    for name, tab in DECREE_TABS:
        if suffix == "-1280x720" and name not in ("umum", "lampiran"):
            continue
        dialog.tabs.setCurrentIndex(tab)
        app.processEvents()
        dialog.grab().save(str(out / f"dialog-sk-{name}{suffix}.png"))
    dialog.reject()
    app.processEvents()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--screen"]:
        render(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(main(sys.argv[1:]))
