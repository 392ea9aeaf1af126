"""Configuration: defaults, then instance/config.py, then PARTNERSHIPS_* environment."""

from __future__ import annotations

import stat

import pytest
from flask import Flask
from sqlalchemy import text

from partnerships import config as config_module
from partnerships import create_app
from partnerships.extensions import db


@pytest.fixture
def clean_env(monkeypatch):
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "PARTNERSHIPS_MAIL_PORT",
        "PARTNERSHIPS_BASE_URL",
        "PARTNERSHIPS_MAIL_SERVER",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _bare_app(instance) -> Flask:
    return Flask("config_test", instance_path=str(instance), instance_relative_config=True)


def test_a_secret_key_is_generated_once_into_the_instance_with_mode_0600(tmp_path, clean_env):
    instance = tmp_path / "instance"
    app = create_app(instance_path=instance)
    key_file = instance / "secret_key"
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert app.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(app.config["SECRET_KEY"]) >= 48
    # The default database lives in the instance folder too.
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'partnerships.sqlite'}"
    again = create_app(instance_path=instance)
    assert again.config["SECRET_KEY"] == app.config["SECRET_KEY"]


def test_two_instances_get_different_keys(tmp_path, clean_env):
    first, second = _bare_app(tmp_path / "a"), _bare_app(tmp_path / "b")
    config_module.load(first)
    config_module.load(second)
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_secret_key_from_the_environment_is_not_written_down(tmp_path, clean_env):
    clean_env.setenv("SECRET_KEY", "from-the-environment")
    app = _bare_app(tmp_path)
    config_module.load(app)
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_instance_config_overrides_defaults_and_environment_overrides_both(tmp_path, clean_env):
    (tmp_path / "config.py").write_text(
        'MAIL_PORT = 2525\nBASE_URL = "https://partnerships.example.nl"\nMAIL_SERVER = "smtp.a"\n'
    )
    clean_env.setenv("PARTNERSHIPS_MAIL_SERVER", "smtp.b")
    clean_env.setenv("PARTNERSHIPS_MAIL_PORT", "587")
    app = _bare_app(tmp_path)
    config_module.load(app)
    assert app.config["LOGIN_MAX_FAILURES"] == 5  # default
    assert app.config["BASE_URL"] == "https://partnerships.example.nl"  # instance file
    assert app.config["MAIL_SERVER"] == "smtp.b"  # environment beats the file
    assert app.config["MAIL_PORT"] == 587  # read as JSON: a number


def test_environment_values_that_are_not_json_stay_strings(tmp_path, clean_env):
    clean_env.setenv("PARTNERSHIPS_MAIL_SERVER", "mail.example.nl")
    clean_env.setenv("PARTNERSHIPS_MAIL_USE_TLS", "true")
    app = _bare_app(tmp_path)
    config_module.load(app)
    assert app.config["MAIL_SERVER"] == "mail.example.nl"
    assert app.config["MAIL_USE_TLS"] is True


def test_database_url_switches_the_database(tmp_path, clean_env):
    clean_env.setenv("DATABASE_URL", "postgresql+psycopg://user:pass@db.example/partnerships")
    app = _bare_app(tmp_path)
    config_module.load(app)
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_explicit_settings_win_over_everything(tmp_path, clean_env):
    clean_env.setenv("PARTNERSHIPS_MAIL_PORT", "587")
    app = _bare_app(tmp_path)
    config_module.load(app, {"MAIL_PORT": 1025})
    assert app.config["MAIL_PORT"] == 1025


def test_the_development_server_drops_secure_cookies_only_there(tmp_path, clean_env):
    dev, prod = _bare_app(tmp_path / "dev"), _bare_app(tmp_path / "prod")
    config_module.load(dev, {"DEVELOPMENT": True})
    config_module.load(prod)
    assert dev.config["SESSION_COOKIE_SECURE"] is False
    assert prod.config["SESSION_COOKIE_SECURE"] is True


def test_sqlite_has_foreign_keys_and_wal(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas; this run uses PostgreSQL")
    assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_behind_a_proxy_the_visitors_address_counts(tmp_path, clean_env):
    from flask import request

    app = create_app(
        {
            "TRUSTED_PROXIES": 1,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}",
        },
        instance_path=tmp_path,
    )

    @app.route("/whoami")
    def whoami():
        return request.remote_addr

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "198.51.100.7"})
    assert response.text == "198.51.100.7"
