"""Fixtures shared by every test layer: a real database (SQLite or PostgreSQL), the app,
a client, factories, and a logged-in helper.

The database is migrated once per session with the real migrations and emptied after
every test. Set DATABASE_URL to run the whole suite on PostgreSQL.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import count

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings
from sqlalchemy import text
from werkzeug.security import generate_password_hash

import partnerships.models  # noqa: F401 (every model mapped before a test module imports a domain)
from partnerships import changes, create_app, fragments
from partnerships.extensions import db

# The browser fixtures (live server, Chromium, axe) are shared by tests/browser and
# tests/quality; loading them once here keeps one Playwright and one server per session.
pytest_plugins = ["tests.browser.fixtures", "tests.webform"]

# Property tests measure no time: on a shared two-core machine a slow draw or example says
# nothing about the code, and failed the suite (HealthCheck.too_slow, the 200 ms deadline).
settings.register_profile(
    "suite", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("suite")

PASSWORD = "correct horse battery"
_PASSWORD_HASH = generate_password_hash(PASSWORD, method="scrypt")
_serial = count(1)


def pytest_configure(config):
    """Under pytest-xdist, give each worker its own PostgreSQL database.

    Workers run at the same time and every test empties the tables it used, so two workers
    on one database would empty each other's rows. The worker's database replaces
    DATABASE_URL in the environment, so that whatever reads it (the app fixture, the servers
    the quality tests start) uses the worker's own. SQLite needs nothing: each worker has its
    own temporary folder.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get("DATABASE_URL")
    if not worker or not url or not url.startswith("postgresql"):
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    os.environ["DATABASE_URL"] = base.set(database=name).render_as_string(hide_password=False)


def database_url(tmp_path_factory) -> str:
    """PostgreSQL when DATABASE_URL is set (CI runs both), else a fresh SQLite file."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


TEST_CONFIG = {
    "TESTING": True,
    "WTF_CSRF_ENABLED": False,
    "MAIL_SERVER": None,
    "SESSION_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_SECURE": False,
    "SERVER_NAME": None,
    # The domains' tests log admins in directly; tests/accounts/test_two_factor.py switches
    # this on and shows that an admin must enrol before reaching any page.
    "TWO_FACTOR_FOR_ADMINS": False,
    # One key for the test app and the live server (and none written into instance/).
    "ENCRYPTION_KEY": "OCCSMToBCNT8LM5uV-fUecGokItx1IeK_YqSnxrsz2k=",
}


def start_session(user) -> str:
    """A server-side session for the user, as signing in makes; returns its cookie secret."""
    from partnerships.accounts import sessions

    secret = sessions.start(user)
    db.session.commit()
    return secret


class FreshGlobalsClient(FlaskClient):
    """A test client whose every request starts with an empty `g`, as in production.

    The `app` fixture keeps one app context pushed for the whole test (so that tests can use
    db.session), and Flask reuses a pushed app context for requests. Without this, what one
    request caches in g (the logged-in user, the locale, standings, the CSRF token) would
    leak into the next request, even one made by another client.
    """

    def open(self, *args, **kwargs):
        hand_built = kwargs.pop("hand_built", False)
        if (
            not hand_built
            and args
            and isinstance(args[0], str)
            and (kwargs.get("method") or "GET").upper() == "POST"
            and "json" not in kwargs
        ):
            from tests.rendered import judge, verdict

            problem = verdict(self, args[0], kwargs.get("data"))
            response = self._open(*args, **kwargs)
            judge(problem, response)
            return response
        return self._open(*args, **kwargs)

    def _open(self, *args, **kwargs):
        if has_app_context():
            vars(g._get_current_object()).clear()
        # A server closes every response once it is sent, which runs the work registered
        # to happen after the response (mail that must not make the answer slower).
        kwargs.setdefault("buffered", True)
        response = super().open(*args, **kwargs)
        # The page in the browser: a form it gives back (with a question, or more rows) is
        # what the next post of the test may fill (tests/rendered.py).
        if response.status_code in (200, 422) and response.mimetype == "text/html":
            self.last_page = (response.request.path, response.get_data(as_text=True))
        return response


@pytest.fixture(scope="session")
def _app(tmp_path_factory):
    url = database_url(tmp_path_factory)
    app = create_app(
        {
            **TEST_CONFIG,
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "test-secret-not-for-production",
        }
    )
    app.test_client_class = FreshGlobalsClient
    from flask_migrate import upgrade

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    yield app
    # Close the pooled connections now: left to the garbage collector at exit, psycopg
    # warns about each (and warnings are errors here).
    with app.app_context():
        db.engine.dispose()


def empty_all_tables() -> None:
    """Remove every row, children first (a truncate on PostgreSQL)."""
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(_app):
    """The application with an empty, migrated database; emptied again afterwards."""
    saved = dict(_app.config)
    with _app.app_context():
        yield _app
        db.session.rollback()
        db.session.remove()
        empty_all_tables()
    # Emptied tables restart their ids: no rendered fragment of this test may meet the next.
    fragments.forget_all(_app)
    changes.forget_all(_app)
    _app.config.clear()
    _app.config.update(saved)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# --- factories ---


def make_org(name=None, kind="buyer", **fields):
    from partnerships.accounts.models import Organisation

    n = next(_serial)
    if kind == "buyer":
        fields.setdefault("buyer_type", "gemeente")
    org = Organisation(name=name or f"Organisation {n}", kind=kind, **fields)
    db.session.add(org)
    db.session.flush()
    return org


def make_user(org=None, email=None, name=None, **fields):
    from partnerships.accounts.models import User

    n = next(_serial)
    org = org or make_org()
    user = User(
        email=email or f"user{n}@example.org",
        name=name or f"User {n}",
        organisation=org,
        password_hash=_PASSWORD_HASH,
        **fields,
    )
    db.session.add(user)
    db.session.flush()
    return user


def make_pilot(org=None, coordinator=None, **overrides):
    """A pilot on the real workflow; its coordinator is created unless given."""
    from partnerships.pilots.services import start_pilot

    org = org or (coordinator.organisation if coordinator else make_org())
    coordinator = coordinator or make_user(org)
    fields = dict(
        title="Pilot schoonmaak",
        purchasing_category="cleaning",
        start_date=date(2026, 1, 1),
        goal_jobs=Decimal("4"),
    )
    fields.update(overrides)
    pilot = start_pilot(org, coordinator, **fields)
    db.session.flush()
    return pilot


def add_member(pilot, user=None, role="hr_expert", **fields):
    from partnerships.pilots.models import Membership

    user = user or make_user(pilot.organisation)
    supplier_org_id = user.organisation_id if role == "supplier" else None
    db.session.add(
        Membership(
            pilot_id=pilot.id,
            user_id=user.id,
            role=role,
            supplier_organisation_id=supplier_org_id,
            **fields,
        )
    )
    db.session.flush()
    return user


def make_contract(pilot, suppliers, title="Schoonmaak", **fields):
    """A cleaning service contract of the pilot's organisation with these suppliers: the
    relationship that lets a buyer invite a supplier's contacts and place people."""
    from partnerships.contracts.models import Contract, ContractSupplier

    values = dict(
        kind="contract",
        category="cleaning",
        nature="service",
        start_date=date(2026, 1, 1),
        end_date=date(2027, 12, 31),
    )
    contract = Contract(organisation_id=pilot.organisation_id, title=title, **values | fields)
    contract.suppliers = [ContractSupplier(organisation_id=s.id) for s in suppliers]
    contract.pilots.append(pilot)
    db.session.add(contract)
    db.session.flush()
    return contract


def make_meeting(pilot, planner, kind="kickoff", title="Overleg"):
    """A meeting on 10 March 2026 from 9 to 10 (UTC), its planner the one participant."""
    from partnerships.meetings import agenda

    return agenda.plan_meeting(
        pilot,
        planner,
        kind=kind,
        title=title,
        starts_at=datetime(2026, 3, 10, 9, tzinfo=UTC),
        ends_at=datetime(2026, 3, 10, 10, tzinfo=UTC),
        participant_ids=[planner.id],
    )


class Factories:
    """Namespace handed to tests as the `make` fixture."""

    org = staticmethod(make_org)
    user = staticmethod(make_user)
    pilot = staticmethod(make_pilot)
    member = staticmethod(add_member)
    contract = staticmethod(make_contract)
    meeting = staticmethod(make_meeting)


@pytest.fixture
def make(app):
    return Factories


@pytest.fixture
def login_as(client):
    """Log a user in on the test client (the real login form is tested on its own)."""

    def _login(user):
        db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = start_session(user)
            session["_fresh"] = True
        return client

    return _login
