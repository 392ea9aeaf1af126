"""The placement form: anonymous by design, with the evidence seen for the placement."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField
from wtforms.validators import (
    DataRequired,
    Optional,
    ValidationError,
)

from ..contracts import choices
from ..contracts.choices import EvidenceKind, Outcome
from ..contracts.fields import LocalDecimalField, options
from ..contracts.forms import MAX_HOURS, DateOrderMixin, _int_or_none, _text
from ..forms import DateField, OnceForm, VersionedForm
from ..socialreturn.people import ENDED_BUT_ACTIVE, ended_but_active


class PlacementForm(DateOrderMixin, OnceForm, VersionedForm):
    contract_id = SelectField(_l("Contract"), coerce=int)
    # Empty by default; left empty, a contract with one supplier fills it in (services).
    supplier_organisation_id = SelectField(_l("Supplier"), coerce=_int_or_none)
    reference = _text(
        _l("Reference (optional)"),
        40,
        description=_l(
            "Your own anonymous code, such as P-014. Never a name or BSN. Give the same "
            "person's next placement (for example employment after a work experience place) "
            "the same code, so the person is counted once."
        ),
    )
    seconding_organisation = _text(
        _l("Seconding organisation (optional)"),
        200,
        description=_l(
            "For a secondment: the organisation that employs the person, for "
            "example a social workplace."
        ),
    )
    lasting_support_need = BooleanField(
        _l("Lasting support need"),
        description=_l("Some schemes keep counting such a person after the first year."),
    )
    kind = SelectField(_l("Kind of placement"))
    target_group = SelectField(_l("Target group"))
    hours_per_week = LocalDecimalField(
        _l("Hours per week"), validators=[DataRequired(message=_l("Enter the hours per week."))]
    )
    start_date = DateField(_l("Start date"), validators=[DataRequired()])
    end_date = DateField(_l("End (leave empty while it runs)"), validators=[Optional()])
    outcome = SelectField(_l("Outcome"), choices=options(choices.OUTCOMES))
    outcome_reason = _text(_l("Reason or explanation of the outcome"), 2000)
    notes = _text(
        _l("Notes"),
        4000,
        description=_l(
            "Placements are anonymous: no name, BSN, date of birth, address or contact details."
        ),
    )

    def validate_hours_per_week(self, field):
        if field.data is None:
            return
        if field.data <= 0:
            raise ValidationError(_l("Hours per week must be more than 0."))
        if field.data > MAX_HOURS:
            raise ValidationError(
                _l("More than 60 hours a week is not plausible for one person; check the hours.")
            )

    def validate_outcome(self, field):
        if field.data == Outcome.STOPPED and not self.end_date.data:
            raise ValidationError(_l("Give the end date when the placement stopped."))
        if ended_but_active(self.end_date.data, field.data):
            raise ValidationError(ENDED_BUT_ACTIVE)


# One "seen" checkbox and date per kind of evidence, added to the class below.
for _kind, _label in choices.EVIDENCE_KINDS.items():
    setattr(PlacementForm, f"ev_{_kind}", BooleanField(_label))
    setattr(PlacementForm, f"ev_{_kind}_on", DateField(_l("Seen on"), validators=[Optional()]))


def evidence_data(form) -> dict:
    """{kind: (seen, seen_on)} from the evidence fields of a PlacementForm."""
    return {kind: (form[f"ev_{kind}"].data, form[f"ev_{kind}_on"].data) for kind in EvidenceKind}
