"""Finding every form of the world and filling it with hostile text; scanning pages for markup
that could run."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.quality.forms import forms_in
from tests.quality.harness import act_as, app_rules, url_for_rule

PAYLOADS = [
    line
    for line in (Path(__file__).with_name("xss_payloads.txt").read_text().splitlines())
    if line.strip()
]
FORMULAS = [
    '=HYPERLINK("http://evil.example","klik")',
    "+1+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(A1:A2)",
    "=1+1",
]
# Pages whose forms are filled: the working group's view and the site administrator's.
FORM_ACTORS = ("coordinator", "site_admin")
# Forms that end the session or the account being used; they have their own tests.
SKIP_ACTIONS = re.compile(r"/logout$|/language$|/settings/password$|/active$")


def discover_forms(app, world):
    """[(actor, page, form)] for every POST form with text fields on the world's GET pages."""
    client = app.test_client()
    found, seen = [], set()
    for actor in FORM_ACTORS:
        for rule in app_rules(app, {"GET"}):
            act_as(client, world.user(actor))
            page = url_for_rule(app, rule, world)
            response = client.get(page)
            if response.status_code != 200 or "text/html" not in response.content_type:
                continue
            for form in forms_in(response.text, page):
                key = (form.action, tuple(sorted(f.name for f in form.fields)))
                if form.text_fields and key not in seen and not SKIP_ACTIONS.search(form.action):
                    seen.add(key)
                    found.append((actor, page, form))
    return found


def packs(payloads: list[str], budget: int) -> list[str]:
    """Join payloads into values of at most `budget` characters (each payload whole)."""
    result, current = [], ""
    for payload in payloads:
        if current and len(current) + 1 + len(payload) > budget:
            result.append(current)
            current = ""
        current = f"{current}\n{payload}" if current else payload
    if current:
        result.append(current)
    return result


def fill_rounds(form, payloads: list[str], rounds: int | None = None, start: int = 0) -> list[dict]:
    """Form data for as many submissions as it takes to put every payload in every field
    (or only `rounds` of them, starting at pack `start`)."""
    per_field = {}
    for field in form.text_fields:
        limit = field.maxlength or (3000 if field.kind == "textarea" else 190)
        values = packs(payloads, limit)
        if field.kind != "textarea":
            values = [v.replace("\n", " ") for v in values]
        per_field[field.name] = values
    rounds = max(len(v) for v in per_field.values())
    return [
        form.data(**{name: values[i % len(values)] for name, values in per_field.items()})
        for i in range(rounds)
    ]


class _Danger(HTMLParser):
    """Collects markup in a page that would run script if CSP were not there."""

    URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}
    # CSP does not stop htmx: an injected hx-post / hx-trigger="load" runs with the CSRF
    # token of <body hx-headers>, and an injected <form>/<button> posts as the user. The
    # app's own pages use hx-trigger only with these values, and payloads that inject
    # forms and buttons carry the word "injected" in an attribute (xss_payloads.txt).
    OWN_TRIGGERS = {"change", "every 2s"}
    MARKING = {"class", "name", "id", "action", "formaction"}  # never hold user text
    INJECTED = re.compile(r"injected|alert\(|javascript:", re.IGNORECASE)
    INJECTED_HTMX = re.compile(r"injected|alert\(|javascript:|/logout", re.IGNORECASE)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._script = not any(name == "src" for name, _ in attrs)
            for name, value in attrs:
                if name == "src" and not (value or "").startswith("/static/"):
                    self.found.append(f"<script src={value}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name.startswith("hx-on"):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name == "hx-trigger" and value not in self.OWN_TRIGGERS:
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name.startswith("hx-") and self.INJECTED_HTMX.search(value):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if tag in ("form", "button") and name in self.MARKING and self.INJECTED.search(value):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name in self.URL_ATTRS:
                cleaned = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if cleaned.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"<{tag} {name}={value[:40]}>")

    def handle_data(self, data):
        if self._script and data.strip():
            self.found.append(f"inline <script>{data.strip()[:40]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False


def dangerous_markup(html: str) -> list[str]:
    parser = _Danger()
    parser.feed(html)
    return parser.found
