"""Working texts that had no privacy guard at all (issue 13, finding 7).

A brainstorm's header, the meeting agreements of the action plan, a meeting's title and its
external participant's organisation and function, the reason or note on a step's status, an
evaluation's title and the board's decision on the policy took "06-12345678" or a BSN without
a word. They now warn like every other working text: a BSN is refused, other personal data
is saved once the writer ticks the box the page then offers. Forms are sent as the page
renders them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partnerships.extensions import db
from tests.personal_data import BSN, PHONE
from tests.quality.forms import form_with, forms_in

CONFIRM = "confirm_not_personal"


@pytest.fixture
def pilot(make):
    from partnerships.reports import policy

    pilot = make.pilot()
    policy.start_draft(pilot, pilot.memberships[0].user)  # so 5c's adoption form shows
    db.session.commit()
    return pilot


def _places(pilot):
    base = f"/pilots/{pilot.id}"
    brainstorm = {"title": "Sessie", "kind": "existing_without_sr", "nature": "service"}
    meeting = {"day": "2026-04-07", "start": "10:00", "end": "11:00"}
    return {
        # (page with the form, the field, other fields the form needs)
        "brainstorm title": (f"{base}/brainstorms/new", "title", {**brainstorm, "title": None}),
        "brainstorm assignment": (f"{base}/brainstorms/new", "description", brainstorm),
        "brainstorm labour component": (f"{base}/brainstorms/new", "labour_component", brainstorm),
        "meeting agreements": (f"{base}/action-plan", "meeting_agreements", {}),
        "meeting title": (f"{base}/meetings/new?kind=kickoff", "title", meeting),
        "step note": (f"{base}/steps/1a", "note", {"status": "busy"}),
        "reason for skipping a step": (f"{base}/steps/1a", "reason", {"status": "skipped"}),
        "evaluation title": (f"{base}/evaluation", "title", {}),
        "external participant's function": (
            f"{base}/meetings/new?kind=kickoff",
            "guest-function",
            {**meeting, "guest-organisation": "Werkbedrijf"},
        ),
        "policy adoption": (
            f"{base}/policy",
            "title",
            {"status": "proposed", "decided_on": "2026-12-10"},
        ),
    }


PLACES = [
    "brainstorm title",
    "brainstorm assignment",
    "brainstorm labour component",
    "meeting agreements",
    "meeting title",
    "step note",
    "reason for skipping a step",
    "evaluation title",
    "external participant's function",
    "policy adoption",
]


def _saved_texts() -> str:
    from partnerships.actions.models import ActionPlanInfo
    from partnerships.brainstorms.models import Brainstorm
    from partnerships.meetings.models import Decision, Meeting
    from partnerships.meetings.records import MeetingGuest
    from partnerships.pilots.models import StepState
    from partnerships.reports.models import Evaluation

    db.session.expire_all()
    rows = [
        *db.session.scalars(select(Brainstorm)),
        *db.session.scalars(select(ActionPlanInfo)),
        *db.session.scalars(select(Meeting)),
        *db.session.scalars(select(StepState)),
        *db.session.scalars(select(Evaluation)),
        *db.session.scalars(select(Decision)),
        *db.session.scalars(select(MeetingGuest)),
    ]
    return " ".join(str(vars(row)) for row in rows)


def _data(form, field, text, extra):
    values = {k: v for k, v in extra.items() if v is not None and k != field}
    return form.data(**values, **{field: text})


@pytest.mark.parametrize("place", PLACES)
def test_a_working_text_warns_about_a_phone_number_and_saves_it_once_confirmed(
    pilot, login_as, place
):
    page, field, extra = _places(pilot)[place]
    client = login_as(pilot.memberships[0].user)
    form = form_with(forms_in(client.get(page).text, page), field)
    response = client.post(form.action, data=_data(form, field, PHONE, extra))
    assert response.status_code == 422, place
    assert "telefoonnummer" in response.text
    assert "06-12345678" not in _saved_texts()
    # A field in a part of a form (the external participant) names its box with the prefix.
    confirm = field.rpartition("-")[0] + "-confirm_not_personal" if "-" in field else CONFIRM
    again = form_with(forms_in(response.text, page), field, confirm)
    assert next(f.value for f in again.fields if f.name == field) == PHONE  # kept as typed
    data = {**_data(again, field, PHONE, extra), confirm: "y"}
    assert client.post(again.action, data=data).status_code == 303, place
    assert "06-12345678" in _saved_texts()


@pytest.mark.parametrize("place", PLACES)
def test_a_working_text_refuses_a_bsn_even_when_confirmed(pilot, login_as, place):
    page, field, extra = _places(pilot)[place]
    client = login_as(pilot.memberships[0].user)
    form = form_with(forms_in(client.get(page).text, page), field)
    confirm = field.rpartition("-")[0] + "-confirm_not_personal" if "-" in field else CONFIRM
    data = {**_data(form, field, BSN, extra), confirm: "y"}
    response = client.post(form.action, data=data)
    assert response.status_code == 422, place
    assert "BSN" in response.text
    assert "111222333" not in _saved_texts()


@pytest.mark.parametrize("htmx", [False, True])
def test_the_reason_an_action_is_dropped_warns_and_saves_once_confirmed(pilot, login_as, htmx):
    """The status cell is its own small form (swapped in place with htmx): the reason an
    action was dropped is shown beside it in every action list."""
    from partnerships.actions.models import Action
    from partnerships.actions.services import create_action

    coordinator = pilot.memberships[0].user
    action = create_action(pilot, coordinator, title="Werkplek inrichten", role="coordinator")
    db.session.commit()
    page = f"/pilots/{pilot.id}/actions/{action.id}"
    client = login_as(coordinator)
    headers = {"HX-Request": "true"} if htmx else {}
    form = form_with(forms_in(client.get(page).text, page), "status", "reason")
    data = form.data(status="dropped", reason=PHONE)
    response = client.post(form.action, data=data, headers=headers)
    assert response.status_code == 422
    assert "telefoonnummer" in response.text
    assert db.session.get(Action, action.id).status != "dropped"
    again = form_with(forms_in(response.text, page), "reason", CONFIRM)
    assert next(f.value for f in again.fields if f.name == "reason") == PHONE
    data = again.data(status="dropped", **{CONFIRM: "y"})
    assert client.post(again.action, data=data, headers=headers).status_code in (200, 303)
    db.session.expire_all()
    assert db.session.get(Action, action.id).drop_reason == PHONE


def test_the_reason_for_a_supplier_on_the_shortlist_warns_and_saves_once_confirmed(pilot, login_as):
    from partnerships.brainstorms import services
    from partnerships.brainstorms.models import ShortlistEntry

    coordinator = pilot.memberships[0].user
    brainstorm = services.start_brainstorm(
        pilot,
        coordinator,
        title="Sessie",
        kind="existing_without_sr",
        nature="service",
        supplier_org_ids=[],
    )
    services.close(brainstorm, coordinator)
    db.session.commit()
    page = f"/pilots/{pilot.id}/brainstorms/{brainstorm.id}/work"
    client = login_as(coordinator)
    form = form_with(forms_in(client.get(page).text, page), "reason", "supplier_name")
    data = form.data(rank="1", supplier_name="Groen BV", reason=PHONE)
    response = client.post(form.action, data=data)
    assert response.status_code == 422
    assert "telefoonnummer" in response.text
    assert db.session.scalars(select(ShortlistEntry)).all() == []
    again = form_with(forms_in(response.text, page), "reason", CONFIRM)
    assert next(f.value for f in again.fields if f.name == "reason") == PHONE
    assert client.post(again.action, data=again.data(**{CONFIRM: "y"})).status_code == 303
    assert db.session.scalars(select(ShortlistEntry.reason)).all() == [PHONE]
