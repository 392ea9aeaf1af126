"""Administrators who sign in with a password must set up two-factor sign-in before they reach
any page: every route of the app, read or write, sends them to the enrolment page and
changes nothing (BIO: multi-factor authentication for administrators)."""

from __future__ import annotations

import pytest

from partnerships.accounts.two_factor_views import ENROLMENT_OPEN
from tests.quality.harness import act_as, app_rules, url_for_rule, variants
from tests.quality.world import build, take_snapshot

SETUP = "/settings/two-factor"


def _without_sessions(snapshot: dict) -> dict:
    """The world's rows, less the bookkeeping of signing in itself."""
    return {name: rows for name, rows in snapshot.items() if name != "user_session"}


@pytest.mark.parametrize("actor", ["site_admin", "org_admin"])
def test_an_administrator_without_two_factor_reaches_no_route_until_enrolled(app, make, actor):
    app.config["TWO_FACTOR_FOR_ADMINS"] = True
    world = build(make)
    client = app.test_client()
    act_as(client, world.user(actor))  # a session started with a password
    before = _without_sessions(take_snapshot())
    reached = []
    walked = 0
    for rule in app_rules(app):
        if rule.endpoint in ENROLMENT_OPEN:
            continue
        for values in variants(rule):
            path = url_for_rule(app, rule, world, **values)
            for method in sorted(rule.methods & {"GET", "POST", "PUT", "PATCH", "DELETE"}):
                response = client.open(path, method=method)
                walked += 1
                if response.status_code != 303 or response.location != SETUP:
                    reached.append(f"{method} {path}: {response.status_code}")
    assert not reached, "\n".join(reached)
    assert walked > 200  # the app's routes, not an empty walk
    assert _without_sessions(take_snapshot()) == before
    # The way out stays open: the enrolment page itself answers.
    assert client.get(SETUP).status_code == 200
