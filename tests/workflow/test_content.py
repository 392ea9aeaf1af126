"""The handreiking's content is complete: guidance, agendas, brainstorm format and checks."""

import re
from pathlib import Path

import pytest

from partnerships.workflow import load_workflow

METHOD = Path(__file__).resolve().parents[2] / "workflows" / "partnerships-voor-meer-banen"
SECTIONS = {
    "nl": ["## Wat je doet", "## Tips", "## Valkuilen"],
    "en": ["## What to do", "## Tips", "## Pitfalls"],
}
SOURCE = {"nl": "Bron: handreiking", "en": "Source: handreiking"}


@pytest.fixture(scope="module")
def method():
    return load_workflow(METHOD)


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_guidance_has_sections_a_useful_length_and_cites_its_page(method, locale):
    for sub in method.substeps:
        text = method.guidance(sub.code, locale)
        positions = [text.find(heading) for heading in SECTIONS[locale]]
        assert -1 not in positions and positions == sorted(positions), sub.code
        assert 120 <= len(text.split()) <= 300, (sub.code, locale, len(text.split()))
        last = text.splitlines()[-1]
        assert last.startswith(SOURCE[locale]), (sub.code, last)
        first_page = int(re.search(r"p\. (\d+)", last).group(1))
        assert first_page == sub.page, sub.code


def test_agenda_templates_the_method_names(method):
    expected = {
        "kickoff": "1b",
        "supplier_first": "2Bb",
        "supplier_second": "2Bb",
        "decision_makers": "3b",
        "progress": "4a",
        "board": "1a",
    }
    assert {t.key: t.step for t in method.agenda_templates} == expected
    for template in method.agenda_templates:
        assert template.duration_minutes > 0 and len(template.items) >= 4
        assert all(item.title.nl and item.title.en for item in template.items)
    first = method.agenda_template("supplier_first")
    assert first.items[-1].title.en == "Any other business"
    assert "supplier" in first.roles


def test_brainstorm_format_of_bijlage_iii(method):
    fmt = method.brainstorm
    assert fmt.page == 39
    assert [k.key for k in fmt.kinds] == [
        "existing_with_sr",
        "existing_without_sr",
        "new_lt4",
        "new_gt4",
        "other",
    ]
    assert [n.key for n in fmt.natures] == ["work", "service", "supply"]
    assert [p.key for p in fmt.prompts] == [
        "what",
        "who",
        "how",
        "next_steps",
        "results",
        "policy_fit",
    ]
    assert [(c.key, c.label.nl) for c in fmt.columns] == [
        ("in_view", "In beeld"),
        ("potential", "Potentie"),
        ("follow_up", "Vervolg"),
    ]


def test_checks_used_by_the_method(method):
    used = {str(check) for sub in method.substeps for check in sub.checks}
    assert {
        "decision:principebesluit",
        "role_filled:coordinator",
        "role_filled:coordinator_backup",
        "route:chosen",
        "meeting:held=supplier_first",
        "placements:min=1",
        "monitoring:frequency_set",
        "evaluation:done",
        "policy:drafted",
        "decision:policy_adoption",
    } <= used


def test_every_step_has_raci_duties_for_the_coordinator(method):
    for step in method.steps:
        assert "coordinator" in method.duties_for(step.code), step.code
