"""A progress meeting lists the pilot's open and overdue actions and busy steps, live."""

from __future__ import annotations

import sys
import types
from datetime import date, timedelta
from decimal import Decimal

import pytest

from partnerships import clock
from partnerships.actions.services import create_action
from partnerships.contracts import services as jobs_services
from partnerships.extensions import db
from partnerships.pilots.models import StepState
from partnerships.placements import services as placement_services
from tests.statements import sql_statements
from tests.supplier_actions import supplier_action


def _actions(world, count, *, overdue=0, internal=True):
    today = clock.today()
    for n in range(count):
        deadline = today - timedelta(days=3) if n < overdue else today + timedelta(days=10)
        create_action(
            world.pilot,
            world.coordinator,
            title=f"Actie {n}",
            role="hr_expert",
            assignee=world.hr if n % 2 else None,
            deadline=deadline,
            is_internal=internal,
        )
    db.session.commit()


def test_a_progress_agenda_lists_open_and_overdue_actions_and_busy_steps(world, plan, login_as):
    _actions(world, 3, overdue=1)
    done = create_action(world.pilot, world.coordinator, title="Al klaar", role="hr_expert")
    done.status = "done"
    db.session.add(StepState(pilot_id=world.pilot.id, code="2Bb", status="busy"))
    db.session.add(StepState(pilot_id=world.pilot.id, code="1a", status="done"))
    meeting = plan(kind="progress")
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    assert "Actie 0" in html and "Actie 1" in html and "Actie 2" in html
    assert "Al klaar" not in html
    overdue_part = html[html.index("state-heading") : html.index("agenda-heading")]
    assert overdue_part.index("Actie 0") < overdue_part.index("Actie 1")  # overdue first
    assert "2Bb" in overdue_part and "1a " not in overdue_part
    # Listed live: a new action shows up without touching the meeting.
    create_action(world.pilot, world.coordinator, title="Nieuw na het plannen", role="hr_expert")
    db.session.commit()
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    assert "Nieuw na het plannen" in html


def test_other_meetings_list_the_pilot_state_only_when_flagged(world, plan, login_as):
    _actions(world, 1)
    plain = plan(kind="kickoff")
    flagged = plan(kind="kickoff", shows_pilot_state=True)
    client = login_as(world.coordinator)
    assert "Actie 0" not in client.get(f"/pilots/{world.pilot.id}/meetings/{plain.id}").get_data(
        as_text=True
    )
    assert "Actie 0" in client.get(f"/pilots/{world.pilot.id}/meetings/{flagged.id}").get_data(
        as_text=True
    )


def test_the_supplier_sees_only_shared_actions_and_no_steps(world, plan, login_as):
    _actions(world, 1, internal=True)
    supplier_action(world.pilot, world.coordinator, "Gedeelde actie")
    db.session.add(StepState(pilot_id=world.pilot.id, code="2Bb", status="busy"))
    meeting = plan(kind="progress")
    html = (
        login_as(world.supplier_a)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    assert "Gedeelde actie" in html and "Actie 0" not in html and "2Bb" not in html


def test_monitoring_figures_appear_when_the_jobs_domain_offers_them(
    world, plan, login_as, monkeypatch
):
    fake = types.ModuleType("partnerships.figures.services")
    fake.latest_figures = lambda pilot: {"Verloonde uren dit kwartaal": 1234}
    monkeypatch.setitem(sys.modules, "partnerships.figures.services", fake)
    meeting = plan(kind="progress")
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    assert "Verloonde uren dit kwartaal" in html and "1.234" in html


MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


def _dutch(day: date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def test_the_agenda_shows_the_jobs_figures_with_dutch_labels_and_numbers(world, plan, login_as):
    world.pilot.goal_jobs = Decimal("12.5")
    world.pilot.goal_people = 1500
    supplier = world.supplier_a.organisation_id
    contract = jobs_services.save_contract(
        world.pilot,
        world.coordinator,
        {"kind": "contract", "title": "Schoonmaak", "start_date": date(2024, 1, 1)},
        [supplier],
    )
    # Half of the 25.5 hours of a baan, all period long: 12.75 / 25.5 = 0.50 banen.
    placement_services.save_placement(
        world.pilot,
        world.coordinator,
        {
            "contract_id": contract.id,
            "supplier_organisation_id": supplier,
            "kind": "regular",
            "target_group": "doelgroepregister",
            "hours_per_week": Decimal("12.75"),
            "start_date": date(2024, 6, 1),
        },
        {},
    )
    db.session.commit()
    meeting = plan(kind="progress")
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    figures = html[html.index("Laatste monitoringcijfers") : html.index("agenda-heading")]
    today = clock.today()
    quarter_start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    assert "Telperiode" in figures
    assert f"{_dutch(quarter_start)} tot en met {_dutch(today)}" in figures
    assert "Banenafspraakbanen (gemiddeld over de telperiode)" in figures
    assert "<dd>0,50</dd>" in figures and "<dd>12,50</dd>" in figures
    assert "Tot nu toe geplaatste mensen" in figures and "<dd>1</dd>" in figures
    assert "Doel (mensen)" in figures and "<dd>1.500</dd>" in figures
    assert "Duurzame banen" in figures
    for raw in ("people", "banen", "durable", "goal", "goal_people", "period"):
        assert f"<dt>{raw}</dt>" not in figures
    # Suppliers see no figures on the agenda: they are the working group's.
    html = (
        login_as(world.supplier_a)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
        .get_data(as_text=True)
    )
    assert "Banenafspraakbanen" not in html


@pytest.mark.parametrize("count", [2, 12])
def test_the_agenda_costs_the_same_queries_however_many_actions(
    world, plan, login_as, count, request
):
    _actions(world, count, overdue=1)
    meeting = plan(kind="progress")
    client = login_as(world.coordinator)
    client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")  # warm caches
    with sql_statements() as statements:
        assert client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}").status_code == 200
    # Hand count: user, pilot, standing, meeting + participants/users, items, decisions,
    # action links, actions, StepStates, memberships... a fixed number, never one per action.
    request.config.cache_counts = getattr(request.config, "cache_counts", {})
    request.config.cache_counts[count] = len(statements)
    assert len(statements) <= 20
    if len(request.config.cache_counts) == 2:
        assert request.config.cache_counts[2] == request.config.cache_counts[12]
