"""Every text Qt draws itself in the dialogs rbdesk opens is Indonesian (issue 20, item 9).

The window is started as ``rbdesk FILE`` starts it (``app.make_app`` installs rbdesk's
translator for Qt, ``app.start`` opens the file); each dialog is opened by its own menu
action, as a user opens it, and its widgets are walked while it waits: labels, buttons, combo
items, tooltips, window titles, actions and context menus, view headers, the calendars of the
date pickers. No text may be one of Qt's own English strings, and every text Qt asked the
translator for while the dialogs were open must have an Indonesian entry (Qt renames its
strings between versions: "Look in:" became "&Look in:", and the dialog fell back to English).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from rbdesk.ui import qt_indonesian
from rbdesk.ui.window.action_table import Act

# Qt's own English texts in the dialogs rbdesk uses (as Qt 6 spells them, "&" removed): the
# file dialog, its list, sidebar and context menu, message boxes and button boxes, text
# fields' context menus, the progress dialog and the calendar.
QT_ENGLISH = {
    "Look in:",
    "File name:",
    "Files of type:",
    "Directory:",
    "Open",
    "Save",
    "Cancel",
    "Choose",
    "Back",
    "Go back",
    "Forward",
    "Go forward",
    "Parent Directory",
    "Go to the parent directory",
    "Create New Folder",
    "Create a New Folder",
    "New Folder",
    "List View",
    "Change to list view mode",
    "Detail View",
    "Change to detail view mode",
    "Sidebar",
    "List of places and bookmarks",
    "Files",
    "Rename",
    "Delete",
    "Show hidden files",
    "Save As",
    "Find Directory",
    "All Files (*)",
    "Recent Places",
    "My Computer",
    "Computer",
    "Name",
    "Size",
    "Type",
    "Kind",
    "Date Modified",
    "File",
    "File Folder",
    "Unknown",
    "Yes",
    "No",
    "Yes to All",
    "No to All",
    "Abort",
    "Retry",
    "Ignore",
    "Close",
    "Discard",
    "Don't Save",
    "Help",
    "Apply",
    "Reset",
    "Restore Defaults",
    "Save All",
    "Show Details...",
    "Hide Details...",
    "Undo",
    "Redo",
    "Cut",
    "Copy",
    "Paste",
    "Select All",
    "Step up",
    "Step down",
    "Copy Link Location",
    "What's This?",
    "Previous Month",
    "Next Month",
    "Show",
    "Float",
    "Close Tab",
}


def plain(text: str) -> str:
    """A text as read: without its mnemonic '&' and the shortcut after a tab."""
    return text.split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english(text: str) -> bool:
    words = plain(text)
    # "Show Size": the file list's column menu puts "Show " before a header
    return words in QT_ENGLISH or words.startswith("Show ")


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """What ``root`` shows of itself, as (where, text) pairs."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for date_edit in root.findChildren(QDateEdit):
        if date_edit.calendarPopup() and date_edit.calendarWidget() is not None:
            widgets += [
                date_edit.calendarWidget(),
                *date_edit.calendarWidget().findChildren(QWidget),
            ]
    for w in widgets:
        name = type(w).__name__
        out += [(f"{name} title", w.windowTitle()), (f"{name} tooltip", w.toolTip())]
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((f"{name} text", w.text()))
        if isinstance(w, QGroupBox):
            out.append((f"{name} title", w.title()))
        if isinstance(w, QComboBox):
            out += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            out.append((f"{name} placeholder", w.placeholderText()))
        header = (
            w.header()
            if isinstance(w, QTreeView)
            else w.horizontalHeader()
            if isinstance(w, QTableView)
            else None
        )
        if header is not None and w.model() is not None:
            out += [
                (f"{name} header", str(w.model().headerData(c, Qt.Orientation.Horizontal)))
                for c in range(header.count())
            ]
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            menu = w.createStandardContextMenu()
            out += [(f"{name} context menu", a.text()) for a in menu.actions()]
            menu.deleteLater()
        for action in w.actions():
            out += [(f"{name} action", action.text()), (f"{name} action tip", action.toolTip())]
        if isinstance(w, QMenu):
            out += [(f"{name} menu", a.text()) for a in w.actions()]
    return [(where, text) for where, text in out if text]


class Recorder(QTranslator):
    """Installed after rbdesk's translator, so asked first: notes what Qt asks for, answers
    nothing (Qt then asks rbdesk's translator)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context.startswith("Q"):
            self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


@dataclass
class Started:
    win: QWidget
    asked: set[tuple[str, str]]


@pytest.fixture
def started(sample_path: Path, qtbot) -> Iterator[Started]:
    from rbdesk.ui.window import app

    # what `rbdesk FILE` does (app.run_gui): the application with rbdesk's translator for
    # Qt, then the file in its window
    qapp = app.make_app()
    recorder = Recorder()
    qapp.installTranslator(recorder)
    win = app.start(str(sample_path))
    assert win is not None
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    yield Started(win, recorder.asked)
    win.close()
    qapp.removeTranslator(recorder)


def untranslated(asked: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Qt's texts asked for without an Indonesian entry. Left out: key names (context
    QShortcut: Qt asks for every key it knows whenever it reads a shortcut; the keys of an
    office keyboard say Ctrl, Shift, Del in Indonesia too) and file type names (QMimeType:
    whatever files the folder holds; the system's MIME database or the Windows shell names
    them in the system's language)."""
    table = qt_indonesian.QtIndonesian().translate
    return sorted(
        (context, source)
        for context, source in asked
        if context not in ("QShortcut", "QMimeType") and table(context, source) is None
    )


def walk_modal(
    qtbot, open_it: Callable[[], object], kind: type[QWidget] = QDialog
) -> list[tuple[str, str]]:
    """Open a dialog (a ``kind``) the way the application does and read it while it waits for
    the user; then close it as Escape would."""
    seen: list[tuple[str, str]] = []
    found: list[QWidget] = []

    def read() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(20, read)
            return
        found.append(w)
        try:
            qtbot.wait(50)  # laid out and filled (the file list fills itself)
            seen.extend(texts_of(w))
        finally:  # a failure here must not leave the dialog waiting for ever
            if isinstance(w, QDialog):
                w.reject()
            else:
                w.close()

    QTimer.singleShot(0, read)
    open_it()
    assert found and isinstance(found[0], kind), found
    return seen


def test_the_file_dialogs_speak_indonesian(started, qtbot) -> None:
    acts = started.win.acts
    seen: list[tuple[str, str]] = []
    for act in (Act.OPEN_FILE, Act.NEW_FILE, Act.SAVE_COPY, Act.IMPORT_EXCEL, Act.EXPORT_EXCEL):
        seen += walk_modal(qtbot, acts[act].trigger, QFileDialog)
    # adding evidence: several files at once, as the Bukti dukung panel asks for them
    seen += walk_modal(
        qtbot,
        lambda: QFileDialog.getOpenFileNames(
            started.win, "Tambah bukti dukung", str(Path.home()), "Semua berkas (*)"
        ),
        QFileDialog,
    )
    texts = [text for _where, text in seen]
    assert "&Lihat di:" in texts and "&Jenis berkas:" in texts and "&Nama berkas:" in texts
    left = sorted({(where, text) for where, text in seen if english(text)})
    assert not left, left
    missing = untranslated(started.asked)
    assert not missing, missing


def test_message_boxes_and_progress_speak_indonesian(started, qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "rbdesk", "Hapus?", parent=started.win)
    for button in (
        QMessageBox.StandardButton.Ok,
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
        QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.YesToAll,
        QMessageBox.StandardButton.NoToAll,
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Retry,
        QMessageBox.StandardButton.Ignore,
        QMessageBox.StandardButton.Abort,
    ):
        box.addButton(button)
    box.setDetailedText("rincian")
    seen = walk_modal(qtbot, box.exec, QMessageBox)
    # as rbdesk asks its questions (evidence and roster panels)
    seen += walk_modal(
        qtbot,
        lambda: QMessageBox.question(
            started.win,
            "rbdesk",
            "Lepaskan bukti dukung?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        ),
        QMessageBox,
    )
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Reset
        | QDialogButtonBox.StandardButton.Help
        | QDialogButtonBox.StandardButton.RestoreDefaults
        | QDialogButtonBox.StandardButton.SaveAll,
        started.win,
    )
    seen += texts_of(buttons)
    progress = QProgressDialog("Mengekspor…", "Batal", 0, 100, started.win)
    progress.setValue(40)
    progress.show()
    seen += texts_of(progress)
    progress.close()
    left = sorted({(where, text) for where, text in seen if english(text)})
    assert not left, left
    texts = {text for _where, text in seen}
    assert {"&Ya", "&Tidak", "Batal", "Tampilkan rincian...", "Terapkan"} <= texts
    missing = untranslated(started.asked)
    assert not missing, missing


def test_dialogs_with_calendars_and_text_fields_speak_indonesian(started, qtbot) -> None:
    seen: list[tuple[str, str]] = []
    seen += walk_modal(qtbot, started.win.acts[Act.DECREE].trigger)  # Data SK: its calendar
    seen += walk_modal(qtbot, started.win.acts[Act.HISTORY_ALL].trigger)  # Riwayat: date pickers
    seen += walk_modal(qtbot, started.win.acts[Act.NEW_PLAN].trigger)  # a spin box, line edits
    calendar = QCalendarWidget(started.win)  # the months and days as the pickers show them
    seen += texts_of(calendar)
    left = sorted({(where, text) for where, text in seen if english(text)})
    assert not left, left
    texts = {plain(text) for _where, text in seen}
    assert {"Salin", "Tempel", "Pilih semua", "Januari", "Desember"} <= texts
    missing = untranslated(started.asked)
    assert not missing, missing


def test_the_import_assistant_speaks_indonesian(started, qtbot, tmp_path, monkeypatch) -> None:
    from rbdesk.exports import write_workbook

    book = write_workbook(started.win.doc.tree, tmp_path / "rencana.xlsx")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(book), ""))
    )
    from rbdesk.ui.dialogs.import_assistant import ImportAssistant

    seen: list[tuple[str, str]] = []

    def exec_(self: ImportAssistant) -> int:
        # read as it is shown (not through walk_modal: a long read may show its progress bar
        # as the first modal window)
        self.show()
        qtbot.wait(50)
        seen.extend(texts_of(self))
        self.reject()
        return self.result()

    monkeypatch.setattr(ImportAssistant, "exec", exec_)
    started.win.acts[Act.IMPORT_EXCEL].trigger()
    left = sorted({(where, text) for where, text in seen if english(text)})
    assert not left, left
    texts = {plain(text) for _where, text in seen}
    assert {"Impor", "Batal", "Area perubahan", "Bulan Jan", "Uraian", "Alasan"} <= texts
    missing = untranslated(started.asked)
    assert not missing, missing


def test_a_test_of_this_kind_can_fail() -> None:
    assert english("&Look in:") and english("Files of &type:") and english("Show Size")
    assert english("&Copy\tCtrl+C") and not english("&Salin\tCtrl+C")
    assert not english("&Lihat di:")
