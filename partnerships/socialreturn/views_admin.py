"""The organisation admin's social return policy: scheme, thresholds and an own scheme."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access
from ..figures.settings import settings_for
from ..htmx import invalid, redirect_to
from . import bp, policy, present, services
from .forms import OwnSchemeForm, PolicyForm


def _organisation():
    organisation = current_user.organisation
    if not access.can(current_user, "sr.policy", organisation):
        abort(403)
    return organisation


def _scheme_choices(organisation_id: int, has_own: bool) -> list[tuple[str, str]]:
    newest = {}
    for scheme in policy.shipped().values():
        if scheme.key not in newest or scheme.version > newest[scheme.key].version:
            newest[scheme.key] = scheme
    result = [
        (key, f"{present.scheme_view(s)['title']} (v{s.version})")
        for key, s in sorted(newest.items())
    ]
    if has_own:
        result.append((policy.OWN, _("Our own scheme (newest version)")))
    return result


def _example_text() -> str:
    path = Path(current_app.config["VALUATION_DIR"]) / "regional-bouwblokken.toml"
    return path.read_text() if path.exists() else ""


@bp.route("/organisation/social-return", methods=["GET", "POST"])
@login_required
def policy_settings():
    """The buyer's social return policy: scheme and thresholds."""
    organisation = _organisation()
    row = settings_for(organisation.id)
    versions = policy.own_versions(organisation.id)
    policy_form = PolicyForm(prefix="policy")
    policy_form.scheme.choices = _scheme_choices(organisation.id, bool(versions))
    scheme_form = OwnSchemeForm(prefix="own")
    problems = []
    if request.method == "GET":
        policy_form.scheme.data = row.sr_scheme or policy.DEFAULT_SCHEME
        policy_form.policy_source.data = row.sr_policy_source
        policy_form.threshold_work.data = row.sr_value_threshold_work
        policy_form.threshold_service.data = row.sr_value_threshold_service
        policy_form.threshold_supply.data = row.sr_value_threshold_supply
        scheme_form.text.data = versions[0].text if versions else _example_text()
    elif "own-text" in request.form:
        if scheme_form.validate_on_submit():
            saved, problems = services.save_own_scheme(
                organisation, current_user, scheme_form.text.data
            )
            if saved is not None:
                flash(_("Version %(n)d of your own scheme saved.", n=saved.version), "success")
                return redirect_to(url_for("socialreturn.policy_settings"))
    elif policy_form.validate_on_submit():
        services.save_policy(organisation, policy_form)
        flash(_("Social return policy saved."), "success")
        return redirect_to(url_for("socialreturn.policy_settings"))
    context = dict(
        organisation=organisation,
        policy_form=policy_form,
        scheme_form=scheme_form,
        problems=problems,
        versions=versions,
        schemes=[
            present.scheme_view(s) for s in sorted(policy.shipped().values(), key=lambda s: s.ref)
        ],
    )
    if request.method == "POST":
        return invalid("socialreturn/policy.html", **context)
    return render_template("socialreturn/policy.html", **context)
