"""The API carries the social return figures, suppressed like every other figure, and the
OpenAPI document describes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.api.test_api import bearer, create_token
from tests.contracts.conftest import add_placement


def test_pilot_and_organisation_social_return_over_the_api(world, make, login_as, catering):
    """One benefit-based person in 2026 (50,000 per CDIO) on a 5% x 1,200,000 = 60,000
    obligation. One person is too few to show: the API shows "<5" people, and hides ("x")
    the euros that stem from that person and the percentage they would give away."""
    contract, _url = catering
    add_placement(
        world,
        contract,
        world.supplier_a,
        target_group="wajong",
        hours_per_week=Decimal("32"),
        start_date=date(2026, 1, 1),
    )
    token = create_token(login_as, make.user(world.buyer, org_role="admin"))
    client = login_as(world.coordinator)
    body = client.get(
        f"/api/v1/pilots/{world.pilot.id}/social-return?as_of=2026-12-31", headers=bearer(token)
    ).get_json()
    catering = next(c for c in body["contracts"] if c["title"] == "Catering")
    assert catering["obligation"] == 60000.0
    assert catering["realised"]["placement"] == "x"
    assert catering["realised"]["purchase"] == 0.0  # not about people: shown
    assert catering["percent_met"] == "x"
    assert catering["people"] == "<5"
    assert catering["scheme"]["published"] == "2025-10-14"
    assert body["small_counts_suppressed"] is True

    org = client.get("/api/v1/social-return?as_of=2026-12-31", headers=bearer(token)).get_json()
    assert org["realised_total"] == "x"
    assert org["tender_share"]["within_threshold"] == 1  # Schoonmaak: wage sum 300,000

    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/pilots/{pilot_id}/social-return" in spec["paths"]
    assert "/social-return" in spec["paths"]
    assert "tender_share" in spec["components"]["schemas"]["SocialReturn"]["properties"]
