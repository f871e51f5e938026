"""The application state shared by the main window, its models and its docks.

One ``AppContext`` per open file: the store, the current plan snapshot, the undo stack, and the
signals through which the grid and the docks keep each other in step without knowing each other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from rbdesk.models import clock
from rbdesk.models.errors import ConflictError, NotFoundError, RbdeskError
from rbdesk.models.progress import current_month
from rbdesk.models.store import Store
from rbdesk.models.tree import PlanTree, list_plans, load_plan_tree

log = logging.getLogger("rbdesk.ui")
T = TypeVar("T")


class AppContext(QObject):
    planChanged = Signal(str)          # another plan of the file was chosen
    treeReloaded = Signal()            # the snapshot was replaced (others' commits, conflicts)
    cellSelected = Signal(str, int)    # indicator uuid ("" = none), month (0 = no month)
    selectRequested = Signal(str)      # ask the grid to select and show this node uuid
    personSelected = Signal(str)       # roster: a person was chosen ("" = none)
    teamSelected = Signal(str)         # roster: a team was chosen ("" = none)
    errorRaised = Signal(str)          # a user-facing message (Indonesian, one line)
    edited = Signal()                  # something was written by this window

    def __init__(self, store: Store, plan_uuid: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        plans = list_plans()
        self.plan_uuid = plan_uuid or (plans[-1].uuid if plans else "")
        self.tree: PlanTree | None = load_plan_tree(self.plan_uuid) if self.plan_uuid else None

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    def today_month(self) -> int:
        """The month that counts as "now" for this plan (0 before its year, 13 after)."""
        year = self.tree.year if self.tree else clock.today().year
        return current_month(year, clock.today())

    def set_plan(self, plan_uuid: str) -> None:
        if plan_uuid == self.plan_uuid:
            return
        self.plan_uuid = plan_uuid
        self.tree = load_plan_tree(plan_uuid)
        self.undo_stack.clear()
        self.planChanged.emit(plan_uuid)

    def reload(self) -> None:
        if self.plan_uuid:
            self.tree = load_plan_tree(self.plan_uuid)
        self.treeReloaded.emit()

    def run(self, op: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call a domain operation; user errors become a message, conflicts refresh the view."""
        try:
            result = op(self.store, *args, **kwargs)
        except (ConflictError, NotFoundError) as exc:
            self.errorRaised.emit(exc.message)
            self.reload()
            return None
        except RbdeskError as exc:
            self.errorRaised.emit(exc.message)
            return None
        self.edited.emit()
        return result
