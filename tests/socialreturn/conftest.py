"""The jobs test world (a buyer's pilot, two suppliers, one contract each) for these tests,
and a catering contract whose social return is a share of its value."""

from datetime import date
from decimal import Decimal

import pytest

from tests.contracts.conftest import add_contract, add_placement, nl, world  # noqa: F401


@pytest.fixture
def catering(world):  # noqa: F811 (pytest hands in the world fixture imported above)
    """EUR 1,200,000 service contract at 5% of the contract value, tendered with CDIO v1,
    and the address of its social return page."""
    contract = add_contract(
        world.pilot,
        "Catering",
        [world.supplier_a],
        nature="service",
        contract_value=Decimal("1200000"),
        sr_basis="project_value",
        sr_percentage=Decimal("5"),
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
        sr_scheme="cdio-2025@1",
    )
    return contract, f"/pilots/{world.pilot.id}/contracts/{contract.id}/social-return"
