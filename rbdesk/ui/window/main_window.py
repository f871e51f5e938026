"""The main window: the plan grid in the centre, menus, toolbar, status bar and the docks."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedLayout,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import N_, tr
from rbdesk.models import clock
from rbdesk.models.domain.months import month_long
from rbdesk.models.edits.realisation import next_status
from rbdesk.models.storage import backups
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.dialogs.future_month import realise_ahead_ok
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.filter_bar import FilterBar
from rbdesk.ui.grid.legend import Legend
from rbdesk.ui.grid.plan_columns import COL_TEXT, column_month, month_column
from rbdesk.ui.grid.plan_expansion import PlanExpansion
from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.grid.plan_view import PlanView
from rbdesk.ui.grid.quarter_model import QuarterModel
from rbdesk.ui.grid.quarter_view import QuarterView
from rbdesk.ui.grid.tree_edits import TreeEdits
from rbdesk.ui.panels.evidence_dock import EvidenceDock
from rbdesk.ui.panels.month_dock import MonthDock
from rbdesk.ui.panels.roster_dock import RosterDock
from rbdesk.ui.roles import Role
from rbdesk.ui.view_state import Mode, ViewState
from rbdesk.ui.window import decree_actions, export_actions, file_actions, help_actions
from rbdesk.ui.window.action_host import ActionHost
from rbdesk.ui.window.action_table import (
    ACTIONS,
    COPY_FORMS,
    EXCEL_REPORTS,
    MONTH_GRID_ACTS,
    NEXT_REGION,
    PAPERS,
    PDF_PARTS,
    PREVIOUS_REGION,
    ROW_MENU,
    STATUSES,
    Act,
)
from rbdesk.ui.window.actions import ActionRegistry, PlanChooser
from rbdesk.ui.window.file_watcher import FileWatcher
from rbdesk.ui.window.message_bar import Buttons, MessageBar
from rbdesk.ui.window.panel_focus import PanelFocus
from rbdesk.ui.window.status_line import StatusLine

log = logging.getLogger("rbdesk.ui")

DOCKS = (
    (RosterDock, Act.ROSTER_DOCK),
    (EvidenceDock, Act.EVIDENCE_DOCK),
    (MonthDock, Act.MONTH_DOCK),
)  # the action's value is the dock's objectName
WIDE_SCREEN = 1600  # below this the panels start as one tabbed column
MAXIMISED_UP_TO = 1600  # screens this wide or narrower: the first window is maximised
START_SIZE = (1600, 950)  # the first window on a larger screen, at most
NARROW_PANELS, WIDE_PANELS = 300, 380
WORK_BACKUP_PAUSE_MS = 3000
# The panels' least width, the same for all three: the tabbed column does not change width as
# another panel comes forward. (Their contents must also wrap: Qt widens a panel to what its
# contents need, and a click must never push the grid's columns away.)
PANEL_MIN_WIDTH = 280
# Every item view of the panels shows that it has the keyboard (several Windows themes do not).
PANEL_FOCUS_STYLE = "QAbstractItemView:focus { border: 2px solid palette(highlight); }"
MODE_HELP = {
    Mode.PLAN: N_(
        "Mode RENCANA — klik dua kali atau Spasi pada sel bulan: tandai / hapus "
        "rencana (√). F2: ubah teks."
    ),
    Mode.REALISATION: N_(
        "Mode REALISASI — klik dua kali atau Spasi pada sel bulan: belum → "
        "sebagian → selesai. Enter: catatan realisasi."
    ),
}
LOCKED_HELP = N_(
    "Mode RENCANA — bulan rencana TERKUNCI karena SK sudah ditandatangani; teks "
    "dapat diubah (F2). Revisi bulan rencana: Ubah → Buka kunci rencana."
)
QUARTER_HELP = N_(
    "Tampilan TRIWULAN — TW I–IV dihitung dari bulan-bulannya. Enter atau klik dua kali pada "
    "sel triwulan: buka bulannya. Ctrl+Shift+T: kembali ke tampilan bulan."
)
QUARTER_STYLE = "background:#efe6f6; color:#3d1a5b; border-bottom:2px solid #6a2c91;"
MODE_STYLE = {
    Mode.PLAN: "background:#dce9f9; color:#17406e; border-bottom:2px solid #2a5f9e;",
    Mode.REALISATION: "background:#d3eedd; color:#14532d; border-bottom:2px solid #23703a;",
}


def _banner(name: str, background: str, ink: str, border: str) -> QLabel:
    """A bold strip above the grid for a state the user must not overlook."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(
        f"#{name} {{ background:{background}; color:{ink}; padding:6px; font-weight:bold; "
        f"border:1px solid {border}; }}"
    )
    return label


class MainWindow(QMainWindow):
    # Open (False) or create (True) this file in place of this window; the application
    # (ui.window.app) owns windows and files, so the window only asks.
    fileRequested = Signal(Path, bool)

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.doc = doc
        self.state = ViewState(doc, self)
        self.docks: dict[str, QDockWidget] = {}
        self.watcher = FileWatcher(doc, self)
        self.model = PlanModel(doc, self.state, self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = PlanView()
        self.view.setModel(self.proxy)
        self.view.setup_columns()
        self.expansion = PlanExpansion(self.view, self.model, self.proxy)
        self.filter_bar = FilterBar(doc, self.proxy)
        # Tampilan → Per triwulan shows the quarter view in the month grid's place.
        self.quarter_model = QuarterModel(doc, self)
        self.quarter_view = QuarterView(self.quarter_model)
        self._quarters_seen = False
        self.grids = QStackedWidget()
        self.grids.addWidget(self.view)
        self.grids.addWidget(self.quarter_view)
        self.tree_edits = TreeEdits(
            doc,
            self.state,
            self.model,
            self.current_node,
            self.edit_text,
            self,
            self.show_message,
        )
        self.legend = Legend()
        self.message_bar = MessageBar()
        self.banner = _banner("readonlyBanner", "#ffe0b2", "#5d3200", "#e65100")
        self.banner.setVisible(doc.readonly)
        # A copy written by "Pulihkan dari cadangan" says so while it is open: the user must
        # never take it for the live (shared) file, nor the live file for it.
        self.restored_banner = _banner("restoredBanner", "#e3f2fd", "#0d3c61", "#1565c0")
        restored = settings.restored_from(doc.store.path)
        self.restored_banner.setText(
            tr(
                "Salinan hasil pemulihan dari cadangan {what}. Berkas asli tidak berubah; "
                "perubahan di sini hanya tersimpan di salinan ini."
            ).format(what=restored)
        )
        self.restored_banner.setVisible(bool(restored))
        self.unlock_banner = _banner("unlockBanner", "#fde2df", "#7a1410", "#b3261e")
        self.unlock_banner.setText(
            tr(
                "KUNCI RENCANA DIBUKA: bulan rencana dari SK yang sudah ditandatangani dapat "
                "diubah. Setiap perubahan dicatat di Riwayat sebagai revisi rencana. Kunci "
                "kembali: Ubah → Kunci rencana (Ctrl+Shift+K)."
            )
        )
        self.unlock_banner.hide()
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.mode_label.setWordWrap(True)
        # The mode hint and a notice share one strip of fixed height (two lines): a notice
        # coming or going never moves the grid under the user's pointer.
        notices = QWidget()
        self.notice_stack = QStackedLayout(notices)
        self.notice_stack.addWidget(self.mode_label)
        self.notice_stack.addWidget(self.message_bar)
        notices.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 14)
        self.message_bar.shown.connect(lambda: self.notice_stack.setCurrentWidget(self.message_bar))
        self.message_bar.dismissed.connect(
            lambda: self.notice_stack.setCurrentWidget(self.mode_label)
        )
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (
            self.banner,
            self.restored_banner,
            self.unlock_banner,
            notices,
            self.filter_bar,
            self.grids,
            self.legend,
        ):
            layout.addWidget(widget)
        layout.setStretchFactor(self.grids, 1)
        self.setCentralWidget(central)
        self.setDockNestingEnabled(True)
        self._build_docks()
        self._build_actions()
        self._build_status_bar()
        self.panel_focus = PanelFocus(
            self, (self.filter_bar, notices, self.plan_chooser), self.shown_grid, self.docks
        )
        for key, forward in ((NEXT_REGION, True), (PREVIOUS_REGION, False)):
            QShortcut(QKeySequence(key), self, lambda f=forward: self.panel_focus.region(f))
        self._connect()
        # Realisation is the everyday work; a click must never change the signed plan.
        last = str(settings.value("window/mode", Mode.REALISATION))
        self.set_mode(Mode(last) if last in MODE_HELP else Mode.REALISATION)
        self.update_readonly()
        self.update_title()
        self.expansion.expand_default()
        # Whoever shows the window (ui.window.app) shows it maximised when this says so.
        self.start_maximised = False
        if not settings.restore_window_geometry(self, "main"):
            self._place_first_time()
        # After the first paint: the first heartbeat writes to the (possibly shared) file.
        QTimer.singleShot(0, self.watcher.start)
        # A backup during a stretch of work (at most hourly, backups.work_backup), taken when
        # a burst of edits pauses so that it never delays a keystroke.
        self.work_backup_timer = QTimer(self)
        self.work_backup_timer.setSingleShot(True)
        self.work_backup_timer.setInterval(WORK_BACKUP_PAUSE_MS)
        self.work_backup_timer.timeout.connect(self._work_backup)

    # -- construction --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = StatusLine(self)
        self.setStatusBar(bar)
        self.filter_count = QLabel()
        self.filter_count.setObjectName("filterCount")
        bar.insertWidget(0, self.filter_count)
        self.user_label = QLabel()
        self.file_label = QLabel()
        self.presence_label = QLabel()
        self.presence_label.setObjectName("presenceLabel")
        self.today_label = QLabel()
        for widget in (self.presence_label, self.today_label, self.file_label, self.user_label):
            bar.addPermanentWidget(widget)
        self.update_status()

    def _build_actions(self) -> None:
        doc, state, edits = self.doc, self.state, self.tree_edits
        self.host = host = ActionHost(doc, state, self, self)
        request = self.fileRequested.emit
        given = {}
        given[Act.UNDO] = doc.undo_stack.createUndoAction(self, tr(ACTIONS[Act.UNDO].text))
        given[Act.REDO] = doc.undo_stack.createRedoAction(self, tr(ACTIONS[Act.REDO].text))
        handlers: dict[Act, Callable[[], object]] = {
            Act.NEW_FILE: lambda: file_actions.new_file(host, request),
            Act.OPEN_FILE: lambda: file_actions.open_file(host, request),
            Act.NEW_PLAN: lambda: file_actions.new_plan(host),
            Act.NEXT_YEAR: lambda: file_actions.next_year_plan(host),
            Act.DECREE: lambda: decree_actions.edit_decree(host),
            Act.DELETE_PLAN: lambda: file_actions.delete_plan(host),
            Act.SAVE_COPY: lambda: file_actions.save_copy(host),
            Act.MERGE: lambda: file_actions.merge(host),
            Act.RESTORE: lambda: file_actions.restore(host, request),
            Act.USER: lambda: file_actions.change_user(host, self.update_status),
            Act.QUIT: self.close,
            Act.TOGGLE: lambda: self.toggle_cell(self.view.currentIndex()),
            **{act: partial(self.set_status_current, status) for act, status in STATUSES.items()},
            Act.EDIT_NOTE: self.edit_note,
            Act.ADD_SIBLING: edits.add_sibling,
            Act.ADD_CHILD: edits.add_child,
            Act.RENAME: self.edit_text,
            Act.DELETE: edits.delete_current,
            Act.MOVE_UP: lambda: edits.move(-1),
            Act.MOVE_DOWN: lambda: edits.move(1),
            Act.OUTDENT: lambda: edits.regroup(-1),
            Act.INDENT: lambda: edits.regroup(1),
            Act.LOCK: self.toggle_lock,
            Act.MODE_PLAN: lambda: self.set_mode(Mode.PLAN),
            Act.MODE_REAL: lambda: self.set_mode(Mode.REALISATION),
            Act.FIND: self.filter_bar.focus_search,
            Act.CLEAR_FILTER: self.filter_bar.clear,
            Act.THIS_MONTH: self.go_to_current_month,
            Act.QUARTER_VIEW: lambda: self.show_quarters(self.acts[Act.QUARTER_VIEW].isChecked()),
            Act.EXPAND: lambda: self.shown_grid().expandAll(),
            Act.COLLAPSE: lambda: self.shown_grid().collapseAll(),
            Act.RELOAD: self.doc.reload,
            **{act: partial(self.show_panel, act.value) for _cls, act in DOCKS},
            Act.HISTORY: lambda: help_actions.history(host, self.current_row_uuid()),
            Act.HISTORY_ALL: lambda: help_actions.history(host, None),
            **{
                act: partial(export_actions.export_pdf, host, part)
                for act, part in PDF_PARTS.items()
            },
            Act.EXPORT_EXCEL: lambda: export_actions.export_excel(host),
            **{
                act: partial(export_actions.export_period_excel, host, part)
                for act, part in EXCEL_REPORTS.items()
            },
            Act.PRINT_PLAN: lambda: export_actions.print_pdf(host, "plan"),
            Act.PRINT_PREVIEW: lambda: export_actions.print_pdf(
                host, "plan", export_actions.show_preview
            ),
            **{
                act: partial(settings.set_value, key, str(value))
                for key, choices in (("export/paper", PAPERS), ("export/copy", COPY_FORMS))
                for act, value in choices.items()
            },
            Act.IMPORT_EXCEL: lambda: export_actions.import_excel(host),
            Act.GUIDE: lambda: help_actions.guide(self),
            Act.ABOUT: lambda: help_actions.about(host),
            Act.LOGS: help_actions.open_log_folder,
        }
        for act in MONTH_GRID_ACTS:
            handlers[act] = partial(self._on_months, handlers[act])
        self.acts = actions = ActionRegistry(self, handlers, given)
        for group in ((Act.MODE_PLAN, Act.MODE_REAL), tuple(PAPERS), tuple(COPY_FORMS)):
            actions.group(group, self)
        for choices, chosen in (
            (PAPERS, export_actions.paper()),
            (COPY_FORMS, export_actions.copy_form()),
        ):
            actions[next(act for act, value in choices.items() if value == chosen)].setChecked(True)
        recent = QMenu(tr("Berkas &terakhir"), self)
        recent.aboutToShow.connect(lambda: file_actions.fill_recent(host, request, recent))
        actions.build_menus(self.menuBar(), recent)
        bar = QToolBar(tr("Alat utama"), self)
        bar.setObjectName("mainToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.plan_chooser = PlanChooser(doc)
        actions.build_toolbar(bar, doc.undo_stack, self.plan_chooser)

    def _build_docks(self) -> None:
        for cls, act in DOCKS:
            dock = cls(self.doc, self.state, self)
            dock.setObjectName(act.value)
            if not dock.windowTitle():
                dock.setWindowTitle(tr(ACTIONS[act].text))
            dock.setMinimumWidth(PANEL_MIN_WIDTH)
            dock.setStyleSheet(PANEL_FOCUS_STYLE)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.toggleViewAction().setText(tr(ACTIONS[act].text))
            self.docks[act.value] = dock
        docks = self.docks
        if settings.available_geometry(self).width() < WIDE_SCREEN:
            # 1366 or 1280 pixels: one column of tabbed panels, so that all twelve months of
            # the grid stay in view beside it.
            self.tabifyDockWidget(docks["rosterDock"], docks["monthDock"])
            self.tabifyDockWidget(docks["monthDock"], docks["evidenceDock"])
            self._panel_width = NARROW_PANELS
        else:
            self.splitDockWidget(docks["monthDock"], docks["evidenceDock"], Qt.Orientation.Vertical)
            self.tabifyDockWidget(docks["rosterDock"], docks["monthDock"])
            self._panel_width = WIDE_PANELS
        docks["monthDock"].raise_()

    def _place_first_time(self) -> None:
        """First start on this PC (or a saved place that does not fit this screen): maximised on
        an office screen (``start_maximised``), else sized to the screen. Either way the size it
        goes back to when un-maximised, title bar and borders included, lies inside the screen's
        free area."""
        avail = settings.available_geometry(self)
        width = min(START_SIZE[0], avail.width() - settings.FRAME_ROOM_X)
        height = min(START_SIZE[1], avail.height() - settings.FRAME_ROOM_Y)
        self.resize(width, height)
        self.move(
            avail.x() + (avail.width() - width - settings.FRAME_ROOM_X // 2) // 2,
            avail.y() + (avail.height() - height - settings.FRAME_ROOM_Y) // 2,
        )
        self.start_maximised = avail.width() <= MAXIMISED_UP_TO
        QTimer.singleShot(0, self._size_panels)

    def _size_panels(self) -> None:
        """First start on this PC: the panels' column gets its width once the window has its
        own (before that, Qt would share out a width the window does not have yet)."""
        docks = list(self.docks.values())
        self.resizeDocks(docks, [self._panel_width] * len(docks), Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        doc = self.doc
        self.view.toggleRequested.connect(self.toggle_cell)
        self.quarter_view.monthsRequested.connect(self.open_month)
        self.view.dropRequested.connect(self.tree_edits.drop)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        state = self.state
        state.selectRequested.connect(self.select_uuid)
        state.cellRequested.connect(self.select_uuid)
        state.teamSelected.connect(self.filter_bar.select_team)
        doc.refused.connect(lambda text: self.show_message(text, error=True))
        doc.edited.connect(self._edited)
        doc.planChanged.connect(self._plan_changed)
        doc.treeReloaded.connect(self.filter_bar.populate)
        doc.childrenChanged.connect(self._children_changed)
        state.modeChanged.connect(self._mode_changed)
        state.lockChanged.connect(self._lock_changed)
        self.proxy.filterApplied.connect(self._show_filter_count)
        self.proxy.filterApplied.connect(self._filter_quarters)
        # Someone else committed: the snapshot is reloaded and merged into the grid in place.
        self.watcher.othersCommitted.connect(doc.reload)
        self.watcher.presenceChanged.connect(self._presence_changed)

    # -- state shown to the user ---------------------------------------------------------------

    def update_title(self) -> None:
        tree = self.doc.tree
        plan = f"{tree.unit} {tree.year}" if tree else tr("tanpa rencana")
        suffix = tr(" [hanya-baca]") if self.doc.readonly else ""
        if self.restored_banner.text() and not self.restored_banner.isHidden():
            suffix += tr(" [hasil pemulihan]")
        self.setWindowTitle(
            f"{self.doc.store.path.name} — {tr('Rencana Aksi')} {plan}{suffix} — rbdesk"
        )

    def update_status(self) -> None:
        self.user_label.setText(tr("Pengguna: {name}").format(name=self.doc.user))
        today = clock.today()
        self.today_label.setText(
            tr("Hari ini: {d} {m} {y}").format(d=today.day, m=month_long(today.month), y=today.year)
        )
        state = self.doc.store.state
        if state.readonly:
            text = tr("Hanya-baca: {reason}").format(reason=state.reason)
        else:
            text = tr("Tersimpan otomatis")
        self.file_label.setText(f"{self.doc.store.path.name} · {text}")
        self.file_label.setToolTip(str(self.doc.store.path))

    def update_readonly(self) -> None:
        state = self.doc.store.state
        if state.readonly:
            self.banner.setText(
                tr(
                    "Berkas ini dibuka HANYA-BACA ({reason}). Anda dapat melihat "
                    "dan mencetak, tetapi perubahan tidak disimpan."
                ).format(reason=state.reason)
            )
        self.banner.setVisible(state.readonly)
        for action in self.acts.edit_actions():
            action.setEnabled(not state.readonly)

    def show_message(self, text: str, error: bool = False, actions: Buttons = ()) -> None:
        log.info("message: %s", text)
        self.message_bar.show_text(text, error, actions)
        self.statusBar().showMessage(text, 8000)

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def _work_backup(self) -> None:
        if self.doc.store.readonly or self.doc.store.db.is_closed():
            return
        made = backups.work_backup(self.doc.store)
        if made is not None:
            log.info("backup while working: %s", made.path)

    def _edited(self) -> None:
        # The next success ends what an earlier message said (a refusal, a conflict, "Urungkan
        # dengan Ctrl+Z" for an earlier step); a message about this edit is shown after it.
        self.message_bar.dismiss()
        self.work_backup_timer.start()
        self.file_label.setText(
            f"{self.doc.store.path.name} · "
            + tr("Tersimpan {t}").format(t=dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _presence_changed(self, names: list[str]) -> None:
        others = [n for n in names if n != self.doc.user]
        self.presence_label.setText(
            tr("Juga membuka berkas ini: {names}").format(names=", ".join(others)) if others else ""
        )
        # Set apart from the passing message on its left by a rule, as a part of its own.
        self.presence_label.setStyleSheet(
            "#presenceLabel { border-left:1px solid #9e9e9e; padding-left:6px; }" if others else ""
        )

    # -- modes ---------------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.state.set_mode(mode)
        self._mode_changed(mode)

    # -- the quarter view ----------------------------------------------------------------------

    def quarters_shown(self) -> bool:
        return self.grids.currentWidget() is self.quarter_view

    def shown_grid(self) -> PlanView | QuarterView:
        return self.quarter_view if self.quarters_shown() else self.view

    def show_quarters(self, on: bool) -> None:
        """Tampilan → Per triwulan: the quarter view in the month grid's place, or back, on the
        same row, showing the rows the filter bar shows."""
        self.acts[Act.QUARTER_VIEW].setChecked(on)
        if on == self.quarters_shown():
            return
        if on:
            uuid = self.current_row_uuid()
            self.quarter_model.set_live(True)
            self.grids.setCurrentWidget(self.quarter_view)
            self.quarter_view.show_only(self.proxy.shown_uuids())
            if not self._quarters_seen:
                self._quarters_seen = True
                self.quarter_view.unfold_areas()
            if uuid:
                self.quarter_view.select_uuid(uuid)
            self.quarter_view.setFocus()
            self.mode_label.setText(tr(QUARTER_HELP))
            self.mode_label.setStyleSheet(
                f"#modeLabel {{ {QUARTER_STYLE} padding:4px 8px; font-weight:bold; }}"
            )
        else:
            chosen = self.quarter_view.currentIndex().data(Role.UUID)
            self.grids.setCurrentWidget(self.view)
            self.quarter_model.set_live(False)
            if chosen:
                self.select_uuid(str(chosen))
            self.view.setFocus()
            self._mode_changed(self.state.mode)

    def _filter_quarters(self) -> None:
        """The filter bar changed: the quarter view, when shown, shows the same rows."""
        if self.quarters_shown():
            self.quarter_view.show_only(self.proxy.shown_uuids())

    def _on_months(self, run: Callable[[], object]) -> None:
        """An action on the month grid's cell or row, asked for in the quarter view: the month
        grid comes back first, on the row chosen there."""
        if self.quarters_shown():
            self.show_quarters(False)
        run()

    def open_month(self, uuid: str, month: int) -> None:
        """From a quarter cell: the month grid on that row and month."""
        self.show_quarters(False)
        self.select_uuid(uuid)
        self._to_month(self.view.currentIndex(), month)

    def _mode_changed(self, mode: Mode) -> None:
        settings.set_value("window/mode", mode)
        self.acts[Act.MODE_PLAN].setChecked(mode == Mode.PLAN)
        self.acts[Act.MODE_REAL].setChecked(mode == Mode.REALISATION)
        if self.quarters_shown():
            return  # the strip says what the quarter view is; the mode applies on return
        locked = mode == Mode.PLAN and self.state.plan_locked
        self.mode_label.setText(tr(LOCKED_HELP if locked else MODE_HELP[mode]))
        self.mode_label.setStyleSheet(
            f"#modeLabel {{ {MODE_STYLE[mode]} padding:4px 8px; font-weight:bold; }}"
        )
        self.view.viewport().update()

    def toggle_lock(self) -> None:
        """Ubah → Buka kunci rencana / Kunci rencana: a deliberate step with a question first."""
        state = self.state
        if state.plan_unlocked:
            state.set_unlocked(False)
            return
        if not self.doc.plan_signed:
            self.show_message(
                tr(
                    "Rencana ini belum ditandatangani (SK belum bernomor dan "
                    "bertanggal); bulan rencana dapat diubah tanpa membuka kunci."
                )
            )
            return
        if confirm(
            self,
            tr("Buka kunci rencana"),
            tr(
                "Bulan rencana ini sudah ditetapkan dalam SK yang ditandatangani. Membukanya "
                "berarti merevisi rencana; setiap perubahan dicatat di Riwayat. Buka kunci?"
            ),
            tr("Buka kunci"),
        ):
            state.set_unlocked(True)
            self.set_mode(Mode.PLAN)

    def _lock_changed(self, unlocked: bool) -> None:
        self.unlock_banner.setVisible(unlocked)
        self.acts[Act.LOCK].setText(
            tr("&Kunci rencana") if unlocked else tr("Buka &kunci rencana…")
        )
        self._mode_changed(self.state.mode)

    # -- the grid ------------------------------------------------------------------------------

    def current_node(self) -> Node | None:
        return self.model.node(self.proxy.mapToSource(self.view.currentIndex()))

    def current_row_uuid(self) -> str | None:
        """The row whose history Riwayat shows: a row carrying a schedule, its indicator."""
        node = self.current_node()
        if node is None:
            return None
        return node.ind.uuid if node.ind is not None else node.uuid

    def edit_note(self) -> None:
        if self.state.mode != Mode.REALISATION:
            self.set_mode(Mode.REALISATION)
        index = self.view.currentIndex()
        node = self.current_node()
        if index.isValid() and node is not None and node.ind is not None and self.current_month():
            self.view.edit(index)
        else:
            self.show_message(tr("Pilih sel bulan pada baris indikator untuk menulis catatan."))

    def current_month(self) -> int:
        return column_month(self.view.currentIndex().column())

    def toggle_cell(self, index: QModelIndex) -> None:
        node = self.model.node(self.proxy.mapToSource(index))
        month = column_month(index.column())
        if node is None or not month:
            return
        if node.ind is None:
            self.statusBar().showMessage(
                tr("Baris induk menjumlahkan anak-anaknya; ubah sel pada baris indikator."), 5000
            )
            return
        ind = node.ind
        if self.state.mode == Mode.PLAN:
            self.proxy.setData(index, not ind.is_planned(month), Role.PLANNED)
        else:
            status = next_status(ind.status(month))
            if realise_ahead_ok(self, self.doc, month, status):
                self.proxy.setData(index, status, Role.STATUS)

    def set_status_current(self, status: str) -> None:
        index = self.view.currentIndex()
        month = column_month(index.column())
        if not month or realise_ahead_ok(self, self.doc, month, status):
            self.proxy.setData(index, status, Role.STATUS)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.node(self.proxy.mapToSource(current))
        uuid = node.ind.uuid if node is not None and node.ind is not None else ""
        self.state.cellSelected.emit(uuid, column_month(current.column()) if uuid else 0)

    def edit_text(self) -> None:
        """F2: edit the current row's text."""
        index = self.view.currentIndex()
        if index.isValid():
            index = index.siblingAtColumn(COL_TEXT)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def select_uuid(self, uuid: str, month: int = 0) -> None:
        """Select, expand to and scroll to a node: its cell of ``month``, else the month column
        the cursor is on, else its text."""
        source = self.model.index_of(uuid)
        if not source.isValid():
            return
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_bar.clear()
            index = self.proxy.mapFromSource(source)
        column = month_column(month) if 1 <= month <= 12 else self.view.currentIndex().column()
        if column_month(column) == 0:
            column = COL_TEXT
        index = index.siblingAtColumn(column)
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def go_to_current_month(self) -> None:
        month = self.doc.today_month()
        if 1 <= month <= 12:
            index = self.view.currentIndex()
            self._to_month(index if index.isValid() else self.proxy.index(0, 0), month)

    def _to_month(self, index: QModelIndex, month: int) -> None:
        """The cursor on ``index``'s row in the month's column, scrolled into view."""
        if index.isValid():
            index = index.siblingAtColumn(month_column(month))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _show_filter_count(self) -> None:
        shown = self.proxy.shown_indicators()
        self.filter_count.setText(
            ""
            if shown is None
            else tr("Filter aktif: {n} dari {total} indikator ditampilkan").format(
                n=shown[0], total=shown[1]
            )
        )

    def _children_changed(self, parent_uuids: list[str]) -> None:
        if self.doc.tree is not None and self.doc.tree.uuid in parent_uuids:
            self.filter_bar.populate()  # an area was added or removed

    def _plan_changed(self, _uuid: str) -> None:
        # Messages were about the plan left (its undo history is gone with it).
        self.message_bar.dismiss()
        self.statusBar().clearMessage()
        self.filter_bar.populate()
        self.expansion.expand_default()
        self.update_title()
        self.plan_chooser.refresh()

    def _context_menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        month = column_month(index.column()) if index.isValid() else 0
        node = self.current_node()
        a = self.acts
        if month and node is not None and node.ind is not None:
            status = QMenu(tr("Realisasi {m}").format(m=month_long(month)), menu)
            for act in STATUSES:
                status.addAction(a[act])
            menu.addAction(a[Act.TOGGLE])
            menu.addMenu(status)
            menu.addAction(a[Act.EDIT_NOTE])
            menu.addSeparator()
        a.fill(menu, ROW_MENU)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- the keyboard between grid and panels ---------------------------------------------------

    def show_panel(self, name: str) -> None:
        self.panel_focus.show_panel(name)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab walks the grid, then every panel's contents (a tabbed panel is brought forward).
        return self.panel_focus.tab(next) or super().focusNextPrevChild(next)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_geometry(self, "main")
        self.watcher.blockSignals(True)
        self.watcher.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.doc.store.close()
