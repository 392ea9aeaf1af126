"""Rules for accounts: throttled login, one-time tokens, invitations and resets."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select
from sqlalchemy.exc import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit, mail
from ..database import utcnow
from ..extensions import db
from ..i18n import in_language_of
from . import sso
from .models import (
    AttemptKind,
    AuthToken,
    LoginAttempt,
    Organisation,
    OrgRole,
    TokenPurpose,
    User,
    normalise_email,
)
from .rules import PendingAccount


class Throttled(Exception):
    """Too many failed logins for this account or address."""


# Checked against when the account does not exist, so that an unknown address costs the same
# time as a wrong password and timing reveals nothing. Made on first use (scrypt is slow).
_dummy_hash: str | None = None


def _spend_password_check(password: str) -> None:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = generate_password_hash(secrets.token_urlsafe(16), method="scrypt")
    check_password_hash(_dummy_hash, password)


def _since():
    return utcnow() - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"])


def _count(*conditions) -> int:
    return db.session.scalar(
        select(func.count(LoginAttempt.id)).where(LoginAttempt.at >= _since(), *conditions)
    )


def record_attempt(email: str, address: str, kind: str = AttemptKind.LOGIN) -> None:
    """Count an attempt before it is judged, committed at once.

    Of N attempts arriving together, the k-th to commit sees at least k rows when it counts,
    so no more than the limit are ever evaluated, in any number of workers. The commit is
    deliberate and must stay even where the request otherwise commits once at its end: a
    failed attempt has to be kept when the login fails (and the request is rolled back).
    """
    db.session.add(LoginAttempt(email=email[:254], address=address[:64], kind=kind))
    try:
        db.session.commit()
    except OperationalError:
        # A database that cannot write (a full disk) cannot count; the attempt is still
        # judged on its password, so a wrong one stays a wrong one and not a server error.
        db.session.rollback()
        current_app.logger.exception("Could not record a sign-in attempt for counting")


def too_many_failures(email: str, address: str) -> bool:
    """True when this account may not be tried (any more) from this address now."""
    config = current_app.config
    login = LoginAttempt.kind == AttemptKind.LOGIN
    return (
        _count(login, LoginAttempt.email == email, LoginAttempt.address == address)
        > config["LOGIN_MAX_FAILURES"]
        or _count(login, LoginAttempt.email == email) > config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    )


def clear_failures(email: str, address: str) -> None:
    """A success from this address forgives its failures (not those from elsewhere)."""
    db.session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.kind == AttemptKind.LOGIN,
            LoginAttempt.email == email,
            LoginAttempt.address == address,
        )
    )


def authenticate(email: str, password: str, address: str) -> User | None:
    """The user for these credentials, or None; raises Throttled after repeated failures.

    Attempts are counted per account and address in the database (see record_attempt), so
    the limit holds across worker processes and concurrent requests, and one address cannot
    lock everyone out. The same answer is given for unknown accounts and the same time is
    spent, so the response reveals nothing about who exists.
    """
    email = normalise_email(email)
    address = (address or "unknown")[:64]
    record_attempt(email, address)
    if too_many_failures(email, address):
        raise Throttled()
    user = User.by_email(email)
    if user is None or not user.password_hash:
        _spend_password_check(password)
    elif user.check_password(password) and user.is_active:
        clear_failures(email, address)
        return user
    return None


def purge_attempts(days: int) -> int:
    """Delete attempts older than the retention period; returns how many went."""
    cutoff = utcnow() - timedelta(days=days)
    result = db.session.execute(delete(LoginAttempt).where(LoginAttempt.at < cutoff))
    return result.rowcount or 0


def issue_token(user: User, purpose: TokenPurpose, created_by: User | None = None) -> str:
    """Create a one-time secret for a link; earlier unused tokens of that purpose end.

    An invitation ends only earlier invitations of the inviter's own organisation: another
    buyer inviting the same person adds an invitation and never voids the first.
    """
    now = utcnow()
    for old in db.session.scalars(
        select(AuthToken).where(
            AuthToken.user_id == user.id,
            AuthToken.purpose == purpose,
            AuthToken.used_at.is_(None),
        )
    ):
        if purpose == TokenPurpose.INVITE and not _same_inviter_organisation(old, created_by):
            continue
        old.used_at = now
    secret = secrets.token_urlsafe(32)
    hours = current_app.config["TOKEN_HOURS"][purpose]
    db.session.add(
        AuthToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=AuthToken.hash(secret),
            expires_at=now + timedelta(hours=hours),
            created_by_id=created_by.id if created_by else None,
        )
    )
    return secret


def _same_inviter_organisation(token: AuthToken, inviter: User | None) -> bool:
    if inviter is None or token.created_by_id is None:
        return True
    earlier = db.session.get(User, token.created_by_id)
    return earlier is None or earlier.organisation_id == inviter.organisation_id


def find_token(secret: str, purpose: TokenPurpose) -> AuthToken | None:
    """The token behind a link if it is unused and unexpired."""
    if not secret or len(secret) > 100:
        return None
    token = db.session.scalar(
        select(AuthToken).where(AuthToken.token_hash == AuthToken.hash(secret))
    )
    if token is None or token.purpose != purpose or token.used_at is not None:
        return None
    if token.expires_at < utcnow():
        return None
    # A deactivated account cannot come back through a reset link; only a new invitation.
    if purpose == TokenPurpose.RESET and not token.user.is_active:
        return None
    # An invitation sets up an account once: after that its other invitations are spent,
    # so nobody holding one of them can choose the password of an account in use.
    if purpose == TokenPurpose.INVITE and token.user.password_hash and token.user.is_active:
        return None
    return token


def end_reset_links(user: User) -> None:
    """A password link dies when the password changes, however it changed."""
    now = utcnow()
    for token in db.session.scalars(
        select(AuthToken).where(
            AuthToken.user_id == user.id,
            AuthToken.purpose == TokenPurpose.RESET,
            AuthToken.used_at.is_(None),
        )
    ):
        token.used_at = now


def use_token(token: AuthToken, new_password: str, name: str | None = None) -> User:
    """Spend the token: set the password (and name) and end other sessions."""
    token.used_at = utcnow()
    user = token.user
    user.set_password(new_password)
    user.session_epoch += 1
    end_reset_links(user)
    if name:
        user.name = name
    if token.purpose == TokenPurpose.INVITE:
        user.is_active_account = True
        for other in db.session.scalars(
            select(AuthToken).where(
                AuthToken.user_id == user.id,
                AuthToken.purpose == TokenPurpose.INVITE,
                AuthToken.used_at.is_(None),
            )
        ):
            other.used_at = token.used_at
    return user


class WrongPassword(Exception):
    """The current password, typed to change it, is not the account's."""

    field = "current"

    def __init__(self) -> None:
        self.message = _l("Your current password is not correct.")
        super().__init__(str(self.message))


def change_own_password(user: User, current: str, new_password: str) -> None:
    """Change a password its owner knows; raises WrongPassword when they do not."""
    if not user.check_password(current):
        raise WrongPassword()
    change_password(user, new_password)


def save_settings(user: User, *, name: str, locale: str, reminders_enabled: bool) -> None:
    """The person's own name, language and whether reminders are mailed."""
    user.name = name
    user.locale = locale
    user.reminders_enabled = reminders_enabled


def change_password(user: User, new_password: str) -> None:
    """Set a new password and end every other session of this user."""
    user.set_password(new_password)
    user.session_epoch += 1
    end_reset_links(user)
    audit.record("user.password_changed", user.email, organisation=user.organisation)


def _link(endpoint: str, secret: str) -> str:
    try:
        return url_for(endpoint, token=secret, _external=True)
    except RuntimeError:  # outside a request, e.g. from the CLI
        return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, token=secret)


def request_reset(email: str, address: str) -> bool:
    """Count a request for a password link; False when this address asked too often.

    It does the same work whether or not the account exists (the mail goes out after the
    response, see send_reset), so neither the answer nor its timing tells who has one.
    """
    email = normalise_email(email)
    address = (address or "unknown")[:64]
    record_attempt(email, address, AttemptKind.RESET)
    reset = LoginAttempt.kind == AttemptKind.RESET
    return (
        _count(reset, LoginAttempt.address == address)
        <= current_app.config["RESET_MAX_PER_ADDRESS"]
    )


def send_reset(email: str) -> None:
    """Mail a reset link if the account exists; say nothing either way. Runs after the
    response; an account asked for too often gets no more mail in the window."""
    email = normalise_email(email)
    user = User.by_email(email)
    # An organisation that signs in only through its provider has no passwords to reset.
    if user is None or not user.is_active or not sso.password_allowed(user):
        return
    reset = LoginAttempt.kind == AttemptKind.RESET
    if _count(reset, LoginAttempt.email == email) > current_app.config["RESET_MAX_PER_ACCOUNT"]:
        return
    secret = issue_token(user, TokenPurpose.RESET)
    # Stored before the mail goes out (this runs after the response, outside the request's
    # own commit), so that the link works as soon as it arrives.
    db.session.commit()
    link = _link("accounts.reset_password", secret)
    with in_language_of(user):
        subject = _("Set a new password for Partnerships")
        body = _(
            "Hello %(name)s,\n\nSomeone asked to set a new password for your account. "
            "Use this link within %(hours)s hours; it works once:\n\n%(link)s\n\n"
            "If it was not you, ignore this message; your password stays as it is.",
            name=user.name,
            hours=current_app.config["TOKEN_HOURS"]["reset"],
            link=link,
        )
    mail.send(user.email, subject, body)


class InvitationRefused(Exception):
    """An invitation that would hand over an account; the message says why, for the form."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def invite_colleague(
    organisation: Organisation, email: str, name: str, inviter: User, org_role: str
) -> tuple[User, str | None, bool]:
    """An organisation admin invites one of its own people, as `invite` does; an address
    of another organisation's account, or of someone already active here, is refused."""
    existing = User.by_email(email)
    if existing is not None and existing.organisation_id != organisation.id:
        raise InvitationRefused(_l("This address belongs to an account of another organisation."))
    if existing is not None and existing.is_active:
        raise InvitationRefused(_l("This person already has an active account here."))
    return invite(organisation, email, name, inviter, org_role)


def invite(
    organisation: Organisation, email: str, name: str, inviter: User, org_role: str = OrgRole.MEMBER
) -> tuple[User, str | None, bool]:
    """Create (or re-invite) an inactive account and mail it a one-time link.

    Returns the user, the link if the inviter may pass it on (see the rule
    "account.pass_on_invitation": only for an account they set up), and whether it was
    mailed; in development without SMTP that link is shown to the inviter instead. Raises
    InvitationRefused for an address of another organisation, or a switched-off account
    that only its own organisation's admin may switch on again.
    """
    from .. import access

    user = User.by_email(email)
    new = user is None
    if user is not None and user.organisation_id != organisation.id:
        raise InvitationRefused(_l("This address belongs to someone of another organisation."))
    switched_off = user is not None and user.password_hash and not user.is_active
    if switched_off and not access.can(inviter, "account.reactivate", user):
        raise InvitationRefused(
            _l(
                "This account has been switched off. Only an administrator of its own "
                "organisation can switch it on again."
            )
        )
    if user is None:
        user = User(
            email=normalise_email(email),
            name=name,
            organisation=organisation,
            org_role=org_role,
            is_active_account=False,
        )
        db.session.add(user)
        db.session.flush()
    secret = issue_token(user, TokenPurpose.INVITE, created_by=inviter)
    link = _link("accounts.accept_invitation", secret)
    with in_language_of(user):
        subject = _("You are invited to Partnerships")
        body = _(
            "Hello %(name)s,\n\n%(inviter)s invites you to work together in Partnerships, "
            "the tool for creating jobs through purchasing (Partnerships voor meer banen).\n\n"
            "Choose your password with this link within %(days)s days; it works once:\n\n"
            "%(link)s\n",
            name=user.name,
            inviter=inviter.name,
            days=current_app.config["TOKEN_HOURS"]["invite"] // 24,
            link=link,
        )
    sent = mail.send(user.email, subject, body)
    audit.record("user.invited", user.email, organisation=organisation, actor=inviter)
    # Someone of another organisation invited one of its people: its admins hear of it.
    from .invited import tell_admins

    tell_admins(organisation, user, inviter)
    pending = PendingAccount(user, new)
    may_pass_on = access.can(inviter, "account.pass_on_invitation", pending)
    return user, (link if may_pass_on else None), sent
