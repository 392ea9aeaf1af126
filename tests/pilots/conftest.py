"""A pilot with a working group, a board member and a supplier contact, for stepper tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Team:
    pilot: object
    coordinator: object
    member: object
    board: object
    supplier: object


@pytest.fixture
def team(make):
    """The pilot of a municipality: coordinator, an HR expert, the board and one supplier."""
    org = make.org()
    coordinator = make.user(org, name="Sanne Coördinator", locale="en")
    pilot = make.pilot(org=org, coordinator=coordinator)
    member = make.member(pilot, make.user(org, name="Henk HR", locale="en"), role="hr_expert")
    board = make.member(pilot, make.user(org, name="Karin Bestuur", locale="en"), role="board")
    supplier_org = make.org(kind="supplier")
    supplier = make.member(
        pilot, make.user(supplier_org, name="Ruud Leverancier", locale="en"), role="supplier"
    )
    return Team(pilot, coordinator, member, board, supplier)
