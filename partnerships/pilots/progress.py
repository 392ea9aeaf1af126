"""Where a pilot stands on its route: per step and sub-step, computed from StepState rows.

Pure functions over the workflow and a {code: status} map, so the overview can compute the
progress of many pilots from one query and the pages can share one picture.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select

from ..extensions import db
from .models import StepState, StepStatus

FINISHED = frozenset({StepStatus.DONE, StepStatus.SKIPPED})


@dataclass(frozen=True)
class SubStepView:
    """A sub-step as the progress bar shows it."""

    code: str
    title: str
    status: str
    applicable: bool


@dataclass(frozen=True)
class StepView:
    """A step with its sub-steps and counts; not applicable when it is off the chosen route.

    Immutable, so its derived counts are worked out once (cached_property writes past the
    frozen guard into the instance's own dict, which is what makes that safe here).
    """

    code: str
    title: str
    applicable: bool
    substeps: tuple[SubStepView, ...]

    @cached_property
    def total(self) -> int:
        return len(self.substeps)

    @cached_property
    def done(self) -> int:
        """Sub-steps closed: done, or skipped with a reason."""
        return sum(1 for s in self.substeps if s.status in FINISHED)

    @cached_property
    def skipped(self) -> int:
        return sum(1 for s in self.substeps if s.status == StepStatus.SKIPPED)

    @cached_property
    def status(self) -> str:
        """open, busy, done or not_applicable, for the badge and its text."""
        if not self.applicable:
            return "not_applicable"
        if self.total and self.done == self.total:
            return "done"
        if any(s.status != StepStatus.OPEN for s in self.substeps):
            return "busy"
        return "open"


@dataclass(frozen=True)
class Progress:
    """The whole route of one pilot: steps in order and the totals over applicable ones."""

    route: str | None
    steps: tuple[StepView, ...]

    @cached_property
    def applicable_steps(self) -> tuple[StepView, ...]:
        return tuple(s for s in self.steps if s.applicable)

    @cached_property
    def total(self) -> int:
        return sum(s.total for s in self.applicable_steps)

    @cached_property
    def done(self) -> int:
        return sum(s.done for s in self.applicable_steps)

    @cached_property
    def current_step(self) -> StepView | None:
        """The first step on the route that is not finished; None when all are."""
        return next((s for s in self.applicable_steps if s.done < s.total), None)

    @cached_property
    def current_substep(self) -> SubStepView | None:
        step = self.current_step
        if step is None:
            return None
        return next((s for s in step.substeps if s.status not in FINISHED), None)

    def is_applicable(self, code: str) -> bool:
        """Whether a sub-step code lies on the pilot's route."""
        return any(sub.code == code for s in self.applicable_steps for sub in s.substeps)


def route_steps(workflow, route: str | None) -> set[str]:
    """Step codes on the route; every step while no (known) route is chosen."""
    try:
        return {s.code for s in workflow.steps_for_route(route)}
    except KeyError:
        return {s.code for s in workflow.steps}


# Pictures already built, per workflow object: lists show dozens of pilots and many stand at
# the same place. Held with the workflow itself, so a reused id() can never match.
_PICTURES: dict[int, tuple[object, dict]] = {}
PICTURES_PER_WORKFLOW = 4096


def compute(workflow, route: str | None, statuses: Mapping[str, str], locale: str) -> Progress:
    """The progress picture for the workflow and the stored statuses by code (memoised)."""
    held = _PICTURES.get(id(workflow))
    if held is None or held[0] is not workflow:
        if len(_PICTURES) > 32:  # workflows come and go only in tests
            _PICTURES.clear()
        held = _PICTURES[id(workflow)] = (workflow, {})
    pictures = held[1]
    key = (route, frozenset(statuses.items()), locale)
    picture = pictures.get(key)
    if picture is None:
        if len(pictures) >= PICTURES_PER_WORKFLOW:
            pictures.clear()
        picture = pictures[key] = _build(workflow, route, statuses, locale)
    return picture


def _build(workflow, route: str | None, statuses: Mapping[str, str], locale: str) -> Progress:
    on_route = route_steps(workflow, route)
    steps = []
    for step in workflow.steps:
        applicable = step.code in on_route
        subs = tuple(
            SubStepView(
                code=sub.code,
                title=sub.title.get(locale),
                status=statuses.get(sub.code, StepStatus.OPEN),
                applicable=applicable,
            )
            for sub in step.substeps
        )
        steps.append(StepView(step.code, step.title.get(locale), applicable, subs))
    return Progress(route=route, steps=tuple(steps))


def statuses_for(pilot_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """{pilot_id: {code: status}} for many pilots in a single query (no N+1 in lists)."""
    ids = list(pilot_ids)
    result: dict[int, dict[str, str]] = defaultdict(dict)
    if not ids:
        return result
    rows = db.session.execute(
        select(StepState.pilot_id, StepState.code, StepState.status).where(
            StepState.pilot_id.in_(ids)
        )
    )
    for pilot_id, code, status in rows:
        result[pilot_id][code] = status
    return result


def for_pilot(pilot, workflow, locale: str) -> Progress:
    """The progress of one pilot."""
    return compute(workflow, pilot.route, statuses_for([pilot.id])[pilot.id], locale)
