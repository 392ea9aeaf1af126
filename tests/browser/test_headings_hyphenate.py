"""At 320 px long Dutch headings ("Monitoringsrapportage") break at a syllable with a
hyphen, not anywhere in the word: every heading level asks the browser to hyphenate, in
the language the page declares (issue 15)."""

from __future__ import annotations

import pytest

from partnerships import demo
from partnerships.extensions import db

pytestmark = pytest.mark.browser

_HEADINGS = """() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')]
  .map(h => [h.tagName.toLowerCase(), getComputedStyle(h).hyphens])"""


@pytest.fixture
def demo_world(app):
    demo.seed()
    db.session.commit()


def test_headings_of_every_level_hyphenate_in_dutch(page, axe_check, demo_world):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill("inkoop@voorbeeldstad.example")
    page.get_by_label("Wachtwoord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    axe_check(page)
    step = page.locator("#for-you-steps a").first.get_attribute("href")
    page.goto("/".join(step.split("/")[:3]))  # the pilot page of its next sub-step
    axe_check(page)
    assert page.evaluate("document.documentElement.lang") == "nl"
    headings = page.evaluate(_HEADINGS)
    levels = {level for level, _ in headings}
    assert {"h1", "h2", "h3"} <= levels, headings  # the pilot page uses three levels
    assert [h for h in headings if h[1] != "auto"] == []
