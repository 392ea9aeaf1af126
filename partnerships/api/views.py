"""The organisation administrator's API tokens: making one (shown once) and revoking it.

The JSON API itself (api/v1.py) is a blueprint inside this package's, registered here.
"""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..figures.views import require_buyer_admin
from ..forms import ButtonForm
from ..htmx import redirect_to
from . import bp, tokens
from .forms import ApiTokenForm
from .models import ApiToken
from .v1 import api

bp.register_blueprint(api)


def _tokens(organisation_id):
    return db.session.scalars(
        select(ApiToken)
        .where(ApiToken.organisation_id == organisation_id)
        .order_by(ApiToken.created_at.desc())
    ).all()


@bp.route("/organisation/api-tokens", methods=["GET", "POST"])
@login_required
def api_tokens():
    """The organisation's API tokens, and making a new one."""
    organisation = require_buyer_admin()
    form = ApiTokenForm()
    new_token = None
    # Not htmx.submit: the new token is shown once, in this very answer (no redirect, no
    # cache), so that it is never stored or sent again.
    if form.validate_on_submit():
        secret = tokens.issue(organisation, current_user, form.name.data, int(form.lifetime.data))
        new_token, form = secret, ApiTokenForm(formdata=None)
    status = 422 if form.errors else 200
    response = render_template(
        "api/api_tokens.html",
        form=form,
        new_token=new_token,
        tokens=_tokens(organisation.id),
        button=ButtonForm(),
        organisation=organisation,
        now=utcnow(),
    )
    return response, status, {"Cache-Control": "no-store"}


@bp.route("/organisation/api-tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def api_token_revoke(token_id):
    """Revoke an API token."""
    organisation = require_buyer_admin()
    token = db.session.get(ApiToken, token_id)
    if token is None or token.organisation_id != organisation.id:
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    tokens.revoke(token, organisation)
    flash(_("Token revoked. Tools using it can no longer read data."), "success")
    return redirect_to(url_for("api.api_tokens"))
