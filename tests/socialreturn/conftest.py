"""The jobs test world (a buyer's pilot, two suppliers, one contract each) for these tests."""

from tests.contracts.conftest import add_contract, add_placement, nl, world  # noqa: F401
