"""The organisation admin defines its own valuation scheme as rows of a plain form.

Adding or removing an element sends the form back with the row added or gone, so it works
without JavaScript and nothing typed is lost; only "save" stores a new version.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..htmx import invalid, redirect_to
from ..i18n import locale_code
from ..jobs import settings as jobs_settings
from . import bp, policy, scheme_rows, schemes, services
from .forms import MAX_ELEMENTS, SchemeForm
from .views_admin import policy_organisation

EXAMPLE = "regional-bouwblokken.toml"
PAGE = "socialreturn/scheme.html"


def _vocabularies(organisation_id: int):
    """The organisation's target groups and kinds of work, with their labels."""
    found = jobs_settings.settings_for(organisation_id)
    return jobs_settings.target_group_choices(found), jobs_settings.placement_kind_choices(found)


def _as_data(scheme: schemes.Scheme, title: str, source: str) -> dict:
    return {
        "name": title,
        "source": source,
        "valid_from": scheme.published,
        "rows": [scheme_rows.element_of(r, scheme.published) for r in scheme.rates],
    }


def _example() -> dict:
    """The regional example (Rijnmond's emphasis on durable work) as a starting point."""
    path = Path(current_app.config["VALUATION_DIR"]) / EXAMPLE
    scheme, _problems = schemes.parse(path.read_text(), path)
    nl = locale_code() == "nl"  # the example's name and source in the page's language
    return _as_data(
        scheme,
        (nl and scheme.title_nl) or scheme.title,
        (nl and scheme.source_nl) or scheme.source,
    )


def _starting_point(organisation_id: int, start: str | None) -> tuple[dict, bool]:
    """The newest version of the own scheme, or the example (asked for, or when none)."""
    versions = policy.own_versions(organisation_id)
    if versions and start != "example":
        scheme = policy.parse_own(versions[0].text, organisation_id)[0]
        if scheme is not None:
            return _as_data(scheme, scheme.title, scheme.source), False
    return _example(), True


def _elements(form: SchemeForm) -> list[scheme_rows.Element]:
    elements = []
    for entry in form.rows:
        f = entry.form
        elements.append(
            scheme_rows.Element(
                effort=f.effort.data,
                amount=f.amount.data,
                target_groups=tuple(f.target_groups.data or ()),
                kinds=tuple(f.kinds.data or ()),
                start=f.start.data,
                until=f.until.data,
                first_year_only=f.first_year_only.data,
                pro_rata_hours=f.pro_rata_hours.data,
                full_time_hours=f.full_time_hours.data or schemes.DEFAULT_FULL_TIME_HOURS,
                durable_months=f.durable_months.data,
                durable_bonus=f.durable_bonus.data,
            )
        )
    return elements


def problems(form: SchemeForm) -> list[tuple[str, str]]:
    """(field id, message) for the error summary, in the order of the page."""
    found = []
    if "csrf_token" in form and form.csrf_token.errors:
        found.append(("", _("This form has expired. Send it again.")))
    for name in ("name", "source", "valid_from"):
        for message in form[name].errors:
            found.append((form[name].id, f"{form[name].label.text}: {message}"))
    for number, entry in enumerate(form.rows, start=1):
        for field in entry.form:
            for message in field.errors or ():
                label = _("Element %(n)d, %(field)s", n=number, field=field.label.text)
                found.append((field.id, f"{label}: {message}"))
    return found


def _page(form, organisation, *, from_example=False, status=200):
    context = dict(
        organisation=organisation,
        form=form,
        problems=problems(form) if status == 422 else [],
        versions=policy.own_versions(organisation.id),
        from_example=from_example,
        max_elements=MAX_ELEMENTS,
    )
    if status == 422:
        return invalid(PAGE, **context)
    return render_template(PAGE, **context)


@bp.route("/organisation/social-return/scheme", methods=["GET", "POST"])
@login_required
def own_scheme():
    """The organisation's own scheme: elements as rows, saved as a new version."""
    organisation = policy_organisation()
    groups, kinds = _vocabularies(organisation.id)
    if request.method == "GET":
        data, from_example = _starting_point(organisation.id, request.args.get("start"))
        form = SchemeForm(formdata=None, data=data)
        form.offer(groups, kinds)
        return _page(form, organisation, from_example=from_example)
    form = SchemeForm()
    form.offer(groups, kinds)
    action = request.form.get("action", "save")
    if action == "add":
        if len(form.rows) < MAX_ELEMENTS:
            form.rows.append_entry()
            form.offer(groups, kinds)
        return _page(form, organisation)
    if action.startswith("remove-"):
        position = action.removeprefix("remove-")
        if position.isdigit() and int(position) < len(form.rows) and len(form.rows) > 1:
            form.rows.entries.pop(int(position))
        return _page(form, organisation)
    if form.validate_on_submit() and not problems(form):
        try:
            saved = services.define_own_scheme(
                organisation,
                current_user,
                title=form.name.data,
                source=form.source.data,
                valid_from=form.valid_from.data,
                elements=_elements(form),
            )
        except services.Overlap as overlap:
            for later, earlier in overlap.pairs:
                form.rows[later].form.effort.errors.append(
                    _(
                        "Element %(n)d values the same effort, target group and kind of work "
                        "in the same period; set another period or group.",
                        n=earlier + 1,
                    )
                )
        else:
            if saved is None:
                flash(_("Nothing changed: the newest version of your scheme stays."), "info")
            else:
                flash(_("Version %(n)d of your own scheme saved.", n=saved.version), "success")
            return redirect_to(url_for("socialreturn.policy_settings"))
    return _page(form, organisation, status=422)
