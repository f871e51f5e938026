"""The one way the window writes: an operation of ``rbdesk.models`` run on the open file, with a
typed result.

``run`` calls the operation and sorts what happened into :class:`Done` (with its value),
:class:`Refused` (a user error, with its Indonesian message) or :class:`Conflict` (someone else
changed or removed the row: who and when, and the snapshot is re-read). The refusal is also shown
through the document's ``refused`` signal, once, by the window that listens to it for good.
:class:`UndoStep` is the base of every undoable edit, and keeps the result of its first step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from PySide6.QtGui import QUndoCommand

from rbdesk.models.errors import ConflictError, NotFoundError, RbdeskError, TextConflict
from rbdesk.models.storage.store import Store

if TYPE_CHECKING:
    from rbdesk.ui.document import PlanDocument

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class Done(Generic[T]):
    value: T
    ok = True
    message = ""


@dataclass(frozen=True)
class Refused:
    message: str
    ok = False


@dataclass(frozen=True)
class Conflict:
    """The row changed (``by`` and ``at`` of that change, when known) or is gone; for a text a
    colleague rewrote meanwhile, their text and the one that was refused."""

    message: str
    by: str = ""
    at: str = ""
    theirs: str | None = None
    yours: str | None = None
    ok = False


Outcome = Done[T] | Refused | Conflict
NOT_RUN: Refused = Refused("")  # a step whose operation was never called


def run(
    document: PlanDocument,
    op: Callable[Concatenate[Store, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> Outcome[T]:
    """Call ``op(store, *args, **kwargs)``; a refusal is shown, a conflict re-reads the plan."""
    try:
        value = op(document.store, *args, **kwargs)
    except TextConflict as exc:
        return _refused(
            document, Conflict(exc.message, exc.changed_by, exc.changed_at, exc.theirs, exc.yours)
        )
    except ConflictError as exc:
        return _refused(document, Conflict(exc.message, exc.changed_by, exc.changed_at))
    except NotFoundError as exc:
        return _refused(document, Conflict(exc.message))
    except RbdeskError as exc:
        return _refused(document, Refused(exc.message))
    document.edited.emit()
    return Done(value)


def _refused(document: PlanDocument, outcome: Refused | Conflict) -> Refused | Conflict:
    document.refused.emit(outcome.message)
    if isinstance(outcome, Conflict):
        document.reload()
    return outcome


class FirstRedo:
    """What the first ``redo`` of a step did, in plain Python: still readable after the push when
    the stack has deleted the (obsolete) command, whose C++ side must not be touched then."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome[Any]] = []
        self.over = False

    @property
    def outcome(self) -> Outcome[Any]:
        """The first refusal, else the result of the last operation (NOT_RUN if none ran)."""
        refusals = [outcome for outcome in self.outcomes if not outcome.ok]
        return refusals[0] if refusals else self.outcomes[-1] if self.outcomes else NOT_RUN


class UndoStep(QUndoCommand):
    """The base of every undoable edit: ``redo`` does the work, the first time too.

    Subclasses write :meth:`step` and :meth:`unstep` and run operations through :meth:`call`. A
    step the file refuses marks the command obsolete, so ``QUndoStack.push`` drops it (the first
    time) or the stack moves past it (later: the view already shows the fresh state).
    """

    def __init__(self, document: PlanDocument, text: str) -> None:
        super().__init__(text)
        self.doc = document
        self.first = FirstRedo()

    def call(
        self, op: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Outcome[T]:
        outcome = run(self.doc, op, *args, **kwargs)
        if not self.first.over:
            self.first.outcomes.append(outcome)
        if not outcome.ok:
            self.setObsolete(True)
        return outcome

    def refuse(self) -> None:
        """Nothing to do after all (a row already at the top): no step, and no message."""
        if not self.first.over:
            self.first.outcomes.append(NOT_RUN)
        self.setObsolete(True)

    def redo(self) -> None:
        self.step(first=not self.first.over)
        self.first.over = True

    def undo(self) -> None:
        self.unstep()

    # Most steps apply a value one way and another back: they set ``forward`` and ``backward``
    # and write :meth:`apply`; the others write :meth:`step` and :meth:`unstep`.
    forward: Any = None
    backward: Any = None

    def step(self, first: bool) -> None:
        """Do the edit (``first``), or do it again after an undo."""
        self.apply(self.forward)

    def unstep(self) -> None:
        self.apply(self.backward)

    def apply(self, value: Any) -> None:
        """Write ``value`` (``forward`` or ``backward``); every step that does not override
        :meth:`step` and :meth:`unstep` overrides this (a QUndoCommand cannot be an ABC)."""
        raise NotImplementedError(f"{type(self).__name__} sets forward/backward but has no apply")


def push(step: UndoStep) -> Outcome[Any]:
    """Push a step on its document's undo stack; the outcome of its first ``redo``."""
    first = step.first
    step.doc.undo_stack.push(step)
    return first.outcome
