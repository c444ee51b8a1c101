"""Periods: spans and years, and when two periods are the same."""

from __future__ import annotations

import pytest

from gongfu.extract.periods import PeriodKey, period_key, resolve_year, same_period


@pytest.mark.parametrize(("period", "year", "expected"), [
    ("上半年", "2022", PeriodKey(2022, "H1")),
    ("今年1-6月", "2022", PeriodKey(2022, "H1")),
    ("今年1一8月", "", PeriodKey(None, "M1-8")),
    ("2020年", "", PeriodKey(2020, "FY")),
    ("去年", "2021", PeriodKey(2021, "FY")),
    ("目前", "", PeriodKey(None, "now")),
    ("", "", PeriodKey(None, "")),
])
def test_period_key_normalises_the_spans(period: str, year: str, expected: PeriodKey) -> None:
    assert period_key(period, year) == expected


def test_first_half_and_january_to_august_are_different_periods() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-8月", "2022")) is False


def test_two_undated_nows_are_unclear_not_equal() -> None:
    assert same_period(period_key("目前"), period_key("现如今")) is None


def test_same_span_same_year_is_the_same_period() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-6月", "2022")) is True


@pytest.mark.parametrize(("period", "published", "year"), [
    ("今年", "2021-09-20", 2021), ("去年", "2023-01-25", 2022), ("上半年", "2021-09-20", 2021),
    ("2020年", "", 2020), ("今年", "", None), ("", "2021-09-20", None), ("2008年以来", "", None),
])
def test_resolve_year(period: str, published: str, year: int | None) -> None:
    assert resolve_year(period, published) == year
