"""Inviting supplier contacts, existing or new, and who then sees which brainstorm."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.accounts.models import User
from partnerships.brainstorms.models import BrainstormParticipant
from partnerships.extensions import db
from partnerships.pilots.models import Membership


def test_inviting_an_existing_contact_shares_the_brainstorm_with_their_supplier(
    cast, brainstorm_a, login_as, url, make
):
    colleague = make.user(cast.supplier_b, name="Kees")
    db.session.commit()
    client = login_as(cast.coordinator)
    # Not offered while the brainstorm is not shared with supplier B (issue 13, finding 5).
    page = client.get(url(brainstorm_a, "/participants"))
    assert page.status_code == 200 and "Kees" not in page.text
    refused = client.post(
        url(brainstorm_a, "/participants/invite"), data={"user_id": str(colleague.id)}
    )
    assert refused.status_code == 422
    shared = client.post(
        url(brainstorm_a, "/participants/share"),
        data={"suppliers": [str(cast.supplier_a.id), str(cast.supplier_b.id)]},
    )
    assert shared.status_code == 303
    assert "Kees" in client.get(url(brainstorm_a, "/participants")).text
    response = client.post(
        url(brainstorm_a, "/participants/invite"), data={"user_id": str(colleague.id)}
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert cast.supplier_b.id in brainstorm_a.shared_org_ids
    assert (
        db.session.scalar(
            select(Membership).where(
                Membership.user_id == colleague.id,
                Membership.role == "supplier",
                Membership.supplier_organisation_id == cast.supplier_b.id,
            )
        )
        is not None
    )
    assert login_as(colleague).get(url(brainstorm_a)).status_code == 200


def test_inviting_by_email_creates_a_supplier_account(cast, brainstorm_a, login_as, url):
    client = login_as(cast.coordinator)
    response = client.post(
        url(brainstorm_a, "/participants/invite-email"),
        data={
            "organisation_id": str(cast.supplier_a.id),
            "name": "Nieuwe Collega",
            "email": "nieuw@schoonco.example",
        },
    )
    assert response.status_code == 200  # no mail server: the link is shown
    assert "/invitation/" in response.text or "accept" in response.text
    user = User.by_email("nieuw@schoonco.example")
    assert user.organisation_id == cast.supplier_a.id and not user.is_active
    assert (
        db.session.scalar(
            select(BrainstormParticipant).where(BrainstormParticipant.user_id == user.id)
        )
        is not None
    )


def test_an_address_of_another_organisation_is_refused(cast, brainstorm_a, login_as, url):
    response = login_as(cast.coordinator).post(
        url(brainstorm_a, "/participants/invite-email"),
        data={"organisation_id": str(cast.supplier_a.id), "name": "X", "email": cast.member.email},
    )
    assert response.status_code == 422


def test_only_the_facilitator_manages_participants(cast, brainstorm_a, login_as, url):
    assert login_as(cast.contact_a).get(url(brainstorm_a, "/participants")).status_code == 403
    assert login_as(cast.member).get(url(brainstorm_a, "/participants")).status_code == 403


def test_unsharing_shuts_a_supplier_out(cast, brainstorm_a, login_as, url):
    client = login_as(cast.coordinator)
    assert client.post(url(brainstorm_a, "/participants/share"), data={}).status_code == 303
    assert login_as(cast.contact_a).get(url(brainstorm_a)).status_code == 403
