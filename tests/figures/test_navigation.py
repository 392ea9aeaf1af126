"""An organisation admin finds the jobs settings and the API tokens from the organisation
page; nobody else is shown links to pages they cannot use."""

from __future__ import annotations

from partnerships.extensions import db

SETTINGS = "/organisation/jobs-settings"
TOKENS = "/organisation/api-tokens"


def test_a_buyer_admin_reaches_jobs_settings_and_api_tokens_from_the_organisation_page(
    make, login_as
):
    buyer = make.org(name="Gemeente Testdorp")
    admin = make.user(buyer, org_role="admin")
    db.session.commit()
    client = login_as(admin)
    page = client.get(f"/organisations/{buyer.id}/users").get_data(as_text=True)
    assert 'aria-label="Instellingen van de organisatie"' in page
    assert f'href="{SETTINGS}"' in page and f'href="{TOKENS}"' in page
    assert "Telregels en keuzelijsten" in page and "API-sleutels voor BI-tools" in page
    assert client.get(SETTINGS).status_code == 200
    assert client.get(TOKENS).status_code == 200


def test_no_jobs_links_for_a_supplier_admin_or_a_site_admin_on_another_organisation(make, login_as):
    supplier = make.org(name="Schoon BV", kind="supplier")
    supplier_admin = make.user(supplier, org_role="admin")
    buyer = make.org(name="Gemeente Testdorp")
    site_admin = make.user(make.org(name="Beheer"), is_site_admin=True, org_role="admin")
    db.session.commit()
    page = login_as(supplier_admin).get(f"/organisations/{supplier.id}/users")
    assert page.status_code == 200 and SETTINGS not in page.get_data(as_text=True)
    assert login_as(supplier_admin).get(SETTINGS).status_code == 403
    other = login_as(site_admin).get(f"/organisations/{buyer.id}/users")
    assert other.status_code == 200 and TOKENS not in other.get_data(as_text=True)
