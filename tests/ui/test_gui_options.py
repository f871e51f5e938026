"""rbdesk.exe given an option (`--version`, `/?`) answers it and never opens a file of that name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rbdesk import __version__, gui


@pytest.mark.parametrize(
    ("option", "status", "shown"),
    [
        ("--version", 0, f"rbdesk {__version__}"),
        ("/?", 0, "Pemakaian: rbdesk [BERKAS]"),
        ("--help", 0, "rbdesk-cli.exe --help"),
        ("--bukan-pilihan", 2, "Pilihan tidak dikenal: --bukan-pilihan"),
    ],
)
def test_an_option_is_answered_in_a_message_box_not_opened_as_a_file(
    qapp, monkeypatch, option: str, status: int, shown: str
) -> None:
    from rbdesk.ui.window import app

    opened: list[str | None] = []
    monkeypatch.setattr(app, "run_gui", lambda path: opened.append(path) or 0)
    texts: list[str] = []

    def answer() -> None:  # the user reads the box and presses OK
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        texts.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(0, answer)
    assert gui.main([option]) == status
    assert opened == [] and len(texts) == 1 and shown in texts[0]
