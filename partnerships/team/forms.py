"""Forms for the working group and the RACI matrix."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..accounts.forms import InviteeForm
from ..forms import Form, NoControlCharacters, VersionedForm, strip


def _int_or_none(value):
    try:
        return int(value) if value not in (None, "", "None") else None
    except (TypeError, ValueError):
        return -1  # an impossible id, so the choice validator refuses it


class AddMemberForm(Form):
    user_id = SelectField(
        _l("Person"),
        coerce=_int_or_none,
        validate_choice=True,
        validators=[DataRequired(message=_l("Choose a person."))],
    )
    role = SelectField(
        _l("Role"), validate_choice=False, validators=[DataRequired(message=_l("Choose a role."))]
    )
    task_description = TextAreaField(
        _l("Task description (optional)"),
        description=_l("What this person does in the pilot; the action plan lists it."),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
        filters=[strip],
    )


class InviteMemberForm(InviteeForm):
    role = SelectField(
        _l("Role"), validate_choice=False, validators=[DataRequired(message=_l("Choose a role."))]
    )
    supplier_organisation_id = SelectField(
        _l("Supplier organisation"),
        coerce=_int_or_none,
        validate_choice=True,
        description=_l(
            "Only for the supplier role: the organisation this contact works for. Only "
            "suppliers you work with are listed; leave it empty to find an existing contact "
            "of another supplier by their exact e-mail address."
        ),
    )
    task_description = TextAreaField(
        _l("Task description (optional)"),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
        filters=[strip],
    )


class TaskForm(VersionedForm):
    task_description = TextAreaField(
        _l("Task description"),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
        filters=[strip],
    )


class DutyForm(VersionedForm):
    text = TextAreaField(
        _l("Duty text for this pilot"),
        description=_l("Leave empty to use the method's text again."),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
        filters=[strip],
    )
    step_code = HiddenField()
    role = HiddenField()
