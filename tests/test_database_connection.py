"""The database connection survives what happens to databases: a restart, a killed session."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from partnerships.extensions import db


def test_a_page_loads_after_the_databases_connections_were_killed(app, make, login_as):
    """As after a PostgreSQL restart: every connection the app pooled is gone."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip(
            "SQLite has no server whose connections can be killed; the case exists on "
            "PostgreSQL only"
        )
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    assert client.get(f"/pilots/{pilot.id}").status_code == 200  # the pool holds a connection
    db.session.commit()
    pooled = db.engine.pool.checkedin()
    assert pooled >= 1
    # Another connection, outside the app's pool, ends every other session of this database.
    killer = create_engine(db.engine.url, poolclass=NullPool)
    with killer.connect() as connection:
        killed = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend'"
            )
        ).scalar()
    killer.dispose()
    assert killed >= pooled
    assert client.get(f"/pilots/{pilot.id}").status_code == 200
