"""The request commits what it wrote, also when the writing happened inside a savepoint."""

from __future__ import annotations

from sqlalchemy import text

from partnerships import transaction
from partnerships.extensions import db


def _name_seen_by_another_connection(org_id: int) -> str:
    with db.engine.connect() as other:
        return other.execute(
            text("SELECT name FROM organisation WHERE id = :id"), {"id": org_id}
        ).scalar_one()


def test_a_write_inside_a_released_savepoint_is_committed_with_the_request(app, make):
    # Seeing an answer to a board remark adds its row inside begin_nested, so that two clicks
    # at once settle on the unique constraint. Releasing the savepoint ended the request's
    # memory that it wrote, and the request's one commit was skipped: on PostgreSQL the row
    # was gone with the connection's rollback.
    org = make.org(name="Gemeente Oud")
    db.session.commit()
    with app.test_request_context("/", method="POST"):
        with db.session.begin_nested():
            org.name = "Gemeente Nieuw"
            db.session.flush()
        transaction.finish(200)
        db.session.rollback()  # what the end of the request does with anything left open
    assert _name_seen_by_another_connection(org.id) == "Gemeente Nieuw"
