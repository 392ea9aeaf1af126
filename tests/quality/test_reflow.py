"""WCAG 2.1 criterion 1.4.10 (Reflow): at 320 CSS pixels no page scrolls sideways.

One browser, one context per role, every HTML page the access matrix reaches for that role,
at 320x640: the document is no wider than the window, and axe-core finds nothing at that
width on each page's first view (the other roles' views are measured for width only, so
the run stays within a minute or two). QUALITY_AXE_ALL=1, as in test_accessibility, runs
axe-core on every role's view of every page at 320 px too (slow: a quarter of an hour).
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import PASSWORD
from tests.quality.test_accessibility import _html_pages

pytestmark = pytest.mark.browser

ROLES = (
    "coordinator",
    "org_admin",
    "site_admin",
    "member",
    "board",
    "supplier_same_pilot",
    "supplier_other",
    "other_org_user",
)
WIDTH, HEIGHT = 320, 640

# What is wider than the window, named so a failure says where to look.
_WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > limit + 1 && box.width > 0) {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (classes ? '.' + classes.split(/\\s+/).join('.') : '');
      wide.push(name + ' ' + Math.round(box.right) + 'px');
    }
    if (wide.length >= 5) break;
  }
  return wide;
}"""


def _narrow_page(browser, live_server, user):
    context = browser.new_context(
        locale="nl-NL", base_url=live_server, viewport={"width": WIDTH, "height": HEIGHT}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    return context, page


def test_no_page_scrolls_sideways_at_320_px_for_any_role(
    app, world, browser, live_server, axe_check
):
    failures, seen, measured = [], set(), 0
    every = bool(os.environ.get("QUALITY_AXE_ALL"))
    for actor in ROLES:
        pages = list(_html_pages(app, world, actor))
        context, page = _narrow_page(browser, live_server, world.user(actor))
        try:
            for endpoint, path in pages:
                page.goto(path)
                measured += 1
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > WIDTH:
                    failures.append(
                        f"as {actor}: {path} is {width}px wide: {page.evaluate(_WIDEST)}"
                    )
                if every or endpoint not in seen:
                    seen.add(endpoint)
                    try:
                        axe_check(page)
                    except pytest.fail.Exception as failure:
                        failures.append(f"as {actor} at {WIDTH}px: {failure}")
        finally:
            context.close()
    assert measured > 100
    assert failures == [], "\n".join(failures)
