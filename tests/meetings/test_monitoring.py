"""Step 4a: the monitoring frequency plans progress meetings until the contract ends."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select

from partnerships.clock import local, to_utc
from partnerships.contracts import services as jobs_services
from partnerships.extensions import db
from partnerships.meetings import agenda, monitoring
from partnerships.meetings.models import Meeting, MeetingStatus

TODAY = date(2026, 11, 21)


def _progress(world):
    db.session.expire_all()
    return db.session.scalars(
        select(Meeting)
        .where(Meeting.pilot_id == world.pilot.id, Meeting.kind == "progress")
        .order_by(Meeting.starts_at)
    ).all()


def test_without_contracts_the_term_is_two_years_from_the_start(world):
    assert world.pilot.start_date == date(2026, 1, 1)
    assert monitoring.term_end(world.pilot) == date(2028, 1, 1)


def _contract(world, pilot, title, end, *, start=date(2025, 7, 1)):
    data = {"kind": "contract", "title": title, "start_date": start, "end_date": end}
    return jobs_services.save_contract(
        pilot, world.coordinator, data, [world.supplier_a.organisation_id]
    )


def test_the_term_runs_to_the_latest_end_of_the_linked_contracts(world, make):
    _contract(world, world.pilot, "Schoonmaak", date(2027, 6, 30))
    _contract(world, world.pilot, "Raamcontract zonder einde", None)
    # A contract of a sister pilot counts once it is linked to this one, not before.
    sister = make.pilot(world.pilot.organisation, world.coordinator)
    groen = _contract(world, sister, "Groenonderhoud", date(2027, 8, 15))
    _contract(world, sister, "Catering", date(2030, 12, 31))
    db.session.commit()
    assert monitoring.term_end(world.pilot) == date(2027, 6, 30)
    jobs_services.link_contract(world.pilot, groen)
    db.session.commit()
    assert monitoring.term_end(world.pilot) == date(2027, 8, 15)

    planned = monitoring.plan_monitoring(
        world.pilot, world.coordinator, "month", locale="nl", today=TODAY
    ).meetings
    db.session.commit()
    # Hand count: December 2026 up to and including August 2027 = 1 + 8 = 9 months.
    assert len(planned) == 9
    assert local(planned[-1].starts_at).date() == date(2027, 8, 3)  # first Tuesday of August
    assert planned[-1].title.endswith("augustus 2027")


def test_extension_options_do_not_lengthen_the_term(world):
    contract = _contract(world, world.pilot, "Schoonmaak", date(2027, 6, 30))
    contract.extension_options = "2 x 1 jaar"
    db.session.commit()
    assert monitoring.term_end(world.pilot) == date(2027, 6, 30)


def test_periods_follow_the_calendar():
    assert monitoring.period_starts("quarter", TODAY, date(2028, 1, 1)) == [
        date(2027, 1, 1),
        date(2027, 4, 1),
        date(2027, 7, 1),
        date(2027, 10, 1),
        date(2028, 1, 1),
    ]
    assert monitoring.period_starts("half_year", date(2026, 3, 5), date(2027, 6, 30)) == [
        date(2026, 7, 1),
        date(2027, 1, 1),
    ]
    months = monitoring.period_starts("month", TODAY, date(2028, 1, 1))
    assert months[0] == date(2026, 12, 1) and months[-1] == date(2028, 1, 1)
    assert len(months) == 14  # December 2026 up to and including January 2028


def test_quarterly_monitoring_plans_five_progress_meetings(world):
    planned = monitoring.plan_monitoring(
        world.pilot, world.coordinator, "quarter", locale="nl", today=TODAY
    ).meetings
    db.session.commit()
    assert world.pilot.monitoring_frequency == "quarter"
    assert len(planned) == 5
    first = planned[0]
    # 1 January 2027 is a Friday; the first Tuesday of that quarter is the 5th, at 10:00.
    assert local(first.starts_at).replace(tzinfo=None) == datetime(2027, 1, 5, 10, 0)
    assert (first.ends_at - first.starts_at).total_seconds() == 60 * 60
    assert first.title == "Periodiek voortgangsgesprek met de opdrachtnemer: kwartaal 1 2027"
    assert first.auto_planned and len(first.items) == 6
    assert world.coordinator.id in {p.user_id for p in first.participants}
    assert world.supplier_a.id not in {p.user_id for p in first.participants}


def test_changing_the_frequency_replans_only_future_untouched_meetings(world, plan):
    held = plan(kind="progress", day=date(2026, 10, 6))
    agenda.set_status(held, world.coordinator, MeetingStatus.HELD)
    monitoring.plan_monitoring(world.pilot, world.coordinator, "quarter", locale="nl", today=TODAY)
    quarterly = _progress(world)
    moved, with_notes = quarterly[2], quarterly[3]
    agenda.update_meeting(
        moved,
        world.coordinator,
        version=moved.version,
        title="Verzet",
        starts_at=to_utc(date(2027, 1, 12), time(14, 0)),
        ends_at=to_utc(date(2027, 1, 12), time(15, 0)),
        place="",
        video_url="",
        participant_ids=[world.coordinator.id],
        shows_pilot_state=False,
    )
    with_notes.items[0].notes = "Alvast wat punten"
    db.session.commit()

    monitoring.plan_monitoring(
        world.pilot, world.coordinator, "half_year", locale="nl", today=TODAY
    )
    db.session.commit()
    meetings = _progress(world)
    auto = [m for m in meetings if m.auto_planned]
    # Half-yearly from 1 January 2027 until 1 January 2028: three periods.
    assert [local(m.starts_at).date() for m in auto] == [
        date(2027, 1, 5),
        date(2027, 7, 6),
        date(2028, 1, 4),
    ]
    kept = {m.id for m in meetings if not m.auto_planned}
    assert {held.id, moved.id, with_notes.id} <= kept
    assert db.session.get(Meeting, held.id).status == MeetingStatus.HELD
    assert len(meetings) == 3 + 3


def test_only_the_coordinator_sets_the_frequency(world, login_as):
    url = f"/pilots/{world.pilot.id}/meetings/monitoring"
    for user in (world.hr, world.board, world.supplier_a):
        assert login_as(user).post(url, data={"frequency": "month"}).status_code == 403
    assert world.pilot.monitoring_frequency is None
    assert login_as(world.hr).get(f"/pilots/{world.pilot.id}/meetings").status_code == 200
    response = login_as(world.coordinator).post(url, data={"frequency": "half_year"})
    assert response.status_code == 303
    db.session.refresh(world.pilot)
    assert world.pilot.monitoring_frequency == "half_year"
    assert all(m.starts_at > datetime.now(UTC) for m in _progress(world))
    assert login_as(world.coordinator).post(url, data={"frequency": "weekly"}).status_code == 422
    db.session.refresh(world.pilot)
    assert world.pilot.monitoring_frequency == "half_year"
