"""Browser tests: the system Chromium, driven by Playwright, against the app on a loopback port.

Fixtures
--------
live_server  (session) base URL of a second app instance on the same database as the `app`
             fixture, with CSRF protection ON, served by werkzeug on 127.0.0.1:<free port>
             in a daemon thread. Tests create their data through `make` and must commit it
             (the server reads the database through its own connections).
browser      (session) headless Chromium from /usr/bin/chromium. Missing: skipped locally,
             a failure under CI=true.
page         (per test) a fresh context (locale nl-NL, so no state leaks between tests) and
             page. It depends on `app`, so the database is emptied after every test.
browser_page alias of `page`.
axe_check    call axe_check(page) on every page you visit: runs axe-core
             (axe-playwright-python) and fails with a readable list of violations
             (rule id, impact, targets, help).

Every page gets checked: the `page` fixture records the path of each document that
loads (page.on("load")), and at teardown the test FAILS if any loaded path was never
passed to axe_check. So after each navigation (goto, a click that loads a page, a form
post and its redirect), call axe_check(page) before moving on.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import PASSWORD, TEST_CONFIG

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(_app, tmp_path_factory):
    """A second app on the session's database, CSRF on, served on a free loopback port."""
    from werkzeug.serving import make_server

    from partnerships import create_app

    server_app = create_app(
        {
            **TEST_CONFIG,
            "TESTING": False,
            "WTF_CSRF_ENABLED": True,
            "SQLALCHEMY_DATABASE_URI": _app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": _app.config["SECRET_KEY"],
            "WORKFLOWS_DIR": _app.config["WORKFLOWS_DIR"],
        },
        instance_path=tmp_path_factory.mktemp("live-instance"),
    )
    server = make_server("127.0.0.1", 0, server_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        from partnerships.extensions import db

        with server_app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium; skipped where it is missing, except in CI."""
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(app, browser, live_server):
    """A fresh browser context and page; fails the test if a loaded page missed axe_check."""
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    loaded: list[str] = []
    new_page.on("load", lambda p: loaded.append(urlsplit(p.url).path))
    new_page.axe_checked = set()
    try:
        yield new_page
        unchecked = sorted({path for path in loaded if path not in new_page.axe_checked})
        if unchecked:
            pytest.fail(
                "These pages loaded but were never checked with axe_check(page): "
                + ", ".join(unchecked)
            )
    finally:
        context.close()


@pytest.fixture
def browser_page(page):
    return page


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(
                f"    at {target}: {node.get('failureSummary', '').strip()}".replace("\n", " ")
            )
    return "\n".join(lines)


@pytest.fixture(scope="session")
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe_check(_axe):
    """axe_check(page): fail on any axe-core violation on the page as it is now."""

    def _check(target_page) -> None:
        # A click that navigates returns before the new document exists; axe run on a page
        # between two documents finds no documentElement.
        target_page.wait_for_load_state("load")
        results = _axe.run(target_page)
        path = urlsplit(target_page.url).path
        checked = getattr(target_page, "axe_checked", None)
        if checked is not None:
            checked.add(path)
        violations = results.response["violations"]
        if violations:
            pytest.fail(
                f"axe-core found {len(violations)} accessibility violation(s) on {path}:\n"
                + format_violations(violations)
            )

    return _check


def log_in(page, axe_check, email):
    """Log in through the Dutch login form, checking both pages with axe on the way."""
    from playwright.sync_api import expect

    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)
