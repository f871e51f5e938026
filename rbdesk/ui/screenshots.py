"""``python -m rbdesk.ui.screenshots DIR``: the README's pictures of the window.

Renders the main window on the 2024 sample with today pinned to 14 June 2024 (``make
screenshots`` sets RBDESK_TODAY), with realisation and evidence recorded for the first months, in
Rencana and Realisasi modes, plus each panel on its own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RBDESK_TODAY", "2024-06-14")



def _wait_for_panels(app, win) -> None:
    """The side panels fill themselves just after the window's first paint."""
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
            getattr(d, "refresh_pending", False) and d.isVisible() for d in win.docks.values()):
        app.processEvents()

def _record_progress(store) -> None:  # noqa: ANN001 - a Store
    """A believable half year: most early work done, some partly, some late, evidence attached."""
    from rbdesk.models.domain.tree import list_plans, load_plan_tree
    from rbdesk.models.edits.realisation import attach_bytes, set_status

    tree = load_plan_tree(store, list_plans(store)[0].uuid)
    for n, ind in enumerate(tree.indicators()):
        for month in ind.planned_months:
            if month > 6:
                break
            pick = (n * 7 + month * 3) % 10
            if month == 6 and pick < 6:
                continue                      # this month: mostly still open
            if pick < 6:
                set_status(store, ind.uuid, month, "selesai")
                if pick < 4:
                    attach_bytes(store, ind.uuid, month, f"bukti-{n}-{month}.pdf",
                                 f"%PDF-1.4 bukti {n} {month}".encode(), mime="application/pdf")
            elif pick < 8:
                set_status(store, ind.uuid, month, "sebagian",
                           note="Menunggu tanda tangan" if pick == 6 else "")
        if n % 23 == 5:
            set_status(store, ind.uuid, 4, "selesai", note="Dikerjakan lebih awal")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rbdesk-shots-"))
    os.environ.setdefault("RBDESK_DATA_DIR", str(work / "data"))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    from rbdesk.models.interchange.load import create_file
    from rbdesk.ui.window.app import make_app

    app = make_app()
    app.setFont(app.font())
    store = create_file(work / "rencana-aksi-2024.rbdesk", sample=True, user="Maria Seran")
    _record_progress(store)
    from rbdesk.ui.grid.plan_columns import month_column
    from rbdesk.ui.roles import Role
    from rbdesk.ui.window.context import MODE_REALISATION, AppContext
    from rbdesk.ui.window.main_window import MainWindow

    ctx = AppContext(store)
    win = MainWindow(ctx)
    win.resize(1680, 1000)
    win.show()
    app.processEvents()
    _wait_for_panels(app, win)
    # Point at an indicator of this month so that the panels have something to show.
    target = next(i for i in ctx.tree.indicators() if i.evidence)
    ctx.selectRequested.emit(target.uuid)
    index = win.view.currentIndex()
    month = max(target.evidence)
    win.view.setCurrentIndex(index.siblingAtColumn(month_column(month)))
    if "monthDock" in win.docks:
        win.docks["monthDock"].raise_()
    app.processEvents()
    win.grab().save(str(out / "jendela-rencana.png"))
    win.set_mode(MODE_REALISATION)
    app.processEvents()
    win.grab().save(str(out / "jendela-realisasi.png"))
    for name, file in (("rosterDock", "panel-tim.png"), ("evidenceDock", "panel-bukti.png"),
                       ("monthDock", "panel-bulan-ini.png")):
        dock = win.docks.get(name)
        if dock is not None:
            dock.raise_()
            app.processEvents()
            _wait_for_panels(app, win)
            dock.grab().save(str(out / file))
    win.legend.grab().save(str(out / "keterangan.png"))
    assert index.data(Role.UUID)
    win.close()
    app.processEvents()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
