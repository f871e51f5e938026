"""The late rule is one function (models.domain.progress): the grid's "Terlambat" filter, the
monthly report and the semester report agree on its edge, a month partly done (sebagian) at the
turn of the month."""

from __future__ import annotations

import datetime as dt

from rbdesk.models.domain.period_report import build_period_report
from rbdesk.models.domain.progress import late_months
from rbdesk.models.domain.report_data import build_report
from rbdesk.models.domain.status_filter import STATUS_LATE, status_matches
from rbdesk.models.domain.statuses import Status
from rbdesk.models.domain.tree import list_plans, load_plan_tree
from rbdesk.models.edits import realisation
from rbdesk.models.storage.store import Store


def test_grid_filter_and_reports_agree_on_a_partly_done_month(sample_store: Store) -> None:
    plan = list_plans(sample_store)[0].uuid
    tree = load_plan_tree(sample_store, plan)
    ind = next(
        i
        for i in tree.indicators()
        if i.text.strip() and 2 <= (i.planned_months or [0])[0] <= 5 and not i.realisation
    )
    month = ind.planned_months[0]
    realisation.set_status(sample_store, ind.uuid, month, Status.SEBAGIAN)
    tree = load_plan_tree(sample_store, plan)
    ind = next(i for i in tree.indicators() if i.uuid == ind.uuid)

    def monthly(m: int) -> list[list[int]]:
        return [i.months for i in build_report(tree, m, []).late if i.indicator == ind.text]

    def semester(today: dt.date) -> list[list[int]]:
        report = build_period_report(tree, "semester1", [], today=today)
        return [i.months for i in report.late if i.indicator == ind.text]

    # In its own month a partly done month is not late yet, anywhere.
    assert not status_matches(ind, STATUS_LATE, month)
    assert monthly(month - 1) == []
    assert semester(dt.date(tree.year, month, 28)) == []
    # From the next month on it is late, everywhere, and for the same months.
    assert status_matches(ind, STATUS_LATE, month + 1)
    assert monthly(month)[0][0] == month
    assert semester(dt.date(tree.year, month + 1, 1))[0][0] == month
    assert late_months(ind, month + 1) == [month]
