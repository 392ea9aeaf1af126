"""Social return value counted by hand: the cases of the issue, against the shipped CDIO
scheme (14 October 2025) and a scheme that pro-rates by hours."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from partnerships.socialreturn import schemes, valuation
from partnerships.socialreturn.valuation import Purchase, Stint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cdio():
    found, problems = schemes.collect(ROOT / "valuation")
    assert problems == []
    return next(s for s in found if s.key == "cdio-2025")


HOURLY = """
key = "hourly"
version = 1
title = "Per person-year, pro rata by hours"
source = "test"
published = 2026-01-01

[[rates]]
code = "benefit"
effort = "placement"
amount = 50000
pro_rata_hours = true
full_time_hours = 36
from = 2020-01-01
"""

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))


def benefit_person(person="1:p-17", start=date(2026, 1, 1), **fields):
    values = dict(
        person=person,
        target_group="participatiewet",
        kind="employment_fixed",
        hours_per_week=Decimal("36"),
        start=start,
    )
    values.update(fields)
    return Stint(**values)


def test_service_contract_met_by_a_person_a_social_enterprise_and_a_pso_company(cdio):
    """Obligation: 5% of a EUR 1,200,000 service contract = 1,200,000 x 0.05 = 60,000.

    Realised in 2026:
      one benefit-based person for the full year        50,000 (CDIO: 50,000 a year)
      a social-enterprise invoice of 10,000 at 100%      10,000
      a PSO trede 2 invoice of 20,000 at 50%             10,000
      total                                              70,000
    Met: 70,000 / 60,000 = 1.16666... -> 116.7%.
    """
    owed = valuation.obligation("project_value", Decimal("5"), Decimal("1200000"), None)
    assert owed == Decimal("60000.00")
    done = valuation.realisation(
        cdio,
        *YEAR_2026,
        stints=[benefit_person()],
        purchases=[
            Purchase(date(2026, 3, 10), Decimal("10000"), "social_enterprise_nl"),
            Purchase(date(2026, 5, 4), Decimal("20000"), "pso_2"),
        ],
    )
    assert done.by_kind == {
        "placement": Decimal("50000.00"),
        "trajectory": Decimal("0.00"),
        "purchase": Decimal("20000.00"),
        "community": Decimal("0.00"),
    }
    assert done.total == Decimal("70000.00")
    assert valuation.percent_met(done.total, owed) == Decimal("116.7")


def test_a_benefit_based_person_counts_one_year_unless_the_support_need_lasts(cdio):
    """Started 1 Jan 2025; in 2026 (the second year):
    without a lasting support need: the first year ended 31 Dec 2025, so 2026 counts 0;
    with a lasting support need: 12 months x 50,000 / 12 = 50,000."""
    started = date(2025, 1, 1)
    plain = valuation.realisation(cdio, *YEAR_2026, stints=[benefit_person(start=started)])
    lasting = valuation.realisation(
        cdio, *YEAR_2026, stints=[benefit_person(start=started, lasting_support_need=True)]
    )
    assert plain.total == Decimal("0.00")
    assert lasting.total == Decimal("50000.00")


def test_half_a_year_counts_half(cdio):
    """1 Jan - 30 Jun 2026 is 6 whole months: 6 x 50,000 / 12 = 25,000."""
    half = benefit_person(end=date(2026, 6, 30))
    assert valuation.realisation(cdio, *YEAR_2026, stints=[half]).total == Decimal("25000.00")


def test_half_a_year_at_18_of_36_hours_in_a_scheme_that_pro_rates_by_hours():
    """6 months x 50,000 / 12 = 25,000, times 18 / 36 hours = 12,500."""
    scheme, problems = schemes.parse(HOURLY, "hourly.toml")
    assert problems == []
    stint = benefit_person(end=date(2026, 6, 30), hours_per_week=Decimal("18"))
    assert valuation.realisation(scheme, *YEAR_2026, stints=[stint]).total == Decimal("12500.00")


def test_werkervaringsplaats_then_employment_is_one_person_counted_one_year(cdio):
    """Same supplier reference "p-17": werkervaringsplaats Jan-Mar 2026, then employment from
    1 Apr 2026. One person. The one-year rule runs from the first start (1 Jan 2026):
    3 months + 9 months = 12 months x 50,000 / 12 = 50,000, not 2 x 50,000."""
    key = valuation.person_key(1, " P-17", 11)
    assert key == valuation.person_key(1, "p-17", 12)
    chain = [
        benefit_person(key, kind="werkervaringsplaats", end=date(2026, 3, 31)),
        benefit_person(key, kind="employment_fixed", start=date(2026, 4, 1)),
    ]
    done = valuation.realisation(cdio, date(2026, 1, 1), date(2027, 12, 31), stints=chain)
    assert done.people == 1
    assert done.total == Decimal("50000.00")


def test_placements_without_reference_are_separate_people():
    """No reference: nothing links the rows, so two rows are two people."""
    assert valuation.person_key(1, "", 11) != valuation.person_key(1, "", 12)
    assert valuation.person_key(1, "p-17", 11) != valuation.person_key(2, "p-17", 11)


def test_an_obligation_needs_its_base():
    """5% of an unknown contract value is no obligation yet; 2% of a 300,000 wage sum = 6,000."""
    assert valuation.obligation("project_value", Decimal("5"), None, Decimal("300000")) is None
    assert valuation.obligation("wage_sum", Decimal("2"), None, Decimal("300000")) == Decimal(
        "6000.00"
    )


@pytest.fixture(scope="module")
def regional():
    found, problems = schemes.collect(ROOT / "valuation")
    assert problems == []
    return next(s for s in found if s.key == "regional-bouwblokken")


def test_the_regional_scheme_values_durable_and_permanent_work_higher(regional):
    """The shipped regional example (after Rijnmond), in 2026:
    a permanent contract since 1 Jan 2025, 36 of 36 hours: 12 x 40,000 / 12 = 40,000,
      plus the bonus for still working 12 months after the first start (1 Jan 2026) 10,000
    a fixed-term contract 1 Jan - 30 Jun 2026 at 18 of 36 hours: 6 x 30,000 / 12 x 0.5
      = 7,500 (the permanent contract is worth 40,000 a year, the fixed one 30,000)
    4 people who started a trajectory on 1 Feb 2026: 4 x 2,500 = 10,000
    10 hours on a community project: 10 x 100 = 1,000
    total 40,000 + 10,000 + 7,500 + 10,000 + 1,000 = 68,500."""
    permanent = benefit_person("1:a", start=date(2025, 1, 1), kind="employment_permanent")
    fixed = benefit_person(
        "1:b", target_group="ww", end=date(2026, 6, 30), hours_per_week=Decimal("18")
    )
    done = valuation.realisation(
        regional,
        *YEAR_2026,
        stints=[permanent, fixed],
        trajectories=[valuation.Trajectory(date(2026, 2, 1), 4, "participatiewet")],
        community=[valuation.Community(date(2026, 4, 18), Decimal("10"))],
    )
    assert done.by_kind == {
        "placement": Decimal("57500.00"),
        "trajectory": Decimal("10000.00"),
        "purchase": Decimal("0.00"),
        "community": Decimal("1000.00"),
    }
    assert done.total == Decimal("68500.00")
    assert (done.people, done.people_in_trajectory) == (2, 4)


def test_cdio_education_and_community_hours(cdio):
    """CDIO: a student for all of 2026, 20,000 a year during the education = 20,000;
    24 hours on a community project at 175 an hour = 4,200. Trajectories: CDIO gives no
    value, so the 6 people are counted, not valued."""
    student = benefit_person("1:s", target_group="student")
    done = valuation.realisation(
        cdio,
        *YEAR_2026,
        stints=[student],
        community=[valuation.Community(date(2026, 4, 18), Decimal("24"))],
        trajectories=[valuation.Trajectory(date(2026, 2, 1), 6, "participatiewet")],
    )
    assert done.by_kind["placement"] == Decimal("20000.00")
    assert done.by_kind["community"] == Decimal("4200.00")
    assert done.by_kind["trajectory"] == Decimal("0.00")
    assert done.people_in_trajectory == 6
