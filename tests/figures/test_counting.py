"""Every count checked against a hand calculation, written next to the assertion."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerships.figures.counting import (
    PaidHours,
    PlacementFacts,
    WeeksBasis,
    add_months,
    banen_count,
    banen_exact,
    durable_count,
    half_year_bounds,
    month_bounds,
    people_count,
    period_bounds,
    periods,
    quarter_bounds,
    round_half_up,
    suppress_small,
    year_bounds,
)

Y2025 = (date(2025, 1, 1), date(2025, 12, 31))  # 365 days
Q1_2025 = (date(2025, 1, 1), date(2025, 3, 31))  # 31 + 28 + 31 = 90 days
JAN_2025 = (date(2025, 1, 1), date(2025, 1, 31))  # 31 days
FEB_2025 = (date(2025, 2, 1), date(2025, 2, 28))  # 28 days


def placement(
    hours: str = "25.5",
    start: date = date(2024, 1, 1),
    end: date | None = None,
    group: str = "doelgroepregister",
    paid: tuple[PaidHours, ...] = (),
    employed_until: date | None = None,
) -> PlacementFacts:
    """A doelgroepregister placement running since 2024 unless told otherwise."""
    return PlacementFacts(
        target_group=group,
        hours_per_week=Decimal(hours),
        start=start,
        end=end,
        paid_hours=paid,
        employed_until=employed_until,
    )


# --- banen_count -------------------------------------------------------------------------


def test_full_time_job_all_year_counts_one_job():
    # 25.5 / 25.5 * 365/365 = 1.00
    assert banen_count([placement("25.5")], *Y2025) == Decimal("1.00")


def test_thirty_eight_hours_count_as_more_than_one_job():
    # 38 / 25.5 = 1.4902 -> 1.49
    assert banen_count([placement("38")], *Y2025) == Decimal("1.49")


def test_part_time_counts_pro_rata():
    # 12.75 / 25.5 = 0.50
    assert banen_count([placement("12.75")], *Y2025) == Decimal("0.50")


def test_start_halfway_february_counts_the_days_worked():
    # starts 16 Feb: active 16..28 Feb = 13 of 28 days; 1 * 13/28 = 0.4643 -> 0.46
    p = placement(start=date(2025, 2, 16))
    assert banen_count([p], *FEB_2025) == Decimal("0.46")


def test_end_inside_the_period_counts_until_the_last_day():
    # ends 10 Jan (inclusive): 10 of 31 days; 1 * 10/31 = 0.3226 -> 0.32
    p = placement(start=date(2024, 6, 1), end=date(2025, 1, 10))
    assert banen_count([p], *JAN_2025) == Decimal("0.32")


def test_start_and_end_on_the_same_day_count_one_day():
    # 1 of 31 days: 1/31 = 0.0323 -> 0.03
    p = placement(start=date(2025, 1, 20), end=date(2025, 1, 20))
    assert banen_count([p], *JAN_2025) == Decimal("0.03")


def test_open_end_counts_the_whole_period():
    # since 2024, no end: 90/90 days = 1.00
    assert banen_count([placement(end=None)], *Q1_2025) == Decimal("1.00")


def test_placement_outside_the_period_counts_zero():
    before = placement(start=date(2024, 1, 1), end=date(2024, 12, 31))
    after = placement(start=date(2025, 4, 1))
    assert banen_count([before, after], *Q1_2025) == Decimal("0.00")
    assert people_count([before, after], *Q1_2025) == 0


def test_placement_outside_the_doelgroepregister_is_a_person_but_no_banenafspraak_job():
    # Participatiewet, 25.5 h all year: 0 banen, but 1 person helped
    p = placement(group="participatiewet")
    assert banen_count([p], *Y2025) == Decimal("0.00")
    assert people_count([p], *Y2025) == 1
    assert people_count([p], *Y2025, counted_groups={"doelgroepregister"}) == 0


def test_counted_groups_none_counts_every_group():
    # 1.00 (doelgroepregister) + 0.50 (12.75 h, WW) = 1.50
    ps = [placement(), placement("12.75", group="ww")]
    assert banen_count(ps, *Y2025, counted_groups=None) == Decimal("1.50")
    assert banen_count(ps, *Y2025) == Decimal("1.00")


def test_a_quarter_counts_the_days_of_the_quarter():
    # 38 h from 1 Mar: 31 of 90 days; 38/25.5 * 31/90 = 1.4902 * 0.3444 = 0.5133 -> 0.51
    p = placement("38", start=date(2025, 3, 1))
    assert banen_count([p], *Q1_2025) == Decimal("0.51")


def test_a_year_adds_up_the_placements():
    # 1.00 (full time all year) + 12.75 h from 1 Jul: 0.5 * 184/365 = 0.2521 -> 1.2521 -> 1.25
    # (1 Jul..31 Dec = 31 + 31 + 30 + 31 + 30 + 31 = 184 days)
    ps = [placement(), placement("12.75", start=date(2025, 7, 1))]
    assert banen_count(ps, *Y2025) == Decimal("1.25")


def test_reported_paid_hours_beat_contracted_hours():
    # contract 25.5 h, but 170 h paid in January (31 days):
    # 170 / (31/7) = 38.39 h a week; / 25.5 = 1.5054 -> 1.51
    p = placement(paid=(PaidHours(date(2025, 1, 1), date(2025, 1, 31), Decimal("170")),))
    assert banen_count([p], *JAN_2025) == Decimal("1.51")


def test_paid_hours_cover_only_their_days_and_contract_hours_the_rest():
    # January paid 85 h: 85*7/25.5 = 23.33 job-days; Feb-Mar contracted 25.5 h: 59 job-days
    # (82.33) / 90 days = 0.9148 -> 0.91
    p = placement(paid=(PaidHours(date(2025, 1, 1), date(2025, 1, 31), Decimal("85")),))
    assert banen_count([p], *Q1_2025) == Decimal("0.91")


def test_paid_hours_of_a_mid_month_start_are_spread_over_the_days_worked():
    # starts 16 Feb, 65 h paid for February: spread over 13 active days, 65/(13/7) = 35 h
    # a week; 35/25.5 * 13/28 = 0.6373 -> 0.64 (= 65*7 / (25.5*28): all paid hours count)
    p = placement(
        start=date(2025, 2, 16),
        paid=(PaidHours(date(2025, 2, 1), date(2025, 2, 28), Decimal("65")),),
    )
    assert banen_count([p], *FEB_2025) == Decimal("0.64")
    # Counting only 16..28 Feb (13 days) keeps all 65 hours: 35/25.5 = 1.3725 -> 1.37
    assert banen_count([p], date(2025, 2, 16), date(2025, 2, 28)) == Decimal("1.37")


def test_paid_hours_outside_the_placement_dates_are_not_dropped():
    # contract says it ended 31 Dec 2024, but 25.5*4 = 102 h were paid for 1..28 Feb 2025:
    # 102/(28/7) = 25.5 h a week for all 28 days = 1.00
    p = placement(
        end=date(2024, 12, 31),
        paid=(PaidHours(date(2025, 2, 1), date(2025, 2, 28), Decimal("102")),),
    )
    assert banen_count([p], *FEB_2025) == Decimal("1.00")


def test_uwv_weeks_basis_counts_1326_hours_a_year_as_one_job():
    # 1320 h paid in 2025, contract 0 h:
    # calendar: 1320 / (365/7) / 25.5 = 9240 / 9307.5 = 0.9927 -> 0.99
    # UWV:      1320 / 52 / 25.5 = 1320 / 1326 = 0.9955 -> 1.00
    p = placement("0", paid=(PaidHours(*Y2025, Decimal("1320")),))
    assert banen_count([p], *Y2025) == Decimal("0.99")
    assert banen_count([p], *Y2025, weeks_basis=WeeksBasis.UWV) == Decimal("1.00")
    assert banen_count([p], *Y2025, weeks_basis="uwv") == Decimal("1.00")


def test_hours_per_job_is_configurable():
    # 31 h with 31 h per job = 1.00; 25.5 h with 31 h per job = 0.8226 -> 0.82
    assert banen_count([placement("31")], *Y2025, hours_per_job=Decimal("31")) == Decimal("1.00")
    assert banen_count([placement("25.5")], *Y2025, hours_per_job=Decimal(31)) == Decimal("0.82")


def test_rounding_is_half_up_and_only_at_the_end():
    # 12.75 h for 7 of 28 February days: 0.5 * 7/28 = 0.125 exactly -> 0.13 (half up, not
    # 0.12 as banker's rounding would give)
    p = placement("12.75", start=date(2025, 2, 22))
    assert banen_count([p], *FEB_2025) == Decimal("0.13")
    # three placements of 1/3 job each: 3 * 8.5/25.5 = 1.00 exactly, not 3 * 0.33 = 0.99
    assert banen_count([placement("8.5")] * 3, *Y2025) == Decimal("1.00")


def test_empty_list_counts_zero():
    assert banen_count([], *Y2025) == Decimal("0.00")
    assert people_count([], *Y2025) == 0


def test_result_has_two_decimals():
    assert banen_count([placement()], *Y2025).as_tuple().exponent == -2


def test_reversed_period_is_refused():
    with pytest.raises(ValueError):
        banen_count([placement()], date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ValueError):
        people_count([placement()], date(2025, 2, 1), date(2025, 1, 1))


def test_hours_per_job_must_be_positive():
    with pytest.raises(ValueError):
        banen_count([placement()], *Y2025, hours_per_job=Decimal(0))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"hours": "-1"},
        {"start": date(2025, 2, 1), "end": date(2025, 1, 31)},
        {
            "paid": (
                PaidHours(date(2025, 1, 1), date(2025, 1, 31), Decimal(10)),
                PaidHours(date(2025, 1, 31), date(2025, 2, 28), Decimal(10)),
            )
        },
    ],
    ids=["negative hours", "ends before start", "overlapping paid hours"],
)
def test_impossible_placements_are_refused(kwargs):
    with pytest.raises(ValueError):
        placement(**kwargs)


def test_impossible_paid_hours_are_refused():
    with pytest.raises(ValueError):
        PaidHours(date(2025, 2, 1), date(2025, 1, 1), Decimal(1))
    with pytest.raises(ValueError):
        PaidHours(date(2025, 1, 1), date(2025, 1, 31), Decimal(-1))


def test_placement_facts_are_frozen_and_hashable():
    p = placement(paid=[PaidHours(date(2025, 1, 1), date(2025, 1, 31), Decimal(10))])
    assert isinstance(p.paid_hours, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.hours_per_week = Decimal(40)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.paid_hours[0].hours = Decimal(20)  # type: ignore[misc]
    same = placement(paid=p.paid_hours)
    assert hash(p) == hash(same) and p == same
    assert {p, same, placement("12")} == {p, placement("12")}  # usable as set members


# --- people_count ------------------------------------------------------------------------


def test_people_count_counts_anyone_active_on_at_least_one_day():
    ps = [
        placement(start=date(2025, 3, 31)),  # only the last day of Q1: counts
        placement(start=date(2024, 1, 1), end=date(2025, 1, 1)),  # only the first: counts
        placement(start=date(2024, 1, 1), end=date(2024, 12, 31)),  # before Q1: not
        placement(start=date(2025, 4, 1)),  # after Q1: not
        placement("4", group="ww"),  # any hours, any group: counts
    ]
    # 3 people
    assert people_count(ps, *Q1_2025) == 3


# --- durable_count -----------------------------------------------------------------------


def test_durable_at_exactly_twelve_months():
    # started 15 Mar 2024, still employed: 15 Mar 2025 is the 12-month mark -> 1
    p = placement(start=date(2024, 3, 15))
    assert durable_count([p], as_of=date(2025, 3, 15)) == 1


def test_not_yet_durable_one_day_short():
    # 14 Mar 2025 is one day before the 12-month mark -> 0 (we cannot know yet)
    p = placement(start=date(2024, 3, 15))
    assert durable_count([p], as_of=date(2025, 3, 14)) == 0


def test_employed_until_the_mark_is_durable_and_stopping_before_is_not():
    on_the_mark = placement(start=date(2024, 3, 15), employed_until=date(2025, 3, 15))
    day_before = placement(start=date(2024, 3, 15), employed_until=date(2025, 3, 14))
    stopped_early = placement(start=date(2024, 3, 15), employed_until=date(2024, 9, 1))
    # only the first one was still employed on 15 Mar 2025 -> 1
    assert durable_count([on_the_mark, day_before, stopped_early], as_of=date(2026, 1, 1)) == 1


def test_durability_follows_employment_not_the_placement_end():
    # placement ended after 6 months, but the person stayed on (employed_until None) -> 1
    p = placement(start=date(2024, 1, 1), end=date(2024, 6, 30))
    assert durable_count([p], as_of=date(2025, 1, 1)) == 1


def test_durable_months_is_configurable_and_uses_calendar_months():
    # 36 months after 29 Feb 2024 is 28 Feb 2027
    p = placement(start=date(2024, 2, 29))
    assert durable_count([p], as_of=date(2027, 2, 27), months=36) == 0
    assert durable_count([p], as_of=date(2027, 2, 28), months=36) == 1


def test_durable_count_can_be_limited_to_target_groups():
    ps = [placement(start=date(2023, 1, 1)), placement(start=date(2023, 1, 1), group="ww")]
    assert durable_count(ps, as_of=date(2025, 1, 1)) == 2
    assert durable_count(ps, date(2025, 1, 1), counted_groups={"doelgroepregister"}) == 1


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # no 31 Feb: last day of the month
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day plus a year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # back on a leap day
        (date(2024, 11, 30), 3, date(2025, 2, 28)),  # across the year boundary
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),  # backwards
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2025, 5, 31), 0, date(2025, 5, 31)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


# --- periods -----------------------------------------------------------------------------


def test_bounds():
    d = date(2024, 8, 17)
    assert month_bounds(d) == (date(2024, 8, 1), date(2024, 8, 31))
    assert month_bounds(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert quarter_bounds(d) == (date(2024, 7, 1), date(2024, 9, 30))
    assert quarter_bounds(date(2024, 12, 31)) == (date(2024, 10, 1), date(2024, 12, 31))
    assert half_year_bounds(d) == (date(2024, 7, 1), date(2024, 12, 31))
    assert half_year_bounds(date(2024, 6, 30)) == (date(2024, 1, 1), date(2024, 6, 30))
    assert year_bounds(d) == (date(2024, 1, 1), date(2024, 12, 31))
    assert period_bounds(d, "quarter") == quarter_bounds(d)


def test_monthly_periods_across_the_year_boundary():
    assert list(periods(date(2024, 11, 15), date(2025, 2, 3), "month")) == [
        (date(2024, 11, 1), date(2024, 11, 30)),
        (date(2024, 12, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 28)),
    ]


def test_quarterly_periods_across_the_year_boundary():
    assert list(periods(date(2024, 11, 15), date(2025, 4, 1), "quarter")) == [
        (date(2024, 10, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
    ]


def test_half_yearly_periods_across_the_year_boundary():
    assert list(periods(date(2024, 5, 1), date(2025, 7, 1), "half_year")) == [
        (date(2024, 1, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 12, 31)),
    ]


def test_yearly_periods_across_the_year_boundary():
    assert list(periods(date(2024, 12, 31), date(2025, 1, 1), "year")) == [
        (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 12, 31)),
    ]


def test_a_single_day_gives_one_period():
    assert list(periods(date(2025, 5, 5), date(2025, 5, 5), "month")) == [
        (date(2025, 5, 1), date(2025, 5, 31))
    ]


def test_unknown_frequency_and_reversed_range_are_refused():
    with pytest.raises(ValueError, match="frequency"):
        list(periods(date(2025, 1, 1), date(2025, 2, 1), "week"))
    with pytest.raises(ValueError):
        list(periods(date(2025, 2, 1), date(2025, 1, 1), "month"))


# --- suppress_small ----------------------------------------------------------------------


@pytest.mark.parametrize(("n", "shown"), [(0, 0), (1, "<5"), (4, "<5"), (5, 5), (6, 6), (120, 120)])
def test_small_counts_are_hidden_but_zero_is_shown(n, shown):
    assert suppress_small(n) == shown


def test_suppression_threshold_is_configurable():
    assert suppress_small(9, threshold=10) == "<10"
    assert suppress_small(10, threshold=10) == 10
    with pytest.raises(ValueError):
        suppress_small(-1)


def test_round_half_up():
    assert round_half_up(Fraction(1, 8)) == Decimal("0.13")
    assert round_half_up(Fraction(-1, 8)) == Decimal("-0.13")
    assert round_half_up(Fraction(1, 3)) == Decimal("0.33")
    assert round_half_up(Fraction(2)) == Decimal("2.00")


# --- properties --------------------------------------------------------------------------

DAY0 = date(2023, 1, 1)
SPAN = 4 * 365

days = st.integers(min_value=0, max_value=SPAN).map(lambda n: DAY0 + timedelta(days=n))
hours = st.decimals(min_value=0, max_value=60, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def placements(draw):
    """Random placements, some with non-overlapping paid-hours reports."""
    start = draw(days)
    end = draw(st.one_of(st.none(), st.integers(0, 800).map(lambda n: start + timedelta(n))))
    cuts = sorted(draw(st.sets(st.integers(0, SPAN), max_size=6)))
    reports = []
    # Consecutive pairs of cut points become report periods, so they never overlap.
    for first, last in zip(cuts[::2], cuts[1::2], strict=False):
        reports.append(
            PaidHours(
                DAY0 + timedelta(first),
                DAY0 + timedelta(last),
                draw(st.decimals(0, 2000, places=1, allow_nan=False, allow_infinity=False)),
            )
        )
    group = draw(st.sampled_from(["doelgroepregister", "ww", "participatiewet"]))
    return PlacementFacts(group, draw(hours), start, end, reports, draw(st.none() | days))


@given(st.lists(placements(), max_size=8), days, st.integers(0, 400), st.integers(0, 400))
def test_banen_is_additive_over_a_split_period_weighted_by_days(ps, start, left, right):
    middle = start + timedelta(left)
    end = middle + timedelta(1 + right)
    whole = banen_exact(ps, start, end) * ((end - start).days + 1)
    first = banen_exact(ps, start, middle) * ((middle - start).days + 1)
    second = banen_exact(ps, middle + timedelta(1), end) * (end - middle).days
    assert whole == first + second


@given(st.lists(placements(), max_size=8), days, st.integers(0, 400))
def test_banen_is_never_negative_and_zero_when_nobody_works(ps, start, length):
    end = start + timedelta(length)
    count = banen_count(ps, start, end, counted_groups=None)
    assert count >= 0
    if people_count(ps, start, end) == 0 and not any(p.paid_hours for p in ps):
        assert count == 0


def test_banen_can_be_fewer_or_more_than_people():
    # Banen count hours, not heads: 25.5 hours a week is one baan.
    # Two people at 12.75 hours all of 2025: 0.50 + 0.50 = 1.00 baan for 2 people.
    halves = [placement("12.75"), placement("12.75")]
    assert banen_count(halves, *Y2025) == Decimal("1.00")
    assert people_count(halves, *Y2025) == 2
    # One person at 38 hours: 38 / 25.5 = 1.490... = 1.49 banen for 1 person.
    assert banen_count([placement("38")], *Y2025) == Decimal("1.49")
    assert people_count([placement("38")], *Y2025) == 1


@given(days, st.integers(0, 400))
def test_banen_of_nobody_is_zero(start, length):
    assert banen_count([], start, start + timedelta(length)) == Decimal("0.00")


@given(st.lists(placements(), max_size=8), days, st.integers(0, 400))
def test_banen_count_is_order_independent(ps, start, length):
    end = start + timedelta(length)
    assert banen_exact(ps, start, end) == banen_exact(list(reversed(ps)), start, end)


@given(days, days, st.sampled_from(["month", "quarter", "half_year", "year"]))
def test_periods_tile_the_range_without_gaps(a, b, frequency):
    start, end = min(a, b), max(a, b)
    result = list(periods(start, end, frequency))
    assert result[0][0] <= start and result[-1][1] >= end
    for (_, previous_end), (next_start, _) in zip(result, result[1:], strict=False):
        assert next_start == previous_end + timedelta(1)
