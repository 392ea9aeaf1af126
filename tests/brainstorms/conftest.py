"""A pilot with a working group, two suppliers and one contact each, for brainstorm tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from partnerships.brainstorms import services
from partnerships.extensions import db


@pytest.fixture
def cast(make):
    """Buyer coordinator, a working-group member, a board member, a stranger, and two
    suppliers (A: Schoon & Co, B: Groen Dichtbij) each with a contact in the pilot."""
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, name="Sanne")
    pilot = make.pilot(buyer, coordinator)
    member = make.member(pilot, role="hr_expert")
    board = make.member(pilot, role="board")
    supplier_a = make.org("Schoon & Co", kind="supplier")
    supplier_b = make.org("Groen Dichtbij", kind="supplier")
    contact_a = make.member(pilot, make.user(supplier_a, name="Ruud"), role="supplier")
    contact_b = make.member(pilot, make.user(supplier_b, name="Esther"), role="supplier")
    stranger = make.user(make.org("Gemeente Elders"))
    db.session.commit()
    return SimpleNamespace(
        pilot=pilot,
        buyer=buyer,
        coordinator=coordinator,
        member=member,
        board=board,
        supplier_a=supplier_a,
        supplier_b=supplier_b,
        contact_a=contact_a,
        contact_b=contact_b,
        stranger=stranger,
    )


@pytest.fixture
def brainstorm_a(cast):
    """An open brainstorm shared with supplier A only."""
    brainstorm = services.start_brainstorm(
        cast.pilot,
        cast.coordinator,
        title="Schoonmaak stadhuis",
        kind="existing_without_sr",
        nature="service",
        supplier_org_ids=[cast.supplier_a.id],
    )
    db.session.commit()
    return brainstorm


@pytest.fixture
def url():
    """The board's address, with an optional sub-path."""

    def _url(brainstorm, suffix=""):
        return f"/pilots/{brainstorm.pilot_id}/brainstorms/{brainstorm.id}{suffix}"

    return _url
