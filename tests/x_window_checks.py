"""The child of tests/ui/test_window_checks_on_x.py: on a real X server with a window manager
(DISPLAY from tests/x_office.py, QT_QPA_PLATFORM=xcb), the window opened by the app's own
start-up code (``app.start(FILE)``, maximised by ``show_window`` on an office screen) and checked
with real input, pressed and clicked through the X server by xdotool:

    python tests/x_window_checks.py FILE SHOTS_DIR [--keyboard] [--dialogs]

- the cramped screen (issue 20, item 7): the Uraian at least TEXT_MIN_WIDTH, every month,
  Capaian and Verif. inside the viewport with no sideways scrolling, clicks on cells with
  Bukti dukung and then Bulan ini in front never resizing a panel, the Tim panel's names whole;
- with ``--keyboard`` (item 3): Left/Right between month cells, Tab and F6 into the contents of
  Bulan ini, Bukti dukung and Tim, Alt+1/2/3 raising and focusing a panel behind another's tab,
  and the focus always on a visible widget inside the screen;
- with ``--dialogs``: the merge dialog, the print preview and the import assistant, each opened
  by its real action (Act.MERGE, Act.PRINT_PREVIEW, Act.IMPORT_EXCEL) and checked while it runs:
  its whole frame (xwininfo and _NET_FRAME_EXTENTS, as tests/x_office.py reads the window's)
  and its buttons inside the screen, Tab reaching every enabled button with the focus on a
  visible widget inside the screen each time, Escape closing it; a picture of each.

One start, all checks, then a picture of the screen in SHOTS_DIR. Prints one ``ok`` line per
check; a failed check raises (exit status 1, with the reason).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import x_office  # tests/x_office.py, beside this file
from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QCursor, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from rbdesk.ui import settings
from rbdesk.ui.grid.plan_columns import (
    COL_CAPAIAN,
    COL_DEC,
    COL_JAN,
    COL_TEXT,
    COL_VERIFIED,
    month_column,
)
from rbdesk.ui.grid.plan_view import TEXT_MIN_WIDTH
from rbdesk.ui.panels.roster_model import RosterTreeModel
from rbdesk.ui.roles import Role
from rbdesk.ui.window import app as app_start
from rbdesk.ui.window.action_table import Act
from rbdesk.ui.window.main_window import MainWindow

WAIT_S = 60.0  # a failure on a busy machine, never a hang; no check is timed


def pump_until(what: str, test: Callable[[], object], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if test():
            return
        time.sleep(0.01)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


def pump(seconds: float) -> None:
    """Lets late events in (a paint, a timer): never what a check waits for."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def xdotool(*args: str) -> None:
    # Run while Qt keeps answering the X server (xdotool waits on nothing of ours, but the
    # window manager may).
    proc = subprocess.Popen(["xdotool", *args])
    pump_until("xdotool " + " ".join(args), lambda: proc.poll() is not None)
    assert proc.returncode == 0, f"xdotool {args}: {proc.returncode}"


_last = [time.monotonic()]


def ok(text: str) -> None:
    now = time.monotonic()
    print("ok", text, f"({now - _last[0]:.1f} s)", flush=True)
    _last[0] = now


class Checks:
    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.view = win.view
        self.screen = win.screen().geometry()
        self.last_click, self.last_spot = 0.0, QPoint(-1, -1)

    # -- helpers ---------------------------------------------------------------------------
    def lazy_done(self) -> bool:
        return not any(
            getattr(d, "refresh_pending", False) and d.isVisible() for d in self.win.docks.values()
        )

    def shown_widths(self) -> set[int]:
        # A panel behind another's tab is moved off the window, not hidden; raising one puts
        # another in the same place, so only the widths are compared.
        return {d.width() for d in self.win.docks.values() if d.isVisible() and d.x() >= 0}

    def right_edge(self, col: int) -> int:
        return self.view.columnViewportPosition(col) + self.view.columnWidth(col)

    def click_cell(self, index) -> None:  # type: ignore[no-untyped-def]
        rect = self.view.visualRect(index)
        assert rect.isValid() and self.view.viewport().rect().contains(rect.center()), index
        spot = self.view.viewport().mapToGlobal(rect.center())
        # Not "mousemove --sync": it waits for a motion that never comes when the pointer is
        # already there.
        xdotool("mousemove", str(spot.x()), str(spot.y()))
        pump_until("the pointer on the cell", lambda: QCursor.pos() == spot)
        # Two clicks on one spot within the double-click time would change the cell's status.
        if spot == self.last_spot:
            wait = self.last_click + 2 * QApplication.doubleClickInterval() / 1000
            pump(max(0.0, wait - time.monotonic()))
        xdotool("click", "1")
        self.last_click, self.last_spot = time.monotonic(), spot
        pump_until("the clicked cell current", lambda: self.view.currentIndex() == index)

    def press(self, keys: str, changed: Callable[[], object]) -> None:
        xdotool("key", "--clearmodifiers", keys)
        pump_until(f"{keys} taken", changed)

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no focus"
        return widget

    def dock_of(self, widget: QWidget) -> str:
        return next((n for n, d in self.win.docks.items() if d.isAncestorOf(widget)), "")

    def focus_seen(self) -> QWidget:
        """The focus is on a widget one can see: shown, in front (not behind another panel's
        tab) and inside the screen."""
        widget = self.focus()
        assert widget.isVisible(), widget
        dock = self.dock_of(widget)
        if dock:
            assert self.win.rect().contains(self.win.docks[dock].geometry()), dock
        top_left = widget.mapToGlobal(QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        visible = widget.visibleRegion().boundingRect()
        assert not visible.isEmpty(), f"{widget.objectName() or widget} covered"
        shown = visible.translated(top_left)
        assert self.screen.contains(shown), f"{widget} at {rect.getRect()} off {self.screen}"
        return widget

    def grid_on(self, index) -> None:  # type: ignore[no-untyped-def]
        self.view.scrollTo(index)
        pump(0.1)
        self.click_cell(index)
        pump_until("the grid focused", self.view.hasFocus)

    def indicator_row(self, text: str):  # type: ignore[no-untyped-def]
        for ind in self.win.doc.tree.indicators():
            if text in ind.text:
                return self.win.proxy.mapFromSource(self.win.model.index_of(ind.uuid))
        raise AssertionError(text)

    # -- item 7 ------------------------------------------------------------------------------
    def fits(self) -> None:
        view = self.view
        assert view.columnWidth(COL_TEXT) >= TEXT_MIN_WIDTH, view.columnWidth(COL_TEXT)
        assert view.horizontalScrollBar().value() == 0
        width = view.viewport().width()
        for col in (*range(COL_JAN, COL_DEC + 1), COL_CAPAIAN, COL_VERIFIED):
            assert view.columnViewportPosition(col) >= 0, col
            assert self.right_edge(col) <= width, (col, self.right_edge(col), width)
        ok(
            f"Uraian {view.columnWidth(COL_TEXT)} px; Januari..Desember, Capaian and Verif. "
            f"end at {self.right_edge(COL_VERIFIED)} of {width} px, no sideways scrolling"
        )

    def clicks_keep_panels(self) -> None:
        widths, central = self.shown_widths(), self.win.centralWidget().width()
        edge = self.right_edge(COL_VERIFIED)
        inds = self.win.doc.tree.indicators()
        targets = [i for i in inds if i.evidence][:2] + inds[:2] + inds[-2:]
        clicks = 0
        for name in ("evidenceDock", "monthDock"):
            self.win.docks[name].raise_()
            pump(0.2)
            for ind in targets:
                for month in (1, 6, 12):
                    index = self.win.proxy.mapFromSource(self.win.model.index_of(ind.uuid))
                    index = index.siblingAtColumn(month_column(month))
                    self.view.scrollTo(index)
                    pump(0.05)
                    self.click_cell(index)
                    clicks += 1
                    pump(0.05)
                    assert self.shown_widths() == widths, (name, month, self.shown_widths())
                    assert self.win.centralWidget().width() == central
                    assert self.right_edge(COL_VERIFIED) == edge
        assert clicks >= 20
        ok(f"{clicks} clicks with Bukti dukung and Bulan ini in front: panels stay {widths}")

    def tim_names(self) -> None:
        dock = self.win.docks["rosterDock"]
        dock.raise_()
        pump_until("the Tim panel filled", lambda: not dock.refresh_pending)
        pump(0.2)
        view, model = dock.team_view, dock.team_model
        metrics = view.fontMetrics()
        width = view.columnWidth(RosterTreeModel.COL_NAME)
        names, cut = 0, set()
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
            if index.data(Role.KIND) != "member":
                continue
            names += 1
            rect = view.visualRect(index)
            room = width - (rect.x() - view.columnViewportPosition(0)) - 8
            if metrics.horizontalAdvance(index.data()) > room:
                cut.add(index.data())
                assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)
        assert names and len(cut) <= 1, cut
        ok(f"Tim: name column {width} px, {names} names, cut (tooltip whole): {sorted(cut)}")

    # -- item 3 ------------------------------------------------------------------------------
    def arrows(self) -> None:
        row = self.indicator_row("LHKPN")
        self.grid_on(row.siblingAtColumn(month_column(6)))
        self.press("Left", lambda: self.win.current_month() == 5)
        self.press("Right", lambda: self.win.current_month() == 6)
        self.press("Right", lambda: self.win.current_month() == 7)
        current = self.view.currentIndex()
        assert current.row() == row.row() and current.parent() == row.parent()
        assert self.view.isExpanded(row.parent())
        self.focus_seen()
        ok("Left/Right move between month cells of the same row, nothing folds")

    def tab_and_f6(self) -> None:
        row = self.indicator_row("LHKPN")
        self.grid_on(row.siblingAtColumn(month_column(3)))
        seen: list[QWidget] = []
        for _ in range(40):
            before = self.focus()
            self.press("Tab", lambda before=before: QApplication.focusWidget() is not before)
            seen.append(self.focus_seen())
        docks = [self.dock_of(w) for w in seen]
        order = [d for i, d in enumerate(docks) if d and (i == 0 or docks[i - 1] != d)]
        assert order[:3] == ["monthDock", "evidenceDock", "rosterDock"], order
        reached = {}
        for name in ("monthDock", "evidenceDock", "rosterDock"):
            inside = {w: None for w, d in zip(seen, docks, strict=True) if d == name}
            assert len(inside) >= 2, (name, inside)  # its contents, not only its tab
            reached[name] = [w.objectName() or type(w).__name__ for w in inside]
        ok(f"Tab from the grid: {' -> '.join(order[:3])}, reaching {reached}")
        self.grid_on(row.siblingAtColumn(month_column(3)))
        jumps = []
        for _ in range(5):
            before = self.focus()
            self.press("F6", lambda before=before: QApplication.focusWidget() is not before)
            widget = self.focus_seen()
            jumps.append(self.dock_of(widget) or widget.objectName())
        assert jumps == ["monthDock", "evidenceDock", "rosterDock", "search", "planView"], jumps
        ok(f"F6: {' -> '.join(jumps)}")

    def dock_keys(self) -> None:
        win = self.win
        month, evidence = win.docks["monthDock"], win.docks["evidenceDock"]
        assert evidence in win.tabifiedDockWidgets(month)
        keys = {act: win.acts[act].shortcut().toString() for act in (Act.MONTH_DOCK,)}
        assert keys[Act.MONTH_DOCK] == "Alt+3"
        for behind, front, combo in (
            ("monthDock", "evidenceDock", "alt+3"),
            ("evidenceDock", "monthDock", "alt+2"),
            ("rosterDock", "evidenceDock", "alt+1"),
        ):
            win.docks[front].raise_()
            self.grid_on(self.indicator_row("LHKPN").siblingAtColumn(month_column(4)))
            dock = win.docks[behind]
            if dock in win.tabifiedDockWidgets(win.docks[front]):
                pump_until(f"{behind} behind {front}", lambda dock=dock: dock.x() < 0)
            for _ in range(2):  # pressed twice: still shown, still focused
                self.press(
                    combo,
                    lambda dock=dock: dock.isAncestorOf(QApplication.focusWidget()),
                )
                pump(0.2)
                assert dock.isVisible() and dock.x() >= 0, behind
                assert dock.isAncestorOf(self.focus_seen()), behind
        ok("Alt+3, Alt+2, Alt+1 bring their panel from behind another's tab and focus it")


def widget_name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QPushButton) else ""
    return widget.objectName() or text or type(widget).__name__


class KeysTaken(QObject):
    """Counts the key presses the X server brought to a window of ours: a Tab that moves
    nothing (inside a table, say) is still seen to have been taken."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWindow):
            self.count += 1
        return False


class DialogChecks:
    """The big dialogs, each opened by its action in the real window and checked while its
    exec() runs (from a timer inside the dialog's own event loop)."""

    TABS = 80  # presses of Tab allowed to reach every button (the assistant has a role a column)

    def __init__(self, checks: Checks, path: Path, shots: Path) -> None:
        self.checks, self.win = checks, checks.win
        self.folder, self.shots = path.parent, shots
        screen = checks.screen
        self.size = f"{screen.width()}x{screen.height()}"
        self.keys = KeysTaken()
        QApplication.instance().installEventFilter(self.keys)

    def key(self, keys: str) -> None:
        before = self.keys.count
        xdotool("key", "--clearmodifiers", keys)
        pump_until(f"{keys} taken", lambda: self.keys.count > before)
        pump(0.05)

    def frame(self, dialog: QDialog, name: str) -> x_office.Frame:
        """The dialog's frame as the X server has it, once openbox has framed and placed it
        (the same twice, 0.3 s apart)."""
        display = os.environ["DISPLAY"]
        found: list[x_office.Frame] = []

        def settled() -> bool:
            first = x_office.read_frame(display, str(int(dialog.winId())))
            pump(0.3)
            again = x_office.read_frame(display, str(int(dialog.winId())))
            if again is None or again != first or not again.top:
                return False
            found.append(again)
            return True

        pump_until(f"{name}: a settled frame", settled)
        return found[-1]

    def run(
        self,
        act: Act,
        kind: type[QDialog],
        name: str,
        ready: Callable[[QDialog], None],
        tabbed: tuple[str, ...],
    ) -> None:
        """Triggers ``act``; once a ``kind`` is the active modal dialog, ``ready`` fills it in
        and the checks run (Tab must reach the buttons named ``tabbed``). A failure closes the
        dialog and is raised after exec()."""
        failures: list[BaseException] = []
        seen: list[QDialog] = []
        timer = QTimer()
        timer.setInterval(50)

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QMessageBox):  # an error instead of the dialog
                timer.stop()
                failures.append(AssertionError(f"{name}: {dialog.text()}"))
                dialog.reject()
                return
            if not isinstance(dialog, kind) or not dialog.isVisible() or seen:
                return
            timer.stop()
            seen.append(dialog)
            try:
                ready(dialog)
                self.check(dialog, name, tabbed)
            except BaseException as exc:  # raised again after exec()
                failures.append(exc)
                dialog.reject()

        timer.timeout.connect(poll)
        timer.start()
        self.win.acts[act].trigger()
        timer.stop()
        if failures:
            raise failures[0]
        assert seen, f"{name}: {act} opened no {kind.__name__}"

    def check(self, dialog: QDialog, name: str, tabbed: tuple[str, ...]) -> None:
        checks, screen = self.checks, self.checks.screen
        pump_until(f"{name} active", dialog.isActiveWindow)
        frame = self.frame(dialog, name)
        assert frame.inside(screen.width(), screen.height()), (
            f"{name}: frame {frame.outer} not inside {self.size}"
        )
        box = dialog.buttons  # type: ignore[attr-defined]
        buttons = [b for b in box.buttons() if b.isVisible()]
        assert buttons, name
        for button in buttons:
            top_left = button.mapToGlobal(QPoint(0, 0))
            rect = QRect(top_left, button.size())
            assert screen.contains(rect), f"{name}: {button.text()} at {rect.getRect()}"
            assert button.visibleRegion().boundingRect().size() == button.size(), button.text()
        wanted = [b for b in buttons if b.isEnabled() and b.text() in tabbed]
        stops: list[QWidget] = []
        for _ in range(self.TABS):
            self.key("Tab")
            widget = checks.focus_seen()
            assert widget is dialog or dialog.isAncestorOf(widget), (name, widget)
            stops.append(widget)
            if all(b in stops for b in wanted):
                break
        names = [widget_name(w) for w in dict.fromkeys(stops)]
        missed = [b.text() for b in wanted if b not in stops]
        tail = [widget_name(w) for w in stops[-8:]]
        assert not missed, f"{name}: Tab never reached {missed}; it went {names}, last {tail}"
        pump(0.3)
        self.win.screen().grabWindow(0).save(str(self.shots / f"x-{self.size}-{name}.png"))
        self.key("Escape")
        pump_until(f"{name} closed by Escape", lambda: not dialog.isVisible())
        assert dialog.result() == QDialog.DialogCode.Rejected, name
        ok(
            f"{name}: frame {frame.outer} inside {self.size} (Qt: "
            f"{dialog.frameGeometry().getRect()}), buttons {[b.text() for b in buttons]} "
            f"on screen, {len(stops)} Tabs reach {[b.text() for b in wanted]} via {names}, "
            "Escape closes it"
        )

    def merge(self) -> None:
        from rbdesk.models.edits import realisation
        from rbdesk.models.storage import backups
        from rbdesk.models.storage.store import Store

        # A copy edited elsewhere with a conflict: the dialog at its fullest (the table, the
        # choice buttons and Gabungkan enabled).
        theirs = self.folder / f"salinan-{self.size}.rbdesk"
        backups.save_copy(self.win.doc.store, theirs)
        inds = self.win.doc.tree.indicators()
        with Store.open(theirs, user="Budi") as other:
            realisation.set_status(other, inds[0].uuid, 3, "selesai", note="dari salinan")
            for ind in inds[1:4]:
                realisation.set_status(other, ind.uuid, 2, "selesai", note="dari salinan")
        realisation.set_status(self.win.doc.store, inds[0].uuid, 3, "selesai", note="di kantor")
        self.win.doc.reload()

        def ready(dialog: QDialog) -> None:
            dialog.path_edit.setText(str(theirs))  # type: ignore[attr-defined]
            dialog.check_button.click()  # type: ignore[attr-defined]
            assert dialog.model.rowCount() == 1, dialog.error.text()  # type: ignore[attr-defined]
            assert dialog.apply_button.isEnabled()  # type: ignore[attr-defined]

        from rbdesk.ui.dialogs.merge import MergeDialog

        self.run(Act.MERGE, MergeDialog, "merge", ready, ("&Gabungkan", "&Tutup"))

    def print_preview(self) -> None:
        from rbdesk.ui.dialogs.print_preview import PrintPreviewDialog

        def ready(dialog: QDialog) -> None:
            assert len(dialog.page_labels) >= 2  # type: ignore[attr-defined]

        buttons = ("&Cetak…", "Buka &folder", "&Tutup")
        self.run(Act.PRINT_PREVIEW, PrintPreviewDialog, "print-preview", ready, buttons)

    def import_excel(self) -> None:
        from rbdesk.exports import write_workbook
        from rbdesk.ui.dialogs.import_assistant import ImportAssistant

        book = write_workbook(self.win.doc.tree, self.folder / f"rencana-{self.size}.xlsx")
        # The workbook as chosen in the file dialog before the assistant (as tests/ui do).
        chosen = QFileDialog.getOpenFileName
        QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(book), ""))  # type: ignore[method-assign]
        try:

            def ready(dialog: QDialog) -> None:
                assert dialog.preview is not None  # type: ignore[attr-defined]

            buttons = ("&Muat pemetaan…", "&Simpan pemetaan…", "Batal", "&Impor")
            self.run(Act.IMPORT_EXCEL, ImportAssistant, "import", ready, buttons)
        finally:
            QFileDialog.getOpenFileName = chosen  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    path, shots = Path(argv[0]), Path(argv[1])
    # As pytest-qt fails a test on a Qt warning (pyproject's qt_log_level_fail), so does this
    # run: on xcb a warning is about this platform, never the offscreen plugin's gaps.
    warnings: list[str] = []

    def on_message(kind: QtMsgType, _where: QMessageLogContext, text: str) -> None:
        print(f"Qt {kind.name}: {text}", file=sys.stderr, flush=True)
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            warnings.append(text)

    qInstallMessageHandler(on_message)
    keyboard = "--keyboard" in argv
    dialogs = "--dialogs" in argv
    qapp = app_start.make_app()
    started = time.monotonic()
    win = app_start.start(path)
    assert win is not None, "the file did not open"
    assert win.start_maximised, "not maximised on an office screen"
    pump_until("the window maximised and shown", lambda: win.isMaximized() and win.isVisible())
    pump_until("the window active", win.isActiveWindow)
    checks = Checks(win)
    avail = settings.available_geometry(win)
    pump_until("the window its full size", lambda: win.width() >= avail.width() - 20)
    pump_until("the panels filled", checks.lazy_done)
    pump(0.5)
    print(
        f"window {win.geometry().getRect()} frame {win.frameGeometry().getRect()} "
        f"on {checks.screen.getRect()}, available {avail.getRect()}, "
        f"panels {[(n, d.geometry().getRect()) for n, d in win.docks.items()]}",
        flush=True,
    )
    size = f"{checks.screen.width()}x{checks.screen.height()}"
    checks.fits()
    checks.clicks_keep_panels()
    checks.tim_names()
    win.docks["evidenceDock"].raise_()
    checks.grid_on(checks.indicator_row("LHKPN").siblingAtColumn(month_column(6)))
    pump(0.5)
    win.screen().grabWindow(0).save(str(shots / f"x-{size}-grid.png"))
    if keyboard:
        checks.arrows()
        checks.tab_and_f6()
        checks.dock_keys()
        pump(0.5)
        win.screen().grabWindow(0).save(str(shots / f"x-{size}-keyboard.png"))
    if dialogs:
        # Last: the merge check writes a realisation into the file (the conflict's own side).
        dialog_checks = DialogChecks(checks, path, shots)
        dialog_checks.merge()
        dialog_checks.print_preview()
        dialog_checks.import_excel()
    # Clicks and keys only looked: none was taken for an edit (a double click changes a status).
    assert win.doc.undo_stack.count() == 0, win.doc.undo_stack.text(0)
    print(f"checks took {time.monotonic() - started:.1f} s", flush=True)
    win.close()
    qapp.processEvents()
    assert not warnings, warnings
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
