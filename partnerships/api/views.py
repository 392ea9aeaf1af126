"""The organisation administrator's API tokens: making one (shown once) and revoking it.

The JSON API itself (api/v1.py) is a blueprint inside this package's, registered here.
"""

from __future__ import annotations

import secrets

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import audit
from ..database import utcnow
from ..extensions import db
from ..figures.views import require_buyer_admin
from ..forms import ButtonForm
from ..htmx import redirect_to
from . import bp
from . import limits as api_limits
from .forms import ApiTokenForm
from .models import ApiToken
from .v1 import api

TOKEN_PREFIX = "pvmb_"  # noqa: S105 (a visible prefix, not a secret)

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
    if form.validate_on_submit():
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        db.session.add(
            ApiToken(
                organisation_id=organisation.id,
                name=form.name.data.strip(),
                token_hash=ApiToken.hash(secret),
                prefix=secret[:12],
                created_by_id=current_user.id,
                expires_at=api_limits.expiry(int(form.lifetime.data)),
            )
        )
        audit.record("api_token.created", form.name.data, organisation=organisation)
        # Shown once, in this response only: it is never stored or sent again.
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
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token.revoked", token.name, organisation=organisation)
    flash(_("Token revoked. Tools using it can no longer read data."), "success")
    return redirect_to(url_for("api.api_tokens"))
