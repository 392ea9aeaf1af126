"""Making and revoking an organisation's API tokens; only a token's hash is kept."""

from __future__ import annotations

import secrets

from .. import audit
from ..database import utcnow
from ..extensions import db
from . import limits
from .models import ApiToken

TOKEN_PREFIX = "pvmb_"  # noqa: S105 (a visible prefix, not a secret)


def issue(organisation, creator, name: str, lifetime_days: int) -> str:
    """Make a token and return its secret, which is shown once and never stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.session.add(
        ApiToken(
            organisation_id=organisation.id,
            name=name.strip(),
            token_hash=ApiToken.hash(secret),
            prefix=secret[:12],
            created_by_id=creator.id,
            expires_at=limits.expiry(lifetime_days),
        )
    )
    audit.record("api_token.created", name, organisation=organisation)
    return secret


def revoke(token: ApiToken, organisation) -> None:
    """Stop a token working; revoking it twice changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token.revoked", token.name, organisation=organisation)
