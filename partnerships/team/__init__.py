"""The working group: memberships in the method's roles, invitations into a role, RACI."""

from flask import Blueprint

bp = Blueprint("team", __name__)

from . import views  # noqa: E402,F401
