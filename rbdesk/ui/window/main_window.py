"""The main window: the plan grid in the centre, menus, toolbar, status bar and the docks."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import N_, tr
from rbdesk.models import clock
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.tree import list_plans
from rbdesk.models.edits.realisation import next_status
from rbdesk.ui.grid import tree_edits
from rbdesk.ui.grid.filter_bar import FilterBar
from rbdesk.ui.grid.legend import Legend
from rbdesk.ui.grid.plan_columns import COL_TEXT, column_month, month_column
from rbdesk.ui.grid.plan_filter import PlanFilterProxy
from rbdesk.ui.grid.plan_model import PlanModel
from rbdesk.ui.grid.plan_nodes import Node
from rbdesk.ui.grid.plan_view import PlanView
from rbdesk.ui.panels.evidence_dock import EvidenceDock
from rbdesk.ui.panels.month_dock import MonthDock
from rbdesk.ui.panels.roster_dock import RosterDock
from rbdesk.ui.roles import Role
from rbdesk.ui.window import settings
from rbdesk.ui.window.context import MODE_PLAN, MODE_REALISATION, AppContext
from rbdesk.ui.window.file_watcher import FileWatcher
from rbdesk.ui.window.message_bar import MessageBar
from rbdesk.ui.window.window_actions import build_actions

log = logging.getLogger("rbdesk.ui")

DOCKS = (  # class, objectName, title, shortcut
    (RosterDock, "rosterDock", N_("Tim"), "Alt+1"),
    (EvidenceDock, "evidenceDock", N_("Bukti dukung"), "Alt+2"),
    (MonthDock, "monthDock", N_("Bulan ini"), "Alt+3"),
)
EXPAND_ROWS = 1500     # rows a search may unfold by itself
MODE_HELP = {
    MODE_PLAN: N_("Mode RENCANA — klik atau Spasi pada sel bulan: tandai / hapus rencana (√). "
               "F2: ubah teks."),
    MODE_REALISATION: N_("Mode REALISASI — klik atau Spasi pada sel bulan: belum → sebagian → "
                      "selesai. Enter: catatan realisasi."),
}
MODE_STYLE = {
    MODE_PLAN: "background:#dce9f9; color:#17406e; border-bottom:2px solid #2a5f9e;",
    MODE_REALISATION: "background:#d3eedd; color:#14532d; border-bottom:2px solid #23703a;",
}


class MainWindow(QMainWindow):
    # Open (False) or create (True) this file in place of this window; the application
    # (ui.window.app) owns windows and files, so the window only asks.
    fileRequested = Signal(Path, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.docks: dict[str, QDockWidget] = {}
        self.watcher = FileWatcher(ctx, self)
        self.model = PlanModel(ctx, self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = PlanView()
        self.view.setModel(self.proxy)
        self.view.setup_columns()
        self.filter_bar = FilterBar(ctx, self.proxy)
        self.legend = Legend()
        self.message_bar = MessageBar()
        self.banner = QLabel()
        self.banner.setObjectName("readonlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("#readonlyBanner { background:#ffe0b2; color:#5d3200; "
                                  "padding:6px; font-weight:bold; border:1px solid #e65100; }")
        self.banner.setVisible(ctx.readonly)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.banner, self.mode_label, self.message_bar, self.filter_bar,
                       self.view, self.legend):
            layout.addWidget(widget)
        layout.setStretchFactor(self.view, 1)
        self.setCentralWidget(central)
        self.setDockNestingEnabled(True)
        self.acts = build_actions(self)
        self._build_status_bar()
        self._build_docks()
        self._connect()
        self.set_mode(MODE_PLAN)
        self.update_readonly()
        self.update_title()
        self.expand_default()
        if not settings.restore_geometry(self, "main"):
            self.resize(1400, 860)
        # After the first paint: the first heartbeat writes to the (possibly shared) file.
        QTimer.singleShot(0, self.watcher.start)

    # -- construction --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.file_label = QLabel()
        self.presence_label = QLabel()
        self.today_label = QLabel()
        for widget in (self.presence_label, self.today_label, self.file_label, self.user_label):
            bar.addPermanentWidget(widget)
        self.update_status()

    def _build_docks(self) -> None:
        for cls, name, title, shortcut in DOCKS:
            dock = cls(self.ctx, self)
            dock.setObjectName(name)
            if not dock.windowTitle():
                dock.setWindowTitle(tr(title))
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            toggle = dock.toggleViewAction()
            toggle.setText(tr(title))
            toggle.setShortcut(QKeySequence(shortcut))
            self.acts.view_menu.insertAction(self.acts.docks_anchor, toggle)
            self.docks[name] = dock
        docks = self.docks
        self.splitDockWidget(docks["monthDock"], docks["evidenceDock"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(docks["rosterDock"], docks["monthDock"])
        docks["monthDock"].raise_()
        self.resizeDocks(list(docks.values()), [380] * len(docks), Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        ctx = self.ctx
        self.view.toggleRequested.connect(self.toggle_cell)
        self.view.dropRequested.connect(lambda s, t, w: tree_edits.drop(self, s, t, w))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        ctx.selectRequested.connect(self.select_uuid)
        ctx.teamSelected.connect(self.filter_bar.select_team)
        ctx.errorRaised.connect(lambda text: self.show_message(text, error=True))
        ctx.edited.connect(self._edited)
        ctx.planChanged.connect(self._plan_changed)
        ctx.treeReloaded.connect(self.filter_bar.populate)
        ctx.childrenChanged.connect(self._children_changed)
        ctx.modeChanged.connect(self._mode_changed)
        self.proxy.filterApplied.connect(self.expand_matches)
        self.watcher.othersCommitted.connect(self.refresh_from_file)
        self.watcher.presenceChanged.connect(self._presence_changed)

    # -- state shown to the user ---------------------------------------------------------------

    def update_title(self) -> None:
        tree = self.ctx.tree
        plan = f"{tree.unit} {tree.year}" if tree else tr("tanpa rencana")
        suffix = tr(" [hanya-baca]") if self.ctx.readonly else ""
        self.setWindowTitle(f"{self.ctx.store.path.name} — {tr('Rencana Aksi')} {plan}"
                            f"{suffix} — rbdesk")

    def update_status(self) -> None:
        self.user_label.setText(tr("Pengguna: {name}").format(name=self.ctx.user))
        today = clock.today()
        self.today_label.setText(tr("Hari ini: {d} {m} {y}").format(
            d=today.day, m=month_long(today.month), y=today.year))
        state = self.ctx.store.state
        if state.readonly:
            text = tr("Hanya-baca: {reason}").format(reason=state.reason)
        else:
            text = tr("Tersimpan otomatis")
        self.file_label.setText(f"{self.ctx.store.path.name} · {text}")
        self.file_label.setToolTip(str(self.ctx.store.path))

    def update_readonly(self) -> None:
        state = self.ctx.store.state
        if state.readonly:
            self.banner.setText(tr("Berkas ini dibuka HANYA-BACA ({reason}). Anda dapat melihat "
                                   "dan mencetak, tetapi perubahan tidak disimpan.")
                                .format(reason=state.reason))
        self.banner.setVisible(state.readonly)
        for action in self.acts.edit_actions:
            action.setEnabled(not state.readonly)

    def show_message(self, text: str, error: bool = False) -> None:
        log.info("message: %s", text)
        self.message_bar.show_text(text, error)
        self.statusBar().showMessage(text, 8000)

    def _edited(self) -> None:
        self.file_label.setText(f"{self.ctx.store.path.name} · " + tr("Tersimpan {t}").format(
            t=dt.datetime.now().strftime("%H:%M:%S")))

    def _presence_changed(self, names: list[str]) -> None:
        others = [n for n in names if n != self.ctx.user]
        self.presence_label.setText(tr("Juga membuka berkas ini: {names}").format(
            names=", ".join(others)) if others else "")

    # -- modes ---------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.ctx.set_mode(mode)
        self._mode_changed(mode)

    def _mode_changed(self, mode: str) -> None:
        self.acts.mode_plan.setChecked(mode == MODE_PLAN)
        self.acts.mode_real.setChecked(mode == MODE_REALISATION)
        self.mode_label.setText(tr(MODE_HELP[mode]))
        self.mode_label.setStyleSheet(f"#modeLabel {{ {MODE_STYLE[mode]} padding:4px 8px; "
                                      "font-weight:bold; }")
        self.view.viewport().update()

    # -- the grid ------------------------------------------------------------------------------

    def current_source_index(self) -> QModelIndex:
        return self.proxy.mapToSource(self.view.currentIndex())

    def current_node(self) -> Node | None:
        return self.model.node(self.current_source_index())

    def current_month(self) -> int:
        return column_month(self.view.currentIndex().column())

    def toggle_cell(self, index: QModelIndex) -> None:
        node = self.model.node(self.proxy.mapToSource(index))
        month = column_month(index.column())
        if node is None or not month:
            return
        if node.ind is None:
            self.statusBar().showMessage(tr("Baris induk menjumlahkan anak-anaknya; ubah sel "
                                            "pada baris indikator."), 5000)
            return
        if self.ctx.readonly:
            self.show_message(tr("Berkas dibuka hanya-baca; perubahan tidak dapat disimpan."))
            return
        ind = node.ind
        if self.ctx.mode == MODE_PLAN:
            self.proxy.setData(index, not ind.is_planned(month), Role.PLANNED)
        else:
            self.proxy.setData(index, next_status(ind.status(month)), Role.STATUS)

    def set_status_current(self, status: str) -> None:
        self.proxy.setData(self.view.currentIndex(), status, Role.STATUS)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.model.node(self.proxy.mapToSource(current))
        uuid = node.ind.uuid if node is not None and node.ind is not None else ""
        self.ctx.cellSelected.emit(uuid, column_month(current.column()) if uuid else 0)

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
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def go_to_current_month(self) -> None:
        month = self.ctx.today_month()
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
        if self.ctx.tree is not None and self.ctx.tree.uuid in parent_uuids:
            self.filter_bar.populate()      # an area was added or removed

    def refresh_from_file(self) -> None:
        """Someone else committed: reload the snapshot and merge it into the grid in place."""
        self.ctx.reload()

    def _plan_changed(self, _uuid: str) -> None:
        self.filter_bar.populate()
        self.expand_default()
        self.update_title()
        self.acts.refresh_plans()

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
            for act in (a.status_belum, a.status_sebagian, a.status_selesai):
                status.addAction(act)
            menu.addAction(a.toggle)
            menu.addMenu(status)
            menu.addAction(a.edit_note)
            menu.addSeparator()
        for act in (a.add_sibling, a.add_child, a.rename, a.delete, None, a.move_up, a.move_down,
                    a.outdent, a.indent, None, a.history):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- plans ---------------------------------------------------------------------------------

    def plans(self) -> list:
        return list_plans(self.ctx.store)

    def choose_plan(self, uuid: str) -> None:
        if uuid and uuid != self.ctx.plan_uuid:
            self.ctx.set_plan(uuid)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_geometry(self, "main")
        self.watcher.blockSignals(True)
        self.watcher.stop()
        super().closeEvent(event)
        if event.isAccepted():
            self.ctx.store.close()
