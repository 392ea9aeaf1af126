"""The organisation administrator's pages: counting settings and API tokens."""

from __future__ import annotations

import secrets

from flask import abort, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, audit
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from ..forms import ButtonForm
from ..htmx import invalid, redirect_to
from . import api_limits, bp
from .admin_forms import ApiTokenForm, SettingsForm, lines
from .choices import DEFAULT_PLACEMENT_KINDS, DEFAULT_TARGET_GROUPS
from .models import ApiToken
from .settings import dump_list, placement_kinds, settings_for, target_groups

TOKEN_PREFIX = "pvmb_"  # noqa: S105 (a visible prefix, not a secret)


def _require_buyer_admin():
    access.require("organisation.buyer_settings", current_user.organisation)
    return current_user.organisation


@bp.route("/organisation/jobs-settings", methods=["GET", "POST"])
@login_required
def settings():
    """The buyer's counting rules, thresholds and lists (its admins only)."""
    organisation = _require_buyer_admin()
    row = settings_for(organisation.id)
    form = SettingsForm(obj=None if request.method == "POST" else row)
    if not form.is_submitted():
        groups, kinds = target_groups(row), placement_kinds(row)
        form.target_groups.data = list(groups.defaults_in_use)
        form.own_target_groups.data = "\n".join(groups.own)
        form.placement_kinds.data = list(kinds.defaults_in_use)
        form.own_placement_kinds.data = "\n".join(kinds.own)
        form.version.data = row.version
    if form.validate_on_submit():
        if row.id is None:
            if str(form.version.data) != "0":
                claim(row, form.version.data)  # someone saved first: refuse as stale
            db.session.add(row)
            row.version = 1
        else:
            claim(row, form.version.data)
        for name in (
            "hours_per_job",
            "durable_months",
            "sr_threshold",
            "sr_min_months",
            "route_2b_threshold",
        ):
            setattr(row, name, form[name].data)
        row.target_groups = dump_list(
            [c for c in DEFAULT_TARGET_GROUPS if c in form.target_groups.data],
            [x for x in lines(form.own_target_groups.data) if x not in DEFAULT_TARGET_GROUPS],
        )
        row.placement_kinds = dump_list(
            [c for c in DEFAULT_PLACEMENT_KINDS if c in form.placement_kinds.data],
            [x for x in lines(form.own_placement_kinds.data) if x not in DEFAULT_PLACEMENT_KINDS],
        )
        audit.record("jobs.settings", organisation.name, organisation=organisation)
        flash(_("Settings saved."), "success")
        return redirect_to(url_for("jobs.settings"))
    if form.is_submitted():
        return invalid("jobs/settings.html", form=form, organisation=organisation)
    return render_template("jobs/settings.html", form=form, organisation=organisation)


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
    organisation = _require_buyer_admin()
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
        "jobs/api_tokens.html",
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
    organisation = _require_buyer_admin()
    token = db.session.get(ApiToken, token_id)
    if token is None or token.organisation_id != organisation.id:
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token.revoked", token.name, organisation=organisation)
    flash(_("Token revoked. Tools using it can no longer read data."), "success")
    return redirect_to(url_for("jobs.api_tokens"))
