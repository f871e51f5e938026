"""What the user is looking at in one window: the mode (plan or realisation), whether the signed
plan's months are unlocked, and the selection the grid and the panels share without knowing each
other."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from rbdesk.ui.document import PlanDocument


class Mode(StrEnum):
    PLAN = "rencana"
    REALISATION = "realisasi"


class ViewState(QObject):
    modeChanged = Signal(str)  # a Mode
    lockChanged = Signal(bool)  # the signed plan's months were unlocked (True) or locked
    cellSelected = Signal(str, int)  # indicator uuid ("" = none), month (0 = no month)
    selectRequested = Signal(str)  # ask the grid to select and show this node uuid
    cellRequested = Signal(str, int)  # ... and this month's cell of it (0: keep the column)
    teamSelected = Signal(str)  # roster: a team was chosen ("" = none)

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.mode = Mode.REALISATION
        self.plan_unlocked = False
        # Another plan is shown locked again: the unlock was for the plan the user revised.
        document.planChanged.connect(lambda _uuid: self.set_unlocked(False))

    @property
    def plan_locked(self) -> bool:
        return self.document.plan_signed and not self.plan_unlocked

    def set_unlocked(self, unlocked: bool) -> None:
        if unlocked != self.plan_unlocked:
            self.plan_unlocked = unlocked
            self.lockChanged.emit(unlocked)

    def set_mode(self, mode: Mode) -> None:
        if mode != self.mode:
            self.mode = mode
            self.modeChanged.emit(mode)
