"""An organisation's look: its token theme (a class on <body>) and the logo in the header.

The logo is kept in the database as bytes; only PNG and JPEG are taken (an SVG can carry
script), recognised by their first bytes rather than by the name or type the browser sends,
and served with the content type those bytes prove.
"""

from __future__ import annotations

from flask import Response, abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import BooleanField, FileField, RadioField
from wtforms.validators import ValidationError

from .. import access, audit
from ..extensions import db
from ..forms import Form, choices
from ..htmx import submit
from . import bp
from .models import Organisation

THEMES = {"blue": _l("Blue (default)"), "green": _l("Green")}
DEFAULT_THEME = "blue"
MAX_LOGO_BYTES = 200 * 1024
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def logo_type(data: bytes | None) -> str | None:
    """The image type the bytes prove, or None when they are not a PNG or JPEG."""
    for signature, mimetype in _SIGNATURES.items():
        if data and data.startswith(signature):
            return mimetype
    return None


def theme_class(user) -> str:
    """The body class for this person's organisation; the default for everyone else."""
    org = getattr(user, "organisation", None) if user.is_authenticated else None
    theme = org.theme if org is not None and org.theme in THEMES else DEFAULT_THEME
    return f"partnerships-theme-{theme}"


class LookForm(Form):
    theme = RadioField(_l("Theme"), choices=choices(THEMES.items()))
    logo = FileField(
        _l("Logo"),
        description=_l("A PNG or JPEG image of at most 200 KB. It is shown in the header."),
    )
    remove_logo = BooleanField(_l("Remove the logo"))

    def validate_logo(self, field):
        upload = field.data
        if not upload or not getattr(upload, "filename", ""):
            field.data = None
            return
        data = upload.read(MAX_LOGO_BYTES + 1)
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError(_l("The logo is larger than 200 KB. Choose a smaller image."))
        if logo_type(data) is None:
            raise ValidationError(_l("The logo must be a PNG or JPEG image."))
        field.data = data


@bp.route("/organisations/<int:org_id>/look", methods=["GET", "POST"])
@login_required
def organisation_look(org_id):
    """An organisation's logo and colour on its pages and documents."""
    org = _organisation(org_id)
    access.require("organisation.manage_look", org)
    form = LookForm()
    if not form.is_submitted():
        form.theme.data = org.theme if org.theme in THEMES else DEFAULT_THEME
    return submit(
        form,
        lambda: _save_look(org, form),
        again=lambda: render_template("accounts/look.html", org=org, form=form),
        done=url_for("accounts.organisation_look", org_id=org.id),
        said=_("The look of your organisation is saved."),
    )


def _save_look(org: Organisation, form: LookForm) -> None:
    """The chosen theme, and a new logo (or none, when asked to remove it)."""
    org.theme = form.theme.data
    if form.logo.data:
        org.logo = form.logo.data
    elif form.remove_logo.data:
        org.logo = None
    audit.record("organisation.look_changed", org.name, organisation=org)


@bp.route("/organisations/<int:org_id>/logo")
@login_required
def organisation_logo(org_id):
    """Serve an organisation's logo, if the file is an image type we allow."""
    org = _organisation(org_id)
    mimetype = logo_type(org.logo)
    if mimetype is None:
        abort(404)
    response = Response(org.logo, mimetype=mimetype)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'"
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def _organisation(org_id: int) -> Organisation:
    org = db.session.get(Organisation, org_id)
    if org is None:
        abort(404)
    return org


def header_logo_url(user) -> str | None:
    """The logo of the signed-in person's own organisation, if it has one."""
    if not user.is_authenticated or user.organisation is None:
        return None
    if not user.organisation.has_logo:
        return None
    return url_for("accounts.organisation_logo", org_id=user.organisation_id)


@bp.app_context_processor
def _look():
    return {"theme_class": theme_class(current_user), "header_logo_url": header_logo_url}
