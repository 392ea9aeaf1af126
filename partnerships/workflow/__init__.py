"""Methods as data: load workflow folders into frozen dataclasses and name their checks."""

from partnerships.workflow.checks import CheckResult, evaluate, implements
from partnerships.workflow.loader import (
    Problem,
    WorkflowError,
    Workflows,
    load_all,
    load_workflow,
)
from partnerships.workflow.model import CheckRef, Text, Workflow

__all__ = [
    "CheckRef",
    "CheckResult",
    "Problem",
    "Text",
    "Workflow",
    "WorkflowError",
    "Workflows",
    "evaluate",
    "implements",
    "load_all",
    "load_workflow",
]
