"""Menus, toolbar and keyboard shortcuts of the main window (every action has a shortcut)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar

from rbdesk.i18n import tr
from rbdesk.ui.grid import tree_edits
from rbdesk.ui.grid.plan_columns import COL_TEXT
from rbdesk.ui.view_state import Mode
from rbdesk.ui.window import decree_actions, export_actions, file_actions

if TYPE_CHECKING:
    from rbdesk.ui.window.main_window import MainWindow


class WindowActions:
    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.edit_actions: list[QAction] = []

    def make(self, text: str, slot: Callable[[], object], shortcut: str | QKeySequence = "",
             *, tip: str = "", edit: bool = False, extra: tuple = ()) -> QAction:
        action = QAction(tr(text), self.win)
        keys = [QKeySequence(shortcut)] if shortcut else []
        keys += [QKeySequence(k) for k in extra]
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tr(tip))
            action.setStatusTip(tr(tip))
        action.triggered.connect(lambda _checked=False: slot())
        self.win.addAction(action)
        if edit:
            self.edit_actions.append(action)
        return action

    def refresh_plans(self) -> None:
        combo = self.plan_combo
        combo.blockSignals(True)
        combo.clear()
        for plan in self.win.plans():
            combo.addItem(f"{plan.year} — {plan.unit}", plan.uuid)
        combo.setCurrentIndex(max(0, combo.findData(self.win.doc.plan_uuid)))
        combo.setEnabled(combo.count() > 1)
        combo.setToolTip(tr("Rencana Aksi dalam berkas ini (tahun — satuan kerja)"))
        combo.blockSignals(False)


def build_actions(win: MainWindow) -> WindowActions:
    a = WindowActions(win)
    doc = win.doc
    menubar = win.menuBar()

    # -- Berkas ----------------------------------------------------------------------------------
    file_menu = menubar.addMenu(tr("&Berkas"))
    a.new_file = a.make("&Berkas baru…", lambda: file_actions.new_file(win), QKeySequence.New)
    a.open_file = a.make("&Buka…", lambda: file_actions.open_file(win), QKeySequence.Open)
    a.recent_menu = QMenu(tr("Berkas &terakhir"), win)
    a.recent_menu.aboutToShow.connect(lambda: file_actions.fill_recent(win, a.recent_menu))
    a.new_plan = a.make("Rencana Aksi &baru…", lambda: file_actions.new_plan(win),
                        "Ctrl+Shift+N", edit=True)
    a.next_year = a.make("&Rencana Aksi tahun berikutnya…",
                         lambda: file_actions.next_year_plan(win), edit=True,
                         tip="Salin rencana ini (dan susunan timnya) ke tahun berikutnya")
    a.decree = a.make("&Data SK…", lambda: decree_actions.edit_decree(win), "Ctrl+Shift+D",
                      tip="Nomor, tanggal, penanda tangan, Menimbang, Mengingat, diktum dan "
                          "Lampiran I dari SK rencana ini")
    a.delete_plan = a.make("&Hapus rencana aksi ini…", lambda: file_actions.delete_plan(win),
                           edit=True, tip="Untuk rencana yang dibuat karena keliru")
    a.save_copy = a.make("&Simpan salinan…", lambda: file_actions.save_copy(win),
                         "Ctrl+Shift+S", tip="Simpan salinan berkas untuk dibawa dengan USB "
                                             "atau dikirim")
    a.merge = a.make("&Gabungkan dari salinan…", lambda: file_actions.merge(win), "Ctrl+Shift+G",
                     edit=True)
    a.restore = a.make("&Pulihkan dari cadangan…", lambda: file_actions.restore(win),
                       "Ctrl+Shift+R")
    a.user = a.make("Ganti &nama pengguna…", lambda: file_actions.change_user(win), "Ctrl+Shift+U")
    # Ctrl+Q on every platform (Windows has no standard Quit key; on Linux it is Ctrl+Q, and
    # binding both made the shortcut ambiguous, so it did nothing).
    a.quit = a.make("&Keluar", win.close, "Ctrl+Q")
    for item in (a.new_file, a.open_file, a.recent_menu, None, a.new_plan, a.next_year,
                 a.decree, a.delete_plan, None, a.save_copy,
                 a.merge, a.restore, None, a.user, None, a.quit):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)

    # -- Ubah ------------------------------------------------------------------------------------
    edit_menu = menubar.addMenu(tr("&Ubah"))
    a.undo = doc.undo_stack.createUndoAction(win, tr("&Urungkan"))
    a.undo.setShortcuts([QKeySequence("Ctrl+Z")])
    a.redo = doc.undo_stack.createRedoAction(win, tr("U&lang"))
    a.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    win.addAction(a.undo)
    win.addAction(a.redo)
    a.toggle = a.make("Ubah sel bulan (Spasi, klik dua kali)",
                      lambda: win.toggle_cell(win.view.currentIndex()), "Ctrl+Space", edit=True,
                      tip="Mode Rencana: tandai/hapus rencana. Mode Realisasi: ganti status.")
    a.status_belum = a.make("Realisasi: &belum", lambda: win.set_status_current("belum"),
                            "Ctrl+Alt+1", edit=True)
    a.status_sebagian = a.make("Realisasi: &sebagian", lambda: win.set_status_current("sebagian"),
                               "Ctrl+Alt+2", edit=True)
    a.status_selesai = a.make("Realisasi: s&elesai", lambda: win.set_status_current("selesai"),
                              "Ctrl+Alt+3", edit=True)
    a.edit_note = a.make("&Catatan realisasi…", lambda: _edit_note(win), "Ctrl+Alt+C", edit=True)
    a.add_sibling = a.make("&Tambah baris di bawah", lambda: tree_edits.add_sibling(win),
                           "Insert", edit=True, tip="Baris baru setingkat, di bawah baris ini")
    a.add_child = a.make("Tambah baris &anak", lambda: tree_edits.add_child(win), "Ctrl+Insert",
                         edit=True, tip="Kegiatan dalam area, sub kegiatan dalam kegiatan, …")
    a.rename = a.make("Ganti &nama / uraian", lambda: win.edit_current(COL_TEXT), "F2", edit=True)
    a.delete = a.make("&Hapus baris…", lambda: tree_edits.delete_current(win), "Delete",
                      edit=True)
    a.move_up = a.make("Pindah ke a&tas", lambda: tree_edits.move(win, -1), "Alt+Shift+Up",
                       edit=True)
    a.move_down = a.make("Pindah ke &bawah", lambda: tree_edits.move(win, 1), "Alt+Shift+Down",
                         edit=True)
    a.outdent = a.make("Pindah ke kelompok &sebelumnya", lambda: tree_edits.regroup(win, -1),
                       "Alt+Shift+Left", edit=True,
                       tip="mis. indikator ke akhir sub kegiatan di atasnya")
    a.indent = a.make("Pindah ke kelompok &berikutnya", lambda: tree_edits.regroup(win, 1),
                      "Alt+Shift+Right", edit=True,
                      tip="mis. indikator ke awal sub kegiatan di bawahnya")
    a.lock = a.make("Buka &kunci rencana…", win.toggle_lock, "Ctrl+Shift+K", edit=True,
                    tip="Merevisi bulan rencana dari SK yang sudah ditandatangani")
    for item in (a.undo, a.redo, None, a.toggle, a.status_belum, a.status_sebagian,
                 a.status_selesai, a.edit_note, None, a.lock, None, a.add_sibling, a.add_child,
                 a.rename, a.delete, None, a.move_up, a.move_down, a.outdent, a.indent):
        edit_menu.addSeparator() if item is None else edit_menu.addAction(item)

    # -- Tampilan --------------------------------------------------------------------------------
    view_menu = menubar.addMenu(tr("&Tampilan"))
    a.view_menu = view_menu
    group = QActionGroup(win)
    a.mode_plan = a.make("Mode &Rencana", lambda: win.set_mode(Mode.PLAN), "Ctrl+1",
                         tip="Klik sel bulan untuk menandai rencana")
    a.mode_real = a.make("Mode Rea&lisasi", lambda: win.set_mode(Mode.REALISATION), "Ctrl+2",
                         tip="Klik sel bulan untuk mencatat realisasi")
    for act in (a.mode_plan, a.mode_real):
        act.setCheckable(True)
        group.addAction(act)
    a.find = a.make("&Cari…", win.filter_bar.focus_search, QKeySequence.Find)
    a.clear_filter = a.make("&Hapus filter", win.filter_bar.clear, "Ctrl+Shift+F")
    a.this_month = a.make("Ke &bulan ini", win.go_to_current_month, "Ctrl+T")
    a.expand = a.make("&Bentangkan semua", win.view.expandAll, "Ctrl+Shift+E")
    a.collapse = a.make("&Ciutkan ke area", win.view.collapseAll, "Ctrl+Shift+W")
    a.reload = a.make("&Muat ulang dari berkas", win.refresh_from_file, QKeySequence.Refresh,
                      extra=("F5",))
    a.history = a.make("&Riwayat baris ini…", lambda: file_actions.history(win), "Ctrl+H",
                       tip="Perubahan baris yang dipilih, dengan bulan, realisasi dan bukti "
                           "dukungnya")
    a.history_all = a.make("Riwayat seluruh &berkas…",
                           lambda: file_actions.history(win, whole_file=True), "Ctrl+Shift+H")
    for item in (a.mode_plan, a.mode_real, None, a.find, a.clear_filter, a.this_month, a.expand,
                 a.collapse, a.reload, None):
        view_menu.addSeparator() if item is None else view_menu.addAction(item)
    a.docks_anchor = view_menu.addSeparator()
    view_menu.addAction(a.history)
    view_menu.addAction(a.history_all)

    # -- Ekspor/Cetak, Bantuan -------------------------------------------------------------------
    export_actions.build_menu(win, a, menubar.addMenu(tr("&Ekspor/Cetak")))
    help_menu = menubar.addMenu(tr("Ban&tuan"))
    a.guide = a.make("&Panduan pengguna", lambda: file_actions.guide(win), "F1")
    a.about = a.make("&Tentang rbdesk", lambda: file_actions.about(win))
    a.logs = a.make("Buka folder &log", file_actions.open_log_folder, "Ctrl+Shift+L")
    help_menu.addAction(a.guide)
    help_menu.addAction(a.about)
    help_menu.addAction(a.logs)

    # -- toolbar ---------------------------------------------------------------------------------
    bar = QToolBar(tr("Alat utama"), win)
    bar.setObjectName("mainToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    win.addToolBar(bar)
    bar.addWidget(QLabel(tr(" Mode: ")))
    bar.addAction(a.mode_plan)
    bar.addAction(a.mode_real)
    bar.addSeparator()
    # Short, fixed labels on the toolbar (the full step in the tooltip), so the toolbar does not
    # change width, and the grid does not shift, after every edit. The menu says the whole step.
    for act, text, tip, can, sig in (
            (a.undo, tr("Urungkan"), doc.undo_stack.undoText, doc.undo_stack.canUndo,
             doc.undo_stack.canUndoChanged),
            (a.redo, tr("Ulang"), doc.undo_stack.redoText, doc.undo_stack.canRedo,
             doc.undo_stack.canRedoChanged)):
        short = QAction(text, win)
        short.setEnabled(can())
        short.triggered.connect(act.trigger)
        sig.connect(short.setEnabled)
        short.hovered.connect(lambda s=short, t=tip, k=act: s.setToolTip(
            f"{k.text().replace('&', '')} ({k.shortcut().toString(QKeySequence.NativeText)})"
            if t() else s.text()))
        bar.addAction(short)
    bar.addSeparator()
    bar.addAction(a.add_sibling)
    bar.addAction(a.add_child)
    bar.addAction(a.delete)
    bar.addSeparator()
    bar.addAction(a.this_month)
    bar.addSeparator()
    bar.addWidget(QLabel(tr(" Rencana: ")))
    a.plan_combo = QComboBox()
    a.plan_combo.setObjectName("planChooser")
    a.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    a.plan_combo.currentIndexChanged.connect(
        lambda _i: win.choose_plan(a.plan_combo.currentData() or ""))
    bar.addWidget(a.plan_combo)
    a.refresh_plans()
    for act in (a.mode_plan, a.mode_real):
        button = bar.widgetForAction(act)
        if button is not None:
            button.setMinimumWidth(90)
    return a


def _edit_note(win: MainWindow) -> None:
    if win.state.mode != Mode.REALISATION:
        win.set_mode(Mode.REALISATION)
    index = win.view.currentIndex()
    node = win.current_node()
    if index.isValid() and node is not None and node.ind is not None and win.current_month():
        win.view.edit(index)
    else:
        win.show_message(tr("Pilih sel bulan pada baris indikator untuk menulis catatan."))
