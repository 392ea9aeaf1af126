"""The pilot's figures equal a hand calculation, cost a fixed number of queries, and hide
small counts for everyone outside the working group."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.figures.services import latest_figures, pilot_figures
from tests.contracts.conftest import add_report
from tests.statements import sql_statements

AS_OF = "2026-03-31"


def three_placements(world, place):
    """Hand calculation for Q1 2026 (1 January to 31 March: 90 days), 25.5 hours = 1 job.

    P1 doelgroepregister, 25.5 h/week, since 1 Jan 2025, open:       1.00 x 90/90 = 1.00
    P2 doelgroepregister, 12.75 h/week, from 15 Feb 2026 (45 days):  0.50 x 45/90 = 0.25
    P3 Participatiewet, 20 h/week, June 2025 to 31 Jan 2026: not in the register = 0
    Banen 1.25. People placed to date 3, of whom 2 in the register.
    Durable (12 months): P1 reached 1 Jan 2026 still working = 1; P2, P3 not yet = 1.
    """
    place(world, world.contract_a, world.supplier_a, reference="P1", start_date=date(2025, 1, 1))
    place(
        world,
        world.contract_a,
        world.supplier_a,
        reference="P2",
        hours_per_week=Decimal("12.75"),
        start_date=date(2026, 2, 15),
        kind="secondment",
    )
    place(
        world,
        world.contract_b,
        world.supplier_b,
        reference="P3",
        target_group="participatiewet",
        hours_per_week=Decimal("20"),
        start_date=date(2025, 6, 1),
        end_date=date(2026, 1, 31),
        outcome="stopped",
    )


def test_the_service_equals_the_hand_calculation(world, place):
    three_placements(world, place)
    figures = pilot_figures(world.pilot, as_of=date(2026, 3, 31))
    assert figures["banen"] == Decimal("1.25")
    assert figures["period"] == (date(2026, 1, 1), date(2026, 3, 31))
    assert (figures["people"], figures["people_register"], figures["durable"]) == (3, 2, 1)
    assert dict(figures["by_target_group"]) == {"doelgroepregister": 2, "participatiewet": 1}
    trend = {t["period_start"]: t["banen"] for t in figures["trend"]}
    # Q1 2025 holds only P1 at 25.5 h: 1.00. Q3 2025: still only P1 counts: 1.00.
    assert trend[date(2025, 1, 1)] == Decimal("1.00")
    assert trend[date(2025, 7, 1)] == Decimal("1.00")
    assert trend[date(2026, 1, 1)] == Decimal("1.25")
    assert len(trend) == 5


def test_the_dashboard_page_shows_the_hand_calculation(world, place, login_as):
    three_placements(world, place)
    page = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/figures?as_of={AS_OF}")
        .get_data(as_text=True)
    )
    assert re.search(r'id="figure-banen">1,25<', page)
    assert re.search(r'id="figure-people">3<', page)
    assert re.search(r'id="figure-durable">1<', page)
    assert "<svg" in page and 'role="img"' in page
    assert "Banenafspraakbanen en mensen per periode" in page  # the chart's Dutch title


def test_the_board_sees_small_counts_as_less_than_five(world, place, login_as):
    three_placements(world, place)
    page = (
        login_as(world.board)
        .get(f"/pilots/{world.pilot.id}/figures?as_of={AS_OF}")
        .get_data(as_text=True)
    )
    assert re.search(r'id="figure-people">&lt;5<', page)
    assert re.search(r'id="figure-durable">&lt;5<', page)
    # Jobs of three people would tell their hours: hidden with them (issue 13, finding 4).
    assert re.search(r'id="figure-banen">x<', page)


def test_suppressed_figures_hide_1_to_4_but_show_0_and_5(world, place):
    for _ in range(5):
        place(world, world.contract_a, world.supplier_a, start_date=date(2025, 1, 1))
    figures = pilot_figures(world.pilot, as_of=date(2026, 3, 31), suppress=True)
    assert figures["people"] == 5
    assert figures["durable"] == 5
    assert dict(figures["by_kind"]) == {"employment_fixed": 5}
    place(world, world.contract_b, world.supplier_b, target_group="ww")
    figures = pilot_figures(world.pilot, as_of=date(2026, 3, 31), suppress=True)
    # 5 in the register and 1 from the WW make 6: "<5" for the one, the 5 hidden to protect
    # it; and since a hidden cell is at least 5, 6 - 5 would still give the one away, so
    # the total of 6 goes too, with every count that adds up to it.
    by_group = dict(figures["by_target_group"])
    assert by_group["ww"] == "<5" and by_group["doelgroepregister"] == "x"
    assert figures["people"] == "x" and dict(figures["by_kind"]) == {"employment_fixed": "x"}
    empty = pilot_figures(world.pilot, as_of=date(2024, 1, 1), suppress=True)
    assert empty["people"] == 0


def test_latest_figures_offers_the_headline_for_other_domains(world, place):
    place(world, world.contract_a, world.supplier_a, start_date=date(2025, 1, 1))
    figures = latest_figures(world.pilot)
    assert figures["banen"] == Decimal("1.00")
    assert figures["people"] == 1 and figures["goal"] == Decimal("4")
    assert set(figures) >= {"people", "banen", "durable", "goal", "period"}


def _queries(client, url):
    db.session.expire_all()  # as in a fresh request: nothing cached from the test
    with sql_statements() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def test_queries_per_page_stay_constant_as_placements_grow(world, place, login_as, make):
    admin = make.user(world.buyer, org_role="admin")
    pages = [
        f"/pilots/{world.pilot.id}/figures?as_of={AS_OF}",
        f"/figures?as_of={AS_OF}",
        f"/pilots/{world.pilot.id}/placements",
        f"/pilots/{world.pilot.id}/reports",
    ]

    def measure():
        return [_queries(login_as(admin), url) for url in pages]

    for _ in range(3):
        place(world, world.contract_a, world.supplier_a, start_date=date(2025, 5, 1))
    few = measure()
    for _ in range(27):
        place(
            world,
            world.contract_b,
            world.supplier_b,
            start_date=date(2025, 8, 1),
            target_group="wajong",
        )
    many = measure()
    assert few == many
    assert max(few) < 25


def test_the_organisation_view_sums_its_pilots(world, place, make, login_as):
    three_placements(world, place)
    second = make.pilot(
        org=world.buyer, title="Pilot groen", start_date=date(2025, 6, 1), goal_jobs=Decimal("2")
    )
    place(second, world.contract_b, world.supplier_b, start_date=date(2025, 6, 1))
    admin = make.user(world.buyer, org_role="admin")
    page = login_as(admin).get(f"/figures?as_of={AS_OF}").get_data(as_text=True)
    # 1.25 in the first pilot plus 1.00 in the second; 4 people; goals 4 + 2.
    assert re.search(r'id="figure-banen">2,25<', page)
    assert re.search(r'id="figure-people">4<', page)
    assert "Pilot groen" in page and "6,00" in page


def test_the_organisation_view_is_closed_to_suppliers_and_strangers(world, make, login_as):
    assert login_as(world.contact_a).get("/figures").status_code == 403
    assert login_as(make.user(make.org())).get("/figures").status_code == 403


def _more_pilots(world, place, make, count, first=0):
    """Pilots of the buyer that share contract A, each with placements, a paid-hours report
    and a potential job."""
    from partnerships.contracts.models import PotentialJob

    for n in range(first, first + count):
        pilot = make.pilot(org=world.buyer, title=f"Pilot {n:03}", start_date=date(2025, 1, 1))
        world.contract_a.pilots.append(pilot)
        placed = [
            place(pilot, world.contract_a, world.supplier_a, start_date=date(2025, 3, 1))
            for _ in range(3)
        ]
        add_report(
            pilot,
            world.contract_a,
            world.supplier_a,
            date(2025, 4, 1),
            date(2025, 6, 30),
            {p: "250" for p in placed},
            version_no=n + 1,  # versions are numbered per contract, supplier and period
        )
        db.session.add(PotentialJob(pilot_id=pilot.id, title="Groenvoorziener"))
    db.session.commit()


def test_organisation_pages_and_the_api_cost_the_same_queries_for_3_and_30_pilots(
    world, place, make, login_as, client
):
    from partnerships.api.models import ApiToken

    admin = make.user(world.buyer, org_role="admin")
    db.session.add(
        ApiToken(
            organisation_id=world.buyer.id,
            name="BI",
            prefix="bi",
            token_hash=ApiToken.hash("secret-token"),
        )
    )
    bearer = {"Authorization": "Bearer secret-token"}

    def measure():
        pages = [
            _queries(login_as(admin), f"/figures?as_of={AS_OF}"),
            _queries(login_as(admin), f"/figures/export/figures.csv?as_of={AS_OF}"),
        ]
        for url in ("/api/v1/pilots", f"/api/v1/figures?as_of={AS_OF}"):
            client.get(url, headers=bearer)  # the token's first use today is recorded once
            db.session.expire_all()
            with sql_statements() as statements:
                assert client.get(url, headers=bearer).status_code == 200
            pages.append(len(statements))
        return pages

    _more_pilots(world, place, make, 2)  # with the world's own pilot: 3
    few = measure()
    _more_pilots(world, place, make, 27, first=2)
    many = measure()
    assert few == many
    assert len(client.get("/api/v1/figures", headers=bearer).json["pilots"]) == 30


def test_figures_for_many_pilots_equal_each_pilots_own_figures(world, place, make):
    """Mixed pilots: placements across pilots and contracts, paid hours with a correction
    and a returned version, a shared contract whose versions belong to different pilots, a
    monthly pilot, a pilot without placements and one that has not started yet."""
    from partnerships.contracts.models import PotentialJob
    from partnerships.figures.services import figures_for_pilots
    from partnerships.placements.models import Placement

    three_placements(world, place)
    first = world.pilot
    monthly = make.pilot(org=world.buyer, title="Maandelijks", start_date=date(2025, 6, 1))
    monthly.monitoring_frequency = "month"
    empty = make.pilot(org=world.buyer, title="Leeg", start_date=date(2025, 9, 1))
    later = make.pilot(org=world.buyer, title="Later", start_date=date(2026, 9, 1))
    world.contract_a.pilots.append(monthly)
    world.contract_b.pilots.append(monthly)
    m1 = place(monthly, world.contract_a, world.supplier_a, start_date=date(2025, 6, 1))
    m2 = place(
        monthly,
        world.contract_b,
        world.supplier_b,
        start_date=date(2025, 7, 15),
        hours_per_week=Decimal("10"),
        kind="secondment",
    )
    m3 = place(
        monthly,
        world.contract_a,
        world.supplier_a,
        start_date=date(2026, 2, 1),
        end_date=date(2026, 2, 28),
        outcome="stopped",
        target_group="wajong",
    )
    p1 = db.session.scalar(select(Placement).where(Placement.reference == "P1"))
    q1 = (date(2026, 1, 1), date(2026, 3, 31))
    # The first pilot: version 1 accepted, a correction (version 2) accepted on top of it.
    add_report(first, world.contract_a, world.supplier_a, *q1, {p1: "500"})
    add_report(first, world.contract_a, world.supplier_a, *q1, {p1: "650"}, version_no=2)
    # The monthly pilot shares contract A: its version 3 of the same period must not hide
    # the first pilot's version 2 (nor the other way round).
    add_report(monthly, world.contract_a, world.supplier_a, *q1, {m1: "400"}, version_no=3)
    jan = (date(2026, 1, 1), date(2026, 1, 31))
    add_report(monthly, world.contract_b, world.supplier_b, *jan, {m2: "80"})
    add_report(
        monthly,
        world.contract_b,
        world.supplier_b,
        *jan,
        {m2: "999"},
        version_no=2,
        status="returned",
    )
    add_report(
        monthly, world.contract_a, world.supplier_a, date(2026, 2, 1), date(2026, 2, 28), {m3: "60"}
    )
    db.session.add_all(
        [
            PotentialJob(pilot_id=first.id, title="A", status="idea"),
            PotentialJob(pilot_id=monthly.id, title="B", status="filled"),
            PotentialJob(pilot_id=monthly.id, title="C", status="idea"),
        ]
    )
    db.session.flush()
    pilots = [first, monthly, empty, later]
    for as_of in (date(2026, 3, 31), date(2025, 8, 10), date(2026, 12, 31)):
        for suppress in (False, True):
            many = figures_for_pilots(pilots, as_of=as_of, suppress=suppress)
            assert set(many) == {p.id for p in pilots}
            for pilot in pilots:
                assert many[pilot.id] == pilot_figures(pilot, as_of=as_of, suppress=suppress)
    mine = figures_for_pilots(pilots, as_of=date(2026, 3, 31))
    # The first pilot's P1 counts the corrected 650 paid hours, not the contracted hours.
    assert mine[first.id]["banen"] != Decimal("1.25")
    assert mine[monthly.id]["potential_jobs"] == {"filled": 1, "idea": 1}
    assert mine[empty.id]["people"] == 0 and mine[later.id]["trend"] == []


def test_long_lists_of_pilots_are_read_in_chunks_with_the_same_figures(
    world, place, make, monkeypatch
):
    from partnerships.figures import cache as figures_cache
    from partnerships.figures import services as figures

    _more_pilots(world, place, make, 4)
    pilots = [world.pilot, *_other_pilots(world)]
    whole = figures.figures_for_pilots(pilots, as_of=date(2026, 3, 31))
    monkeypatch.setattr(figures, "CHUNK", 2)  # as if SQLite allowed two parameters
    figures_cache.cache().clear()  # count them all again, in chunks
    with sql_statements() as statements:
        chunked = figures.figures_for_pilots(pilots, as_of=date(2026, 3, 31))
    assert chunked == whole
    # Placements, paid hours and potential jobs: three chunks of two pilots each;
    # supplier names and settings: one chunk each.
    assert len(statements) == 3 * 3 + 2


def _other_pilots(world):
    from partnerships.pilots.models import Pilot

    return db.session.scalars(
        select(Pilot).where(Pilot.id != world.pilot.id).order_by(Pilot.id)
    ).all()
