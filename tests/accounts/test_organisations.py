"""Organisations: the site admin manages them; an organisation admin manages its own people."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partnerships.accounts.models import Organisation, User
from partnerships.extensions import db
from tests.conftest import PASSWORD


def _toggle(client, user):
    return client.post(f"/organisations/{user.organisation_id}/users/{user.id}/active")


def test_org_admin_deactivates_a_colleague_who_then_cannot_log_in(app, make, login_as):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation, name="Mark Bakker")
    db.session.commit()
    colleague_client = app.test_client()
    colleague_client.post("/login", data={"email": colleague.email, "password": PASSWORD})
    assert colleague_client.get("/settings").status_code == 200

    response = _toggle(login_as(admin), colleague)
    assert response.status_code == 303
    db.session.expire_all()
    assert not db.session.get(User, colleague.id).is_active
    # The open session ends at once, and logging in again fails.
    ended = colleague_client.get("/settings")
    assert ended.status_code == 401
    assert "Je sessie is beëindigd" in ended.text
    again = colleague_client.post("/login", data={"email": colleague.email, "password": PASSWORD})
    assert again.status_code == 401

    page = login_as(admin).get(f"/organisations/{admin.organisation_id}/users")
    assert "Gedeactiveerd" in page.text
    assert "Mark Bakker weer activeren" in page.text


def test_org_admin_reactivates_a_colleague(app, make, login_as):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation, is_active_account=False)
    assert _toggle(login_as(admin), colleague).status_code == 303
    db.session.expire_all()
    assert db.session.get(User, colleague.id).is_active
    login = app.test_client().post("/login", data={"email": colleague.email, "password": PASSWORD})
    assert login.status_code == 302


def test_org_admin_cannot_deactivate_themselves(make, login_as):
    admin = make.user(org_role="admin")
    client = login_as(admin)
    response = _toggle(client, admin)
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, admin.id).is_active
    assert "Je kunt je eigen account niet deactiveren." in client.get(response.location).text


def test_org_admin_cannot_touch_another_organisations_people(make, login_as):
    admin = make.user(org_role="admin")
    stranger = make.user()  # another organisation
    client = login_as(admin)
    assert client.get(f"/organisations/{stranger.organisation_id}/users").status_code == 403
    assert _toggle(client, stranger).status_code == 403
    # Nor through the own organisation's address.
    response = client.post(f"/organisations/{admin.organisation_id}/users/{stranger.id}/active")
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(User, stranger.id).is_active


def test_a_member_cannot_manage_people(make, login_as):
    member = make.user()
    colleague = make.user(member.organisation)
    client = login_as(member)
    assert client.get(f"/organisations/{member.organisation_id}/users").status_code == 403
    assert _toggle(client, colleague).status_code == 403


def test_the_people_page_lists_the_organisation_only(make, login_as):
    admin = make.user(org_role="admin", name="Sanne de Vries")
    make.user(admin.organisation, name="Petra Jansen")
    make.user(name="Iemand Anders")
    page = login_as(admin).get(f"/organisations/{admin.organisation_id}/users")
    assert page.status_code == 200
    assert "Petra Jansen" in page.text
    assert "Iemand Anders" not in page.text


def test_a_missing_organisation_is_404(make, login_as):
    admin = make.user(is_site_admin=True)
    assert login_as(admin).get("/organisations/999999/users").status_code == 404
    assert login_as(admin).get("/admin/organisations/999999").status_code == 404


# --- the site admin ---


def _create(client, **fields):
    data = {"name": "Gemeente Nieuwdorp", "kind": "buyer", "buyer_type": "gemeente"}
    data.update(fields)
    return client.post("/admin/organisations", data=data)


@pytest.fixture
def site_admin(make, login_as):
    return login_as(make.user(is_site_admin=True))


def test_site_admin_creates_a_buyer_with_its_type(site_admin):
    response = _create(site_admin)
    assert response.status_code == 303
    org = db.session.scalar(select(Organisation).where(Organisation.name == "Gemeente Nieuwdorp"))
    assert org.is_buyer and org.buyer_type == "gemeente"
    assert "Organisatie Gemeente Nieuwdorp is aangemaakt." in site_admin.get(response.location).text


def test_a_buyer_needs_a_type_of_public_body(site_admin):
    response = _create(site_admin, buyer_type="")
    assert response.status_code == 422
    assert "Kies het soort overheidsorganisatie." in response.text
    assert (
        db.session.scalar(select(Organisation).where(Organisation.name == "Gemeente Nieuwdorp"))
        is None
    )


def test_a_social_enterprise_needs_its_basis(site_admin):
    response = _create(
        site_admin, name="Groen Werkt", kind="supplier", buyer_type="", is_social_enterprise="y"
    )
    assert response.status_code == 422
    assert "Geef aan op welke grond dit een sociale onderneming is." in response.text
    ok = _create(
        site_admin,
        name="Groen Werkt",
        kind="supplier",
        buyer_type="",
        is_social_enterprise="y",
        social_enterprise_basis="Aanbestedingswet art. 2.82",
    )
    assert ok.status_code == 303
    org = db.session.scalar(select(Organisation).where(Organisation.name == "Groen Werkt"))
    assert org.is_supplier and org.is_social_enterprise and org.buyer_type is None
    assert org.social_enterprise_basis == "Aanbestedingswet art. 2.82"


def test_a_supplier_keeps_no_buyer_type(site_admin):
    assert _create(site_admin, name="Schoon BV", kind="supplier").status_code == 303
    org = db.session.scalar(select(Organisation).where(Organisation.name == "Schoon BV"))
    assert org.buyer_type is None


def test_two_organisations_cannot_share_a_name(site_admin, make):
    make.org(name="Gemeente Nieuwdorp")
    response = _create(site_admin)
    assert response.status_code == 422
    assert "Er bestaat al een organisatie met deze naam." in response.text


def test_an_unknown_kind_is_refused(site_admin):
    assert _create(site_admin, kind="bank").status_code == 422


def test_site_admin_edits_an_organisation(site_admin, make):
    org = make.org(name="Provincie Oud")
    db.session.commit()
    response = site_admin.post(
        f"/admin/organisations/{org.id}",
        data={"name": "Provincie Nieuw", "kind": "buyer", "buyer_type": "provincie"},
    )
    assert response.status_code == 303
    db.session.expire_all()
    org = db.session.get(Organisation, org.id)
    assert (org.name, org.buyer_type) == ("Provincie Nieuw", "provincie")


def test_dropping_the_social_enterprise_flag_drops_its_basis(site_admin, make):
    org = make.org(kind="supplier", is_social_enterprise=True, social_enterprise_basis="art. 2.82")
    db.session.commit()
    response = site_admin.post(
        f"/admin/organisations/{org.id}",
        data={
            "name": org.name,
            "kind": "supplier",
            "buyer_type": "",
            "social_enterprise_basis": "art. 2.82",
        },
    )
    assert response.status_code == 303
    db.session.expire_all()
    org = db.session.get(Organisation, org.id)
    assert not org.is_social_enterprise and org.social_enterprise_basis is None


def test_editing_into_an_existing_name_is_refused(site_admin, make):
    make.org(name="Eerste")
    second = make.org(name="Tweede")
    db.session.commit()
    response = site_admin.post(
        f"/admin/organisations/{second.id}",
        data={"name": "Eerste", "kind": "buyer", "buyer_type": "other"},
    )
    assert response.status_code == 422


def test_the_site_admin_sees_every_organisation(site_admin, make):
    make.org(name="Waterschap Laagland", buyer_type="waterschap")
    make.org(name="Groen Dichtbij", kind="supplier")
    page = site_admin.get("/admin/organisations")
    assert page.status_code == 200
    assert "Waterschap Laagland" in page.text and "Groen Dichtbij" in page.text


@pytest.mark.parametrize("org_role", ["admin", "member"])
def test_others_cannot_manage_organisations(make, login_as, org_role):
    org = make.org(name="Gemeente Vast")
    client = login_as(make.user(org_role=org_role))
    assert client.get("/admin/organisations").status_code == 403
    assert _create(client).status_code == 403
    assert (
        client.post(
            f"/admin/organisations/{org.id}",
            data={"name": "Overgenomen", "kind": "buyer", "buyer_type": "gemeente"},
        ).status_code
        == 403
    )
    db.session.expire_all()
    assert db.session.get(Organisation, org.id).name == "Gemeente Vast"
    assert (
        db.session.scalar(select(Organisation).where(Organisation.name == "Gemeente Nieuwdorp"))
        is None
    )


def test_the_site_admin_may_manage_any_organisations_people(site_admin, make):
    other = make.user()
    assert site_admin.get(f"/organisations/{other.organisation_id}/users").status_code == 200


def test_the_rules_for_an_organisation_hold_outside_the_form_too(make):
    """organisations.save keeps the rules the form relies on: a name once, a buyer type only
    for a buyer, a social-enterprise basis only with the flag."""
    from partnerships.accounts import organisations

    make.org(name="Gemeente Nieuwdorp")
    with pytest.raises(organisations.NameTaken):
        organisations.save(
            None,
            name="Gemeente Nieuwdorp",
            kind="buyer",
            buyer_type="gemeente",
            is_social_enterprise=False,
            social_enterprise_basis=None,
        )
    supplier = organisations.save(
        None,
        name="Schoon BV",
        kind="supplier",
        buyer_type="gemeente",
        is_social_enterprise=False,
        social_enterprise_basis="social_enterprise_nl",
    )
    assert (supplier.buyer_type, supplier.social_enterprise_basis) == (None, None)
