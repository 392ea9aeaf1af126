"""Forms of the brainstorm board: the brainstorm header, cards, sharing and talk-to-work."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms import DateField, Form, NoControlCharacters, OnceForm, VersionedForm, strip
from ..privacy import Anonymous, PersonalDataWarning, confirm_field
from .services import CARD_MAX


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes, which works without JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


CARD_TEXT = [
    DataRequired(message=_l("Write something on the card.")),
    Length(max=CARD_MAX, message=_l("A card holds at most 2,000 characters.")),
    NoControlCharacters(),
    PersonalDataWarning(),
]


class BrainstormForm(OnceForm):
    """The header of the format (Bijlage III); labels come from the workflow."""

    title = StringField(
        _l("Tender or contract title"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    description = TextAreaField(
        _l("Assignment and suppliers"),
        filters=[strip],
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    kind = SelectField(_l("This assignment is"), validate_choice=True)
    kind_other = StringField(
        _l("Other, namely"), filters=[strip], validators=[Length(max=200), NoControlCharacters()]
    )
    nature = SelectField(_l("Works, service or supply"), validate_choice=True)
    labour_component = TextAreaField(
        _l("Labour component"),
        filters=[strip],
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    allow_anonymous = BooleanField(_l("Participants may add cards anonymously"))
    suppliers = CheckboxesField(_l("Share with suppliers"), coerce=int)


class BrainstormEditForm(BrainstormForm, VersionedForm):
    """Editing the header carries the version it was loaded at."""


class CardForm(Form):
    """A new card on one place of the board."""

    place = HiddenField(validators=[DataRequired()])
    text = TextAreaField(
        _l("Your card"),
        filters=[strip],
        validators=CARD_TEXT,
        description=_l("Plain text or Markdown, at most 2,000 characters."),
    )
    anonymous = BooleanField(_l("Add anonymously"))
    confirm_not_personal = confirm_field()


class CardEditForm(VersionedForm):
    """Changing a card; the facilitator may also move it to another place."""

    text = TextAreaField(_l("Text"), filters=[strip], validators=CARD_TEXT)
    confirm_not_personal = confirm_field()
    place = SelectField(_l("Place on the board"), validators=[Optional()], validate_choice=False)


class MergeForm(VersionedForm):
    """Merge another card into this one."""

    source_id = SelectField(_l("Card to merge into this one"), coerce=int, validate_choice=True)


class ShareForm(Form):
    suppliers = CheckboxesField(_l("Shared with"), coerce=int)


class InviteForm(Form):
    user_id = SelectField(_l("Supplier contact"), coerce=int, validate_choice=True)


class InviteEmailForm(Form):
    organisation_id = SelectField(_l("Supplier"), coerce=int, validate_choice=True)
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
    )
    email = EmailField(
        _l("E-mail address"),
        filters=[strip],
        validators=[DataRequired(), Email(), Length(max=254)],
    )


# A card becomes an action, a decision or a potential job: the same privacy guard as when
# those are written on their own pages, so the card is no way around it.


class ActionFromCardForm(Form):
    title = StringField(
        _l("Action"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    role = SelectField(_l("Owner role"), validate_choice=True)
    description = TextAreaField(
        _l("Description"),
        filters=[strip],
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    deadline = DateField(_l("Deadline"), validators=[Optional()])
    confirm_not_personal = confirm_field()


class DecisionFromCardForm(Form):
    title = StringField(
        _l("Decision"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    kind = SelectField(_l("Kind of decision"), validate_choice=True)
    decided_by = SelectField(_l("Decided by"), validate_choice=True)
    decided_on = DateField(_l("Decided on"), validators=[DataRequired()])
    text = TextAreaField(
        _l("Text"),
        filters=[strip],
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()


class PotentialJobFromCardForm(Form):
    # Potential jobs are refused personal data outright, as on the potential-job form.
    title = StringField(
        _l("Potential job"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), Anonymous()],
    )
    tasks = TextAreaField(
        _l("Tasks"),
        filters=[strip],
        validators=[DataRequired(), Length(max=5000), NoControlCharacters(), Anonymous()],
    )
    suppliers = CheckboxesField(_l("Suppliers"), coerce=int)


class ShortlistForm(Form):
    rank = IntegerField(_l("Place (1 to 3)"), validators=[DataRequired(), NumberRange(1, 3)])
    organisation_id = SelectField(_l("Supplier of this pilot"), coerce=int, validate_choice=True)
    supplier_name = StringField(
        _l("Or another supplier's name"),
        filters=[strip],
        validators=[Length(max=200), NoControlCharacters()],
    )
    reason = TextAreaField(
        _l("Reason"),
        filters=[strip],
        validators=[DataRequired(), Length(max=2000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    card_id = SelectField(_l("Card it came from (optional)"), coerce=int, validate_choice=True)
