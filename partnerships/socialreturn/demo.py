"""The demo's social return beyond placements: an invoice of a social enterprise, hours on
a community project and people who started a trajectory, on the cleaning contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..monitoring.demo import COORDINATOR
from . import realisation, services


def seed(*, pilot, people, suppliers) -> None:
    schoon = suppliers[0]
    contract = next(
        (c for c in realisation.pilot_contracts(pilot) if schoon.id in c.supplier_ids), None
    )
    if contract is None:
        return
    actor = people[COORDINATOR]
    for data in (
        dict(
            kind="purchase",
            occurred_on=date(2026, 3, 12),
            description="Koffie en lunch voor de schoonmaakploeg",
            amount=Decimal("8400"),
            enterprise="Koffiebranderij De Brug",
            certificate="social_enterprise_nl",
            certified_on=date(2026, 3, 1),
        ),
        dict(
            kind="purchase",
            occurred_on=date(2026, 5, 20),
            description="Werkkleding",
            amount=Decimal("12000"),
            enterprise="Textiel Voorbeeld BV",
            certificate="pso_2",
            certified_on=date(2026, 5, 1),
        ),
        dict(
            kind="community",
            occurred_on=date(2026, 4, 18),
            description="Buurtschoonmaak",
            hours=Decimal("24"),
        ),
        dict(
            kind="trajectory",
            occurred_on=date(2026, 2, 1),
            people=6,
            target_group="participatiewet",
        ),
    ):
        services.add_contribution(pilot, contract, actor, data, schoon.id)
