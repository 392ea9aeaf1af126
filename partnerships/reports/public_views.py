"""Sharing results (5d): managing the public page, the page itself, and the accessibility
statement, the two pages anyone may open without logging in."""

from __future__ import annotations

from datetime import date

from flask import current_app, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, htmx
from ..documents import page
from ..forms import ButtonForm
from . import bp, documents, sharing
from . import figures as key
from .forms import StoryForm

# The date the accessibility statement was last reviewed; update it with the statement.
STATEMENT_DATE = date(2026, 11, 21)


def _public_figures(pilot) -> dict:
    return key.for_display(key.key_figures(pilot, suppress=True), suppress=True)


@bp.route("/pilots/<int:pilot_id>/results", methods=["GET", "POST"])
@login_required
def results(pilot_id):
    """The pilot's public results page: its story and whether it is shared."""
    pilot = access.load_pilot(pilot_id, "results.manage")
    row = sharing.results_of(pilot)
    form = StoryForm(obj=row, version=row.version if row else 0)
    return htmx.submit(
        form,
        lambda: sharing.save_story(
            pilot, current_user, version=form.version.data, story=form.story.data
        ),
        again=lambda: _results_page(pilot, form),
        done=url_for("reports.results", pilot_id=pilot.id),
        said=_("Story saved."),
    )


def _results_page(pilot, form: StoryForm):
    """The page that manages the public results, with the story form."""
    link = sharing.active_link(pilot)
    return htmx.render(
        "reports/results_manage.html",
        pilot=pilot,
        form=form,
        link=link,
        button=ButtonForm(),
        public_url=url_for("reports.public_results", token=link.token, _external=True)
        if link
        else None,
        figures=_public_figures(pilot),
    )


@bp.route("/pilots/<int:pilot_id>/results.<doc_format>")
@login_required
def results_document(pilot_id, doc_format):
    """The public results on one page, to print or send on; the same suppressed figures."""
    pilot = access.load_pilot(pilot_id, "results.manage")
    return page.respond(doc_format, lambda: documents.results(pilot))


@bp.route("/pilots/<int:pilot_id>/results/on", methods=["POST"])
@login_required
def results_on(pilot_id):
    """Share the pilot's results through a public link."""
    pilot = access.load_pilot(pilot_id, "results.manage")
    if ButtonForm().validate_on_submit():
        sharing.switch_on(pilot, current_user)
        flash(_("The results page is public now. Share the link below."), "success")
    return htmx.redirect_to(url_for("reports.results", pilot_id=pilot.id))


@bp.route("/pilots/<int:pilot_id>/results/off", methods=["POST"])
@login_required
def results_off(pilot_id):
    """Stop sharing the pilot's results."""
    pilot = access.load_pilot(pilot_id, "results.manage")
    if ButtonForm().validate_on_submit() and sharing.revoke(pilot, current_user):
        flash(_("The results page is offline; the old link no longer works."), "success")
    return htmx.redirect_to(url_for("reports.results", pilot_id=pilot.id))


def _no_index(response):
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/results/<token>")
def public_results(token):
    """A pilot's shared results, for anyone with the link (410 once revoked)."""
    link = sharing.find(token)
    if link is None or not link.active:
        status = 410 if link is not None else 404
        return _no_index(htmx.render("reports/results_gone.html", status=status))
    pilot = link.pilot
    story = getattr(sharing.results_of(pilot), "story", "")
    return _no_index(
        htmx.render(
            "reports/results_public.html",
            pilot=pilot,
            story=story,
            figures=_public_figures(pilot),
        )
    )


@bp.route("/accessibility")
def accessibility():
    """The accessibility statement."""
    config = current_app.config
    return htmx.render(
        "reports/accessibility.html",
        statement_date=STATEMENT_DATE,
        organisation=config.get("ACCESSIBILITY_ORGANISATION") or "Partnerships",
        contact=config.get("ACCESSIBILITY_CONTACT") or config.get("MAIL_DEFAULT_SENDER") or "",
    )
