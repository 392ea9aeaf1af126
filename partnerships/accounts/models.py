"""Organisations (buyers and suppliers), their users, one-time tokens and login attempts."""

from __future__ import annotations

import enum
import hashlib
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    false,
    select,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import Timestamped, UTCDateTime, enum_check, utcnow
from ..extensions import db


class OrganisationKind(enum.StrEnum):
    BUYER = "buyer"
    SUPPLIER = "supplier"


class BuyerType(enum.StrEnum):
    """The public bodies the handreiking addresses."""

    GEMEENTE = "gemeente"
    PROVINCIE = "provincie"
    RIJK = "rijk"
    WATERSCHAP = "waterschap"
    ONDERWIJS = "onderwijs"
    OTHER = "other"


class OrgRole(enum.StrEnum):
    ADMIN = "admin"
    MEMBER = "member"


class Organisation(Timestamped, db.Model):
    """A buyer (public body) running pilots, or a supplier (opdrachtnemer) taking part."""

    __tablename__ = "organisation"
    __table_args__ = (enum_check("kind", OrganisationKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    buyer_type: Mapped[str | None] = mapped_column(String(20))
    is_social_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)
    # The legal or practical basis of the social-enterprise flag, e.g. art. 2.82 Aw.
    social_enterprise_basis: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Sign-in policy. Empty session limits fall back to the configured defaults.
    require_two_factor: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    session_idle_minutes: Mapped[int | None] = mapped_column(Integer)
    session_max_hours: Mapped[int | None] = mapped_column(Integer)
    # The look: a theme name from accounts.look.THEMES and a small PNG or JPEG logo, kept in
    # the database so it travels with backups (at most look.MAX_LOGO_BYTES).
    theme: Mapped[str] = mapped_column(String(20), default="blue", server_default="blue")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # Whether there is a logo, read with the organisation itself (not the image): the header
    # asks on every page, and the user's organisation comes with the signed-in user.
    has_logo: Mapped[bool] = column_property(logo.column.is_not(None))

    users: Mapped[list[User]] = relationship(back_populates="organisation")

    @property
    def is_buyer(self) -> bool:
        return self.kind == OrganisationKind.BUYER

    @property
    def is_supplier(self) -> bool:
        return self.kind == OrganisationKind.SUPPLIER

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class User(UserMixin, Timestamped, db.Model):
    """A person who logs in; belongs to exactly one organisation."""

    __tablename__ = "user_account"
    __table_args__ = (
        enum_check("org_role", OrgRole),
        UniqueConstraint("sso_issuer", "sso_subject", name="uq_user_account_sso"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    org_role: Mapped[str] = mapped_column(String(20), default=OrgRole.MEMBER)
    is_site_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active_account: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    last_reminder_on: Mapped[date | None] = mapped_column(Date)
    # Bumping this ends every session and remember cookie of the user at once (a password
    # change, deactivation, "sign out everywhere"): each session records the epoch it began in.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    # Two-factor sign-in: the TOTP secret (encrypted with the instance key) and the last time
    # step used, so that one code works once.
    totp_secret: Mapped[str | None] = mapped_column(String(300))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # The account at the organisation's OpenID Connect provider, linked on first sign-in.
    sso_issuer: Mapped[str | None] = mapped_column(String(300))
    sso_subject: Mapped[str | None] = mapped_column(String(255))

    organisation: Mapped[Organisation] = relationship(back_populates="users")

    # The secret of the server-side session this user object was loaded or signed in with;
    # Flask-Login keeps it in the session cookie (see accounts/sessions.py).
    session_token = None

    @property
    def is_active(self) -> bool:  # Flask-Login asks this on every request
        return self.is_active_account

    @property
    def is_org_admin(self) -> bool:
        return self.org_role == OrgRole.ADMIN

    @property
    def has_two_factor(self) -> bool:
        return self.totp_enabled_at is not None

    def get_id(self) -> str:
        """What Flask-Login keeps in the cookies: the secret of a server-side session, never
        the user id, so that ending the session on the server ends the cookie."""
        if not self.session_token:
            raise RuntimeError("start a session with accounts.sessions.sign_in()")
        return self.session_token

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    @classmethod
    def by_email(cls, email: str) -> User | None:
        return db.session.scalar(select(cls).where(cls.email == normalise_email(email)))

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


def normalise_email(email: str) -> str:
    """One spelling per address, so that login and invitations find the same account."""
    return (email or "").strip().lower()


class TokenPurpose(enum.StrEnum):
    RESET = "reset"
    INVITE = "invite"


class AuthToken(db.Model):
    """A one-time, expiring link secret; only its hash is stored."""

    __tablename__ = "auth_token"
    __table_args__ = (enum_check("purpose", TokenPurpose),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(foreign_keys=[user_id])

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()


class AttemptKind(enum.StrEnum):
    LOGIN = "login"  # a wrong password or a wrong two-factor code
    RESET = "reset"  # a request for a password link


class LoginAttempt(db.Model):
    """An attempt to sign in or to ask for a password link, kept for throttling by account
    and address, and deleted after a while (`flask purge-login-attempts`)."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_email_at", "email", "at"),
        Index("ix_login_attempt_address_at", "address", "at"),
        enum_check("kind", AttemptKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(10), default=AttemptKind.LOGIN, server_default="login")


from .signin_models import IdentityProvider, RecoveryCode, UserSession  # noqa: E402,F401
