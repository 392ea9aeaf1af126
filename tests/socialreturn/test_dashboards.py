"""The organisation's social return page and API show each pilot beside the total, with the
obligation, the realised value, the percentage met and the banenafspraak jobs; the board's
copy hides small counts like every other figure."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from tests.api.test_api import bearer, create_token
from tests.contracts.conftest import add_contract, add_placement

AS_OF = "2026-12-31"


@pytest.fixture
def two_pilots(world, make):
    """Pilot schoonmaak: Schoonmaak at 5% of EUR 1,200,000 (obligation 60,000), one
    benefit-based person 1 Jan - 30 Jun 2026 (6 x 50,000 / 12 = 25,000).
    Proeftuin groen, same coordinator: Catering without social return asked, one Wajong
    person for all of 2026 (50,000)."""
    contract = world.contract_a
    contract.sr_scheme = "cdio-2025@1"
    contract.sr_basis = "project_value"
    contract.sr_percentage = Decimal("5")
    contract.contract_value = Decimal("1200000")
    add_placement(
        world,
        contract,
        world.supplier_a,
        reference="A-1",
        target_group="participatiewet",
        hours_per_week=Decimal("36"),
        start_date=date(2026, 1, 1),
        end_date=date(2026, 6, 30),
        outcome="employed_after",
    )
    groen = make.pilot(org=world.buyer, coordinator=world.coordinator, title="Proeftuin groen")
    catering = add_contract(groen, "Catering", [world.supplier_b], sr_scheme="cdio-2025@1")
    add_placement(
        groen,
        catering,
        world.supplier_b,
        reference="G-1",
        target_group="wajong",
        hours_per_week=Decimal("36"),
        start_date=date(2026, 1, 1),
    )
    return groen


def _line(html: str, name: str) -> str:
    match = re.search(
        rf"<dt>(?:<a [^>]*>)?{re.escape(name)}(?:</a>)?</dt>\s*<dd>([^<]*)</dd>", html
    )
    assert match, name
    return " ".join(match.group(1).split())


def test_each_pilot_beside_the_organisation_total(world, two_pilots, login_as):
    """Total realised 25,000 + 50,000 = 75,000; owed 60,000, on Schoonmaak only. The
    percentage counts only contracts with a known obligation: 25,000 / 60,000 = 41.7%."""
    html = login_as(world.coordinator).get(f"/social-return?as_of={AS_OF}").get_data(as_text=True)
    assert re.search(r"Gerealiseerd in totaal</th><td class=\"num\"><strong>EUR 75.000", html)
    assert re.search(r"Verplichting gehaald</th><td class=\"num\">41,7%", html)
    assert "Het percentage telt alleen de contracten waarvan de verplichting bekend is." in html
    assert _line(html, "Pilot schoonmaak") == (
        "EUR 25.000 gerealiseerd; 1 mensen geplaatst; 0,00 banenafspraakbanen; "
        "verplichting EUR 60.000, 41,7% gehaald"
    )
    assert _line(html, "Proeftuin groen") == (
        "EUR 50.000 gerealiseerd; 1 mensen geplaatst; 0,00 banenafspraakbanen"
    )
    assert f'href="/pilots/{two_pilots.id}/social-return"' in html


def test_the_board_sees_the_pilots_with_small_counts_hidden(world, two_pilots, login_as):
    """The board member sits on Pilot schoonmaak only: one person there is "<5", and the
    euros that stem from that person are hidden ("x")."""
    html = login_as(world.board).get(f"/social-return?as_of={AS_OF}").get_data(as_text=True)
    assert _line(html, "Pilot schoonmaak").startswith("EUR x gerealiseerd; &lt;5 mensen geplaatst")
    assert "Proeftuin groen" not in html


def test_the_api_carries_each_pilot_suppressed(world, two_pilots, make, login_as):
    token = create_token(login_as, make.user(world.buyer, org_role="admin"))
    client = login_as(world.coordinator)
    body = client.get(f"/api/v1/social-return?as_of={AS_OF}", headers=bearer(token)).get_json()
    rows = {row["title"]: row for row in body["pilots"]}
    assert rows["Pilot schoonmaak"]["obligation"] == 60000.0
    assert rows["Pilot schoonmaak"]["people"] == "<5"
    assert rows["Pilot schoonmaak"]["realised"]["placement"] == "x"
    assert rows["Proeftuin groen"]["realised"]["purchase"] == 0.0
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "pilots" in spec["components"]["schemas"]["SocialReturn"]["properties"]
