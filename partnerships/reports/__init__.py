"""Reports: progress notes and the board view, evaluation, policy, and sharing results."""

from flask import Blueprint

bp = Blueprint("reports", __name__)

from . import views  # noqa: E402,F401
