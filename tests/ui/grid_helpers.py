"""Walking the grid's rows in tests: every row of a model depth-first, the first row of a kind
whose text contains some words, and the evidence panel opened on one indicator's month."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from rbdesk.ui.grid.plan_columns import COL_TEXT, month_column
from rbdesk.ui.roles import Role


def rows(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from rows(model, index)


def find(model: QAbstractItemModel, text: str, kind: str = "indicator") -> QModelIndex:
    return next(
        i
        for i in rows(model)
        if i.data(Role.KIND) == kind and text in (i.siblingAtColumn(COL_TEXT).data() or "")
    )


def show_evidence(window, qtbot, text: str, month: int):
    """The evidence panel, shown and raised, of the indicator whose text contains ``text``, at
    ``month``: (its uuid, its grid index, the panel)."""
    index = find(window.proxy, text)
    uuid = index.data(Role.INDICATOR_UUID)
    window.view.setCurrentIndex(index.siblingAtColumn(month_column(month)))
    dock = window.docks["evidenceDock"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: dock.review.indicator_uuid == uuid)
    return uuid, index, dock


def choose_plan(window, uuid: str) -> None:
    """Pick a plan in the toolbar's plan chooser, as the user does."""
    chooser = window.plan_chooser
    chooser.setCurrentIndex(chooser.findData(uuid))
    assert window.doc.plan_uuid == uuid
