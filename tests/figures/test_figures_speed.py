"""The figures cut placements down to what can count in a period, and count the same."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from partnerships.figures import counting
from partnerships.figures.counting import PaidHours, PlacementFacts
from partnerships.figures.tally import counting_in


def _facts(seed: int) -> list[PlacementFacts]:
    """Placements with years of monthly reports, some outside their own dates."""
    rng = random.Random(seed)
    result = []
    for _ in range(40):
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
        end = None if rng.random() < 0.4 else start + timedelta(days=rng.randrange(30, 700))
        reports, month = [], date(2022, 10, 1)
        while month < date(2026, 1, 1):
            following = (month + timedelta(days=32)).replace(day=1)
            if rng.random() < 0.6:
                reports.append(
                    PaidHours(month, following - timedelta(days=1), Decimal(rng.randrange(0, 160)))
                )
            month = following
        result.append(
            PlacementFacts(
                target_group=rng.choice([counting.DOELGROEPREGISTER, "banenafspraak_other"]),
                hours_per_week=Decimal(rng.choice(["12", "25.5", "32", "36"])),
                start=start,
                end=end,
                paid_hours=reports,
            )
        )
    return result


def test_banen_over_the_cut_down_facts_equal_banen_over_all_facts():
    periods = [
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 2, 10), date(2024, 2, 10)),
        (date(2025, 7, 1), date(2025, 12, 31)),
        (date(2022, 1, 1), date(2022, 3, 31)),  # before anything ran: nothing counts
    ]
    for seed in range(5):
        facts = _facts(seed)
        for start, end in periods:
            cut = counting_in(facts, start, end)
            assert counting.banen_exact(cut, start, end) == counting.banen_exact(facts, start, end)
            assert len(cut) <= len(facts)
            assert all(
                r.period_start <= end and r.period_end >= start for f in cut for r in f.paid_hours
            )


def test_a_placement_outside_the_period_still_counts_through_a_report_inside_it():
    report = PaidHours(date(2024, 4, 1), date(2024, 4, 30), Decimal(100))
    ended = PlacementFacts(
        counting.DOELGROEPREGISTER, Decimal(20), date(2024, 1, 1), date(2024, 1, 31), [report]
    )
    [kept] = counting_in([ended], date(2024, 4, 1), date(2024, 6, 30))
    assert kept.paid_hours == (report,)
    assert counting_in([ended], date(2024, 7, 1), date(2024, 9, 30)) == []
