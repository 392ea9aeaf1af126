"""Brainstorms: shared boards with suppliers (Bijlage III); see ARCHITECTURE.md."""

from flask import Blueprint

bp = Blueprint("brainstorms", __name__)

from . import exports, poll, views, views_cards, views_people, views_work  # noqa: E402,F401
