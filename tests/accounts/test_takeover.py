"""Invitations and accounts that cannot change hands (issue 13, findings 1 and 2)."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from partnerships.accounts.models import AuthToken, User
from partnerships.extensions import db

INVITATION = re.compile(r"/invitation/([A-Za-z0-9_-]{20,})")


def _invite_supplier_contact(client, pilot, supplier, email="jan@supplier.example"):
    return client.post(
        f"/pilots/{pilot.id}/working-group/invite",
        data={
            "invite-name": "Jan",
            "invite-email": email,
            "invite-role": "supplier",
            "invite-supplier_organisation_id": str(supplier.id),
        },
        follow_redirects=True,
    )


def test_another_buyer_cannot_take_over_a_pending_invitation(make, login_as, app):
    supplier = make.org("Schoon BV", kind="supplier")
    pilot_x = make.pilot(make.org("Gemeente X"), title="Pilot X")
    pilot_y = make.pilot(make.org("Gemeente Y"), title="Pilot Y")
    make.contract(pilot_x, [supplier])
    make.contract(pilot_y, [supplier])
    coordinator_x = pilot_x.memberships[0].user
    coordinator_y = pilot_y.memberships[0].user
    # No mail server: X made the account, so X is shown its link to pass on.
    page_x = _invite_supplier_contact(login_as(coordinator_x), pilot_x, supplier)
    assert page_x.status_code == 200
    link_x = INVITATION.search(page_x.text).group(0)

    page_y = _invite_supplier_contact(login_as(coordinator_y), pilot_y, supplier)
    assert page_y.status_code == 200
    # Y is told the person was added, and shown no link that would set Jan's password.
    assert INVITATION.search(page_y.text) is None
    assert "Jan" in page_y.text
    # X's invitation still works: Y's invitation was added beside it, not in its place.
    fresh = app.test_client()
    assert fresh.get(link_x).status_code == 200
    jan = User.by_email("jan@supplier.example")
    assert not jan.is_active and jan.password_hash is None
    open_invitations = db.session.scalar(
        select(func.count(AuthToken.id)).where(
            AuthToken.user_id == jan.id, AuthToken.used_at.is_(None)
        )
    )
    assert open_invitations == 2


def test_a_used_invitation_spends_the_others(make, login_as, app):
    """Once Jan chose a password, no other invitation link of his opens his account."""
    from partnerships.accounts.services import invite

    supplier = make.org("Schoon BV", kind="supplier")
    buyer_x, buyer_y = make.org("Gemeente X"), make.org("Gemeente Y")
    with app.test_request_context():
        _, first, _ = invite(supplier, "jan@supplier.example", "Jan", make.user(buyer_x))
        _, second, _ = invite(supplier, "jan@supplier.example", "Jan", make.user(buyer_y))
    assert first is not None and second is None  # Y did not make the account
    first = INVITATION.search(first).group(0)
    db.session.commit()
    client = app.test_client()
    page = client.get(first)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text)
    data = {
        "name": "Jan",
        "password": "een lang wachtwoord 42",
        "confirm": "een lang wachtwoord 42",
    }
    if token:
        data["csrf_token"] = token.group(1)
    assert client.post(first, data=data).status_code == 303
    jan = User.by_email("jan@supplier.example")
    assert jan.is_active
    assert (
        db.session.scalar(
            select(func.count(AuthToken.id)).where(
                AuthToken.user_id == jan.id, AuthToken.used_at.is_(None)
            )
        )
        == 0
    )


def test_a_buyer_cannot_switch_on_a_switched_off_supplier_account_by_brainstorm_invitation(
    make, login_as
):
    from partnerships.brainstorms import services

    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer)
    pilot = make.pilot(buyer, coordinator)
    supplier = make.org("Schoon & Co", kind="supplier")
    ruud = make.member(pilot, make.user(supplier, email="ruud@schoonco.example"), role="supplier")
    ruud.is_active_account = False  # switched off by Schoon & Co
    brainstorm = services.start_brainstorm(
        pilot,
        coordinator,
        title="Schoonmaak",
        kind="existing_without_sr",
        nature="service",
        supplier_org_ids=[supplier.id],
    )
    db.session.commit()
    old_hash = ruud.password_hash
    response = login_as(coordinator).post(
        f"/pilots/{pilot.id}/brainstorms/{brainstorm.id}/participants/invite-email",
        data={"organisation_id": str(supplier.id), "name": "Ruud", "email": ruud.email},
    )
    assert response.status_code == 422
    assert "administrator" in response.text or "beheerder" in response.text
    assert INVITATION.search(response.text) is None
    db.session.expire_all()
    ruud = User.by_email("ruud@schoonco.example")
    assert not ruud.is_active and ruud.password_hash == old_hash
    assert (
        db.session.scalar(select(func.count(AuthToken.id)).where(AuthToken.user_id == ruud.id)) == 0
    )


def test_its_own_admin_can_switch_a_switched_off_account_on_again(make, login_as):
    supplier = make.org("Schoon & Co", kind="supplier")
    admin = make.user(supplier, org_role="admin")
    ruud = make.user(supplier, email="ruud@schoonco.example", is_active_account=False)
    response = login_as(admin).post(
        f"/organisations/{supplier.id}/users",
        data={"name": "Ruud", "email": ruud.email, "org_role": "member"},
    )
    assert response.status_code in (200, 303)
    assert (
        db.session.scalar(select(func.count(AuthToken.id)).where(AuthToken.user_id == ruud.id)) == 1
    )


def test_the_suppliers_admin_hears_of_a_buyers_invitation_and_can_withdraw_it(make, app, smtp, web):
    """A buyer does not decide who works for a supplier that has its own admin: the admin is
    told who invited whom, and withdrawing the invitation ends the person's link."""
    from tests.mailbox import body

    supplier = make.org("Schoon BV", kind="supplier")
    make.user(supplier, name="Ans Admin", email="ans@supplier.example", org_role="admin")
    pilot = make.pilot(make.org("Gemeente X"), title="Pilot X")
    make.contract(pilot, [supplier])
    coordinator = pilot.memberships[0].user
    db.session.commit()
    page = web(coordinator).submit(
        f"/pilots/{pilot.id}/working-group",
        **{
            "invite-name": "Jan",
            "invite-email": "jan@supplier.example",
            "invite-role": "supplier",
            "invite-supplier_organisation_id": supplier.id,
        },
    )
    assert page.status_int == 303
    jan_link = smtp.link(smtp.for_("jan@supplier.example")[0], "/invitation/")
    notice = smtp.for_("ans@supplier.example")
    assert len(notice) == 1, [m["Subject"] for m in smtp.messages]
    text = body(notice[0])
    assert "Gemeente X" in notice[0]["Subject"]
    assert coordinator.name in text and "Jan (jan@supplier.example)" in text
    assert "/invitation/" not in text  # the admin gets the people page, not Jan's link
    people_page = smtp.link(notice[0], f"/organisations/{supplier.id}/users")

    ans = web(User.by_email("ans@supplier.example"))
    listed = ans.get(people_page)
    assert f"door {coordinator.name} (Gemeente X)" in listed.text
    withdraw = next(f for f in listed.forms.values() if f.action.endswith("/withdraw"))
    assert withdraw.submit(status="*").status_int in (302, 303)
    assert app.test_client().get(jan_link).status_code == 410
    jan = User.by_email("jan@supplier.example")
    assert not jan.is_active and jan.password_hash is None


def test_an_admin_inviting_their_own_people_gets_no_notice(make, login_as, smtp):
    supplier = make.org("Schoon BV", kind="supplier")
    admin = make.user(supplier, email="ans@supplier.example", org_role="admin")
    other_admin = make.user(supplier, email="bert@supplier.example", org_role="admin")
    response = login_as(admin).post(
        f"/organisations/{supplier.id}/users",
        data={"name": "Jan", "email": "jan@supplier.example", "org_role": "member"},
    )
    assert response.status_code == 303
    assert smtp.for_(other_admin.email) == [] and smtp.for_(admin.email) == []
    assert len(smtp.for_("jan@supplier.example")) == 1


def test_only_the_organisations_admin_withdraws_its_invitations(make, login_as):
    supplier = make.org("Schoon BV", kind="supplier")
    jan = make.user(supplier, email="jan@supplier.example", is_active_account=False)
    jan.password_hash = None
    buyer = make.user(make.org("Gemeente X"), org_role="admin")
    url = f"/organisations/{supplier.id}/users/{jan.id}/withdraw"
    assert login_as(buyer).post(url).status_code == 403
    assert login_as(make.user(supplier)).post(url).status_code == 403
