"""A contract's obligation and realised value on its page, recorded the way users record it,
with people counted once and figures suppressed for the board."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from partnerships.contracts.models import Contract
from partnerships.extensions import db
from partnerships.socialreturn.models import Contribution
from tests.contracts.conftest import add_placement
from tests.quality.forms import form_with, forms_in


def _record(client, url, **fields):
    page = client.get(url)
    form = form_with(forms_in(page.get_data(as_text=True), url), "kind", "amount")
    return client.post(form.action, data=form.data(**fields))


def _value(html: str, label: str) -> str:
    match = re.search(
        rf"<th scope=\"row\">{re.escape(label)}</th><td class=\"num\">(?:<strong>)?([^<]*)", html
    )
    assert match, label
    return match.group(1).strip()


def test_service_contract_obligation_met_by_placement_and_two_invoices(world, catering, login_as):
    """Obligation 5% x 1,200,000 = 60,000. Realised by 31 Dec 2026 (hand calculation):
    one benefit-based person 1 Jan - 31 Dec 2026: 12 x 50,000 / 12 = 50,000;
    a social-enterprise invoice of 10,000 at 100% = 10,000;
    a PSO trede 2 invoice of 20,000 at 50% = 10,000. Total 70,000: 70,000 / 60,000 = 116.7%.
    """
    contract, url = catering
    add_placement(
        world,
        contract,
        world.supplier_a,
        reference="C-1",
        target_group="participatiewet",
        hours_per_week=Decimal("36"),
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        outcome="employed_after",
    )
    client = login_as(world.contact_a)
    first = _record(
        client,
        url,
        kind="purchase",
        occurred_on="2026-03-10",
        amount="10.000",
        enterprise="Koffiebranderij De Brug",
        certificate="social_enterprise_nl",
        certified_on="2026-03-01",
    )
    assert first.status_code == 303
    second = _record(
        client,
        url,
        kind="purchase",
        occurred_on="2026-05-04",
        amount="20000",
        certificate="pso_2",
        certified_on="2026-05-01",
    )
    assert second.status_code == 303

    html = login_as(world.coordinator).get(url + "?as_of=2026-12-31").get_data(as_text=True)
    assert _value(html, "Verplichting") == "EUR 60.000"
    assert _value(html, "Plaatsingen") == "EUR 50.000"
    assert _value(html, "Inkoop bij sociale ondernemingen") == "EUR 20.000"
    assert _value(html, "Gerealiseerd in totaal") == "EUR 70.000"
    assert _value(html, "Verplichting gehaald") == "116,7%"
    assert "14 oktober 2025" in html  # the scheme's source and date beside the values
    # Each invoice with the value it earns: 10,000 x 100% and 20,000 x 50%, both 10,000.
    entries = re.search(r'<ul class="plain-list" id="contributions">(.*?)</ul>', html, re.S)
    assert entries.group(1).count("gewaardeerd op EUR 10.000") == 2


def test_a_purchase_without_invoice_value_is_refused_and_nothing_saved(world, catering, login_as):
    _contract, url = catering
    response = _record(
        login_as(world.contact_a),
        url,
        kind="purchase",
        occurred_on="2026-03-10",
        certificate="pso_1",
        certified_on="2026-03-01",
    )
    assert response.status_code == 422
    assert "Vul de factuurwaarde van de inkoop in." in response.get_data(as_text=True)
    assert db.session.query(Contribution).count() == 0


def test_another_supplier_cannot_record_on_a_contract_it_is_not_on(world, catering, login_as):
    _contract, url = catering
    client = login_as(world.contact_b)
    assert client.get(url).status_code == 403
    assert client.post(url, data={"kind": "community"}).status_code == 403


def test_a_chain_is_one_person_on_the_pilot_figures(world, login_as):
    """Werkervaringsplaats (1 Jan - 31 Mar 2026) then employment (from 1 Apr) with the same
    reference "W-7": 1 person placed, not 2; durable after 12 months from 1 Jan: 1."""
    contract = world.contract_a
    add_placement(
        world,
        contract,
        world.supplier_a,
        reference="W-7",
        kind="werkervaringsplaats",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 3, 31),
        outcome="employed_after",
    )
    add_placement(
        world,
        contract,
        world.supplier_a,
        reference="w-7 ",
        kind="employment_fixed",
        start_date=date(2026, 4, 1),
    )
    from partnerships.figures import services as figures

    data = figures.pilot_figures(world.pilot, as_of=date(2027, 1, 15))
    assert data["people"] == 1
    assert data["durable"] == 1
    html = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/social-return?as_of=2027-01-15"
    )
    html = html.get_data(as_text=True)
    assert _value(html, "Geplaatste mensen (ieder één keer)") == "1"
    # Per supplier: Schoon BV placed the one person; Groen BV nobody.
    assert re.search(r"<dt>Schoon BV</dt>\s*<dd>EUR [0-9.]+ gerealiseerd; 1 mensen geplaatst", html)
    assert re.search(r"<dt>Groen BV</dt>\s*<dd>EUR 0 gerealiseerd; 0 mensen geplaatst", html)


def test_the_board_sees_small_counts_hidden(world, login_as):
    add_placement(world, world.contract_a, world.supplier_a, reference="B-1")
    html = (
        login_as(world.board).get(f"/pilots/{world.pilot.id}/social-return").get_data(as_text=True)
    )
    assert _value(html, "Geplaatste mensen (ieder één keer)") == "&lt;5"


def test_an_ended_placement_cannot_stay_active(world, login_as):
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/placements/new"
    page = client.get(url)
    form = form_with(forms_in(page.get_data(as_text=True), url), "hours_per_week", "outcome")
    response = client.post(
        form.action,
        data=form.data(
            contract_id=str(world.contract_a.id),
            supplier_organisation_id=str(world.supplier_a.id),
            kind="secondment",
            target_group="wajong",
            hours_per_week="20",
            start_date="2026-01-01",
            end_date="2026-06-30",
            outcome="active",
            seconding_organisation="Sociaal werkbedrijf Voorbeeld",
        ),
    )
    assert response.status_code == 422
    assert "met een einddatum is afgelopen" in response.get_data(as_text=True)


def test_an_obligation_needs_the_contract_value(world, login_as):
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/contracts/new"
    page = client.get(url)
    form = form_with(forms_in(page.get_data(as_text=True), url), "title", "sr_basis")
    response = client.post(
        form.action,
        data=form.data(
            title="Beveiliging", sr_basis="project_value", sr_percentage="5", nature="service"
        ),
    )
    assert response.status_code == 422
    assert "looptijd" in response.get_data(as_text=True)
    assert db.session.query(Contract).filter_by(title="Beveiliging").count() == 0
