"""Configuration: defaults, then instance/config.py, then PARTNERSHIPS_* environment."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "PARTNERSHIPS_"


class Defaults:
    """Settings that hold unless the instance or the environment says otherwise."""

    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
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
    # Login throttling: failures counted over a sliding window, stored in the database
    # so that every worker process sees the same count.
    LOGIN_WINDOW_SECONDS = 15 * 60
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    LOGIN_MAX_FAILURES_PER_ADDRESS = 20
    TOKEN_HOURS = {"reset": 2, "invite": 24 * 7}
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_DEFAULT_SENDER = "partnerships@localhost"
    # Behind a reverse proxy (nginx, a load balancer) set this to the number of proxies in
    # front of the app, so that login throttling sees the visitor's address, not the proxy's.
    TRUSTED_PROXIES = 0
    # Links in e-mails need an absolute address; requests supply it, the CLI uses this.
    BASE_URL = "http://127.0.0.1:5000"
    # Counting rules (Wet banenafspraak): one job is 25.5 paid hours a week.
    HOURS_PER_JOB = "25.5"
    DURABLE_MONTHS = 12
    SMALL_CELL_THRESHOLD = 5


def _coerce(value: str):
    """Read an environment value as JSON when it parses, else as a plain string."""
    try:
        return json.loads(value)
    except ValueError:
        return value


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
    for name, value in os.environ.items():
        if name.startswith(ENV_PREFIX):
            app.config[name.removeprefix(ENV_PREFIX)] = _coerce(value)
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
