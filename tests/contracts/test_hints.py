"""The hints on a contract, each with its deciding condition and its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from partnerships.contracts import hints
from partnerships.figures.settings import DEFAULTS

SETTINGS = SimpleNamespace(**DEFAULTS)


def contract(**fields):
    values = dict(
        nature="service",
        wage_sum=Decimal("250000"),
        value_per_year=Decimal("300000"),
        category="cleaning",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 6, 30),
        extension_options="",
    )
    values.update(fields)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2026, 1, 1), date(2026, 6, 30), 6),
        (date(2026, 1, 1), date(2026, 6, 29), 5),
        (date(2025, 3, 1), date(2028, 2, 29), 36),
        # A month from 31 January ends on 27 February (add_months clamps to 28 February).
        (date(2026, 1, 31), date(2026, 2, 26), 0),
        (date(2026, 1, 31), date(2026, 2, 27), 1),
    ],
)
def test_term_months_counts_whole_months_inclusive(start, end, months):
    assert hints.term_months(start, end) == months


def test_exactly_250000_and_exactly_six_months_is_within_the_rijk_threshold(nl):
    hint = hints.sr_threshold(contract(), SETTINGS)
    assert hint.applies is True
    assert "250.000" in hint.explanation and "6" in hint.explanation
    assert "Jaarrapportage social return 2022" in hint.source


def test_one_euro_below_the_threshold_says_the_wage_sum_failed(nl):
    hint = hints.sr_threshold(contract(wage_sum=Decimal("249999")), SETTINGS)
    assert hint.applies is False
    assert "249.999" in hint.explanation


def test_one_day_short_of_six_months_says_the_term_failed(nl):
    hint = hints.sr_threshold(contract(end_date=date(2026, 6, 29)), SETTINGS)
    assert hint.applies is False
    assert "5 maanden" in hint.explanation


def test_a_supply_is_outside_the_threshold_whatever_its_size(nl):
    hint = hints.sr_threshold(contract(nature="supply", wage_sum=Decimal("10000000")), SETTINGS)
    assert hint.applies is False
    assert "levering" in hint.explanation


def test_unknown_wage_sum_cannot_be_judged(nl):
    hint = hints.sr_threshold(contract(wage_sum=None), SETTINGS)
    assert hint.applies is None
    assert "loonsom" in hint.explanation


def test_the_threshold_follows_the_organisation_setting(nl):
    rijnmond = SimpleNamespace(**{**DEFAULTS, "sr_threshold": Decimal("50000")})
    assert hints.sr_threshold(contract(wage_sum=Decimal("60000")), rijnmond).applies is True
    assert hints.sr_threshold(contract(wage_sum=Decimal("60000")), SETTINGS).applies is False


def test_route_2b_needs_over_200000_a_year_labour_intensive_and_multi_year(nl):
    long = dict(start_date=date(2025, 3, 1), end_date=date(2028, 2, 29))
    assert hints.route_2b(contract(**long), SETTINGS).applies is True
    # Exactly 200,000 is not "over" 200,000.
    hint = hints.route_2b(contract(value_per_year=Decimal("200000"), **long), SETTINGS)
    assert hint.applies is False and "200.000" in hint.explanation
    assert hints.route_2b(contract(category="ict", **long), SETTINGS).applies is False
    # Exactly twelve months is not multi-year.
    one_year = dict(start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
    assert hints.route_2b(contract(**one_year), SETTINGS).applies is False
    assert hints.route_2b(contract(value_per_year=None, **long), SETTINGS).applies is None
    assert "p.20" in hints.route_2b(contract(**long), SETTINGS).source


def test_a_contract_ending_within_twelve_months_says_prepare_the_next_tender(nl):
    c = contract(end_date=date(2026, 12, 31), extension_options="2 x 1 jaar")
    hint = hints.remaining_term(c, date(2026, 3, 1))
    assert "volgende aanbesteding" in hint.explanation and "2 x 1 jaar" in hint.explanation
    assert hints.ends_soon(c, date(2026, 3, 1))
    far = contract(end_date=date(2028, 2, 29))
    assert not hints.ends_soon(far, date(2026, 3, 1))
    assert "volgende aanbesteding" not in hints.remaining_term(far, date(2026, 3, 1)).explanation
    assert hints.remaining_term(far, date(2026, 3, 1)).explanation.startswith("Nog 24 maanden")


def test_an_ended_contract_says_so(nl):
    hint = hints.remaining_term(contract(end_date=date(2025, 12, 31)), date(2026, 3, 1))
    assert hint.applies is False and "2025" in hint.explanation
