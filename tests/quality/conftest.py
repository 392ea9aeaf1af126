"""Fixtures for the quality harnesses: the world, and a client that acts as any actor."""

from __future__ import annotations

import pytest

from tests.quality.harness import act_as
from tests.quality.world import build, empty_database


@pytest.fixture
def world(app, make):
    """The realistic world of tests/quality/world.py, committed."""
    return build(make)


@pytest.fixture
def rebuild_world(app, make):
    """Empty the database and build the world again (after a request that changed it)."""

    def _rebuild():
        empty_database()
        return build(make)

    return _rebuild


@pytest.fixture
def actor_client(app):
    """A test client and a function to switch the actor it speaks for."""
    client = app.test_client()

    def _as(world, actor: str):
        act_as(client, world.user(actor) if actor != "anonymous" else None)
        return client

    return _as
