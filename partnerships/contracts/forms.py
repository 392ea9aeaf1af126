"""Forms for contracts and potential jobs, and the text helpers the other job forms share;
free text about people is refused."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..forms import DateField, NoControlCharacters, OnceForm, VersionedForm
from ..privacy import Anonymous
from . import choices
from .fields import MAX_AMOUNT, CheckboxesField, LocalDecimalField, options

MAX_HOURS = 60


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _text(label, max_length=2000, anonymous=True, context="placement", **kwargs):
    validators = [Optional(), Length(max=max_length), NoControlCharacters()]
    if anonymous:
        validators.append(Anonymous(context=context))
    field_class = StringField if max_length <= 200 else TextAreaField
    return field_class(label, validators=validators, filters=[_strip], **kwargs)


def _int_or_none(value):
    return int(value) if value not in (None, "", "None") else None


def _supplier_email():
    """A supplier not listed (one the organisation does not work with yet) is added by the
    exact e-mail address of one of its people, never picked from every supplier there is."""
    return EmailField(
        _l("Another supplier (optional)"),
        description=_l(
            "Only suppliers you already work with are listed. To add another, give the "
            "exact e-mail address of one of its people."
        ),
        validators=[
            Optional(),
            Email(message=_l("Enter a valid e-mail address.")),
            Length(max=254),
        ],
        filters=[_strip],
    )


def _yes_no(value):
    """yes/no/empty from a select (or True/False/None from the model) as a boolean or None."""
    if value in (True, "yes"):
        return True
    if value in (False, "no"):
        return False
    return None


class DateOrderMixin:
    """End on or after the start: an end before the start is refused with a message."""

    def validate_end_date(self, field):
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("The end date lies before the start date."))


def _yes_no(value):
    """The form's "yes"/"no"/"" as True/False/None; stored booleans pass through."""
    if value is None or isinstance(value, bool):
        return value
    return {"yes": True, "no": False}.get(value)


class ContractForm(DateOrderMixin, OnceForm, VersionedForm):
    kind = SelectField(_l("Kind"), choices=options(choices.CONTRACT_KINDS))
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[_strip],
    )
    category = SelectField(_l("Purchasing category"), choices=options(choices.CATEGORIES))
    nature = SelectField(_l("Work, service or supply"), choices=options(choices.NATURES))
    suppliers = CheckboxesField(_l("Suppliers"), coerce=int)
    supplier_email = _supplier_email()
    value_per_year = LocalDecimalField(
        _l("Contract value per year (EUR, excl. VAT)"),
        validators=[Optional(), NumberRange(min=0, max=MAX_AMOUNT)],
    )
    contract_value = LocalDecimalField(
        _l("Contract value over the whole term (EUR, excl. VAT)"),
        description=_l("A social return percentage of the contract value is taken of this."),
        validators=[Optional(), NumberRange(min=0, max=10**12)],
    )
    wage_sum = LocalDecimalField(
        _l("Wage sum (loonsom) (EUR, excl. VAT), if known"),
        description=_l("Needed for the Rijk social return threshold."),
        validators=[Optional(), NumberRange(min=0, max=MAX_AMOUNT)],
    )
    start_date = DateField(_l("Start date"), validators=[Optional()])
    end_date = DateField(_l("End date"), validators=[Optional()])
    extension_options = _text(
        _l("Extension options"),
        200,
        anonymous=False,
        description=_l("For example: 2 times 1 year."),
    )
    sr_basis = SelectField(_l("Social return agreed"), choices=options(choices.SR_BASES))
    sr_percentage = LocalDecimalField(
        _l("Percentage"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    sr_instrument = SelectField(
        _l("Agreed as"),
        coerce=lambda v: v or None,
        choices=options([("", _l("(not applicable)"))] + list(choices.SR_INSTRUMENTS.items())),
    )
    sr_description = _text(_l("How social return is agreed"), 4000, anonymous=False)
    sr_fitting = SelectField(
        _l("Is social return fitting (passend) for this contract?"),
        coerce=_yes_no,
        choices=options(
            [("", _l("Not judged yet")), ("yes", _l("Yes, fitting")), ("no", _l("No, not fitting"))]
        ),
        description=_l("A judgement by the working group, for example against the threshold."),
    )
    sr_fitting_reason = _text(
        _l("Reason for this judgement"),
        4000,
        anonymous=False,
        description=_l("Required once you judged whether social return is fitting."),
    )

    def validate_sr_percentage(self, field):
        # A percentage needs the amount it is a percentage of, or the obligation is unknown.
        if field.data is None:
            return
        if self.sr_basis.data == "project_value" and self.contract_value.data is None:
            raise ValidationError(
                _l(
                    "Enter the contract value over the whole term: the obligation is a "
                    "percentage of it."
                )
            )
        if self.sr_basis.data == "wage_sum" and self.wage_sum.data is None:
            raise ValidationError(_l("Enter the wage sum: the obligation is a percentage of it."))

    notes = _text(
        _l("Notes for the working group"),
        4000,
        anonymous=False,
        description=_l("Suppliers do not see these notes."),
    )

    def validate(self, extra_validators=None):
        """A "passend" judgement needs its reason (the reason field itself is optional, and
        an optional empty field skips its own validators)."""
        valid = super().validate(extra_validators)
        if self.sr_fitting.data is not None and not (self.sr_fitting_reason.data or "").strip():
            self.sr_fitting_reason.errors = [
                *self.sr_fitting_reason.errors,
                _l("Give the reason for this judgement."),
            ]
            return False
        return valid


class LinkContractForm(VersionedForm):
    contract_id = SelectField(_l("Contract of your organisation"), coerce=int)


class PotentialJobForm(VersionedForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), Anonymous()],
        filters=[_strip],
    )
    source = SelectField(_l("Source"), choices=options(choices.JOB_SOURCES))
    tasks = _text(_l("Tasks"), 4000)
    hours_per_week = LocalDecimalField(
        _l("Hours per week"),
        validators=[
            Optional(),
            NumberRange(
                min=0.01,
                max=MAX_HOURS,
                message=_l("Hours per week must be more than 0 and at most 60."),
            ),
        ],
    )
    suppliers = CheckboxesField(_l("Suppliers involved"), coerce=int)
    supplier_email = _supplier_email()
    contract_id = SelectField(_l("Contract"), coerce=_int_or_none)


class PotentialJobEditForm(PotentialJobForm):
    """An existing job also has a status, a reason when dropped and the placement that filled
    it; the new-job page shows none of these (a new job starts as an idea)."""

    status = SelectField(_l("Status"), choices=options(choices.JOB_STATUSES))
    drop_reason = _text(_l("Reason for dropping"), 2000)
    placement_id = SelectField(_l("Filled by placement"), coerce=_int_or_none)
