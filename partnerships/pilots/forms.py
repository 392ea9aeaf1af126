"""Forms for starting a pilot, its settings, a sub-step's status and the route choice."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    DecimalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)

from ..forms import DateField, NoControlCharacters, OnceForm, VersionedForm, choices, strip
from ..inputs import DATE_MESSAGE, in_bounds
from ..privacy import PersonalDataWarning, confirm_field
from .models import MonitoringFrequency, PilotStatus, PurchasingCategory, StepStatus


class PlausibleDate:
    """Refuse dates far outside a pilot's life (year 1 or 9999 overflow date arithmetic).

    Other domains use it too: meetings, decisions, actions and progress notes.
    """

    message = DATE_MESSAGE

    def __call__(self, form, field):
        if not in_bounds(field.data):
            raise ValidationError(self.message)


class FiniteNumber:
    """Refuse "NaN" and "Infinity", which a DecimalField accepts but no goal can be."""

    message = _l("Enter a number.")

    def __call__(self, form, field):
        data = field.data
        if data is not None and hasattr(data, "is_finite") and not data.is_finite():
            field.errors[:] = []
            raise StopValidation(self.message)


CATEGORY_LABELS = {
    PurchasingCategory.CLEANING: _l("Cleaning"),
    PurchasingCategory.WINDOW_CLEANING: _l("Window cleaning"),
    PurchasingCategory.CATERING: _l("Catering"),
    PurchasingCategory.SECURITY: _l("Security"),
    PurchasingCategory.MAINTENANCE: _l("Maintenance"),
    PurchasingCategory.GREEN_SPACES: _l("Green spaces"),
    PurchasingCategory.ICT: _l("ICT"),
    PurchasingCategory.RESEARCH: _l("Research"),
    PurchasingCategory.OTHER: _l("Other"),
}

STATUS_LABELS = {
    StepStatus.OPEN: _l("Open"),
    StepStatus.BUSY: _l("Busy"),
    StepStatus.DONE: _l("Done"),
    StepStatus.SKIPPED: _l("Skipped"),
}

PILOT_STATUS_LABELS = {
    PilotStatus.ACTIVE: _l("Active"),
    PilotStatus.COMPLETED: _l("Completed"),
    PilotStatus.STOPPED: _l("Stopped"),
}

FREQUENCY_LABELS = {
    MonitoringFrequency.MONTH: _l("Every month"),
    MonitoringFrequency.QUARTER: _l("Every quarter"),
    MonitoringFrequency.HALF_YEAR: _l("Every half year"),
}


class PilotForm(OnceForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    purchasing_category = SelectField(
        _l("Purchasing category"), choices=choices(CATEGORY_LABELS.items())
    )
    start_date = DateField(_l("Start date"), validators=[DataRequired(), PlausibleDate()])
    goal_jobs = DecimalField(
        _l("Goal in banenafspraak jobs"),
        description=_l("One job is 25.5 paid hours a week; part-time jobs count pro rata."),
        places=2,
        validators=[InputRequired(), FiniteNumber(), NumberRange(min=0, max=10000)],
    )
    goal_people = IntegerField(
        _l("Goal in people (optional)"), validators=[Optional(), NumberRange(min=0, max=100000)]
    )


class PilotSettingsForm(VersionedForm):
    """What the coordinator keeps up to date: title, goal, goals and target group (1c)."""

    title = PilotForm.title
    purchasing_category = PilotForm.purchasing_category
    goal_jobs = PilotForm.goal_jobs
    goal_people = PilotForm.goal_people
    goals_text = TextAreaField(
        _l("Goals"),
        description=_l(
            "What the working group wants to achieve together (sub-step 1c). You can use Markdown."
        ),
        validators=[Length(max=10000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    target_group_text = TextAreaField(
        _l("Target group"),
        description=_l(
            "Which people you focus on, e.g. people in the doelgroepregister "
            "(sub-step 1c). You can use Markdown."
        ),
        validators=[Length(max=10000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    ambassador = StringField(
        _l("Ambassador on the board"),
        description=_l(
            "The board member who speaks up for the pilot inside and outside the organisation "
            "(sub-step 1e)."
        ),
        validators=[Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()
    monitoring_frequency = SelectField(
        _l("Monitoring frequency"),
        description=_l("How often you discuss the results with the supplier (sub-step 4a)."),
        choices=choices([("", _l("Not agreed yet")), *FREQUENCY_LABELS.items()]),
    )
    status = SelectField(
        _l("Status of the pilot"),
        description=_l(
            "A completed or stopped pilot stays readable; the overview can filter on it."
        ),
        choices=choices(PILOT_STATUS_LABELS.items()),
    )


class StepStatusForm(VersionedForm):
    """A sub-step's status; skipping needs a reason so the group can read back why."""

    status = RadioField(
        _l("Status"), choices=choices(STATUS_LABELS.items()), validators=[InputRequired()]
    )
    reason = TextAreaField(
        _l("Reason for skipping"),
        description=_l("Required when you skip this sub-step."),
        validators=[Length(max=2000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    note = TextAreaField(
        _l("Note"),
        description=_l("Optional: what was done, agreed or still to do. You can use Markdown."),
        validators=[Length(max=5000), NoControlCharacters(), PersonalDataWarning()],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()

    def validate_reason(self, field):
        """Skipping without a reason leaves the group guessing later, so it is refused."""
        from wtforms.validators import ValidationError

        if self.status.data == StepStatus.SKIPPED and not field.data:
            raise ValidationError(_l("Give a reason when you skip a sub-step."))


class RouteForm(VersionedForm):
    """The route after step 1: new tender (2A), existing contract (2B) or both."""

    # Prefixed, because it shares the step-1 pages with the status form (unique ids).
    PREFIX = "route"

    route = RadioField(_l("Route"), validators=[InputRequired(message=_l("Choose a route."))])
    reason = TextAreaField(
        _l("Reason"),
        description=_l("Why this route? It is recorded in the decision register."),
        validators=[
            DataRequired(message=_l("Give a reason for the route.")),
            Length(max=2000),
            NoControlCharacters(),
            PersonalDataWarning(),
        ],
        filters=[strip],
    )
    confirm_not_personal = confirm_field()
    back = HiddenField()

    def set_routes(self, workflow, locale: str) -> RouteForm:
        """Offer the routes the pilot's workflow declares, named in the user's language."""
        self.route.choices = choices((r.code, r.name.get(locale)) for r in workflow.routes)
        return self
