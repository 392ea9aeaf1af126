"""The SQL statements a block of test code sends: for the tests that hold a page's cost to a
fixed number of statements, whatever the amount of data behind it."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from partnerships.extensions import db


@contextmanager
def sql_statements():
    """Every SQL statement sent to the database while the block runs, in order."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
