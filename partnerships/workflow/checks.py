"""Named completion checks: the registry of names, parsing, and a place to plug predicates in.

The TOML names checks; domain packages register the Python that answers them with
``@implements("actions:min")``. Nothing is evaluated from text, and a check without an
implementation answers "unavailable", never "done".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Literal

from partnerships.workflow.model import CheckRef, Text

ParamKind = Literal["int", "role", "template", "decision_kind", "substep", "any"]
Status = Literal["done", "missing", "unavailable"]

DECISION_KINDS = (
    "principebesluit",
    "route",
    "supplier_choice",
    "budget",
    "policy_adoption",
    "procurement_strategy",
    "market_consultation",
    "sr_requirement",
    "results_shared",
    "other",
)

# Parameters that name a role or a decision kind read as "name:param", the others "name=param".
_COLON_KINDS = ("role", "decision_kind")


@dataclass(frozen=True)
class CheckSpec:
    """What a check name means and what parameter it takes, so the loader can validate it."""

    name: str
    param_kind: ParamKind | None
    description: Text

    @property
    def example(self) -> str:
        """How an editor writes this check in workflow.toml."""
        sample = {
            None: "",
            "int": "=1",
            "role": ":coordinator",
            "template": "=kickoff",
            "decision_kind": ":principebesluit",
            "substep": "=2Aa",
            "any": "=value",
        }
        return self.name + sample[self.param_kind]


# name, parameter kind, description (nl, en); "{param}" is filled in by describe().
_SPECS: tuple[tuple[str, ParamKind | None, str, str], ...] = (
    ("decision", "decision_kind", "Besluit vastgelegd: {param}", "Decision recorded: {param}"),
    ("role_filled", "role", "Rol bezet: {param}", "Role filled: {param}"),
    (
        "goals:set",
        None,
        "Doelstellingen en doelgroep vastgelegd",
        "Goals and target group recorded",
    ),
    (
        "ambassador:named",
        None,
        "Ambassadeur in het bestuur benoemd",
        "Ambassador on the board named",
    ),
    ("results:shared", None, "Resultaten gedeeld", "Results shared"),
    ("actions:min", "int", "Minstens {param} acties", "At least {param} actions"),
    ("route:chosen", None, "Route gekozen (2A, 2B of beide)", "Route chosen (2A, 2B or both)"),
    ("meeting:held", "template", "Overleg gehouden: {param}", "Meeting held: {param}"),
    (
        "brainstorm:held",
        "substep",
        "Brainstorm gehouden voor {param}",
        "Brainstorm held for {param}",
    ),
    (
        "contracts:min",
        "int",
        "Minstens {param} contracten of aanbestedingen",
        "At least {param} contracts or tenders",
    ),
    (
        "potential_jobs:min",
        "int",
        "Minstens {param} potentiële banen",
        "At least {param} potential jobs",
    ),
    (
        "placements:min",
        "int",
        "Minstens {param} gerealiseerde plaatsingen",
        "At least {param} placements realised",
    ),
    (
        "monitoring:frequency_set",
        None,
        "Frequentie van monitoring afgesproken",
        "Monitoring frequency agreed",
    ),
    ("evaluation:done", None, "Evaluatie uitgevoerd", "Evaluation done"),
    ("policy:drafted", None, "Beleidskader opgesteld", "Policy framework drafted"),
)

# The singular wording for a count of exactly one ("Minstens 1 actie", not "1 acties").
_SINGULAR: dict[str, Text] = {
    "actions:min": Text(nl="Minstens 1 actie", en="At least 1 action"),
    "contracts:min": Text(
        nl="Minstens 1 contract of aanbesteding", en="At least 1 contract or tender"
    ),
    "potential_jobs:min": Text(nl="Minstens 1 potentiële baan", en="At least 1 potential job"),
    "placements:min": Text(
        nl="Minstens 1 gerealiseerde plaatsing", en="At least 1 placement realised"
    ),
}

# Readable names of the decision kinds, so a checklist never shows "supplier_choice".
DECISION_KIND_LABELS: dict[str, Text] = {
    "principebesluit": Text(nl="principebesluit", en="in-principle decision"),
    "route": Text(nl="routekeuze", en="route choice"),
    "supplier_choice": Text(nl="keuze van opdrachtnemer", en="choice of supplier"),
    "budget": Text(nl="budgetbesluit", en="budget decision"),
    "policy_adoption": Text(nl="vaststelling van het beleidskader", en="adoption of the policy"),
    "procurement_strategy": Text(nl="sociale inkoopstrategie", en="social procurement strategy"),
    "market_consultation": Text(nl="uitkomst van de marktconsultatie", en="market consultation"),
    "sr_requirement": Text(
        nl="manier waarop de aanbesteding social return vraagt",
        en="how the tender asks for social return",
    ),
    "results_shared": Text(nl="besluit over het delen van de resultaten", en="sharing of results"),
    "other": Text(nl="overig besluit", en="other decision"),
}

KNOWN_CHECKS: dict[str, CheckSpec] = {
    name: CheckSpec(name, kind, Text(nl=nl, en=en)) for name, kind, nl, en in _SPECS
}


@dataclass(frozen=True)
class Where:
    """Where a check is satisfied: the page (endpoint), the access rule a person needs to
    use it, and query values that open it filled in. A value "{param}" is the check's
    parameter, "{substep}" the sub-step whose checklist links there, "{step}" its step."""

    endpoint: str
    rule: str
    args: tuple[tuple[str, str], ...] = ()
    anchor: str | None = None

    def values(self, pilot_id: int, param, substep: str, step: str) -> dict:
        """The url_for values for one pilot and sub-step."""
        fill = {"{param}": "" if param is None else str(param), "{substep}": substep}
        fill["{step}"] = step
        values: dict = {"pilot_id": pilot_id}
        for name, value in self.args:
            values[name] = fill.get(value, value)
        if self.anchor:
            values["_anchor"] = self.anchor
        return values


# For each check, the place that satisfies it. Data, so the sub-step page needs no special
# case per check: a new check names its place here, next to its description.
WHERE: dict[str, Where] = {
    "decision": Where(
        "meetings.decisions",
        "decision.record",
        (("kind", "{param}"), ("step", "{substep}")),
        "new-decision-heading",
    ),
    "role_filled": Where(
        "team.working_group", "team.manage", (("role", "{param}"),), "add-heading"
    ),
    "goals:set": Where("pilots.settings", "pilot.edit_settings", anchor="goals_text"),
    "ambassador:named": Where("pilots.settings", "pilot.edit_settings", anchor="ambassador"),
    "results:shared": Where("reports.results", "results.manage"),
    "actions:min": Where("actions.new", "action.manage", (("step", "{substep}"),)),
    "route:chosen": Where(
        "pilots.substep", "pilot.choose_route", (("code", "{substep}"),), "route-choice"
    ),
    "meeting:held": Where("meetings.new", "meeting.create", (("kind", "{param}"),)),
    "brainstorm:held": Where("brainstorms.new", "brainstorm.create", (("step", "{substep}"),)),
    "contracts:min": Where("contracts.contract_new", "contract.create"),
    "potential_jobs:min": Where("contracts.potential_job_new", "potential_job.edit"),
    "placements:min": Where("placements.placement_new", "placement.create"),
    "monitoring:frequency_set": Where(
        "pilots.settings", "pilot.edit_settings", anchor="monitoring_frequency"
    ),
    "evaluation:done": Where("reports.evaluation", "evaluation.create"),
    "policy:drafted": Where("reports.policy", "policy.edit"),
}


class CheckSyntaxError(ValueError):
    """A check written in the TOML that names no known check or has a bad parameter."""


@dataclass(frozen=True)
class CheckResult:
    """The answer of a check; message is a str, a lazy string, or a Text to localise."""

    status: Status
    message: Any = ""

    def render(self, locale: str | None = None) -> str:
        """The message as text in the wanted locale."""
        if isinstance(self.message, Text):
            return self.message.get(locale)
        return str(self.message)


CheckFn = Callable[[Any, Any], CheckResult]

UNAVAILABLE = Text(
    nl="Deze controle is nog niet beschikbaar.", en="This check is not yet available."
)

_IMPLEMENTATIONS: dict[str, CheckFn] = {}


def implements(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn(pilot, param) -> CheckResult`` as the predicate behind a check name."""
    if name not in KNOWN_CHECKS:
        raise ValueError(f"unknown check name {name!r}; add it to KNOWN_CHECKS first")

    def register(fn: CheckFn) -> CheckFn:
        existing = _IMPLEMENTATIONS.get(name)
        # A module imported twice (reloader, importlib test mode) may register the same
        # function again; a second, different function is a mistake.
        if existing is not None and _qualified(existing) != _qualified(fn):
            raise ValueError(f"check {name!r} is already implemented by {_qualified(existing)}")
        _IMPLEMENTATIONS[name] = fn
        return fn

    return register


def _qualified(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


def unregister(name: str) -> None:
    """Forget an implementation, so tests can register a stand-in and clean up."""
    _IMPLEMENTATIONS.pop(name, None)


def is_implemented(name: str) -> bool:
    """Whether domain code has registered a predicate for this check name."""
    return name in _IMPLEMENTATIONS


def evaluate(check: CheckRef, pilot: Any) -> CheckResult:
    """Answer a check for a pilot; without an implementation the answer is "unavailable"."""
    fn = _IMPLEMENTATIONS.get(check.name)
    if fn is None:
        return CheckResult("unavailable", UNAVAILABLE)
    result = fn(pilot, check.param)
    if not isinstance(result, CheckResult):
        raise TypeError(f"check {check.name!r} returned {type(result).__name__}, not CheckResult")
    return result


def describe(
    check: CheckRef, locale: str | None = None, labels: dict[str, str] | None = None
) -> str:
    """A readable label for a check; labels may map a role or template code to its name."""
    spec = KNOWN_CHECKS.get(check.name)
    if spec is None:
        return str(check)
    param = "" if check.param is None else str(check.param)
    if spec.param_kind == "int" and param == "1" and check.name in _SINGULAR:
        return _SINGULAR[check.name].get(locale)
    if spec.param_kind == "decision_kind" and param in DECISION_KIND_LABELS:
        return spec.description.get(locale).format(param=DECISION_KIND_LABELS[param].get(locale))
    return spec.description.get(locale).format(param=(labels or {}).get(param, param))


def parse_check(raw: str) -> CheckRef:
    """Turn ``"actions:min=3"`` into a CheckRef, or raise CheckSyntaxError saying what is wrong."""
    raw = raw.strip()
    if "=" in raw:
        name, _, value = raw.partition("=")
        spec = KNOWN_CHECKS.get(name.strip())
        if spec is None:
            raise CheckSyntaxError(_unknown(raw, name.strip()))
        if spec.param_kind is None:
            raise CheckSyntaxError(
                f"check {spec.name!r} takes no parameter; write {spec.example!r}"
            )
        if spec.param_kind in _COLON_KINDS:
            raise CheckSyntaxError(f"write check {raw!r} as {spec.example!r} (with ':')")
        return CheckRef(spec.name, _param(spec, value.strip(), raw))
    if raw in KNOWN_CHECKS:
        spec = KNOWN_CHECKS[raw]
        if spec.param_kind is not None:
            raise CheckSyntaxError(f"check {raw!r} needs a parameter, e.g. {spec.example!r}")
        return CheckRef(raw)
    name, sep, value = raw.partition(":")
    spec = KNOWN_CHECKS.get(name)
    if sep and spec is not None and spec.param_kind in _COLON_KINDS:
        return CheckRef(spec.name, _param(spec, value.strip(), raw), colon=True)
    raise CheckSyntaxError(_unknown(raw, raw))


def _param(spec: CheckSpec, value: str, raw: str) -> str | int:
    if not value:
        raise CheckSyntaxError(f"check {raw!r} has an empty parameter; e.g. {spec.example!r}")
    if spec.param_kind == "int":
        if not value.isdigit():
            raise CheckSyntaxError(
                f"check {raw!r} needs a whole number of 0 or more after '=', e.g. {spec.example!r}"
            )
        return int(value)
    return value


def _unknown(raw: str, name: str) -> str:
    known = [spec.example for spec in KNOWN_CHECKS.values()]
    close = difflib.get_close_matches(name, list(KNOWN_CHECKS), n=1)
    hint = f" Did you mean {KNOWN_CHECKS[close[0]].example!r}?" if close else ""
    return f"unknown check {raw!r}.{hint} Known checks: {', '.join(known)}"


def validate_param(
    check: CheckRef,
    roles: Collection[str],
    templates: Collection[str],
    substeps: Collection[str] | None = None,
) -> str | None:
    """Return a message when a check's parameter names no role, template, decision kind or
    sub-step."""
    kind = KNOWN_CHECKS[check.name].param_kind
    if kind == "substep" and substeps is not None and check.param not in substeps:
        return (
            f"check {str(check)!r} names unknown sub-step {check.param!r}; "
            f"sub-steps: {', '.join(substeps)}"
        )
    if kind == "role" and check.param not in roles:
        return f"check {str(check)!r} names unknown role {check.param!r}; roles: {', '.join(roles)}"
    if kind == "template" and check.param not in templates:
        return (
            f"check {str(check)!r} names unknown agenda template {check.param!r}; "
            f"templates: {', '.join(templates) or '(none declared)'}"
        )
    if kind == "decision_kind" and check.param not in DECISION_KINDS:
        return (
            f"check {str(check)!r} names unknown decision kind {check.param!r}; "
            f"kinds: {', '.join(DECISION_KINDS)}"
        )
    return None
