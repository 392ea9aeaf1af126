"""The organisation admin's social return policy: which scheme, and the thresholds."""

from __future__ import annotations

from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, htmx
from ..figures import settings as jobs_settings
from ..figures.settings import settings_for
from . import bp, policy, present, services
from .forms import PolicyForm


def policy_organisation():
    """The signed-in admin's buyer organisation, or 403 (rules.py: sr.policy)."""
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


def _own_view(organisation_id: int, versions) -> list[dict]:
    """The newest own scheme's elements as the policy page lists them."""
    if not versions:
        return []
    scheme = policy.parse_own(versions[0].text, organisation_id)[0]
    if scheme is None:
        return []
    found = settings_for(organisation_id)
    return present.own_elements(
        scheme,
        groups=dict(jobs_settings.target_group_choices(found)),
        kinds=dict(jobs_settings.placement_kind_choices(found)),
    )


@bp.route("/organisation/social-return", methods=["GET", "POST"])
@login_required
def policy_settings():
    """The buyer's social return policy: scheme and thresholds."""
    organisation = policy_organisation()
    row = settings_for(organisation.id)
    versions = policy.own_versions(organisation.id)
    policy_form = PolicyForm(prefix="policy")
    policy_form.scheme.choices = _scheme_choices(organisation.id, bool(versions))
    if request.method == "GET":
        policy_form.scheme.data = row.sr_scheme or policy.DEFAULT_SCHEME
        policy_form.policy_source.data = row.sr_policy_source
        policy_form.threshold_work.data = row.sr_value_threshold_work
        policy_form.threshold_service.data = row.sr_value_threshold_service
        policy_form.threshold_supply.data = row.sr_value_threshold_supply
    return htmx.submit(
        policy_form,
        lambda: services.save_policy(organisation, policy_form),
        again=lambda: htmx.render(
            "socialreturn/policy.html",
            organisation=organisation,
            policy_form=policy_form,
            versions=versions,
            own=_own_view(organisation.id, versions),
            schemes=[
                present.scheme_view(s)
                for s in sorted(policy.shipped().values(), key=lambda s: s.ref)
            ],
        ),
        done=url_for("socialreturn.policy_settings"),
        said=_("Social return policy saved."),
    )
