"""The reports domain's tables, by what they are for: notes to the board, evaluation (4b),
policy and public results (5a-5d). Import from here; the modules are an inner layout."""

from .evaluation import (
    Evaluation,
    EvaluationStatus,
    Lesson,
    LessonTheme,
    SupplierContribution,
)
from .notes import NoteAcknowledgement, NoteRemark, NoteStatus, ProgressNote, RemarkAnswerSeen
from .policy import POLICY_SECTIONS, PolicyDraft, PolicyVersion, PublicLink, PublicResults

__all__ = [
    "POLICY_SECTIONS",
    "Evaluation",
    "EvaluationStatus",
    "Lesson",
    "LessonTheme",
    "NoteAcknowledgement",
    "NoteRemark",
    "NoteStatus",
    "PolicyDraft",
    "PolicyVersion",
    "ProgressNote",
    "PublicLink",
    "PublicResults",
    "RemarkAnswerSeen",
    "SupplierContribution",
]
