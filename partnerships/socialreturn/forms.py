"""Forms of the social return domain: contributions, the organisation's policy, uploads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..forms import NoControlCharacters
from ..jobs.fields import CheckboxesField, LocalDecimalField, options
from ..privacy import Anonymous
from .labels import CERTIFICATES, CONTRIBUTION_KINDS, EFFORT_LABELS
from .scheme_rows import EFFORTS
from .schemes import DEFAULT_FULL_TIME_HOURS


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


# Bounds of a scheme element: no effort is worth more than a million euros per unit, a
# purchase counts at most its whole invoice, and a "durable" milestone lies within ten years.
MAX_VALUE = Decimal("1000000")
MAX_PERCENT = Decimal("100")
MAX_ELEMENTS = 30
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)


class _Between:
    """A date within the years a scheme can sensibly cover."""

    def __call__(self, form, field):
        if field.data and not EARLIEST <= field.data <= LATEST:
            raise ValidationError(_l("Enter a date between 2000 and 2099."))


class SchemeElementForm(Form):
    """One element of an own scheme: what one unit of one kind of effort is worth."""

    effort = SelectField(_l("Kind of effort and unit"), choices=options(EFFORT_LABELS))
    amount = LocalDecimalField(
        _l("Value"),
        description=_l("In euros, two decimals at most; for a purchase: % of the invoice."),
        places=2,
        validators=[InputRequired(message=_l("Enter the value of this element."))],
    )
    target_groups = CheckboxesField(
        _l("Target groups (none ticked: every target group)"), validate_choice=True
    )
    kinds = CheckboxesField(_l("Kinds of work (none ticked: every kind)"), validate_choice=True)
    start = DateField(
        _l("Counts from"),
        description=_l("Empty: from the date the scheme is valid."),
        validators=[Optional(), _Between()],
    )
    until = DateField(
        _l("Counts until"),
        description=_l("Empty: no end."),
        validators=[Optional(), _Between()],
    )
    first_year_only = BooleanField(
        _l("Counts only for the first year a person works (a lasting support need always counts)")
    )
    pro_rata_hours = BooleanField(_l("Part-time work counts in proportion to its hours"))
    full_time_hours = LocalDecimalField(
        _l("Hours of a full-time week"),
        places=2,
        default=DEFAULT_FULL_TIME_HOURS,
        validators=[
            Optional(),
            NumberRange(min=1, max=60, message=_l("Enter from 1 to 60 hours.")),
        ],
    )
    durable_months = IntegerField(
        _l("Durable work: bonus when the person still works after (months)"),
        description=_l("For example 12: employment for more than a year."),
        validators=[
            Optional(),
            NumberRange(min=1, max=120, message=_l("Enter from 1 to 120 months.")),
        ],
    )
    durable_bonus = LocalDecimalField(_l("Bonus for durable work (EUR)"), places=2)

    def validate_amount(self, field):
        if field.data is None:
            return
        purchase = EFFORTS.get(self.effort.data, ("",))[0] == "purchase"
        highest = MAX_PERCENT if purchase else MAX_VALUE
        if not Decimal(0) < field.data <= highest:
            raise ValidationError(
                _l("Enter a percentage above 0 and at most 100.")
                if purchase
                else _l("Enter an amount above 0 and at most EUR 1,000,000.")
            )

    def validate_until(self, field):
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The end lies before the start."))

    def validate_durable_bonus(self, field):
        if field.data is not None and not Decimal(0) < field.data <= MAX_VALUE:
            raise ValidationError(_l("Enter an amount above 0 and at most EUR 1,000,000."))
        if field.data is not None and self.durable_months.data is None:
            # The months are empty, so their own validators stopped early: the message
            # belongs beside them.
            if not self.durable_months.errors:
                self.durable_months.errors.append(
                    _l("Enter after how many months the bonus is earned.")
                )
            return
        if field.data is None and self.durable_months.data is not None:
            raise ValidationError(_l("Enter the bonus, or leave the months empty."))


class SchemeForm(FlaskForm):
    """An organisation's own valuation scheme: its name, source, date and elements."""

    name = StringField(
        _l("Name of the scheme"),
        validators=[
            DataRequired(message=_l("Enter the name of the scheme.")),
            Length(max=200, message=_l("Use at most 200 characters.")),
            NoControlCharacters(),
        ],
        filters=[_strip],
    )
    source = StringField(
        _l("Source (policy, decision and date)"),
        description=_l(
            "Shown wherever a value of this scheme is used, for example: "
            "Beleidsregels social return 2023-2027, decision of 14 March 2023."
        ),
        validators=[
            DataRequired(message=_l("Enter the source of the scheme.")),
            Length(max=300, message=_l("Use at most 300 characters.")),
            NoControlCharacters(),
        ],
        filters=[_strip],
    )
    valid_from = DateField(
        _l("Valid from"),
        validators=[
            DataRequired(message=_l("Enter the date from which the scheme is valid.")),
            _Between(),
        ],
    )
    rows = FieldList(FormField(SchemeElementForm), min_entries=1, max_entries=MAX_ELEMENTS)

    def offer(self, target_groups, kinds) -> None:
        """The organisation's target groups and kinds of work, on every element."""
        for entry in self.rows:
            entry.form.target_groups.choices = options(target_groups)
            entry.form.kinds.choices = options(kinds)


class UploadForm(FlaskForm):
    workbook = FileField(
        _l("Filled-in Excel file (.xlsx)"),
        validators=[DataRequired(message=_l("Choose the Excel file to upload."))],
    )
