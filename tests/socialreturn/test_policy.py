"""The organisation's social return policy: its thresholds cited as its own, its own scheme
versioned and checked with line numbers, the Rijk indicator, and contracts keeping their
scheme version."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from partnerships.extensions import db
from partnerships.jobs import hints
from partnerships.jobs.settings import DEFAULTS
from partnerships.socialreturn import realisation
from partnerships.socialreturn.models import OwnScheme
from tests.jobs.conftest import add_contract


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


def test_the_policy_page_lists_the_own_scheme_and_offers_no_toml_box(world, make, login_as):
    """The own scheme is defined in a form of rows (test_scheme_form.py); the policy page
    shows its elements in words and never asks for TOML."""
    client = login_as(make.user(world.buyer, org_role="admin"))
    html = client.get("/organisation/social-return").get_data(as_text=True)
    assert "<textarea" not in html and "TOML" not in html
    assert 'href="/organisation/social-return/scheme"' in html
    assert db.session.query(OwnScheme).count() == 0


def test_only_the_buyers_admin_sets_the_policy(world, login_as):
    assert login_as(world.coordinator).get("/organisation/social-return").status_code == 403
    assert login_as(world.contact_a).get("/organisation/social-return").status_code == 403
