"""A pilot with everyone the meeting rules tell apart, and helpers to plan meetings."""

from __future__ import annotations

from datetime import date, time
from types import SimpleNamespace

import pytest

from partnerships.clock import to_utc
from partnerships.extensions import db
from partnerships.meetings import agenda


@pytest.fixture
def world(make):
    """Coordinator, an HR member, a board member, two suppliers' contacts and a stranger."""
    buyer = make.org("Gemeente Testdorp")
    coordinator = make.user(buyer, name="Sanne Coördinator")
    pilot = make.pilot(buyer, coordinator)
    hr = make.member(pilot, make.user(buyer, name="Henk HR"), role="hr_expert")
    board = make.member(pilot, make.user(buyer, name="Wethouder Bo"), role="board")
    supplier_a_org = make.org("Schoon BV", kind="supplier")
    supplier_b_org = make.org("Groen BV", kind="supplier")
    supplier_a = make.member(pilot, make.user(supplier_a_org, name="Ria Schoon"), role="supplier")
    supplier_b = make.member(pilot, make.user(supplier_b_org, name="Gert Groen"), role="supplier")
    stranger = make.user(make.org("Gemeente Elders"), name="Vreemde")
    db.session.commit()
    return SimpleNamespace(
        pilot=pilot,
        coordinator=coordinator,
        hr=hr,
        board=board,
        supplier_a=supplier_a,
        supplier_b=supplier_b,
        stranger=stranger,
    )


@pytest.fixture
def plan(world):
    """Plan a meeting directly through the service (defaults: supplier A's first meeting)."""

    def _plan(
        kind="supplier_first",
        day=date(2026, 3, 10),
        start=time(10, 0),
        end=time(11, 30),
        participants=None,
        locale="nl",
        **fields,
    ):
        if participants is None:
            participants = [world.coordinator, world.hr, world.supplier_a]
        meeting = agenda.plan_meeting(
            world.pilot,
            world.coordinator,
            kind=kind,
            title=fields.pop("title", ""),
            starts_at=to_utc(day, start),
            ends_at=to_utc(day, end),
            participant_ids=[u.id for u in participants],
            locale=locale,
            **fields,
        )
        db.session.commit()
        return meeting

    return _plan
