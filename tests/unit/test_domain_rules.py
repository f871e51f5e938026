"""Each rule once, in models/domain: signed, late, the status codes, the print options and the
live-row lookup, as the rest of rbdesk uses them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from rbdesk.models.domain import print_options, progress
from rbdesk.models.domain.months import mask_from_months
from rbdesk.models.domain.print_options import CopyForm, Paper, Part
from rbdesk.models.domain.signing import is_signed
from rbdesk.models.domain.statuses import ReviewState, Status
from rbdesk.models.domain.tree import Cell, IndicatorNode, list_plans, load_plan_tree
from rbdesk.models.edits import realisation, review
from rbdesk.models.errors import InvalidInput, NotFoundError
from rbdesk.models.interchange.dump import dump_data, dumps
from rbdesk.models.storage.schema import Indicator, Plan, Realisation
from rbdesk.models.storage.store import Store


@pytest.mark.parametrize(
    ("decree", "signed"),
    [
        ({"number": "1a", "date": "2024-01-02"}, True),
        ({"number": "", "date": "2024-01-02"}, False),  # dated ahead of its number: a draft
        ({"number": "  ", "date": "2024-01-02"}, False),
        ({"number": "1a", "date": ""}, False),
        ({"number": "1a"}, False),
        ({}, False),
        (None, False),
    ],
)
def test_a_decree_is_signed_with_its_number_and_its_date(decree, signed) -> None:
    assert is_signed(decree) is signed


def _ind(months: list[int], statuses: dict[int, str]) -> IndicatorNode:
    node = IndicatorNode("u", "", "x", mask_from_months(months), "", 1)
    node.realisation = {m: Cell(s, "", f"r{m}", 1) for m, s in statuses.items()}
    return node


def test_late_is_past_planned_and_not_done() -> None:
    ind = _ind([3, 4, 5, 6], {3: "selesai", 4: "sebagian"})
    assert progress.late_months(ind, now_month=6) == [4, 5]  # sebagian is still late
    assert not progress.is_late(ind, 6, 6)  # this month is due, not late
    assert progress.late_months(ind, now_month=13) == [4, 5, 6]  # the year is over
    assert progress.late_months(ind, now_month=0) == []  # the year has not begun
    assert progress.late_months(ind, 13, first=5, last=12) == [5, 6]
    assert not progress.is_late(_ind([], {2: "belum"}), 2, 6)  # never planned: never late
    # The tally, the month states and the grid's roll-ups count the same months.
    assert progress.indicator_tally(ind, 12, 6).late == 2
    assert [
        m for m in range(1, 13) if progress.month_state(ind, m, 6) is progress.MonthState.LATE
    ] == [4, 5]
    assert sum(r.late for r in progress.month_rollups([ind], 6)) == 2


def test_statuses_are_the_stored_codes() -> None:
    assert [s.value for s in Status] == ["belum", "sebagian", "selesai"]
    assert progress.STATUSES == ("belum", "sebagian", "selesai")
    assert [s.value for s in ReviewState] == ["diajukan", "memenuhi", "perlu_revisi", "ditolak"]
    assert progress.REVIEW_STATES == ("diajukan", "memenuhi", "perlu_revisi", "ditolak")
    assert Status("sebagian") is Status.SEBAGIAN and Status.SELESAI == "selesai"


def test_enum_statuses_round_trip_through_the_file_and_the_dump(sample_path: Path) -> None:
    with Store.open(sample_path) as store:
        plan = list_plans(store)[0].uuid
        ind = next(iter(load_plan_tree(store, plan).indicators()))
        realisation.set_status(store, ind.uuid, 2, Status.SEBAGIAN)
        review.review_month(store, ind.uuid, 2, ReviewState.REVISION, note="kurang lengkap")
        fresh = next(i for i in load_plan_tree(store, plan).indicators() if i.uuid == ind.uuid)
        assert fresh.status(2) == Status.SEBAGIAN and fresh.review_state(2) == "perlu_revisi"
        dump = dumps(dump_data(store))
    # What SQLite holds is the plain code, the dump says the same: nothing else can tell.
    conn = sqlite3.connect(sample_path)
    row = conn.execute(
        "SELECT r.status, r.review_state, typeof(r.status) FROM realisation r "
        "JOIN indicator i ON i.id = r.indicator_id "
        "WHERE i.uuid = ? AND r.month = 2",
        (ind.uuid,),
    ).fetchone()
    conn.close()
    assert row == ("sebagian", "perlu_revisi", "text")
    assert '"status": "sebagian"' in dump and '"review_state": "perlu_revisi"' in dump
    assert json.loads(json.dumps(Status.SELESAI)) == "selesai"


def test_print_options_are_the_codes_the_command_line_takes() -> None:
    periods = (
        "semester1",
        "semester2",
        "annual",
        "triwulan1",
        "triwulan2",
        "triwulan3",
        "triwulan4",
    )
    assert [p.value for p in Part] == ["sk", "roster", "plan", "report", *periods]
    assert periods == print_options.PERIOD_PARTS
    assert print_options.check_paper("F4") is Paper.F4
    assert print_options.check_copy("asli") is CopyForm.ASLI
    assert print_options.check_part("annual") is Part.ANNUAL
    for check, bad in (
        (print_options.check_paper, "letter"),
        (print_options.check_copy, "fotokopi"),
        (print_options.check_part, "semua"),
    ):
        with pytest.raises(InvalidInput, match=bad):
            check(bad)


def test_live_rows_leave_tombstones_out(sample_store: Store) -> None:
    plan = list_plans(sample_store)[0].uuid
    ind = next(iter(load_plan_tree(sample_store, plan).indicators()))
    with sample_store.write() as tx:
        tx.bump(Indicator, ind.uuid, None, deleted=True)
    with sample_store.read():
        assert Plan.live_by_uuid(plan).uuid == plan
        assert not Indicator.live().where(Indicator.uuid == ind.uuid).exists()
        assert Indicator.select().where(Indicator.uuid == ind.uuid).exists()
        assert Realisation.live().count() <= Realisation.select().count()
        with pytest.raises(NotFoundError, match="sudah dihapus"):
            Indicator.live_by_uuid(ind.uuid)
        with pytest.raises(NotFoundError, match="Indikator itu hilang"):
            Indicator.live_by_uuid("tidak-ada", gone="Indikator itu hilang")
