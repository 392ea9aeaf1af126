"""Meetings: agendas from the method's templates, minutes, and the decision register."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from . import (  # noqa: E402,F401
    views,
    views_decisions,
    views_exports,
    views_invitations,
    views_items,
    views_minutes,
)
