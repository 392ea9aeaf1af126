"""The migrations build exactly the schema the models describe, on a fresh database.

Every test database is built by the migrations alone (tests/conftest.py), and so are the
bench's: this is the test that names the difference when a model changes without its
migration.
"""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from partnerships import create_app
from partnerships.extensions import db


@pytest.fixture
def fresh_database_url(tmp_path):
    """A new, empty database: a temp SQLite file, or a throwaway PostgreSQL database."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    name = f"partnerships_migrations_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def fresh_app(fresh_database_url, tmp_path):
    """The app on the fresh database, inside its app context; its connections closed after."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "migrations",
            "SQLALCHEMY_DATABASE_URI": fresh_database_url,
        },
        instance_path=tmp_path,
    )
    with app.app_context():
        try:
            yield app
        finally:
            db.session.remove()
            db.engine.dispose()


def test_upgrade_on_a_fresh_database_matches_the_models(fresh_app):
    upgrade()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, db.metadata)
    assert not differences, (
        "The migrations do not match the models; generate one with "
        "`flask db migrate -m '...'` and check it:\n" + "\n".join(str(diff) for diff in differences)
    )


def test_migrations_run_down_and_up_again(fresh_app):
    """Every revision can be undone, so a bad deployment can be rolled back."""
    from flask_migrate import downgrade

    upgrade()
    downgrade(revision="base")
    upgrade()
