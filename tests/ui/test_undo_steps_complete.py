"""Every undo step the window pushes says how it is done and undone: the base's ``apply`` only
raises, so a step that sets ``forward``/``backward`` without writing ``apply`` would fail at the
user's first click, not here."""

from __future__ import annotations

import importlib
import pkgutil

import rbdesk.ui.undo
from rbdesk.ui.operations import UndoStep


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found.union(*(_subclasses(c) for c in found)) if found else found


def test_every_undo_step_writes_apply_or_step_and_unstep() -> None:
    for module in pkgutil.iter_modules(rbdesk.ui.undo.__path__):
        importlib.import_module(f"rbdesk.ui.undo.{module.name}")
    steps = [c for c in _subclasses(UndoStep) if not c.__name__.startswith("_")]
    assert len(steps) >= 10
    for step in steps:
        written = {
            name
            for name in ("apply", "step", "unstep")
            if getattr(step, name) is not getattr(UndoStep, name)
        }
        assert "apply" in written or {"step", "unstep"} <= written, step.__name__
