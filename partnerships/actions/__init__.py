"""Actions: SMART actions by role, My tasks, the 1d action plan and reminders."""

from flask import Blueprint

bp = Blueprint("actions", __name__)

from . import plan_views, views  # noqa: E402,F401
