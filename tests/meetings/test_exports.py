"""Exports: an .ics a calendar can read, a printable page and a Word document."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import icalendar
from docx import Document

from partnerships.extensions import db
from partnerships.meetings import agenda


def _ics(client, world, meeting):
    response = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}/meeting.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.data)


def test_the_invitation_parses_with_dutch_times_and_time_zone(world, plan, login_as):
    meeting = plan(day=date(2026, 3, 10), start=time(10, 0), end=time(11, 30), place="Stadskantoor")
    calendar = _ics(login_as(world.coordinator), world, meeting)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    event = calendar.walk("VEVENT")[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.replace(tzinfo=None) == datetime(2026, 3, 10, 10, 0)
    assert end.replace(tzinfo=None) == datetime(2026, 3, 10, 11, 30)
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert start.utcoffset().total_seconds() == 3600  # CET in March, before the switch
    assert str(event["SUMMARY"]) == meeting.title
    assert str(event["LOCATION"]) == "Stadskantoor"
    assert "1. Opening en waar wij staan met de banenafspraak" in str(event["DESCRIPTION"])


def test_the_uid_stays_the_same_and_the_sequence_grows(world, plan, login_as):
    meeting = plan(video_url="https://meet.example/x")
    client = login_as(world.coordinator)
    first = _ics(client, world, meeting).walk("VEVENT")[0]
    agenda.set_status(meeting, world.coordinator, "cancelled")
    db.session.commit()
    second = _ics(client, world, meeting).walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"]) == f"meeting-{meeting.id}@partnerships"
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(first["URL"]) == "https://meet.example/x"


def test_a_suppliers_invitation_holds_only_the_shared_agenda(world, plan, login_as):
    meeting = plan()
    agenda.add_item(meeting, world.coordinator, title="Interne voorbereiding", shared=False)
    db.session.commit()
    insider = _ics(login_as(world.coordinator), world, meeting).walk("VEVENT")[0]
    supplier = _ics(login_as(world.supplier_a), world, meeting).walk("VEVENT")[0]
    assert "Interne voorbereiding" in str(insider["DESCRIPTION"])
    assert "Interne voorbereiding" not in str(supplier["DESCRIPTION"])
    assert "Rondvraag" in str(supplier["DESCRIPTION"])


def test_the_word_document_reads_back_with_agenda_and_minutes(world, plan, login_as):
    meeting = plan()
    agenda.add_item(meeting, world.coordinator, title="Interne voorbereiding", shared=False)
    meeting.items[0].notes = "Schoon BV heeft 3 vacatures."
    db.session.commit()
    response = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes.docx"
    )
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.data)).paragraphs)
    assert meeting.title in text
    assert "1. Opening en waar wij staan met de banenafspraak" in text
    assert "Schoon BV heeft 3 vacatures." in text
    assert "7. Interne voorbereiding" in text
    supplier = login_as(world.supplier_a).get(
        f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes.docx"
    )
    supplier_text = "\n".join(p.text for p in Document(io.BytesIO(supplier.data)).paragraphs)
    assert "Interne voorbereiding" not in supplier_text


def test_the_printable_page_has_the_agenda_without_buttons(world, plan, login_as):
    meeting = plan()
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}/print")
        .get_data(as_text=True)
    )
    assert "Rondvraag" in html and "/move" not in html
