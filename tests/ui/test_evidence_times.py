"""The evidence panel shows when a file was attached: the stored UTC stamp, in local time."""

from __future__ import annotations

import time

import pytest
from dock_fixtures import dock_ctx, dock_host, dock_templates, show_dock  # noqa: F401

from rbdesk.models.clock import local_time
from rbdesk.models.edits import realisation
from rbdesk.ui.panels.evidence_dock import EvidenceDock
from rbdesk.ui.panels.evidence_model import EvidenceModel
from rbdesk.ui.view_state import ViewState


@pytest.fixture
def jakarta(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_time_of_a_stored_stamp(jakarta):
    assert local_time("2024-06-14T02:05:00.000000Z") == "14 Jun 2024 09:05"
    assert local_time("2024-12-31T20:30:00.000000Z") == "1 Jan 2025 03:30"
    assert local_time("bukan waktu") == "bukan waktu"


def test_panel_shows_the_stored_updated_at_in_local_time(
    qtbot,
    dock_host,  # noqa: F811
    dock_ctx,  # noqa: F811
    jakarta,
):
    dock = show_dock(qtbot, dock_host, EvidenceDock(dock_ctx, ViewState(dock_ctx)))
    ind = dock_ctx.tree.indicators()[5]
    realisation.attach_bytes(dock_ctx.store, ind.uuid, 6, "undangan.pdf", b"%PDF-1.4 x")
    dock.state.cellSelected.emit(ind.uuid, 6)
    stored = realisation.list_evidence(dock_ctx.store, ind.uuid, 6)[0].updated_at
    assert stored.endswith("Z")
    shown = dock.model.index(0, EvidenceModel.COL_WHEN).data()
    assert shown == local_time(stored)
