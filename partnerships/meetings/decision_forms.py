"""The decision register's forms and words: the kinds of decision, their statuses and the
value a choice-like decision records; a decision taken in the minutes is a row of its own."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from ..forms import DateField, NoControlCharacters, OnceForm, VersionedForm, strip
from ..forms import choices as options  # the meetings views' name for it
from ..pilots.forms import PlausibleDate
from ..privacy import PersonalDataWarning, confirm_field
from .forms import MinutesRowForm, row_title
from .models import DecisionKind, DecisionStatus

# Which bodies or roles take decisions, in the register's words.
KIND_LABELS = {
    DecisionKind.PRINCIPEBESLUIT: _l("In-principle decision (principebesluit)"),
    DecisionKind.ROUTE: _l("Route choice (2A, 2B or both)"),
    DecisionKind.SUPPLIER_CHOICE: _l("Choice of supplier and contract"),
    DecisionKind.BUDGET: _l("Budget"),
    DecisionKind.POLICY_ADOPTION: _l("Policy adoption"),
    DecisionKind.PROCUREMENT_STRATEGY: _l("Social procurement strategy (2Ab)"),
    DecisionKind.MARKET_CONSULTATION: _l("Outcome of the market consultation (2Ac)"),
    DecisionKind.SR_REQUIREMENT: _l("How the tender asks for social return (2Ad)"),
    DecisionKind.RESULTS_SHARED: _l("Sharing the results (5d)"),
    DecisionKind.OTHER: _l("Other decision"),
}


STATUS_LABELS = {
    DecisionStatus.TAKEN: _l("Taken"),
    DecisionStatus.PROPOSED: _l("Proposed, awaiting the decision"),
}


ROUTE_VALUES = [
    ("", _l("(not a route choice)")),
    ("2A", _l("2A: new tenders")),
    ("2B", _l("2B: existing contracts")),
    ("both", _l("Both 2A and 2B")),
]


# What was chosen, for the kinds of decision that are a choice between options the guide
# names: a decision of such a kind must say which; other kinds carry no value.
VALUES_BY_KIND = {
    DecisionKind.ROUTE: ROUTE_VALUES[1:],
    DecisionKind.PROCUREMENT_STRATEGY: [
        ("reserved_contract", _l("Track 1: reserved contract for a social enterprise")),
        ("lots", _l("Track 1: a lot for social enterprises")),
        ("private_tender", _l("Track 1: private tender among social enterprises")),
        ("social_return", _l("Track 2: social return with a regular company")),
    ],
    DecisionKind.SR_REQUIREMENT: [
        ("suitability", _l("Suitability requirement")),
        ("minimum", _l("Minimum requirement")),
        ("award_criterion", _l("Award criterion")),
        ("contract_clause", _l("Contract clause")),
        ("combination", _l("A combination of these")),
    ],
    DecisionKind.BUDGET: [("not_needed", _l("No extra budget needed"))],
}


VALUE_LABELS = {value: label for pairs in VALUES_BY_KIND.values() for value, label in pairs}


# Kinds where choosing a value is required (for budget it is optional: a budget decision
# without it grants a budget).
VALUE_REQUIRED = (
    DecisionKind.ROUTE,
    DecisionKind.PROCUREMENT_STRATEGY,
    DecisionKind.SR_REQUIREMENT,
)


def value_choices() -> list:
    """Every value, grouped by the kind of decision it belongs to."""
    found = [SelectChoice("", _l("(nothing to choose for this kind)"))]
    for kind, pairs in VALUES_BY_KIND.items():
        group = str(KIND_LABELS[kind])
        found += [SelectChoice(value, label, optgroup=group) for value, label in pairs]
    return found


class InlineDecisionForm(MinutesRowForm):
    """A decision row added in the minutes; dated on the meeting, entered when fixed."""

    title = row_title(_l("Decision"))
    # Prefixed like the row, so confirming this row confirms nothing else on the page.
    confirm_not_personal = confirm_field()
    kind = SelectField(
        _l("Kind of decision"), choices=options(KIND_LABELS.items()), default=DecisionKind.OTHER
    )
    decided_by = SelectField(_l("Decided by"), validators=[DataRequired()])


class _DecisionFields(OnceForm):
    kind = SelectField(
        _l("Kind of decision"), choices=options(KIND_LABELS.items()), default=DecisionKind.OTHER
    )
    title = StringField(
        _l("Decision"),
        filters=[strip],
        validators=[DataRequired(), Length(max=200), NoControlCharacters(), PersonalDataWarning()],
    )
    text = TextAreaField(
        _l("Decision text"),
        filters=[strip],
        validators=[Length(max=10000), NoControlCharacters(), PersonalDataWarning()],
    )
    rationale = TextAreaField(
        _l("Rationale"),
        filters=[strip],
        validators=[Length(max=10000), NoControlCharacters(), PersonalDataWarning()],
    )
    confirm_not_personal = confirm_field()
    decided_by = SelectField(_l("Decided by"), validators=[DataRequired()])
    status = SelectField(
        _l("Status"), choices=options(STATUS_LABELS.items()), default=DecisionStatus.TAKEN
    )
    value = SelectField(
        _l("What was chosen"),
        choices=value_choices,
        default="",
        description=_l(
            "For a route, a procurement strategy or how the tender asks for social return, "
            "choose what was decided; for a budget, whether no extra budget is needed."
        ),
    )
    step_code = SelectField(_l("Step"), default="")

    def validate_value(self, field):
        allowed = {value for value, _label in VALUES_BY_KIND.get(self.kind.data, ())}
        if self.kind.data == DecisionKind.ROUTE and not field.data:
            raise ValidationError(_l("Choose which route was chosen."))
        if self.kind.data in VALUE_REQUIRED and not field.data:
            raise ValidationError(_l("Choose what was decided."))
        if field.data and field.data not in allowed:
            raise ValidationError(_l("This choice does not belong to this kind of decision."))


class MinuteDecisionForm(_DecisionFields):
    """A decision taken on an agenda item; its date is the meeting's."""


class DecisionForm(_DecisionFields):
    """A decision entered straight into the register."""

    decided_on = DateField(_l("Date of the decision"), validators=[DataRequired(), PlausibleDate()])


class ConfirmDecisionForm(VersionedForm):
    decided_on = DateField(_l("Date taken"), validators=[DataRequired(), PlausibleDate()])
