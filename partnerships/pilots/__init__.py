"""Pilots: the pilot, its working group and roles, RACI, and step progress (the stepper)."""

from flask import Blueprint

bp = Blueprint("pilots", __name__)

from . import views  # noqa: E402,F401
