"""Partnerships: guides a public buyer and its suppliers through 'Partnerships voor meer banen'."""

from __future__ import annotations

import importlib
from pathlib import Path

from flask import Flask

from . import config as config_module
from .extensions import babel, csrf, db, login_manager, migrate
from .transaction import Partnerships

# One sub-package per domain, each with a blueprint named `bp` in its __init__.py.
DOMAINS = (
    "accounts",
    "pilots",
    "team",
    "actions",
    "meetings",
    "brainstorms",
    "contracts",
    "placements",
    "monitoring",
    "figures",
    "api",
    "reports",
    "socialreturn",
)
ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None, instance_path: str | Path | None = None) -> Flask:
    """Build the application: configuration, extensions, blueprints, CLI and error pages.

    `instance_path` moves local state (database, secret key, config.py) elsewhere, e.g. in tests.
    """
    app = Partnerships(
        __name__,
        instance_path=str(instance_path or ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    config_module.load(app, config)

    from . import concurrency, documents, fragments, i18n, once, reading, web

    db.init_app(app)
    reading.init_app(app)  # first: its before_request runs before any other reads
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app, babel)
    web.init_app(app)
    concurrency.init_app(app)
    once.init_app(app)
    documents.init_app(app)
    fragments.init_app(app)
    _enable_sqlite_pragmas(app)

    from . import models  # noqa: F401  (registers every table on the metadata)

    for domain in DOMAINS:
        module = importlib.import_module(f"{__name__}.{domain}")
        # Its pages, before the blueprint is registered. The job domains (contracts,
        # placements, monitoring, figures) use each other's models and services, so their
        # packages import no views themselves: that would make an import cycle.
        _import_part(domain, "views")
        app.register_blueprint(module.bp)
        # Optional parts of a domain: its access rules, its completion checks and its part
        # of the daily reminder e-mail.
        for part in ("rules", "checks", "reminders"):
            _import_part(domain, part)

    from . import cli, workflows_registry

    cli.init_app(app)
    workflows_registry.init_app(app)
    return app


def _import_part(domain: str, part: str) -> None:
    """Import `partnerships.<domain>.<part>` if the domain has that module."""
    name = f"{__name__}.{domain}.{part}"
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise


def _enable_sqlite_pragmas(app: Flask) -> None:
    """Foreign keys on and WAL for SQLite, which leaves both off by default."""
    from sqlalchemy import event

    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    from sqlalchemy.engine import make_url

    from .files import private_sqlite

    name = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    path = Path(name) if name and name != ":memory:" and not name.startswith("file:") else None
    if path is not None and path.parent.is_dir():
        private_sqlite(path)  # before SQLite creates it with the umask's mode

    with app.app_context():
        engine = db.engine

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
            if path is not None:
                private_sqlite(path)  # the WAL and shared-memory files it just made
