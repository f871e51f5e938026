"""The status choices of the grid's filter bar, as rules on one indicator: late, due this month,
done so far, realised without evidence, or with a given review state. No Qt."""

from __future__ import annotations

from rbdesk.models.domain.progress import late_months
from rbdesk.models.domain.statuses import Status
from rbdesk.models.domain.tree import IndicatorNode

STATUS_LATE = "late"
STATUS_DUE = "due"
STATUS_DONE = "done"
STATUS_NO_EVIDENCE = "no_evidence"
# "review:<state>": some realised month has that evidence review state.
STATUS_REVIEW = "review:"


def status_matches(ind: IndicatorNode, status: str, now_month: int) -> bool:
    """Whether ``ind`` is what the filter bar's status choice ``status`` asks for, in month
    ``now_month`` ("" asks for everything)."""
    if status == STATUS_LATE:
        return bool(late_months(ind, now_month))
    done = {m for m, c in ind.realisation.items() if c.status == Status.SELESAI}
    if status == STATUS_DUE:
        return 1 <= now_month <= 12 and ind.is_planned(now_month) and now_month not in done
    if status == STATUS_DONE:
        planned = [m for m in range(1, min(now_month, 12) + 1) if ind.is_planned(m)]
        return bool(planned) and all(m in done for m in planned)
    if status == STATUS_NO_EVIDENCE:
        return any(
            c.status != Status.BELUM and not ind.evidence.get(m) for m, c in ind.realisation.items()
        )
    if status.startswith(STATUS_REVIEW):
        wanted = status.removeprefix(STATUS_REVIEW)
        return any(c.review_state == wanted for c in ind.realisation.values())
    return True
