"""The read-only API: organisation tokens, aggregates only, described by OpenAPI 3.1."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from partnerships.api.models import ApiToken
from partnerships.extensions import db


@pytest.fixture
def admin(world, make):
    return make.user(world.buyer, org_role="admin")


def create_token(login_as, admin, name="Power BI"):
    page = login_as(admin).post("/organisation/api-tokens", data={"name": name})
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    return re.search(r'id="new-token">([^<]+)<', page.get_data(as_text=True)).group(1)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_the_admin_creates_a_token_shown_once_and_stored_as_a_hash(world, admin, login_as):
    token = create_token(login_as, admin)
    row = db.session.scalar(select(ApiToken))
    assert row.token_hash == ApiToken.hash(token) and token not in row.token_hash
    again = login_as(admin).get("/organisation/api-tokens").get_data(as_text=True)
    assert token not in again and row.prefix in again


def test_only_the_organisation_admin_manages_tokens(world, login_as):
    assert login_as(world.coordinator).get("/organisation/api-tokens").status_code == 403
    assert (
        login_as(world.contact_a).post("/organisation/api-tokens", data={"name": "x"}).status_code
        == 403
    )


def test_pilots_and_aggregate_figures_with_small_counts_hidden(
    world, admin, place, login_as, client
):
    place(world, world.contract_a, world.supplier_a, start_date=date(2025, 1, 1))
    token = create_token(login_as, admin)
    client.cookie_jar.clear() if hasattr(client, "cookie_jar") else None
    pilots = client.get("/api/v1/pilots", headers=bearer(token))
    assert pilots.status_code == 200
    assert [p["title"] for p in pilots.json["pilots"]] == ["Pilot schoonmaak"]
    figures = client.get(
        f"/api/v1/pilots/{world.pilot.id}/figures?as_of=2026-03-31", headers=bearer(token)
    ).json
    # One person's jobs would tell their hours: hidden with the count (issue 13, finding 4).
    assert figures["banen"] == "x" and figures["people"] == "<5"
    assert "placements" not in figures
    detail = client.get(f"/api/v1/pilots/{world.pilot.id}", headers=bearer(token)).json
    assert "progress" in detail
    org = client.get("/api/v1/figures?as_of=2026-03-31", headers=bearer(token)).json
    assert org["pilots"][0]["banen"] == "x" and org["banen"] == "x"


def test_no_revoked_or_foreign_token_reads_anything(world, admin, make, login_as, client):
    token = create_token(login_as, admin)
    assert client.get("/api/v1/pilots").status_code == 401
    assert client.get("/api/v1/pilots").headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/v1/pilots", headers=bearer("nonsense")).status_code == 401
    other_org = make.org()
    other_admin = make.user(other_org, org_role="admin")
    other_token = create_token(login_as, other_admin)
    assert (
        client.get(
            f"/api/v1/pilots/{world.pilot.id}/figures", headers=bearer(other_token)
        ).status_code
        == 404
    )
    assert client.get("/api/v1/pilots", headers=bearer(other_token)).json["pilots"] == []
    row = db.session.scalar(select(ApiToken).where(ApiToken.organisation_id == world.buyer.id))
    assert login_as(admin).post(f"/organisation/api-tokens/{row.id}/revoke").status_code == 303
    assert client.get("/api/v1/pilots", headers=bearer(token)).status_code == 401


def test_the_openapi_document_describes_every_endpoint(app, client):
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) == {
        "/pilots",
        "/pilots/{pilot_id}",
        "/pilots/{pilot_id}/figures",
        "/figures",
        "/pilots/{pilot_id}/social-return",
        "/social-return",
        "/openapi.json",
    }
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    routes = {
        r.rule.removeprefix("/api/v1").replace("<int:pilot_id>", "{pilot_id}")
        for r in app.url_map.iter_rules()
        if r.rule.startswith("/api/v1")
    }
    assert routes == set(doc["paths"])


def test_the_api_is_read_only(world, admin, login_as, client):
    token = create_token(login_as, admin)
    assert client.post("/api/v1/pilots", headers=bearer(token)).status_code == 405
