"""Every access decision in access.py and the rules.py files (issue 13, findings 3 and 8)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from partnerships import access
from partnerships.extensions import db

PACKAGE = Path(__file__).resolve().parent.parent / "partnerships"

# What deciding access looks like outside the rules: reading a standing or an admin flag,
# or comparing a role name. access.py and the rules.py files are where that belongs;
# accounts/models.py defines the flags, and cli.py and demo.py only set them.
DECISION = re.compile(
    r"access\.standing\(|\bstanding\.|(?<!team)\.working_group\b|\.supplier_org_ids\b"
    r"|\.org_admin\b|roles_held\(|\.is_org_admin\b|\.is_site_admin\b|OUTSIDE_ROLES"
    r"|role\s*(==|!=)\s*[\"']|role\s*(not\s+)?in\s*[({]\s*[\"']"
    r"|[\"'](board|supplier|coordinator\w*|contract_manager|sr_coordinator)[\"']\s*(not\s+)?in\b"
    r"|[{(]\s*[\"'](supplier|board)[\"']\s*,\s*[\"'](supplier|board)[\"']"
)
ALLOWED_FILES = {"access.py", "rules.py"}
NOT_DECISIONS = {
    "accounts/models.py",  # defines is_org_admin / is_site_admin
    "cli.py",  # create-user --site-admin sets the flag
    "demo.py",  # demo data sets the flags
}


def _offenders() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if path.name in ALLOWED_FILES or relative in NOT_DECISIONS or "migrations" in relative:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if DECISION.search(code):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_no_access_decision_is_taken_outside_access_and_the_rules_files():
    assert _offenders() == []


def test_the_check_finds_a_decision_where_it_does_not_belong(tmp_path):
    """The pattern is not vacuous: the lines finding 8 named are all caught."""
    for line in (
        "    standing = access.standing(current_user, pilot)",
        "    if standing.working_group or standing.board:",
        '    working_group = bool(roles - {"board", "supplier"})',
        '                Membership.role != "supplier",',
        '    return user.is_org_admin or any(role == "board" for role, _ in roles)',
    ):
        assert DECISION.search(line), line


def test_an_unknown_action_is_refused_never_allowed(app, make):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    with app.test_request_context():
        assert access.can(coordinator, "pilot.manage", pilot)
        assert not access.can(coordinator, "pilot.mange", pilot)  # misspelt: no rule


def test_a_tab_whose_action_has_no_rule_is_not_offered(app, make):
    from partnerships.pilots import tabs

    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    tabs.register_tab("nowhere.tab", "nowhere.no_such_rule")
    try:
        with app.test_request_context():
            from partnerships.accounts.sessions import sign_in

            sign_in(coordinator)
            assert tabs.tab_allowed({"pilot": pilot}, "nowhere.tab") is False
    finally:
        tabs.TAB_ACTIONS.pop("nowhere.tab")


def test_outside_roles_come_from_the_workflow_not_a_list(app, make, monkeypatch):
    """A method version with another outside role (internal = false) keeps it out of
    internal notes: the hard-coded {"supplier", "board"} would have let it in."""
    from partnerships import workflows_registry

    pilot = make.pilot()
    guest = make.member(pilot, role="internal_client")
    real = workflows_registry.for_pilot(pilot)
    roles = tuple(
        dataclasses.replace(r, internal=False) if r.code == "internal_client" else r
        for r in real.roles
    )
    changed = dataclasses.replace(real, roles=roles)
    monkeypatch.setattr(workflows_registry, "for_pilot", lambda p: changed)
    with app.test_request_context():
        assert not access.can(guest, "pilot.view_internal", pilot)
        assert not access.can(guest, "step.view_internal", pilot)
        assert not access.can(guest, "pilot.work", pilot)


def _two_pilots(make):
    """A buyer with two pilots; a procurement expert and a board member of pilot 2 only."""
    from tests.contracts.conftest import add_contract, add_placement

    buyer = make.org("Gemeente Tweestad")
    pilot_2 = make.pilot(buyer, title="Pilot twee", start_date=date(2025, 1, 1))
    pilot_3 = make.pilot(buyer, title="Pilot drie", start_date=date(2025, 1, 1))
    expert = make.member(pilot_2, role="procurement_expert")
    board = make.member(pilot_2, role="board")
    supplier = make.org("Schoon BV", kind="supplier")
    for pilot, note in ((pilot_2, "notitie twee"), (pilot_3, "geheime notitie drie")):
        contract = add_contract(pilot, "Schoonmaak", [supplier])
        for _ in range(6):
            add_placement(
                pilot,
                contract,
                supplier,
                start_date=date(2025, 1, 1),
                notes=note,
                hours_per_week=Decimal("25.5"),
            )
    db.session.commit()
    return pilot_2, pilot_3, expert, board


def test_a_role_in_one_pilot_does_not_open_the_organisations_other_pilots(make, login_as):
    pilot_2, pilot_3, expert, board = _two_pilots(make)
    client = login_as(expert)
    export = client.get("/figures/export/placements.csv")
    assert export.status_code == 200
    text = export.data.decode("utf-8-sig")
    assert "notitie twee" in text and "geheime notitie drie" not in text
    page = login_as(board).get("/figures")
    assert page.status_code == 200
    assert "Pilot twee" in page.text and "Pilot drie" not in page.text
    # The board member of pilot 2 sees its 6 people, not the 12 of both pilots.
    assert 'id="figure-people">6<' in page.text


def test_the_role_names_of_the_issue_exist_in_the_workflow(app, make):
    from partnerships import workflows_registry

    pilot = make.pilot()
    codes = {r.code for r in workflows_registry.for_pilot(pilot).roles}
    assert {"procurement_expert", "board", "internal_client", "supplier"} <= codes


@pytest.mark.parametrize("what", ["placements", "monitoring"])
def test_rows_of_a_pilot_without_a_role_are_refused(make, login_as, what):
    pilot_2, pilot_3, expert, board = _two_pilots(make)
    assert login_as(board).get(f"/figures/export/{what}.csv").status_code == 403
