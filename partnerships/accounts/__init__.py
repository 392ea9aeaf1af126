"""Accounts: login, passwords, invitations, organisations and their users."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)


@bp.record_once
def _init(state) -> None:
    from . import sessions

    sessions.init_app(state.app)


from . import (  # noqa: E402,F401
    admin,
    look,
    session_views,
    sso_admin,
    sso_views,
    two_factor_views,
    views,
)
