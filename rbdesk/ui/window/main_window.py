"""The main window: the plan grid in the centre, menus, toolbar, status bar and the docks."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedLayout,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import N_, tr
from rbdesk.models import clock
from rbdesk.models.domain.months import month_long
from rbdesk.models.edits.realisation import next_status
from rbdesk.ui import settings
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.dialogs.future_month import realise_ahead_ok
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.grid.filter_bar import FilterBar
from rbdesk.ui.grid.legend import Legend
from rbdesk.ui.grid.plan_columns import COL_TEXT, column_month, month_column
from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.grid.plan_view import PlanView
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
    PAPERS,
    PDF_PARTS,
    ROW_MENU,
    STATUSES,
    Act,
)
from rbdesk.ui.window.actions import ActionRegistry, PlanChooser
from rbdesk.ui.window.file_watcher import FileWatcher
from rbdesk.ui.window.message_bar import MessageBar

log = logging.getLogger("rbdesk.ui")

DOCKS = (
    (RosterDock, Act.ROSTER_DOCK),
    (EvidenceDock, Act.EVIDENCE_DOCK),
    (MonthDock, Act.MONTH_DOCK),
)  # the action's value is the dock's objectName
EXPAND_ROWS = 1500  # rows a search may unfold by itself
WIDE_SCREEN = 1600  # below this the panels start as one tabbed column
NARROW_PANELS, WIDE_PANELS = 300, 380
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
MODE_STYLE = {
    Mode.PLAN: "background:#dce9f9; color:#17406e; border-bottom:2px solid #2a5f9e;",
    Mode.REALISATION: "background:#d3eedd; color:#14532d; border-bottom:2px solid #23703a;",
}


class MainWindow(QMainWindow):
    # Open (False) or create (True) this file in place of this window; the application
    # (ui.window.app) owns windows and files, so the window only asks.
    fileRequested = Signal(Path, bool)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.doc = doc
        self.state = ViewState(doc, self)
        self.docks: dict[str, QDockWidget] = {}
        self.watcher = FileWatcher(doc, self)
        self._expanded_before_filter: set[str] | None = None
        self.model = PlanModel(doc, self.state, self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = PlanView()
        self.view.setModel(self.proxy)
        self.view.setup_columns()
        self.filter_bar = FilterBar(doc, self.proxy)
        self.tree_edits = TreeEdits(
            doc,
            self.state,
            self.model,
            self.current_node,
            lambda: self.edit_current(COL_TEXT),
            self,
            self.show_message,
        )
        self.legend = Legend()
        self.message_bar = MessageBar()
        self.banner = QLabel()
        self.banner.setObjectName("readonlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#readonlyBanner { background:#ffe0b2; color:#5d3200; "
            "padding:6px; font-weight:bold; border:1px solid #e65100; }"
        )
        self.banner.setVisible(doc.readonly)
        self.unlock_banner = QLabel()
        self.unlock_banner.setObjectName("unlockBanner")
        self.unlock_banner.setWordWrap(True)
        self.unlock_banner.setStyleSheet(
            "#unlockBanner { background:#fde2df; color:#7a1410; "
            "padding:6px; font-weight:bold; "
            "border:1px solid #b3261e; }"
        )
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
            self.unlock_banner,
            notices,
            self.filter_bar,
            self.view,
            self.legend,
        ):
            layout.addWidget(widget)
        layout.setStretchFactor(self.view, 1)
        self.setCentralWidget(central)
        self.setDockNestingEnabled(True)
        self._build_docks()
        self._build_actions()
        self._build_status_bar()
        self._connect()
        # Realisation is the everyday work; a click must never change the signed plan.
        last = str(settings.value("window/mode", Mode.REALISATION))
        self.set_mode(Mode(last) if last in MODE_HELP else Mode.REALISATION)
        self.update_readonly()
        self.update_title()
        self.expand_default()
        if not settings.restore_geometry(self, "main"):
            avail = settings.available_geometry(self)
            self.resize(min(1600, avail.width()), min(950, avail.height()))
            self.move(avail.topLeft())
            QTimer.singleShot(0, self._size_panels)
        # After the first paint: the first heartbeat writes to the (possibly shared) file.
        QTimer.singleShot(0, self.watcher.start)

    # -- construction --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.filter_count = QLabel()
        self.filter_count.setObjectName("filterCount")
        bar.addWidget(self.filter_count)
        self.user_label = QLabel()
        self.file_label = QLabel()
        self.presence_label = QLabel()
        self.today_label = QLabel()
        for widget in (self.presence_label, self.today_label, self.file_label, self.user_label):
            bar.addPermanentWidget(widget)
        self.update_status()

    def _build_actions(self) -> None:
        doc, state, edits = self.doc, self.state, self.tree_edits
        self.host = host = ActionHost(doc, state, self, self)
        request = self.fileRequested.emit
        given = {act: self.docks[act.value].toggleViewAction() for _cls, act in DOCKS}
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
            Act.RESTORE: lambda: file_actions.restore(host),
            Act.USER: lambda: file_actions.change_user(host, self.update_status),
            Act.QUIT: self.close,
            Act.TOGGLE: lambda: self.toggle_cell(self.view.currentIndex()),
            **{act: partial(self.set_status_current, status) for act, status in STATUSES.items()},
            Act.EDIT_NOTE: self.edit_note,
            Act.ADD_SIBLING: edits.add_sibling,
            Act.ADD_CHILD: edits.add_child,
            Act.RENAME: lambda: self.edit_current(COL_TEXT),
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
            Act.EXPAND: self.view.expandAll,
            Act.COLLAPSE: self.view.collapseAll,
            Act.RELOAD: self.refresh_from_file,
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
            Act.PRINT_PREVIEW: lambda: export_actions.print_preview(host, "plan"),
            **{
                act: partial(settings.set_value, "export/paper", str(paper))
                for act, paper in PAPERS.items()
            },
            **{
                act: partial(settings.set_value, "export/copy", str(form))
                for act, form in COPY_FORMS.items()
            },
            Act.IMPORT_EXCEL: lambda: export_actions.import_excel(host),
            Act.GUIDE: lambda: help_actions.guide(self),
            Act.ABOUT: lambda: help_actions.about(host),
            Act.LOGS: help_actions.open_log_folder,
        }
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

    def _size_panels(self) -> None:
        """First start on this PC: the panels' column gets its width once the window has its
        own (before that, Qt would share out a width the window does not have yet)."""
        docks = list(self.docks.values())
        self.resizeDocks(docks, [self._panel_width] * len(docks), Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        doc = self.doc
        self.view.toggleRequested.connect(self.toggle_cell)
        self.view.dropRequested.connect(self.tree_edits.drop)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        state = self.state
        state.selectRequested.connect(self.select_uuid)
        state.teamSelected.connect(self.filter_bar.select_team)
        doc.refused.connect(lambda text: self.show_message(text, error=True))
        doc.edited.connect(self._edited)
        doc.planChanged.connect(self._plan_changed)
        doc.treeReloaded.connect(self.filter_bar.populate)
        doc.childrenChanged.connect(self._children_changed)
        state.modeChanged.connect(self._mode_changed)
        state.lockChanged.connect(self._lock_changed)
        self.proxy.filterAboutToChange.connect(self._remember_expansion)
        self.proxy.filterApplied.connect(self._filter_applied)
        self.watcher.othersCommitted.connect(self.refresh_from_file)
        self.watcher.presenceChanged.connect(self._presence_changed)

    # -- state shown to the user ---------------------------------------------------------------

    def update_title(self) -> None:
        tree = self.doc.tree
        plan = f"{tree.unit} {tree.year}" if tree else tr("tanpa rencana")
        suffix = tr(" [hanya-baca]") if self.doc.readonly else ""
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

    def show_message(
        self,
        text: str,
        error: bool = False,
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
    ) -> None:
        log.info("message: %s", text)
        self.message_bar.show_text(text, error, actions)
        self.statusBar().showMessage(text, 8000)

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def _edited(self) -> None:
        self.file_label.setText(
            f"{self.doc.store.path.name} · "
            + tr("Tersimpan {t}").format(t=dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _presence_changed(self, names: list[str]) -> None:
        others = [n for n in names if n != self.doc.user]
        self.presence_label.setText(
            tr("Juga membuka berkas ini: {names}").format(names=", ".join(others)) if others else ""
        )

    # -- modes ---------------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.state.set_mode(mode)
        self._mode_changed(mode)

    def _mode_changed(self, mode: Mode) -> None:
        settings.set_value("window/mode", mode)
        self.acts[Act.MODE_PLAN].setChecked(mode == Mode.PLAN)
        self.acts[Act.MODE_REAL].setChecked(mode == Mode.REALISATION)
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

    def current_source_index(self) -> QModelIndex:
        return self.proxy.mapToSource(self.view.currentIndex())

    def current_node(self) -> Node | None:
        return self.model.node(self.current_source_index())

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

    def edit_current(self, column: int = COL_TEXT) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            index = index.siblingAtColumn(column)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def select_uuid(self, uuid: str) -> None:
        """Select, expand to and scroll to a node (and keep the month column if on one)."""
        source = self.model.index_of(uuid)
        if not source.isValid():
            return
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_bar.clear()
            index = self.proxy.mapFromSource(source)
        column = self.view.currentIndex().column()
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
        if not 1 <= month <= 12:
            return
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.proxy.index(0, 0)
        if index.isValid():
            index = index.siblingAtColumn(month_column(month))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def expand_default(self) -> None:
        """Unfold the plan as far as about EXPAND_ROWS rows: all of an ordinary plan, the first
        levels of a big one. Every row unfolded costs the view work on each later change."""
        if self.model.row_total() <= EXPAND_ROWS:
            self.view.expandAll()
        else:
            self._expand_within(None, EXPAND_ROWS)

    def _remember_expansion(self) -> None:
        """Before the first filter: which rows the user had open, to give them back after."""
        if self.proxy.active or self._expanded_before_filter is not None:
            return
        self._expanded_before_filter = {
            node.uuid
            for node in self.model._nodes.values()
            if node.children
            and self.view.isExpanded(self.proxy.mapFromSource(self.model.index_of(node.uuid)))
        }

    def _filter_applied(self) -> None:
        shown = self.proxy.shown_indicators()
        self.filter_count.setText(
            ""
            if shown is None
            else tr("Filter aktif: {n} dari {total} indikator ditampilkan").format(
                n=shown[0], total=shown[1]
            )
        )
        if shown is not None:
            self.expand_matches()
            return
        expanded, self._expanded_before_filter = self._expanded_before_filter, None
        if expanded is not None:
            self.view.collapseAll()
            for uuid in expanded:
                self.view.expand(self.proxy.mapFromSource(self.model.index_of(uuid)))

    def expand_matches(self, limit: int = EXPAND_ROWS) -> None:
        """After a search or status filter: unfold the rows that lead to what was found, level
        by level, as long as no more than ``limit`` rows would be shown (never the whole plan)."""
        visible = self.proxy.visible_ids
        if visible is not None and (self.proxy._words or self.proxy._status):
            self._expand_within(visible, limit)

    def _expand_within(self, visible: set[int] | None, limit: int) -> None:
        level = [n for n in self.model._root.children if visible is None or n.nid in visible]
        rows = len(level)
        while level:
            deeper: list[Node] = []
            for node in level:
                kids = [c for c in node.children if visible is None or c.nid in visible]
                if not kids:
                    continue
                if rows + len(kids) > limit:
                    return
                self.view.expand(self.proxy.mapFromSource(self.model.index_of(node.uuid)))
                rows += len(kids)
                deeper += kids
            level = deeper

    def _children_changed(self, parent_uuids: list[str]) -> None:
        if self.doc.tree is not None and self.doc.tree.uuid in parent_uuids:
            self.filter_bar.populate()  # an area was added or removed

    def refresh_from_file(self) -> None:
        """Someone else committed: reload the snapshot and merge it into the grid in place."""
        self.doc.reload()

    def _plan_changed(self, _uuid: str) -> None:
        self.filter_bar.populate()
        self.expand_default()
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
        for item in ROW_MENU:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(a[item])
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- plans ---------------------------------------------------------------------------------

    def choose_plan(self, uuid: str) -> None:
        if uuid and uuid != self.doc.plan_uuid:
            self.doc.set_plan(uuid)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_geometry(self, "main")
        self.watcher.blockSignals(True)
        self.watcher.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.doc.store.close()
