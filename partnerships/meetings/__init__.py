"""Meetings: agendas from the method's templates, minutes, and the decision register."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from . import views, views_decisions, views_exports, views_items  # noqa: E402,F401
