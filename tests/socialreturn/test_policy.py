"""The organisation's social return policy: its thresholds cited as its own, its own scheme
versioned and checked with line numbers, the Rijk indicator, and contracts keeping their
scheme version."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from partnerships.contracts import hints
from partnerships.contracts.models import Contract
from partnerships.extensions import db
from partnerships.figures.models import OrganisationSettings
from partnerships.figures.settings import DEFAULTS
from partnerships.socialreturn import realisation
from partnerships.socialreturn.models import OwnScheme
from tests.contracts.conftest import add_contract
from tests.quality.forms import form_with, forms_in


def _contract(**fields):
    values = dict(
        nature="service",
        wage_sum=Decimal("60000"),
        contract_value=Decimal("80000"),
        value_per_year=Decimal("40000"),
        category="cleaning",
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
        extension_options="",
    )
    values.update(fields)
    return SimpleNamespace(**values)


def test_a_changed_wage_sum_threshold_cites_the_organisations_policy(nl):
    rijnmond = SimpleNamespace(
        **{**DEFAULTS, "sr_threshold": Decimal("50000"), "sr_policy_source": "Beleid 2023-2027"}
    )
    hint = hints.sr_threshold(_contract(), rijnmond)
    assert hint.applies is True
    assert hint.source.startswith("Beleid 2023-2027:")
    assert "250.000" not in hint.source  # not the Rijk figure that does not apply here
    assert "Rijk" in hints.sr_threshold(_contract(), SimpleNamespace(**DEFAULTS)).source


def test_a_contract_value_threshold_is_kept_apart_from_the_wage_sum_one(nl):
    """Rijnmond: from EUR 50,000 of contract value. 80,000 >= 50,000: yes, although the
    wage sum of 60,000 is far below the Rijk's 250,000."""
    rijnmond = SimpleNamespace(
        **{**DEFAULTS, "sr_value_threshold_service": Decimal("50000"), "sr_policy_source": ""}
    )
    found = {h.key: h for h in hints.hints_for(_contract(), rijnmond, date(2026, 6, 1))}
    assert found["sr_value_threshold"].applies is True
    assert found["sr_threshold"].applies is False
    assert "opdrachtwaarde van EUR 50.000" in found["sr_value_threshold"].source
    assert "sr_value_threshold" not in {
        h.key for h in hints.hints_for(_contract(), SimpleNamespace(**DEFAULTS), date(2026, 6, 1))
    }


def test_share_of_contracts_within_the_threshold_that_ask_for_social_return(world):
    """Within the Rijk threshold (service, wage sum >= 250,000, term >= 6 months): Schoonmaak
    (wage sum 300,000, no SR asked) and two new ones, one asking 5%. Groenonderhoud has no
    wage sum: not known to be within. Share: 1 of 3 = 33.3%."""
    for title, basis in (("Beveiliging", "wage_sum"), ("Catering", "none")):
        add_contract(
            world.pilot,
            title,
            [world.supplier_a],
            wage_sum=Decimal("400000"),
            sr_basis=basis,
            sr_percentage=Decimal("5") if basis != "none" else None,
        )
    share = realisation.tender_share(world.buyer.id)
    assert (share.within, share.asked, share.percent) == (3, 1, Decimal("33.3"))


OWN = """key = "rijnmond-eigen"
version = 1
title = "Bouwblokken Rijnmond"
source = "Beleidsregels social return 2023-2027"
published = 2023-01-01

[[rates]]
code = "vast"
effort = "placement"
amount = 45000
kinds = ["employment_permanent"]
target_groups = ["participatiewet"]
from = 2023-01-01
"""


def test_an_admin_saves_an_own_scheme_and_a_new_contract_keeps_its_version(world, make, login_as):
    admin = make.user(world.buyer, org_role="admin")
    client = login_as(admin)
    page = client.get("/organisation/social-return")
    assert page.status_code == 200
    own = form_with(
        forms_in(page.get_data(as_text=True), "/organisation/social-return"), "own-text"
    )

    broken = OWN.replace('["participatiewet"]', '["participatiewett"]').replace("45000", "-1")
    response = client.post(own.action, data=own.data(**{"own-text": broken}))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Regel 10: rates[0].amount: cannot be negative" in html
    assert "Regel 12: rates[0].target_groups: unknown target group" in html
    assert db.session.query(OwnScheme).count() == 0

    assert client.post(own.action, data=own.data(**{"own-text": OWN})).status_code == 303
    page = client.get("/organisation/social-return")
    chosen = form_with(
        forms_in(page.get_data(as_text=True), "/organisation/social-return"), "policy-scheme"
    )
    response = client.post(
        chosen.action,
        data=chosen.data(**{"policy-scheme": "own", "policy-threshold_service": "50.000"}),
    )
    assert response.status_code == 303
    settings = db.session.query(OrganisationSettings).one()
    assert (settings.sr_scheme, settings.sr_value_threshold_service) == ("own", Decimal("50000"))

    coordinator = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/contracts/new"
    form = form_with(forms_in(coordinator.get(url).get_data(as_text=True), url), "title")
    assert coordinator.post(form.action, data=form.data(title="Schoonmaak 2027")).status_code == 303
    contract = db.session.query(Contract).filter_by(title="Schoonmaak 2027").one()
    assert contract.sr_scheme == f"own-{world.buyer.id}@1"

    # A second version does not change what the contract was tendered with.
    client = login_as(admin)
    page = client.get("/organisation/social-return")
    own = form_with(
        forms_in(page.get_data(as_text=True), "/organisation/social-return"), "own-text"
    )
    client.post(own.action, data=own.data(**{"own-text": OWN.replace("45000", "47500")}))
    db.session.refresh(contract)
    assert contract.sr_scheme == f"own-{world.buyer.id}@1"


def test_only_the_buyers_admin_sets_the_policy(world, login_as):
    assert login_as(world.coordinator).get("/organisation/social-return").status_code == 403
    assert login_as(world.contact_a).get("/organisation/social-return").status_code == 403
