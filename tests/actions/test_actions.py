"""Actions: assigned by the coordinator, worked on by the assignee, with history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from partnerships import clock
from partnerships.actions.models import Action, ActionComment, ActionEvent
from partnerships.actions.services import ActionError, create_action
from partnerships.extensions import db


def post_action(client, pilot, **fields):
    """The new-action form as a browser sends it (an unticked box sends nothing)."""
    data = {
        "title": "Contracten inventariseren",
        "description": "",
        "step_code": "2Ba",
        "role": "hr_expert",
        "assignee_id": "",
        "deadline": "",
        "is_internal": "y",
        "version": "0",
    }
    data.update(fields)
    if data.get("is_internal") == "":
        del data["is_internal"]
    return client.post(f"/pilots/{pilot.id}/actions", data=data)


def count_actions():
    return db.session.scalar(select(func.count(Action.id)))


def test_backup_assigns_an_action_to_everyone_in_a_role(crew, login_as):
    client = login_as(crew.backup)
    response = post_action(
        client, crew.pilot, deadline=(clock.today() + timedelta(days=5)).isoformat()
    )
    assert response.status_code == 303
    action = db.session.scalar(select(Action))
    assert action.assignee_id is None and action.role == "hr_expert"
    page = client.get(f"/pilots/{crew.pilot.id}/actions")
    # "Everyone in the role" resolves to the people holding it.
    assert "Hanna HR" in page.text and "Henk HR" in page.text


def test_deadline_in_the_past_is_allowed_but_flagged(crew, login_as):
    client = login_as(crew.coordinator)
    response = post_action(client, crew.pilot, deadline="2020-01-01")
    assert response.status_code == 303
    page = client.get(f"/pilots/{crew.pilot.id}/actions")
    assert "badge-overdue" in page.text
    assert "flash-warning" in page.text


@pytest.mark.parametrize(
    "fields",
    [
        {"role": "king"},
        {"step_code": "9Z"},
        {"title": ""},
        {"deadline": "2026-13-45"},
        {"assignee_id": "999999"},
        {"assignee_id": "abc"},
    ],
)
def test_bad_action_input_is_refused_with_422(crew, login_as, fields):
    response = post_action(login_as(crew.coordinator), crew.pilot, **fields)
    assert response.status_code == 422
    assert count_actions() == 0


def test_an_assignee_who_is_not_in_the_pilot_is_refused(crew, login_as, make):
    colleague = make.user(crew.pilot.organisation, name="Niet Lid")
    response = post_action(login_as(crew.coordinator), crew.pilot, assignee_id=str(colleague.id))
    assert response.status_code == 422
    assert "Niet Lid" in response.text
    assert count_actions() == 0


def test_a_supplier_contact_cannot_get_an_internal_action(crew, login_as):
    client = login_as(crew.coordinator)
    refused = post_action(client, crew.pilot, role="supplier", assignee_id=str(crew.contact.id))
    assert refused.status_code == 422
    assert count_actions() == 0
    refused_role = post_action(client, crew.pilot, role="supplier")
    assert refused_role.status_code == 422
    shared = post_action(
        client, crew.pilot, role="supplier", assignee_id=str(crew.contact.id), is_internal=""
    )
    assert shared.status_code == 303
    assert count_actions() == 1


def test_create_action_service_refuses_bad_calls_from_other_domains(crew):
    with pytest.raises(ActionError):
        create_action(crew.pilot, crew.coordinator, title="x", role="nobody")
    with pytest.raises(ActionError):
        create_action(
            crew.pilot,
            crew.coordinator,
            title="x",
            role="supplier",
            assignee=crew.contact,
            is_internal=True,
        )


def test_members_and_board_cannot_create_actions(crew, login_as):
    for user in (crew.hr1, crew.board, crew.contact):
        assert post_action(login_as(user), crew.pilot).status_code == 403
    assert count_actions() == 0


def make_action(crew, **fields):
    fields.setdefault("title", "Doelgroep bepalen")
    fields.setdefault("role", "hr_expert")
    action = create_action(crew.pilot, crew.coordinator, **fields)
    db.session.commit()
    return action


def status(client, action, value, version=None, reason="", **headers):
    return client.post(
        f"/pilots/{action.pilot_id}/actions/{action.id}/status",
        data={"status": value, "version": version or action.version, "reason": reason},
        headers=headers,
    )


def test_everyone_in_the_role_updates_status_and_history_records_it(crew, login_as):
    action = make_action(crew)
    response = status(login_as(crew.hr2), action, "busy")
    assert response.status_code == 303
    db.session.refresh(action)
    assert action.status == "busy" and action.version == 2
    events = db.session.scalars(select(ActionEvent).where(ActionEvent.field == "status")).all()
    assert [(e.old_value, e.new_value, e.actor_id) for e in events] == [
        ("open", "busy", crew.hr2.id)
    ]


def test_inline_status_change_with_htmx_returns_the_fragment(crew, login_as):
    action = make_action(crew, assignee=crew.hr1)
    response = status(login_as(crew.hr1), action, "done", **{"HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="status-{action.id}"' in response.text
    assert "<html" not in response.text
    db.session.refresh(action)
    assert action.status == "done" and action.done_on == clock.today()


def test_others_cannot_change_a_personal_action(crew, login_as):
    action = make_action(crew, assignee=crew.hr1)
    for user in (crew.hr2, crew.board, crew.contact, crew.outsider):
        assert status(login_as(user), action, "done").status_code in (403, 404)
    db.session.refresh(action)
    assert action.status == "open"


def test_dropping_needs_a_reason(crew, login_as):
    action = make_action(crew, assignee=crew.hr1)
    client = login_as(crew.hr1)
    assert status(client, action, "dropped").status_code == 422
    assert status(client, action, "dropped", **{"HX-Request": "true"}).status_code == 422
    db.session.refresh(action)
    assert action.status == "open"
    assert status(client, action, "dropped", reason="Geen budget").status_code == 303
    db.session.refresh(action)
    assert action.status == "dropped" and action.drop_reason == "Geen budget"


def test_an_unknown_status_is_refused(crew, login_as):
    action = make_action(crew, assignee=crew.hr1)
    assert status(login_as(crew.hr1), action, "finished").status_code == 422


def test_two_people_changing_the_same_action_lose_no_update(crew, login_as):
    action = make_action(crew)
    loaded_version = action.version
    assert status(login_as(crew.hr1), action, "busy", version=loaded_version).status_code == 303
    # Henk loaded the page before Hanna saved; his change is refused, hers stays.
    second = status(login_as(crew.hr2), action, "done", version=loaded_version)
    assert second.status_code == 409
    db.session.refresh(action)
    assert action.status == "busy"


def test_coordinator_reassigns_and_history_shows_who_when_what(crew, web):
    action = make_action(crew, deadline=date(2026, 3, 1))
    coordinator = web(crew.coordinator)
    page = coordinator.get(f"/pilots/{crew.pilot.id}/actions/{action.id}")
    # The action page links to the change form on a page of its own.
    edit = page.click(description="Wijzigen of opnieuw toewijzen")
    assert edit.status_int == 200
    form = coordinator.form(edit, "assignee_id", "deadline")
    assert form["title"].value == action.title and form["deadline"].value == "2026-03-01"
    form["assignee_id"] = str(crew.hr1.id)
    form["deadline"] = "2026-04-01"
    response = coordinator.fill(form)
    assert response.status_int == 303
    assert response.location.endswith(f"/pilots/{crew.pilot.id}/actions/{action.id}")
    fields = {
        e.field: (e.old_value, e.new_value)
        for e in db.session.scalars(select(ActionEvent).where(ActionEvent.action_id == action.id))
    }
    assert fields["assignee_id"] == ("", "Hanna HR")
    assert fields["deadline"] == ("2026-03-01", "2026-04-01")
    page = coordinator.get(f"/pilots/{crew.pilot.id}/actions/{action.id}")
    assert "Hanna HR" in page.text and "Actie opgeslagen." in page.text


def test_the_action_page_shows_no_change_form_and_only_managers_get_the_link(crew, web):
    action = make_action(crew, assignee=crew.hr1)
    url = f"/pilots/{crew.pilot.id}/actions/{action.id}"
    page = web(crew.coordinator).get(url)
    assert f"{url}/edit" in page.text
    assert not any(f.action.endswith("/edit") for f in page.forms.values())
    worker = web(crew.hr1)
    assert f"{url}/edit" not in worker.get(url).text
    assert worker.get(f"{url}/edit").status_int == 403


def test_an_invalid_change_shows_the_change_page_again_with_what_was_typed(crew, web):
    action = make_action(crew)
    coordinator = web(crew.coordinator)
    response = coordinator.submit(
        f"/pilots/{crew.pilot.id}/actions/{action.id}/edit", title="", deadline="9999-12-31"
    )
    assert response.status_int == 422
    assert "Wijzigen of opnieuw toewijzen" in response.text
    assert coordinator.form(response, "title", "deadline")["deadline"].value == "9999-12-31"
    db.session.refresh(action)
    assert action.title == "Doelgroep bepalen"


def test_stale_edit_by_the_coordinator_is_refused(crew, login_as):
    action = make_action(crew)
    old = action.version
    status(login_as(crew.hr1), action, "busy")
    response = login_as(crew.coordinator).post(
        f"/pilots/{crew.pilot.id}/actions/{action.id}/edit",
        data={"title": "Nieuwe titel", "role": "hr_expert", "assignee_id": "", "version": str(old)},
    )
    assert response.status_code == 409
    db.session.refresh(action)
    assert action.title == "Doelgroep bepalen" and action.status == "busy"


def test_assignee_comments_and_others_cannot(crew, login_as):
    action = make_action(crew, assignee=crew.hr1)
    url = f"/pilots/{crew.pilot.id}/actions/{action.id}/comments"
    assert login_as(crew.hr1).post(url, data={"body": "Gesprek gepland"}).status_code == 303
    assert login_as(crew.hr1).post(url, data={"body": "  "}).status_code == 422
    assert login_as(crew.board).post(url, data={"body": "x"}).status_code == 403
    assert db.session.scalar(select(func.count(ActionComment.id))) == 1


def test_suppliers_see_only_their_own_shared_actions(crew, login_as):
    internal = make_action(crew, title="Intern overleg")
    ours = make_action(
        crew, title="Werkplekken Schoon", role="supplier", assignee=crew.contact, is_internal=False
    )
    theirs = make_action(
        crew,
        title="Werkplekken Groen",
        role="supplier",
        assignee=crew.other_contact,
        is_internal=False,
    )
    client = login_as(crew.contact)
    page = client.get(f"/pilots/{crew.pilot.id}/actions")
    assert page.status_code == 200
    assert "Werkplekken Schoon" in page.text
    assert "Werkplekken Groen" not in page.text and "Intern overleg" not in page.text
    assert client.get(f"/pilots/{crew.pilot.id}/actions/{internal.id}").status_code == 403
    assert client.get(f"/pilots/{crew.pilot.id}/actions/{theirs.id}").status_code == 403
    assert client.get(f"/pilots/{crew.pilot.id}/actions/{ours.id}").status_code == 200


def test_strangers_get_no_access_and_ids_do_not_reach_across_pilots(crew, login_as, make):
    action = make_action(crew)
    assert login_as(crew.outsider).get(f"/pilots/{crew.pilot.id}/actions").status_code == 403
    other = make.pilot(coordinator=crew.coordinator)
    response = login_as(crew.coordinator).get(f"/pilots/{other.id}/actions/{action.id}")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "step=9Z",
        "role=king",
        "person=abc",
        "person=99999999999999999999",
        "status=finished",
        "step=%E2%80%AE",
        "person=-1",
    ],
)
def test_invalid_filters_are_ignored_with_a_notice(crew, login_as, query):
    make_action(crew)
    page = login_as(crew.coordinator).get(f"/pilots/{crew.pilot.id}/actions?{query}")
    assert page.status_code == 200
    assert "Doelgroep bepalen" in page.text
    assert 'class="warning"' in page.text


def test_a_nul_byte_in_a_filter_is_refused(crew, login_as):
    # Control characters in the address are refused before any view (partnerships/inputs.py).
    response = login_as(crew.coordinator).get(f"/pilots/{crew.pilot.id}/actions?step=%00")
    assert response.status_code == 400


def test_filters_by_step_role_person_and_status(crew, login_as):
    make_action(crew, title="A-stap", step_code="2Ba", role="hr_expert", assignee=crew.hr1)
    make_action(crew, title="B-rol", step_code="1b", role="coordinator_backup")
    done = make_action(crew, title="C-klaar", step_code="1c", role="hr_expert")
    done.status = "done"
    db.session.commit()
    client = login_as(crew.coordinator)

    def titles(query):
        text = client.get(f"/pilots/{crew.pilot.id}/actions?{query}").text
        return {t for t in ("A-stap", "B-rol", "C-klaar") if t in text}

    assert titles("step=2B") == {"A-stap"}  # a step finds its sub-steps
    assert titles("step=1b") == {"B-rol"}
    assert titles("role=hr_expert") == {"A-stap", "C-klaar"}
    # Henk holds hr_expert: he gets role-wide C, not Hanna's personal A.
    assert titles(f"person={crew.hr2.id}") == {"C-klaar"}
    assert titles(f"person={crew.backup.id}") == {"B-rol"}
    assert titles("status=done") == {"C-klaar"}
    assert titles("role=hr_expert&status=open") == {"A-stap"}
