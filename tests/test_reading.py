"""On PostgreSQL a page that only reads runs without a transaction (no BEGIN, no ROLLBACK),
and whatever writes, in any request, still writes in one transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import event, select

from partnerships.accounts.signin_models import UserSession
from partnerships.database import utcnow
from partnerships.extensions import db

pytestmark = pytest.mark.usefixtures("app")


@pytest.fixture
def postgresql(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's driver begins a transaction only before a write already")


@pytest.fixture
def statements(app):
    """(the statement, whether the server was inside a transaction after it), in order."""
    seen = []

    def _after(connection, _cursor, statement, _params, _context, _many):
        status = connection.connection.driver_connection.info.transaction_status
        seen.append((" ".join(statement.split())[:60], status != TransactionStatus.IDLE))

    event.listen(db.engine, "after_cursor_execute", _after)
    yield seen
    event.remove(db.engine, "after_cursor_execute", _after)


def test_a_page_reads_outside_a_transaction(postgresql, make, login_as, statements):
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    page = f"/pilots/{pilot.id}"
    db.session.commit()  # as on a server, the request starts with no transaction open
    statements.clear()
    assert client.get(page).status_code == 200
    assert statements, "the page read nothing"
    assert [s for s, in_transaction in statements if in_transaction] == [], statements


def test_a_post_writes_in_a_transaction(postgresql, make, web, statements):
    pilot = make.pilot()
    user = web(pilot.memberships[0].user)
    statements.clear()
    response = user.submit(f"/pilots/{pilot.id}/actions/new", title="Werkplekken inventariseren")
    assert response.status_code in (302, 303), response.text[:2000]
    writes = [(s, t) for s, t in statements if s.startswith(("INSERT", "UPDATE"))]
    assert writes and all(in_transaction for _, in_transaction in writes)


def test_a_write_within_a_reading_request_is_one_transaction(postgresql, app, make):
    """A GET that writes (it should not, but may) can still roll its writes back."""
    org = make.org(name="Gemeente Leesstad")
    db.session.commit()
    with app.test_request_context("/pilots", method="GET"):
        app.preprocess_request()
        assert db.session.scalar(select(db.func.count()).select_from(UserSession)) == 0
        org.name = "Gemeente Schrijfstad"
        db.session.flush()
        connection = db.session.connection().connection.driver_connection
        assert connection.info.transaction_status == TransactionStatus.INTRANS
        db.session.rollback()
    assert db.session.scalar(select(org.__class__.name).where(org.__class__.id == org.id)) == (
        "Gemeente Leesstad"
    )


def test_the_session_touch_of_a_page_is_written_in_a_transaction(
    postgresql, make, login_as, statements
):
    """Bookkeeping on a GET (the session's last-seen moment) is a transaction of its own."""
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    an_hour_ago = utcnow() - timedelta(hours=1)
    db.session.execute(db.update(UserSession).values(last_seen_at=an_hour_ago))
    page = f"/pilots/{pilot.id}"
    db.session.commit()
    statements.clear()
    assert client.get(page).status_code == 200
    touches = [t for s, t in statements if s.startswith("UPDATE user_session")]
    assert touches == [True]
    db.session.rollback()
    seen = db.session.scalar(select(UserSession.last_seen_at))
    assert seen > an_hour_ago


def test_pooled_connections_rest_outside_a_transaction(postgresql, make, login_as):
    """The pool's liveness check at the next checkout then opens no transaction either."""
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    assert client.get(f"/pilots/{pilot.id}").status_code == 200
    db.session.remove()
    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver.info.transaction_status == TransactionStatus.IDLE
