"""The "Bukti dukung" panel: realisation and evidence files of the selected indicator-month."""

from __future__ import annotations

import logging
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rbdesk.i18n import tr
from rbdesk.models.domain.file_names import opens_directly, safe_filename
from rbdesk.models.domain.month_cells import cell_state_text
from rbdesk.models.domain.month_overview import IndicatorPlace, find_place
from rbdesk.models.domain.months import month_long
from rbdesk.models.domain.progress import STATUSES, month_state
from rbdesk.models.domain.statuses import Status
from rbdesk.models.edits import realisation
from rbdesk.models.errors import RbdeskError
from rbdesk.ui.dialogs.common import confirm
from rbdesk.ui.dialogs.future_month import realise_ahead_ok
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.operations import Conflict, push
from rbdesk.ui.panels.evidence_model import EvidenceModel
from rbdesk.ui.panels.panel_dock import PanelDock, button_grid, setup_list, wrapped_label
from rbdesk.ui.panels.review_box import ReviewBox, both_texts
from rbdesk.ui.undo.evidence_steps import AttachEvidenceCommand, RemoveEvidenceCommand
from rbdesk.ui.undo.plan_steps import SetStatusCommand
from rbdesk.ui.view_state import ViewState

log = logging.getLogger("rbdesk.ui")


class _DropArea(QWidget):
    """The panel body: files dragged from the file manager are attached when dropped."""

    def __init__(self, dock: EvidenceDock) -> None:
        super().__init__(dock)
        self.dock = dock
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dock.can_attach() and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
            self.dock.show_message(tr("Lepaskan untuk melampirkan berkas."), error=False)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.dock.show_message("")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if not paths or not self.dock.can_attach():
            event.ignore()
            return
        event.acceptProposedAction()
        self.dock.attach_paths(paths)


def local_files(urls: list[QUrl]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]


class EvidenceDock(PanelDock):
    def __init__(self, doc: PlanDocument, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(tr("Bukti dukung"), "evidenceDock", doc, state, parent)
        self.indicator_uuid = ""
        self.month = 0
        # The month's row version and note when the note box was filled: what the user began
        # writing from (edits.realisation refuses a colleague's note saved since).
        self._note_shown: tuple[int, str] = (0, "")
        self._committing = False
        self._temp_dir: Path | None = None
        self._last_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

        body = _DropArea(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.header = wrapped_label(body, "evidenceHeader", rich=True)
        layout.addWidget(self.header)

        # The label above the choices, not beside them: the panel narrows to 300 pixels.
        layout.addWidget(QLabel(tr("Realisasi bulan ini:"), body))
        status_row = QHBoxLayout()
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        for i, (status, text) in enumerate(
            zip(STATUSES, (tr("○ Be&lum"), tr("◐ Seba&gian"), tr("✓ Sele&sai")), strict=True)
        ):
            button = QRadioButton(text, body)
            button.setObjectName(f"status_{status}")
            self.status_group.addButton(button, i)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        status_row.addStretch(1)
        layout.addLayout(status_row)

        note_row = QHBoxLayout()
        note_label = QLabel(tr("&Catatan:"), body)
        self.note_edit = QLineEdit(body)
        self.note_edit.setObjectName("realisationNote")
        self.note_edit.setPlaceholderText(tr("Catatan realisasi bulan ini"))
        note_label.setBuddy(self.note_edit)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note_edit, 1)
        layout.addLayout(note_row)

        self.review = ReviewBox(doc, body)
        self.review.messageRaised.connect(self.show_message)
        layout.addWidget(self.review)

        self.files_label = QLabel(body)
        self.files_label.setWordWrap(True)  # its hint, unwrapped, widened the panel on a click
        layout.addWidget(self.files_label)
        self.model = EvidenceModel(self)
        self.view = QTableView(body)
        self.view.setObjectName("evidenceFiles")
        self.view.setModel(self.model)
        setup_list(self.view)
        self.key_views = (self.view,)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(EvidenceModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (EvidenceModel.COL_SIZE, EvidenceModel.COL_WHO, EvidenceModel.COL_WHEN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)

        self.message = wrapped_label(body, "evidenceMessage")
        self.message.hide()
        layout.addWidget(self.message)

        # Alt+letter: none of these letters is a menu's (Berkas, Ubah, Tampilan, Ekspor, Bantuan)
        # or the review box's, so each opens what it says at the first press.
        self.add_action = self._action(
            tr("Tambah be&rkas…"),
            EvidenceDock.add_by_dialog,
            QKeySequence(Qt.Key.Key_Insert),
            tr("Lampirkan berkas (atau seret berkas ke panel)"),
        )
        self.open_action = self._action(
            tr("Bu&ka"),
            EvidenceDock.open_selected,
            QKeySequence(Qt.Key.Key_Return),
            tr("Buka dengan penampil bawaan Windows"),
        )
        self.save_action = self._action(
            tr("Simpan salinan…"),
            EvidenceDock.save_selected_copy,
            None,
            tr("Simpan salinan berkas ke folder lain"),
        )
        self.remove_action = self._action(
            tr("&Hapus"),
            EvidenceDock.remove_selected,
            QKeySequence(QKeySequence.StandardKey.Delete),
            tr("Hapus bukti dukung (dapat dibatalkan)"),
        )
        actions = (self.add_action, self.open_action, self.save_action, self.remove_action)
        layout.addLayout(button_grid(body, actions, tips=True))
        self.setWidget(body)
        self.setFocusProxy(self.view)

        self.status_group.idClicked.connect(lambda i: self.set_status(STATUSES[i]))
        self.note_edit.editingFinished.connect(self.commit_note)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        # The file the keyboard is on is the chosen one (Tab into the list puts the cursor on a
        # row without choosing it, and Buka / Hapus would stay grey).
        self.view.selectionModel().currentRowChanged.connect(self._choose_current)
        state.cellSelected.connect(self.show_cell)
        doc.treeReloaded.connect(self.refresh)
        doc.edited.connect(self.refresh)
        doc.nodesPatched.connect(self._patched)
        doc.planChanged.connect(lambda _uuid: self.show_cell("", 0))
        self.refresh()

    # --- which cell --------------------------------------------------------------------------

    def place(self) -> IndicatorPlace | None:
        if not 1 <= self.month <= 12:
            return None
        return find_place(self.doc.tree, self.indicator_uuid)

    def show_cell(self, indicator_uuid: str, month: int) -> None:
        if (indicator_uuid, month) != (self.indicator_uuid, self.month):
            self.commit_note()
            self.indicator_uuid, self.month = indicator_uuid, month
            self.show_message("")
        self.refresh()

    def can_attach(self) -> bool:
        return self.place() is not None and not self.doc.readonly

    def refresh(self) -> None:
        place = self.place()
        editable = place is not None and not self.doc.readonly
        for button in self.status_buttons.values():
            button.setEnabled(editable)
        self.note_edit.setEnabled(editable)
        if place is None:
            self.header.setText(
                tr("Pilih sel bulan pada grid untuk melihat realisasi dan bukti dukungnya.")
            )
            self.status_group.setExclusive(False)
            for button in self.status_buttons.values():
                button.setChecked(False)
            self.status_group.setExclusive(True)
            # setText, not clear(): clear() is an undoable edit that leaves the box "modified",
            # and the next month's note would then not be shown (and "" saved over it).
            self.note_edit.setText("")
            self._note_shown = (0, "")
            self.model.set_rows([])
            self.files_label.setText(tr("Bukti dukung"))
            self.review.show_cell("", 0, None)
            self._update_actions()
            return
        ind = place.indicator
        text = place.text if len(place.text) <= 160 else place.text[:157] + "…"
        state = cell_state_text(
            month_state(ind, self.month, self.doc.today_month()), ind.status(self.month)
        )
        year = self.doc.tree.year if self.doc.tree else ""
        self.header.setText(
            tr("Area {a}").format(a=place.area.label)
            + f" · <b>{escape(place.label)}</b> {escape(text)}<br>"
            + tr("{month} {year} · {state}").format(
                month=month_long(self.month), year=year, state=escape(state)
            )
        )
        cell = ind.realisation.get(self.month)
        version, note = (cell.version, cell.note) if cell else (0, "")
        self.status_buttons[cell.status if cell else Status.BELUM].setChecked(True)
        if not self.note_edit.isModified():  # never overwrite what is being typed
            self.note_edit.setText(note)
            self._note_shown = (version, note)
        elif note == self._note_shown[1]:
            # Only the status or the review changed under the text being typed: not a conflict.
            self._note_shown = (version, note)
        selected = self._selected_info()
        self.model.set_rows(realisation.list_evidence(self.doc.store, ind.uuid, self.month))
        self.review.show_cell(
            ind.uuid, self.month, cell, tuple(info.uuid for info in self.model.rows())
        )
        for row, info in enumerate(self.model.rows()):
            if selected is not None and info.uuid == selected.uuid:
                self.view.selectRow(row)
        hint = tr("seret berkas ke sini untuk melampirkan") if editable else ""
        count = tr("Bukti dukung ({n})").format(n=self.model.rowCount())
        self.files_label.setText(f"{count} — {hint}" if hint else count)
        self._update_actions()

    def _choose_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.view.selectionModel().isRowSelected(current.row()):
            self.view.selectRow(current.row())

    def _update_actions(self) -> None:
        has_file = self._selected_info() is not None
        self.add_action.setEnabled(self.can_attach())
        self.open_action.setEnabled(has_file)
        self.save_action.setEnabled(has_file)
        self.remove_action.setEnabled(has_file and not self.doc.readonly)

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1f5fbf;")
        self.message.setText(("⚠ " + text) if text and error else text)

    # --- realisation ---------------------------------------------------------------------------

    def _current(self) -> tuple[str, str, int]:
        place = self.place()
        cell = place.indicator.realisation.get(self.month) if place else None
        return (cell.status, cell.note, cell.version) if cell else (Status.BELUM, "", 0)

    def set_status(self, status: str) -> None:
        """Record the status of the shown cell, undoably (its note is saved by commit_note)."""
        if self.place() is None or status == self._current()[0]:
            return
        if not realise_ahead_ok(self, self.doc, self.month, status):
            self.refresh()  # the radio buttons back to what is recorded
            return
        push(SetStatusCommand(self.doc, self.indicator_uuid, self.month, status))
        self.refresh()

    def commit_note(self) -> None:
        """Save the typed note; a colleague's note saved meanwhile is never replaced unseen."""
        if self._committing or self.place() is None:
            return
        status, note, version = self._current()
        text = self.note_edit.text()
        self.note_edit.setModified(False)
        if text == note:
            self._note_shown = (version, note)
            return
        # The question below takes the focus, which ends the editing again: save once.
        self._committing = True
        try:
            self._save_note(status, text)
        finally:
            self._committing = False

    def _save_note(self, status: str, text: str) -> None:
        command = SetStatusCommand(
            self.doc, self.indicator_uuid, self.month, status, text, self._note_shown
        )
        outcome = push(command)
        self.refresh()
        if not isinstance(outcome, Conflict):
            return
        status, theirs, version = self._current()
        # Kept whatever the answer: the user's words are on the clipboard.
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
        what = tr("Catatan")
        question = (
            both_texts(outcome, what, text)
            if outcome.theirs is not None
            else outcome.message
            + "\n\n"
            + tr("{what} Anda:").format(what=what)
            + f"\n\u201c{text}\u201d"
        )
        question += "\n\n" + tr(
            "Catatan Anda sudah disalin ke papan klip. Simpan catatan Anda menggantikan "
            "catatan yang sekarang?"
        )
        self._note_shown = (version, theirs)
        if confirm(self, tr("Catatan diubah rekan kerja"), question, yes=tr("Simpan catatan saya")):
            self._save_note(status, text)
            return
        self.show_message(
            tr("Catatan {who} dipakai; catatan Anda ada di papan klip (Ctrl+V).").format(
                who=outcome.by or tr("rekan kerja")
            ),
            error=False,
        )

    # --- evidence files ----------------------------------------------------------------------

    def add_by_dialog(self) -> None:
        if not self.can_attach():
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, tr("Pilih berkas bukti dukung"), self._last_dir, tr("Semua berkas (*)")
        )
        if names:
            self._last_dir = str(Path(names[0]).parent)
            self.attach_paths([Path(n) for n in names])

    def attach_paths(self, paths: list[Path]) -> int:
        """Attach files, each one undoable; returns how many were stored."""
        if not self.can_attach():
            return 0
        stack = self.doc.undo_stack
        errors: list[str] = []
        stored = 0
        if len(paths) > 1:
            stack.beginMacro(tr("Lampirkan {n} berkas").format(n=len(paths)))
        try:
            for path in paths:
                command = AttachEvidenceCommand(self.doc, self.indicator_uuid, self.month, path)
                outcome = push(command)
                stored += outcome.ok
                errors += [outcome.message] if outcome.message else []
        finally:
            if len(paths) > 1:
                stack.endMacro()
        self.refresh()
        self.show_message(" ".join(errors))
        return stored

    def _selected_info(self) -> realisation.EvidenceInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_selected(self) -> bool:
        info = self._selected_info()
        if info is None:
            return False
        if not opens_directly(info.filename):
            return self._save_instead_of_opening(info.filename)
        try:
            if self._temp_dir is None:
                self._temp_dir = Path(tempfile.mkdtemp(prefix="rbdesk-bukti-"))
            target = realisation.write_temp_copy(self.doc.store, info, self._temp_dir)
        except RbdeskError as exc:
            self._fail(exc.message)
            return False
        except OSError as exc:
            log.warning("cannot write temporary copy of %s: %s", info.filename, exc)
            self._fail(
                tr("Berkas {name} tidak dapat disiapkan untuk dibuka: {err}").format(
                    name=info.filename, err=exc.strerror or exc
                )
            )
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self._fail(
                tr(
                    "Tidak ada program di komputer ini untuk membuka {name}. Gunakan "
                    '"Simpan salinan" lalu buka dari folder.'
                ).format(name=info.filename)
            )
            return False
        return True

    def _save_instead_of_opening(self, name: str) -> bool:
        """A type that can run a program is never handed to the system: saved, with a warning."""
        warning = tr("{name} tidak dibuka: jenis berkas ini dapat menjalankan program.").format(
            name=name
        )
        self.show_message(warning + " " + tr("Simpan salinannya untuk diperiksa."))
        saved = self.save_selected_copy()
        if saved is not None:
            self.show_message(warning + " " + tr("Salinan disimpan: {path}").format(path=saved))
        return False

    def save_selected_copy(self) -> Path | None:
        info = self._selected_info()
        if info is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Simpan salinan bukti dukung"),
            str(Path(self._last_dir) / safe_filename(info.filename)),
            tr("Semua berkas (*)"),
        )
        if not name:
            return None
        try:
            saved = realisation.save_evidence_copy(self.doc.store, info.uuid, name)
        except RbdeskError as exc:
            self._fail(exc.message)
            return None
        self._last_dir = str(saved.parent)
        self.show_message(tr("Salinan disimpan: {path}").format(path=saved), error=False)
        return saved

    def remove_selected(self) -> bool:
        info = self._selected_info()
        if info is None:
            return False
        if not confirm(
            self,
            tr("Hapus bukti dukung"),
            tr(
                "Hapus {name} dari bukti dukung bulan ini?\nPenghapusan dapat "
                "dibatalkan dengan Urungkan (Ctrl+Z)."
            ).format(name=info.filename),
        ):
            return False
        command = RemoveEvidenceCommand(
            self.doc, self.indicator_uuid, info.uuid, info.filename, info.version
        )
        outcome = push(command)
        self.refresh()
        self.show_message(outcome.message)
        return outcome.ok

    def _patched(self, uuids: list[str]) -> None:
        if self.indicator_uuid in uuids:
            self.refresh()

    def _fail(self, message: str) -> None:
        self.show_message(message)
        self.doc.refused.emit(message)
