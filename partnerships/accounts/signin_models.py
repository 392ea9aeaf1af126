"""What signing in keeps on the server: sessions, recovery codes and identity providers."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_check, utcnow
from ..extensions import db


class SignInMethod(enum.StrEnum):
    PASSWORD = "password"  # noqa: S105 (a method, no secret); with two-factor where set
    SSO = "sso"  # through the organisation's OpenID Connect provider
    LINK = "link"  # a password set through an invitation or reset link


class UserSession(db.Model):
    """One signed-in browser. The cookie holds a secret; only its hash is stored here, and
    every request checks that the session has not ended, expired or gone idle."""

    __tablename__ = "user_session"
    __table_args__ = (enum_check("method", SignInMethod),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The user's session_epoch when the session began; a bump ends it.
    epoch: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(10))
    remember: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Shown in the list of sessions so that a person recognises their devices.
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(64), default="")


class RecoveryCode(db.Model):
    """A single-use code for signing in without the authenticator app; stored hashed."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SignInMode(enum.StrEnum):
    PASSWORD = "password"  # noqa: S105 (a mode, not a secret)
    SSO_OR_PASSWORD = "sso_or_password"  # noqa: S105
    SSO_ONLY = "sso_only"


class IdentityProvider(db.Model):
    """An organisation's OpenID Connect provider (Entra ID, Keycloak, a government broker)."""

    __tablename__ = "identity_provider"
    __table_args__ = (enum_check("mode", SignInMode),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), unique=True
    )
    mode: Mapped[str] = mapped_column(String(20), default=SignInMode.PASSWORD)
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(300))
    # Fernet-encrypted with the key in instance/; never shown again after it is saved.
    client_secret_encrypted: Mapped[str] = mapped_column(Text)
    # Lower-case domains, one per line: only addresses there may sign in through it.
    allowed_domains: Mapped[str] = mapped_column(Text, default="")
    # An unknown address in an allowed domain gets a member account, or is refused.
    create_accounts: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    organisation = relationship("Organisation")

    @property
    def domains(self) -> list[str]:
        return [line.strip() for line in self.allowed_domains.splitlines() if line.strip()]
