"""Personal data of placed people kept out of every free text (issue 13, finding 7).

"kandidaat BSN 111222333", "j.jansen@example.nl" and "06-12345678" were accepted in action
titles, comments, brainstorm cards, minutes, agenda items, decisions and pilot goals. Now
a BSN (11-test: 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66, a multiple of 11) is refused
there, and contact details are warned about with a box to confirm they are not about a
placed person. Forms are sent as the page renders them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from partnerships.extensions import db
from tests.quality.forms import form_with, forms_in

BSN = "kandidaat BSN 111222333"
EMAIL = "mail j.jansen@example.nl even"
PHONE = "bel 06-12345678 morgen"


@pytest.fixture
def scene(make):
    from partnerships.actions.services import create_action
    from partnerships.brainstorms import services as brainstorms
    from partnerships.meetings import agenda

    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    action = create_action(pilot, coordinator, title="Eerste actie", role="coordinator")
    brainstorm = brainstorms.start_brainstorm(
        pilot,
        coordinator,
        title="Sessie",
        kind="existing_without_sr",
        nature="service",
        supplier_org_ids=[],
    )
    meeting = agenda.plan_meeting(
        pilot,
        coordinator,
        kind="kickoff",
        title="Overleg",
        starts_at=datetime(2026, 3, 10, 9, tzinfo=UTC),
        ends_at=datetime(2026, 3, 10, 10, tzinfo=UTC),
        participant_ids=[coordinator.id],
    )
    db.session.commit()
    base = f"/pilots/{pilot.id}"
    # (page with the form, the free-text field, other fields the form needs)
    places = {
        "action title": (f"{base}/actions", "title", {}),
        "action comment": (f"{base}/actions/{action.id}", "body", {}),
        "brainstorm card": (f"{base}/brainstorms/{brainstorm.id}", "text", {}),
        "agenda item": (f"{base}/meetings/{meeting.id}", "title", {}),
        "decision": (f"{base}/decisions", "title", {"decided_on": "2026-03-01"}),
        "pilot goals": (f"{base}/settings", "goals_text", {}),
    }
    return pilot, coordinator, places


def _send(client, page, field, text, extra, confirm=False):
    response = client.get(page)
    assert response.status_code == 200, page
    form = form_with(forms_in(response.text, page), field)
    data = form.data(**{field: text}, **extra)
    if confirm:
        data["confirm_not_personal"] = "y"
    return form, client.post(form.action, data=data)


PLACES = [
    "action title",
    "action comment",
    "brainstorm card",
    "agenda item",
    "decision",
    "pilot goals",
]


@pytest.mark.parametrize("place", PLACES)
def test_a_bsn_is_refused_in_every_working_text(scene, login_as, place):
    pilot, coordinator, places = scene
    page, field, extra = places[place]
    client = login_as(coordinator)
    _form, response = _send(client, page, field, BSN, extra)
    assert response.status_code == 422, place
    assert "BSN" in response.text
    assert "111222333" not in client.get(page).text  # nothing saved


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("text", [EMAIL, PHONE])
def test_contact_details_are_warned_about_and_saved_once_confirmed(scene, login_as, place, text):
    pilot, coordinator, places = scene
    page, field, extra = places[place]
    client = login_as(coordinator)
    form, response = _send(client, page, field, text, extra)
    assert response.status_code == 422, place
    # The page that answers offers the box to confirm, in the form as rendered.
    again = form_with(forms_in(response.text, form.action), field, "confirm_not_personal")
    data = again.data(**{field: text}, confirm_not_personal="y", **extra)
    saved = client.post(again.action, data=data)
    assert saved.status_code in (200, 303), (place, saved.status_code)
    assert text.split()[1] in client.get(page).text, place


def test_a_progress_note_refusal_does_not_talk_about_placements(scene, login_as):
    pilot, coordinator, _places = scene
    page = f"/pilots/{pilot.id}/notes/new"
    client = login_as(coordinator)
    response = client.get(page)
    form = forms_in(response.text, page)[-1]
    text_field = next(f.name for f in form.fields if f.kind == "textarea")
    answer = client.post(form.action, data=form.data(**{text_field: PHONE}))
    assert answer.status_code == 422
    assert "telefoonnummer" in answer.text
    assert "Plaatsingen zijn anoniem" not in answer.text


def test_a_placement_still_refuses_contact_details(app):
    from partnerships.privacy import Anonymous, PersonalDataWarning

    class Field:
        data = PHONE

    with app.test_request_context():
        with pytest.raises(Exception, match="Plaatsingen"):
            Anonymous()(None, Field())
        with pytest.raises(Exception, match="BSN"):
            Field.data = BSN
            PersonalDataWarning()(None, Field())


def _unused():
    return select
