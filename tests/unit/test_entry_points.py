"""The installed commands: `rbdesk` is the command line, `rbdesk-gui` the window (a gui-script,
so that on Windows it starts without a console)."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _target(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def test_console_and_gui_scripts() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"rbdesk": "rbdesk.cli:main"}
    assert project["gui-scripts"] == {"rbdesk-gui": "rbdesk.gui:main"}
    assert callable(_target(project["gui-scripts"]["rbdesk-gui"]))
    assert "pyinstaller>=6.10" in project["optional-dependencies"]["dist"]
