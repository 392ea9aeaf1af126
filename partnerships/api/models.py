"""The API tokens that let BI tools read the figures; only a hash of each is kept."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class ApiToken(db.Model):
    """A bearer token for the read-only API, scoped to one organisation; only its hash is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # shown in lists to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set at creation (a year by default): a token forgotten in a BI tool stops working.
    expires_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=lambda: utcnow() + timedelta(days=365)
    )
    last_used_on: Mapped[date | None] = mapped_column(Date)
    # The rate limit's window, in the database so every worker counts the same requests.
    window_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    window_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    created_by = relationship("User")

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()
