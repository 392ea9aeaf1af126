"""The fixed vocabularies of this domain, with their labels in the user's language."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

from ..pilots.forms import CATEGORY_LABELS


class ContractKind(enum.StrEnum):
    """An existing contract (route 2B) or a tender still to come (route 2A)."""

    CONTRACT = "contract"
    TENDER = "tender"


class Nature(enum.StrEnum):
    """Werk, dienst of levering: the Rijk SR threshold only covers works and services."""

    WORK = "work"
    SERVICE = "service"
    SUPPLY = "supply"


class SocialReturnBasis(enum.StrEnum):
    NONE = "none"
    PROJECT_VALUE = "project_value"
    WAGE_SUM = "wage_sum"
    OTHER = "other"


class SocialReturnInstrument(enum.StrEnum):
    CONTRACT_CLAUSE = "contract_clause"
    MINIMUM_REQUIREMENT = "minimum_requirement"
    AWARD_CRITERION = "award_criterion"
    SUITABILITY_REQUIREMENT = "suitability_requirement"


class JobSource(enum.StrEnum):
    STAFF_REVIEW = "staff_review"
    TRAINING_PLACE = "training_place"
    NEW_TASK = "new_task"
    STAPELBAAN = "stapelbaan"
    JOB_CREATION = "job_creation"
    VACANCY = "vacancy"
    BRAINSTORM = "brainstorm"


class JobStatus(enum.StrEnum):
    IDEA = "idea"
    IN_DISCUSSION = "in_discussion"
    VACANCY_OPEN = "vacancy_open"
    FILLED = "filled"
    DROPPED = "dropped"


class Outcome(enum.StrEnum):
    ACTIVE = "active"
    EMPLOYED_AFTER = "employed_after"
    OTHER_WORK = "other_work"
    STOPPED = "stopped"


class EvidenceKind(enum.StrEnum):
    EMPLOYMENT_CONTRACT = "employment_contract"
    PAYSLIP = "payslip"
    INVOICE = "invoice"
    DECLARATION = "declaration"


class ReportStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


CATEGORIES = CATEGORY_LABELS

CONTRACT_KINDS = {
    ContractKind.CONTRACT: _l("Existing contract"),
    ContractKind.TENDER: _l("Tender (to come)"),
}
NATURES = {
    Nature.WORK: _l("Work"),
    Nature.SERVICE: _l("Service"),
    Nature.SUPPLY: _l("Supply"),
}
SR_BASES = {
    SocialReturnBasis.NONE: _l("No social return agreed"),
    SocialReturnBasis.PROJECT_VALUE: _l("Percentage of the project value"),
    SocialReturnBasis.WAGE_SUM: _l("Percentage of the wage sum"),
    SocialReturnBasis.OTHER: _l("Other arrangement"),
}
SR_INSTRUMENTS = {
    SocialReturnInstrument.CONTRACT_CLAUSE: _l("Contract clause"),
    SocialReturnInstrument.MINIMUM_REQUIREMENT: _l("Minimum requirement"),
    SocialReturnInstrument.AWARD_CRITERION: _l("Award criterion"),
    SocialReturnInstrument.SUITABILITY_REQUIREMENT: _l("Suitability requirement"),
}
JOB_SOURCES = {
    JobSource.STAFF_REVIEW: _l("Staff review and natural turnover"),
    JobSource.TRAINING_PLACE: _l("Training place"),
    JobSource.NEW_TASK: _l("New task at our organisation"),
    JobSource.STAPELBAAN: _l("Stapelbaan (tasks of several suppliers combined)"),
    JobSource.JOB_CREATION: _l("Job creation"),
    JobSource.VACANCY: _l("Vacancy"),
    JobSource.BRAINSTORM: _l("Idea from a brainstorm"),
}
JOB_STATUSES = {
    JobStatus.IDEA: _l("Idea"),
    JobStatus.IN_DISCUSSION: _l("In discussion"),
    JobStatus.VACANCY_OPEN: _l("Vacancy open"),
    JobStatus.FILLED: _l("Filled"),
    JobStatus.DROPPED: _l("Dropped"),
}
OUTCOMES = {
    Outcome.ACTIVE: _l("Active"),
    Outcome.EMPLOYED_AFTER: _l("In employment after the trajectory"),
    Outcome.OTHER_WORK: _l("Found other work"),
    Outcome.STOPPED: _l("Stopped"),
}
EVIDENCE_KINDS = {
    EvidenceKind.EMPLOYMENT_CONTRACT: _l("Employment contract"),
    EvidenceKind.PAYSLIP: _l("Payslip"),
    EvidenceKind.INVOICE: _l("Invoice"),
    EvidenceKind.DECLARATION: _l("Declaration"),
}
REPORT_STATUSES = {
    ReportStatus.SUBMITTED: _l("Submitted, awaiting acceptance"),
    ReportStatus.RETURNED: _l("Returned with a remark"),
    ReportStatus.ACCEPTED: _l("Accepted"),
}
FREQUENCIES = {
    "month": _l("Monthly"),
    "quarter": _l("Quarterly"),
    "half_year": _l("Half-yearly"),
    "year": _l("Yearly"),
}

# Organisation-configurable lists start from these defaults (see settings.py).
DEFAULT_PLACEMENT_KINDS = {
    "employment_fixed": _l("Employment, fixed term"),
    "employment_permanent": _l("Employment, permanent"),
    "secondment": _l("Secondment"),
    "werkervaringsplaats": _l("Werkervaringsplaats (work experience place)"),
    "leerwerkplek": _l("Leerwerkplek / BBL"),
    "internship": _l("Internship"),
    "training": _l("Training trajectory"),
    "proefplaatsing": _l("Proefplaatsing (trial placement)"),
}
DEFAULT_TARGET_GROUPS = {
    "doelgroepregister": _l("Doelgroepregister (banenafspraak)"),
    "participatiewet": _l("Participatiewet"),
    "ww": _l("WW"),
    "wajong": _l("Wajong"),
    "wia_wga": _l("WIA/WGA"),
    "statushouder": _l("Statushouder"),
    "ex_gedetineerde": _l("Ex-gedetineerde"),
    "age_50_plus": _l("50+"),
    "no_benefit": _l("No benefit (nugger)"),
    "student": _l("Student VSO/Pro/MBO"),
    "other": _l("Other"),
}

# Route 2B looks first at these categories (handreiking p.20).
LABOUR_INTENSIVE = frozenset(
    {
        "cleaning",
        "window_cleaning",
        "catering",
        "security",
        "maintenance",
        "green_spaces",
    }
)


def label(mapping: dict, code: str | None) -> str:
    """The label of a code; unknown codes (own list entries) are shown as they are."""
    if code is None:
        return ""
    return str(mapping.get(code, code))


def template_helpers() -> dict:
    """What this domain's templates need to name codes: `label(lists.OUTCOMES, code)`."""
    import sys

    from flask_login import current_user

    from .. import access

    return {
        "label": label,
        "lists": sys.modules[__name__],
        "speaks_for": lambda pilot: access.speaks_for(current_user, pilot),
        "may": lambda action, obj: access.can(current_user, action, obj),
    }
