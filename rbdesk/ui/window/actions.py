"""The main window's actions, keyed by ``action_table.Act``: made once from the table, with the
code each runs, then laid out in the menus and the toolbar the table lists; and the toolbar's
list of plans."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QMenuBar, QToolBar, QWidget

from rbdesk.i18n import tr
from rbdesk.models.domain.tree import list_plans
from rbdesk.ui.document import PlanDocument
from rbdesk.ui.window.action_table import (
    ACTIONS,
    MENUS,
    RECENT,
    TOOLBAR,
    Act,
    Item,
    key_text,
)


class ActionRegistry:
    def __init__(
        self,
        parent: QWidget,
        handlers: Mapping[Act, Callable[[], object]],
        given: Mapping[Act, QAction],
    ) -> None:
        """``handlers``: what each action does; ``given``: actions made elsewhere (undo and
        redo by the undo stack, the panels' toggles), which take their keys from the table."""
        self._actions: dict[Act, QAction] = {}
        for act, spec in ACTIONS.items():
            action = given.get(act)
            if action is None:
                action = QAction(tr(spec.text), parent)
                action.triggered.connect(lambda _checked=False, run=handlers[act]: run())
                if spec.tip:
                    action.setToolTip(tr(spec.tip))
                    action.setStatusTip(tr(spec.tip))
                action.setCheckable(spec.checkable)
            if spec.keys:
                action.setShortcuts([QKeySequence(key) for key in spec.keys])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            parent.addAction(action)
            self._actions[act] = action

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())

    def edit_actions(self) -> list[QAction]:
        """The actions that write to the file: disabled while it is read-only."""
        return [self._actions[act] for act, spec in ACTIONS.items() if spec.edit]

    def group(self, acts: tuple[Act, ...], owner: QObject) -> QActionGroup:
        """One checked at a time (the mode, the paper, the printed form)."""
        group = QActionGroup(owner)
        for act in acts:
            group.addAction(self._actions[act])
        return group

    def build_menus(self, bar: QMenuBar, recent: QMenu) -> None:
        for title, items in MENUS:
            self.fill(bar.addMenu(tr(title)), items, recent)

    def fill(self, menu: QMenu, items: tuple[Item, ...], recent: QMenu | None = None) -> None:
        """The items of a menu (``action_table.MENUS``), ``recent`` where RECENT stands."""
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, Act):
                menu.addAction(self._actions[item])
            elif isinstance(item, tuple):
                title, acts = item
                self.fill(menu.addMenu(tr(title)), acts, recent)
            elif item == RECENT:
                if recent is not None:
                    menu.addMenu(recent)
            else:
                raise ValueError(f"unknown menu item {item!r}")

    def build_toolbar(self, bar: QToolBar, stack: QUndoStack, plan_chooser: QWidget) -> None:
        for item in TOOLBAR:
            if item is None:
                bar.addSeparator()
            elif item == "mode":
                bar.addWidget(QLabel(tr(" Mode: ")))
            elif item == "plan":
                bar.addWidget(QLabel(tr(" Rencana: ")))
                bar.addWidget(plan_chooser)
            elif item == "undo":
                self._short_undo(bar, stack)
            else:
                bar.addAction(self._actions[Act(item)])
        for act in (Act.MODE_PLAN, Act.MODE_REAL):
            button = bar.widgetForAction(self._actions[act])
            if button is not None:
                button.setMinimumWidth(90)

    def _short_undo(self, bar: QToolBar, stack: QUndoStack) -> None:
        """Short, fixed labels on the toolbar (the full step in the tooltip), so the toolbar does
        not change width, and the grid does not shift, after every edit. The menu says the
        whole step."""
        for act, text, tip, can, changed in (
            (self[Act.UNDO], tr("Urungkan"), stack.undoText, stack.canUndo, stack.canUndoChanged),
            (self[Act.REDO], tr("Ulang"), stack.redoText, stack.canRedo, stack.canRedoChanged),
        ):
            short = QAction(text, bar.parent())
            short.setEnabled(can())
            short.triggered.connect(act.trigger)
            changed.connect(short.setEnabled)
            short.hovered.connect(
                lambda s=short, t=tip, k=act: s.setToolTip(
                    f"{k.text().replace('&', '')} ({key_text(k.shortcut())})" if t() else s.text()
                )
            )
            bar.addAction(short)


class PlanChooser(QComboBox):
    """The toolbar's list of the plans in the file (year — unit); choosing one shows it."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setObjectName("planChooser")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._chosen)
        self.refresh()

    def refresh(self) -> None:
        self.blockSignals(True)
        self.clear()
        for plan in list_plans(self.doc.store):
            self.addItem(f"{plan.year} — {plan.unit}", plan.uuid)
        self.setCurrentIndex(max(0, self.findData(self.doc.plan_uuid)))
        self.setEnabled(self.count() > 1)
        self.setToolTip(tr("Rencana Aksi dalam berkas ini (tahun — satuan kerja)"))
        self.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        uuid = self.currentData() or ""
        if uuid and uuid != self.doc.plan_uuid:
            self.doc.set_plan(uuid)
