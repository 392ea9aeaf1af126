"""Hostile input: script in every text field never runs, random input never breaks a page,
and formulas never reach a spreadsheet as formulas."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.conftest import PASSWORD
from tests.quality.harness import act_as, app_rules, url_for_rule
from tests.quality.hostile import (
    FORMULAS,
    PAYLOADS,
    dangerous_markup,
    discover_forms,
    fill_rounds,
)


def _submit_everywhere(app, world, payloads, rounds=None):
    """Fill every form of the world with the payloads; returns (accepted, refused, errors).
    With `rounds`, each form is sent that many times, each time with other payloads."""
    client = app.test_client()
    accepted, refused, errors = 0, 0, []
    for number, (actor, _page, form) in enumerate(discover_forms(app, world)):
        for data in fill_rounds(form, payloads, rounds, start=number):
            act_as(client, world.user(actor))
            response = client.post(form.action, data=data, hand_built=True)
            if response.status_code >= 500:
                errors.append(f"{form.action} as {actor}: {response.status_code}")
            elif response.status_code < 400:
                accepted += 1
            else:
                refused += 1
    return accepted, refused, errors


def _world_pages(app, world, actor="coordinator"):
    client = app.test_client()
    act_as(client, world.user(actor))
    for rule in app_rules(app, {"GET"}):
        path = url_for_rule(app, rule, world)
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response.content_type:
            yield path, response.text


def test_the_corpus_has_at_least_fifty_payloads():
    assert len(PAYLOADS) >= 50


def test_xss_payloads_in_every_text_field_come_back_as_harmless_text(app, world):
    accepted, refused, errors = _submit_everywhere(app, world, PAYLOADS)
    assert errors == [], "hostile text caused server errors"
    assert accepted > 10, f"too few hostile submissions were stored ({accepted}, {refused})"
    found = {}
    for actor in ("coordinator", "board", "supplier_same_pilot"):
        for path, html in _world_pages(app, world, actor):
            danger = dangerous_markup(html)
            if danger:
                found[f"{path} as {actor}"] = danger[:3]
            assert "SECRET_KEY" not in html and "&lt;Config" not in html
    assert found == {}, "pages contain markup that would run script"


@pytest.mark.browser
def test_no_script_runs_in_the_browser_after_hostile_input(app, world, browser, live_server):
    # One round per form: every textarea holds the whole corpus, short fields a share of it.
    _submit_everywhere(app, world, PAYLOADS, rounds=1)
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs, console = [], []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on(
        "console", lambda m: console.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: console.append(f"{page.url}: {e}"))
    try:
        page.goto("/login")
        page.fill("input[name=email]", world.user("coordinator").email)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")
        # The pages where the hostile text shows.
        paths = [path for path, html in _world_pages(app, world) if "alert(" in html]
        for path in paths:
            page.goto(path)
            page.wait_for_load_state()
            page.keyboard.press("Tab")  # give autofocus/onfocus payloads their chance
    finally:
        context.close()
    assert len(paths) > 10
    assert dialogs == [], "a payload opened a dialog: script ran"
    script_errors = [
        m
        for m in console
        if re.search(r"script|Content Security Policy|unsafe-inline|Refused to", m, re.IGNORECASE)
    ]
    assert script_errors == [], "the browser refused or ran injected script"


# Random and boundary values in every form and query parameter: test_hypothesis_inputs.py.


# --- spreadsheet formulas ---


def _export_urls(app, world):
    """Every CSV/XLSX export, with each of its kinds (what) and formats (fmt)."""
    for rule in app_rules(app, {"GET"}):
        name = rule.endpoint.lower()
        if not any(word in name for word in ("csv", "xlsx", "export")):
            continue
        params = world.url_params_for(rule)
        whats, fmts = [params.get("what")], [params.get("fmt")]
        if "what" in rule.arguments or "fmt" in rule.arguments:
            from partnerships.figures.views import EXPORTS, FORMATS

            whats, fmts = list(EXPORTS), list(FORMATS)
        for what in whats:
            for fmt in fmts:
                values = {
                    **params,
                    **({"what": what} if what else {}),
                    **({"fmt": fmt} if fmt else {}),
                }
                url = app.url_map.bind("localhost").build(rule.endpoint, values)
                if url.endswith((".csv", ".xlsx")) or "csv" in name or "xlsx" in name:
                    yield url


def _cells(response) -> list[str]:
    if response.content_type.startswith("text/csv") or response.request.path.endswith(".csv"):
        text = response.get_data(as_text=True).lstrip("\ufeff")
        # Our exports use ';' (what Dutch Excel expects); older or external ones may use ','.
        header = text.split("\n", 1)[0]
        delimiter = ";" if header.count(";") >= header.count(",") else ","
        return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.data))
    # In a workbook only a formula cell (type "f") can run; a text cell shows "=1+1" as typed,
    # so it is given here as the CSV would write it, with its apostrophe.
    return [
        str(c.value) if c.data_type == "f" else "'" + str(c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None and c.data_type != "n"
    ]


NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)*%?$")


def test_formulas_typed_into_text_fields_are_neutralised_in_every_export(app, world):
    accepted, _refused, errors = _submit_everywhere(app, world, FORMULAS, rounds=2)
    assert errors == []
    client = app.test_client()
    act_as(client, world.user("coordinator"))
    checked, live, carried = 0, [], 0
    for url in _export_urls(app, world):
        for actor in ("coordinator", "org_admin", "supplier_same_pilot"):
            act_as(client, world.user(actor))
            response = client.get(url)
            if response.status_code != 200:
                continue
            checked += 1
            for cell in _cells(response):
                carried += any(f.lstrip("=+-@") in cell for f in FORMULAS[:2])
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(cell):
                    live.append(f"{url} as {actor}: {cell[:60]!r}")
    assert checked, "no CSV/XLSX export answered in the world"
    assert carried, "no formula typed into a form reached any export: nothing was tested"
    assert live == [], "formulas reached an export without a leading apostrophe"
