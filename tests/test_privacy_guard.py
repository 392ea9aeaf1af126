"""Personal data of placed people kept out of every free text (issue 13, finding 7).

"kandidaat BSN 111222333", "j.jansen@example.nl" and "06-12345678" were accepted in action
titles, comments, brainstorm cards, minutes, agenda items, decisions and pilot goals. Now
a BSN (11-test: 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66, a multiple of 11) is refused
there, and contact details are warned about with a box to confirm they are not about a
placed person. Forms are sent as the page renders them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partnerships.extensions import db
from tests.personal_data import BSN, EMAIL, PHONE
from tests.quality.forms import form_with, forms_in


@pytest.fixture
def scene(make):
    from partnerships.actions.services import create_action
    from partnerships.brainstorms import services as brainstorms

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
    meeting = make.meeting(pilot, coordinator)
    card = brainstorms.add_card(
        brainstorm, coordinator, place=brainstorms.place_keys(pilot)[0], text="Een idee"
    )
    db.session.commit()
    base = f"/pilots/{pilot.id}"
    to = f"{base}/brainstorms/{brainstorm.id}/cards/{card.id}/to"
    # (page with the form, the free-text field, other fields the form needs)
    places = {
        "action title": (f"{base}/actions", "title", {}),
        "action description": (f"{base}/actions", "description", {"title": "Nieuwe actie"}),
        "card to action": (f"{to}/action", "title", {}),
        "card to action, description": (f"{to}/action", "description", {}),
        "card to decision": (f"{to}/decision", "title", {}),
        "card to decision, text": (f"{to}/decision", "text", {}),
        "card to potential job": (f"{to}/potential_job", "tasks", {}),
        "action comment": (f"{base}/actions/{action.id}", "body", {}),
        "brainstorm card": (f"{base}/brainstorms/{brainstorm.id}", "text", {}),
        "agenda item": (f"{base}/meetings/{meeting.id}", "title", {}),
        "decision": (f"{base}/decisions", "title", {"decided_on": "2026-03-01"}),
        "pilot goals": (f"{base}/settings", "goals_text", {}),
        "minutes": (
            f"{base}/meetings/{meeting.id}/minutes",
            f"notes-{meeting.items[0].id}",
            {},
        ),
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
    "minutes",
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


CARD_PLACES = [
    "card to action",
    "card to action, description",
    "card to decision",
    "card to decision, text",
    "card to potential job",
]


def _close_the_brainstorm(coordinator) -> None:
    """Cards become work once the session is closed."""
    from partnerships.brainstorms import services
    from partnerships.brainstorms.models import Brainstorm

    services.close(db.session.scalar(select(Brainstorm)), coordinator)
    db.session.commit()


def _work_texts() -> str:
    from partnerships.actions.models import Action
    from partnerships.contracts.models import PotentialJob
    from partnerships.meetings.models import Decision

    rows = [
        *db.session.scalars(select(Action)),
        *db.session.scalars(select(Decision)),
        *db.session.scalars(select(PotentialJob)),
    ]
    return " ".join(str(vars(row)) for row in rows)


@pytest.mark.parametrize("place", ["action description", *CARD_PLACES])
def test_a_bsn_reaches_no_action_decision_or_potential_job(scene, login_as, place):
    """Turning a brainstorm card into an action, decision or potential job was a way round
    the guard on those pages: a BSN went into the action list and the decision register."""
    pilot, coordinator, places = scene
    _close_the_brainstorm(coordinator)
    page, field, extra = places[place]
    client = login_as(coordinator)
    _form, response = _send(client, page, field, BSN, extra)
    assert response.status_code == 422, place
    assert "BSN" in response.text
    assert "111222333" not in _work_texts()


@pytest.mark.parametrize("place", CARD_PLACES[:4])
def test_a_card_turned_into_work_takes_a_confirmed_phone_number(scene, login_as, place):
    pilot, coordinator, places = scene
    _close_the_brainstorm(coordinator)
    page, field, extra = places[place]
    client = login_as(coordinator)
    form, response = _send(client, page, field, PHONE, extra)
    assert response.status_code == 422, place
    assert "06-12345678" not in _work_texts()
    again = form_with(forms_in(response.text, form.action), field, "confirm_not_personal")
    saved = client.post(again.action, data=again.data(**{field: PHONE}, confirm_not_personal="y"))
    assert saved.status_code in (200, 303), (place, saved.status_code)
    assert "06-12345678" in _work_texts()


def test_a_potential_job_from_a_card_refuses_a_phone_number(scene, login_as):
    pilot, coordinator, places = scene
    _close_the_brainstorm(coordinator)
    page, field, extra = places["card to potential job"]
    _form, response = _send(login_as(coordinator), page, field, PHONE, extra)
    assert response.status_code == 422
    assert "telefoonnummer" in response.text
    assert "06-12345678" not in _work_texts()


@pytest.mark.parametrize("row", ["decision", "action"])
def test_a_bsn_in_a_row_added_in_the_minutes_is_refused(scene, login_as, row):
    """Decisions and actions added as rows of the minutes reach the register and the
    action list too: a BSN is refused there as on their own pages."""
    pilot, coordinator, places = scene
    page, notes_field, _extra = places["minutes"]
    item_id = notes_field.removeprefix("notes-")
    client = login_as(coordinator)
    form = form_with(forms_in(client.get(page).text, page), f"{row}-{item_id}-title")
    data = form.data(**{f"{row}-{item_id}-title": BSN})
    data["add"] = f"{row}-{item_id}"
    response = client.post(form.action, data=data)
    assert response.status_code == 422
    assert "BSN" in response.text
    assert "111222333" not in _work_texts()
