"""Refuse free text that looks like personal data of a placed person.

Placements are anonymous by design (AVG/GDPR: suppliers must not hand over traceable
personal data), so notes must not hold a BSN, e-mail address, phone number, IBAN or birth
date. How each is recognised is personal_data.py; here is what the forms do with a finding
and what they say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from .personal_data import Finding, Kind, is_valid_bsn, is_valid_iban, personal_data_findings

# Literal lazy_gettext calls, so pybabel extracts them; the English text is the msgid.
MESSAGES = {
    "bsn": _l(
        "This looks like a BSN. Placements are anonymous: do not enter personal data "
        "of the placed person."
    ),
    "email": _l(
        "This looks like an e-mail address. Placements are anonymous: do not enter contact details."
    ),
    "phone": _l(
        "This looks like a phone number. Placements are anonymous: do not enter contact details."
    ),
    "birth_date": _l(
        "This looks like a date of birth. Placements are anonymous: do not enter "
        "personal data of the placed person."
    ),
    "iban": _l(
        "This looks like a bank account number. Placements are anonymous: do not enter "
        "personal data of the placed person."
    ),
}


# The same findings described for each kind of field: the first sentence says what was
# found, the second why it does not belong in this field.
FOUND = {
    "bsn": _l("This looks like a BSN."),
    "email": _l("This looks like an e-mail address."),
    "phone": _l("This looks like a phone number."),
    "birth_date": _l("This looks like a date of birth."),
    "iban": _l("This looks like a bank account number."),
}
WHY = {
    "report": _l("Monitoring reports are anonymous: do not enter personal data of placed people."),
    "note": _l(
        "Notes, remarks and lessons are read outside the working group: do not enter "
        "personal data of placed people."
    ),
    "working_bsn": _l("A BSN never belongs in the pilot's working texts: remove it."),
    "working": _l(
        "If it is about a placed person, remove it. If it is not (for example a colleague's "
        "work number), tick the box below to confirm, and save again."
    ),
}
# The field working-text forms carry for that confirmation (see confirm_field).
CONFIRM_FIELD = "confirm_not_personal"


def check_anonymous(text: str, *, today: date | None = None) -> str | None:
    """Why the text is not anonymous, in the current locale; None when it is fine."""
    findings = personal_data_findings(text, today=today)
    return str(MESSAGES[findings[0].kind]) if findings else None


class Anonymous:
    """WTForms validator: refuse a field whose text looks like personal data.

    `context` says whose field it is, so the message fits it: "placement" (the default),
    "report" for monitoring reports, "note" for progress notes, remarks and lessons.
    """

    def __init__(self, message: str | None = None, context: str = "placement") -> None:
        self.message = message
        self.context = context

    def __call__(self, form: Any, field: Any) -> None:
        """Raise ValidationError naming the first kind of personal data found."""
        if not field.data:
            return
        findings = personal_data_findings(str(field.data))
        if findings:
            raise ValidationError(self.message or _message(findings[0].kind, self.context))


def _message(kind: Kind, context: str) -> str:
    if context == "placement":
        return str(MESSAGES[kind])
    return f"{FOUND[kind]} {WHY[context]}"


class PersonalDataWarning:
    """WTForms validator for the pilot's working texts (actions, comments, cards, minutes,
    agenda items, decisions, goals): a BSN is refused; an e-mail address, phone number,
    IBAN or birth date is warned about, and accepted once the writer ticks the form's
    confirmation (CONFIRM_FIELD, see confirm_field) to say it is not about a placed person.
    The field is marked `privacy_warning`, so the form macro shows that box beside it."""

    def __call__(self, form: Any, field: Any) -> None:
        if not field.data:
            return
        findings = personal_data_findings(str(field.data))
        if not findings:
            return
        bsn = next((f for f in findings if f.kind == "bsn"), None)
        if bsn is not None:
            raise ValidationError(f"{FOUND['bsn']} {WHY['working_bsn']}")
        confirmed = getattr(form, CONFIRM_FIELD, None)
        if confirmed is not None and confirmed.data:
            return
        field.privacy_warning = True
        # A prefixed form (one row among many on a page) names its box with the prefix.
        field.privacy_confirm_name = confirmed.name if confirmed is not None else CONFIRM_FIELD
        raise ValidationError(f"{FOUND[findings[0].kind]} {WHY['working']}")


@dataclass(frozen=True)
class WorkingTextProblem:
    """Why a working text cannot be saved as it is; `confirmable` unless it holds a BSN."""

    message: str
    confirmable: bool


def working_text_problem(text: str, *, confirmed: bool) -> WorkingTextProblem | None:
    """PersonalDataWarning's rule for a text that is not a form field (the minutes of one
    agenda item, typed on the one-page minutes): a BSN is refused, other personal data is
    warned about until the writer confirms it is not about a placed person."""
    findings = personal_data_findings(text) if text else []
    if not findings:
        return None
    if any(f.kind == "bsn" for f in findings):
        return WorkingTextProblem(f"{FOUND['bsn']} {WHY['working_bsn']}", False)
    if confirmed:
        return None
    return WorkingTextProblem(f"{FOUND[findings[0].kind]} {WHY['working']}", True)


def confirm_field():
    """The confirmation a working-text form carries, as `confirm_not_personal`."""
    from wtforms import BooleanField

    return BooleanField(_l("I confirm this is not about a placed person"))


__all__ = [
    "CONFIRM_FIELD",
    "MESSAGES",
    "Anonymous",
    "PersonalDataWarning",
    "confirm_field",
    "Finding",
    "Kind",
    "check_anonymous",
    "is_valid_bsn",
    "is_valid_iban",
    "personal_data_findings",
    "working_text_problem",
    "WorkingTextProblem",
]
