"""Rows of the quality world that the domains' demo stories do not make, made through the
domains' public services. Each recipe runs in its own savepoint (see world._attempt)."""

from __future__ import annotations


def public_results_link(world):
    """The public results page needs a live link; its token fills <token> of that route."""
    from partnerships.reports import sharing

    link = sharing.switch_on(world.pilot, world.user("coordinator"))
    world.tokens["results"] = link.token


RECIPES = [public_results_link]
