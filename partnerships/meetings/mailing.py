"""Invitations go out once a change is saved, and the planner hears which did not."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from flask_babel import ngettext

from .. import transaction


def say_failed(failed) -> None:
    """Say which invitations did not go out; the meeting page offers to send them again."""
    if failed:
        flash(
            _(
                "The meeting is saved, but these invitations did not go out: %(names)s. "
                "You can send them again from the meeting page.",
                names=", ".join(f"{r.name} <{r.email}>" for r in failed),
            ),
            "warning",
        )


def invite_after_commit(send, *args) -> None:
    """Mail once the change is saved: before the commit, a save that failed would still
    have invited people to a meeting that does not exist, or to a time that never held.
    What did not go out is recorded (and listed on the meeting page) and said at once."""
    transaction.after_commit(lambda: say_failed(send(*args)))


def say_failed_series(failed) -> None:
    """Say how many invitations of the series did not go out; the list below names them."""
    if failed:
        meetings = {meeting.id for meeting, _recipient in failed}
        flash(
            ngettext(
                "The meetings are saved, but %(num)s invitation did not go out. Below, "
                "under 'Messages that did not go out', the meeting's page sends it again.",
                "The meetings are saved, but %(num)s invitations to %(meetings)s meetings "
                "did not go out. Below, under 'Messages that did not go out', each meeting's "
                "page sends them again.",
                len(failed),
                meetings=len(meetings),
            ),
            "warning",
        )
