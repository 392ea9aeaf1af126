"""Forms for meetings, their guests, agenda items and minutes (the decision register's are
decision_forms.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import wtforms
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    FormField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..forms import DateField, Form, NoControlCharacters, OnceForm, VersionedForm, strip
from ..forms import choices as options  # the meetings views' name for it
from ..pilots.forms import PlausibleDate
from ..privacy import PersonalDataWarning, confirm_field


class WebAddress:
    """Only ordinary web links (http or https) for video calls; nothing a browser would run."""

    message = _l("Enter a web address starting with https:// or http://.")

    def __call__(self, form, field):
        if not field.data:
            return
        parts = urlsplit(field.data)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in field.data:
            raise ValidationError(self.message)


class GuestFields(wtforms.Form):  # inside GuestForm, which carries the CSRF token
    """Someone at the table without an account: organisation and function, and only with
    their agreement a name and an e-mail address."""

    # Who sits at the table for an organisation, never a placed person's own details; the
    # name and address below are the guest's own, kept with their consent.
    organisation = StringField(
        _l("Organisation"),
        filters=[strip],
        validators=[Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    function = StringField(
        _l("Function"),
        filters=[strip],
        validators=[Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    name = StringField(
        _l("Name (optional)"),
        filters=[strip],
        validators=[Length(max=200), NoControlCharacters()],
    )
    email = EmailField(
        _l("E-mail address (optional)"),
        filters=[strip],
        validators=[
            Optional(),
            Length(max=254),
            Email(message=_l("Enter a valid e-mail address.")),
        ],
        description=_l("For the invitation and the minutes."),
    )
    consent = BooleanField(
        _l("This is a professional contact who agreed that we keep their name and address")
    )

    def validate_consent(self, field):
        if (self.name.data or self.email.data) and not field.data:
            raise ValidationError(
                _l("Keep a name or address only with the person's agreement: tick this box.")
            )

    def data_for_service(self) -> dict | None:
        if not self.organisation.data:
            return None
        return dict(
            organisation=self.organisation.data,
            function=self.function.data or "",
            name=self.name.data or "",
            email=(self.email.data or "").lower(),
            consent=bool(self.consent.data),
        )


class GuestForm(Form):
    guest = FormField(GuestFields, label=_l("External participant"))

    def validate(self, extra_validators=None):
        """Adding someone needs at least their organisation."""
        valid = super().validate(extra_validators)
        if not self.guest.form.organisation.data:
            self.guest.form.organisation.errors = [_l("Name the organisation.")]
            return False
        return valid


class MeetingForm(OnceForm, VersionedForm):
    kind = SelectField(
        _l("Kind of meeting"),
        validators=[DataRequired()],
        description=_l("A meeting from the method starts with its agenda."),
    )
    title = StringField(
        _l("Title"),
        filters=[strip],
        description=_l("Leave empty to use the name of the kind of meeting."),
        validators=[Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    day = DateField(_l("Date"), validators=[DataRequired(), PlausibleDate()])
    start = TimeField(
        _l("Start time"),
        validators=[DataRequired()],
        description=_l("Dutch time (Europe/Amsterdam)."),
    )
    end = TimeField(_l("End time"), validators=[DataRequired()])
    place = StringField(
        _l("Place"), filters=[strip], validators=[Length(max=200), NoControlCharacters()]
    )
    video_url = StringField(
        _l("Video call link"),
        filters=[strip],
        validators=[Optional(), Length(max=500), WebAddress()],
    )
    supplier = SelectField(
        _l("Supplier this meeting is with"),
        coerce=lambda value: int(value) if value not in (None, "") else 0,
        validate_choice=False,
        default=0,
        description=_l(
            "Required when the supplier is at the table. Its contacts are invited and see "
            "the shared agenda items; other suppliers' contacts are never invited for you."
        ),
    )
    participants = SelectMultipleField(_l("Participants"), coerce=int, validate_choice=False)
    shows_pilot_state = BooleanField(
        _l("List the open actions and steps in progress on the agenda")
    )
    guest = FormField(GuestFields, label=_l("External participant (without an account)"))
    follow_up = BooleanField(
        _l("Start with the last minutes to approve and the open actions of earlier meetings"),
        default=True,
    )

    def __init__(self, *args, member_ids=(), supplier_ids=(), supplier_kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._member_ids = set(member_ids)
        self._supplier_ids = set(supplier_ids)
        # Kinds of meeting whose agenda template puts the supplier at the table.
        self._supplier_kinds = set(supplier_kinds)

    def validate_supplier(self, field):
        if field.data and field.data not in self._supplier_ids:
            raise ValidationError(_l("Choose one of the suppliers of this pilot."))
        # A first talk may come before anyone of the supplier has an account: then the
        # supplier is at the table as an external participant, named by organisation.
        if not field.data and self.guest.form.organisation.data:
            return
        if not field.data and self.kind.data in self._supplier_kinds:
            if not self._supplier_ids:
                raise ValidationError(
                    _l(
                        "This meeting is with a supplier, but nobody of a supplier has an "
                        "account in this pilot yet. Name the supplier's organisation under "
                        "external participant, or add a supplier contact to the team first."
                    )
                )
            raise ValidationError(_l("Choose the supplier this meeting is with."))

    def validate_end(self, field):
        if self.start.data and field.data and field.data <= self.start.data:
            raise ValidationError(_l("The end time must be after the start time."))

    def validate_participants(self, field):
        if set(field.data or ()) - self._member_ids:
            raise ValidationError(
                _l(
                    "Only members of this pilot can take part. Add the person to the working "
                    "group or as a supplier contact first."
                )
            )


class ItemForm(VersionedForm):
    title = StringField(
        _l("Agenda item"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    description = TextAreaField(
        _l("Explanation (optional)"),
        filters=[strip],
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    shared = BooleanField(
        _l("Share with the supplier"), description=_l("Items are internal unless shared.")
    )


class SendMinutesForm(Form):
    until = DateField(_l("Comments possible until"), validators=[DataRequired(), PlausibleDate()])


class CommentForm(Form):
    text = TextAreaField(
        _l("Your comment on this item"),
        filters=[strip],
        validators=[DataRequired(), Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()


class CorrectionForm(Form):
    reason = TextAreaField(
        _l("Reason for the correction"),
        filters=[strip],
        validators=[DataRequired(), Length(max=2000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()


class MinutesSettingsForm(Form):
    decisions_at_once = BooleanField(
        _l('Put decisions in the register at once, marked "subject to the minutes"'),
        description=_l("Otherwise they enter the register when the minutes are fixed."),
    )


class MinutesRowForm(Form):
    """A row added in the minutes: part of the minutes form, which carries the CSRF token."""

    class Meta:
        csrf = False


def row_title(label) -> StringField:
    """The one line a minutes row needs: required, short, and checked for personal data."""
    return StringField(
        label,
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )


class InlineActionForm(MinutesRowForm):
    """An action row added in the minutes; it goes straight into the action list."""

    title = row_title(_l("Action"))
    confirm_not_personal = confirm_field()
    role = SelectField(_l("Owner role"), validators=[DataRequired()])
    assignee = SelectField(_l("Person (optional)"), coerce=int, default=0)
    deadline = DateField(_l("Deadline"), validators=[Optional(), PlausibleDate()])


class NotesForm(VersionedForm):
    notes = TextAreaField(
        _l("Minutes"),
        filters=[strip],
        description=_l("Markdown: **bold**, lists with -, links."),
        validators=[Length(max=20000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()


class MinuteActionForm(OnceForm):
    title = StringField(
        _l("Action"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    role = SelectField(_l("Owner role"), validators=[DataRequired()])
    assignee = SelectField(
        _l("Person (optional)"),
        coerce=int,
        default=0,
        description=_l("Leave empty for everyone in the role."),
    )
    deadline = DateField(_l("Deadline"), validators=[Optional(), PlausibleDate()])


class MonitoringForm(Form):
    frequency = SelectField(
        _l("How often do you meet the supplier about progress?"),
        choices=options(
            [
                ("month", _l("Monthly")),
                ("quarter", _l("Quarterly")),
                ("half_year", _l("Half-yearly")),
            ]
        ),
    )
    # Without it (an older page) the series keeps the time it has.
    start = TimeField(
        _l("Start time of the meetings"),
        description=_l("They take place on the first Tuesday of each period, in Dutch time."),
        validators=[Optional()],
    )
