"""UI fixtures: offscreen Qt, settings in a temp folder, a real sample file in a shown window."""

from __future__ import annotations

import os

# Before any QApplication exists; a process-wide setting, not a per-test one. The offscreen
# screen is the office's: 1366 × 768 (Qt's default offscreen screen is 800 × 800).
OFFICE_SCREEN = os.path.join(os.path.dirname(__file__), "..", "fixtures", "office-screen.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.path.abspath(OFFICE_SCREEN)}"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from messagemock import messages  # noqa: E402, F401 - the one mock of message boxes
from PySide6.QtCore import QSettings  # noqa: E402

# "Today" of every UI test. Set per test (below), never at import: an import-time setting would
# also pin the date for the unit and CLI tests whenever the whole suite is collected.
TODAY = "2024-06-14"


@pytest.fixture(autouse=True)
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Today is 14 June 2024; QSettings live in this test's own folder; no modal boxes."""
    monkeypatch.setenv("RBDESK_TODAY", TODAY)
    ini = tmp_path / "settings"
    ini.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ini))
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "rbdesk", "rbdesk").clear()
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "rbdesk", "rbdesk").setValue(
        "user/name", "Penguji"
    )
    return ini


@pytest.fixture
def ctx(sample_path: Path, qapp) -> Iterator:
    from rbdesk.models.storage.store import Store
    from rbdesk.ui.document import PlanDocument

    store = Store.open(sample_path, user="Penguji")
    context = PlanDocument(store)
    yield context
    store.close()


@pytest.fixture
def window(ctx, qtbot) -> Iterator:
    from rbdesk.ui.window.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.waitExposed(win)
    # The side panels fill themselves after the first paint.
    qtbot.waitUntil(
        lambda: (
            not any(
                getattr(d, "refresh_pending", False) and d.isVisible() for d in win.docks.values()
            )
        )
    )
    yield win
    win.close()
