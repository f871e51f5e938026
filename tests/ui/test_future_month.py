"""Issue 20, Low: a month that has not come yet is realised only after the question "Bulan ini
belum tiba" (today is 14 June 2024 in the UI tests), from the grid and from the panel alike."""

from __future__ import annotations

import datetime as dt

import pytest
from grid_helpers import find
from PySide6.QtCore import Qt

from rbdesk.models.domain.months import not_yet_come
from rbdesk.models.domain.node_reads import load_indicator
from rbdesk.ui.grid.plan_columns import month_column
from rbdesk.ui.roles import Role
from rbdesk.ui.window.action_table import Act


def test_the_rule() -> None:
    today = dt.date(2024, 6, 14)
    assert not not_yet_come(6, 2024, today) and not_yet_come(7, 2024, today)
    assert not_yet_come(1, 2025, today) and not not_yet_come(12, 2023, today)


@pytest.mark.parametrize("yes", [False, True], ids=["batal", "catat"])
def test_space_on_a_future_month_asks_first(window, qtbot, messages, yes):
    window.acts[Act.MODE_REAL].trigger()
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    window.view.setCurrentIndex(index.siblingAtColumn(month_column(9)))
    messages.answer = yes
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert len(messages.questions) == 1
    assert messages.questions[0].startswith("Bulan ini belum tiba: September 2024")
    assert "14 Juni 2024" in messages.questions[0]
    assert load_indicator(window.doc.store, uuid).status(9) == ("sebagian" if yes else "belum")
    # This month and past ones are recorded without a question.
    window.view.setCurrentIndex(index.siblingAtColumn(month_column(6)))
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert len(messages.questions) == 1
    assert load_indicator(window.doc.store, uuid).status(6) == "sebagian"


def test_the_panel_asks_too_and_a_no_leaves_the_choice_as_recorded(window, qtbot, messages):
    index = find(window.proxy, "LHKPN")
    uuid = index.data(Role.INDICATOR_UUID)
    window.view.setCurrentIndex(index.siblingAtColumn(month_column(8)))
    dock = window.docks["evidenceDock"]
    dock.show()
    qtbot.waitUntil(lambda: dock.month == 8)
    messages.answer = False
    dock.status_buttons["selesai"].click()
    assert len(messages.questions) == 1 and "Agustus 2024" in messages.questions[0]
    assert dock.status_buttons["belum"].isChecked()
    assert load_indicator(window.doc.store, uuid).status(8) == "belum"
    # Setting a future month back to belum asks nothing.
    messages.answer = True
    dock.status_buttons["selesai"].click()
    assert load_indicator(window.doc.store, uuid).status(8) == "selesai"
    dock.status_buttons["belum"].click()
    assert len(messages.questions) == 2
    assert load_indicator(window.doc.store, uuid).status(8) == "belum"
