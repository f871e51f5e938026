"""Bantuan → Panduan pengguna: the short user guide (resources/guide/panduan.md), task by task,
in a window that can stay open beside the plan."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from rbdesk.i18n import tr
from rbdesk.ui.settings import GeometryMemory


def guide_text() -> str:
    return (
        resources.files("rbdesk.resources").joinpath("guide/panduan.md").read_text(encoding="utf-8")
    )


class GuideDialog(GeometryMemory, QDialog):
    def __init__(self, shortcuts: str = "", parent: QWidget | None = None) -> None:
        """``shortcuts``: the table of keyboard shortcuts (Markdown) shown after the guide."""
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(tr("Panduan pengguna rbdesk"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text() + "\n" + shortcuts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 600)
