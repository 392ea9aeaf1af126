"""API tokens expire and are rate limited per token, with the state in the database
(issue 14, point 9)."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from partnerships.api.models import ApiToken
from partnerships.database import utcnow
from partnerships.extensions import db


def _create(web, admin, lifetime=None):
    fields = {"name": "Power BI"}
    if lifetime:
        fields["lifetime"] = lifetime
    page = web(admin).submit("/organisation/api-tokens", **fields)
    assert page.status_int == 200
    return re.search(r'id="new-token">([^<]+)<', page.text).group(1), page


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_new_token_expires_after_a_year_by_default_and_the_page_says_when(world, make, web):
    admin = make.user(world.buyer, org_role="admin")
    before = utcnow()
    _token, page = _create(web, admin)
    row = db.session.scalar(select(ApiToken))
    assert before + timedelta(days=365) <= row.expires_at <= utcnow() + timedelta(days=365)
    year = str(row.expires_at.year)
    assert "Geldig tot" in page.text and year in page.text


def test_the_administrator_chooses_a_shorter_life(world, make, web):
    admin = make.user(world.buyer, org_role="admin")
    _create(web, admin, lifetime="30")
    row = db.session.scalar(select(ApiToken))
    assert timedelta(days=29) < row.expires_at - row.created_at <= timedelta(days=30, seconds=5)


def test_an_expired_token_gets_401_as_json(world, make, web, client):
    admin = make.user(world.buyer, org_role="admin")
    token, _page = _create(web, admin)
    assert client.get("/api/v1/pilots", headers=_bearer(token)).status_code == 200
    row = db.session.scalar(select(ApiToken))
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = client.get("/api/v1/pilots", headers=_bearer(token))
    assert response.status_code == 401 and response.is_json
    assert "expired" in response.json["message"]
    assert "Verlopen" in web(admin).get("/organisation/api-tokens").text


def test_a_token_over_its_limit_gets_429_with_retry_after(world, make, web, client, app):
    admin = make.user(world.buyer, org_role="admin")
    token, _page = _create(web, admin)
    app.config.update(API_RATE_LIMIT=3, API_RATE_WINDOW_SECONDS=60)
    codes = [client.get("/api/v1/pilots", headers=_bearer(token)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/pilots", headers=_bearer(token))
    assert refused.status_code == 429 and refused.is_json
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # The count is kept in the database, where every worker process sees it.
    assert db.session.scalar(select(ApiToken.window_count)) == 5


def test_the_window_starts_again_after_it_has_passed(world, make, web, client, app):
    admin = make.user(world.buyer, org_role="admin")
    token, _page = _create(web, admin)
    app.config.update(API_RATE_LIMIT=1, API_RATE_WINDOW_SECONDS=60)
    assert client.get("/api/v1/pilots", headers=_bearer(token)).status_code == 200
    assert client.get("/api/v1/pilots", headers=_bearer(token)).status_code == 429
    row = db.session.scalar(select(ApiToken))
    row.window_start = utcnow() - timedelta(seconds=61)
    db.session.commit()
    assert client.get("/api/v1/pilots", headers=_bearer(token)).status_code == 200
