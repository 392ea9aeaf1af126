"""Forms of the social return domain: contributions, the organisation's policy, uploads."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..contracts.fields import LocalDecimalField, options
from ..forms import NoControlCharacters
from ..privacy import Anonymous
from .labels import CERTIFICATES, CONTRIBUTION_KINDS


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _int_or_none(value):
    return int(value) if value not in (None, "", "None") else None


class ContributionForm(FlaskForm):
    kind = SelectField(_l("What was done"), choices=options(CONTRIBUTION_KINDS))
    supplier_organisation_id = SelectField(_l("Supplier"), coerce=_int_or_none)
    occurred_on = DateField(
        _l("Date"),
        description=_l("The invoice date, the day of the project or the start of the trajectory."),
        validators=[DataRequired(message=_l("Enter the date."))],
    )
    description = StringField(
        _l("Description"),
        validators=[Optional(), Length(max=200), NoControlCharacters(), Anonymous()],
        filters=[_strip],
    )
    amount = LocalDecimalField(
        _l("Invoice value (EUR, excl. VAT)"),
        validators=[Optional(), NumberRange(min=0, max=10**11)],
    )
    enterprise = StringField(
        _l("Enterprise invoiced"),
        validators=[Optional(), Length(max=200), NoControlCharacters()],
        filters=[_strip],
    )
    certificate = SelectField(
        _l("Certificate of the enterprise seen"),
        coerce=lambda v: v or None,
        choices=options([("", _l("(choose)"))] + list(CERTIFICATES.items())),
    )
    certified_on = DateField(_l("Certificate seen on"), validators=[Optional()])
    hours = LocalDecimalField(
        _l("Hours on the project"), validators=[Optional(), NumberRange(min=0, max=10**6)]
    )
    people = IntegerField(
        _l("People who started a trajectory"),
        validators=[Optional(), NumberRange(min=1, max=10**5)],
    )
    target_group = SelectField(_l("Target group"), coerce=lambda v: v or None)

    # What each kind needs. Checked after the fields, because Optional() ends a field's
    # own validators when it is empty, and an empty invoice value is exactly the mistake.
    REQUIRED = {
        "purchase": (
            ("amount", _l("Enter the invoice value of the purchase.")),
            ("certificate", _l("Choose the certificate you saw.")),
            ("certified_on", _l("Enter the date you saw the certificate.")),
        ),
        "community": (("hours", _l("Enter the hours spent on the project.")),),
        "trajectory": (("people", _l("Enter how many people started a trajectory.")),),
    }

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for name, message in self.REQUIRED.get(self.kind.data, ()):
            field = self[name]
            if field.data in (None, "") and not field.errors:
                field.errors = [*field.errors, message]
                valid = False
        return valid


class PolicyForm(FlaskForm):
    scheme = SelectField(_l("Valuation scheme in use"))
    policy_source = StringField(
        _l("Your social return policy (name and date)"),
        description=_l(
            "Cited beside your own thresholds, for example: Beleidsregels social return 2023-2027."
        ),
        validators=[Optional(), Length(max=300), NoControlCharacters()],
        filters=[_strip],
    )
    threshold_work = LocalDecimalField(
        _l("Apply social return to works from a contract value of (EUR)"),
        validators=[Optional(), NumberRange(min=0, max=10**12)],
    )
    threshold_service = LocalDecimalField(
        _l("Apply social return to services from a contract value of (EUR)"),
        validators=[Optional(), NumberRange(min=0, max=10**12)],
    )
    threshold_supply = LocalDecimalField(
        _l("Apply social return to supplies from a contract value of (EUR)"),
        validators=[Optional(), NumberRange(min=0, max=10**12)],
    )


class OwnSchemeForm(FlaskForm):
    text = TextAreaField(
        _l("Your own scheme (TOML)"),
        validators=[DataRequired(), Length(max=20000)],
        render_kw={"rows": 24, "spellcheck": "false"},
    )


class UploadForm(FlaskForm):
    workbook = FileField(
        _l("Filled-in Excel file (.xlsx)"),
        validators=[DataRequired(message=_l("Choose the Excel file to upload."))],
    )
