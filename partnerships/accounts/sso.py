"""Signing in through an organisation's OpenID Connect provider (Authlib's Flask client).

The authorization code flow with PKCE; Authlib keeps `state`, `nonce` and the code verifier
in the session, finds the provider's endpoints and keys through discovery, and checks the ID
token's signature, issuer, audience, expiry and nonce. What is left here is ours: which
provider an address belongs to, and which account the verified e-mail address is.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from authlib.integrations.flask_client.apps import FlaskOAuth2App
from authlib.integrations.flask_client.integration import FlaskIntegration
from flask import current_app
from sqlalchemy import select

from .. import audit
from ..extensions import db
from . import crypto
from .models import OrgRole, User, normalise_email
from .signin_models import IdentityProvider, SignInMode


class Refused(Exception):
    """The sign-in cannot go ahead; `reason` names the page text, `detail` is for the log."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def domain_of(email: str) -> str:
    return normalise_email(email).rpartition("@")[2]


def provider_for_email(email: str) -> IdentityProvider | None:
    """The provider whose allowed domains include this address's domain, if SSO is on."""
    domain = domain_of(email)
    if not domain:
        return None
    for provider in db.session.scalars(
        select(IdentityProvider).where(IdentityProvider.mode != SignInMode.PASSWORD)
    ):
        if domain in provider.domains and provider.organisation.is_active:
            return provider
    return None


def provider_origins() -> list[str]:
    """Where the sign-in start form may send the browser: the providers' origins."""
    origins = set()
    for issuer in db.session.scalars(
        select(IdentityProvider.issuer).where(IdentityProvider.mode != SignInMode.PASSWORD)
    ):
        parts = urlsplit(issuer)
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


def password_allowed(user: User) -> bool:
    """False when the user's organisation signs in only through its provider."""
    provider = db.session.scalar(
        select(IdentityProvider).where(IdentityProvider.organisation_id == user.organisation_id)
    )
    return provider is None or provider.mode != SignInMode.SSO_ONLY


def issuer_is_acceptable(issuer: str) -> bool:
    """HTTPS, or plain HTTP on this machine only (a provider under test)."""
    parts = urlsplit(issuer)
    if parts.scheme == "https" and parts.hostname:
        return True
    return parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")


def client(provider: IdentityProvider) -> FlaskOAuth2App:
    """A client for this provider, made fresh from the stored settings each time, so that a
    changed secret or issuer counts at once in every worker."""
    secret = crypto.decrypt(provider.client_secret_encrypted)
    if secret is None:
        raise Refused("misconfigured", "the client secret cannot be decrypted (key changed?)")
    name = f"organisation{provider.organisation_id}"
    app = FlaskOAuth2App(
        FlaskIntegration(name),
        name,
        client_id=provider.client_id,
        client_secret=secret,
        server_metadata_url=provider.issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid email profile",
            "code_challenge_method": "S256",
            "timeout": current_app.config["SSO_TIMEOUT_SECONDS"],
        },
    )
    # Authlib checks the ID token's issuer against the one the discovery document names;
    # OpenID Connect Discovery (4.3) requires that name to be the address the document was
    # fetched from, or a server could speak for an issuer that is not the organisation's.
    announced = str(app.load_server_metadata().get("issuer") or "")
    if announced.rstrip("/") != provider.issuer.rstrip("/"):
        raise Refused(
            "misconfigured",
            f"the discovery document names issuer {announced[:100]!r}, not the configured one",
        )
    return app


def account_for(provider: IdentityProvider, claims: dict) -> User:
    """The account these verified claims sign in to: linked before, linked now by e-mail,
    or created as a member; or Refused. Nothing changes unless the sign-in goes ahead."""
    issuer, subject = claims.get("iss"), claims.get("sub")
    email = normalise_email(claims.get("email") or "")
    if not subject or not email or "@" not in email:
        raise Refused("no_email", "the ID token has no e-mail address")
    if claims.get("email_verified") is False:
        raise Refused("no_email", "the provider says the e-mail address is not verified")
    if domain_of(email) not in provider.domains:
        raise Refused("domain", f"e-mail domain {domain_of(email)!r} is not allowed")
    user = db.session.scalar(
        select(User).where(User.sso_issuer == issuer, User.sso_subject == subject)
    )
    if user is None:
        user = User.by_email(email)
        if user is not None and user.sso_subject and user.sso_subject != subject:
            raise Refused("other_account", "the address is linked to another provider account")
    if user is not None and user.organisation_id != provider.organisation_id:
        raise Refused("other_organisation", "the account belongs to another organisation")
    if user is not None and not user.is_active:
        raise Refused("inactive", f"account {user.id} is deactivated")
    if user is None:
        if not provider.create_accounts:
            raise Refused("unknown", "no account for this address, and creating is off")
        user = User(
            email=email,
            name=(claims.get("name") or email)[:200],
            organisation_id=provider.organisation_id,
            org_role=OrgRole.MEMBER,
        )
        db.session.add(user)
        db.session.flush()
        audit.record("user.created_by_sso", user.email, organisation=provider.organisation)
    if user.sso_subject is None:
        user.sso_issuer, user.sso_subject = issuer, subject
        audit.record("user.linked_to_sso", user.email, organisation=provider.organisation)
    return user
