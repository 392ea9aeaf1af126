"""The shared jobs world (a buyer, two suppliers, a pilot) and its helpers live with the
contracts tests; every job package's tests use them."""

from tests.contracts.conftest import (  # noqa: F401
    add_contract,
    add_placement,
    add_report,
    new_contract,
    nl,
    place,
    world,
)
