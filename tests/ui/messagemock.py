"""One mock for the window's message boxes and questions (as qutebrowser's
tests/helpers/messagemock.py): the ``messages`` fixture records every error, notice and question
instead of showing a modal box, and answers the questions as the test says."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

import rbdesk.ui
from rbdesk.ui.dialogs import common

NOT_LOADED_IN_TESTS = {"rbdesk.ui.screenshots"}  # sets RBDESK_TODAY when imported


@dataclass
class MessageMock:
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)  # the question's text
    # True / False, or a function of the question's text
    answer: bool | Callable[[str], bool] = True

    def confirm(self, parent: QWidget | None, title: str, text: str, yes: str = "") -> bool:
        self.questions.append(text)
        return self.answer(text) if callable(self.answer) else self.answer

    def show_error(self, parent: QWidget | None, text: str, title: str = "") -> None:
        self.errors.append(text)

    def show_info(self, parent: QWidget | None, text: str, title: str = "") -> None:
        self.infos.append(text)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageMock:
    """Replaces ``dialogs.common.confirm/show_error/show_info`` wherever the window imported
    them (every ui module is loaded first, so one loaded later on first use is covered too)."""
    for info in pkgutil.walk_packages(rbdesk.ui.__path__, "rbdesk.ui."):
        if info.name not in NOT_LOADED_IN_TESTS:
            importlib.import_module(info.name)
    mock = MessageMock()
    real: dict[str, Any] = {
        name: getattr(common, name) for name in ("confirm", "show_error", "show_info")
    }
    for name, module in list(sys.modules.items()):
        if name.startswith("rbdesk.ui"):
            for attr, function in real.items():
                if getattr(module, attr, None) is function:
                    monkeypatch.setattr(module, attr, getattr(mock, attr))
    return mock
