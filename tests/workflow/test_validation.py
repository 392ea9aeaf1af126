"""Each kind of mistake in a workflow folder is reported with its file and line or key path."""

from pathlib import Path

import pytest

from partnerships.workflow import WorkflowError, load_workflow

FIXTURES = Path(__file__).parent / "fixtures"


def _problems(name: str):
    with pytest.raises(WorkflowError) as caught:
        load_workflow(FIXTURES / name)
    return caught.value.problems


def _line_of(name: str, needle: str, occurrence: int = 1) -> int:
    lines = (FIXTURES / name / "workflow.toml").read_text().splitlines()
    hits = [n for n, line in enumerate(lines, start=1) if needle in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize(
    ("fixture", "key", "needle", "occurrence", "message"),
    [
        ("broken_unknown_role", "duties[0].role", 'role = "leader"', 1, "unknown role 'leader'"),
        ("broken_route_step", "routes[1].steps[1]", '"C"', 1, "unknown step 'C'"),
        (
            "broken_duplicate_code",
            "steps[1].substeps[0].code",
            'code = "A1"',
            2,
            "duplicate sub-step code 'A1'",
        ),
        (
            "broken_missing_guidance",
            "steps[0].substeps[1].guidance",
            'guidance = "A2.md"',
            1,
            "missing guidance file guidance/en/A2.md",
        ),
        (
            "broken_unknown_check",
            "steps[0].substeps[0].checks[1]",
            "actoins:min=2",
            1,
            "unknown check 'actoins:min=2'. Did you mean 'actions:min=1'?",
        ),
        (
            "broken_check_param",
            "steps[0].substeps[0].checks[1]",
            "actions:min=abc",
            1,
            "needs a whole number",
        ),
    ],
)
def test_problem_is_reported_at_its_line_and_key(fixture, key, needle, occurrence, message):
    [problem] = _problems(fixture)
    assert problem.file == FIXTURES / fixture / "workflow.toml"
    assert problem.key == key
    assert problem.line == _line_of(fixture, needle, occurrence)
    assert message in problem.message
    assert str(problem).startswith(f"{problem.file}:{problem.line}: ")


def test_toml_syntax_error_reports_tomllibs_line():
    [problem] = _problems("broken_syntax")
    assert problem.file == FIXTURES / "broken_syntax" / "workflow.toml"
    assert problem.line == _line_of("broken_syntax", 'en = "Small method')
    assert problem.message.startswith("TOML syntax error")


def test_missing_translations_are_all_reported_in_one_go():
    problems = _problems("broken_missing_translation")
    assert len(problems) == 2
    title, guidance = problems
    assert title.key == "steps[0].substeps[0].title.en"
    assert title.line == _line_of("broken_missing_translation", 'title = { nl = "Kies een trekker"')
    assert "English (en) text of 'title' is empty" in title.message
    assert guidance.file == FIXTURES / "broken_missing_translation" / "guidance" / "nl" / "B1.md"
    assert guidance.key == "steps[1].substeps[0].guidance"
    assert "guidance file is empty" in guidance.message


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "workflow.toml").write_text(text)
    return tmp_path


MINIMAL = """\
key = "tiny"
version = 1
title = { nl = "Klein", en = "Tiny" }

[[roles]]
code = "lead"
assignable = true
internal = true
name = { nl = "Trekker", en = "Lead" }
description = { nl = "Trekt.", en = "Leads." }

[[steps]]
code = "A"
page = 1
title = { nl = "Stap", en = "Step" }
outcome = { nl = "Klaar.", en = "Done." }

[[steps.substeps]]
code = "A1"
page = 1
checks = [CHECKS]
title = { nl = "Sub", en = "Sub" }
outcome = { nl = "Klaar.", en = "Done." }
"""


def _tiny(tmp_path: Path, checks: str, extra: str = "") -> list:
    for locale in ("nl", "en"):
        (tmp_path / "guidance" / locale).mkdir(parents=True, exist_ok=True)
        (tmp_path / "guidance" / locale / "A1.md").write_text("Tekst / text")
    _write(tmp_path, MINIMAL.replace("CHECKS", checks) + extra)
    try:
        load_workflow(tmp_path)
    except WorkflowError as error:
        return error.problems
    return []


def test_guidance_defaults_to_the_sub_step_code(tmp_path):
    assert _tiny(tmp_path, "") == []


@pytest.mark.parametrize(
    ("check", "message"),
    [
        ('"role_filled:boss"', "unknown role 'boss'"),
        ('"meeting:held=kickoff"', "unknown agenda template 'kickoff'"),
        ('"decision:whim"', "unknown decision kind 'whim'"),
        ('"goals:set=2"', "takes no parameter"),
        ('"actions:min"', "needs a parameter"),
        ('"role_filled=lead"', "with ':'"),
        ("3", "should be written as a text"),
    ],
)
def test_check_parameters_are_validated_against_the_workflow(tmp_path, check, message):
    [problem] = _tiny(tmp_path, check)
    assert message in problem.message
    assert problem.line is not None


def test_unknown_fields_and_missing_fields_are_reported(tmp_path):
    extra = '\n[[duties]]\nstep = "A"\nrole = "lead"\ntitel = "oops"\n'
    problems = _tiny(tmp_path, "", extra)
    messages = sorted(p.message for p in problems)
    assert any("missing required field 'text'" in m for m in messages)
    assert any("unknown field 'titel'" in m for m in messages)
    unknown = next(p for p in problems if "titel" in p.message)
    assert unknown.key == "duties[0].titel"
    assert unknown.line == MINIMAL.count("\n") + 5


def test_uncertain_duty_needs_a_source(tmp_path):
    extra = (
        '\n[[duties]]\nstep = "A"\nrole = "lead"\nuncertain = true\ntext = { nl = "x", en = "y" }\n'
    )
    [problem] = _tiny(tmp_path, "", extra)
    assert problem.key == "duties[0].source"


def test_guidance_may_not_escape_its_folder(tmp_path):
    text = MINIMAL.replace("checks = [CHECKS]", 'guidance = "../../secret.md"')
    for locale in ("nl", "en"):
        (tmp_path / "guidance" / locale).mkdir(parents=True)
    _write(tmp_path, text)
    with pytest.raises(WorkflowError, match="must stay inside"):
        load_workflow(tmp_path)


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    with pytest.raises(WorkflowError, match="cannot read"):
        load_workflow(tmp_path)
