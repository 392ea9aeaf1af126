"""Accounts: login, passwords, invitations, organisations and their users."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from . import admin, views  # noqa: E402,F401
