"""How long an API token lives and how often it may be used: both kept in the database.

The request count per token is one atomic UPDATE (a fixed window), so the limit holds
across every worker process and machine, and two requests at once cannot both slip under it.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, literal, update

from ..database import UTCDateTime, utcnow
from ..extensions import db
from .models import ApiToken

# The lifetimes an administrator can choose when creating a token, in days.
LIFETIMES = (30, 90, 365, 730)
DEFAULT_LIFETIME = 365


def expiry(days: int, now: datetime | None = None) -> datetime:
    return (now or utcnow()) + timedelta(days=days)


def count_request(token: ApiToken, now: datetime | None = None) -> int | None:
    """Count one request of this token; the seconds to wait when it is over the limit."""
    now = now or utcnow()
    config = current_app.config
    window = int(config["API_RATE_WINDOW_SECONDS"])
    limit = int(config["API_RATE_LIMIT"])
    fresh = ApiToken.window_start.is_(None) | (
        ApiToken.window_start <= now - timedelta(seconds=window)
    )
    count, start = db.session.execute(
        update(ApiToken)
        .where(ApiToken.id == token.id)
        .values(
            window_count=case((fresh, 1), else_=ApiToken.window_count + 1),
            window_start=case((fresh, literal(now, UTCDateTime())), else_=ApiToken.window_start),
        )
        .returning(ApiToken.window_count, ApiToken.window_start),
        execution_options={"synchronize_session": False},
    ).one()
    if count <= limit:
        return None
    return max(1, math.ceil((start + timedelta(seconds=window) - now).total_seconds()))
