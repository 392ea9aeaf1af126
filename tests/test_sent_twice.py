"""The same form sent twice (a double click, a resent page) creates one row, not two."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from partnerships.extensions import db
from tests.quality.forms import form_with, forms_in


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _cases():
    from partnerships.actions.models import Action, ActionComment
    from partnerships.meetings.models import Decision, Meeting
    from partnerships.pilots.models import Pilot
    from partnerships.reports.models.notes import ProgressNote

    # (page, a field that identifies the creating form, what to type, the rows it adds)
    return [
        ("/pilots/{pilot}/actions", "title", {"title": "Werkplekken inventariseren"}, Action),
        (
            "/pilots/{pilot}/actions/{action}",
            "body",
            {"body": "Gebeld met de leverancier."},
            ActionComment,
        ),
        (
            "/pilots/{pilot}/meetings/new",
            "title",
            {"title": "Tweede overleg", "day": "2026-03-02", "start": "10:00", "end": "11:00"},
            Meeting,
        ),
        (
            "/pilots/{pilot}/decisions",
            "text",
            {"title": "Route", "text": "We kiezen route 2A.", "decided_on": "2026-03-02"},
            Decision,
        ),
        ("/pilots/{pilot}/notes/new", "body", {"body": "Het loopt goed."}, ProgressNote),
        (
            "/pilots/new",
            "title",
            {"title": "Pilot groenonderhoud", "start_date": "2026-03-02", "goal_jobs": "2"},
            Pilot,
        ),
    ]


@pytest.mark.parametrize("case", range(6))
def test_a_creating_form_sent_twice_creates_one_row(case, make, login_as):
    from partnerships.actions.services import create_action

    page, field, typed, model = _cases()[case]
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    action = create_action(pilot, coordinator, title="Bestaande actie", role="coordinator")
    client = login_as(coordinator)
    page = page.format(pilot=pilot.id, action=action.id)
    form = form_with(forms_in(client.get(page).text, page), field, "once")
    data = form.data(**typed)
    before = _count(model)

    first = client.post(form.action, data=data)
    assert first.status_code == 303, first.text
    second = client.post(form.action, data=data)  # the same page, sent again

    assert _count(model) == before + 1  # one row, however often it was sent
    assert second.status_code == 303
    assert second.headers["Location"] == first.headers["Location"]
    shown = client.get(second.headers["Location"]).text
    assert "al verstuurd" in shown  # "Dit formulier was al verstuurd..."
