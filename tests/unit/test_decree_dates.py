"""The rule that a decree's date of issue outside its year is surprising (issue 20, item 10)."""

from __future__ import annotations

from rbdesk.models.domain.decree_dates import date_outside_year, decree_year


def test_a_date_in_another_year_than_the_decree_is_surprising() -> None:
    said = date_outside_year({"year": 2024, "date": "2025-01-02"}, 2024)
    assert said is not None and "2 Januari 2025" in said and "(2024)" in said
    assert date_outside_year({"year": "2024", "date": "2023-12-30"}, 2024) is not None


def test_a_date_in_the_decree_year_a_draft_or_the_plan_year_is_not() -> None:
    assert date_outside_year({"year": 2024, "date": "2024-01-02"}, 2024) is None
    assert date_outside_year({"year": 2024, "date": ""}, 2024) is None
    assert date_outside_year({"year": 2024}, 2024) is None
    # no year of its own: the plan's is the decree's
    assert decree_year({}, 2026) == 2026 and decree_year({"year": " "}, 2026) == 2026
    assert date_outside_year({"date": "2026-03-01"}, 2026) is None
    assert date_outside_year({"date": "2027-03-01"}, 2026) is not None
    # the decree's own year wins over the plan's (a 2025 decree for the 2026 plan)
    assert date_outside_year({"year": 2025, "date": "2025-12-20"}, 2026) is None
