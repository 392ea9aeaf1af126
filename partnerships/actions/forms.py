"""Forms for actions, their status and comments, and the action plan's own texts."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..access import MAX_ID
from ..forms import (
    DateField,
    Form,
    NoControlCharacters,
    OnceForm,
    Select,
    VersionedForm,
    strip,
)
from ..pilots.forms import PlausibleDate
from ..privacy import PersonalDataWarning, confirm_field


def _int_or_none(value):
    try:
        number = int(value) if value not in (None, "", "None") else None
    except (TypeError, ValueError):
        return -1  # an impossible id: the service refuses it with a clear message
    # An id too large for the database would crash the lookup; it cannot exist either.
    return -1 if number is not None and not 0 < number <= MAX_ID else number


class ActionForm(OnceForm, VersionedForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    description = TextAreaField(
        _l("Description (optional)"),
        description=_l("Make it SMART: what exactly, how you know it is done."),
        validators=[Optional(), Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    step_code = SelectField(_l("Step"), validate_choice=False, widget=Select())
    role = SelectField(
        _l("Responsible role"),
        validate_choice=False,
        widget=Select(),
        validators=[DataRequired(message=_l("Choose a role."))],
    )
    assignee_id = SelectField(
        _l("Assigned to"),
        coerce=_int_or_none,
        validate_choice=False,
        widget=Select(),
        description=_l("A person, or everyone who holds the responsible role."),
    )
    deadline = DateField(_l("Deadline"), validators=[Optional(), PlausibleDate()])
    is_internal = BooleanField(_l("Internal (not visible to suppliers)"), default=True)
    confirm_not_personal = confirm_field()


class StatusForm(VersionedForm):
    status = SelectField(_l("Status"), validate_choice=False)
    reason = StringField(
        _l("Reason (when dropped)"),
        validators=[Optional(), Length(max=500), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()


class CommentForm(OnceForm):
    body = TextAreaField(
        _l("Comment"),
        validators=[
            DataRequired(message=_l("Write a comment first.")),
            Length(max=5000),
            NoControlCharacters(),
            PersonalDataWarning(),
        ],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()


class PlanInfoForm(VersionedForm):
    meeting_agreements = TextAreaField(
        _l("Meeting agreements"),
        description=_l(
            "How often the working group meets, who prepares and who keeps the "
            "minutes. You can use Markdown."
        ),
        validators=[Optional(), Length(max=10000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()


class ExternalOrganisationForm(Form):
    name = StringField(
        _l("Organisation"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    involvement = TextAreaField(
        _l("What they contribute (optional)"),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
        filters=[strip],
    )
    contact = StringField(
        _l("Contact point (optional)"),
        description=_l("A desk or department, for example the regional employer desk."),
        validators=[Optional(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
