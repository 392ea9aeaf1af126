"""Configuration: defaults, then instance/config.py, then PARTNERSHIPS_* environment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "PARTNERSHIPS"


class Defaults:
    """Settings that hold unless the instance or the environment says otherwise."""

    # Test each pooled connection before use: after a PostgreSQL restart (or a connection
    # killed by a proxy or an administrator) the pool would otherwise hand out dead
    # connections and the next page loads would fail with a server error.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    WORKFLOWS_DIR = str(ROOT / "workflows")
    # Social return valuation schemes (TOML), checked by `flask workflows check`.
    VALUATION_DIR = str(ROOT / "valuation")
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")
    # 1 MiB is far more than any form needs; larger bodies are refused with 413.
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_DURATION = 60 * 60 * 24 * 30
    # Sessions end after this long without a request, and in any case after this long
    # ("keep me logged in": REMEMBER_COOKIE_DURATION); an organisation may set its own.
    SESSION_IDLE_MINUTES = 120
    SESSION_MAX_HOURS = 12
    # Login throttling: attempts counted over a sliding window, stored in the database
    # so that every worker process sees the same count. The limit is per account and
    # address, so that one address (or a proxy everyone shares) cannot lock every account;
    # an account guessed at from many addresses locks at the second limit.
    LOGIN_WINDOW_SECONDS = 15 * 60
    LOGIN_MAX_FAILURES = 5
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 20
    # Requests for a password link: per address, and per account (more are not mailed).
    RESET_MAX_PER_ADDRESS = 5
    RESET_MAX_PER_ACCOUNT = 3
    # Failed attempts are kept this many days for throttling and abuse questions, then
    # `flask purge-login-attempts` (run it daily from cron) deletes them.
    LOGIN_ATTEMPT_RETENTION_DAYS = 30
    # /.well-known/security.txt (RFC 9116): who receives vulnerability reports (a mailto: or
    # https: address, or a list of them) and the date the statement expires (RFC 3339, less
    # than a year ahead, e.g. "2027-06-30T23:00:00Z"). Without both, the file is not served.
    SECURITY_CONTACT: str | list | None = None
    SECURITY_TXT_EXPIRES: str | None = None
    SECURITY_TXT_LANGUAGES = "nl, en"
    SECURITY_POLICY: str | None = None
    # Encrypts two-factor secrets and providers' client secrets (a Fernet key); without it a
    # key is generated once into instance/encryption_key. Back it up with the database.
    ENCRYPTION_KEY: str | None = None
    # How long to wait for an organisation's OpenID Connect provider before giving up.
    SSO_TIMEOUT_SECONDS = 10
    # Organisation admins and site admins signing in with a password must use two-factor.
    TWO_FACTOR_FOR_ADMINS = True
    TOKEN_HOURS = {"reset": 2, "invite": 24 * 7}
    # The read-only API: requests per token per window; more get 429 with Retry-After.
    API_RATE_LIMIT = 120
    API_RATE_WINDOW_SECONDS = 60
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_DEFAULT_SENDER = "partnerships@localhost"
    # Seconds to wait for the mail server; a server that does not answer costs this once per
    # batch of messages (an invitation round), not once per message.
    MAIL_TIMEOUT = 10
    # Behind a reverse proxy (nginx, a load balancer) set this to the number of proxies in
    # front of the app, so that login throttling sees the visitor's address, not the proxy's.
    # The app then trusts that many entries, counted from the right, of X-Forwarded-For
    # (and of X-Forwarded-Proto and X-Forwarded-Host). Only set it when every request comes
    # through those proxies: otherwise a visitor can write their own address in the header.
    TRUSTED_PROXIES = 0
    # Links in e-mails need an absolute address; requests supply it, the CLI uses this.
    BASE_URL = "http://127.0.0.1:5000"
    # Counting rules (hours per job, durable months) are each buyer's own settings
    # (figures/settings.py), defaulting to the Wet banenafspraak's: counting.HOURS_PER_JOB.
    SMALL_CELL_THRESHOLD = 5


def secret_key(instance_path: Path) -> str:
    """Return the instance's secret key, generating it once with mode 0600."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def load(app, overrides: dict | None = None) -> None:
    """Apply defaults, the instance file, the environment and explicit overrides in order."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env(ENV_PREFIX)  # each value read as JSON, else as a string
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if os.environ.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    if overrides:
        app.config.update(overrides)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", f"sqlite:///{instance / 'partnerships.sqlite'}"
    )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(instance)
    if app.debug or app.config.get("DEVELOPMENT"):
        # The development server speaks plain HTTP on loopback.
        app.config["SESSION_COOKIE_SECURE"] = False
        app.config["REMEMBER_COOKIE_SECURE"] = False
