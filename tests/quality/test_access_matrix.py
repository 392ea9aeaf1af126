"""Every route, every method, every kind of actor: the outcome must be the one in the table.

The table is the product's access policy in one place. A route missing from it fails the
test (with a ready-to-paste row holding what was observed, to be checked by a person), and
an "ok" where the table says "deny" is an unexpected allow.

Run with QUALITY_PRINT_MATRIX=1 to print the whole observed table.
"""

from __future__ import annotations

import os

from tests.quality.access_table import EXPECTED
from tests.quality.harness import (
    act_as,
    app_rules,
    outcome,
    url_for_rule,
    variant_key,
    variants,
)
from tests.quality.world import ACTORS, restore

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
OUTCOMES = {"ok", "see", "409", "422", "deny", "login", "bad"}


def _headers(world, endpoint: str, actor: str) -> dict:
    """The API is asked as BI tools ask it: with the bearer token of the actor's
    organisation (the world gives both buyers one), never with a session."""
    if not endpoint.startswith("api.v1."):
        return {}
    token = world.api_tokens.get(world.organisation_of(actor))
    return {"Authorization": f"Bearer {token}"} if token else {}


def observe(app, world) -> dict[str, dict[str, list[str]]]:
    """Request every rule, every variant and every method as every actor; put the world
    back after a request that may have changed it."""
    client = app.test_client()
    seen: dict[str, dict[str, list[str]]] = {}
    for rule in app_rules(app):
        for values in variants(rule):
            url = url_for_rule(app, rule, world, **values)
            key = variant_key(rule.endpoint, values)
            for method in (m for m in METHODS if m in rule.methods):
                results = []
                for actor in ACTORS:
                    api = rule.endpoint.startswith("api.v1.")
                    act_as(client, None if api else world.user(actor))
                    response = client.open(
                        url,
                        method=method,
                        data={} if method != "GET" else None,
                        headers=_headers(world, rule.endpoint, actor),
                    )
                    results.append(outcome(response))
                    changed = method != "GET" and response.status_code < 400
                    if changed or response.status_code >= 500:
                        restore(world)
                seen.setdefault(key, {})[method] = results
    return seen


def row(endpoint: str, methods: dict[str, list[str]], note: str = "") -> str:
    """One entry of the table in the layout of access_table.py."""
    lines = [f'    "{endpoint}": {{{note}']
    for method, results in methods.items():
        cells = " ".join(f"{o:<5}" for o in results).rstrip()
        lines.append(f'        {chr(34) + method + chr(34) + ":":<9} "{cells}",')
    return "\n".join([*lines, "    },"])


def test_every_route_answers_every_actor_as_the_table_says(app, world):
    seen = observe(app, world)
    if os.environ.get("QUALITY_PRINT_MATRIX"):
        print("\n".join(row(e, m) for e, m in sorted(seen.items())))

    errors, allows, denials, missing = [], [], [], {}
    for endpoint, methods in sorted(seen.items()):
        for method, results in methods.items():
            for actor, got in zip(ACTORS, results, strict=True):
                if got == "error":
                    errors.append(f"{method} {endpoint} as {actor}: 5xx")
            expected_row = EXPECTED.get(endpoint, {}).get(method)
            if expected_row is None:
                missing.setdefault(endpoint, {})[method] = results
                continue
            expected = expected_row.split()
            assert len(expected) == len(ACTORS), f"{endpoint} {method}: need {len(ACTORS)} cells"
            assert set(expected) <= OUTCOMES, f"{endpoint} {method}: unknown outcome"
            for actor, want, got in zip(ACTORS, expected, results, strict=True):
                if got == want or got == "error":
                    continue
                line = f"{method} {endpoint} as {actor}: table says {want}, got {got}"
                let_in = {"ok", "see", "409", "422"}
                (allows if got in let_in and want not in let_in else denials).append(line)
    stale = sorted(set(EXPECTED) - set(seen))

    report = []
    if errors:
        report += ["SERVER ERRORS:", *errors]
    if allows:
        report += ["UNEXPECTED ALLOWS:", *allows]
    if denials:
        report += ["UNEXPECTED OUTCOMES (not allows):", *denials]
    if missing:
        report += [
            "ENDPOINTS MISSING FROM tests/quality/access_table.py. Observed outcomes below; "
            "CHECK EACH CELL against the access rules before pasting:",
            *(row(e, m, "  # observed, review") for e, m in missing.items()),
        ]
    if stale:
        report += ["ENDPOINTS IN THE TABLE THAT NO LONGER EXIST:", *stale]
    if world.notes:
        report += ["(world notes:", *world.notes, ")"]
    assert not (errors or allows or denials or missing or stale), "\n".join(report)
