"""A method (workflow) as frozen data: what the loader builds from workflow.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

LOCALES = ("nl", "en")


@dataclass(frozen=True)
class Text:
    """A text in Dutch and English, because every string the product shows has both."""

    nl: str
    en: str

    def get(self, locale: str | None) -> str:
        """Return the text for a locale such as "en" or "en_GB"; Dutch is the default."""
        if locale and locale.lower().startswith("en") and self.en:
            return self.en
        return self.nl or self.en


@dataclass(frozen=True)
class CheckRef:
    """A completion check named in the TOML, e.g. ``actions:min=3`` or ``role_filled:hr_expert``."""

    name: str
    param: str | int | None = None
    # Parameters naming a role or a decision kind are written "name:param", others "name=param".
    colon: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        if self.param is None:
            return self.name
        return f"{self.name}{':' if self.colon else '='}{self.param}"


@dataclass(frozen=True)
class Role:
    """A role from the RACI annex (Bijlage II) that a member of a pilot can hold."""

    code: str
    name: Text
    description: Text
    assignable: bool
    internal: bool


@dataclass(frozen=True)
class SubStep:
    """A sub-step (tussenstap) such as 1a, with its guidance read once at load time."""

    code: str
    step: str
    title: Text
    outcome: Text
    page: int
    guidance_file: str
    guidance: Text
    checks: tuple[CheckRef, ...] = ()


@dataclass(frozen=True)
class Step:
    """A step of the method (1, 2A, 2B, 3, 4, 5) and its sub-steps in order."""

    code: str
    title: Text
    outcome: Text
    page: int
    substeps: tuple[SubStep, ...]


@dataclass(frozen=True)
class Route:
    """A path through the steps that a pilot chooses, e.g. new tender (2A) or both."""

    code: str
    name: Text
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Duty:
    """What one role does in one step (a RACI cell), with where that knowledge comes from."""

    step: str
    role: str
    text: Text
    uncertain: bool = False
    source: str = ""


@dataclass(frozen=True)
class AgendaItem:
    """One point on a meeting agenda, with optional questions or detail under it."""

    title: Text
    detail: Text | None = None


@dataclass(frozen=True)
class AgendaTemplate:
    """A meeting the method names, so a pilot can start its agenda from a template."""

    key: str
    name: Text
    step: str
    duration_minutes: int
    items: tuple[AgendaItem, ...]
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class BrainstormEntry:
    """A labelled element of the brainstorm format: a field, option, prompt or column."""

    key: str
    label: Text
    help: Text


@dataclass(frozen=True)
class BrainstormFormat:
    """The brainstorm format of Bijlage III: header fields, options, prompts and columns."""

    page: int
    fields: tuple[BrainstormEntry, ...]
    kinds: tuple[BrainstormEntry, ...]
    natures: tuple[BrainstormEntry, ...]
    prompts: tuple[BrainstormEntry, ...]
    columns: tuple[BrainstormEntry, ...]


@dataclass(frozen=True, eq=False)
class Workflow:
    """A whole method, versioned, so a pilot keeps the version it started with."""

    key: str
    version: int
    title: Text
    roles: tuple[Role, ...]
    steps: tuple[Step, ...]
    routes: tuple[Route, ...] = ()
    route_choice_after: str | None = None
    duties: tuple[Duty, ...] = ()
    agenda_templates: tuple[AgendaTemplate, ...] = ()
    brainstorm: BrainstormFormat | None = None
    source: str = ""
    path: Path | None = None

    @cached_property
    def internal_roles(self) -> frozenset[str]:
        """Codes of the roles declared `internal = true`: the buyer's side. Asked for every
        pilot of a page over all of them, so worked out once per loaded workflow."""
        return frozenset(role.code for role in self.roles if role.internal)

    @property
    def substeps(self) -> tuple[SubStep, ...]:
        """All sub-steps in method order, for lists and progress counts."""
        return tuple(sub for step in self.steps for sub in step.substeps)

    def role(self, code: str) -> Role | None:
        """Return the role with this code, or None."""
        return next((r for r in self.roles if r.code == code), None)

    def step(self, code: str) -> Step | None:
        """Return the step with this code, or None."""
        return next((s for s in self.steps if s.code == code), None)

    def substep(self, code: str) -> SubStep | None:
        """Return the sub-step with this code, or None."""
        return next((s for s in self.substeps if s.code == code), None)

    def step_of(self, substep_code: str) -> Step | None:
        """Return the step that holds a sub-step, or None when the code is unknown."""
        return next(
            (s for s in self.steps if any(x.code == substep_code for x in s.substeps)), None
        )

    def route(self, code: str) -> Route | None:
        """Return the route with this code, or None."""
        return next((r for r in self.routes if r.code == code), None)

    def steps_for_route(self, route: str | None) -> tuple[Step, ...]:
        """Steps a pilot on this route walks; all steps while no route is chosen yet."""
        if route is None:
            return self.steps
        chosen = self.route(route)
        if chosen is None:
            raise KeyError(f"workflow {self.key} v{self.version} has no route {route!r}")
        return tuple(s for s in self.steps if s.code in chosen.steps)

    def duties_for(self, step_code: str) -> Mapping[str, Duty]:
        """RACI duties of one step as role code -> Duty, in the order the roles are declared."""
        by_role = {d.role: d for d in self.duties if d.step == step_code}
        return {r.code: by_role[r.code] for r in self.roles if r.code in by_role}

    def agenda_template(self, key: str) -> AgendaTemplate | None:
        """Return the agenda template with this key, or None."""
        return next((t for t in self.agenda_templates if t.key == key), None)

    def guidance(self, substep_code: str, locale: str | None) -> str:
        """Markdown guidance for a sub-step, from memory so requests never touch the disk."""
        sub = self.substep(substep_code)
        if sub is None:
            raise KeyError(f"workflow {self.key} v{self.version} has no sub-step {substep_code!r}")
        return sub.guidance.get(locale)
