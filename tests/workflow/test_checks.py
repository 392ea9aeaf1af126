"""Check names resolve to registered predicates; without one a check is never "done"."""

import pytest

from partnerships.workflow import checks
from partnerships.workflow.checks import (
    KNOWN_CHECKS,
    CheckResult,
    CheckSyntaxError,
    describe,
    evaluate,
    implements,
    parse_check,
)
from partnerships.workflow.model import CheckRef


@pytest.mark.parametrize(
    ("raw", "name", "param"),
    [
        ("decision:principebesluit", "decision", "principebesluit"),
        ("role_filled:coordinator_backup", "role_filled", "coordinator_backup"),
        ("goals:set", "goals:set", None),
        ("actions:min=3", "actions:min", 3),
        ("meeting:held=kickoff", "meeting:held", "kickoff"),
        ("placements:min=0", "placements:min", 0),
    ],
)
def test_parse_check_round_trips(raw, name, param):
    ref = parse_check(raw)
    assert (ref.name, ref.param) == (name, param)
    assert str(ref) == raw


@pytest.mark.parametrize("raw", ["actions:min=abc", "actions:min=-1", "nonsense", "decision"])
def test_parse_check_refuses_bad_names_and_params(raw):
    with pytest.raises(CheckSyntaxError):
        parse_check(raw)


@pytest.fixture(autouse=True)
def empty_registry():
    """Each test starts from a registry without the domains' predicates and restores it after,
    so registering stand-ins here never disturbs the real checks other tests rely on."""
    saved = dict(checks._IMPLEMENTATIONS)
    checks._IMPLEMENTATIONS.clear()
    yield
    checks._IMPLEMENTATIONS.clear()
    checks._IMPLEMENTATIONS.update(saved)


def test_an_unregistered_check_is_unavailable_never_done():
    result = evaluate(CheckRef("evaluation:done"), pilot=object())
    assert result.status == "unavailable"
    assert result.render("en") == "This check is not yet available."
    assert result.render("nl") == "Deze controle is nog niet beschikbaar."


def test_a_registered_predicate_answers_with_its_param():
    calls = []

    @implements("actions:min")
    def enough_actions(pilot, minimum):
        calls.append((pilot, minimum))
        return CheckResult("missing", f"{minimum} needed")

    try:
        result = evaluate(parse_check("actions:min=3"), pilot="p")
        assert (result.status, result.render()) == ("missing", "3 needed")
        assert calls == [("p", 3)]
        assert checks.is_implemented("actions:min")
    finally:
        checks.unregister("actions:min")
    assert not checks.is_implemented("actions:min")


def test_a_second_different_implementation_is_refused():
    @implements("goals:set")
    def first(pilot, param):
        return CheckResult("done")

    try:

        def second(pilot, param):
            return CheckResult("done")

        with pytest.raises(ValueError, match="already implemented"):
            implements("goals:set")(second)
        assert implements("goals:set")(first) is first  # a re-import is fine
    finally:
        checks.unregister("goals:set")


def test_only_known_names_can_be_implemented():
    with pytest.raises(ValueError, match="unknown check name"):
        implements("jobs:magic")


def test_an_implementation_must_return_a_check_result():
    implements("policy:drafted")(lambda pilot, param: True)
    try:
        with pytest.raises(TypeError):
            evaluate(CheckRef("policy:drafted"), pilot=None)
    finally:
        checks.unregister("policy:drafted")


def test_describe_reads_well_in_both_languages():
    ref = parse_check("role_filled:hr_expert")
    assert describe(ref, "en", {"hr_expert": "HR expert"}) == "Role filled: HR expert"
    assert describe(parse_check("actions:min=3"), "nl") == "Minstens 3 acties"
    assert all(spec.description.nl and spec.description.en for spec in KNOWN_CHECKS.values())


def test_describe_uses_the_singular_for_one_and_names_decision_kinds():
    from partnerships.workflow.checks import describe, parse_check

    assert describe(parse_check("contracts:min=1"), "nl") == "Minstens 1 contract of aanbesteding"
    assert describe(parse_check("placements:min=2"), "nl") == "Minstens 2 gerealiseerde plaatsingen"
    assert describe(parse_check("decision:supplier_choice"), "nl") == (
        "Besluit vastgelegd: keuze van opdrachtnemer"
    )
    assert describe(parse_check("decision:other"), "en") == "Decision recorded: other decision"
