"""The real method loads completely, and the loader holds nothing specific to it."""

import shutil
from pathlib import Path

import pytest

from partnerships.workflow import WorkflowError, load_all, load_workflow

ROOT = Path(__file__).resolve().parents[2]
METHOD = ROOT / "workflows" / "partnerships-voor-meer-banen"
FIXTURES = Path(__file__).parent / "fixtures"

ROLE_CODES = [
    "coordinator",
    "coordinator_backup",
    "sr_coordinator",
    "hr_expert",
    "procurement_expert",
    "category_manager",
    "contract_manager",
    "internal_client",
    "supplier",
    "board",
    "working_group",
]
SUBSTEP_CODES = ["1a", "1b", "1c", "1d", "1e", "2Aa", "2Ab", "2Ac", "2Ad", "2Ba", "2Bb"] + [
    "3a",
    "3b",
    "3c",
    "4a",
    "4b",
    "5a",
    "5b",
    "5c",
    "5d",
]


@pytest.fixture(scope="module")
def method():
    return load_workflow(METHOD)


def test_the_handreiking_loads_with_its_steps_sub_steps_and_roles(method):
    assert (method.key, method.version) == ("partnerships-voor-meer-banen", 1)
    assert [s.code for s in method.steps] == ["1", "2A", "2B", "3", "4", "5"]
    assert [s.code for s in method.substeps] == SUBSTEP_CODES
    assert [r.code for r in method.roles] == ROLE_CODES


def test_the_working_group_is_a_raci_column_not_a_person(method):
    assert method.role("working_group").assignable is False
    assert method.role("supplier").internal is False
    assert all(r.internal for r in method.roles if r.code != "supplier")


def test_every_sub_step_has_dutch_and_english_guidance_in_memory(method):
    for sub in method.substeps:
        assert method.guidance(sub.code, "nl").startswith("## Wat je doet")
        assert method.guidance(sub.code, "en").startswith("## What to do")
        assert sub.checks, f"{sub.code} has no completion checks"


def test_routes_after_step_1_lead_through_2a_2b_or_both(method):
    codes = lambda route: [s.code for s in method.steps_for_route(route)]  # noqa: E731
    assert method.route_choice_after == "1"
    assert codes("2A") == ["1", "2A", "3", "4", "5"]
    assert codes("2B") == ["1", "2B", "3", "4", "5"]
    assert codes("both") == ["1", "2A", "2B", "3", "4", "5"]
    assert codes(None) == ["1", "2A", "2B", "3", "4", "5"]
    with pytest.raises(KeyError):
        method.steps_for_route("3")


def test_lookups_by_code(method):
    assert method.substep("2Bb").page == 21
    assert method.substep("9z") is None
    assert method.step_of("2Bb").code == "2B"
    assert method.step_of("9z") is None
    assert method.agenda_template("progress").step == "4a"
    assert method.agenda_template("nope") is None


def test_duties_follow_role_order_and_mark_uncertain_cells_with_a_source(method):
    duties = method.duties_for("2B")
    assert list(duties)[:2] == ["coordinator", "sr_coordinator"]
    assert "board" not in duties
    assert duties["hr_expert"].uncertain
    assert duties["hr_expert"].source == "Bijlage II, p.36-38"  # language-neutral page reference
    assert not duties["sr_coordinator"].uncertain
    assert method.duties_for("1")["board"].text.get("en").startswith("Takes the in-principle")


def test_text_falls_back_to_dutch(method):
    title = method.title
    assert title.get("nl") == "Partnerships voor meer banen"
    assert title.get("en_GB") == "Partnerships for more jobs"
    assert title.get("de") == title.get(None) == title.nl


def test_a_second_small_workflow_loads_too():
    small = load_workflow(FIXTURES / "valid_small" / "workflow.toml")
    assert small.key == "small-method"
    assert [s.code for s in small.steps] == ["A", "B"]
    assert [s.code for s in small.steps_for_route("short")] == ["A"]
    assert small.brainstorm is None
    assert small.guidance("B1", "en") == "## What to do\n\nGuidance for B1."
    assert str(small.substep("A1").checks[1]) == "actions:min=2"
    assert small.substep("A1").checks[1].param == 2


def _copy_with_version(tmp_path: Path, folder: str, version: int) -> None:
    target = tmp_path / folder
    shutil.copytree(FIXTURES / "valid_small", target)
    toml = target / "workflow.toml"
    toml.write_text(toml.read_text().replace("version = 1", f"version = {version}"))


def test_load_all_keeps_every_version_and_newest_picks_the_highest(tmp_path):
    _copy_with_version(tmp_path, "small-v1", 1)
    _copy_with_version(tmp_path, "small-v3", 3)
    _copy_with_version(tmp_path, "small-v2", 2)
    workflows = load_all(tmp_path)
    assert sorted(workflows) == [("small-method", 1), ("small-method", 2), ("small-method", 3)]
    assert workflows.newest("small-method").version == 3
    assert workflows.get("small-method", 2).version == 2
    assert workflows.get(("small-method", 2)).version == 2
    assert workflows.get("small-method", 9) is None
    with pytest.raises(KeyError):
        workflows.newest("unknown")


def test_load_all_of_the_app_folder_finds_the_handreiking():
    workflows = load_all(ROOT / "workflows")
    assert workflows.newest("partnerships-voor-meer-banen").version == 1


def test_the_same_key_and_version_twice_is_a_problem(tmp_path):
    _copy_with_version(tmp_path, "one", 1)
    _copy_with_version(tmp_path, "two", 1)
    with pytest.raises(WorkflowError) as caught:
        load_all(tmp_path)
    [problem] = caught.value.problems
    assert problem.file == tmp_path / "two" / "workflow.toml"
    assert problem.line == 3
    assert "also defined" in problem.message


def test_an_empty_folder_is_a_problem(tmp_path):
    with pytest.raises(WorkflowError, match="no workflow.toml"):
        load_all(tmp_path)
