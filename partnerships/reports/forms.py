"""Forms for notes, remarks, evaluations, lessons, the policy and the public story."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import DateField, Form, NoControlCharacters, OnceForm, VersionedForm
from ..forms import choices as options  # the reports views' name for it
from ..pilots.forms import PlausibleDate
from ..privacy import Anonymous, PersonalDataWarning, confirm_field

LONG = 20000


def _text(label, *, required=False, description="", max_length=LONG):
    validators = [
        DataRequired() if required else Optional(),
        Length(max=max_length),
        NoControlCharacters(),
        Anonymous(context="note"),
    ]
    return TextAreaField(label, validators=validators, description=description)


MARKDOWN_HINT = _l("You can use Markdown: *italic*, **bold**, lists starting with a dash.")


class NoteForm(OnceForm, VersionedForm):
    """A progress note over one period."""

    period_label = StringField(
        _l("Period"),
        validators=[DataRequired(), Length(max=60), NoControlCharacters()],
        description=_l('How the board knows the period, e.g. "Quarter 2 2026".'),
    )
    period_start = DateField(
        _l("First day of the period"), validators=[DataRequired(), PlausibleDate()]
    )
    period_end = DateField(
        _l("Last day of the period"), validators=[DataRequired(), PlausibleDate()]
    )
    body = _text(_l("Progress in your own words"), required=True, description=MARKDOWN_HINT)

    def validate_period_end(self, field):
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("The period cannot end before it starts."))


class RemarkForm(Form):
    """A board member's review remark."""

    body = TextAreaField(
        _l("Your remark for the coordinator"),
        validators=[
            DataRequired(),
            Length(max=4000),
            NoControlCharacters(),
            Anonymous(context="note"),
        ],
    )


class AnswerForm(Form):
    """The coordinator's answer to one board remark. Several stand on one note page, so each
    takes the prefix "remark-<id>": its fields and their ids are the remark's own."""

    answer = TextAreaField(
        _l("Your answer"),
        validators=[
            DataRequired(),
            Length(max=4000),
            NoControlCharacters(),
            Anonymous(context="note"),
        ],
        description=_l("The board member sees your answer as you send it; it cannot be changed."),
    )

    @classmethod
    def for_remark(cls, remark, **kwargs) -> AnswerForm:
        """The form for this remark, its label naming whom the answer goes to."""
        form = cls(prefix=f"remark-{remark.id}", **kwargs)
        author = remark.author.name if remark.author else _("(removed user)")
        form.answer.label.text = _("Your answer to %(name)s", name=author)
        return form


class EvaluationStartForm(Form):
    """Start an evaluation of the pilot or of one contract."""

    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    contract_id = SelectField(_l("What you evaluate"), coerce=int, default=0)


class EvaluationForm(VersionedForm):
    """The working group's findings."""

    went_well = _text(_l("What went well"), description=MARKDOWN_HINT)
    to_improve = _text(
        _l("What to improve in how social return is asked and carried out"),
        description=MARKDOWN_HINT,
    )


THEME_LABELS = {
    "tender": _l("Tender and award"),
    "contract": _l("Contract and contract management"),
    "supplier": _l("Cooperation with suppliers"),
    "target_group": _l("Target group and candidates"),
    "organisation": _l("Own organisation and support"),
    "monitoring": _l("Monitoring and reporting"),
    "other": _l("Other"),
}


class LessonForm(Form):
    """One lesson for the next tender."""

    theme = SelectField(_l("Theme"), choices=options(THEME_LABELS.items()), default="tender")
    text = TextAreaField(
        _l("Lesson"),
        validators=[
            DataRequired(),
            Length(max=2000),
            NoControlCharacters(),
            Anonymous(context="note"),
        ],
    )


class ContributionForm(VersionedForm):
    """A supplier's ideas for social innovation."""

    ideas = _text(
        _l("Your ideas for social innovation"),
        required=True,
        description=_l(
            "What could the buyer and your organisation do differently or more? "
            "Only your organisation and the buyer's working group see this."
        ),
    )


class PolicyForm(VersionedForm):
    """The seven sections of the policy framework."""

    goal = _text(_l("Goal"))
    target_groups = _text(_l("Target groups"))
    application = _text(_l("Application"))
    realisation = _text(_l("Realisation"))
    monitoring = _text(_l("Monitoring"))
    roles = _text(_l("Division of roles"))
    results = _text(_l("Intended results"))


class SpecialistForm(Form):
    """5b: who is the social return specialist."""

    user_id = SelectField(_l("Colleague in the pilot"), coerce=int, default=0)
    name = StringField(
        _l("Or the name of another colleague"),
        validators=[Optional(), Length(max=200), NoControlCharacters()],
    )

    def validate_user_id(self, field):
        if not field.data and not (self.name.data or "").strip():
            raise ValidationError(_l("Choose a colleague or enter a name."))


class AdoptionForm(Form):
    """5c: record the board's decision to adopt the policy in the register."""

    title = StringField(
        _l("Decision"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    status = SelectField(
        _l("Status"),
        choices=options(
            [
                ("proposed", _l("Proposed: the board still has to decide")),
                ("taken", _l("Taken: the board has adopted it")),
            ]
        ),
        default="proposed",
    )
    decided_on = DateField(
        _l("Date (of the board meeting)"), validators=[DataRequired(), PlausibleDate()]
    )


class LinkDecisionForm(Form):
    """5c: point at a decision already in the register."""

    decision_id = SelectField(_l("Decision in the register"), coerce=int, default=0)


class StoryForm(VersionedForm):
    """The coordinator's story for the public results page."""

    story = _text(
        _l("The story of the pilot"),
        description=_l(
            "Shown publicly. Write about the approach and results; do not name "
            "anyone and leave out internal matters."
        ),
    )
