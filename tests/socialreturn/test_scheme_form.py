"""An organisation admin defines its own valuation scheme in a plain form, element by element,
starting from the regional example (Rijnmond's emphasis on durable work), without ever
seeing TOML; each change is a new version and a contract keeps the version it was tendered
with. Every post is the form as the page renders it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from partnerships.extensions import db
from partnerships.jobs.models import Contract
from partnerships.socialreturn import policy, valuation
from partnerships.socialreturn.models import OwnScheme
from tests.quality.forms import form_with, forms_in

URL = "/organisation/social-return/scheme"


@pytest.fixture
def admin(world, make, login_as):
    return login_as(make.user(world.buyer, org_role="admin"))


def _form(response):
    assert response.status_code in (200, 422), response.status_code
    return form_with(forms_in(response.get_data(as_text=True), URL), "name", "rows-0-amount")


def _rows(form) -> int:
    return len({f.name.split("-")[1] for f in form.fields if f.name.startswith("rows-")})


def _saved(world):
    return policy.scheme_by_ref(policy.own_ref(world.buyer.id, 1))


def test_the_form_starts_from_the_regional_example_with_durable_work_valued_higher(admin):
    page = admin.get(URL)
    html = page.get_data(as_text=True)
    assert "TOML" not in html and "[[rates]]" not in html
    form = _form(page)
    data = form.data()
    assert data["name"] == "Regionale bouwblokken (voorbeeld naar Rijnmond 2023-2027)"
    assert data["valid_from"] == "2023-01-01"
    assert _rows(form) == 6
    # Element 2 of the example: a permanent contract, EUR 40,000 per person-year against
    # 30,000 for other work, and a EUR 10,000 bonus when still at work after 12 months.
    assert (data["rows-0-effort"], data["rows-0-amount"]) == ("placement", "30000")
    assert data["rows-1-kinds"] == "employment_permanent"
    assert (data["rows-1-amount"], data["rows-1-durable_months"]) == ("40000", "12")
    assert data["rows-1-durable_bonus"] == "10000"
    assert data["rows-1-pro_rata_hours"] == "y"
    assert (data["rows-4-effort"], data["rows-4-amount"]) == ("purchase_pso", "50")


def test_an_admin_defines_a_scheme_adds_an_element_and_removes_one(world, admin):
    """From the example: remove element 6 (community, EUR 100 per hour), add one back at
    EUR 150 per hour, name the scheme and save: version 1 with six elements."""
    form = _form(admin.get(URL))
    response = admin.post(URL, data=form.data(action="remove-5"))
    form = _form(response)
    assert response.status_code == 200 and _rows(form) == 5
    assert "community" not in [v for k, v in form.data().items() if k.endswith("-effort")]
    assert db.session.query(OwnScheme).count() == 0  # only "save" stores

    response = admin.post(URL, data=form.data(action="add", name="Bouwblokken Rijnmond 2027"))
    form = _form(response)
    assert _rows(form) == 6
    assert form.data()["name"] == "Bouwblokken Rijnmond 2027"  # what was typed stays
    assert form.data()["rows-5-amount"] == ""

    response = admin.post(
        URL,
        data=form.data(
            action="save",
            source="Beleidsregels social return 2027, besluit van 1 december 2026",
            valid_from="2027-01-01",
            **{"rows-5-effort": "community", "rows-5-amount": "150"},
        ),
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/organisation/social-return")
    scheme = _saved(world)
    assert scheme.title == "Bouwblokken Rijnmond 2027"
    assert scheme.source == "Beleidsregels social return 2027, besluit van 1 december 2026"
    assert scheme.published == date(2027, 1, 1)
    assert [(r.effort, r.amount) for r in scheme.rates] == [
        ("placement", Decimal("30000")),
        ("placement", Decimal("40000")),
        ("trajectory", Decimal("2500")),
        ("purchase", Decimal("1")),
        ("purchase", Decimal("0.5")),
        ("community", Decimal("150")),
    ]
    permanent = scheme.rates[1]
    assert permanent.kinds == {"employment_permanent"}
    assert (permanent.durable_months, permanent.durable_bonus) == (12, Decimal("10000"))
    assert all(r.start == date(2027, 1, 1) for r in scheme.rates)

    page = admin.get("/organisation/social-return").get_data(as_text=True)
    assert "Versie 1 van jullie eigen waardering opgeslagen." in page
    assert "Werk: EUR per persoon per jaar" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rows-0-amount", "-5", "Vul een bedrag in boven 0 en hoogstens EUR 1.000.000."),
        ("rows-0-amount", "0", "Vul een bedrag in boven 0 en hoogstens EUR 1.000.000."),
        ("rows-0-amount", "2000000", "Vul een bedrag in boven 0 en hoogstens EUR 1.000.000."),
        ("rows-0-amount", "12,345", "Gebruik hoogstens twee decimalen"),
        ("rows-0-amount", "veel", "Vul een getal in"),
        ("rows-0-amount", "", "Vul de waarde van dit element in."),
        ("rows-4-amount", "150", "Vul een percentage in boven 0 en hoogstens 100."),
        ("rows-1-durable_months", "", "Vul in na hoeveel maanden de bonus verdiend is."),
        ("name", "x" * 201, "Gebruik hoogstens 200 tekens."),
        ("valid_from", "1899-01-01", "Vul een datum in tussen 2000 en 2099."),
    ],
)
def test_a_bad_value_gets_a_dutch_message_and_nothing_typed_is_lost(admin, field, value, message):
    form = _form(admin.get(URL))
    typed = "Bouwblokken Rijnmond 2027" if field != "name" else value
    response = admin.post(URL, data=form.data(action="save", **{field: value, "name": typed}))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html
    assert 'id="error-summary"' in html and "autofocus" in html  # focus lands on the summary
    assert f'href="#{field}"' in html  # each message links to its field
    again = _form(response).data()
    assert again[field] == value and again["name"] == typed
    assert again["rows-2-amount"] == "2500"  # the other elements as they were
    assert db.session.query(OwnScheme).count() == 0


def test_two_elements_for_the_same_effort_and_period_are_refused(admin):
    form = _form(admin.get(URL))
    response = admin.post(URL, data=form.data(action="save", **{"rows-3-effort": "purchase_pso"}))
    assert response.status_code == 422
    assert "Element 4, Soort inzet en eenheid: Element 4" not in response.get_data(as_text=True)
    assert "Element 4 waardeert dezelfde inzet" in response.get_data(as_text=True)
    assert db.session.query(OwnScheme).count() == 0


def _new_contract(login_as, world, title) -> Contract:
    coordinator = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/contracts/new"
    form = form_with(forms_in(coordinator.get(url).get_data(as_text=True), url), "title")
    assert coordinator.post(form.action, data=form.data(title=title)).status_code == 303
    return db.session.query(Contract).filter_by(title=title).one()


def _value(contract, start, end) -> Decimal:
    """One person on a permanent contract at 18 of 36 hours from 1 January 2027, still at
    work: the placement value of the scheme version the contract holds."""
    stint = valuation.Stint(
        person="S1",
        target_group="participatiewet",
        kind="employment_permanent",
        hours_per_week=Decimal("18"),
        start=date(2027, 1, 1),
    )
    scheme = policy.scheme_for_contract(contract)
    return valuation.realisation(scheme, start, end, stints=[stint]).by_kind["placement"]


def test_a_new_version_serves_new_contracts_while_earlier_contracts_keep_theirs(
    world, make, login_as
):
    """Version 1 (the example): a permanent contract is EUR 40,000 per person-year, pro rata
    by hours, plus EUR 10,000 when still at work after 12 months. For 2027 at 18 of 36 hours:
    40,000 * 18/36 = 20,000. For 2028: 20,000 plus the bonus reached on 1 January 2028:
    30,000. Version 2 raises the permanent value to EUR 48,000: 48,000 * 18/36 = 24,000 for
    2027, for a contract tendered after it; the first contract stays at 20,000."""
    admin_user = make.user(world.buyer, org_role="admin")
    admin = login_as(admin_user)
    form = _form(admin.get(URL))
    assert admin.post(URL, data=form.data(action="save")).status_code == 303
    page = admin.get("/organisation/social-return")
    chosen = form_with(
        forms_in(page.get_data(as_text=True), "/organisation/social-return"), "policy-scheme"
    )
    assert (
        admin.post(chosen.action, data=chosen.data(**{"policy-scheme": "own"})).status_code == 303
    )

    first = _new_contract(login_as, world, "Schoonmaak 2027")
    assert first.sr_scheme == f"own-{world.buyer.id}@1"
    year_2027, year_2028 = (
        (date(2027, 1, 1), date(2027, 12, 31)),
        (date(2028, 1, 1), date(2028, 12, 31)),
    )
    assert _value(first, *year_2027) == Decimal("20000.00")
    assert _value(first, *year_2028) == Decimal("30000.00")

    admin = login_as(admin_user)
    form = _form(admin.get(URL))
    assert form.data()["rows-1-amount"] == "40000"  # the newest version, not the example
    # Saving the same values again makes no version: contracts refer to versions.
    assert admin.post(URL, data=form.data(action="save")).status_code == 303
    assert db.session.query(OwnScheme).count() == 1
    response = admin.post(URL, data=form.data(action="save", **{"rows-1-amount": "48.000"}))
    assert response.status_code == 303
    assert db.session.query(OwnScheme).count() == 2

    second = _new_contract(login_as, world, "Catering 2027")
    assert second.sr_scheme == f"own-{world.buyer.id}@2"
    db.session.refresh(first)
    assert first.sr_scheme == f"own-{world.buyer.id}@1"
    assert _value(second, *year_2027) == Decimal("24000.00")
    assert _value(first, *year_2027) == Decimal("20000.00")


@pytest.mark.parametrize("who", ["coordinator", "contact_a", "board"])
def test_only_the_buyers_organisation_admin_reaches_the_scheme_form(world, login_as, who):
    client = login_as(getattr(world, who))
    assert client.get(URL).status_code == 403
    response = client.post(URL, data={"name": "x", "action": "save"}, hand_built=True)
    assert response.status_code == 403
    assert db.session.query(OwnScheme).count() == 0


def test_a_suppliers_admin_cannot_define_a_scheme(world, make, login_as):
    client = login_as(make.user(world.supplier_a, org_role="admin"))
    assert client.get(URL).status_code == 403


def test_a_name_with_quotes_backslashes_and_accents_survives_the_stored_text(world, admin):
    form = _form(admin.get(URL))
    name = 'Bouwblokken "Rijnmond" \\ één # [[rates]]'
    assert admin.post(URL, data=form.data(action="save", name=name)).status_code == 303
    assert _saved(world).title == name
