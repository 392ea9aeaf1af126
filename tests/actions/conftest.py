"""A pilot with a small working group, a board member and a supplier contact."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture
def crew(make):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    org = pilot.organisation
    backup = make.member(pilot, make.user(org, name="Ahmed Backup"), role="coordinator_backup")
    hr1 = make.member(pilot, make.user(org, name="Hanna HR"), role="hr_expert")
    hr2 = make.member(pilot, make.user(org, name="Henk HR"), role="hr_expert")
    board = make.member(pilot, make.user(org, name="Wethouder"), role="board")
    supplier_org = make.org(kind="supplier", name="Schoon & Co")
    contact = make.member(pilot, make.user(supplier_org, name="Ruud Leverancier"), role="supplier")
    other_supplier = make.org(kind="supplier", name="Groen Dichtbij")
    other_contact = make.member(
        pilot, make.user(other_supplier, name="Esther Groen"), role="supplier"
    )
    return SimpleNamespace(
        pilot=pilot,
        coordinator=coordinator,
        backup=backup,
        hr1=hr1,
        hr2=hr2,
        board=board,
        contact=contact,
        other_contact=other_contact,
        outsider=make.user(make.org()),
    )
