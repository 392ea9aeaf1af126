"""On PostgreSQL, a request that only reads runs its statements without a transaction.

By default psycopg opens a transaction before the first statement on a connection (a BEGIN,
one round trip to the server), the pool's liveness check (`pool_pre_ping`) is such a first
statement, and every request ends with a ROLLBACK (another round trip) that also makes
psycopg forget how often it ran each statement, so that none is ever prepared on the server
(psycopg prepares a statement from its fifth use on a connection). A page that reads
five things paid three round trips of bookkeeping and parsed every statement anew.

In autocommit mode each SELECT sees what was committed when it began: exactly what it sees
inside a transaction under READ COMMITTED, PostgreSQL's default and ours. So a GET (HEAD,
OPTIONS) request reads in autocommit mode: the BEGIN and the ROLLBACK go, and statements
get prepared. Pooled connections rest in autocommit mode, so that the liveness check opens
no transaction either; every transaction that is not a reading request's (a POST, a CLI
command, `engine.begin()`) turns autocommit off before its first statement, as before.

Should a reading request write after all (the rule is that GET changes nothing, but a
flush or an UPDATE may come), the connection leaves autocommit mode before that first write,
so its writes form one transaction that the request's single commit ends (transaction.py).

SQLite needs none of this: its driver begins a transaction only before a write.
"""

from __future__ import annotations

from flask import Flask, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from .extensions import db

READING = "partnerships.reading"
AUTOCOMMIT = "partnerships.autocommit"  # the connection this session reads on
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _idle(dbapi_connection) -> bool:
    """Nothing begun on the server: psycopg allows switching autocommit only then."""
    from psycopg.pq import TransactionStatus

    return (
        not dbapi_connection.closed
        and dbapi_connection.info.transaction_status == TransactionStatus.IDLE
    )


def _set_autocommit(dbapi_connection, on: bool) -> None:
    if dbapi_connection.autocommit != on and _idle(dbapi_connection):
        dbapi_connection.autocommit = on


def init_app(app: Flask) -> None:
    """Read without a transaction on PostgreSQL (through psycopg); nothing on SQLite."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
        return

    @event.listens_for(engine, "checkin")
    def _rest_in_autocommit(dbapi_connection, _record):
        # Returned (after the pool's rollback): the next liveness check opens no transaction.
        if dbapi_connection is not None:
            _set_autocommit(dbapi_connection, True)

    @event.listens_for(engine, "begin")
    def _transaction(connection):
        # Any transaction starts as a real one, unless its caller chose an isolation level.
        if "isolation_level" not in connection.get_execution_options():
            _set_autocommit(connection.connection.driver_connection, False)

    @app.before_request
    def _reading():
        if request.method in SAFE_METHODS:
            db.session.info[READING] = True

    @app.teardown_request
    def _done(_exc):
        # The session may outlive the request (tests keep one app context for many
        # requests); what it does next is a transaction again.
        session = db.session
        if session.info.pop(READING, None):
            _to_transaction(session)


def _to_transaction(session: Session) -> None:
    """From here on the session's statements run in a transaction."""
    session.info.pop(READING, None)
    connection = session.info.pop(AUTOCOMMIT, None)
    if connection is not None and not connection.closed:
        _set_autocommit(connection.connection.driver_connection, False)


@event.listens_for(Session, "after_begin")
def _read_in_autocommit(session, _transaction, connection):
    if session.info.get(READING) and connection.dialect.driver == "psycopg":
        _set_autocommit(connection.connection.driver_connection, True)
        session.info[AUTOCOMMIT] = connection


@event.listens_for(Session, "after_transaction_end")
def _released(session, transaction):
    if transaction.parent is None:  # the connection goes back to the pool, which resets it
        session.info.pop(AUTOCOMMIT, None)


@event.listens_for(Session, "before_flush")
def _flush_writes(session, _context, _instances):
    if session.info.get(READING):
        _to_transaction(session)


@event.listens_for(Session, "do_orm_execute")
def _statement_writes(state):
    if not state.is_select and state.session.info.get(READING):
        _to_transaction(state.session)
