"""Bahasa Indonesia for the texts Qt draws itself (standard buttons, the file dialog, context
menus of text fields). Qt ships no Indonesian catalogue, so rbdesk supplies one: the table is
``resources/i18n/qt_id.json`` (Qt's English source text → Indonesian), installed as a
translator on the application."""

from __future__ import annotations

import json
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator


def _table() -> dict[str, str]:
    text = resources.files("rbdesk.resources").joinpath("i18n/qt_id.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("//")}


class QtIndonesian(QTranslator):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = _table()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is "no translation here" (Qt then keeps the source text); an empty string would
        # be a translation into nothing. rbdesk's own texts are already Indonesian.
        if not context.startswith("Q"):
            return None
        return self._table.get(source)

    def isEmpty(self) -> bool:  # Qt API
        return False


def install(app: QCoreApplication) -> QtIndonesian:
    """Indonesian for Qt's own texts, dates and numbers; Qt-drawn file dialogs everywhere (a
    native dialog speaks the language of the Windows installation, often English)."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    translator = QtIndonesian(app)
    app.installTranslator(translator)
    return translator
