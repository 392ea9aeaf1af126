"""The working group (step 1b): roles from the method, supplier contacts, invitations."""

from __future__ import annotations

from sqlalchemy import func, select

from partnerships.audit import AuditEvent
from partnerships.extensions import db
from partnerships.pilots.models import Membership
from tests.contracts.conftest import add_contract


def roles_of(pilot, user):
    return sorted(
        db.session.scalars(
            select(Membership.role).where(
                Membership.pilot_id == pilot.id, Membership.user_id == user.id
            )
        )
    )


def add_to_working_group(client, pilot, user, role: str):
    """The form that adds someone to the working group, sent with this person and role."""
    return client.post(
        f"/pilots/{pilot.id}/working-group/add",
        data={"add-user_id": user.id, "add-role": role},
    )


def test_coordinator_without_a_backup_sees_a_warning(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/working-group")
    assert page.status_code == 200
    assert "back-up" in page.text.lower() or "backup" in page.text.lower()
    assert "coordinator-warning" in page.text


def test_the_same_person_as_coordinator_and_backup_still_warns(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    make.member(pilot, coordinator, role="coordinator_backup")
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/working-group")
    assert "coordinator-warning" in page.text


def test_warning_disappears_with_a_different_backup(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    make.member(pilot, role="coordinator_backup")
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/working-group")
    assert "coordinator-warning" not in page.text


def test_coordinator_adds_a_colleague_in_two_roles(make, web):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.user(pilot.organisation, name="Mark Bakker")
    visitor = web(coordinator)
    for role in ("procurement_expert", "category_manager"):
        response = visitor.submit(
            f"/pilots/{pilot.id}/working-group",
            **{
                "add-user_id": colleague.id,
                "add-role": role,
                "add-task_description": "Contracten in kaart",
            },
        )
        assert response.status_int == 303
    assert roles_of(pilot, colleague) == ["category_manager", "procurement_expert"]
    events = db.session.scalars(
        select(AuditEvent.event).where(
            AuditEvent.pilot_id == pilot.id, AuditEvent.event == "membership.added"
        )
    ).all()
    assert len(events) == 2


def test_a_role_that_does_not_exist_is_refused(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.user(pilot.organisation)
    response = add_to_working_group(login_as(coordinator), pilot, colleague, "king")
    assert response.status_code == 422
    assert roles_of(pilot, colleague) == []


def test_the_working_group_column_is_not_a_role_for_one_person(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.user(pilot.organisation)
    response = add_to_working_group(login_as(coordinator), pilot, colleague, "working_group")
    assert response.status_code == 422


def test_holding_the_same_role_twice_is_refused(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.member(pilot, role="hr_expert")
    response = add_to_working_group(login_as(coordinator), pilot, colleague, "hr_expert")
    assert response.status_code == 422
    assert roles_of(pilot, colleague) == ["hr_expert"]


def test_supplier_contact_joins_as_supplier_linked_to_their_organisation(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    supplier = make.org(kind="supplier", name="Schoon & Co")
    contact = make.user(supplier)
    add_contract(pilot, "Schoonmaak", [supplier])  # a supplier the buyer works with
    client = login_as(coordinator)
    refused = add_to_working_group(client, pilot, contact, "hr_expert")
    assert refused.status_code == 422
    ok = add_to_working_group(client, pilot, contact, "supplier")
    assert ok.status_code == 303
    membership = db.session.scalar(select(Membership).where(Membership.user_id == contact.id))
    assert membership.role == "supplier"
    assert membership.supplier_organisation_id == supplier.id


def test_a_colleague_cannot_hold_the_supplier_role(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.user(pilot.organisation)
    response = add_to_working_group(login_as(coordinator), pilot, colleague, "supplier")
    assert response.status_code == 422


def test_someone_of_another_buyer_cannot_be_added(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    stranger = make.user(make.org())
    response = add_to_working_group(login_as(coordinator), pilot, stranger, "hr_expert")
    assert response.status_code == 422
    assert roles_of(pilot, stranger) == []


def test_inviting_a_new_person_into_a_role_in_one_step(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    response = login_as(coordinator).post(
        f"/pilots/{pilot.id}/working-group/invite",
        data={
            "invite-name": "Linda Visser",
            "invite-email": "Linda@Example.org",
            "invite-role": "contract_manager",
            "invite-supplier_organisation_id": "",
        },
    )
    assert response.status_code == 303
    from partnerships.accounts.models import User

    linda = User.by_email("linda@example.org")
    assert linda is not None and not linda.is_active
    assert linda.organisation_id == pilot.organisation_id
    assert roles_of(pilot, linda) == ["contract_manager"]


def test_inviting_a_supplier_contact_needs_the_supplier_organisation(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    supplier = make.org(kind="supplier")
    add_contract(pilot, "Schoonmaak", [supplier])  # a supplier the buyer works with
    client = login_as(coordinator)
    data = {
        "invite-name": "Ruud",
        "invite-email": "ruud@schoon.example",
        "invite-role": "supplier",
        "invite-supplier_organisation_id": "",
    }
    assert client.post(f"/pilots/{pilot.id}/working-group/invite", data=data).status_code == 422
    data["invite-supplier_organisation_id"] = str(supplier.id)
    assert client.post(f"/pilots/{pilot.id}/working-group/invite", data=data).status_code == 303
    from partnerships.accounts.models import User

    ruud = User.by_email("ruud@schoon.example")
    assert ruud.organisation_id == supplier.id
    membership = db.session.scalar(select(Membership).where(Membership.user_id == ruud.id))
    assert membership.supplier_organisation_id == supplier.id


def test_inviting_an_address_of_another_organisation_is_refused(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    make.user(make.org(), email="taken@example.org")
    response = login_as(coordinator).post(
        f"/pilots/{pilot.id}/working-group/invite",
        data={
            "invite-name": "X",
            "invite-email": "taken@example.org",
            "invite-role": "hr_expert",
            "invite-supplier_organisation_id": "",
        },
    )
    assert response.status_code == 422
    assert "another organisation" in response.text or "andere organisatie" in response.text


def test_removing_the_last_coordinator_is_refused(make, login_as):
    pilot = make.pilot()
    membership = pilot.memberships[0]
    response = login_as(membership.user).post(
        f"/pilots/{pilot.id}/working-group/{membership.id}/remove"
    )
    assert response.status_code == 422
    assert db.session.get(Membership, membership.id) is not None


def test_removing_a_member_hands_their_open_tasks_back_to_the_role(make, login_as):
    from partnerships.actions.services import create_action

    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    hr = make.member(pilot, role="hr_expert")
    action = create_action(
        pilot, coordinator, title="Doelgroep bepalen", role="hr_expert", assignee=hr
    )
    membership = db.session.scalar(select(Membership).where(Membership.user_id == hr.id))
    response = login_as(coordinator).post(
        f"/pilots/{pilot.id}/working-group/{membership.id}/remove"
    )
    assert response.status_code == 303
    db.session.refresh(action)
    assert action.assignee_id is None and action.role == "hr_expert"


def test_task_description_is_saved_and_audited(make, login_as):
    pilot = make.pilot()
    membership = pilot.memberships[0]
    response = login_as(membership.user).post(
        f"/pilots/{pilot.id}/working-group/{membership.id}/task",
        data={"task_description": "Trekt de werkgroep", "version": str(membership.version)},
    )
    assert response.status_code == 303
    db.session.refresh(membership)
    assert membership.task_description == "Trekt de werkgroep"
    assert (
        db.session.scalar(select(AuditEvent).where(AuditEvent.event == "membership.task_changed"))
        is not None
    )


def test_two_coordinators_editing_one_task_description_lose_nothing(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    backup = make.member(pilot, role="coordinator_backup")
    person = make.member(pilot, role="hr_expert", task_description="Werving")
    db.session.commit()
    membership = db.session.scalar(select(Membership).where(Membership.user_id == person.id))
    url = f"/pilots/{pilot.id}/working-group/{membership.id}/task"
    page = login_as(backup).get(f"/pilots/{pilot.id}/working-group").get_data(as_text=True)
    assert f'name="version" value="{membership.version}"' in page
    loaded = str(membership.version)  # both coordinators opened the page at this version

    first = login_as(coordinator).post(
        url, data={"task_description": "Werving en selectie", "version": loaded}
    )
    assert first.status_code == 303
    second = login_as(backup).post(url, data={"task_description": "Matching", "version": loaded})
    assert second.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in second.get_data(as_text=True)
    db.session.refresh(membership)
    assert membership.task_description == "Werving en selectie"
    # Resending the text that is already there is not a conflict.
    same = login_as(backup).post(
        url, data={"task_description": "Werving en selectie", "version": loaded}
    )
    assert same.status_code == 303


def test_members_read_but_only_coordinators_change_the_working_group(make, login_as):
    pilot = make.pilot()
    member = make.member(pilot, role="hr_expert")
    colleague = make.user(pilot.organisation)
    client = login_as(member)
    page = client.get(f"/pilots/{pilot.id}/working-group")
    assert page.status_code == 200
    assert "Send invitation" not in page.text and "Uitnodiging" not in page.text
    response = add_to_working_group(client, pilot, colleague, "hr_expert")
    assert response.status_code == 403


def test_strangers_and_suppliers_cannot_see_the_working_group(make, login_as):
    pilot = make.pilot()
    stranger = make.user(make.org())
    assert login_as(stranger).get(f"/pilots/{pilot.id}/working-group").status_code == 403
    contact = make.member(pilot, make.user(make.org(kind="supplier")), role="supplier")
    assert login_as(contact).get(f"/pilots/{pilot.id}/working-group").status_code == 403
    assert login_as(contact).get(f"/pilots/{pilot.id}/raci").status_code == 403


def test_audit_trail_is_for_coordinators(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    member = make.member(pilot, role="hr_expert")
    assert login_as(member).get(f"/pilots/{pilot.id}/audit").status_code == 403
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/audit?page=abc")
    assert page.status_code == 200
    assert coordinator.name in page.text


def test_the_audit_trail_pages_by_fifty_newest_first(make, login_as):
    from partnerships import audit

    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    already = db.session.scalar(
        select(func.count(AuditEvent.id)).where(AuditEvent.pilot_id == pilot.id)
    )
    for n in range(1, 56 - already):
        audit.record("pilot.changed", f"subject-{n:03d}", pilot=pilot, actor=coordinator)
    db.session.commit()
    # 55 events in all: page 1 holds the 50 newest, page 2 the 5 oldest.
    client = login_as(coordinator)
    first = client.get(f"/pilots/{pilot.id}/audit")
    second = client.get(f"/pilots/{pilot.id}/audit?page=2")
    assert first.text.count("<tr>") - 1 == 50 and second.text.count("<tr>") - 1 == 5
    assert f"subject-{55 - already:03d}" in first.text and "subject-001" in second.text
    assert "Pagina 1 van 2" in first.text and "Pagina 2 van 2" in second.text
    beyond = client.get(f"/pilots/{pilot.id}/audit?page=9")
    assert beyond.status_code == 200 and "Nog niets vastgelegd" in beyond.text
