"""Sharing results (5d): a public page behind an unguessable link that can be revoked."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from .. import audit
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from .models import PublicLink, PublicResults


def results_of(pilot) -> PublicResults | None:
    """The pilot's public story, if the coordinator has written one."""
    return db.session.scalar(select(PublicResults).where(PublicResults.pilot_id == pilot.id))


def save_story(pilot, actor, *, version, story: str) -> None:
    """The coordinator's own words for the public page; version 0 means a first save."""
    row = results_of(pilot)
    if row is None:
        row = PublicResults(pilot_id=pilot.id, story="", version=0)
        db.session.add(row)
    claim(row, version)
    row.story = story
    audit.record("results.story", "", pilot=pilot, actor=actor)


def active_link(pilot) -> PublicLink | None:
    return db.session.scalar(
        select(PublicLink).where(PublicLink.pilot_id == pilot.id, PublicLink.revoked_at.is_(None))
    )


def switch_on(pilot, actor) -> PublicLink:
    """Publish the page under a fresh token; an earlier, revoked token never comes back."""
    link = active_link(pilot)
    if link is not None:
        return link
    link = PublicLink(pilot_id=pilot.id, token=secrets.token_urlsafe(32), created_by_id=actor.id)
    db.session.add(link)
    db.session.flush()
    audit.record("results.shared", "", pilot=pilot, actor=actor)
    return link


def revoke(pilot, actor) -> bool:
    """Take the page offline; the link answers 'gone' from now on."""
    link = active_link(pilot)
    if link is None:
        return False
    link.revoked_at = utcnow()
    audit.record("results.revoked", "", pilot=pilot, actor=actor)
    return True


def find(token: str) -> PublicLink | None:
    """The link with this token, active or revoked; tokens of the wrong shape find nothing."""
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(PublicLink).where(PublicLink.token == token))
