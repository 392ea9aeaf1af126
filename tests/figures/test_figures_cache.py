"""Figures are counted once per pilot and kept until a placement or report of it changes.

What a user relies on: the organisation's figures are exactly what counting all its
placements together gives, and a change shows on the very next page, in every server
process, never a stale count.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from partnerships import create_app
from partnerships.extensions import db
from partnerships.figures import cache as figures_cache
from partnerships.figures import services as figures
from partnerships.figures.settings import settings_for
from partnerships.monitoring.models import MonitoringLine
from tests.contracts.conftest import add_report
from tests.statements import sql_statements

AS_OF = date(2026, 3, 31)


@pytest.fixture
def three_pilots(world, place, make):
    """The world's pilot and two more of the same buyer, with mixed placements and reports."""
    second = make.pilot(org=world.buyer, title="Groen", start_date=date(2025, 6, 1))
    third = make.pilot(org=world.buyer, title="Catering", start_date=date(2026, 2, 1))
    for pilot in (second, third):
        world.contract_a.pilots.append(pilot)
    a = place(world, world.contract_a, world.supplier_a, start_date=date(2025, 2, 1))
    place(world, world.contract_b, world.supplier_b, hours_per_week=Decimal("12"))
    place(world, world.contract_a, world.supplier_a, target_group="wajong_other")
    b = place(second, world.contract_a, world.supplier_a, start_date=date(2025, 7, 1))
    place(
        second,
        world.contract_a,
        world.supplier_a,
        start_date=date(2025, 8, 1),
        end_date=date(2025, 12, 31),
        outcome="stopped",
    )
    place(third, world.contract_a, world.supplier_a, start_date=date(2026, 2, 15))
    add_report(
        world.pilot,
        world.contract_a,
        world.supplier_a,
        date(2025, 4, 1),
        date(2025, 6, 30),
        {a: "400"},
    )
    add_report(
        second, world.contract_a, world.supplier_a, date(2025, 7, 1), date(2025, 9, 30), {b: "180"}
    )
    db.session.commit()
    return [world.pilot, second, third]


def _counted_together(organisation_id, pilots, *, as_of, suppress):
    """The organisation's figures the slow way: every placement of every pilot at once."""
    pairs = figures.load_facts([pilot.id for pilot in pilots])
    return figures.compute(
        pairs,
        as_of=as_of,
        frequency="quarter",
        settings=settings_for(organisation_id),
        start=min(pilot.start_date for pilot in pilots),
        suppress=suppress,
    )


# Unsuppressed only: suppressed, the pilots' rows may hide the total as well (a row must
# not be worked out from the total and the other rows), see tests/figures/test_small_numbers.py.
@pytest.mark.parametrize("as_of", [date(2025, 5, 15), AS_OF, date(2026, 12, 31)])
@pytest.mark.parametrize("suppress", [False])
def test_the_organisation_total_is_its_placements_counted_together(
    world, three_pilots, as_of, suppress
):
    total = figures.organisation_figures(world.buyer.id, as_of=as_of, suppress=suppress)
    expected = _counted_together(world.buyer.id, three_pilots, as_of=as_of, suppress=suppress)
    for name, value in expected.items():
        assert total[name] == value, name
    assert len(total["pilots"]) == 3


def test_the_total_is_rounded_once_not_per_pilot(world, make, place):
    """Hand calculation: three pilots of one placement of 8.5 hours a week each, over a whole
    quarter: 8.5 / 25.5 = 0.333... jobs each, rounded 0.33; together exactly 1.00 (not 0.99)."""
    pilots = [world.pilot] + [
        make.pilot(org=world.buyer, start_date=date(2025, 1, 1)) for _ in range(2)
    ]
    world.contract_a.pilots.extend(pilots[1:])
    for pilot in pilots:
        place(
            pilot,
            world.contract_a,
            world.supplier_a,
            hours_per_week=Decimal("8.5"),
            start_date=date(2025, 1, 1),
        )
    db.session.commit()
    total = figures.organisation_figures(world.buyer.id, as_of=AS_OF)
    assert [row["banen"] for row in total["pilots"]] == [Decimal("0.33")] * 3
    assert total["banen"] == Decimal("1.00")


def _statements_while(call):
    with sql_statements() as statements:
        result = call()
    return result, statements


def _reads_placements(statements):
    return [s for s in statements if "FROM placement" in s]


def test_a_pilot_is_counted_once_and_again_after_each_change(world, three_pilots, place):
    figures_cache.cache().clear()

    def figures_now():
        db.session.expire_all()  # as a new request would: nothing kept in the session
        return _statements_while(lambda: figures.organisation_figures(world.buyer.id, as_of=AS_OF))

    first, statements = figures_now()
    assert _reads_placements(statements)
    again, statements = figures_now()
    assert again == first and not _reads_placements(statements)

    # A new placement: counted at once.
    placement = place(world, world.contract_a, world.supplier_a, start_date=date(2026, 1, 1))
    db.session.commit()
    added, statements = figures_now()
    assert _reads_placements(statements)
    assert added["people"] == first["people"] + 1
    assert added["banen"] == first["banen"] + Decimal("1.00")

    # Fewer contracted hours: 12.75 hours is half a job.
    placement.hours_per_week = Decimal("12.75")
    db.session.commit()
    halved, _ = figures_now()
    assert halved["banen"] == first["banen"] + Decimal("0.50")

    # An accepted report of paid hours replaces them: 0 paid hours in Q1 is no job.
    add_report(
        world.pilot,
        world.contract_a,
        world.supplier_a,
        date(2026, 1, 1),
        date(2026, 3, 31),
        {placement: "0"},
        version_no=5,
    )
    db.session.commit()
    reported, _ = figures_now()
    assert reported["banen"] == first["banen"]

    # Deleting the placement takes it out again.
    db.session.query(MonitoringLine).filter_by(placement_id=placement.id).delete()
    db.session.delete(placement)
    db.session.commit()
    deleted, _ = figures_now()
    assert (deleted["people"], deleted["banen"]) == (first["people"], first["banen"])


def test_the_organisation_settings_are_part_of_what_is_counted(world, three_pilots, login_as):
    before = figures.organisation_figures(world.buyer.id, as_of=AS_OF)
    settings = settings_for(world.buyer.id)
    settings.hours_per_job = Decimal("36")
    db.session.add(settings)
    db.session.commit()
    after = figures.organisation_figures(world.buyer.id, as_of=AS_OF)
    assert after["banen"] < before["banen"]
    assert after == _counted_together(world.buyer.id, three_pilots, as_of=AS_OF, suppress=False) | {
        k: after[k]
        for k in ("pilots", "goal_jobs", "goal_people", "potential_jobs", "supplier_names")
    }


def test_another_server_process_sees_a_change_at_once(app, world, three_pilots, place):
    """Two apps on one database stand for two gunicorn workers, each with its own cache."""
    other = create_app(
        {**{k: app.config[k] for k in ("TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI")}},
        instance_path=app.instance_path,
    )
    # Read outside the other app: an expired row of this test's session, loaded inside it,
    # would take a connection from the other app's pool and keep it past its dispose().
    buyer_id = world.buyer.id
    with other.app_context():
        seen_there = figures.organisation_figures(buyer_id, as_of=AS_OF)
        db.session.remove()
    place(world, world.contract_b, world.supplier_b, start_date=date(2026, 1, 1))
    db.session.commit()
    buyer_id = world.buyer.id
    with other.app_context():
        now_there = figures.organisation_figures(buyer_id, as_of=AS_OF)
        db.session.remove()
        assert db.engine.pool.checkedout() == 0  # every connection back before it closes
        db.engine.dispose()
    assert now_there["people"] == seen_there["people"] + 1
    assert now_there["banen"] == seen_there["banen"] + Decimal("1.00")
